// A canonical dump of a whole database, to compare two ways of building the same graph (the bulk
// import against kg ingest): every node (labels, properties with their Neo4j types) and every
// relationship (type, the ids of its ends, properties with their types), as sorted lines of JSON.
// Nodes are named by their identity property (Entity and Filing key, Document docId, Evidence key), so
// internal ids never matter. Types come from valueType(), so an Integer and a Float of the same value,
// or a Date and its ISO text, differ.
import type { Neo4jConfig } from '../../src/config.ts';
import { Neo4jGraphStore } from '../../src/writers/neo4j.ts';
import { canonical } from './neo4j-fixtures.ts';

export interface GraphDump {
  nodes: string[];
  relationships: string[];
}

const NODE_ID = (v: string): string => `coalesce(${v}.key, ${v}.docId, '?')`;

export async function dumpGraph(config: Neo4jConfig): Promise<GraphDump> {
  const store = await Neo4jGraphStore.open(config);
  try {
    const nodes = await store.read(`MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties, [k IN keys(n) | k + ': ' + valueType(n[k])] AS types`);
    const relationships = await store.read(`MATCH (a)-[r]->(b) RETURN ${NODE_ID('a')} AS start, type(r) AS type, ${NODE_ID('b')} AS end, properties(r) AS properties, [k IN keys(r) | k + ': ' + valueType(r[k])] AS types`);
    const sortedLists = (row: Record<string, unknown>): Record<string, unknown> => ({
      ...row,
      ...(Array.isArray(row['labels']) ? { labels: [...row['labels']].map(String).sort() } : {}),
      types: Array.isArray(row['types']) ? [...row['types']].map(String).sort() : [],
    });
    return { nodes: nodes.map((r) => canonical(sortedLists(r))).sort(), relationships: relationships.map((r) => canonical(sortedLists(r))).sort() };
  } finally {
    await store.close();
  }
}

/** What one dump has and the other lacks, for a readable failure. */
export function dumpDifference(a: GraphDump, b: GraphDump): { onlyInA: string[]; onlyInB: string[] } {
  const inB = new Set([...b.nodes, ...b.relationships]);
  const inA = new Set([...a.nodes, ...a.relationships]);
  return { onlyInA: [...a.nodes, ...a.relationships].filter((x) => !inB.has(x)), onlyInB: [...b.nodes, ...b.relationships].filter((x) => !inA.has(x)) };
}
