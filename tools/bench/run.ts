// `npm run bench` as a library: extraction (one core pinned, one unpinned process, all cores,
// compromise reference), ingest into Neo4j (batched vs one row per transaction), scale (1×, 10×, 100×,
// fresh process per size). Each section reads as the list of its steps; the script only parses
// arguments and prints.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { extractText, loadKnowledge, type Graph, type Knowledge } from '../../src/index.ts';
import { extractionPass, readCorpusInputs, sampleInputs, timePasses, warmupSample } from './extraction.ts';
import { runOneCore } from './one-core-run.ts';
import { runExtractionWorkers } from './workers.ts';
import { runIngest } from './ingest.ts';
import type { IngestFigures } from './ingest.ts';
import { runScale } from './scale-run.ts';
import type { ScaleChildResult } from './scale-child.ts';
import { scaleCorpus, scaleKeepWords } from './scale.ts';
import type { SourceDocument } from './scale.ts';
import { machineInfo } from './machine.ts';
import type { MachineInfo } from './machine.ts';
import { runBulkBench, type BulkFigures } from './bulk.ts';

/** The sections of the bench, in the order they run. */
export const BENCH_SECTIONS = ['extraction', 'ingest', 'scale', 'bulk'] as const;
export const BenchSection = z.enum(BENCH_SECTIONS);
export type BenchSection = z.infer<typeof BenchSection>;

export interface BenchSettings {
  corpusRoot: string;
  /** The sections to run (`--only`); the others are absent from the report. */
  sections: BenchSection[];
  quick: boolean;
  /** Minimum measured time per throughput figure. */
  minMs: number;
  workers: number;
  scaleFactors: number[];
  /** Size of the scale corpus written to Neo4j. */
  ingestFactor: number;
  baselineRows: number;
  /** Size of the scale corpus of the bulk route's comparison (src/bench/bulk.ts). */
  bulkFactor: number;
  /** Caps on the corpus read (KB of input) for --quick's smaller samples; undefined = everything. */
  extractionMaxKb?: number;
  scaleBaseMaxKb?: number;
}

export function defaultSettings(corpusRoot: string, quick: boolean): BenchSettings {
  return quick
    ? { corpusRoot, sections: [...BENCH_SECTIONS], quick, minMs: 1000, workers: availableParallelism(), scaleFactors: [1, 2, 4], ingestFactor: 1, baselineRows: 40, bulkFactor: 1, extractionMaxKb: 128, scaleBaseMaxKb: 64 }
    : { corpusRoot, sections: [...BENCH_SECTIONS], quick, minMs: 5000, workers: availableParallelism(), scaleFactors: [1, 10, 100], ingestFactor: 50, baselineRows: 200, bulkFactor: 100 };
}

export interface ExtractionFigures {
  corpus: { documents: number; inputKb: number; textKb: number; entitiesPerPass: number; relationshipsPerPass: number; failures: number };
  passes: number;
  /** One core: a child process pinned to one CPU (see oneCore.pinnedCpu). */
  docsPerSec: number;
  kbPerSec: number;
  kbPerSecPerCore: number;
  oneCore: {
    /** The CPU the one-core run was pinned to; null when it could not be pinned (then it is one process). */
    pinnedCpu: number | null;
    /** CPU time over wall time of the one-core run: 1.0 when pinned. */
    coresUsed: number;
    /** Both one-core runs (before and after the others); the faster one gives the figures. */
    runsKbPerSec: number[];
  };
  /**
   * The same extraction in one unpinned process, for reference: V8 collects garbage and compiles on
   * background threads, so one process uses more than one core (coresUsed).
   */
  singleProcess: { docsPerSec: number; kbPerSec: number; coresUsed: number };
  compromiseKbPerSec: number;
  ratioVsCompromiseParse: number;
  multiCore: { workers: number; docsPerSec: number; kbPerSec: number; kbPerSecPerCore: number };
  /** All cores (one worker thread per core) over one core. */
  multiCoreSpeedup: number;
}

export interface ScaleReport {
  base: { documents: number; textKb: number };
  slope: number;
  sizes: (ScaleChildResult & { textKb: number })[];
  /** Peak RSS per size, keyed by the size factor. */
  peakRssMb: Record<string, number>;
}

export interface BenchReport {
  machine: MachineInfo;
  settings: BenchSettings;
  extraction?: ExtractionFigures;
  ingest?: IngestFigures;
  scale?: ScaleReport;
  bulk?: BulkFigures;
}

const KB = 1024;

export async function benchExtraction(settings: BenchSettings, knowledge: Knowledge, log: (line: string) => void): Promise<ExtractionFigures> {
  const all = readCorpusInputs(settings.corpusRoot);
  const inputs = settings.extractionMaxKb === undefined ? all : sampleInputs(all, settings.extractionMaxKb * 1024);
  const inputKb = inputs.reduce((n, i) => n + i.bytes.byteLength, 0) / KB;
  log(`extraction: ${inputs.length} documents, ${inputKb.toFixed(0)} KB; one core (a child process pinned to one CPU), then compromise's bare parse there …`);
  const firstOne = await runOneCore(settings.corpusRoot, settings.minMs, settings.extractionMaxKb);

  log(`extraction: one unpinned process …`);
  const warm = warmupSample(inputs);
  const cpu0 = process.cpuUsage();
  const single = timePasses(
    () => extractionPass(knowledge, inputs),
    settings.minMs,
    () => extractionPass(knowledge, warm),
  );
  const cpu = process.cpuUsage(cpu0);
  const pass = single.result[0] ?? { docs: 0, textBytes: 0, entities: 0, relationships: 0, failures: 0 };
  const singleSeconds = single.ms / 1000;
  const singleCpuMs = ((cpu.user + cpu.system) / 1000) * (single.ms / (single.ms + single.warmupMs));

  log(`extraction: ${settings.workers} worker threads …`);
  const multi = await runExtractionWorkers(inputs, firstOne.passes, settings.workers);

  // A shared machine's CPUs are not equally fast from one minute to the next: the one-core run is
  // repeated after the others and the faster of the two counts (so the speed-up is not flattered).
  log(`extraction: one core again …`);
  const secondOne = await runOneCore(settings.corpusRoot, settings.minMs, settings.extractionMaxKb);
  const rate = (r: typeof firstOne): number => (r.textBytes * r.passes) / KB / (r.ms / 1000);
  const one = rate(secondOne) > rate(firstOne) ? secondOne : firstOne;
  const oneSeconds = one.ms / 1000;
  const kbPerSec = rate(one);
  const compromiseKbPerSec = (one.compromiseTextBytes * one.compromisePasses) / KB / (one.compromiseMs / 1000);
  const multiSeconds = multi.wallMs / 1000;
  const multiKbPerSec = multi.totals.textBytes / KB / multiSeconds;
  return {
    corpus: { documents: one.docs, inputKb, textKb: one.textBytes / KB, entitiesPerPass: one.entities, relationshipsPerPass: one.relationships, failures: one.failures },
    passes: one.passes,
    docsPerSec: (one.docs * one.passes) / oneSeconds,
    kbPerSec,
    kbPerSecPerCore: kbPerSec,
    oneCore: { pinnedCpu: one.pinnedCpu ?? null, coresUsed: one.cpuMs / one.ms, runsKbPerSec: [rate(firstOne), rate(secondOne)] },
    singleProcess: {
      docsPerSec: (pass.docs * single.passes) / singleSeconds,
      kbPerSec: (pass.textBytes * single.passes) / KB / singleSeconds,
      coresUsed: singleCpuMs / single.ms,
    },
    compromiseKbPerSec,
    ratioVsCompromiseParse: compromiseKbPerSec === 0 ? 0 : kbPerSec / compromiseKbPerSec,
    multiCore: { workers: multi.workers, docsPerSec: multi.totals.docs / multiSeconds, kbPerSec: multiKbPerSec, kbPerSecPerCore: multiKbPerSec / multi.workers },
    multiCoreSpeedup: kbPerSec === 0 ? 0 : multiKbPerSec / kbPerSec,
  };
}

function scaleSources(corpusRoot: string, maxKb?: number): SourceDocument[] {
  const inputs = readCorpusInputs(corpusRoot, { prose: true });
  return (maxKb === undefined ? inputs : sampleInputs(inputs, maxKb * 1024)).map((i) => ({ name: i.path.replace(/[/\\]/g, '_'), text: Buffer.from(i.bytes).toString('utf8') }));
}

export async function benchIngest(settings: BenchSettings, knowledge: Knowledge, log: (line: string) => void): Promise<IngestFigures> {
  const sources = scaleSources(settings.corpusRoot, settings.scaleBaseMaxKb);
  const keep = scaleKeepWords(knowledge.names.legalSuffixes);
  log(`ingest: scale corpus ${settings.ingestFactor}× (${sources.length * settings.ingestFactor} documents) into Neo4j …`);
  function* graphs(): Generator<Graph> {
    for (const doc of scaleCorpus(sources, settings.ingestFactor, keep)) for (const x of extractText(doc.text, { path: doc.path, knowledge })) yield x.graph;
  }
  return runIngest({ graphs, baselineRows: settings.baselineRows });
}

export async function benchScale(settings: BenchSettings, log: (line: string) => void): Promise<ScaleReport> {
  const sources = scaleSources(settings.corpusRoot, settings.scaleBaseMaxKb);
  const baseKb = sources.reduce((n, s) => n + Buffer.byteLength(s.text, 'utf8'), 0) / KB;
  log(`scale: ${sources.length} documents (${baseKb.toFixed(0)} KB) at ${settings.scaleFactors.map((f) => `${f}×`).join(', ')}, one fresh process each …`);
  const { sizes, slope } = await runScale(settings.corpusRoot, settings.scaleFactors, settings.scaleBaseMaxKb);
  return {
    base: { documents: sources.length, textKb: baseKb },
    slope,
    sizes: sizes.map((s) => ({ ...s, textKb: s.textBytes / KB })),
    peakRssMb: Object.fromEntries(sizes.map((s) => [String(s.factor), s.peakRssMb])),
  };
}

export async function runBench(settings: BenchSettings, log: (line: string) => void = () => undefined): Promise<BenchReport> {
  const machine = machineInfo();
  const knowledge = loadKnowledge();
  const runs = (section: BenchSection): boolean => settings.sections.includes(section);
  const report: BenchReport = { machine, settings };
  if (runs('extraction')) report.extraction = await benchExtraction(settings, knowledge, log);
  if (runs('ingest')) report.ingest = await benchIngest(settings, knowledge, log);
  if (runs('scale')) report.scale = await benchScale(settings, log);
  if (runs('bulk')) report.bulk = await runBulkBench(scaleSources(settings.corpusRoot, settings.scaleBaseMaxKb), settings.bulkFactor, scaleKeepWords(knowledge.names.legalSuffixes), log);
  return report;
}
