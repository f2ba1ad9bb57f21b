// A company's filings from the submissions API: `filings.recent` (the latest thousand or so) and, as
// far back as the date range needs, the older pages listed in `filings.files`, each a JSON of the
// same columns. Filtered by form, 8-K item and filing date.
import { cachedDocument, jsonParser, type EdgarContext } from './cache.ts';
import { FilingColumns, Submissions } from './schemas.ts';
import { paddedCik } from './tickers.ts';

/** One filing EDGAR lists for a company. */
export interface FilingRef {
  cik: string;
  company: string;
  form: string;
  /** EDGAR's item codes for the filing (8-K: "1.01", "9.01" …), empty when it lists none. */
  items: string[];
  filingDate: string;
  accession: string;
}

export interface FilingFilter {
  /** Forms to keep, exactly as EDGAR writes them (8-K and 8-K/A are two forms). */
  forms: readonly string[];
  /** When given, a filing is kept when EDGAR lists at least one of these items for it. */
  items?: readonly string[];
  /** Inclusive filing-date bounds, YYYY-MM-DD. */
  since?: string;
  until?: string;
}

export function matchesFilter(filing: Pick<FilingRef, 'form' | 'items' | 'filingDate'>, filter: FilingFilter): boolean {
  if (!filter.forms.some((f) => f.toUpperCase() === filing.form.toUpperCase())) return false;
  if (filter.since !== undefined && filing.filingDate < filter.since) return false;
  if (filter.until !== undefined && filing.filingDate > filter.until) return false;
  if (filter.items !== undefined && filter.items.length > 0 && !filing.items.some((i) => filter.items?.includes(i))) return false;
  return true;
}

/** The submissions JSON of a company (cached for a few minutes). */
export async function companySubmissions(ctx: EdgarContext, cik: string): Promise<Submissions> {
  const name = `CIK${paddedCik(cik)}.json`;
  return cachedDocument(ctx, `submissions/${name}`, ctx.client.url('data', `/submissions/${name}`), ctx.metadataMaxAgeMs, jsonParser(Submissions));
}

/** Oldest first; accession numbers break ties (the order documents are ingested in). */
export function compareFilings(a: FilingRef, b: FilingRef): number {
  if (a.filingDate !== b.filingDate) return a.filingDate < b.filingDate ? -1 : 1;
  return a.accession < b.accession ? -1 : a.accession > b.accession ? 1 : 0;
}

function rows(columns: FilingColumns, cik: string, company: string): FilingRef[] {
  return columns.accessionNumber.map((accession, i) => ({
    cik,
    company,
    form: columns.form[i] ?? '',
    items: (columns.items?.[i] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    filingDate: columns.filingDate[i] ?? '',
    accession,
  }));
}

/**
 * The company's filings that pass `filter`, oldest first. Older pages are read only when their date
 * span overlaps the filter's, so a recent date range costs one request.
 */
export async function companyFilings(ctx: EdgarContext, cik: string, filter: FilingFilter): Promise<{ company: string; sic: string; filings: FilingRef[] }> {
  const submissions = await companySubmissions(ctx, cik);
  const company = submissions.name;
  const all = rows(submissions.filings.recent, cik, company);
  for (const page of submissions.filings.files) {
    if (filter.since !== undefined && page.filingTo < filter.since) continue;
    if (filter.until !== undefined && page.filingFrom > filter.until) continue;
    const columns = await cachedDocument(ctx, `submissions/${page.name}`, ctx.client.url('data', `/submissions/${page.name}`), ctx.metadataMaxAgeMs, jsonParser(FilingColumns));
    all.push(...rows(columns, cik, company));
  }
  // A filing on the boundary of two pages may be listed twice.
  const byAccession = new Map<string, FilingRef>();
  for (const filing of all) if (matchesFilter(filing, filter) && !byAccession.has(filing.accession)) byAccession.set(filing.accession, filing);
  return { company, sic: submissions.sic, filings: [...byAccession.values()].sort(compareFilings) };
}
