// Drug-science wordings read by the phase rule, the target frames and the technology triggers: trial
// descriptions with their design words, binding verbs beyond "inhibits", a pair of targets, platform
// verbs. Invented names throughout.
import { describe as group, expect, it } from 'vitest';
import { relationLines } from './support/relations.ts';

const read = (sentence: string): string[] => relationLines([sentence]);

group('a phase reaches the drug across the trial design words and a bracketed trial name', () => {
  it('reads "Phase 3, multicenter, open-label, randomized study of X"', () => {
    expect(read('[Company:Acme] began a Phase 3, multicenter, open-label, randomized study of [Drug:QX-12] in adults with asthma.')).toContain('IN_PHASE QX-12 -> PHASE_3');
  });

  it('reads the phase a pivotal trial names, not "pivotal", across the comma: "a pivotal, Phase 2b trial of X"', () => {
    const lines = read('The results come from a pivotal, Phase IIb clinical trial of [Drug:QX-12] in adults.');
    expect(lines).toContain('IN_PHASE QX-12 -> PHASE_2');
    expect(lines).not.toContain('IN_PHASE QX-12 -> PHASE_3');
  });

  it('reads a registry number in brackets before the object: "Phase 2 trial (NCT…) assessing the safety of X"', () => {
    expect(read('Enrollment is complete in the Phase 2 trial (NCT01234567) assessing the safety of [Drug:QX-12].')).toContain('IN_PHASE QX-12 -> PHASE_2');
  });

  it('does not give a phase to a drug named after a results clause without a trial noun', () => {
    expect(read('Phase 2 results showed that patients treated with [Drug:QX-12] improved.')).not.toContain('IN_PHASE QX-12 -> PHASE_2');
  });
});

group('targets read from binding verbs and a pair of targets', () => {
  it('reads both targets of "attaching to the receptors T1 and T2"', () => {
    const lines = read('[Drug:ZV-101] works by attaching to the receptors [Target:GPC3] and [Target:CD28] on tumour cells.');
    expect(lines).toContain('TARGETS ZV-101 -> GPC3');
    expect(lines).toContain('TARGETS ZV-101 -> CD28');
  });

  it.each([
    ['[Drug:QX-12] is a bispecific antibody that engages [Target:CD3] on T cells.', 'TARGETS QX-12 -> CD3'],
    ['[Drug:QX-12] recognizes [Target:Claudin 18.2] on gastric tumour cells.', 'TARGETS QX-12 -> Claudin 18.2'],
    ['[Drug:QX-12] is an siRNA that silences [Target:PCSK9].', 'TARGETS QX-12 -> PCSK9'],
    ['[Drug:QX-12] works by inhibiting the enzyme [Target:DHODH].', 'TARGETS QX-12 -> DHODH'],
  ])('reads %s', (sentence, fact) => {
    expect(read(sentence)).toContain(fact);
  });

  it('does not read a target from "activates" far from the drug, across a clause', () => {
    expect(read('[Drug:RZ-3] was given to patients whose tumours showed that the pathway activates [Target:CD47].')).not.toContain('TARGETS RZ-3 -> CD47');
  });
});

group('a drug uses the technology it was made with', () => {
  it.each([
    ['[Drug:QX-12] was generated with [Technology:ZetaBody].', 'USES_TECHNOLOGY QX-12 -> ZetaBody'],
    ['[Drug:QX-12] is the first candidate from the [Technology:ZetaBody platform].', 'USES_TECHNOLOGY QX-12 -> ZetaBody platform'],
    ['[Drug:QX-12], a [Technology:ZetaBody] antibody, is in Phase 1.', 'USES_TECHNOLOGY QX-12 -> ZetaBody'],
    ['[Drug:QX-12] employs [Technology:ZetaLink] linker technology.', 'USES_TECHNOLOGY QX-12 -> ZetaLink'],
  ])('reads %s', (sentence, fact) => {
    expect(read(sentence)).toContain(fact);
  });

  it('does not read a technology a company employs beside a drug of another clause', () => {
    expect(read('[Company:Acme] employs 40 people and owns the [Technology:ZetaBody platform]; [Drug:QX-12] is in Phase 1.')).not.toContain('USES_TECHNOLOGY QX-12 -> ZetaBody platform');
  });
});

group('a disease program noun before the drug', () => {
  it('reads "the <disease> program X"', () => {
    expect(read('Enrollment resumed in the [Disease:lupus] program [Drug:QX-12] after the clinical hold was lifted.')).toContain('STUDIED_FOR QX-12 -> lupus');
  });
});
