// Dates in deal text, as ISO 8601 at the precision written: "July 31, 2007" → 2007-07-31,
// "31 July 2007" → 2007-07-31, "April 2006" → 2006-04, "2007-07-31" as is. Agreement years:
// "the 2000 agreement, as amended in 2006" → year 2000, amended [2006].
import { dataTsv } from '../../data-files.ts';
import { memoByRange } from './range-memo.ts';

export interface DateMention {
  start: number;
  end: number;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  iso: string;
}

let monthTable: { of: Map<string, number>; pattern: RegExp } | undefined;

function months(): { of: Map<string, number>; pattern: RegExp } {
  if (monthTable) return monthTable;
  const of = new Map<string, number>();
  for (const [form, month] of dataTsv('patterns/months.tsv').slice(1)) if (form && month) of.set(form.toLowerCase(), Number(month));
  const names = [...of.keys()].sort((a, b) => b.length - a.length).join('|');
  const month = `(${names})\\.?`;
  const pattern = new RegExp(
    [
      `(?<![\\p{L}])${month}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})(?!\\d)`, // July 31, 2007
      `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+${month}\\s*,?\\s+((?:19|20)\\d{2})(?!\\d)`, // 31 July 2007
      `(?<![\\p{L}])${month}\\s*,?\\s+((?:19|20)\\d{2})(?!\\d)`, // April 2006
      `(?<![\\d-])((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?![\\d-])`, // 2007-07-31
    ].join('|'),
    'giu',
  );
  monthTable = { of, pattern };
  return monthTable;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Every date form holds a four-digit year: a stretch without one has no date. */
const HAS_YEAR = /(?:19|20)\d\d/;

/** Every full or month-precision date in text[from, to), offsets into `text` (copies: callers may edit them). */
export const findDates = memoByRange<DateMention>(scanDates);

function scanDates(text: string, from: number, to: number): DateMention[] {
  const slice = text.slice(from, to);
  const out: DateMention[] = [];
  if (!HAS_YEAR.test(slice)) return out;
  const { of, pattern } = months();
  pattern.lastIndex = 0;
  for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
    const g = m.slice(1);
    let iso: string | undefined;
    if (g[0] !== undefined) {
      const [mo, d, y] = [of.get(g[0].toLowerCase()) ?? 0, Number(g[1]), Number(g[2])];
      if (validDay(y, mo, d)) iso = `${y}-${pad(mo)}-${pad(d)}`;
    } else if (g[3] !== undefined) {
      const [d, mo, y] = [Number(g[3]), of.get((g[4] ?? '').toLowerCase()) ?? 0, Number(g[5])];
      if (validDay(y, mo, d)) iso = `${y}-${pad(mo)}-${pad(d)}`;
    } else if (g[6] !== undefined) {
      const word = g[6].toLowerCase();
      // "may 2020" is a date, "may" alone is a verb: the month-year form needs a capital letter.
      const mo = of.get(word) ?? 0;
      if (mo && (word !== 'may' || g[6][0] === 'M')) iso = `${g[7]}-${pad(mo)}`;
    } else if (g[8] !== undefined) {
      const [y, mo, d] = [Number(g[8]), Number(g[9]), Number(g[10])];
      if (validDay(y, mo, d)) iso = `${y}-${pad(mo)}-${pad(d)}`;
    }
    if (iso) out.push({ start: from + m.index, end: from + m.index + m[0].length, iso });
  }
  return out;
}

export interface AgreementYears {
  year?: number;
  amendedYears: number[];
}

const AGREEMENT_YEAR = /\b((?:19|20)\d{2})\s+(?:[\p{L}-]+\s+){0,3}?(?:agreement|collaboration|license|licence|alliance|deal|partnership)\b/iu;
const ENTERED_YEAR = /\b(?:entered\s+into|signed|executed|established|formed)\s+(?:[^.;]{0,60}?\s)??in\s+((?:19|20)\d{2})\b/iu;
const AMENDED = /\b(?:as\s+)?amended(?:\s+and\s+restated)?\s+in\s+((?:19|20)\d{2}(?:(?:\s*,\s*|\s+and\s+)(?:19|20)\d{2})*)/giu;
const YEAR = /(?:19|20)\d{2}/g;

/** The year an agreement was made and the years it was amended, as the sentence states them. */
export function agreementYears(text: string): AgreementYears {
  const amendedYears: number[] = [];
  AMENDED.lastIndex = 0;
  for (let m = AMENDED.exec(text); m; m = AMENDED.exec(text)) for (const y of (m[1] ?? '').match(YEAR) ?? []) amendedYears.push(Number(y));
  const made = AGREEMENT_YEAR.exec(text) ?? ENTERED_YEAR.exec(text);
  const result: AgreementYears = { amendedYears: [...new Set(amendedYears)].sort((a, b) => a - b) };
  if (made?.[1]) result.year = Number(made[1]);
  return result;
}
