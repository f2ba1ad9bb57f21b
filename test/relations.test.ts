import { describe as group, expect, it } from 'vitest';
import { readRelations } from './support/relations.ts';

const run = readRelations;

group('licensing', () => {
  it('reads "A granted B an exclusive license to X" with exclusivity, territory and subject', () => {
    const { facts, lines } = run(['[Company:Acme Bio] has granted [Company:Zeta Pharma] an exclusive worldwide license to develop [Drug:ZX-101].']);
    // "a license to develop X" also says the licensee develops X.
    expect(lines).toEqual(['DEVELOPS Zeta Pharma -> ZX-101', 'LICENSES Zeta Pharma -> ZX-101', 'LICENSES_TO Acme Bio -> Zeta Pharma']);
    const licence = facts.find((f) => f.type === 'LICENSES_TO');
    expect(licence?.properties).toMatchObject({ exclusive: true, territory: 'worldwide', subject: 'ZX-101' });
    expect(licence?.rule).toBe('licenses_to.granting_right');
  });
  it('takes the licensor from the possessive owner of the licensed technology, with agreement years', () => {
    const { facts, lines } = run([
      "The payment was due under the 1998 agreement granting [Company:Zeta Pharma] the exclusive right to make products using [Company:Acme Bio]'s [Technology:LinkerX technology] with antibodies to [Target:EGFR], as amended in 2003.",
    ]);
    expect(lines).toContain('LICENSES_TO Acme Bio -> Zeta Pharma');
    expect(lines).toContain('LICENSES Zeta Pharma -> LinkerX technology');
    expect(facts.find((f) => f.type === 'LICENSES_TO')?.properties).toMatchObject({ year: 1998, amendedYears: [2003], field: 'EGFR', exclusive: true });
  });
  it('reads passive and "from" licences', () => {
    expect(run(['[Drug:QR-7] was licensed to [Company:Beta Labs] by [Company:Gamma Research].']).lines).toContain('LICENSES_TO Gamma Research -> Beta Labs');
    expect(run(['[Company:Beta Labs] in-licensed [Drug:QR-7] from [Company:Gamma Research] last year.']).lines).toContain('LICENSES_TO Gamma Research -> Beta Labs');
  });
  it('produces no licence from a negated statement', () => {
    expect(run(['[Company:Acme Bio] has not granted [Company:Zeta Pharma] a license to [Drug:ZX-101].']).lines).toEqual([]);
  });
});

group('milestones and payments', () => {
  it('reads an earned milestone with amount, currency, trigger and drug', () => {
    const { facts, lines } = run(['On March 3, 2011, [Company:Acme Bio] earned a $7 million milestone payment from [Company:Zeta Pharma] with the start of Phase III testing of [Drug:ZX-101].'], { asOf: '2011-03-03' });
    expect(lines).toContain('EARNED_MILESTONE Acme Bio -> Zeta Pharma');
    const fact = facts.find((f) => f.type === 'EARNED_MILESTONE');
    expect(fact?.properties).toMatchObject({ amount: 7_000_000, currency: 'USD', qualifier: 'exact', date: '2011-03-03', drug: 'ZX-101' });
    expect(String(fact?.properties.trigger)).toMatch(/^start of Phase III/);
  });
  it('keeps a potential milestone as a potential payment, not as an earned one', () => {
    const { facts } = run(['[Company:Acme Bio] is eligible to receive up to €40 million in milestone payments from [Company:Zeta Pharma].']);
    expect(facts.some((f) => f.type === 'EARNED_MILESTONE')).toBe(false);
    const pays = facts.find((f) => f.type === 'PAYS');
    expect(pays?.properties).toMatchObject({ currency: 'EUR', qualifier: 'up_to', status: 'potential', kind: 'milestone' });
  });
  it('reads who pays whom from the verb, not from the payment noun', () => {
    const { facts, lines } = run(['[Company:Zeta Pharma] will pay [Company:Acme Bio] $25 million upfront.']);
    expect(lines).toEqual(['PAYS Zeta Pharma -> Acme Bio']);
    expect(facts[0]?.properties).toMatchObject({ amount: 25_000_000, kind: 'upfront' });
    expect(run(['[Company:Acme Bio] will receive a $25 million upfront payment from [Company:Zeta Pharma].']).lines).toEqual(['PAYS Zeta Pharma -> Acme Bio']);
  });
});

group('development, ownership, clinical', () => {
  it('reads "X and Y, in development by A" and wholly owned programmes', () => {
    const { lines } = run([
      'Two compounds, [Drug:AB-1] and [Drug:AB-2], in development by [Company:Zeta Pharma], are in the clinic.',
      'Two compounds wholly owned by [Company:Acme Bio] are in clinical testing — [Drug:AC-3] and [Drug:AC-4].',
    ]);
    expect(lines).toEqual(expect.arrayContaining(['DEVELOPS Zeta Pharma -> AB-1', 'DEVELOPS Zeta Pharma -> AB-2', 'DEVELOPS Acme Bio -> AC-3', 'DEVELOPS Acme Bio -> AC-4']));
  });
  it('reads a possessive technology as ownership', () => {
    expect(run(["The product uses [Company:Acme Bio]'s proprietary [Technology:LinkerX platform]."]).lines).toContain('OWNS Acme Bio -> LinkerX platform');
  });
  it('reads phases with status and date, and indications', () => {
    const { facts, lines } = run(['[Company:Zeta Pharma] began a Phase II trial of [Drug:ZX-101] in June 2012 for the treatment of [Disease:pancreatic cancer].']);
    expect(lines).toEqual(expect.arrayContaining(['IN_PHASE ZX-101 -> PHASE_2', 'STUDIED_FOR ZX-101 -> pancreatic cancer', 'DEVELOPS Zeta Pharma -> ZX-101']));
    expect(facts.find((f) => f.type === 'IN_PHASE')?.properties).toMatchObject({ status: 'started', date: '2012-06' });
  });
  it('marks an expected phase start as expected', () => {
    const { facts } = run(['Phase III testing of [Drug:ZX-9] is expected to begin next quarter.']);
    expect(facts.find((f) => f.type === 'IN_PHASE')?.properties.status).toBe('expected');
  });
  it('reads approvals as APPROVED_FOR and skips combination partners', () => {
    const { lines } = run(['The agency approved [Drug:ZX-101] in combination with [Drug:carboplatin] for the treatment of [Disease:ovarian cancer].']);
    expect(lines).toContain('APPROVED_FOR ZX-101 -> ovarian cancer');
    expect(lines.some((l) => l.startsWith('STUDIED_FOR') || l.includes('carboplatin ->'))).toBe(false);
  });
});

group('anatomy, people, trademarks, deals', () => {
  it('reads ADC components and targets', () => {
    const { lines } = run(['[Drug:mab7-PX] comprises the payload [Technology:PX], linked to the [Target:EGFR]-targeting antibody, [Drug:mab7].']);
    expect(lines).toEqual(expect.arrayContaining(['HAS_COMPONENT mab7-PX -> PX', 'HAS_COMPONENT mab7-PX -> mab7', 'TARGETS mab7 -> EGFR', 'TARGETS mab7-PX -> EGFR']));
  });
  it('reads a person, title and company', () => {
    const { facts, lines } = run(['"We are pleased," said [Person:Jane Roe], chief executive officer of [Company:Zeta Pharma].']);
    expect(lines).toEqual(['EMPLOYS Zeta Pharma -> Jane Roe']);
    expect(facts[0]?.properties.title).toBe('chief executive officer');
  });
  it('reads trademarks, acquisitions and collaborations', () => {
    expect(run(['[Drug:Zorvia] is a registered trademark of [Company:Zeta Pharma].']).lines).toEqual(['TRADEMARK_OF Zorvia -> Zeta Pharma']);
    const acq = run(['[Company:Zeta Pharma] agreed to acquire [Company:Acme Bio] for $12.00 per share in cash plus one contingent value right.']);
    expect(acq.lines).toEqual(['ACQUIRES Zeta Pharma -> Acme Bio']);
    expect(acq.facts[0]?.properties).toMatchObject({ perShare: 12, currency: 'USD', cvr: true });
    expect(run(['[Company:Acme Bio] announced a research collaboration with [Company:Zeta Pharma].']).lines).toEqual(['COLLABORATES_WITH Acme Bio -> Zeta Pharma']);
  });
});

group('stage contract', () => {
  it('takes nothing from forward-looking sections', () => {
    const { lines } = run([{ text: '[Company:Acme Bio] has granted [Company:Zeta Pharma] an exclusive license to [Drug:ZX-101].', section: 'forwardLooking' }]);
    expect(lines).toEqual([]);
  });
  it('resolves "the Company" to the registrant', () => {
    const { lines } = run(['[Company:Acme Bio, Inc.] filed this report.', 'The Company earned a $2 million milestone payment from [Company:Zeta Pharma].'], { registrant: 'Acme Bio, Inc.' });
    expect(lines).toContain('EARNED_MILESTONE Acme Bio, Inc. -> Zeta Pharma');
  });
  it('gives every fact a rule id and a confidence, and the same output for the same input', () => {
    const sentences = ['[Company:Acme Bio] has granted [Company:Zeta Pharma] an exclusive license to [Drug:ZX-101].', '[Drug:ZX-101] is in development by [Company:Zeta Pharma] for [Disease:gout].'];
    const a = run(sentences).facts;
    expect(a.length).toBeGreaterThan(2);
    for (const f of a) {
      expect(f.rule).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(f.confidence).toBeGreaterThan(0);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
    expect(JSON.stringify(run(sentences).facts)).toBe(JSON.stringify(a));
  });
});
