// Sentence splitting with exact offsets: one linear regex sweep per unit (see units.ts), no NLP parse.
// A period ends a sentence when white space and a capital, digit or opening quote follow, unless the
// word before it is a known abbreviation (data/structure/abbreviations.txt) or a single initial.
import type { Section, Sentence } from '../model/document.ts';
import { unitSpans } from './units.ts';

/** Sentence-final punctuation (with closing quotes/brackets) followed by space and a sentence opener. */
// The lookbehind makes a run of dots one candidate, so "....." costs linear time, not quadratic.
// The second form is a lost line break: a word, a period and a capitalised word glued to it
// ("… artificial intelligence.All our projects …"); two lower-case letters before the period keep
// "U.S.A", "Ph.D" and "e.g.X" whole. Every form starts with the punctuation mark itself and looks
// behind only from there: a pattern that opens with a look-behind is tried at every character,
// which made this sweep thirty times slower.
const BOUNDARY = /[.!?](?:(?<![.!?].)[.!?]*["”’)\]]*(?=\s+["“‘([]?[\p{Lu}\p{N}•])|(?<=\p{Ll}{2}.)(?=\p{Lu}\p{Ll}+[\s,]))/gu;

/** The word right before a period at `dot`: letters, digits and internal periods ("Ph.D", "U.S", "Inc"). */
function wordBefore(text: string, dot: number, floor: number): string {
  let i = dot;
  const stop = Math.max(floor, dot - 40);
  while (i > stop && isWordChar(text, i - 1)) i--;
  return text.slice(i, dot).replace(/^[-'’&.]+/, '');
}

const WORD_CHAR = /[\p{L}\p{N}.'’&-]/u;
/** A letter, digit or one of . ' ’ & - at `i`; ASCII is decided by code, the rest by the Unicode pattern. */
function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x27 || c === 0x26 || c === 0x2d;
  return WORD_CHAR.test(text.charAt(i));
}

/** JavaScript's \\s at `i`, with ASCII decided by code. */
function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return /\s/.test(text.charAt(i));
}

function endsSentence(abbreviations: ReadonlySet<string>, text: string, match: RegExpExecArray, floor: number): boolean {
  const punct = match[0];
  if (!punct.startsWith('.') || punct.startsWith('..')) return true;
  const word = wordBefore(text, match.index, floor);
  if (word === '') return true;
  if (abbreviations.has(word)) return false;
  // An initial ("Jane Q. Public", "J. Smith") or a dotted abbreviation not in the list ("S.A.S").
  if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
  return true;
}

/**
 * Sentences of every section, in text order; none crosses a section, unit or blank line. A period
 * after one of `abbreviations` (data/structure/abbreviations.txt, in the structure knowledge) goes on.
 */
export function splitSentences(cleanText: string, sections: readonly Section[], abbreviations: ReadonlySet<string>): Sentence[] {
  const sentences: Sentence[] = [];
  const ordered = [...sections].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const section of ordered) {
    const push = (start: number, end: number): void => {
      while (start < end && isSpaceAt(cleanText, start)) start++;
      while (end > start && isSpaceAt(cleanText, end - 1)) end--;
      if (end <= start || !/[\p{L}\p{N}]/u.test(cleanText.slice(start, end))) return;
      sentences.push({ index: sentences.length, start, end, section: section.kind, boilerplate: section.kind === 'about' });
    };
    for (const [unitStart, unitEnd] of unitSpans(cleanText, section.start, section.end)) {
      const unit = cleanText.slice(unitStart, unitEnd);
      let cursor = 0;
      BOUNDARY.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = BOUNDARY.exec(unit)) !== null) {
        if (!endsSentence(abbreviations, unit, m, cursor)) continue;
        const end = m.index + m[0].length;
        push(unitStart + cursor, unitStart + end);
        cursor = end;
      }
      push(unitStart + cursor, unitEnd);
    }
  }
  return sentences;
}
