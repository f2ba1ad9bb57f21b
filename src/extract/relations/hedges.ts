// Whether a statement is a fact, a prospect or a denial: "earned" vs "eligible to receive", "expected
// to begin", "has not", "terminated". Rules keep hedged facts with a status and drop negated ones.
import { findAll, hasAny } from './lexicon.ts';

export type Status = 'actual' | 'potential' | 'expected';

/** The status of what text[from, to) says: potential beats expected beats actual. */
export function statusOf(text: string, from = 0, to = text.length): Status {
  // "May 3, 2021" is a date, not a hedge.
  const potential = findAll('hedge.potential', text, from, to).filter((h) => !(h.text === 'may' && /^\s+\d/.test(text.slice(h.end, h.end + 3))));
  if (potential.length > 0) return 'potential';
  if (hasAny('hedge.expected', text, from, to)) return 'expected';
  return 'actual';
}

/** True when text[from, to) denies or ends what it states ("has not", "terminated", "no longer"). */
export function isNegated(text: string, from = 0, to = text.length): boolean {
  if (!hasAny('negation', text, from, to)) return false;
  // "not-for-profit", "not only … but also" describe, they do not deny.
  return findAll('negation', text, from, to).some((h) => h.text !== 'not' || !/^(?:-|\s+only\b)/i.test(text.slice(h.end, h.end + 6)));
}
