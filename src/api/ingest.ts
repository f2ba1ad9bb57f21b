// Ingest and forget: the library functions behind `kg ingest` and `kg forget`. Ingest streams inputs
// through the extraction pipeline and writes each document in its own transaction, so one document's
// facts commit atomically and a failing file never stops the others.
import type { Neo4jConfig } from '../config.ts';
import type { KgError } from '../errors.ts';
import { extractInputs, type ExtractOptions } from '../pipeline.ts';
import { Neo4jGraphStore, type DocumentWriteResult, type GraphCounts, type WriteOptions } from '../writers/neo4j.ts';

export interface IngestOptions extends WriteOptions, ExtractOptions {
  /** Called after each document is written (progress output). */
  onDocument?: (result: IngestedDocument) => void;
  /** Called after each input file is done, written or failed (drives the progress bar). */
  onInput?: (path: string, ok: boolean) => void;
  /** Also read back each document's part of the graph (one more query per document). */
  documentCounts?: boolean;
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

/** Extracts every input and writes it to Neo4j (schema first). */
export async function ingest(inputs: readonly string[], config: Neo4jConfig, options: IngestOptions = {}): Promise<IngestSummary> {
  const store = await Neo4jGraphStore.open(config);
  try {
    await store.ensureSchema();
    const documents: IngestedDocument[] = [];
    const failures: IngestSummary['failures'] = [];
    for await (const result of extractInputs(inputs, options)) {
      if (!result.ok) {
        failures.push({ path: result.path, error: result.error });
        options.onInput?.(result.path, false);
        continue;
      }
      for (const extraction of result.extractions) {
        const written = { ...(await store.writeDocument(extraction.graph, options)), counts: { nodes: {}, relationships: {} } };
        if (options.documentCounts === true) written.counts = await store.documentCounts(written.docId);
        documents.push(written);
        options.onDocument?.(written);
      }
      options.onInput?.(result.path, true);
    }
    return { documents, failures, counts: await store.counts() };
  } finally {
    await store.close();
  }
}

/** Removes documents and what only they supported. Returns, per docId, whether it was stored. */
export async function forget(docIds: readonly string[], config: Neo4jConfig): Promise<{ docId: string; removed: boolean }[]> {
  const store = await Neo4jGraphStore.open(config);
  try {
    const out: { docId: string; removed: boolean }[] = [];
    for (const docId of docIds) out.push({ docId, removed: await store.forgetDocument(docId) });
    return out;
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
