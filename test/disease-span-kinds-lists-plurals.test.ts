// Disease spans the lexicon alone cut short or missed (issue 16): a clinical kind's adjective stays in
// the name ("suicidal depression"), items of a list share the head noun after them ("ovarian,
// fallopian tube, and primary peritoneal cancers"), and a one-word disease is found in the plural
// ("sarcomas"). Invented drug and company names; the diseases are ordinary ones of the field.
import { describe as group, expect, it } from 'vitest';
import { texts, mentionsOf } from './support/entities.ts';

const diseases = (sentence: string): string[] =>
  mentionsOf(sentence)
    .filter((m) => m.label === 'Disease')
    .map((m) => m.canonical);

group('a clinical kind adjective stays in the disease name', () => {
  it.each([
    ['QX-12 is an intravenous therapy for suicidal depression.', 'suicidal depression'],
    ['Kelvar develops QX-13, an oral therapy for suicidal bipolar depression.', 'suicidal bipolar depression'],
    ['QX-12 is studied in patients with refractory aggressive B-cell lymphomas.', 'aggressive B-cell lymphomas'],
  ])('names %s', (sentence, disease) => {
    expect(diseases(sentence)).toContain(disease);
  });

  it.each([
    // Public sentences (a 2021 review of pixantrone, Dovepress; a 2022 review of DLBCL treatment, PMC9243592).
    ['Not many treatment options exist for patients with relapsed or refractory B-cell non-Hodgkin lymphoma. This is especially true for patients with aggressive lymphomas.', 'aggressive lymphomas'],
    ['Diffuse large B-cell lymphoma (DLBCL) represents the most common subtype of aggressive lymphoma.', 'aggressive lymphoma'],
  ])('names the lymphoma grade in %s', (sentence, disease) => {
    expect(diseases(sentence)).toContain(disease);
  });

  it('leaves a course adjective out of a solid tumour name', () => {
    expect(diseases('QX-12 is studied in aggressive pancreatic cancer.')).toContain('pancreatic cancer');
    expect(diseases('QX-12 is studied in aggressive pancreatic cancer.')).not.toContain('aggressive pancreatic cancer');
  });
});

group('list items share the head noun after them', () => {
  it('reads items of several words', () => {
    expect(diseases('QX-12 is studied for ARID1a-deficient ovarian, fallopian tube, and primary peritoneal cancers.')).toEqual(expect.arrayContaining(['ovarian cancer', 'fallopian tube cancer', 'primary peritoneal cancer']));
  });

  it('still reads items of one word', () => {
    expect(diseases('Zorvexa is studied in breast, lung and prostate cancers.')).toEqual(expect.arrayContaining(['breast cancer', 'lung cancer', 'prostate cancer']));
  });

  it('stops at a word that makes no disease with the head', () => {
    expect(texts(mentionsOf('Kelvar reported safety and prostate cancer data.'), 'Disease')).toEqual(['prostate cancer']);
  });
});

group('a one-word disease in the plural', () => {
  it.each([
    ['Zorvexa was studied in metastatic cancers including sarcomas.', 'sarcoma'],
    ['QX-12 showed responses in lymphomas and melanomas.', 'melanoma'],
    ['The market for neuroblastomas is growing.', 'neuroblastoma'],
  ])('finds %s', (sentence, disease) => {
    expect(diseases(sentence)).toContain(disease);
  });

  it('finds no disease in an ordinary plural', () => {
    expect(diseases('The patients and physicians reviewed the outcomes.')).toEqual([]);
  });
});

group('a cause hyphened to a link word narrows the disease', () => {
  it.each([
    ['Kelvar is exploring QX-12 in treating chemotherapy-induced depression and chronic pain.', 'chemotherapy-induced depression'],
    ['QX-12 is studied for radiation-induced mucositis.', 'radiation-induced mucositis'],
  ])('names %s', (sentence, disease) => {
    expect(diseases(sentence)).toContain(disease);
  });

  it('leaves a disease as the cause to the linked reading', () => {
    expect(diseases('QX-12 is studied in cancer-related neuropathic pain.')).toContain('cancer-related neuropathic pain');
  });

  it('reads no cause from a generic word', () => {
    expect(diseases('QX-12 treats disease-associated depression.')).not.toContain('disease-associated depression');
  });
});

group('a virus and its disease', () => {
  it('reads the virus named for its disease as that disease', () => {
    expect(diseases('QX-12 is an oral antiviral against SARS-CoV-2.')).toEqual(['COVID-19']);
  });

  it('reads no disease from an abbreviation that opens a strain code', () => {
    expect(diseases('QX-12 was active against SARS-CoV-1 in cells.')).toEqual([]);
  });

  it('still reads the abbreviation alone', () => {
    expect(diseases('QX-12 was studied in SARS.')).toEqual(['severe acute respiratory syndrome']);
  });
});

group('a cause names a class of disorders', () => {
  it.each([
    ['QX-12 is studied for type 2 diabetes and other obesity-related disorders.', 'obesity-related disorders'],
    ['Zorvexa is a potassium-competitive acid blocker for acid-related disorders.', 'acid-related disorders'],
  ])('names %s', (sentence, disease) => {
    expect(diseases(sentence)).toContain(disease);
  });

  it('needs the link word and a generic head', () => {
    expect(diseases('Kelvar reported treatment-emergent events and other disorders.')).toEqual([]);
  });
});
