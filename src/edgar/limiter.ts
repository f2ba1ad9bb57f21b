// The request pacer every EDGAR request of a run goes through, whichever download it belongs to: the
// SEC's fair-access rule is a rate per host and client (at most 10 requests per second), not per
// connection, so concurrent downloads share one schedule. Requests start at evenly spaced times;
// spacing (rather than a bucket that refills in bursts) keeps every one-second window under the rate
// even when the server sees the requests a little earlier or later than they were sent.
import { setTimeout as sleep } from 'node:timers/promises';

/** The most requests per second the SEC allows one client (https://www.sec.gov/os/accessing-edgar-data). */
export const SEC_MAX_RATE = 10;
/** What `kg fetch` uses unless told otherwise: under the limit, so a clock's jitter never crosses it. */
export const DEFAULT_RATE = 8;

/**
 * Each gap is this much longer than 1/rate: n+1 request starts then span more than one second by a
 * margin (20 ms at 8/s over the window) that covers timer rounding and network jitter.
 */
const SPACING_MARGIN = 1.02;

export class RequestPacer {
  readonly intervalMs: number;
  /** When the next request may start (performance.now() time). */
  private nextStart = 0;

  constructor(readonly ratePerSecond: number) {
    if (!(ratePerSecond > 0) || ratePerSecond > SEC_MAX_RATE) throw new RangeError(`rate must be in (0, ${SEC_MAX_RATE}], got ${ratePerSecond}`);
    this.intervalMs = (1000 / ratePerSecond) * SPACING_MARGIN;
  }

  /**
   * Waits for this request's turn. Turns are handed out in call order and each is spaced from the
   * one before (not from when the timer fired), so lateness never bunches later requests together.
   */
  async take(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const now = performance.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + this.intervalMs;
    if (start > now) await sleep(start - now, undefined, signal === undefined ? {} : { signal });
  }
}
