// The `kg extract --format cypher` script, executed against the real server the way cypher-shell runs
// it (each `:param name => literal` evaluated by Neo4j, then the statement with those parameters),
// must build exactly the graph the Neo4j writer builds, hostile names included, and be re-runnable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig } from '../src/config.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { toCypherScript } from '../src/writers/cypher-file.ts';
import { mergeGraphs } from '../src/graph/merge.ts';
import { canonical, documentGraph, runId } from './support/neo4j-fixtures.ts';

let store: Neo4jGraphStore;
const docIds: string[] = [];

beforeAll(async () => {
  store = await Neo4jGraphStore.open(neo4jConfig());
  await store.ensureSchema();
});
afterAll(async () => {
  for (const docId of docIds) await store?.forgetDocument(docId);
  await store?.close();
});

/**
 * Runs a script as cypher-shell does: `:param name => literal` lines are kept and evaluated by the
 * server with the next statement (here as `WITH literal AS param_name` in front of it, the statement's
 * `$name` read from that variable); statements end with `;`.
 */
async function runScript(script: string): Promise<number> {
  let params: [string, string][] = [];
  let statement: string[] = [];
  let count = 0;
  for (const line of script.split('\n')) {
    const param = /^:param (\w+) => (.*)$/.exec(line);
    if (param) {
      params.push([param[1] ?? '', param[2] ?? '']);
      continue;
    }
    if (line.startsWith('//') || (statement.length === 0 && line.trim() === '')) continue;
    statement.push(line);
    if (!line.trimEnd().endsWith(';')) continue;
    let text = statement.join('\n').trimEnd().slice(0, -1);
    if (params.length > 0) {
      for (const [name] of params) text = text.replace(new RegExp(`\\$${name}\\b`, 'g'), `param_${name}`);
      text = `WITH ${params.map(([name, literal]) => `${literal} AS param_${name}`).join(', ')}\n${text}`;
    }
    await store.runWrite(text);
    count += 1;
    statement = [];
    params = [];
  }
  return count;
}

async function dump(run: string): Promise<string[]> {
  const rows = await store.read(
    `MATCH (a)-[r]->(b)
     WHERE a.key CONTAINS $run OR a.docId STARTS WITH $run
     RETURN coalesce(a.key, a.docId) AS start, labels(a) AS startLabels, properties(a) AS startProps, type(r) AS type,
            properties(r) AS props, coalesce(b.key, b.docId) AS end, labels(b) AS endLabels`,
    { run },
  );
  return rows.map(canonical).sort();
}

describe('cypher-file script', () => {
  it('builds the same graph as the Neo4j writer, and running it twice changes nothing', async () => {
    const hostile = `Acme"}) DETACH DELETE n // it's \\ fine\nnext line`;
    const make = (run: string) => {
      const a = documentGraph(run, `${run}-a`, {
        companies: [hostile, 'Beta'],
        asOf: '2007-07-31',
        accessionNumber: `${run}-07-000001`,
        licence: { licensor: hostile, licensee: 'Beta', sentence: `${hostile} licensed Beta.` },
        milestone: { payee: hostile, payer: 'Beta', amount: 5000000 },
        drug: { name: 'XB-1', developer: 'Beta', target: 'TGT', phase: 'PHASE_2' },
      });
      const b = documentGraph(run, `${run}-b`, { asOf: '2008-01-02', licence: { licensor: hostile, licensee: 'Beta' } });
      return [a, b];
    };
    const viaWriter = runId();
    const viaScript = runId();
    docIds.push(`${viaWriter}-a`, `${viaWriter}-b`, `${viaScript}-a`, `${viaScript}-b`);
    for (const g of make(viaWriter)) await store.writeDocument(g);
    const script = toCypherScript(mergeGraphs(make(viaScript)));
    expect(await runScript(script)).toBeGreaterThan(20);

    // The writer also stores the hash of the extraction it was given (src/graph/extraction-hash.ts); the script writes the
    // graph as it is, so a later kg ingest of its documents rewrites them once. Everything else is the same.
    const expected = (await dump(viaWriter))
      .map((s) =>
        s
          .split(viaWriter)
          .join('RUN')
          .replace(/"extractionHash":"[0-9a-f]+",/g, ''),
      )
      .sort();
    const actual = (await dump(viaScript)).map((s) => s.split(viaScript).join('RUN')).sort();
    expect(actual.length).toBeGreaterThan(10);
    expect(actual).toEqual(expected);
    expect(actual.join('\n')).toContain(JSON.stringify(hostile).slice(1, -1));

    await runScript(script);
    expect((await dump(viaScript)).map((s) => s.split(viaScript).join('RUN')).sort()).toEqual(expected);
  });
});
