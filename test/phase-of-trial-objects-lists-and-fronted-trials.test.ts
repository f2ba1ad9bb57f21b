// IN_PHASE from wordings of a trial and its drug the phase rule did not read: what the trial measures between its
// object word and the drug ("will evaluate the safety and efficacy of X"), a setting and a trial name before the object
// ("a Phase 3 trial in D (the "ACME-3 Study"), testing X"), drugs of one object each with its own setting ("studies of X in
// D and Y in E"), a list a colon opens ("into IND-enabling studies: our A inhibitor X, the B ADC Y"), a fronted trial
// phrase ("In this Phase 2/3 trial, patients will receive X"), the drugs coordinated in a combination named before the
// trial, "first-in-human", a quoted subject ("“X treatment has been …"), and a trial a later sentence refers back to
// although another drug is named after it. Invented names throughout.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/pipeline.ts';
import { describe as describeFacts } from './support/relations.ts';
import { knowledge } from './support/knowledge.ts';

function phaseLines(text: string): string[] {
  const [extraction] = extractText(text, { path: 'phase-wordings.txt', knowledge });
  if (!extraction) throw new Error('no document');
  return describeFacts(extraction.mentions, extraction.facts)
    .filter((line) => line.startsWith('IN_PHASE'))
    .sort();
}

describe('the drug of a trial named after what the trial measures', () => {
  it('reads "will evaluate the safety and efficacy of X"', () => {
    expect(phaseLines('The Phase 2 study will evaluate the safety and efficacy of QX-12 in patients with lupus.')).toEqual(['IN_PHASE QX-12 -> PHASE_2']);
  });

  it('reads "investigating the safety, tolerability and pharmacokinetics of X" after the design words', () => {
    expect(phaseLines('A Phase 2, randomized, double-blind study investigating the safety, tolerability and pharmacokinetics of QX-12 in healthy volunteers began in May.')).toEqual(['IN_PHASE QX-12 -> PHASE_2']);
  });

  it('reads "assesses X" as the object of a trial underway', () => {
    expect(phaseLines('The Phase II study now underway assesses ZR-88 in patients with metastatic breast cancer.')).toEqual(['IN_PHASE ZR-88 -> PHASE_2']);
  });
});

describe('the drug of a trial named after its setting and trial name', () => {
  it('reads "a Phase 3 trial in D (the "ACME-3 Study") (NCT…), testing X"', () => {
    expect(phaseLines('Acme initiated a Phase 3 trial in soft tissue sarcoma (the "ACME-3 Study") (NCT01234567), testing QX-12 as second-line monotherapy.')).toEqual(['IN_PHASE QX-12 -> PHASE_3']);
  });
});

describe('several drugs of one trial phrase', () => {
  it('gives "studies of X in D and Y in E" to both drugs', () => {
    expect(phaseLines('Acme expects data from its ongoing Phase 2 studies of QX-12 in lupus and ZR-88 in psoriasis.')).toEqual(['IN_PHASE QX-12 -> PHASE_2', 'IN_PHASE ZR-88 -> PHASE_2']);
  });

  it('gives a list a colon opens to each drug named with its descriptors', () => {
    expect(phaseLines('Acme is advancing two programs into IND-enabling studies: its KRAS inhibitor QX-12 and the TROP2 ADC ZR-88.')).toEqual(['IN_PHASE QX-12 -> PRECLINICAL', 'IN_PHASE ZR-88 -> PRECLINICAL']);
  });

  it('gives the trial of a combination named before it to both drugs of the combination', () => {
    expect(phaseLines('The QX-12 and ZR-88 combination will be tested in a 60-patient Phase 2 trial.')).toEqual(['IN_PHASE QX-12 -> PHASE_2', 'IN_PHASE ZR-88 -> PHASE_2']);
  });
});

describe('a trial phrase that opens its sentence', () => {
  it('gives "In this Phase 2/3 trial, patients will be randomized to receive X or placebo" to X', () => {
    expect(phaseLines('In this Phase 2/3 trial, patients will be randomized to receive QX-12 or placebo.')).toEqual(['IN_PHASE QX-12 -> PHASE_2_3']);
  });

  it('does not give it to a comparator', () => {
    expect(phaseLines('In this Phase 3 trial, patients will be randomized to QX-12 versus docetaxel.')).toEqual(['IN_PHASE QX-12 -> PHASE_3']);
  });
});

describe('phase words and subjects', () => {
  it('reads a first-in-human study as Phase 1', () => {
    expect(phaseLines('Acme Therapeutics dosed the first subject in a first-in-human study of QX-12.')).toEqual(['IN_PHASE QX-12 -> PHASE_1']);
  });

  it('reads "phase-1" written with a hyphen', () => {
    expect(phaseLines('Acme said it filed an investigational new drug application for QX-12 and started a phase-1 study.')).toEqual(['IN_PHASE QX-12 -> PHASE_1']);
  });

  it('reads the drug of a quoted sentence whose subject is "X treatment"', () => {
    expect(phaseLines('“QX-12 treatment has been associated with lowered risk of death and delayed worsening, all while being well tolerated, in both of our independent Phase 2 clinical studies,” said the CEO.')).toEqual([
      'IN_PHASE QX-12 -> PHASE_2',
    ]);
  });

  it('gives no phase to a drug before a trial whose object is a technology', () => {
    expect(phaseLines('Acme will start the evaluation of QX-12 in 2026, while a Phase 2 trial of the Zorvexa platform is advancing.')).toEqual([]);
  });
});

describe('a trial a later sentence refers back to', () => {
  it('reads it although another drug is named after the sentence', () => {
    expect(phaseLines('Acme Bio is developing QX-12 for lupus. "We are pleased with the preliminary findings from our ongoing Phase 2a trial," said the CEO. The success of ZR-88 in other trials is promising.')).toEqual([
      'IN_PHASE QX-12 -> PHASE_2',
    ]);
  });

  it('reads "advancing toward a Phase 3 trial" in the paragraph after the drug', () => {
    expect(phaseLines("Acme Bio's lead candidate is QX-12, an oral drug for ALS.\n\nWhile advancing toward a global Phase 3 trial set to begin in 2026, Acme is pursuing approval in Canada.")).toEqual(['IN_PHASE QX-12 -> PHASE_3']);
  });
});
