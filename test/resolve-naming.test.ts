// The resolve stage's naming rules (src/resolve/mentions.ts, knowledge.names): what names no one is
// dropped, run-together names are repaired, agencies and targets take one canonical name, variants the
// text links are one entity, and nothing is joined on a guess. Sentences are written for the test, in
// the shapes the rules read, not taken from the corpus.
import { describe, expect, it } from 'vitest';
import { entitiesOf } from './support/entities.ts';
import { knowledge, stageContext } from './support/knowledge.ts';
import { nameMentions } from '../src/resolve/mentions.ts';
import type { Mention } from '../src/model/extraction.ts';

const { names } = knowledge;
const byLabel = (text: string, label: string) => entitiesOf(text).filter((e) => e.labels[0] === label);
const keys = (text: string, label: string): string[] => byLabel(text, label).map((e) => e.key);

describe('keys of one real thing', () => {
  it('gives an agency one key whichever of its names a document uses', () => {
    const key = names.entityKey('Organization', 'U.S. Food and Drug Administration');
    for (const form of ['FDA', 'U.S. FDA', 'Food and Drug Administration', 'US Food and Drug Administration']) expect(names.entityKey('Organization', form)).toBe(key);
    expect(names.entityKey('Organization', 'NYSE')).toBe(names.entityKey('Organization', 'New York Stock Exchange'));
    expect(names.entityKey('Organization', 'CHMP')).toBe(names.entityKey('Organization', 'Committee for Medicinal Products for Human Use'));
  });

  it('names a target by its HGNC symbol, whatever common name or bracketing the text uses', () => {
    expect(names.entityKey('Target', 'PD-1')).toBe('target:pdcd1');
    expect(names.entityKey('Target', 'RANK Ligand')).toBe('target:tnfsf11');
    expect(names.entityKey('Target', '(RANK) ligand')).toBe('target:tnfsf11');
    expect(names.entityKey('Target', 'HER2')).toBe('target:erbb2');
  });

  it('names a receptor family HGNC gives no one symbol by the family, whether the text writes the ligand alone or with "receptor"', () => {
    for (const form of ['NMDA', 'NMDA receptor', 'N-methyl-D-aspartate receptor', 'NMDAR']) expect(names.entityKey('Target', form), form).toBe('target:nmda-receptor');
    expect(names.entityKey('Target', 'GABA-A')).toBe(names.entityKey('Target', 'GABAA receptor'));
    // A ligand that is itself a protein stays apart from its receptor.
    expect(names.entityKey('Target', 'VEGF')).not.toBe(names.entityKey('Target', 'VEGF receptor'));
    const targets = byLabel('Zorbex Labs, Inc. develops ZRB-710, an NMDA antagonist for depression.', 'Target');
    expect(targets.map((e) => [e.name, ...e.aliases])).toEqual([['NMDA receptor', 'NMDA']]);
  });

  it('ignores a person’s middle initials and a company’s leading "The" and trailing "Company"', () => {
    expect(names.entityKey('Person', 'Jane Q. Roe')).toBe(names.entityKey('Person', 'Jane Roe'));
    expect(names.entityKey('Company', 'THE ACMEWARE, INC.')).toBe(names.entityKey('Company', 'Acmeware'));
    expect(names.entityKey('Company', 'Acmeware Company, Limited')).toBe(names.entityKey('Company', 'Acmeware Co., Ltd.'));
  });

  it('keeps Merck & Co. and Merck KGaA on two keys', () => {
    expect(names.entityKey('Company', 'Merck & Co., Inc.')).not.toBe(names.entityKey('Company', 'Merck KGaA'));
  });
});

describe('names that name no one', () => {
  it('drops a state of incorporation and never keeps a defined term as an alias', () => {
    const text = 'Zorbex Labs, Inc., a Nevada corporation (the "Company"), and Quillon Bio Ltd., a Cayman Islands exempted company ("Licensee"), signed. The Company paid Licensee.';
    const companies = byLabel(text, 'Company');
    expect(companies.map((e) => e.key).sort()).toEqual(['company:quillon-bio', 'company:zorbex-labs']);
    for (const e of companies) for (const alias of e.aliases) expect(names.isGenericTerm(alias), `${e.key}: ${alias}`).toBe(false);
  });

  it('recognises generic defined terms and places, not names that contain them', () => {
    for (const term of ['the Company', 'Registrant', 'the Parties', 'Licensee', 'we', 'Merger Sub']) expect(names.isGenericTerm(term), term).toBe(true);
    for (const name of ['Acme Company', 'Parties Pharma']) expect(names.isGenericTerm(name), name).toBe(false);
    for (const place of ['Kentucky', 'Delaware', 'Cayman Islands', 'Switzerland']) expect(names.isPlace(place), place).toBe(true);
    expect(names.isPlace('Kentucky Utilities')).toBe(false);
  });

  it('finds the whole agency name, not the tail after its "and"', () => {
    expect(keys('Zorbex Labs, Inc. filed with the Securities and Exchange Commission after the U.S. Food and Drug Administration approved its drug.', 'Organization').sort()).toEqual([
      names.entityKey('Organization', 'FDA'),
      names.entityKey('Organization', 'SEC'),
    ]);
  });
});

describe('names the text runs together', () => {
  it('cuts a heading glued to the front of a company name the document uses', () => {
    const text = 'Quillon Therapeutics, Inc. reported results. Next StepsQuillon Therapeutics plans a trial in 2026.';
    expect(keys(text, 'Company')).toEqual(['company:quillon-therapeutics']);
  });

  it('cuts a legal form run in from the previous list item', () => {
    const text = 'The parties are Zorbex Labs, Inc. and Quillon Therapeutics, Inc. Inc. Quillon Therapeutics, Inc. will lead.';
    expect(keys(text, 'Company').filter((k) => k.startsWith('company:inc'))).toEqual([]);
  });
});

describe('variants of one name within a document', () => {
  it('joins a short name to its only descriptor-longer name, under the longer name', () => {
    const text = 'Zorbex Therapies LLC and Zorbex met.';
    const mention = (start: number, name: string): Mention => ({ label: 'Company', start, end: start + name.length, text: name, canonical: name, sentenceIndex: 0, rule: 'test' });
    const named = nameMentions([mention(0, 'Zorbex Therapies'), mention(25, 'Zorbex')], text, stageContext());
    expect(named.mentions.map((m) => m?.canonical)).toEqual(['Zorbex Therapies', 'Zorbex Therapies']);
    // Two longer names ("Zorbex Therapies", "Zorbex Medical") leave the short one to neither.
    const two = nameMentions([mention(0, 'Zorbex Therapies'), mention(25, 'Zorbex'), mention(0, 'Zorbex Medical')], text, stageContext());
    expect(two.mentions.map((m) => m?.canonical)).toEqual(['Zorbex Therapies', 'Zorbex', 'Zorbex Medical']);
    // "Ventures" is no descriptor: a fund is a company of its own.
    const fund = nameMentions([mention(0, 'Zorbex Ventures'), mention(25, 'Zorbex')], text, stageContext());
    expect(fund.mentions.map((m) => m?.canonical)).toEqual(['Zorbex Ventures', 'Zorbex']);
  });

  it("joins a well-known company's short form to its full name where the document gives the full name, and only there", () => {
    const both = byLabel('Acme Bio signed a licence agreement with Eli Lilly and Company. Under the agreement, Lilly will pay Acme Bio $5 million.\n', 'Company');
    expect(both.find((e) => e.name === 'Eli Lilly')?.aliases).toContain('Lilly');
    expect(both.map((e) => e.name)).not.toContain('Lilly');
    // A document that says "Lilly" alone keeps the name it gives.
    expect(keys('Acme Bio signed a licence agreement with Lilly. Lilly will pay Acme Bio $5 million.\n', 'Company')).toContain('company:lilly');
  });

  it('keeps a company with a legal form of its own apart from its longer-named subsidiary', () => {
    const text = 'Zorbex Inc. owns Zorbex Therapies, Inc., which licensed the compound.';
    expect(keys(text, 'Company').sort()).toEqual(['company:zorbex', 'company:zorbex-therapies']);
  });

  it('joins a company and the short name it is given in parentheses', () => {
    const text = 'Quillon Medical Products Co., Ltd. (Quillon Medical) licensed the compound to Zorbex Labs, Inc.';
    const quillon = byLabel(text, 'Company').filter((e) => e.key.includes('quillon'));
    expect(quillon.map((e) => e.key)).toEqual(['company:quillon-medical-products']);
  });

  it('joins a trading name and the legal entity named in parentheses after it', () => {
    const companies = byLabel('The antibody was generated in a partnership between Zorbex Labs, Inc. and Swiss-based Quillon Bioscience (Halvaran SA).', 'Company');
    expect(companies).toHaveLength(2);
    expect(companies.map((e) => [e.name, ...e.aliases].join(' | '))).toContainEqual(expect.stringMatching(/Halvaran SA.*Quillon Bioscience|Quillon Bioscience.*Halvaran SA/));
  });

  it('joins a code name and a marked brand written with a slash, and keeps two unmarked drugs so written apart', () => {
    const drugs = byLabel('Zorbex Labs, Inc. has a pipeline of six drugs and one medical device (ZRB-1701/Quilvexa®) under development.', 'Drug').map((e) => [e.name, ...e.aliases].sort());
    expect(drugs).toContainEqual(['Quilvexa', 'ZRB-1701']);
    const combo = byLabel('Zorbex Labs, Inc. is testing zorbetuzumab/quillotinib in a Phase 2 study.', 'Drug');
    expect(combo.length).not.toBe(1);
  });

  it('joins a drug and its other name in parentheses, and a brand and its INN with a dosage form', () => {
    const text = 'Zorbex Labs, Inc. studied ZRB-101 (zorbetuzumab-DM1) and sells Quilvex® (quillotinib tablets).';
    const drugs = byLabel(text, 'Drug');
    expect(drugs.map((e) => [e.name, ...e.aliases].sort())).toEqual([
      ['Quilvex', 'quillotinib'],
      ['ZRB-101', 'zorbetuzumab-DM1'],
    ]);
  });

  it('joins a brand and the quoted code that opens a parenthesis of its other names, after a trademark sign', () => {
    const text = 'Zorbex Labs, Inc. is advancing Quilvex(TM) (“ZRB-301” or synthetic zorbicin) in a Phase 3 study of skin lymphoma.';
    const drugs = byLabel(text, 'Drug').map((e) => [e.name, ...e.aliases].sort());
    expect(drugs).toContainEqual(['Quilvex', 'ZRB-301']);
  });

  it('keeps a formulation apart from the drug it is made of, even when the headline gives one in parentheses after the other', () => {
    const text =
      'Zorbex Labs Announces Phase 1 Start of QX-220 (ZRB-105).\n\nZorbex Labs, Inc. dosed the first patient with QX-220. QX-220 is the inhaled formulation of Zorbex’s proprietary antibody, ZRB-105. Zorbex licensed ZRB-105 to Quillon Bio Ltd. in 2021.';
    const drugs = byLabel(text, 'Drug').map((e) => [e.name, ...e.aliases].sort());
    expect(drugs).toContainEqual(['QX-220']);
    expect(drugs).toContainEqual(['ZRB-105']);
    for (const form of ['an oral analog of', 'a next-generation version of', ', a prodrug of']) {
      const sentence = `Zorbex Labs, Inc. is developing ZRB-310 (quillotinib). ZRB-310${form.startsWith(',') ? '' : ' is'} ${form} quillotinib.`;
      expect(
        byLabel(sentence, 'Drug')
          .map((e) => e.name)
          .sort(),
        form,
      ).toEqual(['ZRB-310', 'quillotinib'].sort());
    }
  });

  it('reads the derivation frame in a sentence of the field: a product that is "an injectible form of" a brand (INN) stays apart from both', () => {
    // The second sentence is a real one (a venture's press release); the headline links the code to the INN.
    const text =
      'Sapu Nano Starts Trial of Sapu003 (everolimus).\n\nOncotelic Therapeutics (OTCQB: OTLC) venture Sapu Nano recently secured approval from Australia’s Human Research Ethics Committee (“HREC”) to begin enrolling patients in clinical trials for Sapu003, an injectible form of Afinitor(R) (everolimus) for breast cancer treatment.';
    const drugs = byLabel(text, 'Drug').map((e) => [e.name, ...e.aliases].sort());
    expect(
      drugs.find((names) => names.includes('Sapu003')),
      JSON.stringify(drugs),
    ).toEqual(['Sapu003']);
  });

  it('keeps two codes of one series apart when both are linked to the same ingredient, and joins neither to it', () => {
    const text = 'Zorbex Labs, Inc. reported data for ZRB-942 (zorbatide) in mucositis. The company is also developing zorbatide ("ZRB-945") in a rare skin disease.';
    const drugs = byLabel(text, 'Drug').map((e) => [e.name, ...e.aliases].sort());
    expect(
      drugs.every((names) => names.length === 1),
      JSON.stringify(drugs),
    ).toBe(true);
    // One code with its ingredient, nothing in conflict: still one drug.
    const one = byLabel('Zorbex Labs, Inc. reported data for ZRB-942 (zorbatide) in mucositis.', 'Drug').map((e) => [e.name, ...e.aliases].sort());
    expect(one).toEqual([['ZRB-942', 'zorbatide']]);
  });

  it('knows common given-name short forms and nothing beyond them', () => {
    expect(names.sameGivenName('Steve', 'Steven')).toBe(true);
    expect(names.sameGivenName('Bill', 'William')).toBe(true);
    expect(names.sameGivenName('Steve', 'Stephanie')).toBe(false);
  });
});
