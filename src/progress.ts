// The progress bar of `kg ingest`: files done, rate and ETA on a terminal; nothing at all when the
// output is not a TTY (logs and pipes get the plain per-document lines only).
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { listInputs } from './load/index.ts';

export interface Progress {
  /** Prints a line above the bar (or plainly when there is no bar). */
  log(line: string): void;
  tick(): void;
  stop(): void;
}

/** Counts the input files first (a directory walk, no reading) so the bar knows its total. */
async function countInputs(paths: readonly string[]): Promise<number> {
  let total = 0;
  try {
    for await (const _ of listInputs(paths)) total++;
  } catch {
    // A missing path is reported by the ingest itself; the bar just counts what it could see.
  }
  return total;
}

export async function startProgress(paths: readonly string[], stream: NodeJS.WriteStream, plain: (line: string) => void): Promise<Progress> {
  if (!stream.isTTY) return { log: plain, tick: () => undefined, stop: () => undefined };
  const total = await countInputs(paths);
  const multibar = new MultiBar(
    {
      stream,
      format: 'ingest [{bar}] {value}/{total} files | {rate} files/s | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  const started = performance.now();
  const bar: SingleBar = multibar.create(total, 0, { rate: '0.0' });
  let done = 0;
  return {
    log: (line) => multibar.log(line.endsWith('\n') ? line : `${line}\n`),
    tick: () => {
      done++;
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { rate: (done / Math.max(seconds, 1e-3)).toFixed(1) });
    },
    stop: () => multibar.stop(),
  };
}
