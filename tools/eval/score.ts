// Counts and precision/recall/F1. Precision and recall are counted on their own sides: an extracted
// entity labelled Organization may match a gold Company (the gold allows it through `alsoTypes`),
// so per label "true positives among predictions" and "gold found" can differ; micro totals agree.

export interface Counts {
  /** Scored (non-optional) gold items. */
  gold: number;
  /** Gold items found. */
  goldFound: number;
  /** Extracted items that were scored (matched, or counted as false positives). */
  predicted: number;
  /** Extracted items that matched a gold item. */
  predictedCorrect: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export function emptyCounts(): Counts {
  return { gold: 0, goldFound: 0, predicted: 0, predictedCorrect: 0 };
}

export function addCounts(into: Counts, more: Counts): void {
  into.gold += more.gold;
  into.goldFound += more.goldFound;
  into.predicted += more.predicted;
  into.predictedCorrect += more.predictedCorrect;
}

/** P, R, F1 with the usual conventions for empty sides: nothing predicted → P = 0, nothing to find → R = 0. */
export function prf(c: Counts): Prf {
  const precision = c.predicted === 0 ? 0 : c.predictedCorrect / c.predicted;
  const recall = c.gold === 0 ? 0 : c.goldFound / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Counts per key (label or relationship type); `bump` creates the entry on first use. */
export class CountTable {
  readonly rows = new Map<string, Counts>();
  row(key: string): Counts {
    let c = this.rows.get(key);
    if (!c) {
      c = emptyCounts();
      this.rows.set(key, c);
    }
    return c;
  }
  addAll(other: CountTable): void {
    for (const [k, c] of other.rows) addCounts(this.row(k), c);
  }
  total(): Counts {
    const t = emptyCounts();
    for (const c of this.rows.values()) addCounts(t, c);
    return t;
  }
  /** Rows in key order, so printed tables and JSON are stable. */
  sorted(): [string, Counts][] {
    return [...this.rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/**
 * Maximum bipartite matching (Kuhn's augmenting paths): each left item to at most one right item and
 * vice versa, as many pairs as possible, so a greedy early choice never costs a later match. Left
 * items are tried in index order and candidates in the order given, so the result is deterministic.
 */
export function maxMatching(leftCount: number, candidates: (left: number) => readonly number[]): (number | undefined)[] {
  const rightOwner = new Map<number, number>();
  const tryAssign = (left: number, seen: Set<number>): boolean => {
    for (const right of candidates(left)) {
      if (seen.has(right)) continue;
      seen.add(right);
      const owner = rightOwner.get(right);
      if (owner === undefined || tryAssign(owner, seen)) {
        rightOwner.set(right, left);
        return true;
      }
    }
    return false;
  };
  for (let left = 0; left < leftCount; left++) tryAssign(left, new Set());
  const result: (number | undefined)[] = new Array<number | undefined>(leftCount).fill(undefined);
  for (const [right, left] of rightOwner) result[left] = right;
  return result;
}
