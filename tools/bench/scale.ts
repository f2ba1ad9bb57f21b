// The scale corpus of issue #7: copies of the real documents with their names varied, so that 100×
// the corpus means 100× as many companies, people and drug codes (entities do not all collapse into
// the 1× set), while the language, targets and diseases stay those of the field. Generated one
// document at a time: the 100× corpus is never held in memory.

/** A document of the scale corpus. */
export interface ScaleDocument {
  /** Unique per copy, so document ids never collide with the real documents or with each other. */
  path: string;
  text: string;
}

export interface SourceDocument {
  name: string;
  text: string;
}

/** FNV-1a, 32 bit: a small stable hash so the same token and copy always give the same name. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'tr', 'st', 'pl', 'gr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'eo', 'ia'];

/** A pronounceable made-up word of `syllables` syllables, chosen by `seed`. */
export function pseudoWord(seed: number, syllables: number): string {
  let s = seed;
  let word = '';
  for (let i = 0; i < syllables; i++) {
    word += ONSETS[s % ONSETS.length] ?? 'n';
    s = Math.floor(s / ONSETS.length);
    word += VOWELS[s % VOWELS.length] ?? 'a';
    s = Math.floor(s / VOWELS.length) + (i + 1) * 7919;
  }
  return word;
}

/**
 * Capitalised words that are never names: calendar words and the words of job titles, which the
 * extractors read as such (dates, EMPLOYS titles), so copies keep them. Legal suffixes are added by
 * `scaleKeepWords` from the knowledge's legal forms (data/lexicons/company-legal-suffixes.txt).
 */
export const ALWAYS_KEPT: ReadonlySet<string> = new Set([
  ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  ...['Chief', 'Executive', 'Officer', 'President', 'Vice', 'Senior', 'Director', 'Chairman', 'Chair', 'Founder', 'Head'],
  ...['General', 'Counsel', 'Financial', 'Operating', 'Medical', 'Scientific', 'Commercial', 'Board', 'Phase'],
]);

// Capitalised words that are names in a text: "Xyz" or "XyzAbc" (camel-case company styles).
const CAPITALISED = /\b[A-Z][a-z]+(?:[A-Z][a-z]+)*\b/g;
// Drug and programme code names: "ABC-123", "XY1234".
const CODE_NAME = /\b([A-Z]{1,5})(-?)(\d{2,6})\b/g;

/**
 * Rewrites a text for copy `copy` (copy 0 is the original): every capitalised word that never occurs
 * in lower case in the text (so names, not sentence-initial words like "The" or "Phase") becomes a
 * made-up name fixed by (word, copy), and code names get new numbers. Legal suffixes, titles and
 * field words keep their form because they also occur in lower case or are not capitalised words.
 */
export function varyNames(text: string, copy: number, keep: ReadonlySet<string> = ALWAYS_KEPT): string {
  if (copy === 0) return text;
  const lowerWords = new Set(text.match(/\b[a-z]+\b/g) ?? []);
  const replacements = new Map<string, string>();
  const named = text.replace(CAPITALISED, (word) => {
    if (keep.has(word) || ALWAYS_KEPT.has(word) || lowerWords.has(word.toLowerCase()) || word.length < 3) return word;
    let replacement = replacements.get(word);
    if (replacement === undefined) {
      const fresh = pseudoWord(fnv1a(`${word}#${copy}`), Math.max(2, Math.min(4, Math.ceil(word.length / 3))));
      replacement = fresh.charAt(0).toUpperCase() + fresh.slice(1);
      replacements.set(word, replacement);
    }
    return replacement;
  });
  return named.replace(CODE_NAME, (_m, letters: string, dash: string, digits: string) => {
    const n = (Number(digits) + copy * 7 + (fnv1a(letters) % 5)) % 10 ** digits.length;
    return `${letters}${dash}${String(n).padStart(digits.length, '0')}`;
  });
}

/** Streams `factor` copies of the sources, names varied per copy; nothing is kept between yields. */
export function* scaleCorpus(sources: readonly SourceDocument[], factor: number, keep?: ReadonlySet<string>): Generator<ScaleDocument> {
  for (let copy = 0; copy < factor; copy++) {
    for (const s of sources) yield { path: `bench-scale-${copy}-${s.name}`, text: varyNames(s.text, copy, keep) };
  }
}

/**
 * Least-squares slope of log(y) on log(x): 1 means y grows linearly with x, 2 quadratically.
 * NaN with fewer than two distinct sizes or a non-positive value.
 */
export function logLogSlope(points: readonly { x: number; y: number }[]): number {
  if (points.some((p) => p.x <= 0 || p.y <= 0)) return Number.NaN;
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(p.y));
  const n = points.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    sxx += dx * dx;
    sxy += dx * ((ys[i] ?? 0) - my);
  }
  return sxx === 0 ? Number.NaN : sxy / sxx;
}

/** The capitalised words of legal-suffix lines ("Inc.", "Co., Ltd." → Inc, Co, Ltd), to keep in copies. */
export function legalSuffixWords(suffixLines: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const line of suffixLines) for (const w of line.match(/[A-Z][A-Za-z]*/g) ?? []) words.add(w);
  return words;
}

/** The words copies keep as they are: ALWAYS_KEPT and the words of the legal forms (`knowledge.names.legalSuffixes`). */
export function scaleKeepWords(legalSuffixes: readonly string[]): Set<string> {
  return new Set([...ALWAYS_KEPT, ...legalSuffixWords(legalSuffixes)]);
}
