// Bulk load (`kg load --bulk DIR`): the files of `kg export --format neo4j-admin` into the LOCAL
// server's database with `neo4j-admin database import full` (the server's own import tool, from the
// jars src/local-server/neo4j-server.ts downloads). The import writes store files directly, so it
// needs the database stopped and empty: the load refuses anything but the local server (it cannot
// reach another server's files) and a database that holds anything, stops the server, imports, starts
// it again on the same ports, then does over Bolt what the import cannot: the properties that are
// empty lists (those every node of a label, or every MENTIONS, has: one scan each, before any index
// exists to be kept up; the others row by row from empty-lists.jsonl, after), and the constraints and
// indexes of cypher/schema.cypher. It checks last that the database holds as many nodes and
// relationships as the manifest lists. From then on `kg ingest` adds to the graph as to any other
// (unchanged documents are skipped, changed ones replaced).
// With `afterImport`, only the Bolt part runs: for a server whose files were imported with import.sh
// on its own host.
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { isAbsolute, join, resolve } from 'node:path';
import type { Neo4jConfig } from '../config.ts';
import { KgError } from '../errors.ts';
import { Neo4jGraphStore, describeServer } from '../writers/neo4j.ts';
import { CypherInt, cypherText, type Params } from '../writers/write-plan.ts';
import { removeDatabaseStore, runNeo4jAdmin, runningServerSettings, startNeo4j, stopNeo4j } from '../local-server/neo4j-server.ts';
import { EMPTY_LISTS_FILE, EmptyListTarget, MANIFEST_FILE, Manifest, importCommand, type ScanTarget } from './export.ts';

export const IMPORT_LOG = 'import.log';
export const IMPORT_REPORT = 'import.report';

/**
 * Below this many records (nodes + relationships), neo4j-admin runs with the quick JIT only. Its
 * fixed cost is mostly the JVM compiling its own code: on the 2-vCPU machine of this project, an
 * import of 3 nodes costs 9.6 CPU-seconds with the default JIT and 4.1 with C1 only and the serial
 * collector; the 100× scale corpus (232,000 records, 84 MB of text) 23.7 → 12.7 CPU-seconds (wall
 * 59 → 25 s on the same busy machine). At 4 million records without properties the optimising JIT
 * pays for itself again (43.6 CPU-seconds against 47.3), hence the bound, between the two measured
 * sizes.
 */
export const QUICK_JIT_MAX_RECORDS = 2_000_000;

/** The JVM options of the import for an export of this size (see QUICK_JIT_MAX_RECORDS). */
export function importJvmOptions(counts: { nodes: number; relationships: number }): string[] {
  // Tiered compilation stopped at C1: no C2 compiler threads competing with the importer's two
  // workers for two cores. The serial collector: no parallel GC threads either (the heap is 1 GB).
  return counts.nodes + counts.relationships < QUICK_JIT_MAX_RECORDS ? ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'] : [];
}

/** Rows per statement (and transaction) when setting empty lists. */
const EMPTY_LIST_BATCH = 5000;

export interface BulkLoadOptions {
  /** Project folder whose .neo4j/ holds the local server (default: this checkout). */
  root?: string;
  /** The files were imported already (import.sh on the server's host): only the schema and the empty lists. */
  afterImport?: boolean;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Called as each step ends (for measurements: the bench reads the CPU time of each). */
  onStep?: (step: 'stop' | 'import' | 'start' | 'emptyListScans' | 'schema' | 'emptyListRows') => void;
}

export interface BulkLoadResult {
  nodes: number;
  relationships: number;
  emptyLists: number;
  /** Seconds per step: stop, import (neo4j-admin), start, schema, empty lists. */
  seconds: { stop: number; import: number; start: number; schema: number; emptyLists: number; total: number };
}

/** Reads and checks DIR/manifest.json. */
export function readManifest(dir: string): Manifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) throw new KgError('INPUT_NOT_FOUND', `no ${MANIFEST_FILE}: not a folder written by kg export --format neo4j-admin`, { subject: dir });
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new KgError('INPUT_MALFORMED', `not JSON: ${error instanceof Error ? error.message : String(error)}`, { subject: path });
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) throw new KgError('INPUT_MALFORMED', `not a manifest of kg export (${parsed.error.issues[0]?.message ?? 'invalid'})`, { subject: path });
  for (const f of [...parsed.data.nodes, ...parsed.data.relationships]) {
    if (f.rows > 0 && !existsSync(join(dir, f.file))) throw new KgError('INPUT_NOT_FOUND', `${f.file}, listed in ${MANIFEST_FILE}, is missing`, { subject: dir });
  }
  return parsed.data;
}

const LOCAL_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The port of a bolt:// or neo4j:// URI on this machine; undefined for any other URI. */
function localBoltPort(uri: string): number | undefined {
  const m = /^(?:bolt|neo4j):\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?]+)(?::(\d+))?\/?(?:\?.*)?$/.exec(uri);
  if (!m || !LOCAL_HOSTS.has(m[1] ?? '')) return undefined;
  return Number(m[2] ?? 7687);
}

async function totals(store: Neo4jGraphStore): Promise<{ nodes: number; relationships: number }> {
  const [row] = await store.read(cypherText('bulk/totals'));
  return { nodes: Number(row?.['nodes'] ?? 0), relationships: Number(row?.['relationships'] ?? 0) };
}

const EMPTY_LIST_STATEMENTS: Record<EmptyListTarget['target'], string> = {
  entity: 'bulk/empty-lists-entity',
  document: 'bulk/empty-lists-document',
  filing: 'bulk/empty-lists-filing',
  evidence: 'bulk/empty-lists-evidence',
  mentions: 'bulk/empty-lists-mentions',
  relationship: 'bulk/empty-lists-relationship',
  // Not an empty list: a document's copies (other files with its content), as kg ingest records them.
  copies: 'write/document-copies',
};

const SCAN_STATEMENTS: Record<ScanTarget, string> = {
  entity: 'bulk/empty-lists-all-entity',
  document: 'bulk/empty-lists-all-document',
  evidence: 'bulk/empty-lists-all-evidence',
  mentions: 'bulk/empty-lists-all-mentions',
};

/** Nodes or relationships set per transaction by a scan. */
const SCAN_BATCH = 20_000;

/**
 * Sets the empty lists that a scan can set (manifest.emptyLists.everywhere), before the schema exists:
 * each one changes an indexed property (aliases is in two indexes), and index maintenance on every
 * change costs more than populating the indexes once afterwards. Returns how many were set.
 */
async function setEmptyListsByScan(store: Neo4jGraphStore, manifest: Manifest, log: (line: string) => void): Promise<number> {
  const byTarget = new Map<ScanTarget, string[]>();
  for (const { target, property } of manifest.emptyLists.everywhere) byTarget.set(target, [...(byTarget.get(target) ?? []), property]);
  let count = 0;
  for (const [target, properties] of byTarget) {
    const started = performance.now();
    // An auto-commit statement: CALL { … } IN TRANSACTIONS commits every SCAN_BATCH rows itself.
    const { updates } = await store.runStatement(cypherText(SCAN_STATEMENTS[target]), { properties, batch: new CypherInt(SCAN_BATCH) }, { write: true });
    const set = updates['propertiesSet'] ?? 0;
    log(`  ${set} empty lists (${properties.join(', ')}) on ${target === 'mentions' ? 'MENTIONS relationships' : `${target} nodes`} in ${seconds(started).toFixed(1)} s`);
    count += set;
  }
  return count;
}

/**
 * Sets the other empty lists, row by row from empty-lists.jsonl (a batch of rows per statement and
 * transaction), once the schema's key indexes are there to find the rows. Returns how many were set.
 */
async function setEmptyListsByRow(store: Neo4jGraphStore, dir: string, manifest: Manifest): Promise<number> {
  const path = join(dir, EMPTY_LISTS_FILE);
  if (!existsSync(path)) return 0;
  const scanned = new Map<string, Set<string>>();
  for (const { target, property } of manifest.emptyLists.everywhere) scanned.set(target, (scanned.get(target) ?? new Set()).add(property));
  let count = 0;
  const pending = new Map<EmptyListTarget['target'], Params[]>();
  const flush = async (target: EmptyListTarget['target']): Promise<void> => {
    const rows = pending.get(target) ?? [];
    if (rows.length === 0) return;
    await store.runWrite(cypherText(EMPTY_LIST_STATEMENTS[target]), { rows });
    pending.set(target, []);
  };
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = EmptyListTarget.safeParse(json);
    if (!parsed.success) throw new KgError('INPUT_MALFORMED', `not an empty-list line of kg export`, { subject: `${path}:${number}` });
    const { target, ...row } = parsed.data;
    const done = scanned.get(target);
    const properties = row.properties.filter((p) => !done?.has(p));
    if (properties.length === 0 && target !== 'copies') continue;
    const rows = pending.get(target) ?? [];
    rows.push({ ...row, properties });
    pending.set(target, rows);
    count += 1;
    if (rows.length >= EMPTY_LIST_BATCH) await flush(target);
  }
  for (const target of pending.keys()) await flush(target);
  return count;
}

/**
 * What made an import fail, from its log: the innermost cause of the exception (without its class
 * name), else the last line that is not the importer's generic advice.
 */
export function importFailure(log: string): string {
  const lines = log.split('\n').map((l) => l.trim());
  const cause = lines.filter((l) => l.startsWith('Caused by: ')).at(-1);
  if (cause !== undefined) return cause.replace(/^Caused by: (?:[\w$.]+(?:Exception|Error)[\w$]*: )?/, '');
  return lines.filter((l) => l !== '' && !l.startsWith('Run with ') && !l.startsWith('at ')).at(-1) ?? '';
}

const seconds = (from: number): number => (performance.now() - from) / 1000;

/**
 * Loads the export in `dir` into the database of `config`, which must be the local server's and
 * empty (see the header comment). Throws a KgError when it refuses or fails; after a failed import
 * the database is made empty again.
 */
export async function bulkLoad(dir: string, config: Neo4jConfig, options: BulkLoadOptions = {}): Promise<BulkLoadResult> {
  const log = options.log ?? (() => undefined);
  const stepDone = options.onStep ?? (() => undefined);
  const started = performance.now();
  const manifest = readManifest(dir);
  const times = { stop: 0, import: 0, start: 0, schema: 0, emptyLists: 0, total: 0 };
  const server = describeServer(config);

  if (options.afterImport !== true) {
    const settings = runningServerSettings({ root: options.root });
    if (!settings) {
      throw new KgError('NEO4J_UNAVAILABLE', 'kg load --bulk imports into the local server, which is not running; start it with `npm run neo4j:start`', { subject: server });
    }
    if (localBoltPort(config.uri) !== settings.boltPort) {
      throw new KgError(
        'CONFIG_INVALID',
        `kg load --bulk writes the files of the local server (bolt://127.0.0.1:${settings.boltPort}), not of this one; on another server run ${join(dir, 'import.sh')} on its host, start it, then kg load --bulk --after-import`,
        { subject: server },
      );
    }
    const store = await Neo4jGraphStore.open(config);
    try {
      const found = await totals(store);
      if (found.nodes > 0 || found.relationships > 0) {
        throw new KgError('NEO4J_NOT_EMPTY', `the database holds ${found.nodes} nodes and ${found.relationships} relationships; a bulk load only goes into an empty database (kg ingest adds to this one)`, { subject: server });
      }
    } finally {
      await store.close();
    }

    let t = performance.now();
    log('stopping the local server for the import');
    await stopNeo4j({ root: options.root, log: () => undefined });
    times.stop = seconds(t);
    stepDone('stop');
    t = performance.now();
    const absolute = resolve(dir);
    const file = (name: string): string => (isAbsolute(name) ? name : join(absolute, name));
    // --verbose: a failure's cause is only printed with it (importFailure reads it from the log).
    const args = importCommand(manifest, config.database, file, { overwrite: true, extra: ['--verbose', `--report-file=${join(absolute, IMPORT_REPORT)}`] });
    log(`importing ${manifest.counts.nodes} nodes and ${manifest.counts.relationships} relationships with neo4j-admin (log: ${join(dir, IMPORT_LOG)})`);
    const imported = await runNeo4jAdmin(args, { root: options.root, logFile: join(absolute, IMPORT_LOG), jvmOptions: importJvmOptions(manifest.counts) });
    times.import = seconds(t);
    stepDone('import');
    const restart = async (): Promise<void> => {
      const t0 = performance.now();
      log('starting the local server again');
      await startNeo4j({ root: options.root, boltPort: settings.boltPort, httpPort: settings.httpPort, heapMax: settings.heapMax, pageCache: settings.pageCache, password: config.password, log: () => undefined });
      times.start = seconds(t0);
      stepDone('start');
    };
    if (imported.status !== 0) {
      // The import leaves unusable store files behind: remove them so the server starts with the database empty again.
      removeDatabaseStore(config.database, { root: options.root });
      await restart();
      const reason = importFailure(readFileSync(join(absolute, IMPORT_LOG), 'utf8'));
      throw new KgError('NEO4J_WRITE', `neo4j-admin import failed (exit ${imported.status})${reason ? `: ${reason}` : ''}; see ${join(dir, IMPORT_LOG)}; the database is empty again`, { subject: server });
    }
    await restart();
  }

  const store = await Neo4jGraphStore.open(config);
  try {
    let t = performance.now();
    log('setting the empty lists that a scan finds');
    let emptyLists = await setEmptyListsByScan(store, manifest, log);
    times.emptyLists = seconds(t);
    stepDone('emptyListScans');
    t = performance.now();
    log('creating the constraints and indexes of cypher/schema.cypher');
    await store.ensureSchema();
    times.schema = seconds(t);
    stepDone('schema');
    t = performance.now();
    emptyLists += await setEmptyListsByRow(store, dir, manifest);
    times.emptyLists += seconds(t);
    stepDone('emptyListRows');
    const found = await totals(store);
    if (found.nodes !== manifest.counts.nodes || found.relationships !== manifest.counts.relationships) {
      throw new KgError(
        'NEO4J_WRITE',
        `the database holds ${found.nodes} nodes and ${found.relationships} relationships, the export ${manifest.counts.nodes} and ${manifest.counts.relationships}; was it imported from ${dir} into an empty database?`,
        { subject: server },
      );
    }
    times.total = seconds(started);
    return { nodes: found.nodes, relationships: found.relationships, emptyLists, seconds: times };
  } finally {
    await store.close();
  }
}
