// The one regular-expression escape of the project: knowledge read from data/ becomes part of
// patterns, and a phrase such as "Co." or "(S)-" must match itself, not a pattern.

/** `s` with every character that is special in a JavaScript regular expression escaped. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
