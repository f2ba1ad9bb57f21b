// Entity rules of round 3 (issue #4): the sentence cue prefilter, letters+digits code names without a
// hyphen, lower-case hyphenated company names next to an agent cue, ADCs on the new antibody stems,
// compounded INN look-alikes, and names that are no person. Sentences of our own, positive and negative.
import { describe, expect, it } from 'vitest';
import type { Sentence } from '../src/model/document.ts';
import { ALWAYS, CueRegistry, DIGIT, SentenceReader, TRADE_MARK, firstLetterRun } from '../src/extract/entities/cues.ts';
import { PhraseMatcher } from '../src/extract/entities/phrases.ts';
import { isLowerCaseName } from '../src/extract/entities/companies.ts';
import { knowledge } from './support/knowledge.ts';
import { mentionsOf, names } from './support/entities.ts';

function sentence(text: string): Sentence {
  return { index: 0, start: 0, end: text.length } as Sentence;
}

describe('sentence cues', () => {
  const registry = new CueRegistry();
  const cue = registry.words(['zorbex', 'quillon']);
  const unanchored = registry.words(['3M']);
  const table = registry.table();
  /** Whether a one-sentence text holds the cues. */
  const has = (text: string, cues: Parameters<SentenceReader['has']>[1]): boolean => new SentenceReader(text, table).has(sentence(text), cues);

  it('finds a cue word only as a whole run of letters, in any case', () => {
    expect(has('The ZORBEX unit.', [cue])).toBe(true);
    expect(has('A zorbexes unit.', [cue])).toBe(false);
    expect(has('A quillon-like unit 7.', [cue, DIGIT])).toBe(true);
    expect(has('A quillon-like unit.', [cue, DIGIT])).toBe(false);
  });

  it('reads character cues and alternatives', () => {
    expect(has('Brandix® tablets', [[TRADE_MARK, DIGIT]])).toBe(true);
    expect(has('plain words', [[TRADE_MARK, DIGIT]])).toBe(false);
    expect(has('plain words', [ALWAYS])).toBe(true);
  });

  it('cannot anchor a form that does not open with a letter', () => {
    expect(firstLetterRun('Co., Ltd.')).toBe('co');
    expect(firstLetterRun('3M')).toBeUndefined();
    expect(unanchored).toBe(ALWAYS);
  });

  it('takes no cue words once the table is made (the knowledge is frozen)', () => {
    expect(() => registry.words(['late'])).toThrow(/while the knowledge is compiled/);
  });

  it('lets the phrase matcher read a sentence through its shared word list, as the plain scan does', () => {
    const text = 'Then acme bio and Acme Bio-Labs, and non-Acme Bio work with ACME BIO.';
    for (const caseFree of [false, true]) {
      const matcher = new PhraseMatcher<string>(caseFree);
      matcher.add('Acme Bio', 'a');
      matcher.add('Acme', 'b');
      const viaScan: string[] = [];
      const viaWords: string[] = [];
      matcher.scan(text, 0, text.length, (h) => viaScan.push(`${h.start}:${h.form}`));
      matcher.scanSentence(new SentenceReader(text, table), sentence(text), (h) => viaWords.push(`${h.start}:${h.form}`));
      expect(viaWords).toEqual(viaScan);
      expect(viaWords.length).toBeGreaterThan(0);
    }
  });
});

describe('code names without a hyphen', () => {
  it('reads letters+digits as a drug in a sentence about drugs', () => {
    const ms = mentionsOf('Zentavo Therapeutics, Inc. today announced that QXR4821 and QXR5530 are in clinical development for solid tumors.');
    expect(names(ms, 'Drug')).toEqual(['QXR4821', 'QXR5530']);
  });

  it('does not read registration numbers, fiscal years or standards as drugs', () => {
    expect(names(mentionsOf('The charity is registered in Scotland under SC012345.'), 'Drug')).toEqual([]);
    expect(names(mentionsOf('FY2021 sales of the drug grew and the study of patients continued.'), 'Drug')).toEqual([]);
    expect(names(mentionsOf('The drug product is made in an ISO9001 certified plant.'), 'Drug')).toEqual([]);
  });
});

describe('lower-case hyphenated company names', () => {
  it('accepts the name after an agent cue and after "and" with a company', () => {
    const ms = mentionsOf('QXR4821 is in development by zentavo-morlix. The agreement between Brivant Pharma, Inc. and quorvel-antis was signed.');
    expect(names(ms, 'Company')).toEqual(expect.arrayContaining(['quorvel-antis', 'zentavo-morlix']));
  });

  it('rejects ordinary hyphenated words after the same cues', () => {
    const ms = mentionsOf('The work is funded by third-party investors and a collaboration with long-term partners.');
    expect(names(ms, 'Company')).toEqual([]);
    expect(isLowerCaseName('in-house', knowledge)).toBe(false);
    expect(isLowerCaseName('zentavo-morlix', knowledge)).toBe(true);
  });
});

describe('drug names', () => {
  it('reads an ADC on a 2022 antibody stem (-tug) with its payload word', () => {
    expect(names(mentionsOf('Patients received zanitatug deruxtecan in the study.'), 'Drug')).toEqual(['zanitatug deruxtecan']);
  });

  it('does not read a payload word alone or a compounded peptide noun as a drug', () => {
    expect(names(mentionsOf('The deruxtecan payload is linked by a cleavable hexapeptide linker.'), 'Drug')).toEqual([]);
  });
});

describe('names that are no person', () => {
  it('an industry company after a title word is not a person', () => {
    const ms = mentionsOf('With our new partner Novo Nordisk we will develop oral peptides.');
    expect(names(ms, 'Person')).toEqual([]);
  });

  it('"according to" needs a given name compromise knows (or an honorific)', () => {
    expect(names(mentionsOf('The market will grow, according to Grand Horizon Research.'), 'Person')).toEqual([]);
    expect(names(mentionsOf('The market will grow, according to Jane Dorrance.'), 'Person')).toEqual(['Jane Dorrance']);
    expect(knowledge.nlp.isKnownFirstName('Jane')).toBe(true);
    expect(knowledge.nlp.isKnownFirstName('Horizon')).toBe(false);
    expect(knowledge.nlp.isKnownEnglishWord('party')).toBe(true);
    expect(knowledge.nlp.isKnownEnglishWord('zentavo')).toBe(false);
  });
});
