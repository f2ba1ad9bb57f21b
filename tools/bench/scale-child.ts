// One size of the scale benchmark, run in a fresh process so its peak memory is its own:
// `node bin/run.js tools/bench/scale-child.ts CORPUS_ROOT FACTOR [MAX_BASE_KB]`. Streams the scale corpus (one
// generated document at a time, each extracted and dropped) and prints one JSON line of figures.
import { readCorpusInputs, extractString, addTotals, emptyTotals, warmupSample, sampleInputs } from './extraction.ts';
import { scaleCorpus, scaleKeepWords } from './scale.ts';
import type { SourceDocument } from './scale.ts';
import { loadKnowledge } from '../../src/index.ts';

const knowledge = loadKnowledge();

export interface ScaleChildResult {
  factor: number;
  docs: number;
  textBytes: number;
  entities: number;
  relationships: number;
  failures: number;
  totalMs: number;
  msPerDoc: number;
  /** Resident memory after warm-up, before the measured run. */
  rssBeforeMb: number;
  /** Peak resident memory of the whole process (Linux maxrss). */
  peakRssMb: number;
}

const [root, factorText, maxBaseKbText] = process.argv.slice(2);
const factor = Number(factorText);
const maxBaseKb = maxBaseKbText === undefined ? Number.POSITIVE_INFINITY : Number(maxBaseKbText);
if (!root || !Number.isInteger(factor) || factor < 1 || !(maxBaseKb > 0)) {
  process.stderr.write('usage: scale-child.ts CORPUS_ROOT FACTOR [MAX_BASE_KB]\n');
  process.exit(2);
}

const inputs = sampleInputs(readCorpusInputs(root, { prose: true }), maxBaseKb * 1024);
const sources: SourceDocument[] = inputs.map((i) => ({ name: i.path.replace(/[/\\]/g, '_'), text: Buffer.from(i.bytes).toString('utf8') }));
const keep = scaleKeepWords(knowledge.names.legalSuffixes);

// Warm-up on a few originals: loads lexicons and compiles the hot paths, so 1× is not charged for it.
for (const w of warmupSample(inputs)) extractString(knowledge, `bench-warmup-${w.path}`, Buffer.from(w.bytes).toString('utf8'));
const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;

const totals = emptyTotals();
const t0 = performance.now();
for (const doc of scaleCorpus(sources, factor, keep)) addTotals(totals, extractString(knowledge, doc.path, doc.text));
const totalMs = performance.now() - t0;

const result: ScaleChildResult = {
  factor,
  ...totals,
  totalMs,
  msPerDoc: totals.docs === 0 ? 0 : totalMs / totals.docs,
  rssBeforeMb,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
