// Cheap per-sentence prefilter for the rule families. Every family's regex needs some word or
// character to be present (a legal suffix, a cue word like "targeting", a digit, a ® mark); a
// sentence without it cannot match, so the regex is not run on it. Each sentence is read once:
// its letter runs are looked up in one table of all families' cue words (one hash lookup per
// word), and a few characters are noted. The filter is a necessary condition only: it never
// changes what a rule finds, it only skips sentences where the rule would find nothing.
// The cue words are registered while the knowledge is compiled (CueRegistry) and frozen into
// `knowledge.entities.cues`; a document's readings live in its SentenceReader, made with its Scope.
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
/** A subscript or superscript digit ("D-XYZ₁₀₀", "QX¹²³"). */
export const SMALL_DIGIT: Cue = 5;
/** Not a cue: the rule runs on every sentence (a form the filter cannot anchor). */
export const ALWAYS: Cue = -1;

const FIRST_WORD_CUE = 6;

const LETTER = /\p{L}/u;

/** The first maximal run of letters of `form`, lower case; undefined when the form does not open with a letter. */
export function firstLetterRun(form: string): string | undefined {
  let end = 0;
  while (end < form.length && LETTER.test(form[end] ?? '')) end++;
  return end === 0 ? undefined : form.slice(0, end).toLowerCase();
}

/** The cue-word sets of the rules, frozen in the knowledge (`knowledge.entities.cues`). */
export interface CueTable {
  /** One more than the highest cue id. */
  readonly size: number;
  /** Lower-case letter run → the cue-word sets it belongs to. */
  readonly byWord: ReadonlyMap<string, readonly Cue[]>;
}

/**
 * Collects the cue-word sets while the knowledge is compiled (each rule family registers its sets
 * from its lexicons), then hands them over as one frozen `CueTable`: after that, no set can be added,
 * so a sentence's cues, once read, hold for the rest of the run.
 */
export class CueRegistry {
  private nextCue: Cue = FIRST_WORD_CUE;
  private readonly byWord = new Map<string, Cue[]>();
  private frozen = false;

  /**
   * Registers a set of cue words and returns its cue. A word here is a maximal run of letters, matched
   * in lower case; a longer form is anchored on its first run (`firstLetterRun`). The caller's regex
   * must require that run with no letter on either side, or the filter would skip a sentence it
   * matches. Returns ALWAYS when one of the forms has no letter run to anchor on.
   */
  words(forms: Iterable<string | undefined>): Cue {
    if (this.frozen) throw new Error('cue words are registered while the knowledge is compiled, not after');
    const words = new Set<string>();
    for (const form of forms) {
      // A form given whole ("Co., Ltd.") is anchored on its first letter run ("co").
      const run = form === undefined ? undefined : firstLetterRun(form);
      if (run === undefined) return ALWAYS;
      words.add(run);
    }
    const cue = this.nextCue++;
    for (const word of words) {
      const list = this.byWord.get(word);
      if (list) list.push(cue);
      else this.byWord.set(word, [cue]);
    }
    return cue;
  }

  /** The registered sets, frozen: the registry takes no more. */
  table(): CueTable {
    this.frozen = true;
    return Object.freeze({ size: this.nextCue, byWord: this.byWord });
  }
}

/**
 * One reading of a sentence, shared by every rule family: its words (maximal runs of letters and
 * digits) with their offsets, the words in lower case, and the cues present. The characters are
 * read once; the cue set is made from the words on first use (a cue word is a run of letters: a word
 * with digits is split at them).
 */
interface Reading extends SentenceWords {
  /** Character cues seen (bit per cue id below FIRST_WORD_CUE). */
  charCues: number;
  cues: Uint8Array | undefined;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function readWords(text: string, sentence: Sentence): Reading {
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  const mixedList: number[] = [];
  let charCues = 0;
  let astral = false;
  let run = -1;
  let mixed = 0;
  const end = sentence.end;
  for (let i = sentence.start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
      if (run < 0) run = i;
      continue;
    }
    if (c >= 48 && c <= 57) {
      charCues |= 1 << DIGIT;
      if (run < 0) run = i;
      mixed = 1;
      continue;
    }
    if (c > 127) {
      const ch = text.charAt(i);
      if (LETTER.test(ch)) {
        if (run < 0) run = i;
        continue;
      }
      if (LETTER_OR_DIGIT.test(ch)) {
        if (run < 0) run = i;
        mixed = 1;
        if ((c >= 0x2070 && c <= 0x2089) || c === 0xb2 || c === 0xb3 || c === 0xb9) charCues |= 1 << SMALL_DIGIT;
        continue;
      }
      if (c === 174 || c === 8482) charCues |= 1 << TRADE_MARK;
      else if (c >= 0xd800 && c <= 0xdfff) astral = true;
    } else if (c === 40) charCues |= 1 << OPEN_PAREN;
    else if (c === 47) charCues |= 1 << SLASH;
    else if (c === 64) charCues |= 1 << AT_SIGN;
    if (run >= 0) {
      starts.push(run);
      ends.push(i);
      words.push(text.slice(run, i));
      mixedList.push(mixed);
      run = -1;
      mixed = 0;
    }
  }
  if (run >= 0) {
    starts.push(run);
    ends.push(end);
    words.push(text.slice(run, end));
    mixedList.push(mixed);
  }
  return new WordsRead(starts, ends, words, astral, charCues, Uint8Array.from(mixedList));
}

/** A sentence's reading; its methods live on the class, so reading a sentence makes no closures. */
class WordsRead implements Reading {
  cues: Uint8Array | undefined = undefined;
  private lowered: string[] | undefined = undefined;

  constructor(
    readonly starts: number[],
    readonly ends: number[],
    readonly words: string[],
    readonly astral: boolean,
    readonly charCues: number,
    readonly mixed: Uint8Array,
  ) {}

  lower(): string[] {
    return (this.lowered ??= this.words.map(toLower));
  }

  firstRun(i: number): string {
    return this.mixed[i] === 0 ? (this.lower()[i] as string) : (firstLetterRun(this.words[i] as string) ?? '');
  }
}

function toLower(word: string): string {
  return word.toLowerCase();
}

/**
 * The sentences of one document as the rules read them, each read once, on first use, and shared by
 * every rule family: made with the document's scope (`scopeOf`), dropped with it. Readings are kept
 * by sentence index (an array lookup is what the rules' per-sentence calls can afford; a WeakMap
 * lookup was a visible share of the stage); a different sentence object at an index is read afresh.
 */
export class SentenceReader {
  private readonly readings: ({ sentence: Sentence; reading: Reading } | undefined)[] = [];

  constructor(
    /** The document's clean text, which every sentence indexes. */
    readonly text: string,
    private readonly cueTable: CueTable,
  ) {}

  private reading(sentence: Sentence): Reading {
    const known = this.readings[sentence.index];
    if (known !== undefined && known.sentence === sentence) return known.reading;
    const fresh = readWords(this.text, sentence);
    this.readings[sentence.index] = { sentence, reading: fresh };
    return fresh;
  }

  /** The sentence's shared words (see Reading). */
  words(sentence: Sentence): SentenceWords {
    return this.reading(sentence);
  }

  /** True when the sentence holds every cue of `all` (each entry: one cue, or a list of which any will do). */
  has(sentence: Sentence, all: readonly (Cue | readonly Cue[])[]): boolean {
    const r = this.reading(sentence);
    const cues = (r.cues ??= wordCues(r, this.cueTable));
    for (const need of all) {
      if (typeof need === 'number') {
        if (need !== ALWAYS && cues[need] !== 1) return false;
      } else if (!anyCue(cues, need)) return false;
    }
    return true;
  }
}

/** The cue-word sets the sentence's letter runs belong to, one flag per cue id. */
function wordCues(r: Reading, table: CueTable): Uint8Array {
  const cues = new Uint8Array(table.size);
  const byWord = table.byWord;
  const lower = r.lower();
  for (let w = 0; w < lower.length; w++) {
    if (r.mixed[w] === 0) {
      const list = byWord.get(lower[w] as string);
      if (list) for (const cue of list) cues[cue] = 1;
      continue;
    }
    // A word with digits ("HER2", "3mab"): its letter runs are the cue words.
    const word = r.words[w] as string;
    let from = -1;
    for (let i = 0; i <= word.length; i++) {
      const letter = i < word.length && LETTER.test(word.charAt(i));
      if (letter && from < 0) from = i;
      else if (!letter && from >= 0) {
        const list = byWord.get(word.slice(from, i).toLowerCase());
        if (list) for (const cue of list) cues[cue] = 1;
        from = -1;
      }
    }
  }
  for (let cue = 0; cue < FIRST_WORD_CUE; cue++) if (r.charCues & (1 << cue)) cues[cue] = 1;
  return cues;
}

function anyCue(cues: Uint8Array, any: readonly Cue[]): boolean {
  for (const cue of any) if (cue === ALWAYS || cues[cue] === 1) return true;
  return false;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

/** Whether the character ending right before `i` is a letter or digit (a surrogate pair read whole, as a `u` regex does). */
export function isWordCharBefore(text: string, i: number): boolean {
  const c = text.charCodeAt(i - 1);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  const pair = c >= 0xdc00 && c <= 0xdfff && i >= 2 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
  return WORD_CHAR.test(pair ? text.slice(i - 2, i) : text.charAt(i - 1));
}

/** Whether the character starting at `i` is a letter or digit (a surrogate pair read whole). */
export function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (c < 128 || Number.isNaN(c)) return false;
  const point = text.codePointAt(i) ?? 0;
  return WORD_CHAR.test(String.fromCodePoint(point));
}

/** The words of a sentence (maximal runs of letters and digits), read once and shared by the phrase matchers. */
export interface SentenceWords {
  starts: number[];
  ends: number[];
  words: string[];
  /** True when the sentence holds a character outside the BMP (a surrogate pair): word offsets then skip it. */
  astral: boolean;
  /** The words in lower case, made on first use. */
  lower(): string[];
  /** Per word: 1 when it holds a digit (any character besides letters). */
  mixed: Uint8Array;
  /** Word i's first run of letters in lower case (firstLetterRun): what a cue word is matched on; '' when it opens with a digit. */
  firstRun(i: number): string;
}
