// The writers share one interface (GraphWriter, src/writers/graph-writer.ts). Without a database: the
// text writers put exactly toJson / toCypherScript on their sink, and a graph that fails the exchange
// schema rejects the write (SCHEMA_INVALID) with nothing written. The Neo4j writer's `write` is tested
// against the real server in neo4j-writer.int.test.ts.
import { describe, expect, it } from 'vitest';
import { CypherScriptWriter, JsonWriter, isKgError, mergeGraphs, toCypherScript, toJson, type Graph, type GraphWriter, type TextSink } from '../src/index.ts';
import { documentGraph } from './support/neo4j-fixtures.ts';

const RUN = 'tfixed';
const merged = (): Graph =>
  mergeGraphs([
    documentGraph(RUN, 'doc-a', { companies: ['Acme', 'Beta'], asOf: '2007-07-31', licence: { licensor: 'Acme', licensee: 'Beta' } }),
    documentGraph(RUN, 'doc-b', { companies: ['Beta'], drug: { name: 'XB-1', developer: 'Beta', target: 'TGT', phase: 'PHASE_2' } }),
  ]);

/** Writes the graph with a text writer made for a sink that collects the text. */
async function written(make: (out: TextSink) => GraphWriter, graph: Graph): Promise<string> {
  const chunks: string[] = [];
  await make((text) => chunks.push(text)).write(graph);
  return chunks.join('');
}

describe('text writers', () => {
  it('JsonWriter writes the exchange format of toJson', async () => {
    expect(await written((out) => new JsonWriter(out), merged())).toBe(toJson(merged()));
  });

  it('CypherScriptWriter writes the script of toCypherScript, with its batch size', async () => {
    expect(await written((out) => new CypherScriptWriter(out), merged())).toBe(toCypherScript(merged()));
    expect(await written((out) => new CypherScriptWriter(out, { batchSize: 1 }), merged())).toBe(toCypherScript(merged(), { batchSize: 1 }));
  });

  it('rejects a graph that fails the exchange schema, writing nothing', async () => {
    const bad = merged();
    const first = bad.entities[0];
    if (first) first.name = '';
    const chunks: string[] = [];
    const failure: unknown = await new JsonWriter((text) => chunks.push(text)).write(bad).catch((error: unknown) => error);
    expect(isKgError(failure) && failure.code).toBe('SCHEMA_INVALID');
    expect(chunks).toEqual([]);
  });
});
