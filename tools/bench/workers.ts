// Multi-core extraction: one worker thread per core, each extracting the whole corpus the same
// number of times (equal work, so one large document cannot leave a core idle). The clock runs from
// "go" (all workers warmed up) to the last worker's report.
import { z } from 'zod';
import type { BenchInput, PassTotals } from './extraction.ts';
import { addTotals, emptyTotals } from './extraction.ts';
import { startTsWorker } from '../../src/index.ts';

const DoneMessage = z.object({
  kind: z.literal('done'),
  ms: z.number(),
  totals: z.object({ docs: z.number(), textBytes: z.number(), entities: z.number(), relationships: z.number(), failures: z.number() }),
}) satisfies z.ZodType<{ kind: 'done'; ms: number; totals: PassTotals }>;
type DoneMessage = z.infer<typeof DoneMessage>;

function isMessage(m: unknown, kind: string): boolean {
  return typeof m === 'object' && m !== null && 'kind' in m && m.kind === kind;
}

export interface MultiCoreResult {
  workers: number;
  wallMs: number;
  totals: PassTotals;
}

export async function runExtractionWorkers(inputs: readonly BenchInput[], passes: number, workers: number): Promise<MultiCoreResult> {
  const started = Array.from({ length: workers }, () => startTsWorker(new URL('./extract-worker.ts', import.meta.url), { inputs, passes }));
  try {
    await Promise.all(
      started.map(
        (w) =>
          new Promise<void>((resolve, reject) => {
            w.once('error', reject);
            w.on('message', (m: unknown) => {
              if (isMessage(m, 'ready')) resolve();
            });
          }),
      ),
    );
    const done = started.map(
      (w) =>
        new Promise<DoneMessage>((resolve, reject) => {
          w.once('error', reject);
          w.on('message', (m: unknown) => {
            if (!isMessage(m, 'done')) return;
            const parsed = DoneMessage.safeParse(m);
            if (parsed.success) resolve(parsed.data);
            else reject(new Error(`worker sent an unexpected report: ${parsed.error.message}`));
          });
        }),
    );
    const t0 = performance.now();
    for (const w of started) w.postMessage('go');
    const reports = await Promise.all(done);
    const wallMs = performance.now() - t0;
    const totals = emptyTotals();
    for (const r of reports) addTotals(totals, r.totals);
    return { workers, wallMs, totals };
  } finally {
    await Promise.all(started.map((w) => w.terminate()));
  }
}
