// Ingest and forget: the library functions behind `kg ingest` and `kg forget`. Ingest streams inputs
// through the extraction pipeline and writes the extracted documents in batches, each batch in one
// transaction (DocumentBatches decides their size from the row budget `batchSize`): a document's facts
// commit atomically with its batch, a document the database refuses fails alone (the writer retries its
// batch one document per transaction), and a failing file never stops the others. One batch is written
// while the next is extracted (the server works on one core while extraction runs on this thread);
// batches are still written one after the other, in input order, so the graph is the same.
import type { Neo4jConfig } from '../config.ts';
import type { KgError } from '../errors.ts';
import type { Graph } from '../model/graph.ts';
import { extractGraphs, type ParallelOptions } from '../pipeline.ts';
import { Neo4jGraphStore, type DocumentWriteResult, type GraphCounts, type WriteOptions } from '../writers/neo4j.ts';
import { DEFAULT_BATCH_SIZE, DocumentBatches, documentRows } from '../writers/write-plan.ts';

export interface IngestOptions extends WriteOptions, ParallelOptions {
  /** Called after each document is written (progress output). */
  onDocument?: (result: IngestedDocument) => void;
  /** Called after each input file is done, written or failed (drives the progress bar). */
  onInput?: (path: string, ok: boolean) => void;
  /** Also read back each document's part of the graph (one more query per document). */
  documentCounts?: boolean;
  /**
   * Adjusts each document graph extracted from `path` before it is written: `kg ingest --fetch` adds
   * where EDGAR serves the filing (src/edgar/ingest.ts).
   */
  annotate?: (path: string, graph: Graph) => Graph;
}

export interface IngestedDocument extends DocumentWriteResult {
  /** The document's part of the graph after the write: entities it mentions, relationships it supports. */
  counts: GraphCounts;
}

export interface IngestSummary {
  documents: IngestedDocument[];
  failures: { path: string; error: KgError }[];
  /** Node counts by label and relationship counts by type after the run. */
  counts: GraphCounts;
}

/** An extracted document waiting for its batch, with the input it came from. */
interface PendingDocument {
  path: string;
  graph: Graph;
}

/** Extracts every input and writes it to Neo4j (schema first). */
export async function ingest(inputs: readonly string[], config: Neo4jConfig, options: IngestOptions = {}): Promise<IngestSummary> {
  const store = await Neo4jGraphStore.open(config);
  try {
    await store.ensureSchema();
    const documents: IngestedDocument[] = [];
    const failures: IngestSummary['failures'] = [];
    const batches = new DocumentBatches<PendingDocument>(options.batchSize ?? DEFAULT_BATCH_SIZE, (p) => ({ docId: p.graph.documents[0]?.docId ?? '', rows: documentRows(p.graph) }));
    // Documents of each input not yet written, and whether one of them failed: an input is done
    // (onInput) when its last document's batch is.
    const unwritten = new Map<string, { left: number; ok: boolean }>();

    const write = async (batch: PendingDocument[]): Promise<void> => {
      if (batch.length === 0) return;
      const result = await store.writeDocuments(
        batch.map((p) => p.graph),
        options,
      );
      const pathOf = new Map(batch.map((p) => [p.graph.documents[0]?.docId ?? '', p.path]));
      for (const written of result.documents) {
        const ingested: IngestedDocument = { ...written, counts: { nodes: {}, relationships: {} } };
        if (options.documentCounts === true) ingested.counts = await store.documentCounts(written.docId);
        documents.push(ingested);
        options.onDocument?.(ingested);
      }
      for (const f of result.failures) {
        const path = pathOf.get(f.docId) ?? f.docId;
        failures.push({ path, error: f.error });
        const input = unwritten.get(path);
        if (input) input.ok = false;
      }
      for (const p of batch) {
        const input = unwritten.get(p.path);
        if (!input) continue;
        input.left -= 1;
        if (input.left === 0) {
          unwritten.delete(p.path);
          options.onInput?.(p.path, input.ok);
        }
      }
    };

    // The batch being written, if any: the next one waits for it, so writes stay in order. A failure
    // is kept for that await (and marked handled now, so it is not reported while extraction runs).
    let writing: Promise<void> | undefined;
    const submit = async (batch: PendingDocument[]): Promise<void> => {
      if (writing) await writing;
      writing = write(batch);
      writing.catch(() => undefined);
    };

    for await (const result of extractGraphs(inputs, options)) {
      if (!result.ok) {
        failures.push({ path: result.path, error: result.error });
        options.onInput?.(result.path, false);
        continue;
      }
      if (result.graphs.length === 0) {
        options.onInput?.(result.path, true);
        continue;
      }
      const input = unwritten.get(result.path);
      if (input) input.left += result.graphs.length;
      else unwritten.set(result.path, { left: result.graphs.length, ok: true });
      for (const extracted of result.graphs) {
        const graph = options.annotate ? options.annotate(result.path, extracted) : extracted;
        for (const batch of batches.add({ path: result.path, graph })) await submit(batch);
      }
    }
    await submit(batches.close());
    if (writing) await writing;
    return { documents, failures, counts: await store.counts() };
  } finally {
    await store.close();
  }
}

/**
 * Removes documents and what only they supported, all in one transaction (all or none). Returns, per
 * docId, whether it was stored.
 */
export async function forget(docIds: readonly string[], config: Neo4jConfig): Promise<{ docId: string; removed: boolean }[]> {
  const store = await Neo4jGraphStore.open(config);
  try {
    const removed = new Set(await store.forgetDocuments(docIds));
    return docIds.map((docId) => ({ docId, removed: removed.has(docId) }));
  } finally {
    await store.close();
  }
}

/** Node counts by label and relationship counts by type. */
export async function graphCounts(config: Neo4jConfig): Promise<GraphCounts> {
  const store = await Neo4jGraphStore.open(config);
  try {
    return await store.counts();
  } finally {
    await store.close();
  }
}
