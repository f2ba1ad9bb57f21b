// One node per real thing across the whole corpus: the dev corpus, the format samples and the
// reference filing under two names go into the real server with `kg ingest`'s library function, and
// the stored graph is checked against the gold annotations (tools/eval/resolution.ts): gold things
// named by several nodes (splits) and nodes naming several gold things. A split left where one
// document's extraction made two nodes is the extraction's to fix and is allowed here; a split across
// documents must be one no text links (the nodes share no name form) or a pair offered for review.
// Resolution must add no node covering two gold things. The Neo4j path must build the graph `kg
// extract` builds in memory, and the identical reference filing must be one Document.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig } from '../src/config.ts';
import { ingest } from '../src/api/ingest.ts';
import { corpusResolver, extractGraphs } from '../src/pipeline.ts';
import { GraphAccumulator, mergeGraphs } from '../src/graph/merge.ts';
import { CROSS_DOCUMENT_LABELS } from '../src/graph/identity.ts';
import type { Graph } from '../src/model/graph.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { loadGoldFile } from '../tools/eval/gold.ts';
import { nameFolding } from '../tools/eval/fold.ts';
import { auditResolution, goldClusters, type AuditedNode, type ResolutionAudit } from '../tools/eval/resolution.ts';
import { knowledge } from './support/knowledge.ts';

const CORPUS = resolve(import.meta.dirname, '../../shared/corpus');
const REFERENCE = join(CORPUS, '000_09ba589ba7ebe117.txt');
const SAMPLE = resolve(import.meta.dirname, '../data/sample/immunogen-8k-2007-07-31.txt');
const inputs = [REFERENCE, join(CORPUS, 'dev'), join(CORPUS, 'formats'), SAMPLE];
const goldFiles = [
  join(CORPUS, '000_09ba589ba7ebe117.gold.json'),
  ...readdirSync(join(CORPUS, 'dev'))
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => join(CORPUS, 'dev', f)),
].map(loadGoldFile);
const folding = nameFolding(knowledge.names);
const clusters = goldClusters(goldFiles, folding);

let store: Neo4jGraphStore;
let plain: Graph;
let batch: Graph;
let stored: AuditedNode[];
let docIds: string[];
let mentionedBy: Map<string, Set<string>>;
let pairs: Set<string>;

const resolved = (labels: readonly string[]): boolean => CROSS_DOCUMENT_LABELS.has(labels[0] ?? '');
const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

beforeAll(async () => {
  store = await Neo4jGraphStore.open(neo4jConfig());
  const graphs: Graph[] = [];
  for await (const result of extractGraphs(inputs, { knowledge })) if (result.ok) graphs.push(...result.graphs);
  plain = mergeGraphs(graphs);
  const accumulator = new GraphAccumulator(corpusResolver({ knowledge }));
  for (const g of graphs) accumulator.add(g);
  batch = accumulator.result();

  const summary = await ingest(inputs, neo4jConfig());
  expect(summary.failures).toEqual([]);
  docIds = [...new Set(summary.documents.map((d) => d.copyOf ?? d.docId))].sort();
  const rows = await store.read(
    `MATCH (d:Document)-[:MENTIONS]->(n:Entity) WHERE d.docId IN $docIds
     WITH n, collect(d.docId) AS docs
     RETURN n.key AS key, [l IN labels(n) WHERE l <> 'Entity'] AS labels, n.name AS name, coalesce(n.aliases, []) AS aliases, docs ORDER BY key`,
    { docIds },
  );
  stored = rows.map((r) => {
    const labels = (r['labels'] as string[]).sort((a, b) => Number(!CROSS_DOCUMENT_LABELS.has(a)) - Number(!CROSS_DOCUMENT_LABELS.has(b)));
    return { key: String(r['key']), labels, name: String(r['name']), aliases: (r['aliases'] as string[]).map(String) };
  });
  mentionedBy = new Map(rows.map((r) => [String(r['key']), new Set((r['docs'] as string[]).map(String))]));
  const found = await store.read('MATCH (a:Entity)-[:POSSIBLY_SAME_AS]->(b:Entity) RETURN a.key AS a, b.key AS b');
  pairs = new Set(found.map((r) => pairKey(String(r['a']), String(r['b']))));
}, 600_000);

afterAll(async () => {
  await store?.close();
});

/** Cluster ids covered by one node, as a comparable string. */
function mergeSignatures(audit: ResolutionAudit): Set<string> {
  return new Set(audit.merges.map((m) => m.clusters.map((c) => c.id).join('+')));
}

describe('resolution across the corpus', () => {
  it('builds in Neo4j the graph kg extract builds in memory', () => {
    const inMemory = new Map(batch.entities.filter((e) => resolved(e.labels)).map((e) => [e.key, { name: e.name, aliases: [...e.aliases].filter((a) => a !== e.name).sort() }]));
    const inNeo4j = new Map(stored.filter((n) => resolved(n.labels)).map((n) => [n.key, { name: n.name, aliases: [...n.aliases].sort() }]));
    expect([...inNeo4j.keys()].sort()).toEqual([...inMemory.keys()].sort());
    for (const [key, value] of inMemory) expect(inNeo4j.get(key), key).toEqual(value);
    const batchPairs = (batch.mergeCandidates ?? []).filter((c) => inMemory.has(c.a) && inMemory.has(c.b)).map((c) => pairKey(c.a, c.b));
    for (const p of batchPairs) expect(pairs.has(p), p).toBe(true);
  });

  it('leaves no gold thing split across documents where a text links its names, and merges no two gold things', () => {
    const before = auditResolution(plain.entities, clusters, folding);
    const after = auditResolution(stored, clusters, folding);
    const allowed = mergeSignatures(before);
    for (const m of after.merges) expect(allowed.has(m.clusters.map((c) => c.id).join('+')), `${m.node} covers ${m.clusters.map((c) => c.forms.join('/')).join(' + ')}`).toBe(true);
    const byKey = new Map(stored.map((n) => [n.key, n]));
    for (const split of after.splits) {
      const withinOneDocument = docIds.some((docId) => split.nodes.filter((k) => mentionedBy.get(k)?.has(docId) === true).length > 1);
      if (withinOneDocument) continue; // one document's extraction made two nodes: the extraction's to fix
      for (let i = 0; i < split.nodes.length; i++) {
        for (let j = i + 1; j < split.nodes.length; j++) {
          const [a, b] = [byKey.get(split.nodes[i] ?? ''), byKey.get(split.nodes[j] ?? '')];
          if (!a || !b || pairs.has(pairKey(a.key, b.key))) continue;
          const formsA = folding.matchKeys([a.name, ...a.aliases]);
          const shared = [...folding.matchKeys([b.name, ...b.aliases])].filter((f) => formsA.has(f));
          expect(shared, `${a.key} and ${b.key} share a name form but stay two nodes`).toEqual([]);
        }
      }
    }
    expect(after.splits.length).toBeLessThan(before.splits.length);
  });

  it('stores the reference filing and its identical copy under another name as one Document', async () => {
    const rows = await store.read('MATCH (d:Document) WHERE d.sourcePath IN $paths OR any(p IN coalesce(d.copies, []) WHERE p IN $paths) RETURN d.docId AS docId, d.sourcePath AS path, d.copies AS copies', { paths: [REFERENCE, SAMPLE] });
    expect(rows).toHaveLength(1);
    expect([rows[0]?.['path'], ...((rows[0]?.['copies'] as string[] | null) ?? [])].sort()).toEqual([REFERENCE, SAMPLE].sort());
  });
});
