// Possible duplicates, reported and never merged: "Merck" and "Merck & Co." may be one company or two,
// and only a person can tell. Each entity is compared with a bounded number of neighbours (same label,
// same name start, a fixed window in key order), so the cost stays linear in the number of entities.
import type { Entity, MergeCandidate } from '../model/graph.ts';

/** How many following entities (in key order, within one name-start group) each one is compared with. */
const WINDOW = 8;
const NOT_RESOLVED: ReadonlySet<string> = new Set(['Phase']);
/**
 * Labels whose names vary by spelling and by short and long forms of one thing. For drugs, targets and
 * diseases a longer name that starts with a shorter one is usually another thing (an ADC and its
 * antibody, a subtype of a disease, a gene family member), so only punctuation variants count there.
 */
const NAME_VARIANT_LABELS: ReadonlySet<string> = new Set(['Company', 'Organization', 'Person']);

function keyTokens(key: string): string[] {
  return key
    .slice(key.indexOf(':') + 1)
    .split('-')
    .filter((t) => t !== '');
}

/** True when the two strings differ by at most one insertion, deletion or substitution. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

function reasonFor(label: string, a: string[], b: string[]): string | undefined {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  const variants = NAME_VARIANT_LABELS.has(label);
  if (variants && shorter.length < longer.length && shorter.every((t, i) => t === longer[i]) && (shorter[0]?.length ?? 0) >= 3) {
    return 'name is the start of the other name';
  }
  const joinedA = a.join('');
  const joinedB = b.join('');
  if (joinedA === joinedB) return 'names differ only in spaces or punctuation';
  if (variants && joinedA.length >= 6 && withinOneEdit(joinedA, joinedB)) return 'names differ by one letter';
  return undefined;
}

export function findMergeCandidates(entities: readonly Entity[]): MergeCandidate[] {
  const groups = new Map<string, { label: string; key: string; tokens: string[] }[]>();
  for (const e of entities) {
    const label = e.labels[0];
    if (!label || NOT_RESOLVED.has(label)) continue;
    const tokens = keyTokens(e.key);
    const group = `${label}|${tokens.join('').slice(0, 3)}`;
    const list = groups.get(group);
    if (list) list.push({ label, key: e.key, tokens });
    else groups.set(group, [{ label, key: e.key, tokens }]);
  }
  const found: MergeCandidate[] = [];
  for (const list of groups.values()) {
    list.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    for (let i = 0; i < list.length; i++) {
      const a = list[i];
      if (!a) continue;
      for (let j = i + 1; j < Math.min(list.length, i + 1 + WINDOW); j++) {
        const b = list[j];
        if (!b) continue;
        const reason = reasonFor(a.label, a.tokens, b.tokens);
        if (reason) found.push({ a: a.key, b: b.key, reason });
      }
    }
  }
  return found.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
}
