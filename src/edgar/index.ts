// Fetching filings from EDGAR (`kg fetch`, `kg ingest --fetch`) within the SEC's fair-access rules:
// a declared User-Agent, at most 10 requests per second, caching, backoff on 429 and 5xx.
export { fetchFilings, DEFAULT_FORMS, DEFAULT_OUT_DIR, DEFAULT_CONCURRENCY, type FetchOptions, type FetchEvent, type FetchSummary, type FetchFailure } from './fetch.ts';
export { EdgarClient, SEC_HOSTS, hostsFor, checkUserAgent, retryAfterMs, type EdgarHosts, type RetryNotice, type ClientOptions } from './client.ts';
export { RequestPacer, SEC_MAX_RATE, DEFAULT_RATE } from './limiter.ts';
export { Manifest, ManifestRow, MANIFEST_NAME, filingPath } from './manifest.ts';
export { parseFormIndex, quartersBetween, type FormIndexRow, type Quarter } from './form-index.ts';
export { matchesFilter, type FilingRef, type FilingFilter } from './submissions.ts';
export { CompanyTickers, Submissions, FilingColumns } from './schemas.ts';
export { edgarInputs, edgarSource, withEdgarSource, type EdgarInputs } from './ingest.ts';
