// Runs each scale size in its own child process (honest peak memory per size) and fits the slope
// of log(time) on log(size).
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { runJsonChild } from './json-child.ts';
import type { ScaleChildResult } from './scale-child.ts';
import { logLogSlope } from './scale.ts';

/** What a scale child prints, checked at the process boundary. */
const ScaleChildOutput = z.object({
  factor: z.number(),
  docs: z.number(),
  textBytes: z.number(),
  entities: z.number(),
  relationships: z.number(),
  failures: z.number(),
  totalMs: z.number(),
  msPerDoc: z.number(),
  rssBeforeMb: z.number(),
  peakRssMb: z.number(),
}) satisfies z.ZodType<ScaleChildResult>;

const RUNNER = fileURLToPath(new URL('../../bin/run.js', import.meta.url));
const CHILD = fileURLToPath(new URL('./scale-child.ts', import.meta.url));

export function runScaleChild(corpusRoot: string, factor: number, maxBaseKb?: number): Promise<ScaleChildResult> {
  const args = [RUNNER, CHILD, corpusRoot, String(factor), ...(maxBaseKb === undefined ? [] : [String(maxBaseKb)])];
  return runJsonChild(process.execPath, args, ScaleChildOutput, `scale run ${factor}×`);
}

export interface ScaleFigures {
  sizes: ScaleChildResult[];
  /** Slope of log(total time) on log(size): 1.0 is linear. */
  slope: number;
}

export async function runScale(corpusRoot: string, factors: readonly number[], maxBaseKb?: number): Promise<ScaleFigures> {
  const sizes: ScaleChildResult[] = [];
  for (const factor of factors) sizes.push(await runScaleChild(corpusRoot, factor, maxBaseKb));
  return { sizes, slope: logLogSlope(sizes.map((s) => ({ x: s.factor, y: s.totalMs }))) };
}
