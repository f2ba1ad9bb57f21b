// Ingest throughput into the local Neo4j through the project's batched writer (src/writers/neo4j.ts):
// documents grouped into transactions exactly as `kg ingest` groups them (DocumentBatches with the
// default row budget), against a one-row-per-transaction baseline on a sample, in the same run
// (issue #7). The baseline runs the same relationship statements (relationship-merge, evidence-create),
// one relationship per managed transaction, on relationships it creates (keys of its own), so both
// sides create what they count. The batched writes run twice, the first pass (reported as firstPass)
// warming a freshly started server, and the baseline runs after them. Only time spent writing is
// measured (extraction happens between batches). The bench writes documents with ids of its own
// ("bench-…") and forgets them afterwards, so a database that holds real documents keeps them
// untouched. Skipped, with the reason, when no server is configured or reachable.
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { DEFAULT_BATCH_SIZE, DocumentBatches, Neo4jGraphStore, SCHEMA_VERSION, describeServer, documentRows, neo4jConfig, relationshipRowStatements, type Graph, type Neo4jConfig, type Statement } from '../../src/index.ts';

export interface IngestFigures {
  status: 'measured' | 'skipped';
  reason?: string;
  documents: number;
  nodesCreated: number;
  relationshipsCreated: number;
  seconds: number;
  nodesPerSec: number;
  relationshipsPerSec: number;
  /** Transactions the batched writer committed, and the fact relationship rows it wrote per second. */
  transactions?: number;
  relationshipRows?: number;
  relationshipRowsPerSec?: number;
  baseline?: { rows: number; relationshipsCreated: number; seconds: number; relationshipsPerSec: number; rowsPerSec: number };
  /**
   * The first of the two passes, on the server as the bench found it (a freshly started server is
   * still compiling its hot paths); the figures above are the second pass.
   */
  firstPass?: { seconds: number; relationshipsPerSec: number };
  /** Batched relationships/s (all relationships created) over the baseline's. */
  ratioVsRowAtATime: number | null;
  /** Batched fact relationship rows/s over the baseline's rows/s (the same kind of row on both sides). */
  rowRatioVsRowAtATime?: number | null;
}

/** Documents forgotten per transaction when the bench cleans up after itself. */
const FORGET_CHUNK = 200;

export function skippedIngest(reason: string): IngestFigures {
  return { status: 'skipped', reason, documents: 0, nodesCreated: 0, relationshipsCreated: 0, seconds: 0, nodesPerSec: 0, relationshipsPerSec: 0, ratioVsRowAtATime: null };
}

/**
 * Splits a document graph into one-fact graphs: each relationship (with its two endpoint entities),
 * else each entity, becomes its own tiny document. The baseline gives their entities fresh keys
 * (baselineRows), writes them, then MERGEs each relationship in a transaction of its own.
 */
export function rowGraphs(graph: Graph, limit: number): Graph[] {
  const doc = graph.documents[0];
  if (!doc) return [];
  const byKey = new Map(graph.entities.map((e) => [e.key, e]));
  const out: Graph[] = [];
  const single = (i: number, keys: string[], relationships: Graph['relationships']): Graph => {
    const docId = `${doc.docId}-row${i}`;
    const entities = keys.flatMap((k) => {
      const e = byKey.get(k);
      return e ? [{ ...e, mentions: e.mentions.filter((m) => m.docId === doc.docId).map((m) => ({ ...m, docId })) }] : [];
    });
    const rels = relationships.map((r) => ({ ...r, evidence: r.evidence.filter((e) => e.docId === doc.docId).map((e) => ({ ...e, docId })) }));
    return { schemaVersion: SCHEMA_VERSION, documents: [{ ...doc, docId, registrantKeys: [], contentHash: `${doc.contentHash}-${i}` }], entities, relationships: rels };
  };
  if (graph.relationships.length > 0) {
    for (const r of graph.relationships.slice(0, limit)) out.push(single(out.length, [...new Set([r.start, r.end])], [r]));
  } else {
    for (const e of graph.entities.slice(0, limit)) out.push(single(out.length, [e.key], []));
  }
  return out;
}

/**
 * A plain TCP probe of the Bolt port: the driver retries an unreachable server for half a minute,
 * which a benchmark (and `--quick` above all) should not spend to find out there is none.
 */
export function boltPortOpen(uri: string, timeoutMs = 2000): Promise<boolean> {
  const m = /^[a-z+]+:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)(?::(\d+))?/.exec(uri);
  if (!m) return Promise.resolve(true); // let the driver judge URIs we do not parse
  const host = (m[1] ?? 'localhost').replace(/^\[|\]$/g, '');
  const port = Number(m[2] ?? 7687);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * The baseline's work: per sampled relationship, a tiny document (rowGraphs) whose keys get a suffix of
 * this run, so the relationships do not exist yet; `setup` holds those documents without their
 * relationships (written first, not timed), `rows` per relationship the statements that write it
 * (relationship-merge and evidence-create, one row each), a transaction's worth.
 */
export function baselineRows(graphs: readonly Graph[], limit: number, tag: string): { setup: Graph[]; rows: Statement[][] } {
  const setup: Graph[] = [];
  const rows: Statement[][] = [];
  const seen = new Set<string>();
  for (const graph of graphs) {
    for (const g of rowGraphs(graph, limit)) {
      if (rows.length >= limit) break;
      const fresh = (key: string): string => `${key}#${tag}`;
      const renamed: Graph = {
        ...g,
        documents: g.documents.map((d) => ({ ...d, docId: `${d.docId}-${tag}` })),
        entities: g.entities.map((e) => ({ ...e, key: fresh(e.key), mentions: e.mentions.map((m) => ({ ...m, docId: `${m.docId}-${tag}` })) })),
        relationships: g.relationships.map((r) => ({ ...r, start: fresh(r.start), end: fresh(r.end), evidence: r.evidence.map((e) => ({ ...e, docId: `${e.docId}-${tag}` })) })),
      };
      // One row per relationship that does not exist yet: a second row for the same one would only match.
      const identities = renamed.relationships.map((r) => `${r.type} ${r.start} ${r.end}`);
      if (renamed.relationships.length === 0 || identities.some((id) => seen.has(id))) continue;
      for (const id of identities) seen.add(id);
      setup.push({ ...renamed, relationships: [] });
      rows.push(...relationshipRowStatements(renamed));
    }
    if (rows.length >= limit) break;
  }
  return { setup, rows };
}

export interface IngestOptions {
  /** Document graphs to write (from the scale corpus, ids starting with "bench-"). */
  graphs: () => Iterable<Graph>;
  /** Rows for the one-per-transaction baseline. */
  baselineRows: number;
}

export async function runIngest(options: IngestOptions): Promise<IngestFigures> {
  let config: Neo4jConfig;
  try {
    config = neo4jConfig();
  } catch {
    return skippedIngest('no Neo4j configured (run `npm run neo4j:start` or set NEO4J_URI/NEO4J_PASSWORD)');
  }
  if (!(await boltPortOpen(config.uri))) return skippedIngest(`no Neo4j listening at ${describeServer(config)} (run \`npm run neo4j:start\`)`);
  let store: Neo4jGraphStore;
  try {
    store = await Neo4jGraphStore.open(config);
  } catch (error) {
    return skippedIngest(`Neo4j not reachable at ${describeServer(config)} (${error instanceof Error ? error.message : String(error)})`);
  }
  const written: string[] = [];
  const forgetWritten = async (): Promise<void> => {
    for (let i = 0; i < written.length; i += FORGET_CHUNK) await store.forgetDocuments(written.slice(i, i + FORGET_CHUNK));
    written.length = 0;
  };
  try {
    await store.ensureSchema();
    // Two passes of the same writes: a freshly started server compiles its hot paths (JIT) during the
    // first tens of thousands of rows, so the first pass measures a cold server and the second, after
    // the first pass's documents were forgotten again (untimed), the writer on a warm one.
    const cold = await batchedPass(store, options.graphs(), written);
    await forgetWritten();
    const sampled: Graph[] = [];
    let sampledRows = 0;
    const sampling = (graph: Graph): void => {
      if (sampledRows >= options.baselineRows) return;
      sampled.push(graph);
      sampledRows += graph.relationships.length;
    };
    const warm = await batchedPass(store, options.graphs(), written, sampling);
    const seconds = warm.ms / 1000;
    const perSec = (n: number): number => (warm.ms === 0 ? 0 : n / seconds);
    const figures: IngestFigures = {
      status: 'measured',
      documents: warm.documents,
      nodesCreated: warm.nodesCreated,
      relationshipsCreated: warm.relationshipsCreated,
      seconds,
      nodesPerSec: perSec(warm.nodesCreated),
      relationshipsPerSec: perSec(warm.relationshipsCreated),
      transactions: warm.transactions,
      relationshipRows: warm.relationshipRows,
      relationshipRowsPerSec: perSec(warm.relationshipRows),
      firstPass: { seconds: cold.ms / 1000, relationshipsPerSec: cold.ms === 0 ? 0 : cold.relationshipsCreated / (cold.ms / 1000) },
      ratioVsRowAtATime: null,
    };

    // Baseline: the same relationship statements, one relationship per transaction, on relationships it creates.
    const sample = baselineRows(sampled, options.baselineRows, `bench-${randomBytes(4).toString('hex')}`);
    for (const g of sample.setup) written.push(g.documents[0]?.docId ?? '');
    const setup = await store.writeDocuments(sample.setup, { force: true });
    const setupFailure = setup.failures[0];
    if (setupFailure) throw setupFailure.error;
    const t0 = performance.now();
    const base = await store.runEachInOwnTransaction(sample.rows);
    const baseMs = performance.now() - t0;
    if (sample.rows.length > 0 && baseMs > 0) {
      const seconds = baseMs / 1000;
      figures.baseline = { rows: sample.rows.length, relationshipsCreated: base.relationshipsCreated, seconds, relationshipsPerSec: base.relationshipsCreated / seconds, rowsPerSec: sample.rows.length / seconds };
      figures.ratioVsRowAtATime = figures.baseline.relationshipsPerSec > 0 ? figures.relationshipsPerSec / figures.baseline.relationshipsPerSec : null;
      figures.rowRatioVsRowAtATime = figures.baseline.rowsPerSec > 0 ? (figures.relationshipRowsPerSec ?? 0) / figures.baseline.rowsPerSec : null;
    }
    return figures;
  } catch (error) {
    // A server that stops mid-run (another process restarting it) makes this section unmeasured, not the bench failed.
    return skippedIngest(`failed while writing (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    await forgetWritten().catch(() => undefined);
    await store.close();
  }
}

interface PassResult {
  ms: number;
  documents: number;
  transactions: number;
  nodesCreated: number;
  relationshipsCreated: number;
  relationshipRows: number;
}

/**
 * Writes the graphs as `kg ingest` groups them (DocumentBatches with the default row budget, first
 * batches growing from one document), timing only the writes; their ids go to `written`.
 */
async function batchedPass(store: Neo4jGraphStore, graphs: Iterable<Graph>, written: string[], onGraph: (graph: Graph) => void = () => undefined): Promise<PassResult> {
  const pass: PassResult = { ms: 0, documents: 0, transactions: 0, nodesCreated: 0, relationshipsCreated: 0, relationshipRows: 0 };
  const writeBatch = async (batch: Graph[]): Promise<void> => {
    if (batch.length === 0) return;
    for (const g of batch) written.push(g.documents[0]?.docId ?? '');
    const t0 = performance.now();
    const r = await store.writeDocuments(batch, { force: true });
    pass.ms += performance.now() - t0;
    const failure = r.failures[0];
    if (failure) throw failure.error;
    pass.documents += r.documents.length;
    pass.transactions += r.transactions;
    pass.nodesCreated += r.counters.nodesCreated;
    pass.relationshipsCreated += r.counters.relationshipsCreated;
    pass.relationshipRows += batch.reduce((n, g) => n + g.relationships.length, 0);
  };
  const batches = new DocumentBatches<Graph>(DEFAULT_BATCH_SIZE, (g) => ({ docId: g.documents[0]?.docId ?? '', rows: documentRows(g) }));
  for (const graph of graphs) {
    if (graph.documents[0] === undefined) continue;
    onGraph(graph);
    for (const batch of batches.add(graph)) await writeBatch(batch);
  }
  await writeBatch(batches.close());
  return pass;
}
