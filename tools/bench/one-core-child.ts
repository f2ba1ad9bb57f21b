// The one-core extraction figures, run in a child process that the parent pins to a single CPU
// (one-core-run.ts): `node bin/run.js tools/bench/one-core-child.ts CORPUS_ROOT MIN_MS [MAX_KB]`.
// Pinning matters: an unpinned Node process runs V8's garbage collector and optimising compiler on
// background threads, so "one process" uses about 1.5 cores of a two-core machine and is not a
// per-core figure. Times the extraction passes and, on the same CPU, compromise's bare parse of the
// same texts; prints one JSON line.
import { compromisePass, documentTexts, extractionPass, readCorpusInputs, sampleInputs, timePasses } from './extraction.ts';
import { loadKnowledge } from '../../src/index.ts';

const knowledge = loadKnowledge();

export interface OneCoreResult {
  docs: number;
  textBytes: number;
  entities: number;
  relationships: number;
  failures: number;
  passes: number;
  ms: number;
  /** CPU time of the whole process (all its threads) during the extraction passes. */
  cpuMs: number;
  compromiseTextBytes: number;
  compromisePasses: number;
  compromiseMs: number;
}

const [root, minMsText, maxKbText] = process.argv.slice(2);
const minMs = Number(minMsText);
const maxKb = maxKbText === undefined ? Number.POSITIVE_INFINITY : Number(maxKbText);
if (!root || !(minMs > 0) || !(maxKb > 0)) {
  process.stderr.write('usage: one-core-child.ts CORPUS_ROOT MIN_MS [MAX_KB]\n');
  process.exit(2);
}

const all = readCorpusInputs(root);
const inputs = Number.isFinite(maxKb) ? sampleInputs(all, maxKb * 1024) : all;
// Warm-up: one whole pass, so the measured passes run code the optimising compiler has already seen
// (on one core, compiling competes with the work being measured).
const cpu0 = process.cpuUsage();
const single = timePasses(() => extractionPass(knowledge, inputs), minMs);
const cpu = process.cpuUsage(cpu0);
const pass = single.result[0] ?? { docs: 0, textBytes: 0, entities: 0, relationships: 0, failures: 0 };
const texts = documentTexts(knowledge, inputs);
const reference = timePasses(() => compromisePass(texts), minMs);

const result: OneCoreResult = {
  ...pass,
  passes: single.passes,
  ms: single.ms,
  // The warm-up is inside the CPU window; scale it out by the wall-clock share of the measured passes.
  cpuMs: ((cpu.user + cpu.system) / 1000) * (single.ms / (single.ms + single.warmupMs)),
  compromiseTextBytes: reference.result[0]?.textBytes ?? 0,
  compromisePasses: reference.passes,
  compromiseMs: reference.ms,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
