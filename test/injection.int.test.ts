// No injection: names, keys, aliases, property keys and values, sentences, rules and document fields
// holding quotes, backticks, braces, comments, newlines, Cypher fragments and unusual Unicode are
// stored verbatim in the real Neo4j and change nothing else; labels and relationship types can only
// come from the closed vocabulary. Every key and docId carries this run's id; the test forgets its
// documents afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig } from '../src/config.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { checkedLabels, checkedRelationshipType, cypherText } from '../src/writers/write-plan.ts';
import { Graph, type Entity, type Relationship } from '../src/model/graph.ts';
import { NodeLabel, RelationshipType } from '../src/model/vocabulary.ts';
import { extractText } from '../src/pipeline.ts';
import { isKgError } from '../src/errors.ts';
import { canonical, documentGraph, runId } from './support/neo4j-fixtures.ts';
import { knowledge } from './support/knowledge.ts';

/** The strings of issue 8 and their relatives. Lone surrogates are left out: UTF-8 cannot carry them. */
const HOSTILE = [
  '}) DETACH DELETE n //',
  "'; MATCH (n) DETACH DELETE n; //",
  'Acme "Quoted" Bio',
  "O'Brien Pharma",
  'Back`tick` Therapeutics`) SET n:Hacked //',
  '{braces: true} Inc.',
  'Slash // comment Ltd.',
  'Star */ close /* open',
  'Line\nbreak\r\nCo.\ttab',
  '$param ${x} \\u0041 \\',
  'Zero\u200bwidth\u00a0space\ufeff',
  'RTL \u202e override \u2028 separator',
  'Émile Müller ß İ ﬁ 中文 العربية 😀',
  'nul\u0000byte',
  'CALL dbms.killQueries([]) YIELD x RETURN x',
];

let store: Neo4jGraphStore;
const written = new Set<string>();
beforeAll(async () => {
  store = await Neo4jGraphStore.open(neo4jConfig());
  await store.ensureSchema();
});
afterAll(async () => {
  for (const docId of written) await store?.forgetDocument(docId);
  await store?.close();
});

async function write(graph: Graph): Promise<void> {
  for (const d of graph.documents) written.add(d.docId);
  await store.writeDocument(Graph.parse(graph));
}

/** A document whose every free-text field is hostile. */
function hostileGraph(run: string, docId: string): Graph {
  const entities: Entity[] = HOSTILE.map((text, i) => ({
    key: `company:${run}-hostile-${i}-${text}`,
    labels: ['Company'],
    name: text,
    aliases: [`${text} (alias)`],
    // Property keys come from the extractors' code, not from documents; Neo4j refuses NUL in names.
    // eslint-disable-next-line no-control-regex -- removing the NUL character is the point
    properties: { note: text, list: [text, `${i}`], [`key ${text.replace(/\u0000/g, '')}`]: i },
    mentions: [{ docId, start: i * 10, end: i * 10 + 5 }],
  }));
  const relationships: Relationship[] = HOSTILE.slice(1).map((text, i) => ({
    type: 'LICENSES_TO',
    start: entities[i]!.key,
    end: entities[i + 1]!.key,
    properties: { territory: text },
    evidence: [{ docId, start: i, end: i + 1, sentence: text, rule: `test.${text}`, confidence: 0.5 }],
  }));
  return {
    schemaVersion: 1,
    documents: [{ docId, sourcePath: HOSTILE[1]!, docType: HOSTILE[0]!, title: HOSTILE[4]!, contentHash: HOSTILE[2]!, registrantKeys: [], sentenceCount: 1 }],
    entities,
    relationships,
  };
}

describe('hostile text in the graph', () => {
  it('is stored verbatim and changes nothing else', async () => {
    const run = runId();
    const sentinelId = `${run}-sentinel`;
    await write(documentGraph(run, sentinelId, { companies: ['Sentinel One', 'Sentinel Two'], licence: { licensor: 'Sentinel One', licensee: 'Sentinel Two' } }));
    const sentinelBefore = await footprint(sentinelId);
    expect(sentinelBefore.nodes).toHaveLength(3);

    const docId = `${run}-doc-'"}) DETACH DELETE d // \`x\``;
    const graph = hostileGraph(run, docId);
    await write(graph);

    const rows = await store.read(
      `MATCH (n:Entity) WHERE n.key STARTS WITH $prefix
       RETURN n.key AS key, n.name AS name, n.aliases AS aliases, n.note AS note, n.list AS list, labels(n) AS labels, properties(n) AS properties`,
      { prefix: `company:${run}-hostile-` },
    );
    const byKey = new Map(rows.map((r) => [r['key'], r]));
    expect(byKey.size).toBe(HOSTILE.length);
    for (const entity of graph.entities) {
      const row = byKey.get(entity.key);
      expect(row, JSON.stringify(entity.name)).toBeDefined();
      expect(row?.['name']).toBe(entity.name);
      expect(row?.['note']).toBe(entity.name);
      expect(row?.['list']).toEqual(entity.properties['list']);
      expect(row?.['aliases']).toEqual(entity.aliases);
      expect([...(row?.['labels'] as string[])].sort()).toEqual(['Company', 'Entity']);
      const hostileKey = Object.keys(entity.properties).find((k) => k.startsWith('key '))!;
      expect((row?.['properties'] as Record<string, unknown>)[hostileKey]).toBe(entity.properties[hostileKey]);
    }

    const [doc] = await store.read('MATCH (d:Document {docId: $docId}) RETURN d.sourcePath AS sourcePath, d.docType AS docType, d.title AS title, d.contentHash AS contentHash', { docId });
    expect(doc).toEqual({ sourcePath: HOSTILE[1], docType: HOSTILE[0], title: HOSTILE[4], contentHash: HOSTILE[2] });

    const facts = await store.read(
      `MATCH (a:Entity)-[r]->(b:Entity) WHERE a.key STARTS WITH $prefix
       MATCH (e:Evidence {fact: r.key})
       RETURN type(r) AS type, r.territory AS territory, e.sentences AS sentences, e.rules AS rules, e.docId AS docId ORDER BY a.key`,
      { prefix: `company:${run}-hostile-` },
    );
    expect(facts).toHaveLength(graph.relationships.length);
    const expectedFacts = graph.relationships.map((r) => canonical({ type: 'LICENSES_TO', territory: r.properties['territory'], sentences: [r.evidence[0]!.sentence], rules: [r.evidence[0]!.rule], docId }));
    expect(facts.map(canonical).sort()).toEqual(expectedFacts.sort());

    // Nothing else moved: the sentinel document is whole, nobody gained a label outside the vocabulary.
    expect(await footprint(sentinelId)).toEqual(sentinelBefore);
    const labels = await store.read('MATCH (n) WHERE n.key CONTAINS $run OR n.docId CONTAINS $run UNWIND labels(n) AS label RETURN DISTINCT label', { run });
    const allowed = new Set<string>([...NodeLabel.options, 'Entity', 'Document', 'Filing', 'Evidence']);
    for (const r of labels) expect(allowed.has(String(r['label'])), String(r['label'])).toBe(true);
    expect(await store.read('MATCH (n:Hacked) RETURN count(n) AS n')).toEqual([{ n: 0 }]);

    // Forgetting the hostile document removes exactly what it added.
    expect(await store.forgetDocument(docId)).toBe(true);
    expect(await store.read('MATCH (n:Entity) WHERE n.key STARTS WITH $prefix RETURN n.key', { prefix: `company:${run}-hostile-` })).toEqual([]);
    expect(await footprint(sentinelId)).toEqual(sentinelBefore);
  });

  it('keeps extracted names verbatim from text to database', async () => {
    const run = runId();
    const text = [
      `${HOSTILE[0]} Orvanta${run} Biosciences, Inc. today announced an exclusive license agreement with Kelvar${run} Pharma AG "}) MATCH (m) DETACH DELETE m // for OVB-101.`,
      `Kelvar${run} Pharma AG will pay Orvanta${run} Biosciences an upfront payment of $40 million; '; MATCH (n) DETACH DELETE n; // */ \`x\`.`,
      '',
    ].join('\n\n');
    const [extraction] = extractText(text, { path: `${run}-text.txt`, knowledge });
    expect(extraction).toBeDefined();
    const graph = extraction!.graph;
    expect(graph.entities.length).toBeGreaterThan(0);
    await write(graph);
    const docId = graph.documents[0]!.docId;
    const stored = await store.read('MATCH (:Document {docId: $docId})-[:MENTIONS]->(n:Entity) RETURN n.key AS key, n.name AS name ORDER BY key', { docId });
    const expected = graph.entities.filter((e) => e.mentions.length > 0).map((e) => ({ key: e.key, name: e.name }));
    // Names of entities other documents created first keep those documents' spelling; ours are new.
    expect(stored.filter((r) => String(r['key']).includes(run))).toEqual(expected.filter((e) => e.key.includes(run)).sort((a, b) => (a.key < b.key ? -1 : 1)));
    expect(stored.map((r) => r['key'])).toEqual(expected.map((e) => e.key).sort());
  });
});

describe('labels and relationship types', () => {
  it('come only from the closed vocabulary', () => {
    const run = runId();
    const graph = documentGraph(run, `${run}-closed`, { companies: ['A Co', 'B Co'], licence: { licensor: 'A Co', licensee: 'B Co' } });
    const badLabel = structuredClone(graph);
    badLabel.entities[0]!.labels = ['Company`) DETACH DELETE n //' as never];
    expect(Graph.safeParse(badLabel).success).toBe(false);
    const badType = structuredClone(graph);
    badType.relationships[0]!.type = 'LICENSES_TO]->() DETACH DELETE n //' as never;
    expect(Graph.safeParse(badType).success).toBe(false);

    for (const hostile of HOSTILE) {
      for (const fill of [(label: string) => checkedLabels([label]), checkedRelationshipType]) {
        let caught: unknown;
        try {
          fill(hostile);
        } catch (error) {
          caught = error;
        }
        expect(isKgError(caught) && caught.code, hostile).toBe('SCHEMA_INVALID');
      }
    }
    // Every member of the vocabulary is accepted; labels and types reach the server only as parameters.
    for (const label of NodeLabel.options) expect(checkedLabels([label])).toEqual([label]);
    for (const type of RelationshipType.options) expect(checkedRelationshipType(type)).toBe(type);
    expect(cypherText('write/entity-merge')).toContain('SET n:$(row.labels)');
    expect(cypherText('write/relationship-merge')).toContain('[r:$(row.type)]');
  });
});

/** A document's nodes and relationships as sorted text. */
async function footprint(docId: string): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await store.read(
    'MATCH (d:Document {docId: $docId})-[:MENTIONS]->(n) RETURN n.key AS key, n.name AS name, labels(n) AS labels, n.aliases AS aliases UNION MATCH (d:Document {docId: $docId}) RETURN d.docId AS key, d.contentHash AS name, labels(d) AS labels, [] AS aliases',
    { docId },
  );
  const relationships = await store.read(
    `MATCH (d:Document {docId: $docId})
     UNWIND range(0, size(d.factTypes) - 1) AS i
     MATCH (a:Entity {key: d.factStarts[i]})-[r]->(b:Entity {key: d.factEnds[i]}) WHERE type(r) = d.factTypes[i]
     MATCH (e:Evidence {key: r.key + '|' + $docId})
     RETURN a.key AS a, type(r) AS type, b.key AS b, e.sentences AS sentences`,
    { docId },
  );
  return { nodes: nodes.map(canonical).sort(), relationships: relationships.map(canonical).sort() };
}
