// Units: the stretches of text a sentence may never cross. Blank lines, table cells (" | ", tabs,
// column gaps of three or more spaces) and line breaks that start a new line of their own (headings,
// bullets, cover-page lines) end a unit; a line break inside a wrapped paragraph does not.

/** Bullets and check boxes that open a line of their own. */
const BULLET = /^(?:[•●▪◦·‣○■□¨þý✓✔➢►]|[-–—*o](?=\s))/u;

/**
 * True when `next` continues the sentence of `prev` (both trimmed, non-empty): it starts in lower
 * case, or `prev` is a long line cut without final punctuation (hard-wrapped text, as in <PRE> filings).
 */
export function lineContinues(prev: string, next: string): boolean {
  if (BULLET.test(next) || next.startsWith('|') || prev.endsWith('|')) return false;
  if (/^\p{Ll}/u.test(next)) return true;
  return prev.length >= 60 && !/[.:!?]["”’)]?$/u.test(prev);
}

const SPACE = 0x20;
const TAB = 0x09;
const PIPE = 0x7c;
const WHITE = /\s/;
const isBlank = (c: number): boolean => c === SPACE || c === TAB;
/** JavaScript's \\s for the character at `i`, with the ASCII cases decided without a regex. */
const isWhite = (line: string, i: number): boolean => {
  const c = line.charCodeAt(i);
  if (c === SPACE || (c >= 0x09 && c <= 0x0d)) return true;
  return c >= 0x80 && WHITE.test(line.charAt(i));
};

/**
 * Cell separators inside one line, as [start, end) pairs: a pipe with the spaces around it, a run of
 * tabs after a word, or a gap of three or more spaces between words. A hand scan that only looks
 * closer at spaces, tabs and pipes: a regex with look-behinds tried every position of every line.
 */
export function cellSeparators(line: string): [number, number][] {
  const found: [number, number][] = [];
  // Most lines have no pipe, tab or wide gap at all: two native searches settle them.
  if (!line.includes('|') && !line.includes('\t') && !line.includes('   ')) return found;
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== PIPE) {
      i++;
      continue;
    }
    const afterWord = i > 0 && !isWhite(line, i - 1);
    // A pipe, with the blanks before it (only from the start of their run) and after it.
    if (i === 0 || !isBlank(line.charCodeAt(i - 1))) {
      let j = i;
      while (j < n && isBlank(line.charCodeAt(j))) j++;
      if (j < n && line.charCodeAt(j) === PIPE) {
        let k = j + 1;
        while (k < n && isBlank(line.charCodeAt(k))) k++;
        found.push([i, k]);
        i = k;
        continue;
      }
    }
    if (afterWord && c === TAB) {
      let j = i;
      while (j < n && line.charCodeAt(j) === TAB) j++;
      found.push([i, j]);
      i = j;
      continue;
    }
    if (afterWord && c === SPACE) {
      let j = i;
      while (j < n && line.charCodeAt(j) === SPACE) j++;
      if (j - i >= 3 && j < n && !isWhite(line, j)) {
        found.push([i, j]);
        i = j;
        continue;
      }
    }
    i++;
  }
  return found;
}

/** Half-open spans of the units of `text` within [start, end), in order; each trimmed of white space. */
export function unitSpans(text: string, start: number, end: number): [number, number][] {
  const units: [number, number][] = [];
  let open: [number, number] | undefined; // the unit that may still continue on the next line
  let openLine = '';
  const close = (): void => {
    if (open) units.push(open);
    open = undefined;
  };
  // Line breaks are searched in the section only: on a run-on text of one long line, searching the
  // whole text would rescan the rest of that line for every section on it.
  const view = text.slice(start, end);
  let lineStart = start;
  while (lineStart <= end) {
    const found = view.indexOf('\n', lineStart - start);
    const lineEnd = found === -1 ? end : start + found;
    const line = text.slice(lineStart, lineEnd);
    const trimmed = line.trim();
    if (trimmed === '') close();
    else {
      // Pieces of this line between cell separators.
      const pieces: [number, number][] = [];
      let pieceStart = 0;
      for (const [sepStart, sepEnd] of cellSeparators(line)) {
        pieces.push([pieceStart, sepStart]);
        pieceStart = sepEnd;
      }
      pieces.push([pieceStart, line.length]);
      const spans = pieces
        .map(([a, b]) => trimSpan(line, a, b))
        .filter((s): s is [number, number] => s !== undefined)
        .map(([a, b]): [number, number] => [lineStart + a, lineStart + b]);
      const first = spans[0];
      if (open && first && pieces.length === 1 && lineContinues(openLine, trimmed)) {
        open = [open[0], first[1]];
        spans.shift();
      } else close();
      for (const span of spans) {
        close();
        open = span;
      }
      // Only a line that is one piece can run on into the next line.
      if (pieces.length > 1) close();
      openLine = trimmed;
    }
    if (lineEnd >= end) break;
    lineStart = lineEnd + 1;
  }
  close();
  return units;
}

function trimSpan(s: string, a: number, b: number): [number, number] | undefined {
  while (a < b && /\s/.test(s[a] ?? '')) a++;
  while (b > a && /\s/.test(s[b - 1] ?? '')) b--;
  return b > a ? [a, b] : undefined;
}
