// The issuer's pipeline (develops.issuer_pipeline) leaves out the drugs a release names only beside its own:
// the partners of a regimen written as a list ("a combination of A and B", "co-administration of A with B"),
// the comparator or standard of care, the prior therapy of the patients ("previously treated with B",
// "progressed on B", "intolerant to B"), a drug given as an example of a class ("therapies like B"), a drug of a sentence another company opens without the issuer, and a
// drug written with its maker right after it ("ZV-712 (Zorvexa Inc.)", "marketed by Zorvexa").
// Invented companies and code names beside real INNs, run through the whole pipeline.
import { describe, expect, it } from 'vitest';
import { extractText } from '../src/pipeline.ts';
import { describe as describeFacts } from './support/relations.ts';
import { knowledge } from './support/knowledge.ts';

function develops(text: string): string[] {
  const [extraction] = extractText(`${text}\n`, { path: 'issuer-pipeline-partners.txt', knowledge });
  if (!extraction) throw new Error('no document');
  return describeFacts(extraction.mentions, extraction.facts).filter((line) => line.startsWith('DEVELOPS '));
}

const DATELINE = 'CAMBRIDGE, Mass., May 2, 2025 -- Acme Therapeutics, Inc. today';

describe('a regimen written as a list of drugs', () => {
  it('gives the issuer the code-named member of "a combination of A and B", not the approved partner named first', () => {
    expect(develops(`${DATELINE} announced the first patient dosed in a Phase 2 trial of a combination of pembrolizumab and QX-12 in melanoma.`)).toEqual(['DEVELOPS Acme Therapeutics -> QX-12']);
  });

  it('leaves out the drug co-administered with the issuer’s ("co-administration of A with B")', () => {
    expect(develops(`${DATELINE} announced the start of a Phase 1 study evaluating the co-administration of QX-12 with semaglutide in obesity.`)).toEqual(['DEVELOPS Acme Therapeutics -> QX-12']);
  });

  it('keeps a drug the release names on its own in development, even where another sentence lists it as a regimen partner', () => {
    const lines = develops(`${DATELINE} started a Phase 2 trial of zorbinib in gout. A Phase 1 study is testing a combination of AC-101 and zorbinib in gout.`);
    expect(lines).toEqual(expect.arrayContaining(['DEVELOPS Acme Therapeutics -> AC-101', 'DEVELOPS Acme Therapeutics -> zorbinib']));
  });

  it('leaves out the partner when it is named only in the regimen', () => {
    expect(develops(`${DATELINE} started a Phase 2 trial of AC-101 in gout. A Phase 1 study is testing a combination of AC-101 and zorbinib in gout.`)).toEqual(['DEVELOPS Acme Therapeutics -> AC-101']);
  });
});

describe('a comparator or a prior therapy', () => {
  it('leaves out the patients’ prior therapy ("previously treated with B")', () => {
    expect(develops(`${DATELINE} announced the first patient dosed in a Phase 1 trial of QX-12 in patients with melanoma previously treated with nivolumab.`)).toEqual(['DEVELOPS Acme Therapeutics -> QX-12']);
  });

  it('leaves out the drug the disease progressed on, or the patients are intolerant to', () => {
    expect(develops(`${DATELINE} announced results of a Phase 3 trial of QX-12 in patients with lung cancer whose disease progressed on osimertinib.`)).toEqual(['DEVELOPS Acme Therapeutics -> QX-12']);
    expect(develops(`${DATELINE} announced results of a Phase 3 trial of QX-12 in patients intolerant to imatinib.`)).toEqual(['DEVELOPS Acme Therapeutics -> QX-12']);
  });

  it('leaves out the standard of care named after a comma ("versus the standard of care, B")', () => {
    expect(develops(`${DATELINE} announced a Phase 3 trial of zorbinib versus the standard of care, docetaxel, in lung cancer.`)).toEqual(['DEVELOPS Acme Therapeutics -> zorbinib']);
  });
});

describe('a drug given as an example of a class', () => {
  it('leaves out the marketed drug a sentence names as an example ("incretin therapies like B")', () => {
    const lines = develops(`${DATELINE} said that combining AC-101 with incretin therapies like semaglutide may improve weight loss in its Phase 2 clinical program.`);
    expect(lines).toEqual(['DEVELOPS Acme Therapeutics -> AC-101']);
  });
});

describe('a sentence another company opens', () => {
  it('does not put the drug another company markets into the issuer’s pipeline when the issuer has no part in the sentence', () => {
    const lines = develops(`${DATELINE} announced the start of a Phase 2 trial of AC-101 in obesity. Zorvexa Inc. markets semaglutide for the treatment of obesity in a clinical setting.`);
    expect(lines).toEqual(['DEVELOPS Acme Therapeutics -> AC-101']);
  });

  it('keeps the drug when the issuer speaks in that sentence ("Zorvexa Inc. and our team")', () => {
    const lines = develops(`${DATELINE} announced the start of a Phase 2 trial of AC-101 in obesity. Zorvexa Inc. and our team are also studying semaglutide in a clinical trial in obesity.`);
    expect(lines).toContain('DEVELOPS Acme Therapeutics -> semaglutide');
  });
});

describe('a company named as the drug’s maker right after it', () => {
  it('gives a drug written with another company in brackets ("ZV-712 (Zorvexa Inc.)") to no issuer pipeline', () => {
    const lines = develops(`${DATELINE} announced a Phase 2 clinical trial of AC-101 in gout. ZV-712 (Zorvexa Inc.) is approved for gout and is in clinical trials for lupus.`);
    expect(lines).toEqual(['DEVELOPS Acme Therapeutics -> AC-101']);
  });

  it('leaves out a drug "marketed by" another company', () => {
    const lines = develops(`${DATELINE} announced a Phase 2 clinical trial of AC-101 in gout. The trial enrolls patients who took ZV-712, marketed by Zorvexa Inc., in a clinical study.`);
    expect(lines).toEqual(['DEVELOPS Acme Therapeutics -> AC-101']);
  });

  it('keeps a drug the issuer itself is named after ("AC-101 (Acme)")', () => {
    const lines = develops(`${DATELINE} announced a Phase 2 clinical trial in gout. AC-101 (Acme Therapeutics) is in clinical trials for lupus.`);
    expect(lines).toContain('DEVELOPS Acme Therapeutics -> AC-101');
  });
});
