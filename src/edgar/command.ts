// The `kg fetch` options (shared by `kg ingest --fetch`) and the terminal side of a fetch: options
// from strings to FetchOptions (USAGE errors for bad values), one progress bar per phase, one line
// per filing, failures and retries one line each on stderr, and a summary line. The work is
// fetchFilings' (fetch.ts).
import type { Command } from 'commander';
import { KgError } from '../errors.ts';
import { startPhaseProgress, type PhaseProgress } from '../progress.ts';
import { DEFAULT_CONCURRENCY, DEFAULT_FORMS, DEFAULT_OUT_DIR, checkFetchOptions, fetchFilings, type FetchEvent, type FetchOptions, type FetchSummary } from './fetch.ts';
import { CLIENT_DEFAULTS } from './client.ts';
import { DEFAULT_RATE, SEC_MAX_RATE } from './limiter.ts';
import type { FilingRef } from './submissions.ts';

/** The options as commander hands them over. */
export interface FetchCommandOptions {
  ticker?: string[];
  cik?: string[];
  sic?: string[];
  forms?: string[];
  items?: string[];
  since?: string;
  until?: string;
  out: string;
  userAgent?: string;
  rate: string;
  concurrency: string;
  maxAttempts: string;
  dryRun?: boolean;
  edgarUrl?: string;
}

/** Repeatable, comma-separated list options: `--ticker A --ticker B` or `--ticker A,B`. */
const list = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
];

/** Adds the fetch options to `command` (kg fetch, kg ingest --fetch). */
export function addFetchOptions(command: Command): Command {
  return command
    .option('--ticker <tickers>', 'company ticker(s), resolved through EDGAR (repeatable, comma-separated)', list)
    .option('--cik <ciks>', 'company CIK(s) (repeatable, comma-separated)', list)
    .option('--sic <codes>', 'instead of companies: every company with one of these SIC codes that filed the forms between --since and --until', list)
    .option('--forms <forms>', `forms to fetch (default ${DEFAULT_FORMS.join(',')})`, list)
    .option('--items <items>', 'keep filings for which EDGAR lists one of these items, e.g. 1.01,2.01,8.01', list)
    .option('--since <date>', 'first filing date, YYYY-MM-DD')
    .option('--until <date>', 'last filing date, YYYY-MM-DD')
    .option('--out <dir>', 'where filings, manifest.jsonl and the metadata cache go', DEFAULT_OUT_DIR)
    .option('--user-agent <text>', 'who is asking, with a contact e-mail (required by the SEC; default SEC_USER_AGENT)')
    .option('--rate <n>', `requests per second over the whole run, at most ${SEC_MAX_RATE}`, String(DEFAULT_RATE))
    .option('--concurrency <n>', 'filings downloaded side by side', String(DEFAULT_CONCURRENCY))
    .option('--max-attempts <n>', 'attempts per request before the filing is reported failed', String(CLIENT_DEFAULTS.maxAttempts))
    .option('--dry-run', 'list what would be fetched (EDGAR metadata is still read) and fetch nothing')
    .option('--edgar-url <url>', 'one base URL for www.sec.gov and data.sec.gov, paths unchanged (a mirror, tests; default EDGAR_BASE_URL)');
}

function numberOption(name: string, value: string, integer: boolean): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) throw new KgError('USAGE', `${name} must be ${integer ? 'an integer' : 'a number'}, got "${value}"`);
  return n;
}

/**
 * FetchOptions from the parsed options, checked (KgError USAGE before any request); the User-Agent
 * and EDGAR base fall back to the environment.
 */
export function fetchOptionsFrom(options: FetchCommandOptions, env: NodeJS.ProcessEnv = process.env): FetchOptions {
  const result: FetchOptions = {
    userAgent: options.userAgent ?? env['SEC_USER_AGENT'] ?? '',
    tickers: options.ticker ?? [],
    ciks: options.cik ?? [],
    sic: options.sic ?? [],
    forms: options.forms ?? DEFAULT_FORMS,
    items: options.items ?? [],
    outDir: options.out,
    rate: numberOption('--rate', options.rate, false),
    concurrency: numberOption('--concurrency', options.concurrency, true),
    maxAttempts: numberOption('--max-attempts', options.maxAttempts, true),
    dryRun: options.dryRun === true,
  };
  if (options.since !== undefined) result.since = options.since;
  if (options.until !== undefined) result.until = options.until;
  const baseUrl = options.edgarUrl ?? env['EDGAR_BASE_URL'];
  if (baseUrl !== undefined && baseUrl !== '') result.baseUrl = baseUrl;
  checkFetchOptions(result);
  return result;
}

export interface Terminal {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Where bars go (stderr); a bar only when it is a TTY. */
  stream: NodeJS.WriteStream;
}

const describe = (f: Pick<FilingRef, 'accession' | 'form' | 'filingDate' | 'company' | 'items'>): string => `${f.accession} ${f.form} ${f.filingDate} ${f.company}${f.items.length > 0 ? ` (items ${f.items.join(', ')})` : ''}`;

/**
 * Runs the fetch with a terminal's output; Ctrl-C stops it cleanly (running downloads cancelled, the
 * manifest kept) with KgError FETCH_ABORTED.
 */
export async function runFetch(options: FetchOptions, terminal: Terminal): Promise<FetchSummary> {
  const { out, err, stream } = terminal;
  const controller = new AbortController();
  const onSigint = (): void => controller.abort(new Error('interrupted (SIGINT)'));
  process.once('SIGINT', onSigint);
  // No bar while companies and filings are listed; then one per phase (companies checked for their
  // industry with --sic, filings downloaded).
  const lines: PhaseProgress = { log: out, warn: err, tick: () => undefined, stop: () => undefined };
  let progress = lines;
  let current: 'listing' | 'companies' | 'fetch' = 'listing';
  let companiesLeft = 0;
  const phase = (name: 'companies' | 'fetch', unit: string, total: number): void => {
    progress.stop();
    progress = startPhaseProgress(name, unit, total, stream, out, err);
    current = name;
  };
  const companyDone = (): void => {
    progress.tick();
    if (--companiesLeft > 0) return;
    progress.stop();
    progress = lines;
    current = 'listing';
  };
  const onEvent = (event: FetchEvent): void => {
    switch (event.type) {
      case 'companies':
        companiesLeft = event.total;
        if (event.total > 0) phase('companies', 'checked', event.total);
        break;
      case 'company':
        if (event.matches) progress.log(`industry  CIK ${event.cik} ${event.company} (SIC ${event.sic})\n`);
        companyDone();
        break;
      case 'selected':
        if (options.dryRun !== true) phase('fetch', 'filings', event.filings.length);
        else {
          progress.stop();
          progress = lines;
          current = 'listing';
        }
        break;
      case 'fetched':
        progress.log(`fetched   ${describe(event.row)} ${Math.ceil(event.row.bytes / 1024)} kB\n`);
        progress.tick();
        break;
      case 'cached':
        progress.log(`cached    ${describe(event.row)}\n`);
        progress.tick();
        break;
      case 'planned':
        out(`${event.cached ? 'cached     ' : 'would fetch'} ${describe(event.filing)} ${event.cached ? event.path : event.url}\n`);
        break;
      case 'failed':
        progress.warn(`kg fetch: ${event.error.toLine()}\n`);
        // A company that could not be checked (companies) or a filing that could not be fetched.
        if (current === 'companies') companyDone();
        else if (current === 'fetch' && event.filing) progress.tick();
        break;
      case 'retry': {
        const n = event.notice;
        progress.warn(`kg fetch: ${n.url}: ${n.reason}, attempt ${n.attempt} of ${n.maxAttempts}; retrying in ${(n.waitMs / 1000).toFixed(1)} s\n`);
        break;
      }
    }
  };
  try {
    const summary = await fetchFilings({ ...options, signal: controller.signal, onEvent });
    progress.stop();
    const failed = summary.failures.length > 0 ? `, ${summary.failures.length} failed` : '';
    if (summary.dryRun)
      out(`filings: ${summary.selected.length} selected, ${summary.selected.length - summary.cached.length} to fetch, ${summary.cached.length} already in ${summary.outDir}${failed} (dry run, ${summary.requests} requests)\n`);
    else out(`filings: ${summary.selected.length} selected, ${summary.fetched.length} fetched, ${summary.cached.length} already in ${summary.outDir}${failed}; manifest ${summary.manifestPath} (${summary.requests} requests)\n`);
    return summary;
  } finally {
    progress.stop();
    process.removeListener('SIGINT', onSigint);
  }
}
