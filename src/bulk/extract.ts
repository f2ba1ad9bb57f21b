// Sharded extraction (`kg extract --jsonl --shard i/n`): the pipeline run over one slice of the
// inputs, each extracted document handed out as a document line (jsonl.ts) that says where it stands
// in the whole listing. n processes given the same inputs and shards 0/n … (n-1)/n together produce
// every document of a single run exactly once.
import { extractGraph, extractGraphs, type ExtractSummary, type ParallelOptions } from '../pipeline.ts';
import { asKgError } from '../errors.ts';
import type { KgError } from '../errors.ts';
import { withoutDocumentText, type Graph } from '../model/graph.ts';
import { shardInputs, WHOLE, type Shard, type ShardInput } from './shard.ts';
import { documentLine } from './jsonl.ts';

export interface ShardOptions extends ParallelOptions {
  shard?: Shard;
}

export type ShardResult = { ok: true; input: ShardInput; graphs: Graph[] } | { ok: false; path: string; error: KgError };

/** The shard's files, in listing order; inputs that cannot be listed come back as failures. */
export async function listShard(inputs: readonly string[], shard: Shard): Promise<{ files: ShardInput[]; failures: { path: string; error: KgError }[] }> {
  const files: ShardInput[] = [];
  const failures: { path: string; error: KgError }[] = [];
  for await (const input of shardInputs(inputs, shard, (path, error) => failures.push({ path, error: asKgError(error, path) }))) files.push(input);
  return { files, failures };
}

/**
 * Extracts the shard's files (on `workers` threads when asked; results in listing order) and yields
 * each file's document graphs with its place in the listing, or a failure.
 */
export async function* extractShard(inputs: readonly string[], options: ShardOptions = {}): AsyncGenerator<ShardResult> {
  const { files, failures } = await listShard(inputs, options.shard ?? WHOLE);
  for (const failure of failures) yield { ok: false, ...failure };
  const byPath = new Map(files.map((f) => [f.path, f]));
  for await (const result of extractGraphs(
    files.map((f) => f.path),
    options,
  )) {
    const input = byPath.get(result.path);
    if (!result.ok) yield result;
    else if (input) yield { ok: true, input, graphs: result.graphs };
  }
}

export interface JsonlSummary {
  documents: number;
  failures: { path: string; error: KgError }[];
}

/**
 * Writes one document line per extracted document of the shard through `write`; with `text: false`
 * the documents' text is left out (`kg extract --jsonl --no-text`: smaller lines, and a graph loaded
 * from them has no Document.text).
 */
export async function extractToJsonl(inputs: readonly string[], write: (line: string) => void | Promise<void>, options: ShardOptions & { text?: boolean } = {}): Promise<JsonlSummary> {
  const shard = options.shard ?? WHOLE;
  const summary: JsonlSummary = { documents: 0, failures: [] };
  for await (const result of extractShard(inputs, options)) {
    if (!result.ok) {
      summary.failures.push({ path: result.path, error: result.error });
      continue;
    }
    for (const [docIndex, graph] of result.graphs.entries()) {
      const shown = options.text === false ? withoutDocumentText(graph) : graph;
      await write(documentLine({ relativePath: result.input.relativePath, fileIndex: result.input.fileIndex, docIndex, shard: `${shard.index}/${shard.count}`, graph: shown }));
      summary.documents += 1;
    }
  }
  return summary;
}

/** `kg extract --shard i/n` without --jsonl: the merged graph of the shard's files, as extractGraph gives it. */
export async function extractShardGraph(inputs: readonly string[], options: ShardOptions = {}): Promise<ExtractSummary> {
  const { files, failures } = await listShard(inputs, options.shard ?? WHOLE);
  const summary = await extractGraph(
    files.map((f) => f.path),
    options,
  );
  return { ...summary, failures: [...failures, ...summary.failures] };
}
