// `kg ingest | query | forget` end to end against the real server: the reference filing and the dev
// corpus go in twice with identical results, every example query returns rows, forget cleans up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli.ts';
import { neo4jConfig } from '../src/config.ts';
import { listQueries } from '../src/api/queries.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { runId } from './support/neo4j-fixtures.ts';

const CORPUS = join(import.meta.dirname, '../../shared/corpus');
const corpusFiles = [
  join(CORPUS, '000_09ba589ba7ebe117.txt'),
  ...readdirSync(join(CORPUS, 'dev'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(CORPUS, 'dev', f)),
];

async function kg(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

/** docIds named in `kg ingest` output lines ("created   DOCID (...)"). */
function docIdsOf(output: string): string[] {
  return [...output.matchAll(/^(?:created|replaced|unchanged)\s+(\S+) \(/gm)].map((m) => m[1] ?? '').sort();
}

let store: Neo4jGraphStore;
beforeAll(async () => {
  store = await Neo4jGraphStore.open(neo4jConfig());
});
afterAll(async () => {
  await store?.close();
});

/** What the given documents put in the graph: their mentions and every evidence item they back. */
async function footprint(docIds: string[]): Promise<Record<string, unknown>> {
  const [row] = await store.read(
    `MATCH (d:Document) WHERE d.docId IN $docIds
     WITH collect(d) AS docs
     RETURN size(docs) AS documents,
            COUNT { MATCH (d:Document)-[:MENTIONS]->() WHERE d.docId IN $docIds } AS mentions,
            COLLECT { MATCH (:Entity)-[r]->(:Entity) WHERE any(id IN r.docIds WHERE id IN $docIds)
                      RETURN type(r) + ' ' + toString(size(r.docIds)) + ' ' + toString(r.firstSeen) } AS facts`,
    { docIds },
  );
  return { ...row, facts: [...((row?.['facts'] as string[]) ?? [])].sort() };
}

describe('kg ingest on the corpus', () => {
  let docIds: string[] = [];

  it('ingests the reference filing and the corpus, and a second run changes nothing', async () => {
    const first = await kg('ingest', '--batch-size', '50', ...corpusFiles);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    docIds = docIdsOf(first.out);
    expect(docIds.length).toBeGreaterThanOrEqual(corpusFiles.length);
    expect(first.out).toMatch(/^nodes: .*Company \d+/m);
    const before = await footprint(docIds);
    expect(before['documents']).toBe(docIds.length);
    // One line per document with its own status and what it states, one line per batch with what its
    // transaction changed, and a last line that counts written and unchanged documents apart.
    const lines = first.out.trimEnd().split('\n');
    const documentLines = lines.filter((l) => /^(created|replaced|unchanged) /.test(l));
    expect(documentLines).toHaveLength(docIds.length);
    for (const line of documentLines) expect(line).toMatch(/^(created|replaced|unchanged)\s+\S+ \(\d+ entit(y|ies), \d+ relationships?\)$/);
    const batchLines = lines.filter((l) => l.startsWith('batch '));
    expect(batchLines.length).toBeGreaterThan(1);
    for (const line of batchLines) expect(line).toMatch(/^batch \d+: \d+ documents? \(.+\)(, nothing written| in \d+ transactions?: \+\d+\/-\d+ nodes, \+\d+\/-\d+ relationships)$/);
    const written = documentLines.filter((l) => !l.startsWith('unchanged')).length;
    expect(lines.at(-1)).toBe(`documents: ${written} ingested, ${docIds.length - written} unchanged, 0 failed`);

    const second = await kg('ingest', ...corpusFiles);
    expect(second.code).toBe(0);
    expect(docIdsOf(second.out)).toEqual(docIds);
    expect(second.out).not.toMatch(/^(created|replaced) /m);
    expect(second.out).not.toMatch(/^batch .* in \d+ transaction/m);
    expect(second.out.trimEnd().split('\n').at(-1)).toBe(`documents: 0 ingested, ${docIds.length} unchanged, 0 failed`);
    expect(await footprint(docIds)).toEqual(before);

    // Two worker threads extract the same documents: every one is found unchanged, the graph stays.
    const parallel = await kg('ingest', '--workers', '2', ...corpusFiles);
    expect(parallel.err).toBe('');
    expect(parallel.code).toBe(0);
    expect(docIdsOf(parallel.out)).toEqual(docIds);
    expect(parallel.out).not.toMatch(/^(created|replaced) /m);
    expect(await footprint(docIds)).toEqual(before);
  }, 300_000);

  it('runs every example query with its defaults and gets rows', async () => {
    for (const query of listQueries()) {
      const result = await kg('query', query.name, '--json');
      expect(result.err, query.name).toBe('');
      expect(result.code, query.name).toBe(0);
      const rows = JSON.parse(result.out) as unknown[];
      expect(rows.length, `${query.name} returns rows`).toBeGreaterThan(0);
    }
  }, 120_000);

  it('prints a table and takes --param overrides', async () => {
    const table = await kg('query', 'evidence', '--param', 'limit=2');
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^type\s+\| source\s+\| target/);
    expect(table.out).toContain('(2 rows)');
    const bad = await kg('query', 'evidence', '--param', 'nope=1');
    expect(bad.code).toBe(2); // a parameter the query does not declare is a usage error
    expect(bad.err).toContain('no parameter "nope"');
    const unknown = await kg('query', 'no-such-query');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('[QUERY_NOT_FOUND]');
  });
});

describe('kg forget', () => {
  it('removes a document and what only it supported', async () => {
    const run = runId();
    const dir = mkdtempSync(join(tmpdir(), 'kg-forget-'));
    try {
      const file = join(dir, `${run}.txt`);
      writeFileSync(file, `Zyxt${run} Therapeutics, Inc. announced results today.\n\nZyxt${run} Therapeutics, Inc. is a biotechnology company.\n`);
      const ingested = await kg('ingest', file);
      expect(ingested.code).toBe(0);
      const [docId] = docIdsOf(ingested.out);
      expect(docId).toBeDefined();
      const forgotten = await kg('forget', docId!);
      expect(forgotten.out).toBe(`forgotten ${docId}\n`);
      expect(await store.read('MATCH (d:Document {docId: $docId}) RETURN d', { docId: docId! })).toEqual([]);
      expect(await store.read('MATCH (n:Entity) WHERE n.name CONTAINS $run RETURN n.name', { run })).toEqual([]);
      const again = await kg('forget', docId!);
      expect(again.code).toBe(1);
      expect(again.err).toContain('no document');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an unreachable server in one line without credentials', async () => {
    const result = await kg('forget', '--uri', 'bolt://127.0.0.1:9', 'x');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/\[NEO4J_UNAVAILABLE\]\n$/);
    expect(result.err).not.toContain(neo4jConfig().password);
  });
});
