// What the rule families hand to the entity stage's selector: mentions with a priority, so that
// where two rules claim overlapping text the stronger (then the longer) one wins.
import type { StructuredDocument, Sentence } from '../../model/document.ts';
import type { Mention } from '../../model/extraction.ts';
import type { StageContext } from '../../knowledge/index.ts';
import type { Cue, SentenceWords } from './cues.ts';
import { SentenceReader, firstLetterRun } from './cues.ts';

export interface Candidate extends Mention {
  /** Higher wins an overlap; ties go to the longer span, then the earlier one. */
  priority: number;
}

/** The text the rules read: the document's clean text and the sentences facts may come from. */
export interface Scope {
  doc: StructuredDocument;
  text: string;
  /** Sentences outside forward-looking boilerplate, in document order. */
  sentences: Sentence[];
  /** The knowledge and the document's time budget. */
  ctx: StageContext;
  /** The document's sentences as the rules read them (words, cues), each read once for all rule families. */
  reader: SentenceReader;
}

export function scopeOf(doc: StructuredDocument, ctx: StageContext): Scope {
  return {
    doc,
    text: doc.cleanText,
    sentences: doc.sentences.filter((s) => s.section !== 'forwardLooking'),
    ctx,
    reader: new SentenceReader(doc.cleanText, ctx.knowledge.entities.cues),
  };
}

/**
 * What a sentence must hold for a rule to be worth running on it: cues (each entry one cue, or a
 * list of which any will do; see cues.ts) and/or a test of the sentence's text. A necessary
 * condition of the rule's regex, never a sufficient one.
 */
export interface SweepFilter {
  cues?: readonly (Cue | readonly Cue[])[];
  test?: (slice: string) => boolean;
}

/**
 * Runs a global regex over every sentence of the scope and hands each match with its absolute
 * offset to `visit`. One linear pass per sentence; the regex is compiled by the caller, once.
 * With a filter, sentences that lack the rule's cues are skipped without running the regex.
 */
export function sweep(scope: Scope, pattern: RegExp, visit: (m: RegExpExecArray, offset: number, sentence: Sentence) => void, filter?: SweepFilter): void {
  for (const sentence of scope.sentences) {
    scope.ctx.budget.check(); // the per-document time budget (src/budget.ts): a counter, the clock now and then
    if (filter?.cues && !scope.reader.has(sentence, filter.cues)) continue;
    const slice = scope.text.slice(sentence.start, sentence.end);
    if (filter?.test && !filter.test(slice)) continue;
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(slice)) !== null) {
      visit(m, sentence.start + m.index, sentence);
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
}

/**
 * A pattern for `sweepAt`: the same source compiled sticky (tried at chosen starts) and global (for
 * the sentences whose starts cannot be read; see sweepAt). Compiled once, with the knowledge.
 */
export interface AnchoredPattern {
  readonly sticky: RegExp;
  readonly global: RegExp;
}

/** `source` compiled for `sweepAt`; `flags` without `g` or `y`. */
export function anchoredPattern(source: string, flags: string): AnchoredPattern {
  return Object.freeze({ sticky: new RegExp(source, `${flags}y`), global: new RegExp(source, `${flags}g`) });
}

/**
 * `sweep` for rules whose matches can only start at positions a cheap scan finds (the start of a
 * token with three digits, a word of a cue list): `pattern` (its sticky form) is tried only there,
 * on the same sentence slice `sweep` reads, so look-arounds see the same text. When `starts`
 * returns, in ascending order, every position a match of the pattern could start at, the matches
 * are exactly those of the global pattern's scan: a start inside an earlier match is skipped as the
 * scan would skip it. Start finders read the sentence's shared words (cues.ts), which step over
 * characters outside the BMP; a sentence holding one is swept with the global pattern instead.
 */
export function sweepAt(scope: Scope, pattern: AnchoredPattern, starts: (sentence: Sentence) => readonly number[], visit: (m: RegExpExecArray, offset: number, sentence: Sentence) => void, filter?: SweepFilter): void {
  for (const sentence of scope.sentences) {
    scope.ctx.budget.check();
    if (filter?.cues && !scope.reader.has(sentence, filter.cues)) continue;
    if (scope.reader.words(sentence).astral) {
      sweep({ ...scope, sentences: [sentence] }, pattern.global, visit, filter);
      continue;
    }
    const at = starts(sentence);
    if (at.length === 0) continue;
    const slice = scope.text.slice(sentence.start, sentence.end);
    if (filter?.test && !filter.test(slice)) continue;
    let resume = sentence.start;
    const sticky = pattern.sticky;
    for (const start of at) {
      if (start < resume) continue;
      sticky.lastIndex = start - sentence.start;
      const m = sticky.exec(slice);
      if (m === null) continue;
      visit(m, sentence.start + m.index, sentence);
      resume = sentence.start + m.index + Math.max(1, m[0].length);
    }
  }
}

/**
 * The first letter runs (`firstLetterRun`) of phrases a pattern opens with, for `sweepFromOpeners`;
 * undefined when a phrase opens with no letter (then no word can anchor it). Built once, with the knowledge.
 */
export function phraseOpeners(phrases: readonly string[]): ReadonlySet<string> | undefined {
  const openers = new Set<string>();
  for (const phrase of phrases) {
    const run = firstLetterRun(phrase);
    if (run === undefined) return undefined;
    openers.add(run);
  }
  return openers;
}

/**
 * `sweep` for a pattern that opens with one of a list of phrases right after a word boundary
 * (`(?<![\p{L}\p{N}\-])(?:phrase|…)`, each phrase's first letter in either case and its other letters
 * as written): such a match starts at the start of a word of the sentence whose first letter run, in
 * lower case, is a phrase's (`openers`), so the sticky pattern is tried there only, with the same
 * matches as the global scan (see sweepAt). A phrase-led pattern swept globally was a visible share
 * of the entity stage: irregexp tries the whole alternation at every character of the sentence.
 * Without openers (a phrase opens with no letter), the global sweep.
 */
export function sweepFromOpeners(scope: Scope, pattern: AnchoredPattern, openers: ReadonlySet<string> | undefined, visit: (m: RegExpExecArray, offset: number, sentence: Sentence) => void, filter?: SweepFilter): void {
  if (openers === undefined) {
    sweep(scope, pattern.global, visit, filter);
    return;
  }
  sweepAt(scope, pattern, (sentence) => wordStarts(scope.reader, sentence, (words, i) => openers.has(words.firstRun(i))), visit, filter);
}

const UPPER_CASE_LETTER = /^\p{Lu}/u;

/**
 * `sweep` for a pattern whose matches open with an upper-case letter that no letter or digit precedes
 * (`(?<![\p{L}\p{N}…])\p{Lu}`; with `alsoDigits`, `[\p{Lu}\d]`): such a match starts at the start of a
 * word of the sentence that opens with a capital (or an ASCII digit), so the sticky pattern is tried
 * there only, with the same matches as the global scan (see sweepAt). A name-led pattern swept
 * globally tests its look-behind and first letter class at every character of the sentence; most
 * words do not open with a capital.
 */
export function sweepFromCapitals(scope: Scope, pattern: AnchoredPattern, visit: (m: RegExpExecArray, offset: number, sentence: Sentence) => void, filter?: SweepFilter, alsoDigits = false): void {
  sweepAt(
    scope,
    pattern,
    (sentence) =>
      wordStarts(scope.reader, sentence, (words, i) => {
        const c = (words.words[i] as string).charCodeAt(0);
        if (c < 128) return (c >= 65 && c <= 90) || (alsoDigits && c >= 48 && c <= 57);
        return UPPER_CASE_LETTER.test(words.words[i] as string);
      }),
    visit,
    filter,
  );
}

/** Start offsets of the sentence's words (cues.ts) that `accept` takes, ascending. */
export function wordStarts(reader: SentenceReader, sentence: Sentence, accept: (words: SentenceWords, i: number) => boolean): number[] {
  const words = reader.words(sentence);
  const out: number[] = [];
  for (let i = 0; i < words.starts.length; i++) if (accept(words, i)) out.push(words.starts[i] as number);
  return out;
}

/** A candidate covering `surface` found at `start`, trimmed of surrounding white space. */
export function candidate(fields: Omit<Candidate, 'text' | 'end' | 'sentenceIndex'> & { surface: string; sentence: Sentence }): Candidate {
  const surface = fields.surface;
  const lead = surface.length - surface.trimStart().length;
  const text = surface.trim();
  const start = fields.start + lead;
  // Field by field, not by rest and spread: the rules make tens of thousands of candidates a corpus
  // pass, and copying an object minus two keys was a visible share of the entity stage.
  const c: Candidate = { label: fields.label, start, end: start + text.length, text, canonical: fields.canonical, sentenceIndex: fields.sentence.index, rule: fields.rule, priority: fields.priority };
  if (fields.extraLabels !== undefined) c.extraLabels = fields.extraLabels;
  if (fields.properties !== undefined) c.properties = fields.properties;
  return c;
}

/** Keeps the best non-overlapping candidates, in document order. Linear in the text covered. */
export function selectCandidates(candidates: readonly Candidate[], textLength: number): Candidate[] {
  const ranked = [...candidates].sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start || a.label.localeCompare(b.label));
  const taken = new Uint8Array(textLength + 1);
  const kept: Candidate[] = [];
  for (const c of ranked) {
    if (c.end <= c.start) continue;
    let free = true;
    for (let i = c.start; i < c.end; i++)
      if (taken[i]) {
        free = false;
        break;
      }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
