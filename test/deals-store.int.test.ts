// Deals in Neo4j across documents: one Deal node whatever the number of documents that tell it, its
// statuses and amendment dates the union of theirs, its other properties from the earliest document,
// the same whatever the ingest order, unchanged by a re-ingest, and a forgotten document's word taken
// back exactly (a deal or payment only it told disappears).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig } from '../src/config.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { resolveClaims, claimOf } from '../src/writers/claims.ts';
import { AMENDMENT_DOC, COLLABORATION_KEY, LICENCE_DOC, LICENCE_KEY, amendmentGraph, licenceGraph } from './support/deal-fixtures.ts';

let store: Neo4jGraphStore;

async function dealNode(key: string): Promise<Record<string, unknown> | undefined> {
  const [row] = await store.read('MATCH (n:Entity {key: $key}) RETURN properties(n) AS properties', { key });
  return row?.['properties'] as Record<string, unknown> | undefined;
}

async function dealSubgraph(): Promise<string[]> {
  const rows = await store.read(
    `MATCH (d:Deal) WHERE d.key IN $keys
     OPTIONAL MATCH (d)-[r]-(x:Entity)
     RETURN d.key AS deal, properties(d) AS deal_properties, type(r) AS type, x.key AS other, properties(x) AS other_properties, r {.*, firstSeen: null, lastSeen: null} AS rel`,
    { keys: [LICENCE_KEY, COLLABORATION_KEY] },
  );
  return rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
}

async function forgetAll(): Promise<void> {
  await store.forgetDocuments([LICENCE_DOC, AMENDMENT_DOC]);
}

beforeAll(async () => {
  store = await Neo4jGraphStore.open(neo4jConfig());
  await store.ensureSchema();
  await forgetAll();
});

afterAll(async () => {
  await forgetAll();
  await store.close();
});

describe('a deal told by two documents', () => {
  it('is one node whose statuses are the union in date order, with the latest real status', async () => {
    await store.writeDocument(licenceGraph());
    await store.writeDocument(amendmentGraph());
    const deal = await dealNode(LICENCE_KEY);
    expect(deal).toMatchObject({
      kind: 'license',
      statusHistory: ['announced@2024-03-04', 'amended@2025-01-10', 'referenced@'],
      status: 'amended',
      amended: ['2025-01-10'],
      // From the earliest document that states them.
      territory: 'worldwide',
      caption: 'license · $75M upfront',
      exclusive: true,
      signed: '2024-03-01',
    });
  });

  it('gives the same graph whichever document is written first', async () => {
    const inOrder = await dealSubgraph();
    await forgetAll();
    await store.writeDocument(amendmentGraph());
    await store.writeDocument(licenceGraph());
    expect(await dealSubgraph()).toEqual(inOrder);
  });

  it('is unchanged by a re-ingest of both documents, forced or not', async () => {
    const before = await dealSubgraph();
    await store.writeDocuments([licenceGraph(), amendmentGraph()]);
    expect(await dealSubgraph()).toEqual(before);
    await store.writeDocuments([licenceGraph(), amendmentGraph()], { force: true });
    expect(await dealSubgraph()).toEqual(before);
  });

  it('holds what the TypeScript resolution of the same claims gives (the bulk export writes that)', async () => {
    const claims = [licenceGraph(), amendmentGraph()].map((g) => {
      const doc = g.documents[0]!;
      const entity = g.entities.find((e) => e.key === LICENCE_KEY)!;
      return { docId: doc.docId, asOf: doc.asOf, ...claimOf(entity, doc) };
    });
    const resolved = resolveClaims(claims.map((c) => ({ docId: c.docId, asOf: c.asOf, properties: Object.fromEntries(Object.entries(c.properties).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])), statusOrder: c.statusOrder })));
    const deal = await dealNode(LICENCE_KEY);
    expect({ ...deal, key: undefined, name: undefined, aliases: undefined }).toEqual({ ...resolved, key: undefined, name: undefined, aliases: undefined });
  });

  it('keeps only the remaining document’s word when the other is forgotten', async () => {
    await store.forgetDocuments([LICENCE_DOC]);
    const deal = await dealNode(LICENCE_KEY);
    expect(deal).toMatchObject({ status: 'amended', statusHistory: ['amended@2025-01-10', 'referenced@'], territory: 'worldwide including Japan', caption: 'license', amended: ['2025-01-10'] });
    for (const gone of ['exclusive', 'signed', 'announced', 'stageAtSigning']) expect(deal, gone).not.toHaveProperty(gone);
    const payments = await store.read('MATCH (:Entity {key: $key})-[:HAS_TERM]->(p:Payment) RETURN p.kind AS kind ORDER BY kind', { key: LICENCE_KEY });
    expect(payments.map((p) => p['kind'])).toEqual(['milestone']);
    const parties = await store.read('MATCH (c:Company)-[r:PARTY_TO]->(:Entity {key: $key}) RETURN c.name AS name, r.role AS role, r.documentCount AS documents ORDER BY name', { key: LICENCE_KEY });
    expect(parties).toEqual([
      { name: 'Acme Bio', role: 'licensor', documents: 1 },
      { name: 'Beta Pharma', role: 'licensee', documents: 1 },
    ]);
    // Written back, the licence is what it was with both documents.
    await store.writeDocument(licenceGraph());
    expect(await dealNode(LICENCE_KEY)).toMatchObject({ status: 'amended', territory: 'worldwide', exclusive: true });
  });

  it('disappears with its payments when its only document is forgotten', async () => {
    await store.forgetDocuments([AMENDMENT_DOC]);
    expect(await dealNode(COLLABORATION_KEY)).toBeUndefined();
    expect(await dealNode('payment:collaboration:beta-pharma+gamma-labs:tgt-9:upfront')).toBeUndefined();
    expect(await dealNode('payment:license:acme-bio+beta-pharma:ab-101:milestone:2025-01-10')).toBeUndefined();
    expect(await dealNode(LICENCE_KEY)).toMatchObject({ status: 'announced', statusHistory: ['announced@2024-03-04'] });
    expect(await dealNode(LICENCE_KEY)).not.toHaveProperty('amended');
  });
});
