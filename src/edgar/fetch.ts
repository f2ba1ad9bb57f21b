// `kg fetch` as a library call: companies (tickers, CIKs, or an industry's SIC codes over a date
// range) → their filings, filtered by form, item and date → each filing's full submission in the out
// dir, with manifest.jsonl. Every request goes through one client (≤ 10/s shared by all downloads,
// retries with backoff); a filing that still fails is reported and the others go on. Filings already
// in the out dir with the manifest's size and SHA-256 are not fetched again, so an interrupted run
// is finished by running it again.
import { join } from 'node:path';
import { KgError, isKgError } from '../errors.ts';
import { CLIENT_DEFAULTS, EdgarClient, checkUserAgent, hostsFor, type RetryNotice } from './client.ts';
import { DEFAULT_METADATA_MAX_AGE_MS, MetadataCache, type EdgarContext } from './cache.ts';
import { downloadFiling, filingUrl } from './download.ts';
import { formIndex, quartersBetween } from './form-index.ts';
import { DEFAULT_RATE, SEC_MAX_RATE } from './limiter.ts';
import { Manifest, filingPath, type ManifestRow } from './manifest.ts';
import { runPool } from './pool.ts';
import { companyFilings, companySubmissions, compareFilings, matchesFilter, type FilingFilter, type FilingRef } from './submissions.ts';
import { normalizeCik, resolveTickers } from './tickers.ts';

export const DEFAULT_FORMS: readonly string[] = ['8-K', '8-K/A'];
export const DEFAULT_OUT_DIR = 'data/edgar';
export const DEFAULT_CONCURRENCY = 4;

export interface FetchOptions {
  /** Who is asking, with a contact e-mail address (the SEC requires it). */
  userAgent: string;
  tickers?: readonly string[];
  ciks?: readonly string[];
  /** Industry codes: companies that filed the forms in the date range (form index) with one of these SICs. */
  sic?: readonly string[];
  /** Default 8-K and 8-K/A. */
  forms?: readonly string[];
  /** Keep filings for which EDGAR lists one of these items (8-K: 1.01, 2.01 …). */
  items?: readonly string[];
  /** Filing dates, YYYY-MM-DD, inclusive. */
  since?: string;
  until?: string;
  /** Default data/edgar. */
  outDir?: string;
  /** List what would be fetched (metadata is still read) without fetching any filing. */
  dryRun?: boolean;
  /** Requests per second over the whole run: default 8, at most 10. */
  rate?: number;
  /** Filings downloaded side by side (default 4). */
  concurrency?: number;
  /** Attempts per request, the first included (default 5). */
  maxAttempts?: number;
  /** One base URL for both EDGAR hosts (tests, a mirror). */
  baseUrl?: string;
  /** How long the ticker map and submissions JSON are reused from the out dir (default 5 minutes). */
  metadataMaxAgeMs?: number;
  backoffBaseMs?: number;
  maxBackoffMs?: number;
  maxRetryAfterMs?: number;
  /** A request is retried when no byte arrives for this long (default 60 s). */
  idleTimeoutMs?: number;
  /** Stops the run: running downloads are cancelled (no file left half written), KgError FETCH_ABORTED. */
  signal?: AbortSignal;
  onEvent?: (event: FetchEvent) => void;
}

export type FetchEvent =
  /** `--sic`: how many companies filed the forms in the range, to be checked for their industry. */
  | { type: 'companies'; total: number }
  | { type: 'company'; cik: string; company: string; sic: string; matches: boolean }
  /** The filings chosen, oldest first: the total of the download phase. */
  | { type: 'selected'; filings: readonly FilingRef[] }
  | { type: 'fetched'; row: ManifestRow }
  /** Already in the out dir, intact. */
  | { type: 'cached'; row: ManifestRow }
  /** `dryRun`: what would happen to this filing. */
  | { type: 'planned'; filing: FilingRef; cached: boolean; url: string; path: string }
  | { type: 'failed'; filing?: FilingRef; error: KgError }
  | { type: 'retry'; notice: RetryNotice };

export interface FetchFailure {
  /** The filing that could not be fetched; absent when a company could not be listed. */
  filing?: FilingRef;
  error: KgError;
}

export interface FetchSummary {
  outDir: string;
  manifestPath: string;
  /** Every filing chosen, oldest first. */
  selected: FilingRef[];
  /** Manifest rows of the filings in the out dir after the run (fetched now or before), in `selected` order. */
  available: ManifestRow[];
  fetched: ManifestRow[];
  cached: ManifestRow[];
  failures: FetchFailure[];
  dryRun: boolean;
  /** HTTP requests sent, retries included. */
  requests: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(name: string, value: string | undefined): void {
  if (value === undefined) return;
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new KgError('USAGE', `${name} must be a date written YYYY-MM-DD, got "${value}"`);
  }
}

/** Throws KgError USAGE for options fetchFilings would refuse (before any request). */
export function checkFetchOptions(options: FetchOptions): void {
  checkUserAgent(options.userAgent);
  hostsFor(options.baseUrl);
  for (const cik of options.ciks ?? []) normalizeCik(cik);
  const rate = options.rate ?? DEFAULT_RATE;
  if (!(rate > 0) || rate > SEC_MAX_RATE) throw new KgError('USAGE', `--rate must be a number of requests per second above 0 and at most ${SEC_MAX_RATE} (the SEC's limit), got ${rate}`);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new KgError('USAGE', `--concurrency must be a positive integer, got ${concurrency}`);
  const attempts = options.maxAttempts ?? CLIENT_DEFAULTS.maxAttempts;
  if (!Number.isInteger(attempts) || attempts < 1) throw new KgError('USAGE', `--max-attempts must be a positive integer, got ${attempts}`);
  checkDate('--since', options.since);
  checkDate('--until', options.until);
  if (options.since !== undefined && options.until !== undefined && options.since > options.until) throw new KgError('USAGE', `--since ${options.since} is after --until ${options.until}`);
  if ((options.forms ?? DEFAULT_FORMS).length === 0) throw new KgError('USAGE', '--forms needs at least one form');
  const bySic = (options.sic ?? []).length > 0;
  const byCompany = (options.tickers ?? []).length + (options.ciks ?? []).length > 0;
  if (!bySic && !byCompany) throw new KgError('USAGE', 'say which filings to fetch: --ticker, --cik, or --sic with --since');
  if (bySic && byCompany) throw new KgError('USAGE', '--sic selects companies by industry; give it without --ticker or --cik');
  if (bySic && options.since === undefined) throw new KgError('USAGE', '--sic needs --since (and optionally --until): it reads the form index of each quarter in the range');
  for (const code of options.sic ?? []) if (!/^\d{1,4}$/.test(code)) throw new KgError('USAGE', `an SIC code is a number of up to 4 digits, got "${code}"`);
}

const today = (): string => new Date().toISOString().slice(0, 10);

/**
 * `--sic`: the companies that filed one of the forms in the date range (quarterly form indexes),
 * kept when the SIC code of their submissions JSON is one of `sics`.
 */
async function companiesBySic(ctx: EdgarContext, sics: readonly string[], filter: FilingFilter, concurrency: number, emit: (e: FetchEvent) => void, failures: FetchFailure[]): Promise<string[]> {
  const until = filter.until ?? today();
  const candidates = new Map<string, string>();
  for (const quarter of quartersBetween(filter.since ?? until, until)) {
    for (const row of await formIndex(ctx, quarter, today())) {
      // The form index has no items: the item filter waits for the submissions JSON.
      if (!candidates.has(row.cik) && matchesFilter({ form: row.form, items: [], filingDate: row.dateFiled }, { ...filter, items: [] })) candidates.set(row.cik, row.company);
    }
  }
  emit({ type: 'companies', total: candidates.size });
  const wanted = new Set(sics.map(Number));
  const matched = new Set<string>();
  await runPool(
    [...candidates],
    concurrency,
    async ([cik, company]) => {
      try {
        const submissions = await companySubmissions(ctx, cik);
        const matches = submissions.sic !== '' && wanted.has(Number(submissions.sic));
        if (matches) matched.add(cik);
        emit({ type: 'company', cik, company: submissions.name, sic: submissions.sic, matches });
      } catch (error) {
        if (ctx.signal?.aborted) return;
        const failure = { error: asFetchError(error, `CIK ${cik} (${company})`) };
        failures.push(failure);
        emit({ type: 'failed', ...failure });
      }
    },
    ctx.signal,
  );
  return [...candidates.keys()].filter((cik) => matched.has(cik));
}

function asFetchError(error: unknown, subject: string): KgError {
  if (isKgError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new KgError('FETCH_FAILED', message, { subject, cause: error });
}

/** Selects, then downloads, the filings `options` describe. See FetchOptions. */
export async function fetchFilings(options: FetchOptions): Promise<FetchSummary> {
  checkFetchOptions(options);
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const signal = options.signal;
  const emit = (event: FetchEvent): void => options.onEvent?.(event);
  const client = new EdgarClient({
    userAgent: checkUserAgent(options.userAgent),
    rate: options.rate ?? DEFAULT_RATE,
    maxAttempts: options.maxAttempts ?? CLIENT_DEFAULTS.maxAttempts,
    hosts: hostsFor(options.baseUrl),
    backoffBaseMs: options.backoffBaseMs ?? CLIENT_DEFAULTS.backoffBaseMs,
    maxBackoffMs: options.maxBackoffMs ?? CLIENT_DEFAULTS.maxBackoffMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? CLIENT_DEFAULTS.maxRetryAfterMs,
    idleTimeoutMs: options.idleTimeoutMs ?? CLIENT_DEFAULTS.idleTimeoutMs,
    onRetry: (notice) => emit({ type: 'retry', notice }),
  });
  const ctx: EdgarContext = { client, cache: new MetadataCache(outDir), metadataMaxAgeMs: options.metadataMaxAgeMs ?? DEFAULT_METADATA_MAX_AGE_MS };
  if (signal !== undefined) ctx.signal = signal;
  const filter: FilingFilter = { forms: options.forms ?? DEFAULT_FORMS };
  if (options.items !== undefined && options.items.length > 0) filter.items = options.items;
  if (options.since !== undefined) filter.since = options.since;
  if (options.until !== undefined) filter.until = options.until;
  const failures: FetchFailure[] = [];
  const aborted = (progress?: { done: number; total: number }): KgError =>
    new KgError('FETCH_ABORTED', `interrupted ${progress ? `with ${progress.done} of ${progress.total} filings in the out dir` : 'while listing filings'}; run the same command again to fetch the rest`, {
      subject: outDir,
      cause: signal?.reason,
    });

  try {
    // Companies.
    const ciks = new Set<string>((options.ciks ?? []).map(normalizeCik));
    for (const match of await resolveTickers(ctx, options.tickers ?? [])) ciks.add(match.cik);
    if ((options.sic ?? []).length > 0) for (const cik of await companiesBySic(ctx, options.sic ?? [], filter, concurrency, emit, failures)) ciks.add(cik);

    // Their filings (a filing of several registrants is listed by each: fetched once).
    const byAccession = new Map<string, FilingRef>();
    await runPool(
      [...ciks],
      concurrency,
      async (cik) => {
        try {
          for (const filing of (await companyFilings(ctx, cik, filter)).filings) if (!byAccession.has(filing.accession)) byAccession.set(filing.accession, filing);
        } catch (error) {
          if (signal?.aborted) return;
          const failure = { error: asFetchError(error, `CIK ${cik}`) };
          failures.push(failure);
          emit({ type: 'failed', ...failure });
        }
      },
      signal,
    );
    signal?.throwIfAborted();
    const selected = [...byAccession.values()].sort(compareFilings);
    emit({ type: 'selected', filings: selected });

    const manifest = await Manifest.open(outDir);
    const summary: FetchSummary = { outDir, manifestPath: manifest.path, selected, available: [], fetched: [], cached: [], failures, dryRun: options.dryRun === true, requests: 0 };
    if (options.dryRun === true) {
      for (const filing of selected) {
        const cached = await manifest.isIntact(filing.accession);
        const row = manifest.get(filing.accession);
        if (cached && row) summary.cached.push(row);
        emit({ type: 'planned', filing, cached, url: filingUrl(client, filing.cik, filing.accession), path: join(outDir, filingPath(filing.cik, filing.accession)) });
      }
      summary.requests = client.requestCount;
      return summary;
    }

    const rows = new Map<string, ManifestRow>();
    try {
      await runPool(
        selected,
        concurrency,
        async (filing) => {
          const known = manifest.get(filing.accession);
          if (known && (await manifest.isIntact(filing.accession))) {
            rows.set(filing.accession, known);
            summary.cached.push(known);
            emit({ type: 'cached', row: known });
            return;
          }
          try {
            const row = await downloadFiling(client, filing, outDir, signal);
            await manifest.add(row);
            rows.set(filing.accession, row);
            summary.fetched.push(row);
            emit({ type: 'fetched', row });
          } catch (error) {
            if (signal?.aborted) return;
            const failure = { filing, error: asFetchError(error, filing.accession) };
            failures.push(failure);
            emit({ type: 'failed', ...failure });
          }
        },
        signal,
      );
    } finally {
      await manifest.compact();
    }
    // Listed in the manifest: fetched now or in an earlier run (the ones not reached yet included).
    if (signal?.aborted) throw aborted({ done: selected.filter((f) => manifest.get(f.accession) !== undefined).length, total: selected.length });
    summary.available = selected.flatMap((f) => rows.get(f.accession) ?? []);
    summary.requests = client.requestCount;
    return summary;
  } catch (error) {
    if (signal?.aborted && !(isKgError(error) && error.code === 'FETCH_ABORTED')) throw aborted();
    throw error;
  }
}
