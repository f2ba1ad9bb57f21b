// Indication and phase frames read on text nobody tuned to (issue 16): what a drug is studied or approved
// for, and the phase it is in, read from the shape of the statement ("to treat D", "for A (AA), B and C").
// Invented drug names throughout; the diseases are ordinary ones of the field.
import { describe as group, expect, it } from 'vitest';
import { extractRelations } from '../src/extract/relations/index.ts';
import { buildDoc, describe } from './support/relations.ts';
import { stageContext } from './support/knowledge.ts';
import { texts, mentionsOf } from './support/entities.ts';

function read(...sentences: string[]): string[] {
  const { doc, found } = buildDoc(sentences);
  return describe(found, extractRelations(doc, found, stageContext()));
}

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
