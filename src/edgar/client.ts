// The HTTP client for EDGAR: every request of a run goes through one RequestPacer (≤ 10/s across all
// concurrent downloads), carries the declared User-Agent the SEC requires, asks for gzip/deflate
// (Node's fetch decompresses), and is retried with exponential backoff on 429, 5xx, connection
// resets and stalls, honouring Retry-After (for every request of the run, not just the one that got
// it). Whatever is still failing after the last attempt becomes
// one KgError FETCH_FAILED for the caller to report; the run decides whether that stops it.
import { setTimeout as sleep } from 'node:timers/promises';
import { KgError, isKgError } from '../errors.ts';
import { RequestPacer } from './limiter.ts';

/** Where EDGAR serves what `kg fetch` reads. */
export interface EdgarHosts {
  /** Company ticker map, Archives (filings, full-index). */
  www: string;
  /** The submissions API. */
  data: string;
}

export const SEC_HOSTS: EdgarHosts = { www: 'https://www.sec.gov', data: 'https://data.sec.gov' };

/** Both hosts replaced by one base (tests, a mirror), paths unchanged. */
export function hostsFor(baseUrl: string | undefined): EdgarHosts {
  if (baseUrl === undefined) return SEC_HOSTS;
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new KgError('USAGE', `--edgar-url must be an http(s) URL, got "${baseUrl}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new KgError('USAGE', `--edgar-url must be an http(s) URL, got "${baseUrl}"`);
  const base = parsed.href.replace(/\/+$/, '');
  return { www: base, data: base };
}

/**
 * The SEC asks automated tools to declare who they are: "Sample Company Name AdminContact@<sample
 * company domain>.com". A User-Agent without an e-mail address is not a declaration.
 */
export function checkUserAgent(userAgent: string | undefined): string {
  const value = userAgent?.trim() ?? '';
  if (!/\S+@\S+\.\S+/.test(value)) {
    throw new KgError(
      'USAGE',
      value === ''
        ? 'EDGAR requires a User-Agent with a contact: pass --user-agent "Your Name you@example.com" or set SEC_USER_AGENT'
        : `the User-Agent "${value}" has no contact e-mail address; EDGAR requires one, e.g. "Your Name you@example.com"`,
    );
  }
  return value;
}

/** A retry about to happen, for the caller to report. */
export interface RetryNotice {
  url: string;
  /** The attempt that failed (1-based) and how many are allowed. */
  attempt: number;
  maxAttempts: number;
  /** `HTTP 429`, `HTTP 503`, or the network error. */
  reason: string;
  waitMs: number;
}

export interface ClientOptions {
  userAgent: string;
  /** Requests per second across the whole run (≤ 10). */
  rate: number;
  /** Attempts per request, the first included. */
  maxAttempts: number;
  hosts: EdgarHosts;
  /** First backoff wait; doubles per attempt (jittered), up to maxBackoffMs. */
  backoffBaseMs: number;
  maxBackoffMs: number;
  /** The longest Retry-After honoured; a longer one is cut to it (the attempt may fail again). */
  maxRetryAfterMs: number;
  /** An attempt is abandoned (and retried) when no byte arrives for this long. */
  idleTimeoutMs: number;
  onRetry?: (notice: RetryNotice) => void;
}

export const CLIENT_DEFAULTS = {
  maxAttempts: 5,
  backoffBaseMs: 1000,
  maxBackoffMs: 60_000,
  maxRetryAfterMs: 600_000,
  idleTimeoutMs: 60_000,
} as const;

/** Reads a response body: bytes as they arrive (each chunk resets the stall timer). */
export type BodyConsumer<T> = (body: AsyncIterable<Uint8Array>, response: Response) => Promise<T>;

/** Retry-After as milliseconds from now: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? error.cause : undefined;
    const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? (error as NodeJS.ErrnoException).code;
    const text = cause?.message ?? error.message;
    return code !== undefined && !text.includes(code) ? `${text} (${code})` : text;
  }
  return String(error);
}

class RetriableStatus extends Error {
  constructor(
    readonly status: number,
    readonly waitMs: number | undefined,
  ) {
    super(`HTTP ${status}`);
  }
}

export class EdgarClient {
  readonly hosts: EdgarHosts;
  private readonly pacer: RequestPacer;
  /** Requests sent so far (attempts, retries included). */
  requestCount = 0;

  constructor(private readonly options: ClientOptions) {
    this.hosts = options.hosts;
    this.pacer = new RequestPacer(options.rate);
  }

  url(host: keyof EdgarHosts, path: string): string {
    return `${this.hosts[host]}${path}`;
  }

  /** GETs `url` and reads the whole body. */
  async bytes(url: string, signal?: AbortSignal): Promise<Buffer> {
    return this.get(
      url,
      async (body) => {
        const chunks: Uint8Array[] = [];
        for await (const chunk of body) chunks.push(chunk);
        return Buffer.concat(chunks);
      },
      signal,
    );
  }

  /**
   * GETs `url` and hands the body to `consume`, retrying the whole attempt (request and body) on a
   * retriable failure; `consume` must undo its own partial work when the body breaks off. A 404 is
   * EDGAR_NOT_FOUND, other 4xx FETCH_FAILED, both at once (asking again would not help).
   */
  async get<T>(url: string, consume: BodyConsumer<T>, signal?: AbortSignal): Promise<T> {
    const { maxAttempts } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(url, consume, signal);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        if (isKgError(error)) throw error;
        const reason = error instanceof RetriableStatus ? error.message : describeNetworkError(error);
        if (attempt >= maxAttempts) {
          throw new KgError('FETCH_FAILED', `${reason} after ${attempt} attempt${attempt === 1 ? '' : 's'}`, { subject: url, retriable: true, cause: error });
        }
        const backoff = Math.min(this.options.maxBackoffMs, this.options.backoffBaseMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
        const told = error instanceof RetriableStatus ? error.waitMs : undefined;
        const waitMs = told === undefined ? backoff : Math.min(told, this.options.maxRetryAfterMs);
        if (told !== undefined) this.pacer.hold(waitMs);
        this.options.onRetry?.({ url, attempt, maxAttempts, reason, waitMs });
        await sleep(waitMs, undefined, signal === undefined ? {} : { signal });
      }
    }
  }

  private async attempt<T>(url: string, consume: BodyConsumer<T>, signal: AbortSignal | undefined): Promise<T> {
    await this.pacer.take(signal);
    // Aborted by the caller's signal, or by the stall timer below (reset by every chunk).
    const stall = new AbortController();
    const idleMs = this.options.idleTimeoutMs;
    let timer = setTimeout(() => stall.abort(new Error(`no response for ${idleMs / 1000} s`)), idleMs);
    const touch = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => stall.abort(new Error(`response stalled for ${idleMs / 1000} s`)), idleMs);
    };
    try {
      this.requestCount++;
      const response = await fetch(url, {
        headers: { 'User-Agent': this.options.userAgent, 'Accept-Encoding': 'gzip, deflate', Accept: '*/*' },
        signal: signal === undefined ? stall.signal : AbortSignal.any([signal, stall.signal]),
      });
      touch();
      if (response.status === 429 || response.status >= 500) {
        await response.body?.cancel().catch(() => undefined);
        throw new RetriableStatus(response.status, retryAfterMs(response.headers.get('retry-after')));
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        if (response.status === 404) throw new KgError('EDGAR_NOT_FOUND', 'EDGAR has nothing at this address (HTTP 404)', { subject: url });
        const hint = response.status === 403 ? ' (EDGAR refuses undeclared or too fast clients: check the User-Agent and the rate)' : '';
        throw new KgError('FETCH_FAILED', `HTTP ${response.status}${hint}`, { subject: url });
      }
      const reader = response.body;
      async function* chunks(): AsyncGenerator<Uint8Array> {
        if (reader === null) return;
        for await (const chunk of reader) {
          touch();
          yield chunk;
        }
      }
      return await consume(chunks(), response);
    } catch (error) {
      // The stall timer's reason is the useful message, not fetch's generic AbortError.
      if (stall.signal.aborted && !signal?.aborted && !isKgError(error)) throw stall.signal.reason;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
