// The entity stage's knowledge (issue 15): the configured compromise instance and its plugin words,
// the word lists read from data/ (frozen, checked row by row).
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR, loadKnowledge } from '../src/knowledge/index.ts';
import { knowledge } from './support/knowledge.ts';

describe('knowledge.nlp: the configured compromise instance', () => {
  it('tags the industry companies compromise does not know as organizations', () => {
    expect(knowledge.nlp.pluginWords.get('regeneron')).toBe('Organization');
    expect(knowledge.nlp.pluginWords.get('daiichi sankyo')).toBe('Organization');
    // Known to compromise already (its tags stay), or not a plain phrase of words.
    expect(knowledge.nlp.pluginWords.has('pfizer')).toBe(false);
    expect(knowledge.nlp.pluginWords.has('lilly')).toBe(false);
    expect(knowledge.nlp.pluginWords.has('j.p. morgan')).toBe(false);
    const view = knowledge.nlp.parse('Regeneron and Daiichi Sankyo signed an agreement.');
    expect(view.match('#Organization+').out('array')).toEqual(['Regeneron', 'Daiichi Sankyo']);
  });

  it('leaves the word look-ups of the rules as they were: a plugin word is neither English nor a given name', () => {
    for (const word of knowledge.nlp.pluginWords.keys()) {
      expect(knowledge.nlp.lexiconTags(word)).toEqual(['Organization']);
      expect(knowledge.nlp.isKnownEnglishWord(word)).toBe(false);
      expect(knowledge.nlp.isKnownFirstName(word)).toBe(false);
    }
    expect(knowledge.nlp.isKnownFirstName('Lilly')).toBe(true);
    expect(knowledge.nlp.isKnownEnglishWord('house')).toBe(true);
  });
});

describe('knowledge.entities: the word lists of the rules, read from data/', () => {
  it('is frozen after loading', () => {
    expect(Object.isFrozen(knowledge.entities)).toBe(true);
    expect(Object.isFrozen(knowledge.entities.companies)).toBe(true);
    expect(Object.isFrozen(knowledge.entities.lexicons)).toBe(true);
  });

  it('reads the lists the rules once wrote inline', () => {
    const { lexicons } = knowledge.entities;
    expect(lexicons.speechVerbs.find((v) => v.verb === 'said')).toEqual({ verb: 'said', endsTitle: true });
    expect(lexicons.speechVerbs.find((v) => v.verb === 'according to')).toEqual({ verb: 'according to', endsTitle: false });
    expect(lexicons.notTargets.has('U.S')).toBe(true);
    expect(lexicons.registrantTerms.has('registrant')).toBe(true);
    expect(knowledge.entities.companies.ticker.source).toContain('Euronext(?: [A-Z][a-z]+)?');
  });
});

describe('a bad data file fails the load, naming the file and line', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  /** A copy of data/ with one file replaced. */
  function dataWith(file: string, text: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'kg-data-'));
    made.push(dir);
    cpSync(DATA_DIR, dir, { recursive: true });
    writeFileSync(join(dir, file), text);
    return dir;
  }

  it('a row that breaks its schema', () => {
    const dir = dataWith('lexicons/inn-stems.txt', '# stems\nmab\nTinib\n');
    expect(() => loadKnowledge({ dataDir: dir })).toThrow(/data\/lexicons\/inn-stems\.txt:3: .*lower-case stem/);
  });

  it('a TSV file without its header row', () => {
    const dir = dataWith('lexicons/speech-verbs.tsv', 'said\tyes\n');
    expect(() => loadKnowledge({ dataDir: dir })).toThrow(/data\/lexicons\/speech-verbs\.tsv:1: the header must be "verb \| ends_title \| opens_quote"/);
  });

  it('a cue phrase whose first word hides inside another one', () => {
    const dir = dataWith('lexicons/target-cue-openers.txt', 'agonist of\ngonist of\n');
    expect(() => loadKnowledge({ dataDir: dir })).toThrow(/target-cue-openers\.txt: "gonist" occurs inside "agonist"/);
  });
});
