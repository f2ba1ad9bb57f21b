// The rules of one sentence ask the same scanners (money, dates) about the same text and ranges over
// and over. A RangeMemo belongs to one text (the SentenceContext makes one per scanner and sentence):
// it remembers the answers by range and hands out copies, so callers may edit what they get.

export type RangeScan<T> = (text: string, from: number, to: number) => T[];

export class RangeMemo<T extends object> {
  private readonly found = new Map<string, T[]>();

  constructor(
    private readonly scan: RangeScan<T>,
    readonly text: string,
  ) {}

  /** What `scan` finds in text[from, to), as fresh copies. */
  get(from = 0, to = this.text.length): T[] {
    const range = `${from}:${to}`;
    let found = this.found.get(range);
    if (!found) this.found.set(range, (found = this.scan(this.text, from, to)));
    return found.map((item) => ({ ...item }));
  }
}
