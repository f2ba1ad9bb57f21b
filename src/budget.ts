// The per-document time budget. Extraction is synchronous, so a pathological document cannot be
// interrupted from outside without a worker per document (slow to start, and every stage would have
// to be re-loaded in it). Instead the budget is cooperative: the pipeline opens a budget for each
// document, hands it to the stages with the knowledge (StageContext), checks it between stages, and the
// stage loops call `budget.check()` once per sentence. That call is a counter increment; the clock
// (`performance.now()`, no syscall) is read only every CHECK_EVERY calls, so the stages stay as fast
// as without it. A single regular expression that never returns cannot be stopped this way; rules
// are written to stay linear for that reason.
import { KgError } from './errors.ts';

/** Default time one document may take from structure to graph (`--doc-timeout` changes it). */
export const DEFAULT_DOC_TIMEOUT_MS = 30_000;

/** Calls to `check()` between two reads of the clock. */
const CHECK_EVERY = 32;

export class Budget {
  private calls = 0;
  private readonly deadline: number;

  /** `limitMs` of Infinity means no limit. */
  constructor(
    readonly subject: string,
    readonly limitMs: number,
  ) {
    if (!(limitMs > 0)) throw new KgError('USAGE', `the per-document time budget must be a positive number of milliseconds, got ${limitMs}`);
    this.deadline = performance.now() + limitMs;
  }

  /** A budget that never runs out (library calls without a limit, tests). */
  static unlimited(subject = 'inline'): Budget {
    return new Budget(subject, Infinity);
  }

  /** Throws EXTRACTION_TIMEOUT when the document is over its budget; cheap enough for any loop. */
  check(): void {
    this.calls += 1;
    if (this.calls % CHECK_EVERY !== 0) return;
    this.checkNow();
  }

  /** The same check without the throttle, for the pipeline between stages. */
  checkNow(): void {
    if (performance.now() > this.deadline) throw this.timeout();
  }

  private timeout(): KgError {
    const seconds = this.limitMs / 1000;
    return new KgError('EXTRACTION_TIMEOUT', `gave up after ${seconds} s (the per-document time budget); the document is skipped and the run goes on — raise --doc-timeout if it is a legitimately huge document`, { subject: this.subject });
  }
}
