// `kg cypher` against the real server: parameters travel as parameters, the three output formats,
// writes refused by the server unless --write, and a broken statement gives one line and exit 1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import { neo4jConfig } from '../src/config.ts';
import { runCypher, formatCsv } from '../src/api/cypher.ts';
import { ResultNode, ResultPath } from '../src/writers/neo4j-values.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { documentGraph, key, runId } from './support/neo4j-fixtures.ts';

const run = runId();
const docId = `${run}-cypher`;
const acme = key(run, 'Company', 'Acme');

async function kg(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { code, out, err };
}

beforeAll(async () => {
  const store = await Neo4jGraphStore.open(neo4jConfig());
  try {
    await store.ensureSchema();
    await store.writeDocument(documentGraph(run, docId, { companies: ['Acme', 'Beta, "the" Co'], licence: { licensor: 'Acme', licensee: 'Beta, "the" Co' } }));
  } finally {
    await store.close();
  }
});

afterAll(async () => {
  const store = await Neo4jGraphStore.open(neo4jConfig());
  try {
    await store.forgetDocument(docId);
    await store.runWrite('MATCH (n:CypherTest {run: $run}) DETACH DELETE n', { run });
  } finally {
    await store.close();
  }
});

const LICENCE_QUERY = 'MATCH (a:Company {key: $key})-[r:LICENSES_TO]->(b:Company) RETURN a.name AS licensor, b.name AS licensee, r.exclusive AS exclusive, $limit AS limit';

describe('kg cypher', () => {
  it('runs a read query with parameters and prints a table', async () => {
    const result = await kg('cypher', LICENCE_QUERY, '--param', `key=${acme}`, '--param', 'limit=3');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toMatch(/^licensor \| licensee\s+\| exclusive \| limit$/);
    expect(result.out).toContain('Acme     | Beta, "the" Co | true      | 3');
    expect(result.out).toContain('(1 row)');
  });

  it('never splices a parameter into the statement', async () => {
    const hostile = `x' }) MATCH (n) DETACH DELETE n //`;
    const result = await kg('cypher', 'RETURN $name AS name', '--param', `name=${hostile}`, '--format', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual([{ name: hostile }]);
  });

  it('prints JSON: one array of rows, nodes with labels and properties, whole numbers as Integers', async () => {
    const result = await kg('cypher', 'MATCH (a:Company {key: $key}) RETURN a, $n + 1 AS next, $list AS list', '--param', `key=${acme}`, '--param', 'n=41', '--param', 'list=["x",2]', '--format', 'json');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.out) as { a: { labels: string[]; properties: Record<string, unknown> }; next: number; list: unknown[] }[];
    expect(rows).toHaveLength(1);
    expect([...(rows[0]?.a.labels ?? [])].sort()).toEqual(['Company', 'Entity']);
    expect(rows[0]?.a.properties).toMatchObject({ key: acme, name: 'Acme' });
    expect(rows[0]?.next).toBe(42);
    expect(rows[0]?.list).toEqual(['x', 2]);
  });

  it('prints RFC 4180 CSV: a header, quoted fields where needed, CRLF', async () => {
    const result = await kg('cypher', LICENCE_QUERY, '-p', `key=${acme}`, '-p', 'limit=null', '--format', 'csv');
    expect(result.code).toBe(0);
    expect(result.out).toBe('licensor,licensee,exclusive,limit\r\nAcme,"Beta, ""the"" Co",true,\r\n');
    expect(formatCsv(['a', 'b'], [{ a: 'line\nbreak', b: ['x', 'y'] }])).toBe('a,b\r\n"line\nbreak","[""x"",""y""]"\r\n');
  });

  it('renders nodes, relationships and paths readably in a table', async () => {
    const result = await kg('cypher', 'MATCH p = (a:Company {key: $key})-[r:LICENSES_TO]->(b) RETURN a, r, p', '-p', `key=${acme}`);
    expect(result.code).toBe(0);
    expect(result.out).toContain('(:Company:Entity {name: "Acme", key: "');
    expect(result.out).toContain('[:LICENSES_TO {key: "LICENSES_TO|');
    // CSV cells are the same text, not cut to the table's width.
    const csv = await kg('cypher', 'MATCH p = (a:Company {key: $key})-[r:LICENSES_TO]->(b) RETURN p', '-p', `key=${acme}`, '-f', 'csv');
    expect(csv.out).toBe('p\r\n"(:Company:Entity {name: ""Acme""})-[:LICENSES_TO]->(:Company:Entity {name: ""Beta, \\""the\\"" Co""})"\r\n');
    const reversed = await runCypher('MATCH p = (b)<-[:LICENSES_TO]-(a:Company {key: $key}) RETURN p', neo4jConfig(), { params: { key: acme } });
    const path = reversed.rows[0]?.['p'];
    expect(path).toBeInstanceOf(ResultPath);
    expect(path instanceof ResultPath && path.nodes[0] instanceof ResultNode ? path.text() : '').toMatch(/^\(:Company:Entity \{name: "Beta.*"\}\)<-\[:LICENSES_TO\]-\(:Company:Entity \{name: "Acme"\}\)$/);
  });

  it('names the columns of a result without rows', async () => {
    const result = await kg('cypher', 'MATCH (n:Company {key: $key}) RETURN n.name AS name, n.key AS key', '-p', 'key=nobody');
    expect(result.code).toBe(0);
    expect(result.out).toBe('name | key\n-----+----\n(no rows)\n');
    expect((await kg('cypher', 'MATCH (n:Company {key: "nobody"}) RETURN n', '-f', 'json')).out).toBe('[]\n');
  });

  it('refuses a write without --write (the server refuses it: read access mode), does it with --write', async () => {
    const create = 'CREATE (n:CypherTest {run: $run}) RETURN n.run AS run';
    // A statement whose text does not start with a write keyword is refused all the same.
    for (const statement of [create, `WITH 1 AS one ${create}`, `CALL { CREATE (n:CypherTest {run: $run}) } RETURN 1 AS x`]) {
      const refused = await kg('cypher', statement, '-p', `run=${run}`);
      expect(refused.code, statement).toBe(1);
      expect(refused.out).toBe('');
      expect(refused.err).toMatch(/^kg: cypher: .*add --write.* \[CYPHER_READ_ONLY\]\n$/);
    }
    expect((await kg('cypher', 'MATCH (n:CypherTest {run: $run}) RETURN count(n) AS n', '-p', `run=${run}`, '-f', 'json')).out).toContain('"n": 0');

    const done = await kg('cypher', create, '-p', `run=${run}`, '--write', '-f', 'json');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out)).toEqual([{ run }]);
    expect(done.err).toBe('kg cypher: 1 node created, 1 property set, 1 label added\n');
    expect((await kg('cypher', 'MATCH (n:CypherTest {run: $run}) RETURN count(n) AS n', '-p', `run=${run}`, '-f', 'json')).out).toContain('"n": 1');
  });

  it('reports a syntax error in one line with exit 1', async () => {
    const result = await kg('cypher', 'MATCH (n RETURN n');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^kg: cypher: Neo4j rejected the query: Invalid input 'RETURN'.*\(line 1, column 10.*\[CYPHER_INVALID\]\n$/);
    const missing = await kg('cypher', 'RETURN $nothing AS x');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/nothing.*--param.*\[CYPHER_INVALID\]\n$/);
  });

  it('rejects a bad format or parameter as a usage error (exit 2)', async () => {
    expect((await kg('cypher', 'RETURN 1', '--format', 'xml')).code).toBe(2);
    const bad = await kg('cypher', 'RETURN 1', '--param', 'novalue');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('key=value');
  });
});
