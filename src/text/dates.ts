// The one date reader of the project: dates as press releases, filings and deal text write them
// ("July 31, 2007", "Feb. 13, 2025", "13 February 2025", "13.02.2025", EDGAR's "20250415",
// "April 2006") turned into ISO 8601. The month names are the calendar knowledge
// (data/patterns/months.tsv, src/knowledge/calendar.ts); the knowledge loader compiles the patterns
// once with compileDatePatterns, and every reader here takes them as an argument.

/** Month name or abbreviation, lower case ("july", "sept") → month number (1–12). */
export type MonthTable = ReadonlyMap<string, number>;

export interface DatePatterns {
  readonly months: MonthTable;
  /**
   * A month name or abbreviation in title case ("Sept", "July"), longest form first: used without
   * the i flag it matches title case only, with it any case.
   */
  readonly monthSource: string;
  /** A written date: month-first, day-first or numeric day.month.year. Case-insensitive use. */
  readonly dateSource: string;
  /** The first written date of a text (dateSource, case-insensitive). */
  readonly firstDate: RegExp;
  /** Every date of deal text at its written precision (global; the scan resets its lastIndex). */
  readonly mentions: RegExp;
}

/** Compiles the date patterns for a month table (forms lower case; each month with its three-letter form). */
export function compileDatePatterns(months: MonthTable): DatePatterns {
  const forms = [...months.keys()].sort((a, b) => b.length - a.length);
  const monthSource = `(?:${forms.map((f) => f.charAt(0).toUpperCase() + f.slice(1)).join('|')})`;
  const dateSource = `(?:${monthSource}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${monthSource}\\.?,?\\s+\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})`;
  const month = `(${forms.join('|')})\\.?`;
  const mentions = new RegExp(
    [
      `(?<![\\p{L}])${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})(?!\\d)`, // July 31, 2007
      `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+${month}\\s*,?\\s+((?:19|20)\\d{2})(?!\\d)`, // 31 July 2007
      `(?<![\\p{L}])${month}\\s*,?\\s+((?:19|20)\\d{2})(?!\\d)`, // April 2006
      `(?<![\\d-])((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?![\\d-])`, // 2007-07-31
    ].join('|'),
    'giu',
  );
  return Object.freeze({ months, monthSource, dateSource, firstDate: new RegExp(dateSource, 'i'), mentions });
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A loose check for a written full date (day up to 31 in any month, years 1900–2100), as headers and datelines need. */
function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The month a word names by its first three letters ("Sept." → 9, "JULY" → 7), 0 for none. */
function monthNumber(dates: DatePatterns, name: string): number {
  return dates.months.get(name.slice(0, 3).toLowerCase()) ?? 0;
}

/** ISO date for a written date (a whole text: a dateline's date, an EDGAR header value), or undefined when it is not one of the known forms. */
export function toIsoDate(dates: DatePatterns, text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), monthNumber(dates, m[1] ?? ''), Number(m[2]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), monthNumber(dates, m[2] ?? ''), Number(m[1]));
  // Numeric dates with dots are European day.month.year (EQS, German and Swiss wires).
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

/** The first written date in a text, as ISO, with where it was found. */
export function findDate(dates: DatePatterns, text: string): { iso: string; index: number; length: number } | undefined {
  const m = dates.firstDate.exec(text);
  if (!m) return undefined;
  const value = toIsoDate(dates, m[0]);
  return value === undefined ? undefined : { iso: value, index: m.index, length: m[0].length };
}

export interface DateMention {
  start: number;
  end: number;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  iso: string;
}

/** A day that exists in that month of that year (no 30 February). */
function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Every date form holds a four-digit year: a stretch without one has no date. */
const HAS_YEAR = /(?:19|20)\d\d/;

/**
 * Every full or month-precision date in text[from, to) of deal text, with offsets into `text`:
 * "July 31, 2007" → 2007-07-31, "31 July 2007" → 2007-07-31, "April 2006" → 2006-04, "2007-07-31".
 */
export function dateMentions(dates: DatePatterns, text: string, from = 0, to = text.length): DateMention[] {
  const slice = text.slice(from, to);
  const out: DateMention[] = [];
  if (!HAS_YEAR.test(slice)) return out;
  const { months, mentions: pattern } = dates;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
    const g = m.slice(1);
    let found: string | undefined;
    if (g[0] !== undefined) {
      const [mo, d, y] = [months.get(g[0].toLowerCase()) ?? 0, Number(g[1]), Number(g[2])];
      if (validDay(y, mo, d)) found = `${y}-${pad(mo)}-${pad(d)}`;
    } else if (g[3] !== undefined) {
      const [d, mo, y] = [Number(g[3]), months.get((g[4] ?? '').toLowerCase()) ?? 0, Number(g[5])];
      if (validDay(y, mo, d)) found = `${y}-${pad(mo)}-${pad(d)}`;
    } else if (g[6] !== undefined) {
      const word = g[6].toLowerCase();
      // "may 2020" is a date, "may" alone is a verb: the month-year form needs a capital letter.
      const mo = months.get(word) ?? 0;
      if (mo && (word !== 'may' || g[6][0] === 'M')) found = `${g[7]}-${pad(mo)}`;
    } else if (g[8] !== undefined) {
      const [y, mo, d] = [Number(g[8]), Number(g[9]), Number(g[10])];
      if (validDay(y, mo, d)) found = `${y}-${pad(mo)}-${pad(d)}`;
    }
    if (found) out.push({ start: from + m.index, end: from + m.index + m[0].length, iso: found });
  }
  return out;
}
