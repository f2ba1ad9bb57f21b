// Runs one-core-child.ts pinned to one CPU with `taskset` (util-linux) where there is one, so the
// one-core figures are measured on one core; elsewhere the child runs unpinned and the report says so.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { runJsonChild } from './json-child.ts';
import type { OneCoreResult } from './one-core-child.ts';

const OneCoreOutput = z.object({
  docs: z.number(),
  textBytes: z.number(),
  entities: z.number(),
  relationships: z.number(),
  failures: z.number(),
  passes: z.number(),
  ms: z.number(),
  cpuMs: z.number(),
  compromiseTextBytes: z.number(),
  compromisePasses: z.number(),
  compromiseMs: z.number(),
}) satisfies z.ZodType<OneCoreResult>;

const RUNNER = fileURLToPath(new URL('../../bin/run.js', import.meta.url));
const CHILD = fileURLToPath(new URL('./one-core-child.ts', import.meta.url));

/** The CPU to pin to: the first one this process may run on (taskset -p), else none. */
export function pinnableCpu(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  const probe = spawnSync('taskset', ['-cp', String(process.pid)], { encoding: 'utf8' });
  if (probe.status !== 0) return undefined;
  // "pid 123's current affinity list: 0-3" or "0,2,4"
  const list = /:\s*(\d+)/.exec(probe.stdout);
  return list?.[1] === undefined ? undefined : Number(list[1]);
}

export interface OneCoreFigures extends OneCoreResult {
  /** The CPU the child was pinned to; undefined when it ran unpinned (no taskset). */
  pinnedCpu: number | undefined;
}

export async function runOneCore(corpusRoot: string, minMs: number, maxKb?: number): Promise<OneCoreFigures> {
  const cpu = pinnableCpu();
  const node = [RUNNER, CHILD, corpusRoot, String(minMs), ...(maxKb === undefined ? [] : [String(maxKb)])];
  const [command, args] = cpu === undefined ? [process.execPath, node] : ['taskset', ['-c', String(cpu), process.execPath, ...node]];
  return { ...(await runJsonChild(command, args, OneCoreOutput, 'one-core extraction run')), pinnedCpu: cpu };
}
