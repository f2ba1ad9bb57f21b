// Indication and phase frames read on text nobody tuned to (issue 16): what a drug is studied or approved
// for, and the phase it is in, read from the shape of the statement ("to treat D", "for A (AA), B and C").
// Invented drug names throughout; the diseases are ordinary ones of the field.
import { describe as group, expect, it } from 'vitest';
import { relationLines } from './support/relations.ts';
import { texts, mentionsOf } from './support/entities.ts';

const read = (...sentences: string[]): string[] => relationLines(sentences);

group('the verb of "to treat" stays out of the disease it governs', () => {
  it('reads "designed to treat Fabry disease" as the disease alone, "difficult to treat" as its qualifier', () => {
    const ms = mentionsOf('QX-12 is an investigational gene therapy designed to treat Fabry disease. RZ-3 is studied in difficult to treat ovarian cancer.');
    expect(texts(ms, 'Disease')).toEqual(['Fabry disease', 'difficult to treat ovarian cancer']);
  });
});

group('a list of indications reads past the bracketed abbreviation of its items', () => {
  it('reads every disease of "for A (AA), B (BB) and C"', () => {
    const lines = read('[Drug:QX-12] is in development for [Disease:idiopathic pulmonary fibrosis] ([Disease:IPF]), [Disease:systemic sclerosis] ([Disease:SSc]) and [Disease:lupus nephritis].');
    expect(lines).toEqual(expect.arrayContaining(['STUDIED_FOR QX-12 -> idiopathic pulmonary fibrosis', 'STUDIED_FOR QX-12 -> systemic sclerosis', 'STUDIED_FOR QX-12 -> lupus nephritis']));
  });

  it('does not join a bracket that holds more than a name to the list', () => {
    const lines = read('[Drug:QX-12] is studied in [Disease:asthma] (a chronic airway disease affecting millions of adults worldwide), while [Disease:COPD] is not a focus.');
    expect(lines).not.toContain('STUDIED_FOR QX-12 -> COPD');
  });
});

group('the people a treatment is for may stand between the indication cue and the disease', () => {
  it.each([
    ['The FDA approved [Drug:kelvarimab] (Zorvexa; Acme) for treatment of adult patients who have relapsed or refractory [Disease:acute myeloid leukemia].', 'APPROVED_FOR kelvarimab -> acute myeloid leukemia'],
    ['The FDA approved an expanded indication for [Drug:kelvarimab] to include adolescents with [Disease:atopic dermatitis].', 'APPROVED_FOR kelvarimab -> atopic dermatitis'],
    ['[Drug:QX-12] is being developed for the treatment of patients living with [Disease:chronic kidney disease].', 'STUDIED_FOR QX-12 -> chronic kidney disease'],
    ['[Drug:QX-12] will be tested in female [Disease:Rett syndrome] patients aged 4 to 10 years.', 'STUDIED_FOR QX-12 -> Rett syndrome'],
  ])('reads %s', (sentence, fact) => {
    expect(read(sentence)).toContain(fact);
  });

  it('does not read a disease behind words that name no people', () => {
    expect(read('[Drug:QX-12] is being developed for the treatment of a rare inflammatory condition of the airways, distinct from [Disease:asthma].')).not.toContain('STUDIED_FOR QX-12 -> asthma');
  });
});

group('an approval word states the approval of the sentence drug only', () => {
  it('reads "the approved drug Y" as describing the partner Y, not approving the studied drug', () => {
    const lines = read('[Drug:QX-12] is being studied in combination with the approved drug [Drug:pembrolizumab] in [Disease:non-small cell lung cancer].');
    expect(lines).toContain('STUDIED_FOR QX-12 -> non-small cell lung cancer');
    expect(lines).not.toContain('APPROVED_FOR QX-12 -> non-small cell lung cancer');
  });

  it('still reads the verb: "the FDA approved Y for D", "the agency has approved Y for D"', () => {
    expect(read('The FDA approved [Drug:kelvarimab] for the treatment of [Disease:melanoma].')).toContain('APPROVED_FOR kelvarimab -> melanoma');
    expect(read('The agency has approved [Drug:kelvarimab] for [Disease:melanoma].')).toContain('APPROVED_FOR kelvarimab -> melanoma');
  });

  it.each(['[Drug:QX-12] received FDA Fast Track approval for the treatment of [Disease:Fabry disease].', 'The FDA approved the request for Orphan Drug designation of [Drug:QX-12] for the treatment of [Disease:Fabry disease].'])(
    'reads a designation, not an approval: %s',
    (sentence) => {
      const lines = read(sentence);
      expect(lines).toContain('STUDIED_FOR QX-12 -> Fabry disease');
      expect(lines).not.toContain('APPROVED_FOR QX-12 -> Fabry disease');
    },
  );
});

group('a phase belongs to the drug the statement is about', () => {
  it('gives the phase to the drug a bracket follows, not to a drug named inside the bracket', () => {
    const lines = read('[Drug:QX-12] (containing [Drug:kelvarimab], the same active as in [Drug:RZ-3]), is currently enrolling patients in a Phase 2 clinical trial.');
    expect(lines).toContain('IN_PHASE QX-12 -> PHASE_2');
    expect(lines).not.toContain('IN_PHASE RZ-3 -> PHASE_2');
  });

  it.each([
    ['[Company:Acme] said its Phase 1 transthyretin-mediated [Disease:amyloidosis] treatment [Drug:QX-12] received a designation.', 'IN_PHASE QX-12 -> PHASE_1'],
    ['[Company:Acme] presented data on its Phase 2 oral [Target:TYK2] inhibitor, [Drug:QX-12], at the meeting.', 'IN_PHASE QX-12 -> PHASE_2'],
  ])('reads a phase that modifies the noun the drug names: %s', (sentence, fact) => {
    expect(read(sentence)).toContain(fact);
  });

  it('does not read a phase across a verb or a trial noun to a drug named later', () => {
    expect(read('[Company:Acme] completed its Phase 2 trial and named a new candidate, [Drug:QX-12], for development.')).not.toContain('IN_PHASE QX-12 -> PHASE_2');
  });
});

group('a pipeline entry names its indication and stage in brackets', () => {
  it('reads "X (D, Phase 2)" and "D (X, Phase 2a)"', () => {
    expect(read('The pipeline holds [Drug:QX-12] ([Disease:psoriasis] and [Disease:lupus nephritis], Phase 2).')).toEqual(
      expect.arrayContaining(['STUDIED_FOR QX-12 -> psoriasis', 'STUDIED_FOR QX-12 -> lupus nephritis', 'IN_PHASE QX-12 -> PHASE_2']),
    );
    expect(read('Programs address [Disease:tuberculosis] ([Drug:RZ-3], Phase 2a, with a university consortium).')).toContain('STUDIED_FOR RZ-3 -> tuberculosis');
  });

  it('does not read a bracket that names no stage', () => {
    expect(read('[Drug:QX-12] ([Disease:asthma] cohort) enrolled 40 patients.')).not.toContain('STUDIED_FOR QX-12 -> asthma');
  });
});

group('the drug may follow the population it was given to', () => {
  it.each([
    ['Patients with relapsed [Disease:multiple myeloma] who received [Drug:QX-12] had a response rate of 40%.', 'STUDIED_FOR QX-12 -> multiple myeloma'],
    ['In patients with [Disease:psoriasis], [Drug:QX-12] reduced PASI scores by 75%.', 'STUDIED_FOR QX-12 -> psoriasis'],
    ['The study enrolled 120 patients with [Disease:ulcerative colitis] who were randomized to [Drug:QX-12] or placebo.', 'STUDIED_FOR QX-12 -> ulcerative colitis'],
    ['The treatment of [Disease:ulcerative colitis] with [Drug:QX-12] was well tolerated.', 'STUDIED_FOR QX-12 -> ulcerative colitis'],
    ['[Disease:Psoriasis] patients treated with [Drug:QX-12] showed clearance.', 'STUDIED_FOR QX-12 -> Psoriasis'],
  ])('reads %s', (sentence, fact) => {
    expect(read(sentence)).toContain(fact);
  });

  it.each(['Patients with [Disease:melanoma] who received prior [Drug:pembrolizumab] were excluded.', '[Disease:Melanoma] patients previously treated with [Drug:pembrolizumab] were excluded.'])(
    'does not read a prior therapy as the studied drug: %s',
    (sentence) => {
      expect(read(sentence).filter((line) => line.startsWith('STUDIED_FOR pembrolizumab'))).toEqual([]);
    },
  );
});

group('a class of diseases and its examples are all indications', () => {
  it('reads the examples after "including" and "such as"', () => {
    expect(read('[Drug:QX-12] has activity in multiple tumor types, including [Disease:pancreatic cancer] and [Disease:colorectal cancer].')).toEqual(
      expect.arrayContaining(['STUDIED_FOR QX-12 -> pancreatic cancer', 'STUDIED_FOR QX-12 -> colorectal cancer']),
    );
    expect(read('[Drug:QX-12] is a potential therapy for several [Disease:autoimmune diseases], such as [Disease:lupus] and [Disease:rheumatoid arthritis].')).toEqual(
      expect.arrayContaining(['STUDIED_FOR QX-12 -> lupus', 'STUDIED_FOR QX-12 -> rheumatoid arthritis']),
    );
  });

  it('does not give a drug the indication of unnamed medicines named after it', () => {
    expect(read('The platform was applied to [Drug:QX-12] and also to candidate vaccines for [Disease:Ebola].')).not.toContain('STUDIED_FOR QX-12 -> Ebola');
  });
});
