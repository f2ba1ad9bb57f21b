// Datelines of wire releases: "CAMBRIDGE, Mass., July 31, 2007 /PRNewswire/ --",
// "KENILWORTH, N.J.--(BUSINESS WIRE)--", "STAMFORD, Conn., Feb. 11, 2025 (GLOBE NEWSWIRE) —",
// "BASEL, CH / ACCESS Newswire / February 11, 2025 /", "MUNICH, GERMANY, AND BASILDON, UK, 13 February 2025".
// Read token by token with sticky patterns (place, then any of date / wire / separator), which keeps
// the scan linear and lets each part be optional.
import { z } from 'zod';
import type { Dateline } from '../model/document.ts';
import type { DataFiles } from '../knowledge/files.ts';
import { escapeRegex } from '../text/regex.ts';
import { toIsoDate, type DatePatterns } from '../text/dates.ts';

/** Places of a dateline: up to four comma-separated places of up to five words, joined by "and" or "&". */
function placesSource(monthSource: string): string {
  // A place word: capitalised word or abbreviation ("N.J.", "Calif.", "SAN"), never a month before a day.
  const placeWord = `(?!${monthSource}\\.?\\s+\\d)(?:[\\p{Lu}][\\p{L}'’.]*(?:-[\\p{L}][\\p{L}'’.]*)*)`;
  const place = `${placeWord}(?:[ \\t]+${placeWord}){0,4}`;
  return `${place}(?:\\s*,\\s*${place}){0,3}(?:\\s*,?\\s+(?:&|and|AND)\\s+${place}(?:\\s*,\\s*${place}){0,3}){0,3}`;
}

/** An upper-case time-zone abbreviation (ET, CEST). */
const TimeZone = z.string().regex(/^[A-Z]{2,5}$/, 'an upper-case time-zone abbreviation');

/** The sticky token patterns of a dateline and the time stamps around it, compiled by the knowledge loader. */
export interface DatelinePatterns {
  readonly places: RegExp;
  readonly date: RegExp;
  readonly wire: RegExp;
  readonly dash: RegExp;
  readonly sep: RegExp;
  /** A publication time stamp such as "May 21, 2019 5:45 am ET" or "July 31, 2003 at 12:00 AM EDT". */
  readonly timestamp: RegExp;
  /** Time-zone abbreviations (data/structure/time-zones.txt): never the city of an inline dateline. */
  readonly timeZones: ReadonlySet<string>;
  /** The date reader the dateline's date goes through. */
  readonly dates: DatePatterns;
}

/** Compiles the dateline patterns from data/structure/newswires.txt, data/structure/time-zones.txt and the month names. */
export function compileDatelinePatterns(files: DataFiles, dates: DatePatterns): DatelinePatterns {
  const { dateSource } = dates;
  const wires = files
    .lines('structure/newswires.txt')
    .map(escapeRegex)
    .sort((a, b) => b.length - a.length);
  const timeZones = files.lines('structure/time-zones.txt', TimeZone);
  return Object.freeze({
    places: new RegExp(placesSource(dates.monthSource), 'uy'),
    date: new RegExp(`\\s*\\(?\\s*(${dateSource})\\s*\\)?`, 'iy'),
    wire: new RegExp(`\\s*(?:[/(]\\s*((?:${wires.join('|')})(?:-[A-Za-z]+)?)\\s*[/)])`, 'iy'),
    dash: new RegExp('\\s*(-{2,}|[–—]{1,2}|-(?=\\s))', 'y'),
    sep: new RegExp('\\s*[,/]', 'y'),
    timestamp: new RegExp(`(${dateSource})(?:\\s+at)?\\s+\\d{1,2}:\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s+(?:${timeZones.join('|')})(?:/[A-Z]{3,4})?)?`, 'i'),
    timeZones: new Set(timeZones),
    dates,
  });
}

export interface DatelineMatch {
  /** Where the dateline starts and ends (the end includes the closing dash or wire mark). */
  start: number;
  end: number;
  dateline: Dateline;
}

/**
 * Reads a dateline starting exactly at `pos`. `inline` is for datelines found inside a run-on block,
 * which must have an upper-case city and a wire mark or a strong dash to count.
 */
export function datelineAt(p: DatelinePatterns, text: string, pos: number, limit: number, inline: boolean): DatelineMatch | undefined {
  p.places.lastIndex = pos;
  const place = p.places.exec(text);
  if (!place || place.index !== pos) return undefined;
  // Trailing white space and one comma go (trimEnd, not a regex ending in \s*$, which is quadratic on long gaps).
  let city = place[0].trimEnd();
  if (city.endsWith(',')) city = city.slice(0, -1).trimEnd();
  const firstWord = /^\S+/.exec(city)?.[0] ?? '';
  const upperCity = firstWord.length >= 2 && firstWord === firstWord.toUpperCase() && /\p{Lu}{2}/u.test(firstWord);
  if (inline && !upperCity) return undefined;
  // A title-case place needs its region ("Fremont, Calif."): a lone capitalised word is a sentence opener.
  if (!upperCity && !city.includes(',')) return undefined;
  let cursor = pos + place[0].length;
  let date: string | undefined;
  let wire: string | undefined;
  let strongDash = false;
  let anyDash = false;
  for (let step = 0; step < 8 && cursor < limit; step++) {
    let matched = false;
    for (const kind of ['date', 'wire', 'dash', 'sep'] as const) {
      const re = p[kind];
      re.lastIndex = cursor;
      const m = re.exec(text);
      if (!m || m.index !== cursor || cursor + m[0].length > limit) continue;
      if (kind === 'date') {
        if (date !== undefined) continue;
        date = toIsoDate(p.dates, (m[1] ?? '').replace(/,/g, ', ').replace(/\s+/g, ' ').replace(/ ,/g, ','));
      } else if (kind === 'wire') wire = (m[1] ?? '').trim();
      else if (kind === 'dash') {
        anyDash = true;
        if (m[1] !== '-') strongDash = true;
      }
      cursor += m[0].length;
      matched = true;
      break;
    }
    if (!matched) break;
  }
  // Without a date or a wire name, only "CITY, State––" counts: a bare upper-case phrase before a dash is a heading.
  const valid = wire !== undefined || (!inline && date !== undefined) || (strongDash && upperCity && city.includes(','));
  if (!valid) return undefined;
  // What follows the dateline is the body: it must start a word (or the block must end there).
  const rest = text.slice(cursor, Math.min(limit, cursor + 3));
  if (rest.trim() !== '' && !/^\s*[\p{L}\p{N}“"‘(]/u.test(rest)) return undefined;
  if (!anyDash && wire === undefined && rest.trim() !== '' && !/^\s+\p{Lu}/u.test(rest)) return undefined;
  const dateline: Dateline = { city };
  if (date !== undefined) dateline.date = date;
  if (wire !== undefined) dateline.wire = wire;
  return { start: pos, end: cursor, dateline };
}

/** Finds a dateline inside a run-on block (headline, time stamp and body on one line), searching its first 3,000 characters. */
export function findInlineDateline(p: DatelinePatterns, text: string, start: number, end: number): DatelineMatch | undefined {
  const limit = Math.min(end, start + 3000);
  const candidates = /(?<=[\s*])\p{Lu}{2,}/gu;
  candidates.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = candidates.exec(text)) !== null && m.index < limit) {
    if (p.timeZones.has(m[0])) continue;
    const found = datelineAt(p, text, m.index, end, true);
    if (found) return found;
  }
  return undefined;
}
