// Names that look like a drug's or a company's and are not (entity precision, issue 17): a code that
// titles a study or names a cell line or model, a drug's trial named by the drug and a number, and a
// company-like name before a segment, pillar or licence-application noun. Sentences of our own,
// invented names; each rule with a case it must keep.
import { describe, expect, it } from 'vitest';
import { entitiesOf } from './support/entities.ts';
import { namesStudyOrCellLine } from '../src/extract/entities/drugs.ts';
import { knowledge } from './support/knowledge.ts';

const breaks = knowledge.entities.lexicons.phraseBreakWords;

const keysOf = (text: string, label: string): string[] =>
  entitiesOf(text)
    .filter((e) => e.labels[0] === label)
    .map((e) => e.key)
    .sort();

describe('a code that names a study or a cell line', () => {
  it('is no drug when a study title follows it after a colon', () => {
    expect(keysOf('Dosing has started in the clinical study entitled: QRX-801: A Phase II, Randomized, Placebo-Controlled Study of Zorvatinib in Adults.', 'Drug')).not.toContain('drug:qrx-801');
  });

  it('is no drug when it heads cells, a cell line, xenografts or models', () => {
    expect(namesStudyOrCellLine(' colorectal cancer (CRC) models to a significant degree', breaks)).toBe(true);
    expect(namesStudyOrCellLine(' cells were treated', breaks)).toBe(true);
    expect(namesStudyOrCellLine(' cell line', breaks)).toBe(true);
    expect(keysOf('The inhibitor sensitised ZK116 colorectal cancer (CRC) models to radiation in mice.', 'Drug')).not.toContain('drug:zk116');
  });

  it('stays a drug when a verb or a preposition stands before the cells or models', () => {
    expect(namesStudyOrCellLine(' kills tumour cells in vitro', breaks)).toBe(false);
    expect(namesStudyOrCellLine(' in mouse models of fibrosis', breaks)).toBe(false);
    expect(namesStudyOrCellLine(' reduced tumour growth in models', breaks)).toBe(false);
    expect(namesStudyOrCellLine(': the company expects data in 2026', breaks)).toBe(false);
    expect(keysOf('QRX-801 kills tumour cells in preclinical models of lung cancer.', 'Drug')).toContain('drug:qrx-801');
  });
});

describe("a drug's trial named by the drug and a number", () => {
  it('is no drug when the text calls it a trial and names the drug alone', () => {
    const text = 'Acme Bio is developing ZORVEX®, a telomere-targeting small molecule. The ZORVEX-101 Phase 2 trial enrolled 60 patients. Data from ZORVEX-101 are expected in 2026.';
    const drugs = keysOf(text, 'Drug');
    expect(drugs).toContain('drug:zorvex');
    expect(drugs).not.toContain('drug:zorvex-101');
  });

  it('stays a drug when its letters name no drug of the text', () => {
    expect(keysOf('The QRX-101 Phase 2 trial of the oral inhibitor enrolled 60 patients with gout.', 'Drug')).toContain('drug:qrx-101');
  });
});

describe('a company-like name before a segment, pillar or application noun', () => {
  it('is no company', () => {
    expect(keysOf('Its Precision Therapeutics business segment develops products for rare diseases.', 'Company')).not.toContain('company:precision-therapeutics');
    expect(keysOf('The drug is eligible for an Accelerated Biologics License Application in 2026, Acme Bio said.', 'Company')).not.toContain('company:accelerated-biologics');
    expect(keysOf('Jane Roe, co-lead of the Access Therapeutics Pillar, said the plan was sound.', 'Company')).not.toContain('company:access-therapeutics');
  });

  it('stays a company before other nouns', () => {
    expect(keysOf('Zentrix Therapeutics business development head Jane Roe joined Acme Bio.', 'Company')).toContain('company:zentrix-therapeutics');
  });
});
