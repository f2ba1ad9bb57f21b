// Pipeline, development and deal wordings of the relation stage: each with invented sentences and a negative case.
import { describe as group, expect, it } from 'vitest';
import { extractRelations } from '../src/extract/relations/index.ts';
import { buildDoc, describe, readRelations } from './support/relations.ts';
import { knowledge, stageContext } from './support/knowledge.ts';

const run = readRelations;

group('development', () => {
  it('reads "developed by A in collaboration with B" past a "not-for-profit" that negates nothing', () => {
    const { lines } = run(['[Drug:QX-5] was invented at [Company:Ivy Labs], a not-for-profit company, and is being developed by [Company:Zeta Pharma] in collaboration with [Company:Beta Bio].']);
    expect(lines).toEqual(expect.arrayContaining(['DEVELOPS Zeta Pharma -> QX-5', 'DEVELOPS Beta Bio -> QX-5']));
    expect(run(['[Drug:QX-5] is not being developed by [Company:Zeta Pharma].']).lines).toEqual([]);
  });
  it('reads "being jointly developed with B" as B and the announcing company', () => {
    const { lines } = run(['[Company:Acme Bio] today announced results.', '[Drug:AB-7], a CD99 directed ADC, and [Drug:AB-8], a PRX directed ADC, are being co-developed together with [Company:Zeta Pharma] in all regions.']);
    expect(lines).toEqual(expect.arrayContaining(['DEVELOPS Acme Bio -> AB-7', 'DEVELOPS Acme Bio -> AB-8', 'DEVELOPS Zeta Pharma -> AB-7', 'DEVELOPS Zeta Pharma -> AB-8']));
    // "compared with B's drug" is no development.
    expect(run(['[Company:Acme Bio] today announced results.', '[Drug:AB-7] was compared with [Company:Zeta Pharma] products.']).lines.filter((l) => l.startsWith('DEVELOPS'))).toEqual([]);
  });
  it("reads a pipeline that includes a drug, and a company leading a drug's development", () => {
    expect(run(['[Company:Beta Bio] has a late-stage pipeline which includes [Drug:BB-12] for the treatment of [Disease:gout].']).lines).toContain('DEVELOPS Beta Bio -> BB-12');
    expect(run(['[Company:Beta Bio] will continue to lead ongoing [Drug:BB-12] global development.']).lines).toContain('DEVELOPS Beta Bio -> BB-12');
    expect(run(['[Company:Beta Bio] has a pipeline; it does not include [Drug:BB-12].']).lines).toEqual([]);
  });
  it('reads possessive and appositive owners of a drug', () => {
    const its = run(['[Company:Acme Bio] filed this report.', 'The Company will present data from its trial evaluating its novel kinase inhibitor, [Drug:ZX-3].'], { registrant: 'Acme Bio' });
    expect(its.lines).toContain('DEVELOPS Acme Bio -> ZX-3');
    expect(run(['The agency approved [Drug:Zorvia]™ ([Drug:zorvimab]), [Company:Acme Works]’ MEK inhibitor, for adults.']).lines).toContain('DEVELOPS Acme Works -> zorvimab');
    expect(run(['The license covers two of [Company:Acme Bio] [Disease:cancer] programs, [Drug:AB-1] and [Drug:AB-2].']).lines).toEqual(
      expect.arrayContaining(['DEVELOPS Acme Bio -> AB-1', 'DEVELOPS Acme Bio -> AB-2', 'STUDIED_FOR AB-1 -> cancer', 'STUDIED_FOR AB-2 -> cancer']),
    );
    // A company named after the drug as the object of a preposition does not own it.
    expect(run(['[Drug:ZX-3] was compared with the standard of care by [Company:Acme Bio] investigators.']).lines.filter((l) => l.startsWith('DEVELOPS'))).toEqual([]);
  });
});

group('targets and technology', () => {
  it("gives an apposition's target only to the name right before it", () => {
    const { lines } = run(['OTHERNAME, a [Target:HER2] directed ADC, and [Drug:AB-7], a [Target:TROP2] directed ADC, are marketed.']);
    expect(lines).toContain('TARGETS AB-7 -> TROP2');
    expect(lines).not.toContain('TARGETS AB-7 -> HER2');
  });
  it('reads no target from drug-interaction warnings', () => {
    expect(run(['Concomitant use of [Drug:ZX-1] with a strong [Target:CYP2C8] inhibitor may increase toxicity.']).lines).toEqual([]);
    expect(run(['Increase monitoring for [Drug:ZX-1] toxicity with moderate [Target:CYP2C8] inhibitors.']).lines).toEqual([]);
  });
  it('reads a payload named as a platform as a used technology, a payload word as a component', () => {
    // The entity stage gives a named platform its payload's canonical name ("DXd ADC technology" → DXd).
    const { doc, found } = buildDoc(['[Drug:examplumab deruxtecan] is designed using the [Technology:DXd ADC technology].', 'The [Technology:DXd] payload is potent.']);
    for (const m of found.mentions) if (m.label === 'Technology') m.canonical = 'DXd';
    const facts = extractRelations(doc, found, stageContext());
    const platform = { lines: describe(found, facts) };
    expect(platform.lines).toContain('USES_TECHNOLOGY examplumab deruxtecan -> DXd');
    expect(platform.lines.some((l) => l.startsWith('HAS_COMPONENT'))).toBe(false);
    expect(run(['[Drug:examplumab vedotin] carries [Technology:MMAE].']).lines).toContain('HAS_COMPONENT examplumab vedotin -> MMAE');
  });
});

group('clinical', () => {
  it('lets a bare "in" reach a disease across line, stage and marker qualifiers, and skips comparator drugs', () => {
    const { lines } = run(['A phase 2/3 trial evaluating [Drug:ZX-1] in combination with [Drug:alphamab] versus [Drug:gammatin] and [Drug:betaxel] in second-line metastatic HER2-positive gastric or [Disease:junction adenocarcinoma].']);
    expect(lines).toContain('STUDIED_FOR ZX-1 -> junction adenocarcinoma');
    expect(lines.filter((l) => l.startsWith('STUDIED_FOR') && (l.includes('gammatin') || l.includes('betaxel')))).toEqual([]);
    // "in" followed by other words is not an indication.
    expect(run(['[Drug:ZX-1] was discussed in a meeting about [Disease:gout].']).lines).toEqual([]);
  });
  it('reads the partner drugs of a regimen as studied for its disease, and the drug given to patients as the subject', () => {
    // Two sources' wordings: a trial "evaluating X in combination with Y in patients with Z", and "patients dosed with X in trials in patients with …".
    const combination = run(['First patient dosed in the Phase 1 trial evaluating [Drug:ZX-1] in combination with [Drug:alphamab] in patients with microsatellite stable [Disease:endometrial cancer].']);
    expect(combination.lines).toEqual(expect.arrayContaining(['STUDIED_FOR ZX-1 -> endometrial cancer', 'STUDIED_FOR alphamab -> endometrial cancer']));
    const dosed = run(['To date, more than 100 patients have been dosed with [Drug:QX-5] in clinical trials in patients with a broad range of cancers, including [Disease:retinoblastoma] and [Disease:colorectal cancer].']);
    expect(dosed.lines).toEqual(expect.arrayContaining(['STUDIED_FOR QX-5 -> retinoblastoma', 'STUDIED_FOR QX-5 -> colorectal cancer']));
  });
  it('reads no approval from an approval word inside brackets that describes another drug', () => {
    const { lines } = run(['[Drug:QX-5] was administered with [Drug:alphamab] (an FDA-approved immunotherapy) in a phase 1 study in patients with [Disease:head and neck cancers].']);
    expect(lines).toContain('STUDIED_FOR QX-5 -> head and neck cancers');
    expect(lines.filter((l) => l.startsWith('APPROVED_FOR'))).toEqual([]);
  });
  it('reads "activity against" and the treatment clause of an approval written after the regimen', () => {
    expect(run(['Studies of [Drug:MK-1] have shown potent antibacterial activity against [Disease:tuberculosis].']).lines).toContain('STUDIED_FOR MK-1 -> tuberculosis');
    const approved = run(['[Drug:ZX-1] in combination with [Drug:alphamab] and [Drug:betaxel] was approved by U.S. regulators in May 2021 for adults with [Disease:metastatic breast cancer].']);
    expect(approved.lines).toContain('APPROVED_FOR ZX-1 -> metastatic breast cancer');
    expect(approved.lines.some((l) => l.includes('alphamab ->') || l.includes('betaxel ->'))).toBe(false);
  });
});

group('ownership', () => {
  it("reads a company's candidate named by a possessive or 'its' apposition as owned as well as developed, and not across another owner word", () => {
    // A trade-press wording and a company-release wording.
    expect(run(['[Company:Zeta Pharma]’s lead product candidate, [Drug:ZP-12], is a structurally novel vaccine.']).lines).toEqual(expect.arrayContaining(['DEVELOPS Zeta Pharma -> ZP-12', 'OWNS Zeta Pharma -> ZP-12']));
    expect(run(['[Company:Acme Bio] reported ending the year in a good position with [Drug:AB-7], its lead therapy candidate.']).lines).toEqual(expect.arrayContaining(['DEVELOPS Acme Bio -> AB-7', 'OWNS Acme Bio -> AB-7']));
    expect(run(["The acquisition will expand [Company:Zeta Pharma]'s immunology pipeline with the addition of [Drug:ZP-12], an investigational antibody."]).lines).not.toContain('OWNS Zeta Pharma -> ZP-12');
  });
  it('gives a possessive owner the brand, its bracketed other name and the paired names coordinated with it, past a ticker', () => {
    const { lines } = run(['Growth is driven by [Company:Zeta Pharma]’s ([Organization:NYSE]: ZP) [Drug:Zetavia] ([Drug:zetaglutide]) and [Drug:Zetamax] ([Drug:zetapatide]) and by [Company:Acme Bio]’s Acmeva ([Drug:acmeflozin]).']);
    expect(lines).toEqual(expect.arrayContaining(['OWNS Zeta Pharma -> Zetavia', 'OWNS Zeta Pharma -> zetaglutide', 'OWNS Zeta Pharma -> Zetamax', 'OWNS Zeta Pharma -> zetapatide', 'OWNS Acme Bio -> acmeflozin']));
    // "A's X and Y": Y may be anyone's; only X is A's.
    expect(run(['If the combination of [Company:Acme Bio]’s [Drug:AB-7] and [Drug:ZP-12] works, it may help patients.']).lines).not.toContain('OWNS Acme Bio -> ZP-12');
  });
});

group('licensing and payments', () => {
  it('reads the investors of a financing round as paying the company that raises it, with the round as terms', () => {
    // Wordings of a newswire round announcement and of a trade-press report, invented names.
    const announced = run([
      '[Company:Acme Bio] today announced the completion of a $40 million Series B financing co-led by [Company:Harbor Ventures] and [Company:Kestrel Capital], with participation from existing investors [Company:Orbit Partners] and [Company:Lumen Fund]. [Company:Quill Securities] acted as placement agent and [Company:Dale & Roe LLP] provided legal counsel to [Company:Acme Bio].',
    ]);
    expect(announced.lines).toEqual(expect.arrayContaining(['PAYS Harbor Ventures -> Acme Bio', 'PAYS Kestrel Capital -> Acme Bio', 'PAYS Orbit Partners -> Acme Bio', 'PAYS Lumen Fund -> Acme Bio']));
    expect(announced.lines.filter((l) => l.includes('Quill') || l.includes('Dale & Roe'))).toEqual([]);
    expect(announced.facts.find((f) => f.rule === 'pays.investor')?.properties).toMatchObject({ kind: 'equity', round: 'Series B', roundAmount: 40_000_000, currency: 'USD' });
    const reported = run([
      '[Company:Zeta Bio] closed an oversubscribed seed round.',
      "Other new investors included London's [Company:Harbor Ventures], Boston firm [Company:Tarn Capital] and [Company:Gull Management], a subsidiary of [Company:Osprey Holdings], and Canada's [Company:Lumen Fund].",
    ]);
    expect(reported.lines).toEqual(expect.arrayContaining(['PAYS Harbor Ventures -> Zeta Bio', 'PAYS Tarn Capital -> Zeta Bio', 'PAYS Gull Management -> Zeta Bio', 'PAYS Lumen Fund -> Zeta Bio']));
    expect(reported.lines).not.toContain('PAYS Osprey Holdings -> Zeta Bio');
    // A person's firm named in the list ("the founder of the hedge fund D") is not an investor named for itself.
    const founder = run(['[Company:Zeta Bio] closed an oversubscribed seed round.', 'Its investors include [Person:Jane Roe], the billionaire founder of the hedge fund [Company:Osprey Management], and [Company:Lumen Fund].']);
    expect(founder.lines).toContain('PAYS Lumen Fund -> Zeta Bio');
    expect(founder.lines).not.toContain('PAYS Osprey Management -> Zeta Bio');
    // An investor's own report: the round is the company's it is "for", not the document's main company's.
    const joined = run([
      '[Company:Kestrel Capital] has joined a $90 million Series B funding round for [Company:Zeta Bio], a Swiss biotech company.',
      "The funding round was led by a new investor, Denmark's [Company:Harbor Ventures]. [Company:Kestrel Capital] invests in life sciences firms.",
    ]);
    expect(joined.lines).toContain('PAYS Harbor Ventures -> Zeta Bio');
    expect(joined.lines).not.toContain('PAYS Harbor Ventures -> Kestrel Capital');
    // "led by" outside a financing is no payment.
    expect(run(['[Company:Acme Bio] presented data from a trial led by [Company:Harbor Health].']).lines.filter((l) => l.startsWith('PAYS'))).toEqual([]);
  });
  it('reads "licensed to B by A"', () => {
    const { lines } = run(['[Drug:QX-5] was invented at Ivy University and licensed to [Company:Beta Bio] by [Company:Ivy Ventures].']);
    expect(lines).toEqual(expect.arrayContaining(['LICENSES_TO Ivy Ventures -> Beta Bio', 'LICENSES Beta Bio -> QX-5']));
  });
  it('reads the payee of a payment under a licence agreement as the licensor, and receipt of a milestone', () => {
    const { facts, lines } = run(['[Company:Acme Bio], a clinical-stage company developing therapies in oncology, announced the receipt of a $250,000 milestone payment from [Company:Zeta Pharma] under its 2021 licensing agreement.']);
    expect(lines).toEqual(expect.arrayContaining(['EARNED_MILESTONE Acme Bio -> Zeta Pharma', 'LICENSES_TO Acme Bio -> Zeta Pharma']));
    expect(facts.find((f) => f.type === 'EARNED_MILESTONE')?.properties).toMatchObject({ amount: 250_000, currency: 'USD' });
    // A payment under a collaboration (no licence) says nothing about a licence.
    expect(run(['[Company:Acme Bio] announced the receipt of a $250,000 milestone payment from [Company:Zeta Pharma] under its research collaboration.']).lines.some((l) => l.startsWith('LICENSES_TO'))).toBe(false);
  });
  it('takes the payer of "B will receive an upfront payment" from the two parties of the deal', () => {
    const { lines } = run(['[Company:Zeta Pharma] and [Company:Beta Bio] announced an exclusive license agreement.', '[Company:Beta Bio] will receive an upfront payment of $10 million.']);
    expect(lines).toContain('PAYS Zeta Pharma -> Beta Bio');
    // With one company in the whole document there is no payer to name.
    expect(run(['[Company:Beta Bio] will receive an upfront payment of $10 million.']).lines).toEqual([]);
  });
  it('does not read a licence from a licence agreement sentence about another drug further on', () => {
    const { lines } = run(['[Company:Zeta Pharma] exercised its option under the Collaboration and License Agreement. mRNA-based [Drug:AB-9] is tested with [Drug:Zorvia], [Company:Acme Bio]’s anti-PD-1 therapy.']);
    expect(lines.some((l) => l.startsWith('LICENSES'))).toBe(false);
  });
});

group('people', () => {
  it('does not give a quoted person to the document company when the title names another organisation', () => {
    const titles = { 'Ann Lee': 'Chief Executive Officer of the Example Foundation', 'Bo Chan': 'Executive Director, Patient Network', 'Cy Dunn': 'Senior Vice President, Research and Development' };
    const { lines } = run(
      [
        '[Company:Acme Bio] today announced approval.',
        '“This is a milestone,” said [Person:Ann Lee], Chief Executive Officer of the Example Foundation.',
        '“Patients gain,” said [Person:Bo Chan], Executive Director, Patient Network.',
        '“We are proud,” said [Person:Cy Dunn], Senior Vice President, Research and Development.',
      ],
      { titles },
    );
    expect(lines).toEqual(['EMPLOYS Acme Bio -> Cy Dunn']);
  });
});

group('trigger memo', () => {
  it('answers questions about the current sentence as a fresh scan does', () => {
    const text = 'Acme will receive an upfront payment and is eligible to receive milestones; Zeta co-develops it.';
    const lexicon = knowledge.relations.triggers;
    const fresh = { pay: lexicon.findAll('pay', text), collaborate: lexicon.findAll('collaborate', text), slice: lexicon.findAll('pay', text, 40, 90) };
    const sentence = lexicon.sentence(text);
    expect(sentence.findAll('pay')).toEqual(fresh.pay);
    expect(sentence.findAll('collaborate')).toEqual(fresh.collaborate);
    expect(sentence.findAll('pay', 40, 90)).toEqual(fresh.slice);
    expect(sentence.hasAny('acquire')).toBe(false);
    expect(sentence.hasAny('collaborate')).toBe(true);
  });
});
