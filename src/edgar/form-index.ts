// EDGAR's quarterly form index (Archives/edgar/full-index/{year}/QTR{n}/form.idx): every filing of
// the quarter, one fixed-width line each, sorted by form. `kg fetch --sic` reads it to find who filed
// the wanted forms in the date range, then each company's industry code from its submissions JSON.
import { KgError } from '../errors.ts';
import { cachedDocument, FOREVER, type EdgarContext } from './cache.ts';
import { ACCESSION } from './schemas.ts';

export interface FormIndexRow {
  form: string;
  company: string;
  cik: string;
  /** YYYY-MM-DD. */
  dateFiled: string;
  /** Path under Archives, e.g. `edgar/data/1955104/0001493152-24-000456.txt`. */
  fileName: string;
  accession: string | undefined;
}

export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** EDGAR's full index starts with 1993. */
const FIRST_INDEXED_YEAR = 1993;

const ROW_TAIL = /\s(\d{1,10})\s+(\d{4})-?(\d{2})-?(\d{2})\s+(\S+)\s*$/;

/**
 * The rows of a form.idx. Columns are found from the header line ("Form Type   Company Name   CIK
 * Date Filed  File Name"); the CIK, date and file name are read from the right, so a company name
 * with odd spacing cannot shift them, and a form type wider than its column is split at its first
 * run of spaces.
 */
export function parseFormIndex(text: string): FormIndexRow[] {
  const lines = text.split(/\r?\n/);
  const headerAt = lines.findIndex((l) => /^Form Type\s+Company Name\s+CIK\s+Date Filed\s+File Name/.test(l));
  if (headerAt < 0) throw new Error('no "Form Type  Company Name  CIK  Date Filed  File Name" header line');
  const companyColumn = (lines[headerAt] ?? '').indexOf('Company Name');
  const out: FormIndexRow[] = [];
  for (const line of lines.slice(headerAt + 1)) {
    if (line.trim() === '' || /^-+$/.test(line.trim())) continue;
    const tail = ROW_TAIL.exec(line);
    if (!tail) continue;
    const left = line.slice(0, tail.index);
    let form: string;
    let company: string;
    if (left.length > companyColumn && left[companyColumn - 1] === ' ' && left.slice(0, companyColumn).trim() !== '') {
      form = left.slice(0, companyColumn).trim();
      company = left.slice(companyColumn).trim();
    } else {
      const trimmed = left.trim();
      const gap = /\s{2,}/.exec(trimmed) ?? /\s/.exec(trimmed);
      form = gap ? trimmed.slice(0, gap.index) : trimmed;
      company = gap ? trimmed.slice(gap.index).trim() : '';
    }
    const fileName = tail[5] ?? '';
    const base = fileName.slice(fileName.lastIndexOf('/') + 1).replace(/\.txt$/, '');
    out.push({
      form,
      company,
      cik: String(Number(tail[1])),
      dateFiled: `${tail[2]}-${tail[3]}-${tail[4]}`,
      fileName,
      accession: ACCESSION.test(base) ? base : undefined,
    });
  }
  return out;
}

function quarterOf(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

/** The quarters from `since` to `until` (YYYY-MM-DD, inclusive), from 1993 on. */
export function quartersBetween(since: string, until: string): Quarter[] {
  const first = quarterOf(since < `${FIRST_INDEXED_YEAR}-01-01` ? `${FIRST_INDEXED_YEAR}-01-01` : since);
  const last = quarterOf(until);
  const out: Quarter[] = [];
  for (let { year, quarter } = first; year < last.year || (year === last.year && quarter <= last.quarter);) {
    out.push({ year, quarter });
    if (quarter === 4) {
      year++;
      quarter = 1;
    } else quarter = (quarter + 1) as Quarter['quarter'];
  }
  return out;
}

/** The day after the quarter's last day, YYYY-MM-DD. */
function quarterEnd(q: Quarter): string {
  return q.quarter === 4 ? `${q.year + 1}-01-01` : `${q.year}-${String(q.quarter * 3 + 1).padStart(2, '0')}-01`;
}

/** A quarter's form index: cached for good once the quarter is over, for a few minutes while it runs. */
export async function formIndex(ctx: EdgarContext, quarter: Quarter, today: string): Promise<FormIndexRow[]> {
  const path = `/Archives/edgar/full-index/${quarter.year}/QTR${quarter.quarter}/form.idx`;
  const closed = quarterEnd(quarter) <= today;
  try {
    return await cachedDocument(ctx, `full-index/${quarter.year}-QTR${quarter.quarter}-form.idx`, ctx.client.url('www', path), closed ? FOREVER : ctx.metadataMaxAgeMs, (bytes) => parseFormIndex(bytes.toString('latin1')));
  } catch (error) {
    // A quarter that has not started yet (an --until in the future) has no index.
    if (error instanceof KgError && error.code === 'EDGAR_NOT_FOUND' && !closed) return [];
    throw error;
  }
}
