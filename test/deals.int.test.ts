// Deals in Neo4j (issue 18), on the hand-made fixture of test/fixtures/deals/: one Deal node whatever
// the number of documents that tell it, its statuses and amendment dates the union of theirs, its
// other properties from the earliest document, the same whatever the ingest order, unchanged by a
// re-ingest; `g.deals()` and `kg deals` read it back as a deal sheet, the example queries run on it;
// and a forgotten document's word is taken back exactly (a deal or payment only it told disappears).
// One file, run in order: the fixture's keys are fixed, so its tests must not run side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig } from '../src/config.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { resolveClaims, claimOf } from '../src/writers/claims.ts';
import { openGraph } from '../src/api/graph.ts';
import { runQuery } from '../src/api/queries.ts';
import { isKgError } from '../src/errors.ts';
import { main } from '../src/cli.ts';
import { extractText } from '../src/pipeline.ts';
import type { Graph } from '../src/model/graph.ts';
import { NO_DECISIONS } from '../src/graph/decisions.ts';
import { knowledge } from './support/knowledge.ts';
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
});

async function kg(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (text) => void (out += text), err: (text) => void (err += text) });
  return { code, out, err };
}

describe('kg deals', () => {
  it('prints the deal sheet as CSV: one row per deal, parties by role, amounts as $75M', async () => {
    const { code, out, err } = await kg('deals', '--company', 'Beta Pharma', '--format', 'csv');
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.split('\r\n')).toEqual([
      'date,kind,parties,assets,upfront,milestones,royalties,territory,status,documents',
      `2024-03-01,license,licensor: Acme Bio; licensee: Beta Pharma,AB-101,$75M,up to $1.2B,tiered royalties from 10% to 15%,worldwide,amended,${LICENCE_DOC} ${AMENDMENT_DOC}`,
      `2025-01-15,collaboration,"collaborator: Beta Pharma, Gamma Labs",TGT-9,$20M,,,,announced,${AMENDMENT_DOC}`,
      '',
    ]);
  });

  it('filters by kind, date and upfront, prints a table or JSON, and refuses a bad filter with a usage error', async () => {
    const table = await kg('deals', '--company', 'gamma labs', '--kind', 'collaboration', '--since', '2025-01-01', '--min-upfront', '10e6');
    expect(table.code).toBe(0);
    expect(table.out).toContain('collaborator: Beta Pharma, Gamma Labs');
    expect(table.out).toContain('(1 row)');
    const json = await kg('deals', '--company', 'Acme Bio', '--format', 'json');
    expect((JSON.parse(json.out) as { key: string }[]).map((d) => d.key)).toEqual([LICENCE_KEY]);
    expect((await kg('deals', '--kind', 'licence')).code).toBe(2);
    expect((await kg('deals', '--since', 'last year')).err).toMatch(/since/);
    expect((await kg('deals', '--min-upfront', 'lots')).code).toBe(2);
  });
});

describe('g.deals', () => {
  it('returns typed deals with parties, assets, payments and documents, filtered by company, kind, date and upfront', async () => {
    const g = await openGraph(neo4jConfig());
    try {
      const both = await g.deals({ company: 'Beta Pharma' });
      expect(both.map((d) => d.key)).toEqual([LICENCE_KEY, COLLABORATION_KEY]);
      const [licence] = both;
      expect(licence).toMatchObject({ kind: 'license', status: 'amended', date: '2024-03-01', exclusive: true, territory: 'worldwide', docIds: [LICENCE_DOC, AMENDMENT_DOC] });
      expect(licence?.parties).toEqual([
        { role: 'licensee', key: 'company:beta-pharma', name: 'Beta Pharma' },
        { role: 'licensor', key: 'company:acme-bio', name: 'Acme Bio' },
      ]);
      expect(licence?.assets.map((a) => a.name)).toEqual(['AB-101']);
      expect(licence?.indications.map((a) => a.name)).toEqual(['idiopathic pulmonary fibrosis']);
      expect(licence?.payments.map((p) => `${p.kind} ${p.amount ?? p.royaltyText ?? ''} ${p.status}`)).toEqual([
        'milestone 10000000 earned',
        'milestones_total 1200000000 potential',
        'royalty tiered royalties from 10% to 15% potential',
        'upfront 75000000 potential',
      ]);
      expect(licence?.payments.find((p) => p.kind === 'milestone')?.date).toBe('2025-01-10');
      expect((await g.deals({ company: 'Beta Pharma', kind: 'license' })).map((d) => d.key)).toEqual([LICENCE_KEY]);
      expect((await g.deals({ company: 'Beta Pharma', since: '2025-01-01' })).map((d) => d.key)).toEqual([COLLABORATION_KEY]);
      expect((await g.deals({ company: 'Beta Pharma', since: '2024' })).map((d) => d.key)).toEqual([LICENCE_KEY, COLLABORATION_KEY]);
      expect((await g.deals({ company: 'Beta Pharma', minUpfront: 50e6 })).map((d) => d.key)).toEqual([LICENCE_KEY]);
      expect((await g.deals({ company: 'Gamma Labs', minUpfront: 50e6 })).map((d) => d.key)).toEqual([]);
      expect(await g.deals({ company: 'Nobody Of That Name Inc' })).toEqual([]);
      const refused = await g.deals({ since: 'yesterday' }).catch((error: unknown) => error);
      expect(isKgError(refused) && refused.code === 'USAGE').toBe(true);
    } finally {
      await g.close();
    }
  });
});

describe('example deal queries', () => {
  it('rank deals by value, list a company’s deal history, deals on a target and deals whose status changed', async () => {
    const config = neo4jConfig();
    const byValue = await runQuery('deals-by-value', {}, config);
    const licence = byValue.rows.find((r) => r['deal'] === 'Acme Bio – Beta Pharma license');
    expect(licence).toMatchObject({ kind: 'license', upfront: 75000000, milestones: 1200000000, total: 1275000000, currency: 'USD', status: 'amended' });
    const history = await runQuery('company-deals', { company: 'acme bio' }, config);
    expect(history.rows).toEqual([
      {
        company: 'Acme Bio',
        date: '2024-03-01',
        kind: 'license',
        role: 'licensor',
        counterparties: ['licensee: Beta Pharma'],
        covers: ['AB-101'],
        status: 'amended',
        history: ['announced@2024-03-04', 'amended@2025-01-10', 'referenced@'],
        deal: 'Acme Bio – Beta Pharma license',
      },
    ]);
    const onTarget = await runQuery('deals-on-target', { target: 'TGT-9' }, config);
    expect(onTarget.rows.map((r) => [r['deal'], r['upfront']])).toEqual([['Beta Pharma – Gamma Labs collaboration', ['$20 million']]]);
    const changed = await runQuery('deal-status-changes', { status: 'amended' }, config);
    const mine = changed.rows.filter((r) => Array.isArray(r['documents']) && r['documents'].includes(LICENCE_DOC));
    expect(mine.map((r) => [r['deal'], r['history'], r['status']])).toEqual([['Acme Bio – Beta Pharma license', ['announced@2024-03-04', 'amended@2025-01-10'], 'amended']]);
  });
});

describe('forgetting a document that tells a deal', () => {
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

describe('a deal whose party two documents name differently', () => {
  // The second release names the licensor only by the short name the first gave as an alias: kg ingest's
  // resolution maps the company, and the deal and payment keys built from it follow (one Deal node).
  const announcement =
    'BOSTON, March 4, 2024 -- Corvana Therapeutics, Inc. (Nasdaq: CRVN) today announced that it has entered into an exclusive license agreement with Novartis AG, under which Novartis will receive worldwide rights to develop and commercialize CRV-301. Under the terms of the agreement, Novartis will pay Corvana an upfront payment of $150 million.';
  const milestone =
    'CAMBRIDGE, MA, June 2, 2025 -- Corvana, Inc. today announced that it has earned a $10 million milestone payment from Novartis with the start of Phase 2 testing of CRV-301. The milestone was earned under the 2024 agreement under which Corvana granted Novartis an exclusive worldwide license to CRV-301.';
  const graphs: Graph[] = [extractText(announcement, { knowledge, path: 'deal-rename-a.txt' })[0]!.graph, extractText(milestone, { knowledge, path: 'deal-rename-b.txt' })[0]!.graph];
  const docIds = graphs.flatMap((g) => g.documents.map((d) => d.docId));
  const key = 'deal:license:licensee=company:novartis+licensor=company:corvana-therapeutics@drug:crv-301';

  it('is one Deal node with both documents’ evidence and both payments', async () => {
    await store.forgetDocuments(docIds);
    await store.writeDocuments(graphs, { resolution: { names: knowledge.names, decisions: NO_DECISIONS } });
    const rows = await store.read(
      `MATCH (d:Deal)<-[:PARTY_TO]-(c:Company) WHERE c.key IN ['company:corvana-therapeutics', 'company:corvana']
       OPTIONAL MATCH (doc:Document)-[:MENTIONS]->(d)
       RETURN d.key AS deal, collect(DISTINCT doc.docId) AS documents`,
    );
    expect(rows.map((r) => r['deal'])).toEqual([key]);
    expect([...(rows[0]?.['documents'] as string[])].sort()).toEqual([...docIds].sort());
    const payments = await store.read('MATCH (:Deal {key: $key})-[:HAS_TERM]->(p:Payment) RETURN p.kind AS kind ORDER BY kind', { key });
    expect(payments.map((p) => p['kind'])).toEqual(['milestone', 'upfront']);
    await store.forgetDocuments(docIds);
  });
});
