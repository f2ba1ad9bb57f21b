// A stand-in for EDGAR on 127.0.0.1 (random port) for the fetch tests: the ticker map, submissions
// JSON (with older `files` pages), full submissions and quarterly form indexes, all built at test time
// from a description of companies and filings; the filing texts are the real samples of
// ../shared/corpus/formats/ with their accession number replaced (read from there, never copied).
// Faults are scripted per path (429 with Retry-After, 503, a dropped connection, a body cut off, a
// slow or stalled response), and every request is recorded with its arrival time and headers.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';

const REPO = join(import.meta.dirname, '..', '..');
const FORMATS = join(REPO, '..', 'shared', 'corpus', 'formats');

/** The accession numbers of the two full-submission samples. */
export const SAMPLE_ACCESSIONS = { abvc: '0001213900-25-032135', aames: '0001011438-98-000429' } as const;

/** A sample full submission as EDGAR serves it, under another accession number when given. */
export function sampleSubmission(sample: keyof typeof SAMPLE_ACCESSIONS, accession: string = SAMPLE_ACCESSIONS[sample]): Buffer {
  const file = sample === 'abvc' ? 'abvc-biopharma-8k-2025.full-submission.txt' : 'aames-8k-1998-pem.full-submission.txt';
  const text = readFileSync(join(FORMATS, file), 'latin1');
  return Buffer.from(text.split(SAMPLE_ACCESSIONS[sample]).join(accession), 'latin1');
}

export interface FixtureFiling {
  accession: string;
  form: string;
  items: string[];
  filingDate: string;
  /** The full submission; default: the ABVC sample under this filing's accession number. */
  body?: Buffer;
}

export interface FixtureCompany {
  cik: string;
  ticker?: string;
  name: string;
  sic: string;
  /** `filings.recent`. */
  recent: FixtureFiling[];
  /** Older pages (`filings.files`), each served as its own JSON. */
  pages?: FixtureFiling[][];
}

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  /** The connection is closed before any response. */
  | { kind: 'drop' }
  /** Headers and half the body, then the connection is closed. */
  | { kind: 'cut' }
  /** The normal response, after a delay. */
  | { kind: 'slow'; ms: number }
  /** Headers, then nothing until the client gives up. */
  | { kind: 'stall' };

export interface EdgarFixture {
  companies: FixtureCompany[];
  /** Form index text per quarter, keyed `2024/QTR1`. */
  formIndex?: Record<string, string>;
  /** Per path, the faults of its first requests in order (then normal answers); `always` repeats the last. */
  faults?: Record<string, { sequence: Fault[]; always?: boolean }>;
}

export interface RecordedRequest {
  path: string;
  /** performance.now() at arrival. */
  at: number;
  userAgent: string | undefined;
  acceptEncoding: string | undefined;
}

export interface EdgarServer {
  url: string;
  requests: RecordedRequest[];
  /** Requests whose path starts with `prefix`. */
  count(prefix?: string): number;
  /** Called on each request (after it is recorded). */
  onRequest: ((request: RecordedRequest) => void) | undefined;
  close(): Promise<void>;
}

export const paddedCik = (cik: string): string => cik.padStart(10, '0');
export const archivePath = (cik: string, accession: string): string => `/Archives/edgar/data/${cik}/${accession.replace(/-/g, '')}/${accession}.txt`;
export const pageName = (cik: string, page: number): string => `CIK${paddedCik(cik)}-submissions-${String(page).padStart(3, '0')}.json`;

/** The columnar shape of `filings.recent` and the older pages, with EDGAR's other columns too. */
function columns(filings: readonly FixtureFiling[]): Record<string, unknown[]> {
  return {
    accessionNumber: filings.map((f) => f.accession),
    filingDate: filings.map((f) => f.filingDate),
    reportDate: filings.map((f) => f.filingDate),
    acceptanceDateTime: filings.map((f) => `${f.filingDate}T16:30:25.000Z`),
    act: filings.map(() => '34'),
    form: filings.map((f) => f.form),
    fileNumber: filings.map(() => '001-40700'),
    filmNumber: filings.map(() => '25839947'),
    items: filings.map((f) => f.items.join(',')),
    core_type: filings.map((f) => f.form),
    size: filings.map(() => 233513),
    isXBRL: filings.map(() => 1),
    isInlineXBRL: filings.map(() => 1),
    primaryDocument: filings.map(() => 'ea0238372-8k_abvcbio.htm'),
    primaryDocDescription: filings.map((f) => f.form),
  };
}

function submissionsJson(company: FixtureCompany): unknown {
  const pages = company.pages ?? [];
  return {
    cik: company.cik,
    entityType: 'operating',
    sic: company.sic,
    sicDescription: 'Pharmaceutical Preparations',
    name: company.name,
    tickers: company.ticker ? [company.ticker] : [],
    exchanges: ['Nasdaq'],
    fiscalYearEnd: '1231',
    filings: {
      recent: columns(company.recent),
      files: pages.map((page, i) => {
        const dates = page.map((f) => f.filingDate).sort();
        return { name: pageName(company.cik, i + 1), filingCount: page.length, filingFrom: dates[0], filingTo: dates[dates.length - 1] };
      }),
    },
  };
}

/** Every path the fixture serves, with its body and media type. */
function routes(fixture: EdgarFixture): Map<string, { body: Buffer; type: string }> {
  const out = new Map<string, { body: Buffer; type: string }>();
  const json = (value: unknown): { body: Buffer; type: string } => ({ body: Buffer.from(JSON.stringify(value)), type: 'application/json' });
  const tickers: Record<string, unknown> = {};
  fixture.companies.forEach((c, i) => {
    if (c.ticker) tickers[String(i)] = { cik_str: Number(c.cik), ticker: c.ticker, title: c.name };
    out.set(`/submissions/CIK${paddedCik(c.cik)}.json`, json(submissionsJson(c)));
    (c.pages ?? []).forEach((page, p) => out.set(`/submissions/${pageName(c.cik, p + 1)}`, json(columns(page))));
    for (const f of [...c.recent, ...(c.pages ?? []).flat()]) out.set(archivePath(c.cik, f.accession), { body: f.body ?? sampleSubmission('abvc', f.accession), type: 'text/plain' });
  });
  out.set('/files/company_tickers.json', json(tickers));
  for (const [quarter, text] of Object.entries(fixture.formIndex ?? {})) out.set(`/Archives/edgar/full-index/${quarter}/form.idx`, { body: Buffer.from(text, 'latin1'), type: 'text/plain' });
  return out;
}

/** A form.idx as EDGAR writes it: a preamble, the header line, dashes, fixed-width rows. */
export function formIndexText(rows: readonly { form: string; company: string; cik: string; date: string; accession: string }[]): string {
  const header = 'Form Type   Company Name                                                  CIK         Date Filed  File Name';
  const lines = [
    'Description:           Master Index of EDGAR Dissemination Feed by Form Type',
    'Last Data Received:    March 31, 2024',
    'Comments:              webmaster@sec.gov',
    'Anonymous FTP:         ftp://ftp.sec.gov/edgar/',
    ' ',
    ' ',
    ' ',
    header,
    '-'.repeat(141),
    ...rows.map((r) => `${r.form.padEnd(12)}${r.company.padEnd(62)}${r.cik.padEnd(12)}${r.date.padEnd(12)}edgar/data/${r.cik}/${r.accession}.txt`),
  ];
  return `${lines.join('\n')}\n`;
}

export async function startEdgarServer(fixture: EdgarFixture): Promise<EdgarServer> {
  const served = routes(fixture);
  const requests: RecordedRequest[] = [];
  const seen = new Map<string, number>();
  const server: EdgarServer = {
    url: '',
    requests,
    count: (prefix = '/') => requests.filter((r) => r.path.startsWith(prefix)).length,
    onRequest: undefined,
    close: async () => {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };

  const answer = (req: IncomingMessage, res: ServerResponse, path: string, cut: boolean): void => {
    const route = served.get(path);
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<h1>Not Found</h1>');
      return;
    }
    const accepts = req.headers['accept-encoding'] ?? '';
    let body = route.body;
    const headers: Record<string, string | number> = { 'Content-Type': route.type };
    // Archives come gzipped, JSON deflated (as a CDN may choose), when the client accepts it.
    if (route.type === 'text/plain' && /\bgzip\b/.test(accepts)) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    } else if (route.type === 'application/json' && /\bdeflate\b/.test(accepts)) {
      body = deflateSync(body);
      headers['Content-Encoding'] = 'deflate';
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    if (cut) {
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
      return;
    }
    res.end(body);
  };

  const http = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const recorded: RecordedRequest = { path, at: performance.now(), userAgent: req.headers['user-agent'], acceptEncoding: req.headers['accept-encoding'] };
    requests.push(recorded);
    server.onRequest?.(recorded);
    const n = seen.get(path) ?? 0;
    seen.set(path, n + 1);
    const script = fixture.faults?.[path];
    const fault = script ? (script.sequence[n] ?? (script.always ? script.sequence[script.sequence.length - 1] : undefined)) : undefined;
    if (fault === undefined) {
      answer(req, res, path, false);
      return;
    }
    switch (fault.kind) {
      case 'status':
        res.writeHead(fault.status, fault.retryAfter === undefined ? {} : { 'Retry-After': fault.retryAfter }).end(`status ${fault.status}`);
        return;
      case 'drop':
        req.socket.destroy();
        return;
      case 'cut': {
        answer(req, res, path, true);
        return;
      }
      case 'slow':
        setTimeout(() => answer(req, res, path, false), fault.ms);
        return;
      case 'stall':
        res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 1000 });
        res.flushHeaders();
        return;
    }
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  if (address === null || typeof address === 'string') throw new Error('the EDGAR stand-in has no TCP address');
  server.url = `http://127.0.0.1:${address.port}`;
  return server;
}
