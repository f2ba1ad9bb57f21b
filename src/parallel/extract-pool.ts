// Extraction on several cores: a pool of worker threads, each running the whole pipeline on one input
// path at a time (extract-worker.ts). Results come back in input order whatever the order the workers
// finish in, so the output is the same as on one thread, byte for byte; at most two paths per worker
// are in flight, so memory stays bounded however many inputs there are. Only the document graphs come
// back (the writers need nothing else), which keeps the copy between threads small.
import type { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { KgError, asKgError, type ErrorCode } from '../errors.ts';
import type { Graph } from '../model/graph.ts';
import type { GraphResult } from '../input-result.ts';
import { listInputs } from '../load/index.ts';
import { siblingModule, startTsWorker } from './ts-worker.ts';

/**
 * What a worker sends back for one path: the document graphs, or a failure as its fields (rebuilt
 * into a KgError on arrival).
 */
const WorkerReplySchema = z.object({
  id: z.number().int(),
  results: z.array(
    z.union([
      // The graphs are the pipeline's own output, validated by the writers; only their envelope is checked here.
      z.object({ ok: z.literal(true), path: z.string(), graphs: z.array(z.custom<Graph>((g) => typeof g === 'object' && g !== null)) }),
      z.object({ ok: z.literal(false), path: z.string(), error: z.object({ code: z.custom<ErrorCode>((c) => typeof c === 'string'), message: z.string(), subject: z.string().nullable() }) }),
    ]),
  ),
});
export type WorkerReply = z.infer<typeof WorkerReplySchema>;
type SerializedResult = WorkerReply['results'][number];

function toResult(result: SerializedResult): GraphResult {
  if (result.ok) return result;
  const { code, message, subject } = result.error;
  return { ok: false, path: result.path, error: new KgError(code, message, subject === null ? {} : { subject }) };
}

interface Slot {
  worker: Worker;
  /** Paths sent to this worker and not answered yet. */
  pending: number;
}

class ExtractPool {
  private readonly slots: Slot[];
  private readonly waiting = new Map<number, { resolve: (results: GraphResult[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(size: number, docTimeoutMs: number) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: startTsWorker(siblingModule('extract-worker', import.meta.url), { docTimeoutMs }), pending: 0 };
      slot.worker.on('message', (message: unknown) => {
        const parsed = WorkerReplySchema.safeParse(message);
        if (!parsed.success) {
          this.fail(new Error(`an extraction worker sent an unexpected reply: ${parsed.error.message}`));
          return;
        }
        const waiter = this.waiting.get(parsed.data.id);
        if (!waiter) return;
        this.waiting.delete(parsed.data.id);
        slot.pending -= 1;
        waiter.resolve(parsed.data.results.map(toResult));
      });
      slot.worker.on('error', (error: Error) => this.fail(error));
      slot.worker.on('exit', (code: number) => {
        if (!this.closing) this.fail(new Error(`an extraction worker stopped (exit code ${code})`));
      });
      return slot;
    });
  }

  /** Extracts one path on the least busy worker. */
  run(path: string): Promise<GraphResult[]> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((best, s) => (s.pending < best.pending ? s : best));
    const id = this.nextId++;
    slot.pending += 1;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, path });
    });
  }

  /** A worker that crashed fails every path still waiting: the run stops with that error. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/**
 * The inputs' document graphs and failures, in input order, extracted by `workers` threads. Paths are
 * listed (folders walked) as on one thread; a path that cannot be listed fails alone, in its place.
 */
export async function* extractGraphsInParallel(paths: readonly string[], options: { workers: number; docTimeoutMs: number }): AsyncGenerator<GraphResult> {
  const pool = new ExtractPool(options.workers, options.docTimeoutMs);
  const inFlight: Promise<GraphResult[]>[] = [];
  const ahead = options.workers * 2;
  try {
    for (const given of paths) {
      const listing = listInputs([given])[Symbol.asyncIterator]();
      for (;;) {
        let next: IteratorResult<string>;
        try {
          next = await listing.next();
        } catch (error) {
          inFlight.push(Promise.resolve([{ ok: false, path: given, error: asKgError(error, given) }]));
          break;
        }
        if (next.done === true) break;
        const extraction = pool.run(next.value);
        // Awaited in order below; marked handled now so a failure is not reported before its turn.
        extraction.catch(() => undefined);
        inFlight.push(extraction);
        while (inFlight.length >= ahead) yield* await (inFlight.shift() as Promise<GraphResult[]>);
      }
    }
    while (inFlight.length > 0) yield* await (inFlight.shift() as Promise<GraphResult[]>);
  } finally {
    await pool.close();
  }
}
