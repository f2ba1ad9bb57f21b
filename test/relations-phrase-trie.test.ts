// The one-pass phrase trie (src/text/phrase-trie.ts) must find exactly what the
// per-group regular expressions of `compilePhrases` find: same starts, ends and texts, for every
// trigger group, on every corpus line and on adversarial text (Unicode case folding, odd whitespace,
// hyphens, surrogate pairs). The regexes are the specification; the trie is the fast path.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePhrases } from '../src/extract/relations/lexicon.ts';
import type { TriggerGroup } from '../src/extract/relations/lexicon.ts';
import { PhraseTrie } from '../src/text/phrase-trie.ts';
import type { PhraseHit } from '../src/text/phrase-trie.ts';
import { DataFiles } from '../src/knowledge/index.ts';
import { loadRelationKnowledge } from '../src/knowledge/relations.ts';
import { loadSharedLexicons } from '../src/knowledge/shared-lexicons.ts';
import { KgError } from '../src/errors.ts';
import { knowledge } from './support/knowledge.ts';

const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;

function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return corpusFiles(path);
      return name.endsWith('.txt') ? [path] : [];
    });
}

/** What the regex of a group finds in text[from, to), scanned as its own string. */
function regexHits(re: RegExp, text: string, from: number, to: number): PhraseHit[] {
  const slice = text.slice(from, to);
  const hits: PhraseHit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    hits.push({ start: m.index + from, end: m.index + from + m[0].length, text: m[0].toLowerCase() });
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return hits;
}

const lexicon = knowledge.relations.triggers;
const groups = new Map<string, readonly string[]>(lexicon.phrasesOfGroup);
groups.set('title-words', new DataFiles().lines('patterns/title-words.txt'));
// Phrases that exercise the corners of the semantics the data does not (yet) use.
groups.set('corner-cases', ['k', 'ſs', 'a b', 'x-*', '-y', 'ω', 'Σ', 'é', 'ü*', 'q ', ' z', '𝐀b', 'ι', 'ex-U.S.', "the Company's"]);
const trie = new PhraseTrie(groups);
const regexes = [...groups.values()].map((phrases) => compilePhrases(phrases));
const names = [...groups.keys()];

function mismatches(text: string, from = 0, to = text.length): string[] {
  const got = trie.sweep(text, from, to);
  const out: string[] = [];
  regexes.forEach((re, i) => {
    const want = regexHits(re, text, from, to);
    const have = got[i] ?? [];
    if (JSON.stringify(want) !== JSON.stringify(have)) out.push(`${names[i]} in ${JSON.stringify(text.slice(from, to))}: want ${JSON.stringify(want)}, have ${JSON.stringify(have)}`);
  });
  return out;
}

describe('phrase trie = compiled phrase regexes', () => {
  it('agrees on every line of the corpus, whole and cut at both ends', () => {
    const lines = corpusFiles(CORPUS).flatMap((path) => readFileSync(path, 'utf8').split(/\n/));
    expect(lines.length).toBeGreaterThan(1000);
    const bad: string[] = [];
    let hits = 0;
    for (const line of lines) {
      bad.push(...mismatches(line), ...mismatches(line, 2, Math.max(2, line.length - 3)));
      hits += trie.sweep(line).reduce((n, h) => n + (h?.length ?? 0), 0);
      if (bad.length > 5) break;
    }
    expect(bad).toEqual([]);
    expect(hits).toBeGreaterThan(1000); // the comparison is not vacuous
  });

  it('agrees on adversarial text', () => {
    const pieces = [
      'a',
      'e',
      's',
      'k',
      'K',
      'ſ',
      'K',
      'S',
      'Σ',
      'σ',
      'ς',
      'ω',
      'Ω',
      'ͅ',
      'ι',
      'é',
      'É',
      'ü',
      'Ü',
      'x',
      'y',
      'z',
      'q',
      'b',
      '-',
      ' ',
      '\u00a0',
      '\u2003',
      '\n',
      '\t',
      '’',
      "'",
      '®',
      '™',
      '.',
      '$',
      '1',
      '𝐀',
      '\ud835',
      '\udc00',
      'İ',
      'ı',
      'co',
      'develop',
      'license',
      'd ',
      'in',
      'the ',
      'Company',
      ' of ',
      'anti',
      '-targeting',
      'ex-U.S.',
      'collaborat',
      'ion',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const from = t.length === 0 ? 0 : a % (t.length + 1);
        const to = from + (t.length - from === 0 ? 0 : b % (t.length - from + 1));
        expect([...mismatches(t), ...mismatches(t, from, to)]).toEqual([]);
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('keeps the regex rules a reader relies on', () => {
    const one = new PhraseTrie(new Map([['g', ['licensed', 'licensed from', 'collaborat*', 'anti-', "'s"]]]));
    const texts = (s: string): string[] => (one.sweep(s)[0] ?? []).map((h) => h.text);
    expect(texts('Acme LICENSED\n  from Beta')).toEqual(['licensed\n  from']); // longest phrase, any whitespace
    expect(texts('unlicensed; relicensed')).toEqual([]); // whole words only
    expect(texts('a Collaborative-Research deal')).toEqual(['collaborative-research']); // word-ending wildcard
    expect(texts("anti-HER2 Acme's")).toEqual(['anti-', "'s"]); // no boundary at a non-word edge
  });
});

describe('lexicon answers from one sweep per sentence', () => {
  it('gives the same hits from the sentence reader as from a fresh scan', () => {
    const text = 'The Company entered into an exclusive license agreement and will pay an upfront payment; it may earn milestones.';
    const asked: TriggerGroup[] = ['registrant.pronoun', 'license.exclusive', 'pay', 'hedge.potential'];
    const fresh = asked.map((g) => lexicon.findAll(g, text, 5, 100));
    const sentence = lexicon.sentence(text);
    expect(asked.map((g) => sentence.findAll(g, 5, 100))).toEqual(fresh);
    expect(asked.map((g) => sentence.findAll(g))).toEqual(asked.map((g) => lexicon.findAll(g, text)));
    expect(sentence.hasAny('pay')).toBe(true);
    expect(sentence.hasAny('acquire')).toBe(false);
    expect(sentence.findFirst('pay', 60)).toEqual(lexicon.findFirst('pay', text, 60));
  });

  it('tells titles from other words', () => {
    expect(knowledge.relations.titleWords.test('Senior Vice President, Research')).toBe(true);
    expect(knowledge.relations.titleWords.test('announced today')).toBe(false);
  });
});

describe('relation knowledge checks its data files', () => {
  /** A copy of the files the relation knowledge reads, with one of them edited, loaded. */
  function loadWith(relativePath: string, edit: (text: string) => string): unknown {
    const dir = mkdtempSync(join(tmpdir(), 'kg-relations-'));
    const data = new DataFiles().dir;
    cpSync(join(data, 'patterns'), join(dir, 'patterns'), { recursive: true });
    cpSync(join(data, 'lexicons/payloads.txt'), join(dir, 'lexicons/payloads.txt'));
    cpSync(join(data, 'lexicons/speech-verbs.tsv'), join(dir, 'lexicons/speech-verbs.tsv'));
    writeFileSync(join(dir, relativePath), edit(readFileSync(join(dir, relativePath), 'utf8')));
    try {
      const files = new DataFiles(dir);
      return loadRelationKnowledge(files, loadSharedLexicons(files));
    } catch (error) {
      return error;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('names the file and line of a trigger group no rule reads', () => {
    const error = loadWith('patterns/relation-triggers.tsv', (t) => t.replace('\nnegation\tnever\n', '\nnegaton\tnever\n'));
    expect(error).toBeInstanceOf(KgError);
    expect(error instanceof KgError ? error.message : '').toMatch(/^data\/patterns\/relation-triggers\.tsv:\d+: .*"negaton" is no trigger group/);
  });

  it('fails when a group the rules read has no phrase, or a word list is misnamed', () => {
    expect(String(loadWith('patterns/relation-triggers.tsv', (t) => t.replace(/^trademark\t.*\n/gm, '')))).toMatch(/trigger groups with no phrase: trademark/);
    expect(String(loadWith('patterns/relation-words.tsv', (t) => t.replace('\nspeech\tsaid\n', '\nspeach\tsaid\n')))).toMatch(/relation-words\.tsv:\d+: .*"speach" is no word list/);
  });

  it('checks table cells and header rows', () => {
    expect(String(loadWith('patterns/currencies.tsv', (t) => t.replace('\tUSD\tprefix', '\tUSD\tbefore')))).toMatch(/currencies\.tsv:\d+: position/);
    expect(String(loadWith('patterns/phases.tsv', (t) => t.replace('\tPHASE_3', '\tPHASE_9')))).toMatch(/phases\.tsv:\d+: value/);
    expect(String(loadWith('patterns/money-words.tsv', (t) => t.replace('kind\tword\tvalue', 'kind\tform\tvalue')))).toMatch(/money-words\.tsv:\d+: the header must be/);
  });
});
