// One node per real thing across the whole corpus: the dev corpus, the format samples and the
// reference filing under two names go into the real server with `kg ingest`'s library function, and
// the stored graph is checked against the gold annotations (tools/eval/identity.ts): gold things
// named by several nodes (splits) and nodes naming several gold things. A split left where one
// document's extraction made two nodes is the extraction's to fix and is allowed here; a split across
// documents must be one no text links (the nodes share no name form) or a pair offered for review.
// Resolution must add no node covering two gold things. The Neo4j path must build the graph `kg
// extract` builds in memory, and the identical reference filing must be one Document.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig } from '../src/config.ts';
import { forget, ingest } from '../src/api/ingest.ts';
import { corpusResolver, extractGraphs } from '../src/pipeline.ts';
import { GraphAccumulator, mergeGraphs } from '../src/graph/merge.ts';
import { CROSS_DOCUMENT_LABELS } from '../src/graph/identity.ts';
import type { Graph } from '../src/model/graph.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { loadGoldFile } from '../tools/eval/gold.ts';
import { nameFolding } from '../tools/eval/fold.ts';
import { identityReport, type IdentityNode, type IdentityReport } from '../tools/eval/identity.ts';
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
].map((file) => loadGoldFile(file).gold);
const folding = nameFolding(knowledge.names);
const audit = (nodes: readonly IdentityNode[]): IdentityReport => identityReport(goldFiles, nodes, folding, (name) => knowledge.names.isGenericTerm(name));

let store: Neo4jGraphStore;
let plain: Graph;
let batch: Graph;
let stored: IdentityNode[];
let docIds: string[];
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

  // A database kept from an earlier run holds these documents as an older extractor read them, and
  // ingest leaves unchanged text alone: start from none of them.
  await forget([...new Set(graphs.flatMap((g) => g.documents.map((d) => d.docId)))].sort(), neo4jConfig());
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
    return { key: String(r['key']), labels, name: String(r['name']), aliases: (r['aliases'] as string[]).map(String), mentions: (r['docs'] as string[]).map((docId) => ({ docId })) };
  });
  const found = await store.read('MATCH (a:Entity)-[:POSSIBLY_SAME_AS]->(b:Entity) RETURN a.key AS a, b.key AS b');
  pairs = new Set(found.map((r) => pairKey(String(r['a']), String(r['b']))));
}, 600_000);

afterAll(async () => {
  await store?.close();
});

/** The gold things one node covers, as a comparable string. */
const mergeSignature = (things: IdentityReport['merged'][number]['things']): string => things.map((t) => t.names.join('|')).join(' + ');

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
    const before = audit(plain.entities);
    const after = audit(stored);
    const allowed = new Set(before.merged.map((m) => mergeSignature(m.things)));
    for (const m of after.merged) expect(allowed.has(mergeSignature(m.things)), `${m.entityKey} covers ${mergeSignature(m.things)}`).toBe(true);
    const byKey = new Map(stored.map((n) => [n.key, n]));
    for (const split of after.split) {
      if (split.withinDocument) continue; // one document's extraction made two nodes: the extraction's to fix
      for (let i = 0; i < split.entityKeys.length; i++) {
        for (let j = i + 1; j < split.entityKeys.length; j++) {
          const [a, b] = [byKey.get(split.entityKeys[i] ?? ''), byKey.get(split.entityKeys[j] ?? '')];
          if (!a || !b || pairs.has(pairKey(a.key, b.key))) continue;
          const formsA = folding.matchKeys([a.name, ...a.aliases]);
          const shared = [...folding.matchKeys([b.name, ...b.aliases])].filter((f) => formsA.has(f));
          expect(shared, `${a.key} and ${b.key} share a name form but stay two nodes`).toEqual([]);
        }
      }
    }
    expect(after.split.length).toBeLessThan(before.split.length);
  });

  it('stores the reference filing and its identical copy under another name as one Document', async () => {
    const rows = await store.read('MATCH (d:Document) WHERE d.sourcePath IN $paths OR any(p IN coalesce(d.copies, []) WHERE p IN $paths) RETURN d.docId AS docId, d.sourcePath AS path, d.copies AS copies', { paths: [REFERENCE, SAMPLE] });
    expect(rows).toHaveLength(1);
    expect([rows[0]?.['path'], ...((rows[0]?.['copies'] as string[] | null) ?? [])].sort()).toEqual([REFERENCE, SAMPLE].sort());
  });
});
