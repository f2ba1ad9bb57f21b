// Whether a statement is a fact, a prospect or a denial: "earned" vs "eligible to receive", "expected
// to begin", "has not", "terminated". Rules keep hedged facts with a status and drop negated ones.
// Both questions read the trigger phrases of a text through a TriggerReader (lexicon.ts): the
// sentence's own reader in the rules, `knowledge.relations.triggers.reader(text)` for other text.
import type { TriggerReader } from './lexicon.ts';

export type Status = 'actual' | 'potential' | 'expected';

/** The status of what text[from, to) says: potential beats expected beats actual. */
export function statusOf(triggers: TriggerReader, from = 0, to = triggers.text.length): Status {
  const { text } = triggers;
  // "May 3, 2021" is a date, not a hedge.
  const potential = triggers.findAll('hedge.potential', from, to).filter((h) => !(h.text === 'may' && /^\s+\d/.test(text.slice(h.end, h.end + 3))));
  if (potential.length > 0) return 'potential';
  if (triggers.hasAny('hedge.expected', from, to)) return 'expected';
  return 'actual';
}

/** True when text[from, to) denies or ends what it states ("has not", "terminated", "no longer"). */
export function isNegated(triggers: TriggerReader, from = 0, to = triggers.text.length): boolean {
  if (!triggers.hasAny('negation', from, to)) return false;
  const { text } = triggers;
  // "not-for-profit", "not only … but also" describe, they do not deny.
  return triggers.findAll('negation', from, to).some((h) => h.text !== 'not' || !/^(?:-|\s+only\b)/i.test(text.slice(h.end, h.end + 6)));
}
