// TARGETS from wordings the target rule did not read: the examples a class phrase gives ("SGLT2 inhibitors such as
// A, C's Brand (b) and D"), a class phrase after a target's bracketed abbreviation ("sodium glucose cotransporter-2
// (SGLT2) inhibitors"), an apposition in brackets ("A (a GLP-1 agonist)"), a few modifiers before the head noun the drug
// is named after ("CD19-directed CAR T cell therapy, X"), "degrader of", "modulator of", and a clause's subject far from
// its "directed against T", and "It is an anti-T …" after the drug was named. Each with a near miss. Invented drug and
// company names.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/pipeline.ts';
import { describe as describeFacts } from './support/relations.ts';
import { knowledge } from './support/knowledge.ts';

function targetLines(text: string): string[] {
  const [extraction] = extractText(text, { path: 'targets.txt', knowledge });
  if (!extraction) throw new Error('no document');
  return describeFacts(extraction.mentions, extraction.facts)
    .filter((line) => line.startsWith('TARGETS'))
    .sort();
}

describe('the examples of a class phrase', () => {
  it('gives the class to every drug the examples list, past company possessives and brand names in brackets', () => {
    expect(targetLines('Demand is driven by GLP-1 agonists such as Acme Pharma’s Zorvexa (zorvaglutide) and Borvex (borvaglutide), and by SGLT2 inhibitors like Beta Bio’s Quinta (quintagliflozin).')).toEqual([
      'TARGETS borvaglutide -> GLP-1',
      'TARGETS quintagliflozin -> SLC5A2',
      'TARGETS zorvaglutide -> GLP-1',
    ]);
  });

  it('reads a class phrase after the bracketed abbreviation of its target', () => {
    expect(targetLines('Patients had received sodium glucose cotransporter-2 (SGLT2) inhibitors such as quintagliflozin.')).toEqual(['TARGETS quintagliflozin -> SLC5A2']);
  });

  it('stops the examples at the next target', () => {
    expect(targetLines('PD-1 inhibitors such as zorvolimab and KRAS inhibitors such as zorvorasib were compared.')).toEqual(['TARGETS zorvolimab -> PD-1', 'TARGETS zorvorasib -> KRAS']);
  });
});

describe('appositions and class phrases that name the drug', () => {
  it('reads an apposition in brackets after each drug', () => {
    expect(targetLines('Drugs such as zorvaglutide (a GLP-1 agonist) and quintagliflozin (an SGLT2 inhibitor) are widely used.')).toEqual(['TARGETS quintagliflozin -> SLC5A2', 'TARGETS zorvaglutide -> GLP-1']);
  });

  it('reads a class phrase with a few modifiers before its head, then the drug', () => {
    expect(targetLines("Acme's CD19-directed CAR T cell therapy, QX-12, is approved in Japan.")).toEqual(['TARGETS QX-12 -> CD19']);
  });

  it('reads "degrader of" and "modulator of"', () => {
    expect(targetLines('QX-12 is an oral degrader of BRD4.')).toEqual(['TARGETS QX-12 -> BRD4']);
    expect(targetLines('ZR-88 is an allosteric modulator of GPR40.')).toEqual(['TARGETS ZR-88 -> FFAR1']);
  });
});

describe('a target phrase far from the subject it describes', () => {
  it('gives "therapy directed against T" to the clause subject a long predicate describes', () => {
    expect(targetLines('QX-12 is an investigational form of autologous "chimeric antigen receptor T (CAR-T)" therapy directed against CD19, an antigen expressed in B-cell cancers.')).toEqual(['TARGETS QX-12 -> CD19']);
  });

  it('gives nothing when the sentence does not open with the drug as subject', () => {
    expect(targetLines('Acme said that its partner, which markets QX-12 in Europe and Japan, is now studying an investigational form of autologous T cell therapy directed against CD19.')).toEqual([]);
  });
});

describe('a sentence whose subject stands for the drug named before', () => {
  it('gives "It is a first-in-class anti-T therapeutic" to the only drug the paragraph named before', () => {
    expect(targetLines("Acme's lead drug candidate is QX-12. Acme says it is showing promise in pancreatic cancer. It is a first-in-class anti-KRAS RNA therapeutic.")).toEqual(['TARGETS QX-12 -> KRAS']);
  });

  it('gives nothing when the paragraph named two drugs before', () => {
    expect(targetLines('Acme develops QX-12 and ZR-88. It is a KRAS inhibitor.')).toEqual([]);
  });

  it('gives nothing when the predicate names no target phrase', () => {
    expect(targetLines('Acme develops QX-12. It is a cancer driven by KRAS mutations.')).toEqual([]);
  });
});
