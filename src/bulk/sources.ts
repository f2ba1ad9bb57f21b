// Where `kg export` takes its document graphs from: the inputs themselves (extracted here, in listing
// order), or the document lines of `kg extract --jsonl` runs (any number of shards, given in any
// order). Either way the graphs come in the order of a single run over the inputs (the order kg ingest
// of the same inputs writes them in, which cross-document resolution depends on), each with its place
// in it and with what to name in a message about it. A shard's file is in run order already, so the
// files are merged line by line (one line per file held at a time), not sorted in memory.
import { KgError, isKgError, issuesText } from '../errors.ts';
import { Graph as GraphSchema, type Graph } from '../model/graph.ts';
import { GraphAccumulator } from '../graph/merge.ts';
import { NO_DECISIONS, type Decisions } from '../graph/decisions.ts';
import { corpusResolver } from '../pipeline.ts';
import { extractShard, type ShardOptions } from './extract.ts';
import { compareOrder, lineOrder, readDocumentLines, type LineResult, type Order } from './jsonl.ts';
import { BulkExporter, type ExportSummary } from './export.ts';

export type OrderedGraph = { ok: true; graph: Graph; order: Order; source: string } | { ok: false; path: string; error: KgError };

/** The inputs' document graphs, extracted here (on `workers` threads when asked). */
export async function* graphsFromInputs(inputs: readonly string[], options: ShardOptions = {}): AsyncGenerator<OrderedGraph> {
  for await (const result of extractShard(inputs, options)) {
    if (!result.ok) yield result;
    else for (const [docIndex, graph] of result.graphs.entries()) yield { ok: true, graph, order: [result.input.fileIndex, docIndex], source: result.input.path };
  }
}

/** The document graphs of `kg extract --jsonl` output files (`-` for standard input), as the files give them. */
export async function* graphsFromJsonl(files: readonly string[]): AsyncGenerator<OrderedGraph> {
  for await (const result of readDocumentLines(files)) {
    if (!result.ok) yield result;
    else yield { ok: true, graph: result.line.graph, order: lineOrder(result.line), source: result.line.sourcePath };
  }
}

/**
 * The document graphs of `kg extract --jsonl` output files (`-` for standard input), in run order: a
 * merge of the files, each in run order as one shard writes it (a file whose lines go back is an
 * error naming the line: concatenated shards are to be given as separate files). Failures come as met.
 */
export async function* graphsFromJsonlInRunOrder(files: readonly string[]): AsyncGenerator<OrderedGraph> {
  type Head = { reader: AsyncGenerator<LineResult>; line: OrderedGraph & { ok: true }; file: string };
  const heads: Head[] = [];
  // The next document line of a file (failures yielded through `failed`), or undefined at its end.
  const next = async (reader: AsyncGenerator<LineResult>, file: string, after: Order | undefined, failed: OrderedGraph[]): Promise<Head | undefined> => {
    for (;;) {
      const step = await reader.next();
      if (step.done === true) return undefined;
      const result = step.value;
      if (!result.ok) {
        failed.push(result);
        continue;
      }
      const order = lineOrder(result.line);
      if (after !== undefined && compareOrder(order, after) < 0) {
        throw new KgError('INPUT_MALFORMED', 'this line comes before the previous one in the run order (fileIndex, docIndex): give the output of each kg extract --jsonl shard as a file of its own, as the shard wrote it', {
          subject: result.where,
        });
      }
      return { reader, file, line: { ok: true, graph: result.line.graph, order, source: result.line.sourcePath } };
    }
  };
  const failed: OrderedGraph[] = [];
  for (const file of files) {
    const head = await next(readDocumentLines([file]), file, undefined, failed);
    if (head) heads.push(head);
  }
  yield* failed.splice(0);
  while (heads.length > 0) {
    // Few files (one per shard): a linear scan for the earliest head is enough.
    let earliest = 0;
    for (const [i, head] of heads.entries()) if (compareOrder(head.line.order, heads[earliest]?.line.order ?? head.line.order) < 0) earliest = i;
    const head = heads[earliest];
    if (head === undefined) break;
    yield head.line;
    const following = await next(head.reader, head.file, head.line.order, failed);
    yield* failed.splice(0);
    if (following) heads[earliest] = following;
    else heads.splice(earliest, 1);
  }
}

export interface BulkExportResult extends ExportSummary {
  documents: number;
  failures: { path: string; error: KgError }[];
}

/**
 * Writes the import files of the graphs (in run order) into `dir`, each document resolved against the
 * ones before it as kg ingest resolves it, with the review `decisions`; a document that cannot be
 * exported fails alone.
 */
export async function exportForNeo4jAdmin(graphs: AsyncIterable<OrderedGraph>, dir: string, decisions: Decisions = NO_DECISIONS): Promise<BulkExportResult> {
  const exporter = new BulkExporter(dir, corpusResolver({ decisions }));
  const failures: BulkExportResult['failures'] = [];
  let documents = 0;
  for await (const item of graphs) {
    if (!item.ok) {
      failures.push({ path: item.path, error: item.error });
      continue;
    }
    try {
      exporter.add(item.graph, item.order, item.source);
      documents += 1;
    } catch (error) {
      if (!isKgError(error)) throw error;
      failures.push({ path: item.source, error });
    }
  }
  return { ...exporter.finish(), documents, failures };
}

/**
 * The merged graph of `kg extract` over the same inputs: the graphs merged in their order of a single
 * run (held in memory, as `kg extract` holds its graph), so shards give the same bytes as one process.
 */
export async function mergeInRunOrder(graphs: AsyncIterable<OrderedGraph>, decisions: Decisions = NO_DECISIONS): Promise<{ graph: Graph; documentCount: number; failures: { path: string; error: KgError }[] }> {
  const ordered: { graph: Graph; order: Order }[] = [];
  const failures: { path: string; error: KgError }[] = [];
  for await (const item of graphs) {
    if (!item.ok) {
      failures.push({ path: item.path, error: item.error });
      continue;
    }
    const checked = GraphSchema.safeParse(item.graph);
    if (checked.success) ordered.push({ graph: checked.data, order: item.order });
    else
      failures.push({
        path: item.source,
        error: new KgError('SCHEMA_INVALID', `the graph fails the exchange schema: ${issuesText(checked.error.issues, { limit: 3 })}`, { subject: item.source }),
      });
  }
  ordered.sort((a, b) => compareOrder(a.order, b.order));
  // Resolved across documents in the order of a single run, as kg extract of the whole resolves them.
  const accumulator = new GraphAccumulator(corpusResolver({ decisions }));
  for (const { graph } of ordered) accumulator.add(graph);
  return { graph: accumulator.result(), documentCount: ordered.length, failures };
}
