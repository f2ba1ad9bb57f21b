// The progress bars of `kg ingest` and `kg fetch`: items done, rate and ETA on a terminal, one bar per
// phase; nothing at all when the output is not a TTY (logs and pipes get the plain lines only).
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
  return startPhaseProgress('ingest', 'files', await countInputs(paths), stream, plain, plain);
}

/** A phase's progress that also has a place for warnings (stderr when there is no bar). */
export interface PhaseProgress extends Progress {
  warn(line: string): void;
}

/**
 * A bar for one phase of a run whose total is known when it starts (`kg fetch` downloads filings,
 * then `kg ingest --fetch` ingests them: one bar each). Lines go above the bar; without a terminal
 * there is no bar, `log` lines go to `plain` and `warn` lines to `plainWarn`.
 */
export function startPhaseProgress(phase: string, unit: string, total: number, stream: NodeJS.WriteStream, plain: (line: string) => void, plainWarn: (line: string) => void): PhaseProgress {
  if (!stream.isTTY) return { log: plain, warn: plainWarn, tick: () => undefined, stop: () => undefined };
  const multibar = new MultiBar(
    {
      stream,
      format: `${phase} [{bar}] {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  const started = performance.now();
  const bar: SingleBar = multibar.create(total, 0, { rate: '0.0' });
  let done = 0;
  const log = (line: string): void => multibar.log(line.endsWith('\n') ? line : `${line}\n`);
  return {
    log,
    warn: log,
    tick: () => {
      done++;
      const seconds = (performance.now() - started) / 1000;
      bar.update(done, { rate: (done / Math.max(seconds, 1e-3)).toFixed(1) });
    },
    stop: () => {
      // Lines logged since the last redraw wait in the bar's buffer: draw once more so they are printed.
      multibar.update();
      multibar.stop();
    },
  };
}
