// Entity rules of round 4 (issues #4 and #7). Speed: the anchored rules (INN words by suffix lookup,
// code names and company suffixes tried only where they can start, disease tokens made from the
// sentence's shared words) must find exactly what the regexes they replace found; property tests
// compare them on generated text. Fixes: department words glued before a company, brand (INN) pairs
// in capitals, trademarks written as letters, agency names spelled by an e-mail domain. Names invented.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractEntities } from '../src/extract/entities/index.ts';
import { findDrugs } from '../src/extract/entities/drugs.ts';
import { departmentLead } from '../src/extract/entities/companies.ts';
import { sentenceTokens, tokenize } from '../src/extract/entities/diseases.ts';
import { SentenceReader } from '../src/extract/entities/cues.ts';
import { escapeRegex } from '../src/text/regex.ts';
import { scopeOf } from '../src/extract/entities/candidates.ts';
import type { Sentence, StructuredDocument } from '../src/model/document.ts';
import { knowledge, stageContext } from './support/knowledge.ts';
import { documentsOf, mentionsOf, texts } from './support/entities.ts';

const { innStems, payloads } = knowledge.entities.lexicons;

function docOf(text: string): StructuredDocument {
  const [doc] = documentsOf(text);
  if (!doc) throw new Error('no document');
  return doc;
}

/** One sentence over the whole text, as the structure stage would hand it over. */
function wholeSentence(text: string): { doc: StructuredDocument; sentence: Sentence } {
  const sentence: Sentence = { index: 0, start: 0, end: text.length, section: 'body', boilerplate: false };
  const doc = { ...docOf('placeholder text.'), text, cleanText: text, sentences: [sentence] };
  return { doc, sentence };
}

// Text made of the pieces the anchored rules care about: digits, hyphens, slashes, INN stems,
// capitals, apostrophes, characters outside the BMP.
const piece = fc.constantFrom(
  'AB',
  'ab',
  'X',
  'mRNA-',
  'hu',
  '-',
  '--',
  '/',
  ' ',
  '\t',
  '1',
  '123',
  '4567',
  '12345678',
  '.5',
  '-DM1',
  'mab',
  'tinib',
  'zumab',
  'velo',
  'Velo',
  'VELO',
  'ciclovir',
  'e',
  "'",
  '’',
  's',
  'é',
  'É',
  '𝐀',
  '𝟏',
  '²',
  ',',
  '(',
  ')',
  'Crohn',
  'disease',
  'FY',
  'NCT',
);
const generated = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('anchored rules find what the regexes found', () => {
  const stems = innStems.plain.map(escapeRegex).join('|');
  const payloadNames = [...payloads.values()].map((p) => escapeRegex(p.name)).join('|');
  // The code shape of drugs.ts (eight digits and a letter or a small letter and digit after them since round 4).
  const CODE = String.raw`(?:mRNA-|hu|ch|h|m)?(?:\d[A-Z]|[A-Z][A-Za-z]{0,5})-?\d{3,8}(?:[a-z]\d?|[A-Z])?`;
  const L = String.raw`(?<![\p{L}\p{N}\-])`;
  // The regexes of round 3, as the reference.
  const innRegex = new RegExp(String.raw`${L}([A-Za-z][a-z]{2,}(?:${stems}))(?![\p{L}\p{N}])`, 'gu');
  const codeRegex = new RegExp(String.raw`${L}(${CODE}(?:-(?:${payloadNames}))?)(?:\/(${CODE}))?(?![\p{L}\p{N}]|-\d|\.\d)`, 'gu');
  const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

  it('INN words: a suffix lookup finds the words the stem alternation matched', () => {
    fc.assert(
      fc.property(generated, (text) => {
        const { doc } = wholeSentence(text);
        const found = findDrugs(scopeOf(doc, stageContext()))
          .candidates.filter((c) => c.rule === 'drug.inn-stem')
          .map((c) => c.start);
        const expected = [...text.matchAll(innRegex)].map((m) => m.index);
        // The rule drops stop words and payload words afterwards: every find is a regex match.
        for (const start of found) expect(expected).toContain(start);
        return true;
      }),
      { numRuns: 400 },
    );
    const { doc } = wholeSentence('Zelvotinib and velotumab, not tinib or anti-velotumab.');
    expect(
      findDrugs(scopeOf(doc, stageContext()))
        .candidates.filter((c) => c.rule === 'drug.inn-stem')
        .map((c) => c.text),
    ).toEqual(['Zelvotinib', 'velotumab']);
  });

  it('code names: tried at run starts with three digits, the same matches as the global scan', () => {
    fc.assert(
      fc.property(generated, (text) => {
        const { doc } = wholeSentence(`${text} in development by Acme`);
        const sentenceText = doc.cleanText;
        const found = findDrugs(scopeOf(doc, stageContext()))
          .candidates.filter((c) => c.rule === 'drug.code-name')
          .map((c) => c.start);
        const expected = [...sentenceText.matchAll(codeRegex)].map((m) => m.index);
        for (const start of found) expect(expected).toContain(start);
        return true;
      }),
      { numRuns: 400 },
    );
  });

  it('disease tokens made from the shared words equal the token regex', () => {
    fc.assert(
      fc.property(generated, (text) => {
        const { sentence } = wholeSentence(text);
        const fromWords = sentenceTokens(new SentenceReader(text, knowledge.entities.cues), sentence).map((t) => [t.word, t.start]);
        const fromRegex = [...text.matchAll(TOKEN)].map((m) => [m[0], m.index]);
        expect(fromWords).toEqual(fromRegex);
        expect(tokenize(text, 0).map((t) => [t.word, t.start])).toEqual(fromRegex);
        return true;
      }),
      { numRuns: 600 },
    );
  });
});

describe('department words before a company name', () => {
  it('cuts a leading run of department names when a company name remains', () => {
    const ms = mentionsOf('Investors: Jane Roe, Executive Director, Investor Relations and Corporate Communications Acmegen, Inc. (555) 555-0100\n');
    expect(texts(ms, 'Company')).toContain('Acmegen, Inc.');
    expect(texts(ms, 'Company').some((n) => /Relations|Communications/.test(n))).toBe(false);
    expect(departmentLead('Corporate Communications Acmegen, Inc.', knowledge)).toBe('Corporate Communications '.length);
    expect(departmentLead('Media Relations Zentora Inc.', knowledge)).toBe('Media Relations '.length);
  });
  it('keeps names that are no department run, and a department followed by a legal form alone', () => {
    expect(departmentLead('Acmegen Communications, Inc.', knowledge)).toBe(0);
    expect(departmentLead('Investor Relations Inc.', knowledge)).toBe(0);
    expect(departmentLead('Corporate Communications Group', knowledge)).toBe(0);
    const ms = mentionsOf('Acmegen Communications, Inc. signed the agreement.\n');
    expect(texts(ms, 'Company')).toContain('Acmegen Communications, Inc.');
  });
});

describe('brand (INN) pairs in capitals', () => {
  it('links an all-caps brand directly followed by its INN in parentheses', () => {
    const text = 'Acmegen Therapeutics, Inc. said the agency approved ZORVENTA (velotumab) for adults. ZORVENTA is given monthly.\n';
    const doc = docOf(text);
    const { mentions, sameAs } = extractEntities(doc, stageContext());
    const brand = mentions.findIndex((m) => m.text === 'ZORVENTA');
    const inn = mentions.findIndex((m) => m.text === 'velotumab');
    expect(brand).toBeGreaterThanOrEqual(0);
    expect(mentions[brand]?.label).toBe('Drug');
    expect(mentions[brand]?.canonical).toBe('velotumab');
    expect(sameAs.some((s) => (s.a === brand && s.b === inn) || (s.a === inn && s.b === brand))).toBe(true);
  });
  it('does not make a brand of capitals before a parenthesis that holds no INN', () => {
    const ms = mentionsOf('Acmegen Therapeutics, Inc. said the ZORVENTA (program) was ended.\n');
    expect(texts(ms, 'Drug')).not.toContain('ZORVENTA');
  });
});

describe('trademarks written as letters', () => {
  it('reads "BrandnameTM", "BrandnameTMfor" and "Brandname(TM)" as brands', () => {
    const ms = mentionsOf('Acmegen Therapeutics, Inc. markets ZorventaTM and BrixoltaTMfor adults, and Quendra(TM) for children.\n');
    expect(texts(ms, 'Drug')).toEqual(['Brixolta', 'Quendra', 'Zorventa']);
  });
  it('leaves acronyms ending in TM, English words and the mark itself alone', () => {
    const ms = mentionsOf('Acmegen Therapeutics, Inc. uses an ATM, the HTM unit and a ProTMed device; Quendra(TM) and TM are different.\n');
    expect(texts(ms, 'Drug')).toEqual(['Quendra']);
  });
});

describe('agency names spelled by an e-mail domain', () => {
  it('makes a CamelCase word of a contact line a company when an e-mail address of the line spells it', () => {
    const ms = mentionsOf('Media: Jane Roe JRoePR (555) 555-0100 jane@jroepr.com\n');
    expect(texts(ms, 'Company')).toEqual(['JRoePR']);
    expect(texts(ms, 'Person')).toEqual(['Jane Roe']);
  });
  it('needs both the CamelCase shape and the matching domain', () => {
    expect(texts(mentionsOf('Media: Jane Roe JRoePR (555) 555-0100 jane@example.com\n'), 'Company')).toEqual([]);
    expect(texts(mentionsOf('Media: Jane Roe Smith (555) 555-0100 jane@smith.com\n'), 'Company')).toEqual([]);
  });
});
