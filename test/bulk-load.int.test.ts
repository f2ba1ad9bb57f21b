// The bulk route against a real server: the development corpus extracted in two shards
// (`kg extract --jsonl --shard i/2`), exported (`kg export --format neo4j-admin --from-jsonl`) and
// loaded (`kg load --bulk`, neo4j-admin into the stopped server) gives the same nodes, relationships,
// properties (with their Neo4j types), evidence and schema as `kg ingest` of the same corpus; after
// it, `kg ingest` goes on incrementally (a loaded document is unchanged, a new one is added as on an
// ingested graph). The load refuses a database that is not empty and a server that is not the local
// one. The import needs the database stopped, so all of this runs on a throw-away server of its own
// (other ports, other data folder, the downloaded jars shared), never on the shared test server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { Neo4jConfig } from '../src/config.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { startNeo4j, stopNeo4j } from '../src/local-server/neo4j-server.ts';
import { runId } from './support/neo4j-fixtures.ts';
import { dumpDifference, dumpGraph } from './support/graph-dump.ts';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = '../shared/corpus/dev';
const SAMPLE = 'data/sample/immunogen-8k-2007-07-31.txt';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function envFor(config: Neo4jConfig): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_URI: config.uri, NEO4J_USERNAME: config.username, NEO4J_PASSWORD: config.password, NEO4J_DATABASE: config.database };
}

function kg(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['bin/kg.js', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8'); // decodes a character split across two chunks whole
    child.stdout.on('data', (chunk: string) => void (stdout += chunk));
    child.stderr.setEncoding('utf8'); // decodes a character split across two chunks whole
    child.stderr.on('data', (chunk: string) => void (stderr += chunk));
    child.once('error', fail);
    child.once('close', (status) => done({ status, stdout, stderr }));
  });
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/** Empties the throw-away database; the product has no such command, on purpose. */
async function wipe(config: Neo4jConfig): Promise<void> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password));
  const session = driver.session({ database: config.database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}

/** The constraints and indexes (name, kind, what they cover). */
async function schema(config: Neo4jConfig): Promise<string[]> {
  const store = await Neo4jGraphStore.open(config);
  try {
    const rows = await store.read('SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint RETURN name, type, labelsOrTypes, properties, owningConstraint IS NOT NULL AS constraint');
    return rows.map((r) => JSON.stringify(r)).sort();
  } finally {
    await store.close();
  }
}

describe('kg load --bulk', () => {
  let home: string;
  let work: string;
  let config: Neo4jConfig;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'kg-bulk-server-'));
    work = mkdtempSync(join(tmpdir(), 'kg-bulk-files-'));
    mkdirSync(join(home, 'tools/neo4j-server'), { recursive: true });
    copyFileSync(join(ROOT, 'tools/neo4j-server/pom.xml'), join(home, 'tools/neo4j-server/pom.xml'));
    mkdirSync(join(home, '.neo4j'));
    symlinkSync(join(ROOT, '.neo4j/lib'), join(home, '.neo4j/lib'));
    const server = await startNeo4j({ root: home, boltPort: await freePort(), httpPort: await freePort(), password: `bulk-test-${runId()}`, heapMax: '512m', pageCache: '64m', timeoutMs: 170_000, log: () => {} });
    config = { uri: server.uri, username: server.username, password: server.password, database: server.database };
  }, 180_000);

  afterAll(async () => {
    if (home) {
      await stopNeo4j({ root: home, log: () => {} }).catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    }
    if (work) rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it('loads the graph kg ingest writes, and kg ingest goes on from it', async () => {
    const env = envFor(config);
    // 1. Two shards, exported together, loaded by the bulk route.
    const shards = await Promise.all([0, 1].map((i) => kg(env, 'extract', '--jsonl', '--shard', `${i}/2`, CORPUS)));
    const files = shards.map((run, i) => {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const file = join(work, `shard-${i}.jsonl`);
      writeFileSync(file, run.stdout);
      return file;
    });
    const exportDir = join(work, 'export');
    const exported = await kg(env, 'export', '--format', 'neo4j-admin', '--out', exportDir, '--from-jsonl', ...files);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^documents: 85 exported, 0 failed$/m);
    const loaded = await kg(env, 'load', '--bulk', exportDir, '--local-root', home);
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(loaded.stdout).toMatch(/^loaded \d+ nodes and \d+ relationships in /);
    const bulk = await dumpGraph(config);
    const bulkSchema = await schema(config);
    expect(bulk.nodes.length).toBeGreaterThan(1000);

    // 2. Not into a database that holds anything.
    const again = await kg(env, 'load', '--bulk', exportDir, '--local-root', home);
    expect(again.status).toBe(1);
    expect(lines(again.stderr)).toEqual([
      expect.stringMatching(/^kg: bolt:\/\/127\.0\.0\.1:\d+ \(database "neo4j"\): the database holds \d+ nodes and \d+ relationships; a bulk load only goes into an empty database .*\[NEO4J_NOT_EMPTY\]$/),
    ]);

    // 3. kg ingest on top: a loaded document is unchanged, a new one is added.
    const unchanged = await kg(env, 'ingest', `${CORPUS}/002_merck-ngm-option-ngm313.txt`);
    expect(unchanged.status, unchanged.stderr).toBe(0);
    expect(unchanged.stdout).toMatch(/^unchanged\s+002_merck-ngm-option-ngm313 /m);
    const added = await kg(env, 'ingest', SAMPLE);
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^created\s+immunogen-8k-2007-07-31 /m);
    const bulkThenIngest = await dumpGraph(config);

    // 4. The same corpus by kg ingest into the emptied database: the same graph, the same schema.
    await wipe(config);
    const ingested = await kg(env, 'ingest', CORPUS);
    expect(ingested.stderr).toBe('');
    expect(ingested.status).toBe(0);
    const transactional = await dumpGraph(config);
    expect(dumpDifference(bulk, transactional)).toEqual({ onlyInA: [], onlyInB: [] });
    expect(bulk).toEqual(transactional);
    expect(bulkSchema).toEqual(await schema(config));
    expect(bulkSchema.length).toBeGreaterThan(30);

    // 5. And the new document on top of it: the same as on top of the bulk-loaded graph.
    expect((await kg(env, 'ingest', SAMPLE)).status).toBe(0);
    const ingestThenIngest = await dumpGraph(config);
    expect(dumpDifference(bulkThenIngest, ingestThenIngest)).toEqual({ onlyInA: [], onlyInB: [] });
  }, 600_000);

  it('refuses a server that is not the local one, in one line', async () => {
    const port = await freePort();
    const run = await kg(envFor({ ...config, uri: `bolt://127.0.0.1:${port}` }), 'load', '--bulk', join(work, 'export'), '--local-root', home);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([expect.stringMatching(new RegExp(`^kg: bolt://127\\.0\\.0\\.1:${port} \\(database "neo4j"\\): kg load --bulk writes the files of the local server .*\\[CONFIG_INVALID\\]$`))]);
    expect(run.stdout + run.stderr).not.toContain(config.password);
  });
});
