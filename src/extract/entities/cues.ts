// Cheap per-sentence prefilter for the rule families. Every family's regex needs some word or
// character to be present (a legal suffix, a cue word like "targeting", a digit, a ® mark); a
// sentence without it cannot match, so the regex is not run on it. Each sentence is read once:
// its letter runs are looked up in one table of all families' cue words (one hash lookup per
// word), and a few characters are noted. The filter is a necessary condition only: it never
// changes what a rule finds, it only skips sentences where the rule would find nothing.
import type { Sentence } from '../../model/document.ts';

/** A cue: the id of a cue-word set or of a character class, tested per sentence. */
export type Cue = number;

/** Character cues, noted while the sentence is read. */
export const DIGIT: Cue = 0;
export const AT_SIGN: Cue = 1;
/** ® or ™. */
export const TRADE_MARK: Cue = 2;
export const OPEN_PAREN: Cue = 3;
export const SLASH: Cue = 4;
/** Not a cue: the rule runs on every sentence (a form the filter cannot anchor). */
export const ALWAYS: Cue = -1;

const FIRST_WORD_CUE = 5;
let nextCue = FIRST_WORD_CUE;
/** Lower-case letter run → the cue-word sets it belongs to. */
const cueWordTable = new Map<string, Cue[]>();
/** Bumped when a cue set is added, so sentences read before it are read again. */
let tableVersion = 0;

const LETTER = /\p{L}/u;

/** The first maximal run of letters of `form`, lower case; undefined when the form does not open with a letter. */
export function firstLetterRun(form: string): string | undefined {
  let end = 0;
  while (end < form.length && LETTER.test(form[end] ?? '')) end++;
  return end === 0 ? undefined : form.slice(0, end).toLowerCase();
}

/**
 * Registers a set of cue words and returns its cue. A word here is a maximal run of letters, matched
 * in lower case; a longer form is anchored on its first run (`firstLetterRun`). The caller's regex
 * must require that run with no letter on either side, or the filter would skip a sentence it
 * matches. Returns ALWAYS when one of the forms has no letter run to anchor on.
 */
export function cueWords(forms: Iterable<string | undefined>): Cue {
  const words = new Set<string>();
  for (const form of forms) {
    // A form given whole ("Co., Ltd.") is anchored on its first letter run ("co").
    const run = form === undefined ? undefined : firstLetterRun(form);
    if (run === undefined) return ALWAYS;
    words.add(run);
  }
  const cue = nextCue++;
  for (const word of words) {
    const list = cueWordTable.get(word);
    if (list) list.push(cue);
    else cueWordTable.set(word, [cue]);
  }
  tableVersion++;
  return cue;
}

interface SentenceCues {
  version: number;
  cues: Set<Cue>;
}
const read = new WeakMap<Sentence, SentenceCues>();

function readSentence(text: string, sentence: Sentence): Set<Cue> {
  const cues = new Set<Cue>();
  const { start, end } = sentence;
  let run = -1;
  const flush = (at: number): void => {
    const list = cueWordTable.get(text.slice(run, at).toLowerCase());
    if (list) for (const cue of list) cues.add(cue);
    run = -1;
  };
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && LETTER.test(text[i] ?? ''))) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0) flush(i);
    if (c >= 48 && c <= 57) cues.add(DIGIT);
    else if (c === 40) cues.add(OPEN_PAREN);
    else if (c === 47) cues.add(SLASH);
    else if (c === 64) cues.add(AT_SIGN);
    else if (c === 174 || c === 8482) cues.add(TRADE_MARK);
  }
  if (run >= 0) flush(end);
  return cues;
}

/** The cues present in a sentence (read once per sentence and cue table). */
export function sentenceCues(text: string, sentence: Sentence): Set<Cue> {
  const known = read.get(sentence);
  if (known && known.version === tableVersion) return known.cues;
  const cues = readSentence(text, sentence);
  read.set(sentence, { version: tableVersion, cues });
  return cues;
}

/** True when the sentence holds every cue of `all` (each entry: one cue, or a list of which any will do). */
export function sentenceHas(text: string, sentence: Sentence, all: readonly (Cue | readonly Cue[])[]): boolean {
  const cues = sentenceCues(text, sentence);
  for (const need of all) {
    if (typeof need === 'number') {
      if (need !== ALWAYS && !cues.has(need)) return false;
    } else if (!need.some((cue) => cue === ALWAYS || cues.has(cue))) return false;
  }
  return true;
}

/** The words of a sentence (maximal runs of letters and digits), read once and shared by the phrase matchers. */
export interface SentenceWords {
  starts: number[];
  ends: number[];
  words: string[];
  /** The words in lower case, made on first use. */
  lower(): string[];
}
const wordsRead = new WeakMap<Sentence, SentenceWords>();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function readWords(text: string, sentence: Sentence): SentenceWords {
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  let run = -1;
  for (let i = sentence.start; i < sentence.end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c > 127 && LETTER_OR_DIGIT.test(text[i] ?? ''))) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0) {
      starts.push(run);
      ends.push(i);
      words.push(text.slice(run, i));
      run = -1;
    }
  }
  if (run >= 0) {
    starts.push(run);
    ends.push(sentence.end);
    words.push(text.slice(run, sentence.end));
  }
  let lower: string[] | undefined;
  return { starts, ends, words, lower: () => (lower ??= words.map((w) => w.toLowerCase())) };
}

export function sentenceWords(text: string, sentence: Sentence): SentenceWords {
  let known = wordsRead.get(sentence);
  if (!known) wordsRead.set(sentence, (known = readWords(text, sentence)));
  return known;
}
