// A worker thread of the extraction pool (extract-pool.ts): takes input paths one at a time, runs the
// pipeline on each (the same extractFile as one thread does, with its per-document time budget) and
// sends back the document graphs and the failures, in the order extractFile gives them. Errors travel
// as their fields (code, message, subject): a KgError does not survive the copy between threads.
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { extractFile } from '../pipeline.ts';
import type { WorkerReply } from './extract-pool.ts';
import { loadKnowledge } from '../knowledge/index.ts';

const Job = z.object({ id: z.number().int(), path: z.string() });
// Infinity (no time budget) is a valid setting, which z.number() refuses.
const Settings = z.object({ docTimeoutMs: z.custom<number>((v) => typeof v === 'number' && v > 0, 'a positive number of milliseconds') });

const settings = Settings.parse(workerData);
// Each worker thread loads the knowledge once, as the main thread does.
const knowledge = loadKnowledge();
const port = parentPort;
if (port) {
  // One path at a time, in the order given: the per-document time budget is one clock per thread.
  let queue = Promise.resolve();
  port.on('message', (message: unknown) => {
    const job = Job.parse(message);
    queue = queue.then(async () => {
      const reply: WorkerReply = { id: job.id, results: [] };
      for await (const result of extractFile(job.path, settings.docTimeoutMs, knowledge)) {
        reply.results.push(
          result.ok
            ? { ok: true, path: result.path, graphs: result.extractions.map((x) => x.graph) }
            : { ok: false, path: result.path, error: { code: result.error.code, message: result.error.message, subject: result.error.subject ?? null } },
        );
      }
      port.postMessage(reply);
    });
  });
}
