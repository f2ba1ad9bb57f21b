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
// time does); end to end is extract + export + load. The machine is shared, so wall times depend on
// what else runs: each step records the load average, and on Linux the CPU seconds it used (from
// /proc: the writer's process and the server's during the timed writes; the export's child; the
// import's JVM; the restarted server's start, empty lists and schema), which other work does not
// inflate. Relationships per CPU-second compares the two routes' work, whoever else was running. Both routes must give the same node and
// relationship counts (checked). The throw-away server (its own ports and data folder, the jars of
// .neo4j/lib shared) is stopped and deleted at the end, so the project's server is never touched.
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
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
  /** neo4j-admin alone: relationships over its own "IMPORT DONE" seconds (no JVM start and setup). */
  importToolRelationshipsPerSec?: number;
  /** 1-minute load average at the start and end of each timed step (the machine has `cores` CPUs). */
  loadAverage?: { transactional: [number, number]; export: [number, number]; load: [number, number] };
  /**
   * CPU seconds (user + system) per step, from /proc (Linux only). transactional: the writer's process
   * (including reading the shard lines) and the server during the timed writes; bulk: the export's
   * process, neo4j-admin's JVM together with the server before it from the load's start (its emptiness
   * check and shutdown: a few CPU-seconds, so this is an upper bound), and the server started after
   * the import until the load returned (its start, the empty lists, the schema).
   */
  cpuSeconds?: { transactionalWriter: number; transactionalServer: number; export: number; import: number; serverAfterImport: number };
  /** Relationships per CPU-second of each route, and bulk over transactional. */
  relationshipsPerCpuSecond?: { transactional: number; bulk: number; ratio: number };
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
    child.stderr?.setEncoding('utf8'); // decodes a character split across two chunks whole
    child.stderr?.on('data', (chunk: string) => void (stderr += chunk));
    child.once('error', fail);
    child.once('close', (code) => (code === 0 ? done() : fail(new Error(`kg ${args[0] ?? ''} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`))));
  });
}

const since = (t: number): number => (performance.now() - t) / 1000;

const load1 = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** The fields of /proc/<pid>/stat after the command name (field 3, the state, is index 0). */
function statFields(pid: number | 'self'): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process has used so far; undefined off Linux or when it is gone. */
function processCpuSeconds(pid: number): number | undefined {
  const f = statFields(pid);
  return f ? (Number(f[11]) + Number(f[12])) / USER_HZ : undefined;
}

/** CPU seconds of this process's children that have ended (and were waited for). */
function endedChildrenCpuSeconds(): number | undefined {
  const f = statFields('self');
  return f ? (Number(f[13]) + Number(f[14])) / USER_HZ : undefined;
}

const processCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

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
    const loadAverage: NonNullable<BulkFigures['loadAverage']> = { transactional: [0, 0], export: [0, 0], load: [0, 0] };
    const cpu: NonNullable<BulkFigures['cpuSeconds']> = { transactionalWriter: 0, transactionalServer: 0, export: 0, import: 0, serverAfterImport: 0 };
    let cpuKnown = endedChildrenCpuSeconds() !== undefined;
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
      loadAverage.transactional[0] = load1();
      const writerCpu0 = processCpu();
      const serverCpu0 = processCpuSeconds(connection.pid);
      await write(true, Number.POSITIVE_INFINITY);
      loadAverage.transactional[1] = load1();
      cpu.transactionalWriter = processCpu() - writerCpu0;
      const serverCpu1 = processCpuSeconds(connection.pid);
      if (serverCpu0 !== undefined && serverCpu1 !== undefined) cpu.transactionalServer = serverCpu1 - serverCpu0;
      else cpuKnown = false;
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
    loadAverage.export[0] = load1();
    const exportCpu0 = endedChildrenCpuSeconds() ?? 0;
    t = performance.now();
    await kgChild(['export', '--format', 'neo4j-admin', '--out', exportDir, '--from-jsonl', ...shards], join(work, 'export.out'));
    const exportSeconds = since(t);
    cpu.export = (endedChildrenCpuSeconds() ?? 0) - exportCpu0;
    loadAverage.export[1] = load1();
    const manifest = readManifest(exportDir);
    log(`bulk: kg load --bulk (${manifest.counts.nodes} nodes, ${manifest.counts.relationships} relationships) …`);
    // The server that bulkLoad stops is a child of this process: its whole CPU joins the ended
    // children's when it is reaped, which may come after the stop step has returned (the exit is
    // noticed on the event loop). So the import's CPU is the ended children's from the start of the
    // load to the end of the import, minus what the stopped server had used before the load (its
    // shutdown, a checkpoint of an empty database, stays in).
    const serverBefore = server.neo4jStatus({ root: home });
    const serverCpuBefore = serverBefore.pid === undefined ? undefined : processCpuSeconds(serverBefore.pid);
    const loadCpuBegin = endedChildrenCpuSeconds();
    let loadCpuImported: number | undefined;
    loadAverage.load[0] = load1();
    t = performance.now();
    const loaded = await bulkLoad(exportDir, config, {
      root: home,
      onStep: (step) => {
        if (step === 'import') loadCpuImported = endedChildrenCpuSeconds();
      },
    });
    const loadSeconds = since(t);
    loadAverage.load[1] = load1();
    const serverAfter = server.neo4jStatus({ root: home });
    const serverAfterCpu = serverAfter.pid === undefined ? undefined : processCpuSeconds(serverAfter.pid);
    if (serverCpuBefore === undefined || loadCpuBegin === undefined || loadCpuImported === undefined || serverAfterCpu === undefined) cpuKnown = false;
    else {
      cpu.import = loadCpuImported - loadCpuBegin - serverCpuBefore;
      cpu.serverAfterImport = serverAfterCpu;
    }
    const done = /IMPORT DONE in (?:(\d+)m )?(\d+)s (\d+)ms/.exec(readFileSync(join(exportDir, 'import.log'), 'utf8'));
    const importToolSeconds = done ? Number(done[1] ?? 0) * 60 + Number(done[2]) + Number(done[3]) / 1000 : undefined;
    const afterBulk = await countsOf();

    const bulkSeconds = exportSeconds + loadSeconds;
    const relationshipsPerSec = bulkSeconds === 0 ? 0 : loaded.relationships / bulkSeconds;
    const perCpuSecond = (relationships: number, seconds: number): number => (seconds > 0 ? relationships / seconds : 0);
    const transactionalPerCpu = perCpuSecond(transactional.relationshipsCreated, cpu.transactionalWriter + cpu.transactionalServer);
    const bulkPerCpu = perCpuSecond(loaded.relationships, cpu.export + cpu.import + cpu.serverAfterImport);
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
      ...(importToolSeconds === undefined ? {} : { importToolSeconds, importToolRelationshipsPerSec: loaded.relationships / importToolSeconds }),
      transactional,
      loadAverage,
      ...(cpuKnown ? { cpuSeconds: cpu, relationshipsPerCpuSecond: { transactional: transactionalPerCpu, bulk: bulkPerCpu, ratio: transactionalPerCpu > 0 ? bulkPerCpu / transactionalPerCpu : 0 } } : {}),
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
const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '—');

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
  if (b.importToolRelationshipsPerSec !== undefined) out.push(line('neo4j-admin over its own time, relationships/s', f0(b.importToolRelationshipsPerSec)));
  if (b.extract) out.push(line(`extract, ${b.extract.processes} shard processes, s`, f1(b.extract.seconds)));
  if (b.export) out.push(line(`export (${b.export.files} CSV files), s`, f1(b.export.seconds)));
  if (b.load) out.push(line(`load: stop ${f1(b.load.stop)}, import ${f1(b.load.import)}, start ${f1(b.load.start)}, schema ${f1(b.load.schema)}, lists ${f1(b.load.emptyLists)}; s`, f1(b.load.seconds)));
  out.push(line('end to end (extract → export → load), s', f1(b.endToEndSeconds)));
  const c = b.cpuSeconds;
  const r = b.relationshipsPerCpuSecond;
  if (c && r) {
    out.push(line(`CPU s: writer ${f1(c.transactionalWriter)} + server ${f1(c.transactionalServer)}; rel per CPU-s`, f0(r.transactional)));
    out.push(line(`CPU s: export ${f1(c.export)} + import ${f1(c.import)} + server ${f1(c.serverAfterImport)}; rel per CPU-s`, f0(r.bulk)));
    out.push(line('bulk / transactional, per CPU-second', `${f2(r.ratio)}×`));
  }
  const l = b.loadAverage;
  if (l) out.push(`  load average (start → end): writer ${l.transactional[0]} → ${l.transactional[1]}, export ${l.export[0]} → ${l.export[1]}, load ${l.load[0]} → ${l.load[1]}`);
  return out;
}
