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
import { Neo4jGraphStore, type DocumentWriteStatus, type GraphCounts, type WriteCounters, type WriteOptions } from '../writers/neo4j.ts';
import { DEFAULT_BATCH_SIZE, DocumentBatches, documentRows } from '../writers/write-plan.ts';
import { NO_DECISIONS, type Decisions } from '../graph/decisions.ts';
import { loadKnowledge } from '../knowledge/index.ts';

export interface IngestOptions extends Omit<WriteOptions, 'resolution'>, ParallelOptions {
  /** A person's resolution decisions (src/graph/decisions.ts), applied to every document; none by default. */
  decisions?: Decisions;
  /** Called after each document is written or found unchanged (one line of progress output). */
  onDocument?: (result: IngestedDocument) => void;
  /** Called after each batch, after its documents' onDocument calls. */
  onBatch?: (batch: IngestedBatch) => void;
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

export interface IngestedDocument {
  docId: string;
  status: DocumentWriteStatus;
  /** Its content is this stored document's (same content hash): it is that document, not a second one. */
  copyOf?: string;
  /** The batch it was written in (1-based, see onBatch). */
  batch: number;
  /** What the document states, from its own extraction: entities it names, relationships it supports. */
  entities: number;
  relationships: number;
  /**
   * What writing it changed on the server, when it had a transaction of its own. The server counts
   * changes per transaction, so a document written together with others has none of its own: the
   * batch's `changes` hold them.
   */
  changes?: WriteCounters;
  /** The document's part of the graph after the write (with `documentCounts`; empty otherwise). */
  counts: GraphCounts;
}

/** One batch: how its documents fared and what its transactions changed together. */
export interface IngestedBatch {
  /** 1-based, in write order. */
  number: number;
  documents: number;
  created: number;
  replaced: number;
  unchanged: number;
  /** Documents the database refused (each written alone after the batch failed on its data). */
  failed: number;
  /** Transactions committed: 1, or one per document after a fallback. */
  transactions: number;
  changes: WriteCounters;
}

export interface IngestSummary {
  /** Written or unchanged documents, in input order. */
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
  // The knowledge is loaded once: extraction runs on it and resolution keys names with its name
  // knowledge. Every document resolves against the stored entities (one node per real thing across the corpus).
  const knowledge = options.knowledge ?? loadKnowledge();
  const writeOptions: WriteOptions = { ...options, resolution: { names: knowledge.names, decisions: options.decisions ?? NO_DECISIONS } };
  try {
    await store.ensureSchema();
    const documents: IngestedDocument[] = [];
    const failures: IngestSummary['failures'] = [];
    const batches = new DocumentBatches<PendingDocument>(options.batchSize ?? DEFAULT_BATCH_SIZE, (p) => ({ docId: p.graph.documents[0]?.docId ?? '', rows: documentRows(p.graph) }));
    // Documents of each input not yet written, and whether one of them failed: an input is done
    // (onInput) when its last document's batch is.
    const unwritten = new Map<string, { left: number; ok: boolean }>();

    let batchNumber = 0;
    const write = async (batch: PendingDocument[]): Promise<void> => {
      if (batch.length === 0) return;
      const number = (batchNumber += 1);
      const result = await store.writeDocuments(
        batch.map((p) => p.graph),
        writeOptions,
      );
      const pendingOf = new Map(batch.map((p) => [p.graph.documents[0]?.docId ?? '', p]));
      const tally: IngestedBatch = { number, documents: batch.length, created: 0, replaced: 0, unchanged: 0, failed: result.failures.length, transactions: result.transactions, changes: result.counters };
      for (const written of result.documents) {
        const graph = pendingOf.get(written.docId)?.graph;
        const ingested: IngestedDocument = {
          docId: written.docId,
          status: written.status,
          ...(written.copyOf === undefined ? {} : { copyOf: written.copyOf }),
          batch: number,
          entities: graph?.entities.length ?? 0,
          relationships: graph?.relationships.length ?? 0,
          counts: { nodes: {}, relationships: {} },
        };
        if (written.transactionDocuments === 1) {
          const { nodesCreated, nodesDeleted, relationshipsCreated, relationshipsDeleted, propertiesSet } = written;
          ingested.changes = { nodesCreated, nodesDeleted, relationshipsCreated, relationshipsDeleted, propertiesSet };
        }
        if (options.documentCounts === true) ingested.counts = await store.documentCounts(written.docId);
        tally[written.status] += 1;
        documents.push(ingested);
        options.onDocument?.(ingested);
      }
      for (const f of result.failures) {
        const path = pendingOf.get(f.docId)?.path ?? f.docId;
        failures.push({ path, error: f.error });
        const input = unwritten.get(path);
        if (input) input.ok = false;
      }
      options.onBatch?.(tally);
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

    for await (const result of extractGraphs(inputs, { ...options, knowledge })) {
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

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

/** `kg ingest`'s line for one document: `created   DOCID (31 entities, 17 relationships)`. */
export function documentLine(d: IngestedDocument): string {
  const copy = d.copyOf === undefined ? '' : `, same content as ${d.copyOf}`;
  return `${d.status.padEnd(9)} ${d.docId} (${plural(d.entities, 'entity', 'entities')}, ${plural(d.relationships, 'relationship')}${copy})`;
}

/**
 * `kg ingest`'s line for one batch: its documents by status, its transactions and what they changed
 * together, e.g. `batch 3: 14 documents (12 created, 2 unchanged) in 1 transaction: +137/-0 nodes, +250/-0 relationships`.
 */
export function batchLine(b: IngestedBatch): string {
  const statuses = (['created', 'replaced', 'unchanged', 'failed'] as const).filter((s) => b[s] > 0).map((s) => `${b[s]} ${s}`);
  const head = `batch ${b.number}: ${plural(b.documents, 'document')} (${statuses.join(', ')})`;
  if (b.transactions === 0 || b.created + b.replaced === 0) return `${head}, nothing written`;
  const c = b.changes;
  return `${head} in ${plural(b.transactions, 'transaction')}: +${c.nodesCreated}/-${c.nodesDeleted} nodes, +${c.relationshipsCreated}/-${c.relationshipsDeleted} relationships`;
}

/** `kg ingest`'s last line: `documents: 12 ingested, 17 unchanged, 0 failed` (ingested = created or replaced). */
export function documentsLine(summary: IngestSummary): string {
  const unchanged = summary.documents.filter((d) => d.status === 'unchanged').length;
  return `documents: ${summary.documents.length - unchanged} ingested, ${unchanged} unchanged, ${summary.failures.length} failed`;
}
