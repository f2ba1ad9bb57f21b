// Entity rules read from the shape of a name and the words around it (issue 16), tested on invented
// names and on sentences of other documents: each rule with a near miss it must leave alone.
import { describe, expect, it } from 'vitest';
import { mentionsOf, names } from './support/entities.ts';

describe('companies named by the ticker after them', () => {
  it('reads the name right before a parenthesised ticker as a company, whatever its shape', () => {
    const ms = mentionsOf('Other companies in the space include Norvalis (NASDAQ: NRVL), Quellix Cell Therapeutic (NASDAQ: QCTX) and Brantover (NYSE American: BRNT).');
    expect(names(ms, 'Company')).toEqual(['Brantover', 'Norvalis', 'Quellix Cell Therapeutic']);
  });

  it('reads a name whose ticker follows a defined term, and a numeric Hong Kong code', () => {
    const ms = mentionsOf('Zenthra Lumen (the "Company"; HKEX: 01234), a global biopharmaceutical company, today announced results.');
    expect(names(ms, 'Company')).toEqual(['Zenthra Lumen']);
  });

  it('reads a company of a sentence bank release by its ticker', () => {
    const ms = mentionsOf('Alzamend Neuro (NASDAQ: ALZN) announced the first patient has been dosed in its Phase II clinical trial of AL001.');
    expect(names(ms, 'Company')).toContain('Alzamend Neuro');
  });

  it('leaves a name whose trade mark cuts it in two to the other rules', () => {
    const ms = mentionsOf('Zentrova™ Biologics (NYSE American: ZTRV) is an immuno-oncology company.');
    expect(names(ms, 'Company')).not.toContain('Biologics');
  });

  it('leaves a ticker without a name before it, or outside parentheses, alone', () => {
    const ms = mentionsOf('Shares of the company (NASDAQ: QRXL) rose. The stock trades on Nasdaq: QRXL since May.');
    expect(names(ms, 'Company')).toEqual([]);
  });
});

describe('drugs listed with a drug', () => {
  it('reads a lower-case substance name listed with a known drug as a drug', () => {
    const ms = mentionsOf('The capsule combines two antibiotics (amoxicillin and colchicine) with omeprazole. Patients received gemcitabine and nab-paclitaxel in both arms.');
    expect(names(ms, 'Drug')).toEqual(['amoxicillin', 'colchicine', 'gemcitabine', 'nab-paclitaxel', 'omeprazole']);
  });

  it('follows a list from one drug to the next', () => {
    const ms = mentionsOf('The regimen pairs morphine, digoxin and cisplatin for six cycles.');
    expect(names(ms, 'Drug')).toEqual(['cisplatin', 'digoxin', 'morphine']);
  });

  it('reads the two substances a code’s parentheses list as its components, not one substance that renames the code', () => {
    const ms = mentionsOf('The company is developing QX-100 (preservative-free intravenous morphine) and QX-101 (oral cyclosporine/digoxin).');
    expect(names(ms, 'Drug')).toEqual(['QX-100', 'QX-101', 'cyclosporine', 'digoxin']);
  });

  it('keeps a salt after a drug’s name out of the list', () => {
    const ms = mentionsOf('The capsule holds esomeprazole magnesium, amoxicillin and colchicine.');
    expect(names(ms, 'Drug')).toEqual(['amoxicillin', 'colchicine', 'esomeprazole']);
  });

  it('leaves comparators, English words and words without a substance ending alone', () => {
    const ms = mentionsOf('Patients received QX-100 or placebo. The study compared cisplatin and routine care, and cisplatin and surgery. QX-200 (tablets) is oral.');
    expect(names(ms, 'Drug')).toEqual(['QX-100', 'QX-200', 'cisplatin']);
  });
});

describe('diseases spelled out by their abbreviation', () => {
  it('keeps the words an abbreviation spells before and after the lexicon’s head', () => {
    const ms = mentionsOf('The gene therapy treats X-Linked Centronuclear Myopathy (XLCNM). It is tested in major depressive disorder with anxious distress (MDDAD) and in Early-Onset Treatment-Resistant Depression (EOTRD).');
    expect(names(ms, 'Disease')).toEqual(['X-linked centronuclear myopathy', 'early-onset treatment-resistant depression', 'major depressive disorder with anxious distress']);
  });

  it('leaves a span the abbreviation already spells, and an abbreviation that spells nothing more, as they were', () => {
    const ms = mentionsOf('Patients had metastatic uveal melanoma (MUM) or non-small cell lung cancer (NSCLC). Rare myopathy (ZQ) was seen.');
    expect(names(ms, 'Disease')).toEqual(['myopathy', 'non-small cell lung cancer', 'uveal melanoma']);
  });

  it('does not read a body, a scale or a meeting named after a disease as the disease', () => {
    const ms = mentionsOf('Data went to the Ovarian Cancer Research Alliance (OCRA) and were shown at the Lorenzo Kidney Cancer (LKC) meeting.');
    expect(names(ms, 'Disease')).toEqual(['kidney cancer', 'ovarian cancer']);
  });
});

describe('brands named by the commerce around them', () => {
  it('reads a name after a launch, its sales or its brand name as a drug', () => {
    const ms = mentionsOf('The company launched Zorvexa in Japan. Net sales of Prelquin rose 12%. The tablet is marketed under the brand name Halvenza. We will launch QUILTRA in the U.S.');
    expect(names(ms, 'Drug')).toEqual(['Halvenza', 'Prelquin', 'QUILTRA', 'Zorvexa']);
  });

  it('leaves English words, months, phases, places and people after such phrases alone', () => {
    const ms = mentionsOf('The company launched Phase 2 in March. Sales of Europe grew. The launch of Operation Warp Speed helped. Sales launched Monday. It launched Maria to the board.');
    expect(names(ms, 'Drug')).toEqual([]);
  });
});

describe('brands in lower case', () => {
  it('reads a lower-case word with a trade mark glued to it as a brand', () => {
    const ms = mentionsOf('Patients who do not respond to PDE5 inhibitors (zorvexa®, quelta®) may benefit.');
    expect(names(ms, 'Drug')).toEqual(['quelta', 'zorvexa']);
  });

  it('leaves a mark set off by a space, and a marked word before a platform noun, alone', () => {
    const ms = mentionsOf('The zorvexa ® label was updated. Our quelta® platform makes antibodies.');
    expect(names(ms, 'Drug')).toEqual([]);
  });
});

describe('marks that name no product', () => {
  it('reads a marked word before a company word or a trial as no drug', () => {
    const ms = mentionsOf('Zentrova™ Biologics (NYSE American: ZTRV) is an immuno-oncology company. Enrollment in the Phase 2 QUELTRA(TM) clinical trial is complete. Zorvexa® is approved.');
    expect(names(ms, 'Drug')).toEqual(['Zorvexa']);
  });
});

describe('code names of two letter groups', () => {
  it('reads letters, a hyphen, letters and two digits as a code in a sentence about drugs', () => {
    const ms = mentionsOf('A preclinical study of the vaccine candidate QRV-TX07 was published.');
    expect(names(ms, 'Drug')).toEqual(['QRV-TX07']);
  });

  it('leaves the same shape alone in a sentence about no drug', () => {
    const ms = mentionsOf('The office moved to building QRV-TX07 in May.');
    expect(names(ms, 'Drug')).toEqual([]);
  });
});
