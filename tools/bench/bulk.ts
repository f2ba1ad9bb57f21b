// The bulk route beside the transactional writer, on the scale corpus (100× by default; issue #21):
//   1. the scale corpus is written to files (untimed);
//   2. extract: one `kg extract --jsonl --shard i/n` child process per core, side by side (timed: wall);
//   3. transactional: the shards' document graphs written by the writer of `kg ingest` (DocumentBatches,
//      default row budget) into a throw-away server of its own, timing only the writes, after a
//      warm-up on part of the corpus (written, then forgotten, untimed), as the ingest section gives
//      the writer a warm server;
//   4. the database emptied (store deleted, server restarted; untimed);
//   5. export: `kg export --format neo4j-admin --from-jsonl` of the shards (a child process, timed);
//   6. load: `kg load --bulk` (stop, neo4j-admin import, start, schema, empty lists; timed, in parts).
// Bulk relationships/s counts export and load (both start from extracted graphs, as the writer's
// time does); end to end is extract + export + load. Both routes must give the same node and
// relationship counts (checked). The throw-away server (its own ports and data folder, the jars of
// .neo4j/lib shared) is stopped and deleted at the end, so the project's server is never touched.
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_BATCH_SIZE, DocumentBatches, documentRows, type Graph, type Neo4jConfig } from '../../src/index.ts';
import { scaleCorpus, type SourceDocument } from './scale.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface BulkFigures {
  status: 'measured' | 'skipped';
  reason?: string;
  factor: number;
  documents: number;
  nodes: number;
  relationships: number;
  /** Bulk route: relationships over export + load seconds. */
  relationshipsPerSec: number;
  /** Over the transactional writer's relationships/s on the same corpus and server. */
  ratioVsTransactional: number | null;
  /** Extract (all cores) + export + load. */
  endToEndSeconds: number;
  extract?: { processes: number; seconds: number };
  export?: { seconds: number; files: number };
  load?: { seconds: number; stop: number; import: number; start: number; schema: number; emptyLists: number };
  /** neo4j-admin's own figure for the import (its "IMPORT DONE in …"): load.import without the JVM start and setup. */
  importToolSeconds?: number;
  /** neo4j-admin alone: relationships over its seconds. */
  importRelationshipsPerSec?: number;
  transactional?: { documents: number; warmupDocuments: number; seconds: number; relationshipsCreated: number; nodesCreated: number; relationshipsPerSec: number };
  /** Both routes gave the same node and relationship counts. */
  sameCounts?: boolean;
}

export function skippedBulk(factor: number, reason: string): BulkFigures {
  return { status: 'skipped', reason, factor, documents: 0, nodes: 0, relationships: 0, relationshipsPerSec: 0, ratioVsTransactional: null, endToEndSeconds: 0 };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no free port'))));
    });
  });
}

/** Runs `node bin/kg.js ARGS`, stdout to `stdoutFile`; rejects on a non-zero exit with its stderr. */
function kgChild(args: readonly string[], stdoutFile: string): Promise<void> {
  return new Promise((done, fail) => {
    const out = openSync(stdoutFile, 'w');
    const child = spawn(process.execPath, [join(ROOT, 'bin/kg.js'), ...args], { cwd: ROOT, stdio: ['ignore', out, 'pipe'] });
    closeSync(out);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    child.once('error', fail);
    child.once('close', (code) => (code === 0 ? done() : fail(new Error(`kg ${args[0] ?? ''} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`))));
  });
}

const since = (t: number): number => (performance.now() - t) / 1000;

/** Documents forgotten per transaction after the warm-up. */
const FORGET_CHUNK = 200;

export async function runBulkBench(sources: readonly SourceDocument[], factor: number, keep: ReadonlySet<string>, log: (line: string) => void): Promise<BulkFigures> {
  const server = await import('../../src/local-server/neo4j-server.ts');
  const { Neo4jGraphStore } = await import('../../src/writers/neo4j.ts');
  const { graphsFromJsonl } = await import('../../src/bulk/sources.ts');
  const { bulkLoad, readManifest } = await import('../../src/bulk/load.ts');

  const work = mkdtempSync(join(tmpdir(), 'kg-bench-bulk-'));
  const home = join(work, 'server');
  let started = false;
  try {
    // 1. The corpus as files.
    const corpus = join(work, 'corpus');
    mkdirSync(corpus);
    let documents = 0;
    for (const doc of scaleCorpus(sources, factor, keep)) {
      writeFileSync(join(corpus, doc.path), doc.text);
      documents += 1;
    }

    // 2. Extract on every core: one shard per process.
    const processes = availableParallelism();
    log(`bulk: ${documents} documents (${factor}× scale corpus); extracting in ${processes} shard processes …`);
    let t = performance.now();
    const shards = Array.from({ length: processes }, (_, i) => join(work, `shard-${i}.jsonl`));
    await Promise.all(shards.map((file, i) => kgChild(['extract', '--jsonl', '--shard', `${i}/${processes}`, corpus], file)));
    const extract = { processes, seconds: since(t) };

    // 3. The transactional writer on a throw-away server, warm.
    mkdirSync(join(home, 'tools/neo4j-server'), { recursive: true });
    copyFileSync(join(ROOT, 'tools/neo4j-server/pom.xml'), join(home, 'tools/neo4j-server/pom.xml'));
    mkdirSync(join(home, '.neo4j'));
    if (existsSync(join(ROOT, '.neo4j/lib'))) symlinkSync(join(ROOT, '.neo4j/lib'), join(home, '.neo4j/lib'));
    const ports = { boltPort: await freePort(), httpPort: await freePort() };
    log('bulk: starting a throw-away Neo4j for both routes …');
    const connection = await server.startNeo4j({ root: home, ...ports, password: `bench-${Date.now()}`, log: () => undefined });
    started = true;
    const config: Neo4jConfig = { uri: connection.uri, username: connection.username, password: connection.password, database: connection.database };
    const store = await Neo4jGraphStore.open(config);
    const transactional = { documents: 0, warmupDocuments: 0, seconds: 0, relationshipsCreated: 0, nodesCreated: 0, relationshipsPerSec: 0 };
    try {
      await store.ensureSchema();
      const warmupDocuments = Math.min(1000, Math.ceil(documents / 10));
      const warmed: string[] = [];
      const write = async (timed: boolean, limit: number): Promise<void> => {
        const batches = new DocumentBatches<Graph>(DEFAULT_BATCH_SIZE, (g) => ({ docId: g.documents[0]?.docId ?? '', rows: documentRows(g) }));
        const run = async (batch: Graph[]): Promise<void> => {
          if (batch.length === 0) return;
          const t0 = performance.now();
          const result = await store.writeDocuments(batch, { force: true });
          const failure = result.failures[0];
          if (failure) throw failure.error;
          if (!timed) {
            warmed.push(...batch.map((g) => g.documents[0]?.docId ?? ''));
            return;
          }
          transactional.seconds += since(t0);
          transactional.documents += result.documents.length;
          transactional.relationshipsCreated += result.counters.relationshipsCreated;
          transactional.nodesCreated += result.counters.nodesCreated;
        };
        let n = 0;
        for await (const item of graphsFromJsonl(shards)) {
          if (!item.ok) throw item.error;
          if (n++ >= limit) break;
          for (const batch of batches.add(item.graph)) await run(batch);
        }
        await run(batches.close());
      };
      log(`bulk: transactional writer, warm-up on ${warmupDocuments} documents (untimed) …`);
      await write(false, warmupDocuments);
      for (let i = 0; i < warmed.length; i += FORGET_CHUNK) await store.forgetDocuments(warmed.slice(i, i + FORGET_CHUNK));
      log(`bulk: transactional writer, ${documents} documents …`);
      await write(true, Number.POSITIVE_INFINITY);
      transactional.warmupDocuments = warmupDocuments;
      transactional.relationshipsPerSec = transactional.seconds === 0 ? 0 : transactional.relationshipsCreated / transactional.seconds;
    } finally {
      await store.close();
    }
    const countsOf = async (): Promise<{ nodes: number; relationships: number }> => {
      const s = await Neo4jGraphStore.open(config);
      try {
        const [row] = await s.read('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships');
        return { nodes: Number(row?.['nodes'] ?? 0), relationships: Number(row?.['relationships'] ?? 0) };
      } finally {
        await s.close();
      }
    };
    const afterTransactional = await countsOf();

    // 4. An empty database again.
    log('bulk: emptying the throw-away database (store deleted, server restarted) …');
    await server.stopNeo4j({ root: home, log: () => undefined });
    server.removeDatabaseStore(config.database, { root: home });
    await server.startNeo4j({ root: home, ...ports, password: config.password, log: () => undefined });

    // 5. Export, 6. load.
    log('bulk: kg export --format neo4j-admin --from-jsonl …');
    const exportDir = join(work, 'export');
    t = performance.now();
    await kgChild(['export', '--format', 'neo4j-admin', '--out', exportDir, '--from-jsonl', ...shards], join(work, 'export.out'));
    const exportSeconds = since(t);
    const manifest = readManifest(exportDir);
    log(`bulk: kg load --bulk (${manifest.counts.nodes} nodes, ${manifest.counts.relationships} relationships) …`);
    t = performance.now();
    const loaded = await bulkLoad(exportDir, config, { root: home });
    const loadSeconds = since(t);
    const done = /IMPORT DONE in (?:(\d+)m )?(\d+)s (\d+)ms/.exec(readFileSync(join(exportDir, 'import.log'), 'utf8'));
    const importToolSeconds = done ? Number(done[1] ?? 0) * 60 + Number(done[2]) + Number(done[3]) / 1000 : undefined;
    const afterBulk = await countsOf();

    const bulkSeconds = exportSeconds + loadSeconds;
    const relationshipsPerSec = bulkSeconds === 0 ? 0 : loaded.relationships / bulkSeconds;
    return {
      status: 'measured',
      factor,
      documents,
      nodes: loaded.nodes,
      relationships: loaded.relationships,
      relationshipsPerSec,
      ratioVsTransactional: transactional.relationshipsPerSec > 0 ? relationshipsPerSec / transactional.relationshipsPerSec : null,
      endToEndSeconds: extract.seconds + bulkSeconds,
      extract,
      export: { seconds: exportSeconds, files: manifest.nodes.length + manifest.relationships.length },
      load: { seconds: loadSeconds, ...loaded.seconds },
      importRelationshipsPerSec: loaded.seconds.import === 0 ? 0 : loaded.relationships / loaded.seconds.import,
      ...(importToolSeconds === undefined ? {} : { importToolSeconds }),
      transactional,
      sameCounts: afterBulk.nodes === afterTransactional.nodes && afterBulk.relationships === afterTransactional.relationships,
    };
  } catch (error) {
    return skippedBulk(factor, `failed (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    if (started) await server.stopNeo4j({ root: home, log: () => undefined }).catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

const f0 = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : '—');
const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—');

/** The BULK section of the printed report. */
export function formatBulk(b: BulkFigures, line: (label: string, value: string, goal?: string) => string): string[] {
  if (b.status === 'skipped') return [`BULK  skipped: ${b.reason ?? ''}`];
  const out = [`BULK  (${b.documents} documents, ${b.factor}× scale corpus: ${b.nodes} nodes, ${b.relationships} relationships; same counts as the writer: ${b.sameCounts === true ? 'yes' : 'NO'})`];
  const t = b.transactional;
  if (t) out.push(line(`transactional writer, relationships/s (warm, ${f1(t.seconds)} s)`, f0(t.relationshipsPerSec)));
  out.push(line('bulk route (export + load), relationships/s', f0(b.relationshipsPerSec)));
  out.push(line('ratio vs transactional writer', b.ratioVsTransactional === null ? '—' : `${f1(b.ratioVsTransactional)}×`));
  if (b.importRelationshipsPerSec !== undefined) out.push(line('neo4j-admin import alone, relationships/s', f0(b.importRelationshipsPerSec)));
  if (b.importToolSeconds !== undefined && b.load) out.push(line(`  of its ${f1(b.load.import)} s, importing (its own figure), s`, f1(b.importToolSeconds)));
  if (b.extract) out.push(line(`extract, ${b.extract.processes} shard processes, s`, f1(b.extract.seconds)));
  if (b.export) out.push(line(`export (${b.export.files} CSV files), s`, f1(b.export.seconds)));
  if (b.load) out.push(line(`load: stop ${f1(b.load.stop)}, import ${f1(b.load.import)}, start ${f1(b.load.start)}, schema ${f1(b.load.schema)}, lists ${f1(b.load.emptyLists)}; s`, f1(b.load.seconds)));
  out.push(line('end to end (extract → export → load), s', f1(b.endToEndSeconds)));
  return out;
}
