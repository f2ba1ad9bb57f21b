// The rules of one sentence ask the same scanners (money, dates) about the same text and ranges over
// and over. This remembers the answers for the last text asked about, by range, and hands out copies
// so callers may edit what they get.

export type RangeScan<T> = (text: string, from: number, to: number) => T[];

export function memoByRange<T extends object>(scan: RangeScan<T>): (text: string, from?: number, to?: number) => T[] {
  let memo: { text: string; found: Map<string, T[]> } | undefined;
  return (text, from = 0, to = text.length) => {
    if (memo?.text !== text) memo = { text, found: new Map() };
    const range = `${from}:${to}`;
    let found = memo.found.get(range);
    if (!found) memo.found.set(range, (found = scan(text, from, to)));
    return found.map((item) => ({ ...item }));
  };
}
