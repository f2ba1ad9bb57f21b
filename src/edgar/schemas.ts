// The JSON EDGAR serves, as zod schemas: what `kg fetch` reads is checked, never cast. Only the
// fields used are declared (zod drops the rest), so EDGAR adding a field changes nothing.
// Shapes: https://www.sec.gov/files/company_tickers.json and the submissions API
// (https://www.sec.gov/search-filings/edgar-application-programming-interfaces).
import { z } from 'zod';

/** An accession number as EDGAR writes it: filer id, year, sequence. */
export const ACCESSION = /^\d{10}-\d{2}-\d{6}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** company_tickers.json: `{"0": {"cik_str": 320193, "ticker": "AAPL", "title": "Apple Inc."}, ...}`. */
export const CompanyTickers = z.record(
  z.string(),
  z.object({
    cik_str: z.number().int().positive(),
    ticker: z.string().min(1),
    title: z.string(),
  }),
);
export type CompanyTickers = z.infer<typeof CompanyTickers>;

/**
 * Filings as parallel columns (element i of each is one filing): `filings.recent` of a submissions
 * JSON, and each of its older pages (`filings.files`) whole. `items` is EDGAR's item list of an
 * 8-K ("1.01,9.01"; empty for other forms and before 2004).
 */
export const FilingColumns = z
  .object({
    accessionNumber: z.array(z.string().regex(ACCESSION)),
    filingDate: z.array(z.string().regex(ISO_DATE)),
    form: z.array(z.string()),
    items: z.array(z.string()).optional(),
  })
  .superRefine((columns, ctx) => {
    const length = columns.accessionNumber.length;
    for (const name of ['filingDate', 'form', 'items'] as const) {
      const column = columns[name];
      if (column !== undefined && column.length !== length) {
        ctx.addIssue({ code: 'custom', path: [name], message: `has ${column.length} entries for ${length} accession numbers` });
      }
    }
  });
export type FilingColumns = z.infer<typeof FilingColumns>;

/** The name of an older filings page, e.g. `CIK0000320193-submissions-001.json` (it goes into a URL and a file name). */
const PAGE_NAME = /^CIK\d{10}-submissions-\d{3,}\.json$/;

/** data.sec.gov/submissions/CIK##########.json. */
export const Submissions = z.object({
  cik: z.union([z.string().regex(/^\d+$/), z.number().int()]).transform((v) => String(Number(v))),
  name: z.string(),
  // An empty string, or missing, for filers without an industry code (funds, individuals).
  sic: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  tickers: z.array(z.string()).optional(),
  filings: z.object({
    recent: FilingColumns,
    files: z
      .array(
        z.object({
          name: z.string().regex(PAGE_NAME),
          filingFrom: z.string().regex(ISO_DATE),
          filingTo: z.string().regex(ISO_DATE),
        }),
      )
      .default([]),
  }),
});
export type Submissions = z.infer<typeof Submissions>;
