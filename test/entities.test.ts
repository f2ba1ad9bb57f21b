// Entity rules, one family at a time, on small sentences of our own (positive and negative cases).
import { describe, expect, it } from 'vitest';
import { entitiesOf, mentionsOf, names } from './support/entities.ts';

describe('companies', () => {
  it('names a lexicon company followed by a strong company word in full ("Takeda Laboratories")', () => {
    expect(names(mentionsOf('Large companies like Eisai, Takeda Laboratories and Kelvar Inc. work on it.'), 'Company')).toContain('Takeda Laboratories');
  });

  it('does not open a legal-suffix company with a person’s name and "of" ("Jane Roe of Acme, Inc.")', () => {
    expect(names(mentionsOf('Mary Major of Nortek, Inc. agreed. Bank of America, N.A. agreed.'), 'Company')).toEqual(['Bank of America', 'Nortek']);
  });

  it('reads legal-suffix names without the suffix and links the ticker', () => {
    const ms = mentionsOf('Acmegen Therapeutics, Inc. (Nasdaq: ACMG) today announced results. Acmegen will host a call.');
    expect(names(ms, 'Company')).toEqual(['Acmegen Therapeutics']);
    const first = ms.find((m) => m.label === 'Company');
    expect(first?.properties).toMatchObject({ ticker: 'ACMG', exchange: 'Nasdaq' });
    expect(ms.filter((m) => m.label === 'Company' && m.text === 'Acmegen')).toHaveLength(1);
  });

  it('keeps Merck & Co. and Merck KGaA apart', () => {
    const keys = entitiesOf('Merck & Co., Inc. and Merck KGaA signed an agreement.')
      .filter((e) => e.labels[0] === 'Company')
      .map((e) => e.key)
      .sort();
    expect(keys).toEqual(['company:merck-and-co', 'company:merck-kgaa']);
  });

  it('makes agencies Organizations, not Companies', () => {
    const ms = mentionsOf('The FDA and the European Medicines Agency accepted the filing from Pfizer.');
    expect(names(ms, 'Company')).toEqual(['Pfizer']);
    expect(names(ms, 'Organization')).toEqual(['European Medicines Agency', 'FDA']);
  });

  it('finds company-typical names and deal advisers', () => {
    const ms = mentionsOf('Zorvex Biosciences entered a pact. Halvard Partners is serving as financial advisor to Zorvex Biosciences.');
    expect(names(ms, 'Company')).toEqual(['Halvard Partners', 'Zorvex Biosciences']);
  });
});

describe('drugs', () => {
  it('finds code names, INNs, ADCs and brand (generic) pairs', () => {
    const ms = mentionsOf('ZX-4412 and pembrolizumab were combined with trastuzumab deruxtecan. VELORIX® (zanubrutinib) is approved.');
    expect(names(ms, 'Drug')).toEqual(['ZX-4412', 'pembrolizumab', 'trastuzumab deruxtecan', 'zanubrutinib']);
  });

  it('does not read ordinary words as drugs', () => {
    const ms = mentionsOf('This release describes a peptide concept, the database and a Phase 2 increase in 2023.');
    expect(names(ms, 'Drug')).toEqual([]);
  });
});

describe('targets', () => {
  it('needs a cue and resolves HGNC aliases to the approved symbol', () => {
    const ms = mentionsOf('The anti-HER2 antibody and a KRAS inhibitor were tested. HER2 is common.');
    expect(names(ms, 'Target')).toEqual(['ERBB2', 'KRAS']);
    const noCue = mentionsOf('The SET and CAT teams met in May.');
    expect(names(noCue, 'Target')).toEqual([]);
  });

  it('keeps unknown antigens named by a cue', () => {
    expect(names(mentionsOf('It is a Zq7Ag-targeting conjugate.'), 'Target')).toEqual(['Zq7Ag']);
  });
});

describe('technologies', () => {
  it('finds platforms, defined abbreviations and payloads', () => {
    const ms = mentionsOf('Using its Targeted Linker Conjugate (TLC) technology and the Quorix platform, it attaches MMAE.');
    expect(names(ms, 'Technology')).toEqual(['MMAE', 'Quorix', 'TLC']);
    expect(ms.find((m) => m.canonical === 'MMAE')?.extraLabels).toEqual(['Payload']);
  });
});

describe('people', () => {
  it('reads quote attributions without honorifics or degrees, with the title', () => {
    const ms = mentionsOf('“We are pleased,” said Dr. Jane Q. Doe, Ph.D., Chief Executive Officer of Zorvex Biosciences.');
    const person = ms.find((m) => m.label === 'Person');
    expect(person?.canonical).toBe('Jane Q. Doe');
    expect(person?.properties?.['title']).toMatch(/^Chief Executive Officer of Zorvex Biosciences/);
  });

  it('keeps a bracketed nickname in the surface, out of the canonical name, and reads no name that opens or ends with a bracket', () => {
    const ms = mentionsOf('“We are glad,” said Dr. Ken-ichi (Ken) Satoru, Co-Founder and CEO of Zorvexa Bio.');
    const person = ms.find((m) => m.label === 'Person');
    expect(person?.text).toBe('Ken-ichi (Ken) Satoru');
    expect(person?.canonical).toBe('Ken-ichi Satoru');
    expect(names(mentionsOf('“Good,” said Acme (ACM) Therapeutics, the chief sponsor of the study.'), 'Person')).toEqual([]);
  });

  it('reads signatures and contact lines', () => {
    const ms = mentionsOf('/s/ Robert T. Vance\n\nMedia: Alma Reyes 555-201-3344 alma@example.com');
    expect(names(ms, 'Person')).toEqual(['Alma Reyes', 'Robert T. Vance']);
  });
});

describe('diseases', () => {
  const diseaseNames = (text: string): string[] =>
    entitiesOf(text)
      .filter((e) => e.labels[0] === 'Disease')
      .map((e) => e.name)
      .sort();

  it('keeps qualifiers out of the name: one node per disease', () => {
    const entities = entitiesOf('It treats HER2-positive metastatic breast cancer. Breast cancer is common.').filter((e) => e.labels[0] === 'Disease');
    expect(entities.map((e) => e.name)).toEqual(['breast cancer']);
    expect(entities[0]?.aliases).toContain('HER2-positive metastatic breast cancer');
  });

  it('links an abbreviation defined in parentheses', () => {
    const entities = entitiesOf('Patients with non-small cell lung cancer (NSCLC) responded. NSCLC remains hard to treat.').filter((e) => e.labels[0] === 'Disease');
    expect(entities).toHaveLength(1);
    expect(entities[0]?.aliases).toContain('NSCLC');
  });

  it('reads a name written with its accents as the ontology label written without them', () => {
    const diseases = entitiesOf('The trial enrolled patients with Behçet’s disease and with Sjögren’s syndrome.').filter((e) => e.labels[0] === 'Disease');
    expect(diseases.map((e) => e.name)).toEqual(expect.arrayContaining(["Behcet's disease", "Sjogren's syndrome"]));
  });

  it('finds common indications the ontology labels differently: stroke, BPH, dementia with Lewy bodies', () => {
    // sentence bank sb-0155
    const stroke = mentionsOf('We are excited to join forces to advance the development of abelacimab, a potential treatment for stroke prevention in atrial fibrillation.');
    expect(names(stroke, 'Disease')).toContain('stroke');
    const others = mentionsOf('The company develops treatments for benign prostatic hyperplasia and for dementia with Lewy bodies.');
    expect(names(others, 'Disease')).toEqual(expect.arrayContaining(['benign prostatic hyperplasia', 'dementia with Lewy bodies']));
  });

  it('keeps the biomarker in the name of a tumour with no organ: "mKRAS-driven solid tumors", "MSI-High tumors"', () => {
    expect(diseaseNames('The vaccine is being studied in patients with mKRAS-driven solid tumors and in MSI-High tumors.')).toEqual(['MSI-High tumors', 'mKRAS-driven solid tumors']);
  });

  it('reads "anti-cancer" as an activity, not a mention of cancer', () => {
    expect(diseaseNames('Opaganib is a small molecule with anti-inflammatory, anti-cancer and antiviral activity.')).toEqual([]);
  });

  it('names an organ-specific cancer by its organ, and reads neither cancer cells nor a shared marker as a biomarker-defined tumour', () => {
    expect(diseaseNames('It treats HER2-positive gastric cancer.')).toEqual(['stomach cancer']);
    expect(diseaseNames('The drug sensitised PTEN-deficient cancer cells to radiation.')).not.toContain('PTEN-deficient cancer');
    expect(diseaseNames('Its second candidate targets YES1/SRC-driven tumors.')).not.toContain('SRC-driven tumors');
  });
});
