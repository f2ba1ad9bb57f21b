// Ingest throughput into the local Neo4j through the project's batched writer (src/writers/neo4j.ts),
// against a one-row-per-transaction baseline on a sample, in the same run (issue #7). The bench
// writes documents with ids of its own ("bench-…") and forgets them afterwards, so a database that
// holds real documents keeps them untouched. Skipped, with the reason, when no server is configured
// or reachable, or the writer is not available.
import { connect } from 'node:net';
import type { Graph } from '../model/graph.ts';
import { SCHEMA_VERSION } from '../model/graph.ts';

export interface IngestFigures {
  status: 'measured' | 'skipped';
  reason?: string;
  documents: number;
  nodesCreated: number;
  relationshipsCreated: number;
  seconds: number;
  nodesPerSec: number;
  relationshipsPerSec: number;
  baseline?: { rows: number; relationshipsCreated: number; seconds: number; relationshipsPerSec: number; rowsPerSec: number };
  ratioVsRowAtATime: number | null;
}

export function skippedIngest(reason: string): IngestFigures {
  return { status: 'skipped', reason, documents: 0, nodesCreated: 0, relationshipsCreated: 0, seconds: 0, nodesPerSec: 0, relationshipsPerSec: 0, ratioVsRowAtATime: null };
}

/**
 * Splits a document graph into one-fact graphs: each relationship (with its two endpoint entities),
 * else each entity, becomes its own tiny document. Written one per transaction, they are the
 * row-at-a-time baseline the batched writer is compared with.
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

export interface IngestOptions {
  /** Document graphs to write (from the scale corpus, ids starting with "bench-"). */
  graphs: () => Iterable<Graph>;
  /** Rows for the one-per-transaction baseline. */
  baselineRows: number;
}

export async function runIngest(options: IngestOptions): Promise<IngestFigures> {
  let configModule: typeof import('../config.ts');
  let writer: typeof import('../writers/neo4j.ts');
  try {
    configModule = await import('../config.ts');
    writer = await import('../writers/neo4j.ts');
  } catch (error) {
    return skippedIngest(`writer unavailable (${error instanceof Error ? error.message : String(error)})`);
  }
  let config;
  try {
    config = configModule.neo4jConfig();
  } catch {
    return skippedIngest('no Neo4j configured (run `npm run neo4j:start` or set NEO4J_URI/NEO4J_PASSWORD)');
  }
  if (!(await boltPortOpen(config.uri))) return skippedIngest(`no Neo4j listening at ${writer.describeServer(config)} (run \`npm run neo4j:start\`)`);
  let store;
  try {
    store = await writer.Neo4jGraphStore.open(config);
  } catch (error) {
    return skippedIngest(`Neo4j not reachable at ${writer.describeServer(config)} (${error instanceof Error ? error.message : String(error)})`);
  }
  const written: string[] = [];
  try {
    await store.ensureSchema();
    const figures: IngestFigures = { status: 'measured', documents: 0, nodesCreated: 0, relationshipsCreated: 0, seconds: 0, nodesPerSec: 0, relationshipsPerSec: 0, ratioVsRowAtATime: null };
    const sample: Graph[] = [];
    let ms = 0;
    for (const graph of options.graphs()) {
      const docId = graph.documents[0]?.docId;
      if (docId === undefined) continue;
      if (sample.length < options.baselineRows) sample.push(...rowGraphs(graph, options.baselineRows - sample.length));
      const t0 = performance.now();
      const r = await store.writeDocument(graph, { force: true });
      ms += performance.now() - t0;
      written.push(docId);
      figures.documents += 1;
      figures.nodesCreated += r.nodesCreated;
      figures.relationshipsCreated += r.relationshipsCreated;
    }
    figures.seconds = ms / 1000;
    figures.nodesPerSec = ms === 0 ? 0 : figures.nodesCreated / figures.seconds;
    figures.relationshipsPerSec = ms === 0 ? 0 : figures.relationshipsCreated / figures.seconds;

    // Baseline: the same writer, one fact per transaction, on fresh ids.
    let baseMs = 0;
    let baseRels = 0;
    for (const g of sample) {
      const docId = g.documents[0]?.docId;
      if (docId === undefined) continue;
      const t0 = performance.now();
      const r = await store.writeDocument(g, { force: true });
      baseMs += performance.now() - t0;
      written.push(docId);
      baseRels += r.relationshipsCreated;
    }
    if (sample.length > 0 && baseMs > 0) {
      const seconds = baseMs / 1000;
      figures.baseline = { rows: sample.length, relationshipsCreated: baseRels, seconds, relationshipsPerSec: baseRels / seconds, rowsPerSec: sample.length / seconds };
      figures.ratioVsRowAtATime = figures.baseline.relationshipsPerSec > 0 ? figures.relationshipsPerSec / figures.baseline.relationshipsPerSec : null;
    }
    return figures;
  } catch (error) {
    // A server that stops mid-run (another process restarting it) makes this section unmeasured, not the bench failed.
    return skippedIngest(`failed while writing (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    for (const docId of written) await store.forgetDocument(docId).catch(() => false);
    await store.close();
  }
}
