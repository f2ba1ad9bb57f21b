// Trigger lexicons of the relation rules, read once per process from data/patterns/ and compiled to
// one phrase trie (phrase-trie.ts), so each sentence is swept once for all groups. `compilePhrases`
// keeps the same phrase semantics as a regular expression, for patterns that embed a phrase list.
import { dataLines, dataTsv } from '../../data-files.ts';
import { KgError } from '../../errors.ts';
import { PhraseTrie } from '../../text/phrase-trie.ts';

export interface Hit {
  start: number;
  end: number;
  /** The matched text, lower-cased. */
  text: string;
}

const TRIGGERS_FILE = 'patterns/relation-triggers.tsv';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORDY = /[\p{L}\p{N}]/u;

/** One phrase as a regex source: whole words, flexible whitespace, trailing `*` for any word ending. */
export function phraseSource(phrase: string): string {
  const wildcard = phrase.endsWith('*');
  const body = wildcard ? phrase.slice(0, -1) : phrase;
  let source = body
    .split(/\s+/)
    .map((part) => escapeRegex(part))
    .join('\\s+');
  if (wildcard) source += '[\\p{L}\\p{N}-]*';
  const first = body[0] ?? '';
  const last = body[body.length - 1] ?? '';
  const lead = WORDY.test(first) ? '(?<![\\p{L}\\p{N}])' : '';
  const trail = !wildcard && WORDY.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return `${lead}${source}${trail}`;
}

/** A compiled alternation of phrases (longest first, so "licensed from" wins over "licensed"). */
export function compilePhrases(phrases: readonly string[]): RegExp {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return new RegExp(sorted.map(phraseSource).join('|'), 'giu');
}

let phrasesOfGroup: Map<string, string[]> | undefined;
/** Every trigger group in one trie: a sentence is swept once for all of them. */
let allGroups: PhraseTrie | undefined;
/** One-group tries for the odd question about a text other than the memo sentence. */
const singleGroup = new Map<string, PhraseTrie>();

function loadGroups(): Map<string, string[]> {
  if (phrasesOfGroup) return phrasesOfGroup;
  const byGroup = new Map<string, string[]>();
  const rows = dataTsv(TRIGGERS_FILE);
  for (const [group, phrase] of rows.slice(1)) {
    if (!group || !phrase) continue;
    const list = byGroup.get(group);
    if (list) list.push(phrase);
    else byGroup.set(group, [phrase]);
  }
  phrasesOfGroup = byGroup;
  return byGroup;
}

function unknownGroup(group: string): KgError {
  return new KgError('CONFIG_INVALID', `trigger group "${group}" is not defined in data/${TRIGGERS_FILE}; add its phrases there`);
}

function trieOf(group: string): PhraseTrie {
  let trie = singleGroup.get(group);
  if (!trie) {
    const phrases = loadGroups().get(group);
    if (!phrases) throw unknownGroup(group);
    trie = new PhraseTrie(new Map([[group, phrases]]));
    singleGroup.set(group, trie);
  }
  return trie;
}

// Per-sentence memo: the relation stage names the sentence it is working on; the first question
// about it sweeps the sentence once for every group, and every later question, however many rules
// and helpers ask, is answered from that sweep. Questions about a stretch of the sentence are
// answered from the whole-sentence matches that lie inside it.
let memoText: string | undefined;
let memoHits: (Hit[] | undefined)[] | undefined;
const NO_HITS: Hit[] = Object.freeze([]) as unknown as Hit[];

/** Starts a new sentence for the memo (the relation stage calls this once per sentence). */
export function beginSentence(text: string): void {
  memoText = text;
  memoHits = undefined;
}

function sentenceHits(group: string): Hit[] {
  allGroups ??= new PhraseTrie(loadGroups());
  const g = allGroups.groupIndex(group);
  if (g === undefined) throw unknownGroup(group);
  memoHits ??= allGroups.sweep(memoText ?? '');
  return memoHits[g] ?? NO_HITS;
}

function within(hits: Hit[], from: number, to: number): Hit[] {
  if (from === 0 && to >= (memoText ?? '').length) return hits;
  return hits.filter((h) => h.start >= from && h.end <= to);
}

/** Every match of a trigger group in `text` (non-overlapping, left to right). */
export function findAll(group: string, text: string, from = 0, to = text.length): Hit[] {
  if (text === memoText) return within(sentenceHits(group), from, to);
  return scan(group, text, from, to);
}

/** The group's matches in text[from, to) as if that stretch were the whole text. */
function scan(group: string, text: string, from: number, to: number): Hit[] {
  return trieOf(group).sweep(text, from, to)[0] ?? [];
}

/** The first match of a group in text[from, to), or undefined. */
export function findFirst(group: string, text: string, from = 0, to = text.length): Hit | undefined {
  return findAll(group, text, from, to)[0];
}

export function hasAny(group: string, text: string, from = 0, to = text.length): boolean {
  if (text === memoText) {
    const hits = sentenceHits(group);
    return from === 0 && to >= text.length ? hits.length > 0 : hits.some((h) => h.start >= from && h.end <= to);
  }
  return scan(group, text, from, to).length > 0;
}

let titleWords: PhraseTrie | undefined;

/** True when the text contains a job-title word ("chief", "president", "CEO" ...). */
const titleMemo = new Map<string, boolean>();

export function looksLikeTitle(text: string): boolean {
  titleWords ??= new PhraseTrie(new Map([['title', [...dataLines('patterns/title-words.txt')]]]));
  let known = titleMemo.get(text);
  if (known === undefined) {
    if (titleMemo.size > 5000) titleMemo.clear();
    known = titleWords.test(text);
    titleMemo.set(text, known);
  }
  return known;
}
