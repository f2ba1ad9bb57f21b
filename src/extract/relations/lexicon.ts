// Trigger lexicons of the relation rules, read once per process from data/patterns/ and compiled to
// one regular expression per group, so each sentence is swept linearly per group it needs.
import { dataLines, dataTsv } from '../../data-files.ts';
import { KgError } from '../../errors.ts';

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

let compiled: Map<string, RegExp> | undefined;

/**
 * A cheap necessary condition for a group to match a sentence: the first word of one of its phrases
 * is a word of the sentence (or, for "collaborat*", starts one). Groups with a phrase that has no word
 * at all ("®") are always scanned.
 */
interface FirstWords {
  exact: Set<string>;
  prefixes: string[];
  always: boolean;
}

let firstWordsOf: Map<string, FirstWords> | undefined;
const WORD_RUN = /[\p{L}\p{N}]+/gu;

function firstWords(phrases: readonly string[]): FirstWords {
  const out: FirstWords = { exact: new Set(), prefixes: [], always: false };
  for (const phrase of phrases) {
    const wildcard = phrase.endsWith('*');
    const body = (wildcard ? phrase.slice(0, -1) : phrase).toLowerCase();
    const run = /[\p{L}\p{N}]+/u.exec(body);
    if (!run) out.always = true;
    else if (wildcard && run.index + run[0].length === body.length) out.prefixes.push(run[0]);
    else out.exact.add(run[0]);
  }
  return out;
}

function groups(): Map<string, RegExp> {
  if (compiled) return compiled;
  const byGroup = new Map<string, string[]>();
  const rows = dataTsv(TRIGGERS_FILE);
  for (const [group, phrase] of rows.slice(1)) {
    if (!group || !phrase) continue;
    const list = byGroup.get(group);
    if (list) list.push(phrase);
    else byGroup.set(group, [phrase]);
  }
  compiled = new Map([...byGroup].map(([g, phrases]) => [g, compilePhrases(phrases)]));
  firstWordsOf = new Map([...byGroup].map(([g, phrases]) => [g, firstWords(phrases)]));
  return compiled;
}

function regexFor(group: string): RegExp {
  const re = groups().get(group);
  if (!re) throw new KgError('CONFIG_INVALID', `trigger group "${group}" is not defined in data/${TRIGGERS_FILE}; add its phrases there`);
  return re;
}

// Per-sentence memo: the relation stage names the sentence it is working on, and every group is then
// scanned over that sentence at most once, however many rules and helpers ask about it. Questions
// about a stretch of the sentence are answered from the whole-sentence matches that lie inside it.
let memoText: string | undefined;
const memoHits = new Map<string, Hit[]>();
let memoWords: Set<string> = new Set();

/** Starts a new sentence for the memo (the relation stage calls this once per sentence). */
export function beginSentence(text: string): void {
  memoText = text;
  memoHits.clear();
  memoWords = new Set((text.toLowerCase().match(WORD_RUN) ?? []) as string[]);
}

/** False when no phrase of the group can occur in the memo sentence (no first word present). */
function mayOccur(group: string): boolean {
  groups();
  const fw = firstWordsOf?.get(group);
  if (!fw || fw.always) return true;
  for (const w of fw.exact) if (memoWords.has(w)) return true;
  if (fw.prefixes.length > 0) for (const w of memoWords) if (fw.prefixes.some((p) => w.startsWith(p))) return true;
  return false;
}

function sentenceHits(group: string): Hit[] {
  let hits = memoHits.get(group);
  if (!hits) {
    hits = mayOccur(group) ? scan(group, memoText ?? '', 0, (memoText ?? '').length) : [];
    memoHits.set(group, hits);
  }
  return hits;
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

function scan(group: string, text: string, from: number, to: number): Hit[] {
  const re = regexFor(group);
  const hits: Hit[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  re.lastIndex = 0;
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    hits.push({ start: m.index + from, end: m.index + from + m[0].length, text: m[0].toLowerCase() });
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return hits;
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
  const re = regexFor(group);
  re.lastIndex = 0;
  return re.test(from === 0 && to === text.length ? text : text.slice(from, to));
}

let titleRegex: RegExp | undefined;

/** True when the text contains a job-title word ("chief", "president", "CEO" ...). */
const titleMemo = new Map<string, boolean>();

export function looksLikeTitle(text: string): boolean {
  titleRegex ??= new RegExp(compilePhrases(dataLines('patterns/title-words.txt')).source, 'iu');
  let known = titleMemo.get(text);
  if (known === undefined) {
    if (titleMemo.size > 5000) titleMemo.clear();
    known = titleRegex.test(text);
    titleMemo.set(text, known);
  }
  return known;
}
