// Relation rules on text no rule was written for (issue #5, round 3): invented press-release and 8-K
// sentences of other, fictional companies, run through the whole pipeline, plus rule-level cases for
// the behaviour they exposed. Names are made up; only well-known industry companies are real.
import { describe as group, expect, it } from 'vitest';
import { extractText } from '../src/pipeline.ts';
import type { RelationFact } from '../src/model/extraction.ts';
import { findPhases } from '../src/extract/relations/phase.ts';
import { describe, readRelations } from './support/relations.ts';
import { knowledge } from './support/knowledge.ts';

/** The whole pipeline on one release: facts as "TYPE source -> target" lines, and the facts themselves. */
function pipeline(text: string): { lines: string[]; facts: RelationFact[]; name: (i: number) => string } {
  const [extraction] = extractText(text, { path: 'unseen.txt', knowledge });
  if (!extraction) throw new Error('no document');
  const mentions = extraction.mentions.mentions;
  const name = (i: number): string => mentions[i]?.canonical ?? `#${i}`;
  return { lines: describe(extraction.mentions, extraction.facts), facts: extraction.facts, name };
}

const run = readRelations;

group('unseen releases through the pipeline', () => {
  it('reads an out-licence with upfront, potential milestones and exclusivity', () => {
    const { lines, facts } = pipeline(
      'BOSTON, March 4, 2024 -- Corvana Therapeutics, Inc. (Nasdaq: CRVN) today announced that it has entered into an exclusive license agreement with Novartis AG, under which Novartis will receive worldwide rights to develop and commercialize CRV-301, a small molecule inhibitor, for the treatment of non-small cell lung cancer. Under the terms of the agreement, Novartis will pay Corvana an upfront payment of $150 million, and Corvana is eligible to receive up to $1.2 billion in development, regulatory and commercial milestones.',
    );
    expect(lines).toEqual(expect.arrayContaining(['LICENSES_TO Corvana Therapeutics -> Novartis', 'LICENSES Novartis -> CRV-301', 'PAYS Novartis -> Corvana Therapeutics', 'STUDIED_FOR CRV-301 -> non-small cell lung cancer']));
    expect(facts.find((f) => f.type === 'LICENSES_TO')?.properties).toMatchObject({ exclusive: true, territory: 'worldwide' });
    const pays = facts.filter((f) => f.type === 'PAYS');
    expect(pays.find((f) => f.properties.kind === 'upfront')?.properties).toMatchObject({ amount: 150_000_000, currency: 'USD' });
    expect(pays.find((f) => f.properties.amount === 1_200_000_000)?.properties).toMatchObject({ qualifier: 'up_to', status: 'potential' });
    expect(lines.some((l) => l.startsWith('LICENSES_TO Novartis'))).toBe(false);
  });

  it('reads an exercised option with its fee, and the licence it brings', () => {
    const { lines, facts } = pipeline(
      "SAN DIEGO, June 12, 2023 -- Helixon Biosciences, Inc. today announced that Pfizer Inc. has exercised its option to license HLX-220, Helixon's anti-TIGIT antibody, triggering a $40 million option exercise fee payable to Helixon.",
    );
    expect(lines).toEqual(expect.arrayContaining(['HAS_OPTION_ON Pfizer -> HLX-220', 'LICENSES_TO Helixon Biosciences -> Pfizer', 'TARGETS HLX-220 -> TIGIT']));
    expect(facts.find((f) => f.type === 'HAS_OPTION_ON')?.properties).toMatchObject({ status: 'exercised', amount: 40_000_000, currency: 'USD' });
  });

  it('reads an agreed acquisition with per-share price and CVR as pending, not hedged', () => {
    const { lines, facts } = pipeline(
      'NEW YORK, October 2, 2023 -- Bristol Myers Squibb and Quellis Pharmaceuticals, Inc. today announced a definitive merger agreement under which Bristol Myers Squibb will acquire Quellis for $32.50 per share in cash, or approximately $4.1 billion, plus one contingent value right per share worth up to $5.00 in cash.',
    );
    expect(lines).toEqual(['ACQUIRES Bristol Myers Squibb -> Quellis Pharmaceuticals']);
    expect(facts[0]?.properties).toMatchObject({ perShare: 32.5, amount: 4_100_000_000, currency: 'USD', qualifier: 'approximately', cvr: true, status: 'expected' });
  });

  it('reads a joint announcement of a collaboration with upfront and potential milestones', () => {
    const { lines, facts } = pipeline(
      'CAMBRIDGE, Mass., January 9, 2024 -- Anterra Bio, Inc. and AstraZeneca today announced a strategic research collaboration to discover and develop novel antibody-drug conjugates. Under the collaboration, AstraZeneca will pay Anterra $75 million upfront and Anterra may earn up to $1.5 billion in milestone payments.',
    );
    expect(lines).toEqual(['COLLABORATES_WITH Anterra Bio -> AstraZeneca', 'PAYS AstraZeneca -> Anterra Bio']);
    expect(facts.some((f) => f.type === 'EARNED_MILESTONE')).toBe(false); // "may earn up to" is no earned milestone
  });

  it('reads "completed enrollment" as an ongoing trial of the drug the clause is about', () => {
    const { lines, facts } = pipeline(
      'SEATTLE, February 20, 2024 -- Caldera Biotherapeutics, Inc. today announced that KT-509, an antibody-drug conjugate comprising a HER3-directed monoclonal antibody linked to a topoisomerase I inhibitor payload via a cleavable linker, has completed enrollment in its Phase 2 study in patients with metastatic breast cancer.',
    );
    expect(lines).toContain('IN_PHASE KT-509 -> PHASE_2');
    expect(lines.some((l) => l.startsWith('STUDIED_FOR KT-509 ->') && l.includes('breast cancer'))).toBe(true);
    expect(facts.find((f) => f.type === 'IN_PHASE')?.properties.status).toBe('ongoing');
  });

  it("reads a milestone a partner's progress triggers, paid to the announcing company", () => {
    const { lines, facts } = pipeline(
      'ZURICH, July 7, 2024 -- Strand Genomics AG today announced that its partner Takeda has achieved a development milestone in the Phase 1 and 2 program, triggering a CHF 10 million payment to Strand Genomics.',
    );
    expect(lines).toEqual(expect.arrayContaining(['EARNED_MILESTONE Strand Genomics -> Takeda', 'COLLABORATES_WITH Strand Genomics -> Takeda']));
    expect(facts.find((f) => f.type === 'EARNED_MILESTONE')?.properties).toMatchObject({ amount: 10_000_000, currency: 'CHF', qualifier: 'exact' });
  });

  it('produces nothing from denied or terminated deals', () => {
    expect(pipeline('BOSTON, September 30, 2024 -- Tessaline Bio, Inc. announced that it has not received the milestone payment from Sanofi and that Sanofi has terminated its license agreement.').lines).toEqual([]);
    expect(
      pipeline('BOSTON, April 18, 2024 -- Nimbara Therapeutics, Inc. today announced that Amgen has elected not to exercise its option to license NMB-123 and all rights have returned to Nimbara.').lines.filter(
        (l) => !l.startsWith('DEVELOPS'),
      ),
    ).toEqual([]);
  });

  it('reads "an agreement with B for X, a vaccine for Y": the partner company is no combination drug', () => {
    const { lines } = pipeline(
      'OXFORD, England, November 5, 2023 -- Kellan Vaccines Ltd today announced a co-development and co-commercialization agreement with GSK for KV-301, a vaccine candidate for the prevention of respiratory syncytial virus infection in older adults.',
    );
    expect(lines).toContain('COLLABORATES_WITH Kellan Vaccines -> GSK');
    expect(lines.some((l) => l.startsWith('STUDIED_FOR KV-301 -> respiratory syncytial virus'))).toBe(true);
  });

  it('directs a licence stated without direction by the payments of the same document', () => {
    const { lines } = pipeline(
      'TOKYO, December 1, 2023 -- Daiwa Pharma Co., Ltd. and Merck KGaA, Darmstadt, Germany announced that they have entered into a collaboration and license agreement for DW-201. Daiwa will receive EUR 60 million upfront from Merck KGaA.',
    );
    expect(lines).toEqual(expect.arrayContaining(['LICENSES_TO Daiwa Pharma -> Merck KGaA', 'PAYS Merck KGaA -> Daiwa Pharma', 'COLLABORATES_WITH Daiwa Pharma -> Merck KGaA']));
    expect(lines).not.toContain('LICENSES_TO Merck KGaA -> Daiwa Pharma');
  });

  it('reads topline results as a completed phase and an approval as APPROVED_FOR', () => {
    const results = pipeline(
      'SAN FRANCISCO, January 22, 2024 -- Pyxant Therapeutics, Inc. today announced positive topline results from its Phase 3 REACH trial evaluating pyxatinib in patients with relapsed or refractory acute myeloid leukemia.',
    );
    expect(results.lines).toEqual(expect.arrayContaining(['IN_PHASE pyxatinib -> PHASE_3', 'STUDIED_FOR pyxatinib -> acute myeloid leukemia']));
    expect(results.facts.find((f) => f.type === 'IN_PHASE')?.properties.status).toBe('completed');
    const approval = pipeline(
      'BASEL, Switzerland, April 3, 2024 -- Roche announced today that the European Commission has granted marketing authorization for ostrimab for the treatment of patients with moderate to severe plaque psoriasis.',
    );
    expect(approval.lines.some((l) => l.startsWith('APPROVED_FOR ostrimab ->') && l.includes('psoriasis'))).toBe(true);
    expect(approval.lines.some((l) => l.startsWith('LICENSES'))).toBe(false); // "granted marketing authorization" is no licence
  });

  it("reads an agreed takeover as pending and a collaboration quote with the speaker's title", () => {
    const deal = pipeline('LONDON, May 2, 2024 -- Emberly Therapeutics plc announced that Johnson & Johnson has agreed to acquire Emberly for approximately $2.0 billion in cash.');
    expect(deal.lines).toEqual(['ACQUIRES Johnson & Johnson -> Emberly Therapeutics']);
    expect(deal.facts[0]?.properties).toMatchObject({ amount: 2_000_000_000, qualifier: 'approximately', status: 'expected' });
    const quote = pipeline(
      'SOUTH SAN FRANCISCO, Calif., Feb. 6, 2024 -- Tallis Bio, Inc. today announced that it has entered into a research collaboration with Regeneron Pharmaceuticals, Inc. to discover antibodies against novel targets. "We are excited to partner with Regeneron," said Marcus Lee, President and Chief Executive Officer of Tallis Bio.',
    );
    expect(quote.lines).toEqual(['COLLABORATES_WITH Tallis Bio -> Regeneron Pharmaceuticals', 'EMPLOYS Tallis Bio -> Marcus Lee']);
  });
});

group('phase coordination', () => {
  const keys = (text: string): string[] => findPhases(knowledge.relations.phases, text).map((p) => p.key);
  it('reads "Phase 1 and 2" and "Phases 2 and 3" as two phases, "Phase 1/2" and "Phase 2b/3" as one', () => {
    expect(keys('the Phase 1 and 2 program')).toEqual(['PHASE_1', 'PHASE_2']);
    expect(keys('Phases 2 and 3 trials')).toEqual(['PHASE_2', 'PHASE_3']);
    expect(keys('Phase 1, 2 or 3 studies')).toEqual(['PHASE_1', 'PHASE_2', 'PHASE_3']);
    expect(keys('a Phase 1/2 trial')).toEqual(['PHASE_1_2']);
    expect(keys('a Phase 2b/3 trial')).toEqual(['PHASE_2_3']);
    expect(keys('Phase IIb/III')).toEqual(['PHASE_2_3']);
  });
  it('does not read a count or a percentage after a phase as another phase', () => {
    expect(keys('the Phase 3 and 12 months of follow-up')).toEqual(['PHASE_3']);
    expect(keys('Phase 2 and 3 patients withdrew')).toEqual(['PHASE_2']);
    expect(keys('in Phase 2 and 3% of patients')).toEqual(['PHASE_2']);
  });
  it('gives both coordinated phases to the drug', () => {
    expect(run(['[Company:Acme Bio] completed the Phase 1 and 2 trials of [Drug:AB-101].']).lines).toEqual(expect.arrayContaining(['IN_PHASE AB-101 -> PHASE_1', 'IN_PHASE AB-101 -> PHASE_2']));
  });
});

group('precision hazards found on unseen text', () => {
  it('keeps a phase in a bracket with the drug of that bracket', () => {
    const { lines } = run(['The programs address [Disease:gout] ([Drug:AB-1], Phase 3 ready) and [Disease:lupus] (an unnamed compound, Phase 2a, with partners).']);
    expect(lines).toContain('IN_PHASE AB-1 -> PHASE_3');
    expect(lines).not.toContain('IN_PHASE AB-1 -> PHASE_2');
  });
  it('does not give a trial to the combination partner named before it', () => {
    const { lines } = run(['The drug is in a Phase 2 trial in combination with [Drug:zetamab], a VEGF inhibitor, and a Phase 1/2 trial in patients with [Disease:renal cell carcinoma].']);
    expect(lines).not.toContain('IN_PHASE zetamab -> PHASE_1_2');
  });
  it('drops a generic indication when the document names a specific one for the drug', () => {
    const { lines } = run(['[Drug:AB-7] is approved for [Disease:metastatic breast cancer].', 'We hope to bring [Drug:AB-7] to more patients with [Disease:cancer].']);
    expect(lines).toContain('APPROVED_FOR AB-7 -> metastatic breast cancer');
    expect(lines).not.toContain('STUDIED_FOR AB-7 -> cancer');
    // Alone, the generic indication stands ("two of Acme cancer programs").
    expect(run(['[Drug:AB-8] is being developed for the treatment of [Disease:cancer].']).lines).toContain('STUDIED_FOR AB-8 -> cancer');
  });
  it('reads no collaboration between two companies named as objects', () => {
    const { lines } = run(['The deal needs approvals by the shareholders of [Company:Acme Bio] and [Company:Acme Holdings]. The collaboration began in 2020.']);
    expect(lines.filter((l) => l.startsWith('COLLABORATES_WITH'))).toEqual([]);
    expect(run(['The collaboration between [Company:Acme Bio] and [Company:Zeta Pharma] began in 2020.']).lines).toContain('COLLABORATES_WITH Acme Bio -> Zeta Pharma');
  });
  it('reads "X is being jointly developed with B" and "(X, in collaboration with B)" as the document company\'s collaboration', () => {
    const opts = { registrant: 'Acme Bio' };
    expect(run(['[Company:Acme Bio] filed this report.', '[Drug:AB-3] is being jointly developed and commercialized globally with [Company:Zeta Pharma].'], opts).lines).toContain('COLLABORATES_WITH Acme Bio -> Zeta Pharma');
    expect(run(['[Company:Acme Bio] filed this report.', 'Its programs address [Disease:tuberculosis] ([Drug:AB-4], Phase 2a, in collaboration with [Company:Zeta Pharma]).'], opts).lines).toContain(
      'COLLABORATES_WITH Acme Bio -> Zeta Pharma',
    );
    // "licensed to B … developed with" names no collaboration of the document company with B.
    expect(run(['[Company:Acme Bio] filed this report.', '[Drug:AB-3] was licensed by [Company:Beta Labs] to [Company:Zeta Pharma].'], opts).lines.filter((l) => l.startsWith('COLLABORATES_WITH'))).toEqual([]);
  });
  it('prices an exercised option with the option fee its holder pays in another sentence', () => {
    const { facts } = run(['[Company:Zeta Pharma] has exercised its option to license [Drug:AB-5].', 'In connection with the option exercise, [Company:Acme Bio] received a $20 million payment from [Company:Zeta Pharma].']);
    expect(facts.find((f) => f.type === 'HAS_OPTION_ON')?.properties).toMatchObject({ status: 'exercised', amount: 20_000_000, currency: 'USD' });
  });
  it('reads no licence from a contract right and no takeover from an option to acquire', () => {
    expect(run(['[Company:Zeta Pharma] will have the right to terminate the agreement with [Company:Acme Bio] upon 90 days notice.']).lines).toEqual([]);
    expect(run(['[Company:Zeta Pharma] will have the exclusive rights to commercialize [Drug:AB-1] licensed from [Company:Acme Bio].']).lines).toContain('LICENSES_TO Acme Bio -> Zeta Pharma');
    const option = run(['[Company:Acme Bio] granted [Company:Zeta Pharma] an option to acquire [Company:Beta Labs].']).lines;
    expect(option).toContain('HAS_OPTION_ON Zeta Pharma -> Beta Labs');
    expect(option.filter((l) => l.startsWith('ACQUIRES'))).toEqual([]);
    expect(run(['[Company:Zeta Pharma] will be responsible for all costs of [Drug:AB-1] manufacturing.']).lines).toEqual([]);
  });
  it('reads "acquire all outstanding shares of B" as a takeover, "acquire a stake in B" not', () => {
    expect(run(['[Company:Acme Bio] will acquire all outstanding shares of [Company:Zeta Pharma] for $1.05 billion in cash.']).lines).toEqual(['ACQUIRES Acme Bio -> Zeta Pharma']);
    expect(run(['[Company:Acme Bio] will acquire a 10% equity stake in [Company:Zeta Pharma] for $50 million.']).lines.filter((l) => l.startsWith('ACQUIRES'))).toEqual([]);
  });
});
