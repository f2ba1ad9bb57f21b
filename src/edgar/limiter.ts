// The request pacer every EDGAR request of a run goes through, whichever download it belongs to: the
// SEC's fair-access rule is a rate per client (at most 10 requests per second), not per connection,
// so concurrent downloads share one queue. Each request starts at least one interval after the
// previous one actually started (not after when it was scheduled to: a request that starts late
// must not bunch up with the ones after it), so any rate+1 consecutive requests span more than a
// second. The interval has a margin on top of 1/rate for what happens between here and the server
// (event-loop delays, connection set-up), which the server's clock sees and ours does not.
import { setTimeout as sleep } from 'node:timers/promises';

/** The most requests per second the SEC allows one client (https://www.sec.gov/os/accessing-edgar-data). */
export const SEC_MAX_RATE = 10;
/** What `kg fetch` uses unless told otherwise. */
export const DEFAULT_RATE = 8;

/**
 * The interval is 1/rate plus 5 % plus 5 ms: rate+1 request starts then span at least 1.09 s (at 8/s,
 * 1.1 s at 10/s), so jitter of tens of milliseconds on the way to the server cannot put rate+1 of
 * them in one second there. The rate actually reached is a little under the rate asked for.
 */
export function pacingIntervalMs(ratePerSecond: number): number {
  return (1000 / ratePerSecond) * 1.05 + 5;
}

export class RequestPacer {
  readonly intervalMs: number;
  /** performance.now() when the last request was let go. */
  private lastStart = Number.NEGATIVE_INFINITY;
  /** No request starts before this (performance.now() time): the server asked us to wait. */
  private heldUntil = Number.NEGATIVE_INFINITY;
  /** Turns are handed out one after the other, in call order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly ratePerSecond: number) {
    if (!(ratePerSecond > 0) || ratePerSecond > SEC_MAX_RATE) throw new RangeError(`rate must be in (0, ${SEC_MAX_RATE}], got ${ratePerSecond}`);
    this.intervalMs = pacingIntervalMs(ratePerSecond);
  }

  /** Waits for this request's turn (rejects with the signal's reason when aborted first). */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.waitTurn(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /**
   * Holds every request for `ms` (a Retry-After): the SEC counts requests per client, so when it
   * says wait, the other downloads wait too.
   */
  hold(ms: number): void {
    this.heldUntil = Math.max(this.heldUntil, performance.now() + ms);
  }

  private async waitTurn(signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    const earliest = (): number => Math.max(this.lastStart + this.intervalMs, this.heldUntil);
    // A timer may fire a little early, and a hold may come while waiting: wait until nothing is left.
    for (let wait = earliest() - performance.now(); wait > 0; wait = earliest() - performance.now()) {
      await sleep(wait, undefined, signal === undefined ? {} : { signal });
    }
    this.lastStart = performance.now();
  }
}
