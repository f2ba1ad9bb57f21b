// The extraction hash the writers store beside the content hash: equal for the same extraction however
// the graph was carried (JSON, key order, another path), different when a fact differs.
import { describe, expect, it } from 'vitest';
import { extractionHash, withExtractionHash } from '../src/graph/extraction-hash.ts';
import { Graph } from '../src/model/graph.ts';
import { documentGraph } from './support/neo4j-fixtures.ts';

const graph = (): Graph => documentGraph('run', 'doc-a', { companies: ['Acme', 'Beta'], licence: { licensor: 'Acme', licensee: 'Beta' }, drug: { name: 'QX-12', developer: 'Beta', target: 'TGT' } });

/** The same data with every object's keys in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  return value;
}

describe('extraction hash', () => {
  it('is the same for the same extraction after JSON, a schema check or other key order', () => {
    const hash = extractionHash(graph());
    expect(extractionHash(JSON.parse(JSON.stringify(graph())) as Graph)).toBe(hash);
    expect(extractionHash(Graph.parse(reversedKeys(graph())))).toBe(hash);
  });

  it('leaves out where the file was read from and the hash it is given', () => {
    const moved = graph();
    moved.documents = moved.documents.map((d) => ({ ...d, sourcePath: 'elsewhere/doc-a.txt', copies: ['copy.txt'], extractionHash: 'stale' }));
    expect(extractionHash(moved)).toBe(extractionHash(graph()));
  });

  it('changes when a fact, its evidence or a document property changes', () => {
    const hash = extractionHash(graph());
    const fewer = graph();
    fewer.relationships = fewer.relationships.slice(1);
    const reworded = graph();
    const first = reworded.relationships[0];
    if (first?.evidence[0]) first.evidence[0].rule = 'another.rule';
    const redated = graph();
    redated.documents = redated.documents.map((d) => ({ ...d, asOf: '2024-05-01' }));
    const hashes = [fewer, reworded, redated].map(extractionHash);
    expect(new Set([hash, ...hashes]).size).toBe(4);
  });

  it('is carried by every document of the graph it is added to', () => {
    const hashed = withExtractionHash(graph());
    expect(hashed.documents.map((d) => d.extractionHash)).toEqual([extractionHash(graph())]);
    expect(Graph.parse(hashed).documents[0]?.extractionHash).toBe(extractionHash(graph()));
  });
});
