// Extraction throughput: the pipeline's stages from input bytes to a document graph (decode →
// structure → entities → relations → resolve), with no disk reads or writes inside the timed part,
// and the bare compromise parse of the same texts as the reference (issue #7).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decode, extractDocument, parseOnly, structureAndSegment, unlimitedContext, type Knowledge } from '../../src/index.ts';

export interface BenchInput {
  /** Path relative to the corpus root, used as the document's path. */
  path: string;
  bytes: Uint8Array;
}

export interface PassTotals {
  /** Input documents (files) extracted. */
  docs: number;
  /** UTF-8 bytes of the documents' text (what the extractors read). */
  textBytes: number;
  entities: number;
  relationships: number;
  /** Inputs the pipeline refused (binary, empty ...): counted, not fatal. */
  failures: number;
}

export function emptyTotals(): PassTotals {
  return { docs: 0, textBytes: 0, entities: 0, relationships: 0, failures: 0 };
}

export function addTotals(into: PassTotals, more: PassTotals): void {
  into.docs += more.docs;
  into.textBytes += more.textBytes;
  into.entities += more.entities;
  into.relationships += more.relationships;
  into.failures += more.failures;
}

const BENCH_EXTENSIONS = /\.(txt|html?)$/i;

/**
 * The benchmark corpus: every text and HTML document under `root` (the annotated .txt documents and
 * the raw formats), read once into memory so timing measures extraction, not the disk. With
 * `prose = true`, only the plain-text documents outside formats/ (the scale corpus's sources).
 */
export function readCorpusInputs(root: string, options: { prose?: boolean } = {}): BenchInput[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!(options.prose === true && entry.name === 'formats')) walk(path);
      } else if (entry.isFile() && BENCH_EXTENSIONS.test(entry.name) && !(options.prose === true && !entry.name.endsWith('.txt'))) found.push(path);
    }
  };
  walk(root);
  return found.sort().map((path) => ({ path: relative(root, path), bytes: readFileSync(path) }));
}

/** Extracts one input held in memory, as `kg extract` would the file. */
export function extractBytes(knowledge: Knowledge, path: string, bytes: Uint8Array): PassTotals {
  const totals = emptyTotals();
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const documents = structureAndSegment({ path, bytes: buffer, ...decode(buffer, path) }, unlimitedContext(knowledge, path));
    totals.docs = 1;
    for (const d of documents) {
      const x = extractDocument(d, knowledge);
      totals.textBytes += Buffer.byteLength(d.text, 'utf8');
      totals.entities += x.graph.entities.length;
      totals.relationships += x.graph.relationships.length;
    }
  } catch {
    totals.failures = 1;
  }
  return totals;
}

/** Extracts a text given in memory (the scale corpus). */
export function extractString(knowledge: Knowledge, path: string, text: string): PassTotals {
  return extractBytes(knowledge, path, Buffer.from(text, 'utf8'));
}

export function extractionPass(knowledge: Knowledge, inputs: readonly BenchInput[]): PassTotals {
  const totals = emptyTotals();
  for (const input of inputs) addTotals(totals, extractBytes(knowledge, input.path, input.bytes));
  return totals;
}

/** The texts the extractors read for these inputs (after decoding and structure), for the compromise reference. */
export function documentTexts(knowledge: Knowledge, inputs: readonly BenchInput[]): string[] {
  const texts: string[] = [];
  for (const input of inputs) {
    try {
      const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
      for (const d of structureAndSegment({ path: input.path, bytes: buffer, ...decode(buffer, input.path) }, unlimitedContext(knowledge, input.path))) texts.push(d.text);
    } catch {
      // Refused inputs are not part of either side of the comparison.
    }
  }
  return texts;
}

/** One bare compromise parse of every text; returns the bytes parsed. */
export function compromisePass(texts: readonly string[]): { textBytes: number; terms: number } {
  let textBytes = 0;
  let terms = 0;
  for (const t of texts) {
    terms += parseOnly(t);
    textBytes += Buffer.byteLength(t, 'utf8');
  }
  return { textBytes, terms };
}

export interface Timed<T> {
  ms: number;
  passes: number;
  result: T;
}

/** The inputs in path order, up to about `maxBytes` (inputs that would overflow it are skipped): `--quick`'s sample. */
export function sampleInputs<T extends { bytes: Uint8Array }>(inputs: readonly T[], maxBytes: number): T[] {
  const sample: T[] = [];
  let bytes = 0;
  for (const input of inputs) {
    if (bytes + input.bytes.byteLength > maxBytes) continue;
    sample.push(input);
    bytes += input.bytes.byteLength;
  }
  return sample;
}

/** The first inputs up to about `maxBytes`: enough to load lexicons and warm the JIT, cheaper than a pass. */
export function warmupSample<T extends { bytes: Uint8Array }>(inputs: readonly T[], maxBytes = 48 * 1024): T[] {
  const sample: T[] = [];
  let bytes = 0;
  for (const input of [...inputs].sort((a, b) => a.bytes.byteLength - b.bytes.byteLength)) {
    if (bytes + input.bytes.byteLength > maxBytes && sample.length > 0) break;
    sample.push(input);
    bytes += input.bytes.byteLength;
  }
  return sample;
}

/**
 * Runs `warmup` (JIT, lexicon loading), then `pass` enough times to fill `minMs` (at least once, at
 * most `maxPasses`), and returns the time of the measured passes.
 */
export function timePasses<T>(pass: () => T, minMs: number, warmup: () => unknown = pass, maxPasses = 10_000): Timed<T[]> & { warmupMs: number } {
  let t0 = performance.now();
  warmup();
  const warmupMs = performance.now() - t0;
  const results: T[] = [];
  t0 = performance.now();
  let elapsed = 0;
  while (results.length < maxPasses && (results.length === 0 || elapsed < minMs)) {
    results.push(pass());
    elapsed = performance.now() - t0;
  }
  return { ms: elapsed, passes: results.length, result: results, warmupMs };
}
