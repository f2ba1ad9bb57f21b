// Text that remembers where each of its characters came from in a source text (the raw file): the
// structure stage renders HTML and EDGAR submissions with these operations instead of plain string
// ones, so the rendered text keeps a map back to the raw file's offsets (RawMap, model/document.ts).
// Every operation gives exactly the text its String counterpart gives; the origins follow along.
// A character's origin is a source span: one source character for copied text, the whole source
// span for a character decoded from several (an entity `&amp;`, a collapsed white-space run), none for
// inserted text (the paragraph breaks and " | " cell joins the renderer adds).
import type { RawMap } from '../model/document.ts';

const NONE = -1;

export class TracedText {
  private constructor(
    readonly text: string,
    /** Source span of character i: [starts[i], ends[i]), both NONE for an inserted character. */
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
  ) {}

  /** A source text (or a stretch of one that begins at `offset`), each character its own origin. */
  static copied(text: string, offset = 0): TracedText {
    const starts = new Int32Array(text.length);
    const ends = new Int32Array(text.length);
    for (let i = 0; i < text.length; i++) {
      starts[i] = offset + i;
      ends[i] = offset + i + 1;
    }
    return new TracedText(text, starts, ends);
  }

  /**
   * Text read from the source span [start, end): character by character when the lengths agree (text
   * copied as is), otherwise every character from the whole span (an entity decoded to its character).
   */
  static fromSpan(text: string, start: number, end: number): TracedText {
    if (end - start === text.length) return TracedText.copied(text, start);
    return new TracedText(text, new Int32Array(text.length).fill(start), new Int32Array(text.length).fill(end));
  }

  /** Text with no origin in the source (separators a renderer adds). */
  static inserted(text: string): TracedText {
    return new TracedText(text, new Int32Array(text.length).fill(NONE), new Int32Array(text.length).fill(NONE));
  }

  static concat(pieces: readonly TracedText[]): TracedText {
    if (pieces.length === 1 && pieces[0]) return pieces[0];
    let length = 0;
    for (const p of pieces) length += p.text.length;
    const starts = new Int32Array(length);
    const ends = new Int32Array(length);
    let at = 0;
    for (const p of pieces) {
      starts.set(p.starts, at);
      ends.set(p.ends, at);
      at += p.text.length;
    }
    return new TracedText(pieces.map((p) => p.text).join(''), starts, ends);
  }

  get length(): number {
    return this.text.length;
  }

  slice(start: number, end = this.text.length): TracedText {
    return new TracedText(this.text.slice(start, end), this.starts.slice(start, end), this.ends.slice(start, end));
  }

  /** As String.prototype.trim (the same white space), origins kept. */
  trim(): TracedText {
    const lead = this.text.length - this.text.trimStart().length;
    const kept = this.text.trim().length;
    return lead === 0 && kept === this.text.length ? this : this.slice(lead, lead + kept);
  }

  /** As String.prototype.trimEnd. */
  trimEnd(): TracedText {
    const kept = this.text.trimEnd().length;
    return kept === this.text.length ? this : this.slice(0, kept);
  }

  /**
   * As String.prototype.replace with a global pattern and a literal replacement (no `$` patterns).
   * The replacement's origins: those of the match's own characters when it keeps the match's first or
   * last characters ("\n\n\n" → "\n\n", "  \n" → "\n"), character by character when it has the
   * match's length, otherwise the span of the whole match.
   */
  replace(pattern: RegExp, replacement: string): TracedText {
    if (!pattern.global) throw new TypeError('TracedText.replace needs a global pattern');
    pattern.lastIndex = 0;
    const pieces: TracedText[] = [];
    let copied = 0;
    for (let m = pattern.exec(this.text); m !== null; m = pattern.exec(this.text)) {
      const at = m.index;
      const match = m[0];
      if (match === '') {
        pattern.lastIndex++;
        continue;
      }
      const end = at + match.length;
      pieces.push(this.slice(copied, at), this.replacementFor(at, end, replacement));
      copied = end;
    }
    if (copied === 0) return this;
    pieces.push(this.slice(copied));
    return TracedText.concat(pieces);
  }

  private replacementFor(start: number, end: number, replacement: string): TracedText {
    const match = this.text.slice(start, end);
    if (match.endsWith(replacement)) return this.slice(end - replacement.length, end);
    if (match.startsWith(replacement)) return this.slice(start, start + replacement.length);
    if (replacement.length === match.length) return new TracedText(replacement, this.starts.slice(start, end), this.ends.slice(start, end));
    let from = NONE;
    let to = NONE;
    for (let i = start; i < end; i++) {
      const s = this.starts[i] ?? NONE;
      if (s === NONE) continue;
      if (from === NONE || s < from) from = s;
      to = Math.max(to, this.ends[i] ?? NONE);
    }
    if (from === NONE) return TracedText.inserted(replacement);
    return new TracedText(replacement, new Int32Array(replacement.length).fill(from), new Int32Array(replacement.length).fill(to));
  }

  /**
   * The run-length map of the origins: a segment per stretch of characters copied one for one from
   * consecutive source characters, or sharing one source span; inserted characters are in no segment.
   */
  toRawMap(): RawMap {
    const map: [number, number, number, number][] = [];
    let current: [number, number, number, number] | undefined;
    let copiedRun = false;
    for (let i = 0; i < this.text.length; i++) {
      const s = this.starts[i] ?? NONE;
      const e = this.ends[i] ?? NONE;
      if (s === NONE) {
        current = undefined;
        continue;
      }
      const single = e - s === 1;
      if (current) {
        const [textStart, rawStart, textLength, rawLength] = current;
        const contiguous = textStart + textLength === i;
        if (contiguous && copiedRun && single && rawStart + rawLength === s) {
          current[2] += 1;
          current[3] += 1;
          continue;
        }
        if (contiguous && !copiedRun && rawStart === s && rawStart + rawLength === e) {
          current[2] += 1;
          continue;
        }
      }
      current = [i, s, 1, e - s];
      copiedRun = single;
      map.push(current);
    }
    return map;
  }
}

/**
 * The raw span of the text span [start, end): from the origin of its first character to the end of
 * its last one's. An edge on an inserted character moves inward to the nearest character with an
 * origin. Undefined when the span has no character from the raw file.
 */
export function rawSpan(map: RawMap, start: number, end: number): { rawStart: number; rawEnd: number } | undefined {
  // The first segment that ends after `start`, and the last that begins before `end`.
  let lo = 0;
  let hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const [textStart, , textLength] = map[mid] ?? [0, 0, 0, 0];
    if (textStart + textLength <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = map[lo];
  lo = 0;
  hi = map.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const [textStart] = map[mid] ?? [0, 0, 0, 0];
    if (textStart < end) lo = mid + 1;
    else hi = mid;
  }
  const last = map[lo - 1];
  if (!first || !last || first[0] >= end || last[0] + last[2] <= start) return undefined;
  return { rawStart: rawOffset(first, Math.max(start, first[0]), 'start'), rawEnd: rawOffset(last, Math.min(end, last[0] + last[2]), 'end') };
}

/** A text offset inside a segment (or at its end) as a raw offset: one for one in a copied run, else the span's edge. */
function rawOffset([textStart, rawStart, textLength, rawLength]: RawMap[number], at: number, edge: 'start' | 'end'): number {
  if (textLength === rawLength) return rawStart + (at - textStart);
  return edge === 'start' ? rawStart : rawStart + rawLength;
}
