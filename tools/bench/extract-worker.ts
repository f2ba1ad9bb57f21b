// Worker thread of the multi-core extraction benchmark: warms up on the corpus, says it is ready,
// then on "go" extracts the corpus `passes` times and reports its totals. Started by workers.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { addTotals, emptyTotals, extractionPass, warmupSample } from './extraction.ts';
import type { BenchInput } from './extraction.ts';
import { loadKnowledge } from '../../src/index.ts';

const knowledge = loadKnowledge();

const WorkerJob = z.object({
  inputs: z.array(z.object({ path: z.string(), bytes: z.instanceof(Uint8Array) })),
  passes: z.number().int().positive(),
}) satisfies z.ZodType<{ inputs: BenchInput[]; passes: number }>;

const job = WorkerJob.parse(workerData);
const port = parentPort;
if (port) {
  extractionPass(knowledge, warmupSample(job.inputs));
  port.on('message', (message: unknown) => {
    if (message !== 'go') return;
    const totals = emptyTotals();
    const t0 = performance.now();
    for (let i = 0; i < job.passes; i++) addTotals(totals, extractionPass(knowledge, job.inputs));
    port.postMessage({ kind: 'done', ms: performance.now() - t0, totals });
  });
  port.postMessage({ kind: 'ready' });
}
