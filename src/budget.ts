// The per-document time budget. Extraction is synchronous, so a pathological document cannot be
// interrupted from outside without a worker per document (slow to start, and every stage would have
// to be re-loaded in it). Instead the budget is cooperative: the pipeline opens a budget around each
// document and checks it between stages, and the stage loops call `checkBudget()` once per sentence.
// That call is a counter increment; the clock (`performance.now()`, no syscall) is read only every
// CHECK_EVERY calls, so the stages stay as fast as without it. A single regular expression that
// never returns cannot be stopped this way; rules are written to stay linear for that reason.
import { KgError } from './errors.ts';

/** Default time one document may take from structure to graph (`--doc-timeout` changes it). */
export const DEFAULT_DOC_TIMEOUT_MS = 30_000;

/** Calls to `checkBudget()` between two reads of the clock. */
const CHECK_EVERY = 32;

interface ActiveBudget {
  readonly subject: string;
  readonly limitMs: number;
  readonly deadline: number;
}

let active: ActiveBudget | undefined;
let calls = 0;

function timeout(budget: ActiveBudget): KgError {
  const seconds = budget.limitMs / 1000;
  return new KgError(
    'EXTRACTION_TIMEOUT',
    `gave up after ${seconds} s (the per-document time budget); the document is skipped and the run goes on — raise --doc-timeout if it is a legitimately huge document`,
    { subject: budget.subject },
  );
}

/** Throws EXTRACTION_TIMEOUT when the current document is over its budget; cheap enough for any loop. */
export function checkBudget(): void {
  if (active === undefined) return;
  calls += 1;
  if (calls % CHECK_EVERY !== 0) return;
  if (performance.now() > active.deadline) throw timeout(active);
}

/** The same check without the throttle, for the pipeline between stages. */
export function checkBudgetNow(): void {
  if (active !== undefined && performance.now() > active.deadline) throw timeout(active);
}

/**
 * Runs `work` under a budget of `limitMs` for `subject` (a file or document). Budgets nest: the inner
 * one applies while it runs, then the outer one again. `limitMs` of Infinity means no limit.
 */
export function withBudget<T>(subject: string, limitMs: number, work: () => T): T {
  if (!(limitMs > 0)) throw new KgError('USAGE', `the per-document time budget must be a positive number of milliseconds, got ${limitMs}`);
  const outer = active;
  const outerCalls = calls;
  active = { subject, limitMs, deadline: performance.now() + limitMs };
  calls = 0;
  try {
    const result = work();
    checkBudgetNow();
    return result;
  } finally {
    active = outer;
    calls = outerCalls;
  }
}
