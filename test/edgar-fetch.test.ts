// `kg fetch` against a stand-in EDGAR on 127.0.0.1 (test/support/edgar-server.ts; never the real
// SEC): ticker → CIK → filings filtered by form, item and date → files and manifest; at most the
// rate in any one-second window at the server, with 8 downloads side by side; the declared
// User-Agent; 429 / 503 / dropped, cut, slow and stalled responses retried, a filing that keeps
// failing reported without stopping the others; a fetch stopped half way (AbortSignal, and a child
// `kg fetch` killed with SIGKILL) finished by a re-run that downloads only what is missing; the
// industry selection through the form index; the CLI's usage errors; the EDGAR source on the
// Document and Filing nodes of what is ingested.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fetchFilings, type FetchEvent, type FetchOptions } from '../src/edgar/fetch.ts';
import { Manifest, ManifestRow } from '../src/edgar/manifest.ts';
import { checkUserAgent, retryAfterMs } from '../src/edgar/client.ts';
import { RequestPacer } from '../src/edgar/limiter.ts';
import { parseFormIndex, quartersBetween } from '../src/edgar/form-index.ts';
import { edgarInputs, withEdgarSource } from '../src/edgar/ingest.ts';
import { extractGraphs } from '../src/pipeline.ts';
import { Graph, SCHEMA_VERSION } from '../src/model/graph.ts';
import { writeStatements, type Params } from '../src/writers/write-plan.ts';
import { isKgError, type KgError } from '../src/errors.ts';
import { main } from '../src/cli.ts';
import { archivePath, formIndexText, pageName, sampleSubmission, SAMPLE_ACCESSIONS, startEdgarServer, type EdgarFixture, type EdgarServer, type FixtureCompany, type FixtureFiling } from './support/edgar-server.ts';

const ROOT = join(import.meta.dirname, '..');
const USER_AGENT = 'pharma-deal-graph tests tests@example.com';

const filing = (accession: string, form: string, items: string[], filingDate: string, body?: Buffer): FixtureFiling => (body === undefined ? { accession, form, items, filingDate } : { accession, form, items, filingDate, body });

/** A pharma company (the ABVC sample), filings in every page; older page 2 is out of every test's range. */
const ABVC: FixtureCompany = {
  cik: '1173313',
  ticker: 'ABVC',
  name: 'ABVC BioPharma, Inc.',
  sic: '2834',
  recent: [
    filing('0001213900-26-000001', '8-K', ['8.01'], '2026-01-05'), // after --until
    filing('0001213900-25-040000', '10-Q', [], '2025-05-12'), // not an 8-K
    filing(SAMPLE_ACCESSIONS.abvc, '8-K', ['2.02', '4.02', '7.01', '9.01'], '2025-04-15'),
    filing('0001213900-24-100001', '8-K', ['1.01', '9.01'], '2024-11-04'),
    filing('0001213900-24-090000', '8-K/A', ['1.01'], '2024-10-01'),
    filing('0001213900-24-050000', '8-K', ['5.07'], '2024-06-20'), // no wanted item
    filing('0001213900-24-010000', '8-K', ['1.01'], '2024-02-01'),
    filing('0001213900-24-011000', '10-K', [], '2024-03-01'),
  ],
  pages: [
    [filing('0001213900-20-000100', '8-K', ['8.01'], '2020-03-02'), filing('0001213900-19-000050', '8-K', ['2.01'], '2019-01-02')],
    [filing('0001213900-08-000010', '8-K', ['1.01'], '2008-05-05'), filing('0001213900-05-000010', '8-K', ['8.01'], '2005-05-05')],
  ],
};

/** What `--ticker ABVC --items 1.01,2.02,8.01 --since 2019-06-01 --until 2025-12-31` selects, oldest first. */
const ABVC_SELECTED = ['0001213900-20-000100', '0001213900-24-010000', '0001213900-24-090000', '0001213900-24-100001', SAMPLE_ACCESSIONS.abvc];

/** A company with twenty 8-Ks in January 2024 (rate and resume tests). */
const MANY: FixtureCompany = {
  cik: '9999991',
  ticker: 'MANY',
  name: 'Many Filings Therapeutics',
  sic: '2836',
  recent: Array.from({ length: 20 }, (_, i) => filing(`0009999991-24-${String(i + 1).padStart(6, '0')}`, '8-K', ['8.01'], `2024-01-${String(i + 1).padStart(2, '0')}`)).reverse(),
};

/** A 1998 filer (the AAMES sample): another industry. */
const AAMES: FixtureCompany = {
  cik: '913951',
  name: 'AAMES CAPITAL CORP',
  sic: '6189',
  recent: [filing('0000913951-24-000001', '8-K', ['8.01'], '2024-02-02', sampleSubmission('aames', '0000913951-24-000001'))],
};

/** Each filing has a fault on its first request(s); `...-000006` never gets through. */
const FLAKY: FixtureCompany = {
  cik: '9999992',
  ticker: 'FLKY',
  name: 'Flaky Responses Bio',
  sic: '2834',
  recent: Array.from({ length: 7 }, (_, i) => filing(`0009999992-24-${String(i + 1).padStart(6, '0')}`, '8-K', ['1.01'], `2024-03-${String(i + 1).padStart(2, '0')}`)),
};
const flaky = (n: number): string => `0009999992-24-${String(n).padStart(6, '0')}`;
const FLAKY_FAULTS: EdgarFixture['faults'] = {
  '/files/company_tickers.json': { sequence: [{ kind: 'cut' }] },
  [`/submissions/CIK0009999992.json`]: { sequence: [{ kind: 'drop' }] },
  [archivePath(FLAKY.cik, flaky(1))]: { sequence: [{ kind: 'status', status: 429, retryAfter: '1' }] },
  [archivePath(FLAKY.cik, flaky(2))]: { sequence: [{ kind: 'status', status: 503 }] },
  [archivePath(FLAKY.cik, flaky(3))]: { sequence: [{ kind: 'drop' }] },
  [archivePath(FLAKY.cik, flaky(4))]: { sequence: [{ kind: 'cut' }] },
  [archivePath(FLAKY.cik, flaky(5))]: { sequence: [{ kind: 'slow', ms: 700 }] },
  [archivePath(FLAKY.cik, flaky(6))]: { sequence: [{ kind: 'status', status: 503 }], always: true },
  [archivePath(FLAKY.cik, flaky(7))]: { sequence: [{ kind: 'stall' }] },
};

let server: EdgarServer | undefined;
let outDir: string;

beforeEach(() => {
  outDir = mkdtempSync(join(tmpdir(), 'kg-edgar-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(outDir, { recursive: true, force: true });
});

async function serve(fixture: EdgarFixture): Promise<EdgarServer> {
  server = await startEdgarServer(fixture);
  return server;
}

/** Options for a fast run against the stand-in (short backoff, short stall timeout). */
function options(edgar: EdgarServer, more: Partial<FetchOptions> = {}): FetchOptions {
  return { userAgent: USER_AGENT, baseUrl: edgar.url, outDir, backoffBaseMs: 20, idleTimeoutMs: 1500, ...more };
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .sort();
}

/** The most request arrivals in any half-open one-second window. */
function maxPerSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while ((sorted[i] ?? 0) - (sorted[j] ?? 0) >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

function manifestRows(): ManifestRow[] {
  return readFileSync(join(outDir, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => ManifestRow.parse(JSON.parse(l)));
}

describe('fetchFilings', () => {
  it('goes from a ticker to the filings of the wanted forms, items and dates, with a manifest', async () => {
    const edgar = await serve({ companies: [ABVC, MANY, AAMES] });
    const summary = await fetchFilings(options(edgar, { tickers: ['abvc'], items: ['1.01', '2.02', '8.01'], since: '2019-06-01', until: '2025-12-31' }));

    expect(summary.selected.map((f) => f.accession)).toEqual(ABVC_SELECTED);
    expect(summary.fetched.map((r) => r.accession).sort()).toEqual([...ABVC_SELECTED].sort());
    expect(summary.failures).toEqual([]);
    expect(summary.available.map((r) => r.accession)).toEqual(ABVC_SELECTED);

    // The files, byte for byte what EDGAR serves (sent gzipped), where the manifest says.
    const rows = manifestRows();
    expect(rows.map((r) => r.accession)).toEqual(ABVC_SELECTED);
    for (const row of rows) {
      const expected = sampleSubmission('abvc', row.accession);
      const bytes = readFileSync(join(outDir, row.path));
      expect(bytes.equals(expected)).toBe(true);
      expect(row).toMatchObject({ cik: '1173313', company: 'ABVC BioPharma, Inc.', path: `1173313/${row.accession}.txt`, bytes: expected.length, sha256: sha256(expected), url: `${edgar.url}${archivePath('1173313', row.accession)}` });
    }
    expect(rows.find((r) => r.accession === '0001213900-24-090000')).toMatchObject({ form: '8-K/A', items: ['1.01'], filingDate: '2024-10-01' });
    expect(rows.find((r) => r.accession === SAMPLE_ACCESSIONS.abvc)).toMatchObject({ form: '8-K', items: ['2.02', '4.02', '7.01', '9.01'], filingDate: '2025-04-15' });

    // The older page in range was read, the one before --since was not; nothing else was fetched.
    expect(edgar.count(`/submissions/${pageName('1173313', 1)}`)).toBe(1);
    expect(edgar.count(`/submissions/${pageName('1173313', 2)}`)).toBe(0);
    expect(edgar.count('/Archives/')).toBe(ABVC_SELECTED.length);
    expect(edgar.requests).toHaveLength(3 + ABVC_SELECTED.length);
    expect(summary.requests).toBe(edgar.requests.length);

    // Every request declared who is asking and accepted compressed responses.
    for (const request of edgar.requests) {
      expect(request.userAgent).toBe(USER_AGENT);
      expect(request.acceptEncoding).toMatch(/gzip/);
      expect(request.acceptEncoding).toMatch(/deflate/);
    }
    // Metadata and filings are in the out dir; the cache and temporaries are hidden from kg ingest.
    expect(filesUnder(outDir).filter((p) => !p.startsWith('.cache/'))).toEqual([...ABVC_SELECTED.map((a) => `1173313/${a}.txt`), 'manifest.jsonl'].sort());
  });

  it('never sends more than the rate in any second, with 8 downloads side by side', async () => {
    const edgar = await serve({ companies: [MANY] });
    const summary = await fetchFilings(options(edgar, { tickers: ['MANY'], concurrency: 8 }));
    expect(summary.fetched).toHaveLength(20);
    expect(edgar.requests).toHaveLength(22);
    expect(maxPerSecond(edgar.requests.map((r) => r.at))).toBeLessThanOrEqual(8);
    // The pacer, not a lack of concurrency, is what holds it back: 22 requests take over 2.5 s.
    const times = edgar.requests.map((r) => r.at);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(2500);
  }, 30_000);

  it('retries 429 (after Retry-After), 503, dropped, cut, slow and stalled responses; a filing that keeps failing is reported, the others are fetched', async () => {
    const edgar = await serve({ companies: [FLAKY], faults: FLAKY_FAULTS });
    const events: FetchEvent[] = [];
    const summary = await fetchFilings(options(edgar, { tickers: ['FLKY'], maxAttempts: 3, concurrency: 8, onEvent: (e) => events.push(e) }));

    const good = [1, 2, 3, 4, 5, 7].map(flaky);
    expect(summary.fetched.map((r) => r.accession).sort()).toEqual(good);
    for (const accession of good) expect(readFileSync(join(outDir, FLAKY.cik, `${accession}.txt`)).equals(sampleSubmission('abvc', accession))).toBe(true);

    // The one that never got through: one failure naming it, after exactly maxAttempts requests.
    expect(summary.failures).toHaveLength(1);
    const failure = summary.failures[0];
    expect(failure?.filing?.accession).toBe(flaky(6));
    expect(failure?.error.code).toBe('FETCH_FAILED');
    expect(failure?.error.toLine()).toBe(`${edgar.url}${archivePath(FLAKY.cik, flaky(6))}: HTTP 503 after 3 attempts [FETCH_FAILED]`);
    expect(edgar.count(archivePath(FLAKY.cik, flaky(6)))).toBe(3);
    expect(events.filter((e) => e.type === 'failed')).toHaveLength(1);

    // The 429 was retried once, no sooner than its Retry-After said.
    const tooMany = edgar.requests.filter((r) => r.path === archivePath(FLAKY.cik, flaky(1)));
    expect(tooMany).toHaveLength(2);
    const toldAt = tooMany[0]?.at ?? 0;
    expect((tooMany[1]?.at ?? 0) - toldAt).toBeGreaterThanOrEqual(990);
    // ... and so did every other request: the SEC counts requests per client.
    expect(edgar.requests.filter((r) => r.at > toldAt + 50 && r.at < toldAt + 950)).toEqual([]);
    const retries = events.flatMap((e) => (e.type === 'retry' ? [e.notice] : []));
    expect(retries.find((n) => n.url.endsWith(`${flaky(1)}.txt`))).toMatchObject({ reason: 'HTTP 429', attempt: 1, maxAttempts: 3, waitMs: 1000 });
    expect(retries.filter((n) => n.url.endsWith(`${flaky(2)}.txt`)).map((n) => n.reason)).toEqual(['HTTP 503']);
    // Metadata is retried too (a body cut off, a connection dropped); so is every faulty filing once.
    for (const path of ['/files/company_tickers.json', '/submissions/CIK0009999992.json', ...[2, 3, 4, 7].map((n) => archivePath(FLAKY.cik, flaky(n)))]) expect(edgar.count(path)).toBe(2);
    expect(edgar.count(archivePath(FLAKY.cik, flaky(5)))).toBe(1); // slow is not failed

    // Nothing half written, nothing for the failed filing.
    expect(filesUnder(outDir).filter((p) => p.endsWith('.tmp'))).toEqual([]);
    expect(
      manifestRows()
        .map((r) => r.accession)
        .sort(),
    ).toEqual(good);
  }, 30_000);

  it('stopped half way, leaves whole files only, and a re-run fetches just what is missing', async () => {
    const edgar = await serve({ companies: [MANY] });
    const controller = new AbortController();
    let fetched = 0;
    const stopped = await fetchFilings(
      options(edgar, {
        tickers: ['MANY'],
        rate: 10,
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'fetched' && ++fetched === 5) controller.abort();
        },
      }),
    ).catch((error: unknown) => error);
    expect(isKgError(stopped) && stopped.code).toBe('FETCH_ABORTED');
    expect((stopped as KgError).toLine()).toMatch(/interrupted with \d+ of 20 filings in the out dir; run the same command again/);

    const kept = manifestRows();
    expect(kept.length).toBeGreaterThanOrEqual(5);
    expect(kept.length).toBeLessThan(20);
    expect(filesUnder(outDir).filter((p) => p.endsWith('.tmp'))).toEqual([]);
    expect(filesUnder(outDir).filter((p) => p.endsWith('.txt'))).toEqual(kept.map((r) => r.path).sort());
    const manifest = await Manifest.open(outDir);
    for (const row of kept) expect(await manifest.isIntact(row.accession)).toBe(true);

    const before = edgar.count('/Archives/');
    const resumed = await fetchFilings(options(edgar, { tickers: ['MANY'], rate: 10 }));
    expect(edgar.count('/Archives/') - before).toBe(20 - kept.length);
    expect(resumed.cached).toHaveLength(kept.length);
    expect(resumed.fetched).toHaveLength(20 - kept.length);
    expect(manifestRows()).toHaveLength(20);

    // A third run within the metadata's few minutes asks EDGAR nothing at all.
    const total = edgar.requests.length;
    const again = await fetchFilings(options(edgar, { tickers: ['MANY'], rate: 10 }));
    expect(again.cached).toHaveLength(20);
    expect(edgar.requests.length).toBe(total);

    // A damaged file (size kept, bytes changed) is fetched again.
    const victim = join(outDir, kept[0]?.path ?? '');
    const bytes = readFileSync(victim);
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(victim, bytes);
    const repaired = await fetchFilings(options(edgar, { tickers: ['MANY'], rate: 10 }));
    expect(repaired.fetched.map((r) => r.accession)).toEqual([kept[0]?.accession]);
  }, 30_000);

  it('lists what it would fetch on a dry run, and fetches nothing', async () => {
    const edgar = await serve({ companies: [ABVC] });
    const planned: string[] = [];
    const summary = await fetchFilings(
      options(edgar, {
        tickers: ['ABVC'],
        items: ['1.01', '2.02', '8.01'],
        since: '2019-06-01',
        until: '2025-12-31',
        dryRun: true,
        onEvent: (e) => {
          if (e.type === 'planned') planned.push(`${e.cached ? 'cached' : 'fetch'} ${e.filing.accession} ${e.url}`);
        },
      }),
    );
    expect(summary.dryRun).toBe(true);
    expect(planned).toEqual(ABVC_SELECTED.map((a) => `fetch ${a} ${edgar.url}${archivePath('1173313', a)}`));
    expect(edgar.count('/Archives/')).toBe(0);
    expect(filesUnder(outDir).filter((p) => !p.startsWith('.cache/'))).toEqual([]);
  });

  it('selects by industry: who filed the forms in the range (form index), kept by the SIC of their submissions', async () => {
    const rows = [
      { form: '10-K', company: 'ABVC BIOPHARMA, INC.', cik: '1173313', date: '2024-03-01', accession: '0001213900-24-011000' },
      { form: '8-K', company: 'AAMES CAPITAL CORP', cik: '913951', date: '2024-02-02', accession: '0000913951-24-000001' },
      { form: '8-K', company: 'ABVC BIOPHARMA, INC.', cik: '1173313', date: '2024-02-01', accession: '0001213900-24-010000' },
      { form: '8-K', company: 'MANY FILINGS THERAPEUTICS', cik: '9999991', date: '2024-01-02', accession: '0009999991-24-000002' },
      { form: 'SC 13D', company: 'FLAKY RESPONSES BIO', cik: '9999992', date: '2024-01-03', accession: '0009999992-24-000100' },
    ];
    const edgar = await serve({ companies: [ABVC, MANY, AAMES, FLAKY], formIndex: { '2024/QTR1': formIndexText(rows) } });
    const run = (): Promise<Awaited<ReturnType<typeof fetchFilings>>> => fetchFilings(options(edgar, { sic: ['2834'], since: '2024-01-01', until: '2024-03-31' }));
    const summary = await run();
    expect(summary.selected.map((f) => f.accession)).toEqual(['0001213900-24-010000']);
    expect(edgar.count('/Archives/edgar/full-index/2024/QTR1/form.idx')).toBe(1);
    // The 8-K filers were checked (FLAKY filed no 8-K in the index, so it was not).
    for (const cik of ['0001173313', '0000913951', '0009999991']) expect(edgar.count(`/submissions/CIK${cik}.json`)).toBe(1);
    expect(edgar.count('/submissions/CIK0009999992.json')).toBe(0);
    expect(edgar.count('/files/')).toBe(0);

    // A closed quarter's index is kept for good, the submissions for a few minutes.
    const before = edgar.requests.length;
    expect((await run()).cached).toHaveLength(1);
    expect(edgar.requests.length).toBe(before);
  });

  it('refuses what the SEC rules or EDGAR do not allow, before any request', async () => {
    const edgar = await serve({ companies: [ABVC] });
    const refused = async (more: Partial<FetchOptions>): Promise<string> => {
      const error = await fetchFilings(options(edgar, { tickers: ['ABVC'], ...more })).catch((e: unknown) => e);
      return isKgError(error) ? `${error.code} ${error.message}` : String(error);
    };
    expect(await refused({ userAgent: '' })).toMatch(/^USAGE EDGAR requires a User-Agent with a contact/);
    expect(await refused({ userAgent: 'just-a-name' })).toMatch(/^USAGE the User-Agent "just-a-name" has no contact e-mail address/);
    expect(await refused({ rate: 11 })).toMatch(/^USAGE --rate must be .* at most 10/);
    expect(await refused({ rate: 0 })).toMatch(/^USAGE --rate/);
    expect(await refused({ concurrency: 0 })).toMatch(/^USAGE --concurrency/);
    expect(await refused({ since: '2024-02-30' })).toMatch(/^USAGE --since must be a date/);
    expect(await refused({ since: '2025-01-01', until: '2024-01-01' })).toMatch(/^USAGE --since 2025-01-01 is after --until/);
    expect(await refused({ tickers: [], sic: ['2834'] })).toMatch(/^USAGE --sic needs --since/);
    expect(await refused({ sic: ['2834'], since: '2024-01-01' })).toMatch(/^USAGE --sic selects companies by industry/);
    expect(await refused({ tickers: [] })).toMatch(/^USAGE say which filings to fetch/);
    expect(await refused({ tickers: [], ciks: ['abc'] })).toMatch(/^USAGE a CIK is a number/);
    expect(edgar.requests).toEqual([]);
    expect(await refused({ tickers: ['NOPE'] })).toMatch(/^EDGAR_NOT_FOUND not in EDGAR's company ticker list/);
  });
});

describe('EDGAR building blocks', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('1')).toBe(1000);
    expect(retryAfterMs('120')).toBe(120_000);
    const now = Date.parse('2024-05-01T12:00:00Z');
    expect(retryAfterMs('Wed, 01 May 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 01 May 2024 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it('wants a contact in the User-Agent', () => {
    expect(checkUserAgent('  Acme Research ops@acme.example  ')).toBe('Acme Research ops@acme.example');
    expect(() => checkUserAgent(undefined)).toThrow(/SEC_USER_AGENT/);
  });

  it('paces at 10 requests per second without ever putting 11 in one second', async () => {
    const pacer = new RequestPacer(10);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 23 }, () => pacer.take().then(() => times.push(performance.now()))));
    expect(maxPerSecond(times)).toBeLessThanOrEqual(10);
    expect(() => new RequestPacer(10.5)).toThrow(RangeError);
  });

  it('parses a quarterly form index and lists the quarters of a range', () => {
    const text = formIndexText([
      { form: '8-K', company: 'ACME  PHARMA INC', cik: '12345', date: '2024-01-04', accession: '0000012345-24-000001' },
      { form: '8-K/A', company: 'BETA BIO CORP', cik: '678', date: '2024-02-05', accession: '0000000678-24-000002' },
      { form: 'SC 13D', company: 'GAMMA HOLDINGS LP', cik: '9', date: '2024-03-06', accession: '0000000009-24-000003' },
    ]);
    expect(parseFormIndex(text)).toEqual([
      { form: '8-K', company: 'ACME  PHARMA INC', cik: '12345', dateFiled: '2024-01-04', fileName: 'edgar/data/12345/0000012345-24-000001.txt', accession: '0000012345-24-000001' },
      { form: '8-K/A', company: 'BETA BIO CORP', cik: '678', dateFiled: '2024-02-05', fileName: 'edgar/data/678/0000000678-24-000002.txt', accession: '0000000678-24-000002' },
      { form: 'SC 13D', company: 'GAMMA HOLDINGS LP', cik: '9', dateFiled: '2024-03-06', fileName: 'edgar/data/9/0000000009-24-000003.txt', accession: '0000000009-24-000003' },
    ]);
    expect(() => parseFormIndex('not an index')).toThrow(/header/);
    expect(quartersBetween('2023-11-15', '2024-04-01')).toEqual([
      { year: 2023, quarter: 4 },
      { year: 2024, quarter: 1 },
      { year: 2024, quarter: 2 },
    ]);
    expect(quartersBetween('1980-01-01', '1993-02-01')).toEqual([{ year: 1993, quarter: 1 }]);
  });
});

describe('kg ingest --fetch: the EDGAR source on what is written', () => {
  it('puts url, accession number, form and items on the Document and the url on the Filing', async () => {
    const edgar = await serve({ companies: [ABVC] });
    const summary = await fetchFilings(options(edgar, { tickers: ['ABVC'], since: '2025-04-01', until: '2025-04-30' }));
    const inputs = edgarInputs(summary);
    expect(inputs.paths).toEqual([join(outDir, '1173313', `${SAMPLE_ACCESSIONS.abvc}.txt`)]);

    const graphs: Graph[] = [];
    for await (const result of extractGraphs(inputs.paths)) {
      expect(result.ok).toBe(true);
      if (result.ok) graphs.push(...result.graphs.map((g) => inputs.annotate(result.path, g)));
    }
    expect(graphs.length).toBeGreaterThan(0);
    const url = `${edgar.url}${archivePath('1173313', SAMPLE_ACCESSIONS.abvc)}`;
    for (const graph of graphs) {
      expect(Graph.safeParse(graph).success).toBe(true);
      const statements = writeStatements(graph);
      const document = statements.find((s) => s.name === 'write/document-merge')?.params['document'] as Params;
      expect(document).toMatchObject({ url, accessionNumber: SAMPLE_ACCESSIONS.abvc, form: '8-K', items: ['2.02', '4.02', '7.01', '9.01'] });
      const filingRow = (statements.find((s) => s.name === 'write/filing-merge')?.params['rows'] as Params[])[0];
      expect(filingRow?.['properties']).toMatchObject({ url, accessionNumber: SAMPLE_ACCESSIONS.abvc, form: '8-K' });
    }
  });

  it('leaves documents that did not come from EDGAR as they are', () => {
    const graph: Graph = { schemaVersion: SCHEMA_VERSION, documents: [{ docId: 'd', sourcePath: 'x.txt', docType: 'text', contentHash: 'h', registrantKeys: [], sentenceCount: 0 }], entities: [], relationships: [] };
    const document = writeStatements(graph).find((s) => s.name === 'write/document-merge')?.params['document'] as Params;
    expect(Object.keys(document)).not.toContain('url');
    const annotated = withEdgarSource(graph, { url: 'u', cik: '1', accession: '0000000001-24-000001', form: '8-K', items: ['8.01'], filingDate: '2024-01-01' });
    expect(annotated.documents[0]?.filing).toMatchObject({ form: '8-K', accessionNumber: '0000000001-24-000001', items: [{ code: '8.01' }], edgar: { url: 'u' } });
    expect(graph.documents[0]?.filing).toBeUndefined();
  });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a child `kg`, without the developer's SEC settings. */
function childEnv(more: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...more };
  if (!('SEC_USER_AGENT' in more)) delete env['SEC_USER_AGENT'];
  if (!('EDGAR_BASE_URL' in more)) delete env['EDGAR_BASE_URL'];
  return env;
}

/** Runs `node bin/kg.js ...` (asynchronously: the stand-in EDGAR answers from this process). */
function kg(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/kg.js', ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** The CLI in this process (main(), as bin/kg.js runs it), its output captured. */
async function cli(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { out: (s) => void (stdout += s), err: (s) => void (stderr += s) });
  return { status, stdout, stderr };
}

describe('kg fetch (the CLI)', () => {
  it('refuses to run without a User-Agent with a contact: one line, exit 2, no request', async () => {
    const edgar = await serve({ companies: [ABVC] });
    const message = 'kg: EDGAR requires a User-Agent with a contact: pass --user-agent "Your Name you@example.com" or set SEC_USER_AGENT [USAGE]\n';
    const run = await kg(['fetch', '--ticker', 'ABVC', '--out', outDir], childEnv({ EDGAR_BASE_URL: edgar.url }));
    expect(run).toEqual({ status: 2, stdout: '', stderr: message });

    // The same through main() (what bin/kg.js calls), for the other usage errors.
    const saved = process.env['SEC_USER_AGENT'];
    delete process.env['SEC_USER_AGENT'];
    try {
      expect(await cli(['ingest', '--fetch', '--ticker', 'ABVC', '--out', outDir, '--edgar-url', edgar.url])).toEqual({ status: 2, stdout: '', stderr: message });
      const tooFast = await cli(['fetch', '--ticker', 'ABVC', '--rate', '11', '--user-agent', USER_AGENT, '--out', outDir, '--edgar-url', edgar.url]);
      expect(tooFast).toEqual({ status: 2, stdout: '', stderr: "kg: --rate must be a number of requests per second above 0 and at most 10 (the SEC's limit), got 11 [USAGE]\n" });
      expect(await cli(['ingest'])).toEqual({ status: 2, stdout: '', stderr: 'kg: kg ingest needs files or directories, or --fetch with --ticker, --cik or --sic [USAGE]\n' });
      expect((await cli(['ingest', '--fetch', 'some.txt', '--ticker', 'ABVC'])).stderr).toBe('kg: kg ingest --fetch ingests what it fetches: give no input paths with it [USAGE]\n');
    } finally {
      if (saved !== undefined) process.env['SEC_USER_AGENT'] = saved;
    }
    expect(edgar.requests).toEqual([]);
  }, 120_000);

  it('fetches, reports a failed filing on one line of stderr with exit 1, and goes on', async () => {
    const edgar = await serve({ companies: [FLAKY], faults: FLAKY_FAULTS });
    const run = await cli(['fetch', '--ticker', 'FLKY', '--since', '2024-03-04', '--until', '2024-03-06', '--max-attempts', '2', '--user-agent', USER_AGENT, '--out', outDir, '--edgar-url', edgar.url]);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => l !== '');
    expect(lines.filter((l) => l.startsWith('fetched '))).toHaveLength(2);
    expect(lines.at(-1)).toBe(`filings: 3 selected, 2 fetched, 0 already in ${outDir}, 1 failed; manifest ${join(outDir, 'manifest.jsonl')} (${edgar.requests.length} requests)`);
    const failures = run.stderr.split('\n').filter((l) => l.includes('[FETCH_FAILED]'));
    expect(failures).toEqual([`kg fetch: ${edgar.url}${archivePath(FLAKY.cik, flaky(6))}: HTTP 503 after 2 attempts [FETCH_FAILED]`]);
    expect(run.stderr).toMatch(/HTTP 503, attempt 1 of 2; retrying in/);
    for (const request of edgar.requests) expect(request.userAgent).toBe(USER_AGENT);
  }, 120_000);

  it('killed half way (SIGKILL) leaves no half file, and the same command fetches only what is missing', async () => {
    const edgar = await serve({ companies: [MANY] });
    const args = ['bin/kg.js', 'fetch', '--ticker', 'MANY', '--rate', '10', '--out', outDir, '--edgar-url', edgar.url, '--user-agent', USER_AGENT];
    const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv(), stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    edgar.onRequest = (r) => {
      if (r.path.startsWith('/Archives/') && edgar.count('/Archives/') === 8) child.kill('SIGKILL');
    };
    expect(await exited).toBe('SIGKILL');
    edgar.onRequest = undefined;

    // Whatever is visible is whole; the manifest lists what a re-run will trust.
    const whole = sampleSubmission('abvc', MANY.recent[0]?.accession ?? '').length;
    const visible = filesUnder(outDir).filter((p) => p.endsWith('.txt'));
    for (const path of visible) expect(statSync(join(outDir, path)).size).toBe(whole);
    const manifest = await Manifest.open(outDir);
    const trusted = manifest.all().length;
    expect(trusted).toBeGreaterThan(0);

    const before = edgar.count('/Archives/');
    const rerun = await kg(args.slice(1), childEnv());
    expect(rerun.status).toBe(0);
    expect(edgar.count('/Archives/') - before).toBe(20 - trusted);
    expect(rerun.stdout).toContain(`filings: 20 selected, ${20 - trusted} fetched, ${trusted} already in ${outDir};`);
    expect(filesUnder(outDir).filter((p) => p.endsWith('.tmp'))).toEqual([]);
    expect(manifestRows()).toHaveLength(20);
    expect(relative(outDir, join(outDir, manifestRows()[0]?.path ?? ''))).toBe(`${MANY.cik}/${MANY.recent.at(-1)?.accession}.txt`);
  }, 120_000);
});
