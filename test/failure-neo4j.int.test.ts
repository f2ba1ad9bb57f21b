// Neo4j failures through the real CLI (`node bin/kg.js ingest`, a child process):
// - an unreachable server, a wrong password, an unknown database: one clear line, exit status 1, and
//   the password never appears in stdout or stderr;
// - a folder mixing good and bad files: one line per bad file, the good ones ingested, a summary
//   counting both, exit status 1;
// - the server killed (SIGKILL) in the middle of an ingest: a clear line and exit 1, no document
//   half written, and the same ingest run again after a restart gives exactly the graph of an
//   uninterrupted run. That test runs its own throw-away server (other ports, other data folder),
//   so the shared server the other test files use is never touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { neo4jConfig, type Neo4jConfig } from '../src/config.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { startNeo4j, stopNeo4j, type Neo4jConnection } from '../src/local-server/neo4j-server.ts';
import { canonical, runId } from './support/neo4j-fixtures.ts';
import { DOCUMENT_FILE, PRESS_RELEASE, writeBadInputs } from './fixtures/bad/generate.ts';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, '../shared/corpus');
const CORPUS_FILES = [
  join(CORPUS, '000_09ba589ba7ebe117.txt'),
  ...readdirSync(join(CORPUS, 'dev'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(CORPUS, 'dev', f)),
];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a user would have: NEO4J_* from `config`, nothing else about Neo4j. */
function envFor(config: Neo4jConfig): NodeJS.ProcessEnv {
  return { ...process.env, NEO4J_URI: config.uri, NEO4J_USERNAME: config.username, NEO4J_PASSWORD: config.password, NEO4J_DATABASE: config.database };
}

function kg(env: NodeJS.ProcessEnv, ...args: string[]): Run {
  const result = spawnSync(process.execPath, ['bin/kg.js', ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
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

const shared = neo4jConfig();

describe('kg ingest against a server it cannot use', () => {
  it('reports an unreachable server in one line, exit 1, no credentials', async () => {
    const port = await freePort(); // nothing listens there any more
    const password = 'unreachable-secret-4Kq';
    const run = kg(envFor({ ...shared, uri: `bolt://neo4j:${password}@127.0.0.1:${port}`, password }), 'ingest', CORPUS_FILES[0]!);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toEqual([`kg: bolt://127.0.0.1:${port} (database "neo4j"): cannot reach the Neo4j server while connecting; is it running? (\`npm run neo4j:start\` starts a local one) [NEO4J_UNAVAILABLE]`]);
    expect(run.stdout + run.stderr).not.toContain(password);
  });

  it('reports a wrong password in one line, exit 1, without printing either password', () => {
    const wrong = 'wrong-password-9Xz';
    const run = kg(envFor({ ...shared, password: wrong }), 'ingest', CORPUS_FILES[0]!);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/refused the user name or password.*\[NEO4J_AUTH\]\n$/);
    expect(run.stdout + run.stderr).not.toContain(wrong);
    expect(run.stdout + run.stderr).not.toContain(shared.password);
  });

  it('reports an unknown database in one line, exit 1', () => {
    const run = kg(envFor(shared), 'ingest', '--database', 'nosuchdatabase', CORPUS_FILES[0]!);
    expect(run.status).toBe(1);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(/the database "nosuchdatabase" does not exist.*\[NEO4J_DATABASE\]\n$/);
    expect(run.stdout + run.stderr).not.toContain(shared.password);
  });
});

describe('kg ingest on a folder mixing good and bad files', () => {
  const run = runId();
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kg-failure-mixed-'));
  });
  afterAll(() => {
    kg(envFor(shared), 'forget', `${run}-good-1`, `${run}-good-2`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests the good files, gives one line per bad file, counts both and exits 1', async () => {
    const bad = writeBadInputs(dir);
    writeFileSync(join(dir, `${run}-good-1.txt`), PRESS_RELEASE);
    writeFileSync(join(dir, `${run}-good-2.txt`), PRESS_RELEASE.replace(/Orvanta/g, 'Ostrevo'));
    const result = kg(envFor(shared), 'ingest', dir);
    expect(result.status).toBe(1);
    const errorLines = lines(result.stderr);
    // Only document file names are read from a folder; a .pdf or .png there is skipped, not an error.
    const failing = Object.entries(bad).filter(([path]) => DOCUMENT_FILE.test(path));
    expect(failing.length).toBeGreaterThanOrEqual(4);
    expect(errorLines).toHaveLength(failing.length);
    for (const path of Object.keys(bad).filter((p) => !DOCUMENT_FILE.test(p))) expect(result.stderr).not.toContain(path);
    for (const [path, code] of failing) {
      expect(
        errorLines.filter((l) => l.startsWith(`${path}: `) && l.endsWith(`[${code}]`)),
        path,
      ).toHaveLength(1);
    }
    expect(result.stdout).toMatch(new RegExp(`^created\\s+${run}-good-1 `, 'm'));
    expect(result.stdout).toMatch(new RegExp(`^created\\s+${run}-good-2 `, 'm'));
    expect(lines(result.stdout).at(-1)).toBe(`documents: 2 ingested, 0 unchanged, ${failing.length} failed`);
    expect(result.stdout + result.stderr).not.toContain(shared.password);

    const store = await Neo4jGraphStore.open(shared);
    try {
      const rows = await store.read('MATCH (d:Document) WHERE d.docId STARTS WITH $run RETURN d.docId AS docId ORDER BY docId', { run });
      expect(rows.map((r) => r['docId'])).toEqual([`${run}-good-1`, `${run}-good-2`]);
    } finally {
      await store.close();
    }
  });
});

/** Every node (labels, properties) and relationship (type, ends, properties) of a database, as sorted text. */
async function dump(config: Neo4jConfig): Promise<{ nodes: string[]; relationships: string[] }> {
  const store = await Neo4jGraphStore.open(config);
  try {
    const id = (v: string) => `coalesce(${v}.key, ${v}.docId, ${v}.accessionNumber, ${v}.name, '?')`;
    const nodes = await store.read('MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties');
    const relationships = await store.read(`MATCH (a)-[r]->(b) RETURN ${id('a')} AS a, type(r) AS type, ${id('b')} AS b, properties(r) AS properties`);
    return { nodes: nodes.map(canonical).sort(), relationships: relationships.map(canonical).sort() };
  } finally {
    await store.close();
  }
}

/** Empties a (throw-away) database; the product has no such command, on purpose. */
async function wipe(config: Neo4jConfig): Promise<void> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password));
  try {
    await driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database: config.database });
  } finally {
    await driver.close();
  }
}

/** Each stored document's own part of the graph: its mentions and the evidence it backs. */
async function documentFootprints(config: Neo4jConfig): Promise<Map<string, string>> {
  const store = await Neo4jGraphStore.open(config);
  try {
    const rows = await store.read(
      `MATCH (d:Document)
       RETURN d.docId AS docId,
              COUNT { (d)-[:MENTIONS]->() } AS mentions,
              COLLECT { MATCH ()-[r]->() WHERE d.docId IN r.docIds
                        UNWIND range(0, size(r.docIds) - 1) AS i
                        WITH r, i WHERE r.docIds[i] = d.docId
                        RETURN type(r) + ' ' + r.rules[i] + ' ' + toString(r.starts[i]) } AS evidence`,
    );
    return new Map(rows.map((r) => [String(r['docId']), canonical({ mentions: r['mentions'], evidence: [...(r['evidence'] as string[])].sort() })]));
  } finally {
    await store.close();
  }
}

describe('the server killed in the middle of an ingest', () => {
  let home: string;
  let server: Neo4jConnection;
  let config: Neo4jConfig;
  let boltPort: number;
  let httpPort: number;
  const password = `kill-test-${runId()}`;

  /** A throw-away server: its own root (sharing the downloaded jars), data folder and ports. */
  async function start(): Promise<Neo4jConnection> {
    return startNeo4j({ root: home, boltPort, httpPort, password, heapMax: '512m', pageCache: '64m', timeoutMs: 170_000, log: () => {} });
  }

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'kg-kill-test-'));
    mkdirSync(join(home, 'tools/neo4j-server'), { recursive: true });
    copyFileSync(join(ROOT, 'tools/neo4j-server/pom.xml'), join(home, 'tools/neo4j-server/pom.xml'));
    mkdirSync(join(home, '.neo4j'));
    symlinkSync(join(ROOT, '.neo4j/lib'), join(home, '.neo4j/lib'));
    boltPort = await freePort();
    httpPort = await freePort();
    server = await start();
    config = { uri: server.uri, username: server.username, password: server.password, database: server.database };
  }, 180_000);

  afterAll(async () => {
    if (home) {
      await stopNeo4j({ root: home, log: () => {} }).catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    }
  }, 120_000);

  it('leaves no document half written, and a re-run gives exactly the uninterrupted graph', async () => {
    // 1. The reference: one uninterrupted ingest of the corpus, then an empty database again.
    const reference = kg(envFor(config), 'ingest', ...CORPUS_FILES);
    expect(reference.stderr).toBe('');
    expect(reference.status).toBe(0);
    const expected = await dump(config);
    const expectedFootprints = await documentFootprints(config);
    expect(expected.nodes.length).toBeGreaterThan(0);
    await wipe(config);
    expect((await dump(config)).nodes).toEqual([]);

    // 2. The same ingest, with the server killed (SIGKILL: no clean shutdown) after a few documents.
    const child = spawn(process.execPath, ['bin/kg.js', 'ingest', ...CORPUS_FILES], { cwd: ROOT, env: envFor(config), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stderr.setEncoding('utf8'); // decodes a character split across two chunks whole
    child.stderr.on('data', (chunk: string) => void (stderr += chunk));
    child.stdout.setEncoding('utf8'); // decodes a character split across two chunks whole
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (!killed && (stdout.match(/^created /gm) ?? []).length >= 3) {
        killed = true;
        process.kill(server.pid, 'SIGKILL');
      }
    });
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    expect(killed).toBe(true);
    expect(status).toBe(1);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toMatch(/^kg: bolt:\/\/127\.0\.0\.1:\d+ \(database "neo4j"\): .*\[NEO4J_(UNAVAILABLE|WRITE)\]\n$/);
    expect(stdout + stderr).not.toContain(password);
    const writtenBeforeKill = (stdout.match(/^created /gm) ?? []).length;
    expect(writtenBeforeKill).toBeLessThan(CORPUS_FILES.length);

    // 3. Restart on the same data folder: every document there is whole (as in the reference).
    server = await start();
    const survivors = await documentFootprints(config);
    expect(survivors.size).toBeGreaterThanOrEqual(writtenBeforeKill);
    expect(survivors.size).toBeLessThanOrEqual(writtenBeforeKill + 1);
    for (const [docId, footprint] of survivors) expect(footprint, docId).toBe(expectedFootprints.get(docId));

    // 4. The same ingest again: exactly the graph of the uninterrupted run.
    const rerun = kg(envFor(config), 'ingest', ...CORPUS_FILES);
    expect(rerun.stderr).toBe('');
    expect(rerun.status).toBe(0);
    expect((rerun.stdout.match(/^unchanged /gm) ?? []).length).toBe(survivors.size);
    const after = await dump(config);
    const difference = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
    expect({ missing: difference(expected.nodes, after.nodes), extra: difference(after.nodes, expected.nodes) }).toEqual({ missing: [], extra: [] });
    expect({ missing: difference(expected.relationships, after.relationships), extra: difference(after.relationships, expected.relationships) }).toEqual({ missing: [], extra: [] });
    expect(after).toEqual(expected);
  }, 600_000);
});
