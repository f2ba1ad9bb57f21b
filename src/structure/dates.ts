// Dates as press releases and filings write them ("July 31, 2007", "Feb. 13, 2025", "13 February
// 2025", "13.02.2025", EDGAR's "20250415") turned into ISO 8601 dates.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** A month name or its abbreviation ("Sept.", "JULY"); used inside larger patterns. */
export const MONTH_SOURCE =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** A written date: month-first, day-first or numeric day.month.year. Case-insensitive use. */
export const DATE_SOURCE =
  `(?:${MONTH_SOURCE}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_SOURCE}\\.?,?\\s+\\d{4}|\\d{1,2}\\.\\d{1,2}\\.\\d{4})`;

const pad = (n: number): string => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

/** ISO date for a written date, or undefined when the text is not one of the known forms. */
export function toIsoDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]));
  // Numeric dates with dots are European day.month.year (EQS, German and Swiss wires).
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return undefined;
}

const FIRST_DATE = new RegExp(DATE_SOURCE, 'i');

/** The first written date in a text, as ISO, with where it was found. */
export function findDate(text: string): { iso: string; index: number; length: number } | undefined {
  const m = FIRST_DATE.exec(text);
  if (!m) return undefined;
  const value = toIsoDate(m[0]);
  return value === undefined ? undefined : { iso: value, index: m.index, length: m[0].length };
}
