// Where `kg export` takes its document graphs from: the inputs themselves (extracted here, in listing
// order), or the document lines of `kg extract --jsonl` runs (any number of shards, in any order).
// Either way each graph comes with its place in a single run over the inputs, and with what to name
// in a message about it.
import { KgError, isKgError } from '../errors.ts';
import { Graph as GraphSchema, type Graph } from '../model/graph.ts';
import { GraphAccumulator } from '../graph/merge.ts';
import { NO_DECISIONS, type Decisions } from '../graph/decisions.ts';
import { corpusResolver } from '../pipeline.ts';
import { extractShard, type ShardOptions } from './extract.ts';
import { compareOrder, lineOrder, readDocumentLines, type Order } from './jsonl.ts';
import { BulkExporter, type ExportSummary } from './export.ts';

export type OrderedGraph = { ok: true; graph: Graph; order: Order; source: string } | { ok: false; path: string; error: KgError };

/** The inputs' document graphs, extracted here (on `workers` threads when asked). */
export async function* graphsFromInputs(inputs: readonly string[], options: ShardOptions = {}): AsyncGenerator<OrderedGraph> {
  for await (const result of extractShard(inputs, options)) {
    if (!result.ok) yield result;
    else for (const [docIndex, graph] of result.graphs.entries()) yield { ok: true, graph, order: [result.input.fileIndex, docIndex], source: result.input.path };
  }
}

/** The document graphs of `kg extract --jsonl` output files (`-` for standard input). */
export async function* graphsFromJsonl(files: readonly string[]): AsyncGenerator<OrderedGraph> {
  for await (const result of readDocumentLines(files)) {
    if (!result.ok) yield result;
    else yield { ok: true, graph: result.line.graph, order: lineOrder(result.line), source: result.line.sourcePath };
  }
}

export interface BulkExportResult extends ExportSummary {
  documents: number;
  failures: { path: string; error: KgError }[];
}

/** Writes the import files of the graphs into `dir`; a document that cannot be exported fails alone. */
export async function exportForNeo4jAdmin(graphs: AsyncIterable<OrderedGraph>, dir: string): Promise<BulkExportResult> {
  const exporter = new BulkExporter(dir);
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
        error: new KgError(
          'SCHEMA_INVALID',
          `the graph fails the exchange schema: ${checked.error.issues
            .slice(0, 3)
            .map((i) => `${i.path.join('.')}: ${i.message}`)
            .join('; ')}`,
          { subject: item.source },
        ),
      });
  }
  ordered.sort((a, b) => compareOrder(a.order, b.order));
  // Resolved across documents in the order of a single run, as kg extract of the whole resolves them.
  const accumulator = new GraphAccumulator(corpusResolver({ decisions }));
  for (const { graph } of ordered) accumulator.add(graph);
  return { graph: accumulator.result(), documentCount: ordered.length, failures };
}
