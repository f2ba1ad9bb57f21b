// Drug-science frames (data/patterns/science-frames.json) and the target rule's class-member reading,
// on sentences of the sentence bank (public text outside the project corpus, marked up here with
// their mentions so the relation stage runs alone) and on invented sentences for the near misses.
import { describe as group, expect, it } from 'vitest';
import { extractText } from '../src/pipeline.ts';
import { describe, relationLines } from './support/relations.ts';
import { knowledge } from './support/knowledge.ts';

const read = (...sentences: string[]): string[] => relationLines(sentences);

group('indication read from a disease that modifies a therapy noun', () => {
  it('reads "its <disease> CAR-T therapy X" (bank sb-0266)', () => {
    expect(read('[Company:Johnson & Johnson] has secured a six-month FDA review for its [Disease:multiple myeloma] CAR-T therapy [Drug:ciltacabtagene autoleucel] (cilta-cel), narrowing the lead for rivals.')).toContain(
      'STUDIED_FOR ciltacabtagene autoleucel -> multiple myeloma',
    );
  });

  it('reads "the company\'s X <disease> treatment" (bank sb-0187)', () => {
    expect(read("[Company:Royalty Pharma] unveiled a new partnership with [Company:Biogen] in which it will deliver $250 million in R&D funding for the company's [Drug:litfilimab] [Disease:lupus] treatment.")).toContain(
      'STUDIED_FOR litfilimab -> lupus',
    );
  });

  it('reads "X, an intranasal <disease> treatment" (bank sb-0196)', () => {
    expect(read('The patent bolsters the intellectual property around its lead candidate [Drug:SPC-15], an intranasal [Disease:PTSD] treatment licensed from Columbia University.')).toContain('STUDIED_FOR SPC-15 -> PTSD');
  });

  it('does not give a disease-modified noun to a drug the sentence names apart from it', () => {
    expect(read('Sales of the [Disease:influenza] vaccine grew while [Drug:QX-12] stayed flat.')).not.toContain('STUDIED_FOR QX-12 -> influenza');
  });
});

group('indication read from a trial noun phrase', () => {
  it('reads the setting that comes before the drug: "a trial in <disease> (…), testing X"', () => {
    expect(read('The company initiated a Phase 3 trial in [Disease:soft tissue sarcoma] (the PIVOT-3 Study), testing [Drug:RX-230] as second-line monotherapy.')).toContain('STUDIED_FOR RX-230 -> soft tissue sarcoma');
  });

  it('reads a setting behind an unlisted qualifier: "evaluating X in never-smoker <disease> patients"', () => {
    expect(read('The company completed enrollment in its Phase 2 study evaluating investigational drug candidate [Drug:LX-300] in never-smoker [Disease:non-small cell lung cancer] patients.')).toContain(
      'STUDIED_FOR LX-300 -> non-small cell lung cancer',
    );
  });

  it('does not carry a trial of one drug over to the setting of the next drug in the list', () => {
    const lines = read("We expect results from our Phase 2 studies of [Drug:QX-12] in Behçet's disease and [Drug:RZ-3] in mild-to-moderate [Disease:psoriasis].");
    expect(lines).not.toContain('STUDIED_FOR QX-12 -> psoriasis');
  });
});

group('targets read from a binding verb and from a target-class noun', () => {
  it('reads "X is a … inhibitor that blocks both wild-type T" (bank sb-0051)', () => {
    expect(read('[Drug:ARQ 531] is a highly selective, reversible inhibitor that blocks both wild-type [Target:BTK] and the C481S mutant form of the enzyme.')).toContain('TARGETS ARQ 531 -> BTK');
  });

  it('reads "X, a … antibody designed to bind T" (bank sb-0111)', () => {
    expect(read('The acquisition adds [Drug:lebrikizumab], a novel, investigational, monoclonal antibody designed to bind [Target:IL-13] with high affinity.')).toContain('TARGETS lebrikizumab -> IL-13');
  });

  it('gives "the T inhibitor X" to X, not to the drug it is combined with (bank sb-0271)', () => {
    const lines = read('Notably, the benefit of [Drug:JDQ443] plus the [Target:SHP2] inhibitor [Drug:TNO155] is maintained at reduced doses of either agent in CDX models.');
    expect(lines).toContain('TARGETS TNO155 -> SHP2');
    expect(lines).not.toContain('TARGETS JDQ443 -> SHP2');
  });

  it('gives each member of a list of classes its own drug, not the apposition before it', () => {
    const lines = read('We are advancing three programs: our [Target:PRMT5] inhibitor [Drug:AB-892], the [Target:B7H3]/[Target:PTK7] ADC [Drug:AB-034] and a [Target:KAT6] inhibitor [Drug:AB-251].');
    expect(lines).toEqual(expect.arrayContaining(['TARGETS AB-892 -> PRMT5', 'TARGETS AB-034 -> B7H3', 'TARGETS AB-034 -> PTK7', 'TARGETS AB-251 -> KAT6']));
    expect(lines).not.toContain('TARGETS AB-892 -> B7H3');
  });

  it('gives a class phrase with its head noun to the drug it names: "its KRAS-targeting therapy X"', () => {
    expect(read('The company will optimize and manufacture its breakthrough [Target:KRAS]-targeting therapy [Drug:SX-204] with a partner.')).toContain('TARGETS SX-204 -> KRAS');
  });

  it('gives a class phrase that is a noun phrase of its own to no drug of the sentence', () => {
    expect(read('Research indicates that combining an [Target:MC4R] agonist with incretin therapeutics like [Drug:tirzepatide] may result in synergistic effects.')).toEqual([]);
    expect(read("Notably, the company's [Target:MC4R] agonist appeared to prevent weight regain after [Drug:tirzepatide] discontinuation.")).toEqual([]);
    expect(read('[Drug:AB-705], a Phase 1 helicase inhibitor in combination with [Target:PARP] inhibitor for the treatment of solid tumors.')).not.toContain('TARGETS AB-705 -> PARP');
  });

  it('still gives a class phrase to the drug it is said of: "X is an MC4R agonist", "X, a potential first-in-class Phase 2/3 PKC inhibitor"', () => {
    expect(read('[Drug:AB-1] is an [Target:MC4R] agonist.')).toContain('TARGETS AB-1 -> MC4R');
    expect(read('[Drug:Darovex], a potential first-in-class Phase 2/3 [Target:PKC] inhibitor for the treatment of uveal melanoma.')).toContain('TARGETS Darovex -> PKC');
    expect(read("[Drug:AB-2], the company's lead [Target:PD-1] antibody, is in Phase 2.")).toContain('TARGETS AB-2 -> PD-1');
  });

  it('does not give the target of a drug named in a relative clause to the drug before it', () => {
    const lines = read('[Drug:QX-12] was given with [Drug:RZ-3], which blocks [Target:PD-1].');
    expect(lines).toContain('TARGETS RZ-3 -> PD-1');
    expect(lines).not.toContain('TARGETS QX-12 -> PD-1');
  });
});

group('indication behind modifiers and beside other drugs', () => {
  it('reads a disease behind hyphenated modifiers of any spelling: "targeting platinum-resistant, ARID1a-mutated <disease>"', () => {
    expect(read('The company is preparing a data update on [Drug:NX-800], a candidate targeting platinum-resistant, ARID1a-mutated [Disease:ovarian cancer].')).toContain('STUDIED_FOR NX-800 -> ovarian cancer');
  });

  it('does not take a drug of an earlier clause for the partner of a bare "with Y"', () => {
    const lines = read(
      'The results included eye preservation for neoadjuvant [Drug:QX-12] which was presented at a meeting last year, and evidence for monotherapy activity with [Drug:RZ-3] which delivered responses in MTAP-deletion [Disease:urothelial cancer].',
    );
    expect(lines).toContain('STUDIED_FOR RZ-3 -> urothelial cancer');
    expect(lines).not.toContain('STUDIED_FOR QX-12 -> urothelial cancer');
  });
});

group('phase of the drug a trial is of', () => {
  it('reads the drug after a named trial with its trademark sign: "Phase 2 HARMONIC(TM) clinical trial evaluating … X"', () => {
    const lines = read('The company completed enrollment for its ongoing Phase 2 HARMONIC(TM) clinical trial evaluating investigational drug candidate [Drug:LX-300] in never-smoker patients.');
    expect(lines).toContain('IN_PHASE LX-300 -> PHASE_2');
  });

  it('reads "a phase 2 clinical trial using X"', () => {
    expect(read('The company is currently engaged in a phase 2 clinical trial using [Drug:BX-100] to treat persistent lower back pain.')).toContain('IN_PHASE BX-100 -> PHASE_2');
  });

  it('reads the drug past a setting named before the trial noun: "Phase 2 <disease> study with X"', () => {
    const lines = read('Completion of Phase 2 [Disease:Obesity] Study With [Target:MC4R] agonist [Drug:BX-141] Plus a marketed drug');
    expect(lines).toEqual(expect.arrayContaining(['IN_PHASE BX-141 -> PHASE_2', 'STUDIED_FOR BX-141 -> Obesity']));
  });
});

group("the issuer's pipeline leaves out regimen partners", () => {
  it('does not count a drug "administered with" the candidate, behind a few describing words, as developed by the issuer', () => {
    const [extraction] = extractText(
      'SAN DIEGO, May 6, 2024 -- Corvana Therapeutics, Inc. (Nasdaq: CRVN) today announced new data for its lead candidate CRV-301 in pancreatic cancer. In the Phase 1 study, CRV-301 was also administered with the checkpoint inhibitor durvalumab in patients with pancreatic cancer.\n',
      { path: 'unseen.txt', knowledge },
    );
    const lines = extraction ? describe(extraction.mentions, extraction.facts) : [];
    expect(lines).toContain('DEVELOPS Corvana Therapeutics -> CRV-301');
    expect(lines).not.toContain('DEVELOPS Corvana Therapeutics -> durvalumab');
  });
});
