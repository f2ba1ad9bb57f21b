// The typed lookup API against the real server: names resolve through aliases case-insensitively,
// results are typed and carry their provenance.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig } from '../src/config.ts';
import { openGraph, type DealGraph } from '../src/api/graph.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { isKgError } from '../src/errors.ts';
import { documentGraph, key, runId } from './support/neo4j-fixtures.ts';

const run = runId();
const docA = `${run}-a`;
const docB = `${run}-b`;
let graph: DealGraph;

beforeAll(async () => {
  const store = await Neo4jGraphStore.open(neo4jConfig());
  try {
    await store.ensureSchema();
    const a = documentGraph(run, docA, {
      companies: ['Acme', 'Beta'],
      asOf: '2007-07-31',
      licence: { licensor: 'Acme', licensee: 'Beta' },
      milestone: { payee: 'Acme', payer: 'Beta', amount: 5000000 },
      drug: { name: 'XB-1', developer: 'Beta', target: 'TGT', phase: 'PHASE_2' },
    });
    // The company is also known by a longer form: resolution must find it by that alias.
    for (const e of a.entities) if (e.name === 'Acme') e.aliases = [`Acme ${run} Therapeutics, Inc.`];
    // A second document states the licence again: the evidence lists it as a second source.
    const b = documentGraph(run, docB, { asOf: '2008-02-01', licence: { licensor: 'Acme', licensee: 'Beta', sentence: 'Acme renewed the licence of Beta.' } });
    await store.writeDocument(a);
    await store.writeDocument(b);
  } finally {
    await store.close();
  }
  graph = await openGraph(neo4jConfig());
});

afterAll(async () => {
  await graph?.close();
  const store = await Neo4jGraphStore.open(neo4jConfig());
  for (const docId of [docA, docB]) await store.forgetDocument(docId);
  await store.close();
});

describe('openGraph', () => {
  it('resolves names by name, alias and key, case-insensitively', async () => {
    const acme = key(run, 'Company', 'Acme');
    expect(await graph.resolve('ACME')).toContain(acme);
    expect(await graph.resolve(`acme ${run} therapeutics, inc.`)).toEqual([acme]);
    expect(await graph.resolve(acme)).toEqual([acme]);
    expect(await graph.resolve(`Nobody ${run}`)).toEqual([]);
  });

  it('relationsOf lists facts in both directions with their sources', async () => {
    const relations = await graph.relationsOf(`Beta`);
    const mine = relations.filter((r) => r.start.key.includes(run) || r.end.key.includes(run));
    expect(mine.map((r) => `${r.type} ${r.start.name} ${r.end.name}`).sort()).toEqual(['DEVELOPS Beta XB-1', 'EARNED_MILESTONE Acme Beta', 'LICENSES_TO Acme Beta']);
    const licence = mine.find((r) => r.type === 'LICENSES_TO');
    expect(licence?.docIds).toEqual([docA, docB]);
    expect(licence?.properties).toEqual({ effectiveDate: '2007-07-31', exclusive: true, year: 2007 });
    expect(licence?.firstSeen).toBe('2007-07-31');
    expect(licence?.lastSeen).toBe('2008-02-01');
    expect(licence?.start.labels).toEqual(['Company']);
  });

  it('licenses filters by licensor and licensee', async () => {
    const byLicensor = (await graph.licenses({ licensor: `Acme ${run} Therapeutics, Inc.` })).filter((l) => l.licensor.key.includes(run));
    expect(byLicensor).toHaveLength(1);
    expect(byLicensor[0]?.licensee.name).toBe('Beta');
    expect(byLicensor[0]?.docIds).toEqual([docA, docB]);
    expect(await graph.licenses({ licensor: 'Beta', licensee: `Acme ${run} Therapeutics, Inc.` })).toEqual([]);
  });

  it('milestones gives amounts as numbers with their currency', async () => {
    const milestones = await graph.milestones({ payee: `Acme ${run} Therapeutics, Inc.` });
    expect(milestones).toHaveLength(1);
    expect(milestones[0]).toMatchObject({ amount: 5000000, currency: 'USD', payer: { name: 'Beta' }, docIds: [docA] });
  });

  it('drugsTargeting lists drugs with phases and developers', async () => {
    const drugs = (await graph.drugsTargeting('tgt')).filter((d) => d.drug.key.includes(run));
    expect(drugs).toEqual([
      {
        key: `TARGETS|${key(run, 'Drug', 'XB-1')}|${key(run, 'Target', 'TGT')}`,
        drug: { key: key(run, 'Drug', 'XB-1'), name: 'XB-1', labels: ['Drug'] },
        target: { key: key(run, 'Target', 'TGT'), name: 'TGT', labels: ['Target'] },
        phases: ['PHASE_2'],
        developers: [{ key: key(run, 'Company', 'Beta'), name: 'Beta', labels: ['Company'] }],
        docIds: [docA],
      },
    ]);
  });

  it('evidence returns the sentences behind a relationship', async () => {
    const [licence] = (await graph.licenses({ licensor: `Acme ${run} Therapeutics, Inc.` })).map((l) => ({ type: 'LICENSES_TO' as const, start: l.licensor, end: l.licensee }));
    expect(licence).toBeDefined();
    const evidence = await graph.evidence(licence!);
    expect(evidence.map((e) => [e.docId, e.sentence, e.rule])).toEqual([
      [docA, 'Acme granted Beta an exclusive licence.', 'test.licence'],
      [docB, 'Acme renewed the licence of Beta.', 'test.licence'],
    ]);
    expect(evidence[0]?.end).toBeGreaterThan(evidence[0]?.start ?? 0);
    await expect(graph.evidence({ type: 'NOT_A_TYPE' as 'OWNS', start: 'a', end: 'b' })).rejects.toThrow();
  });

  it('evidence takes any row of the other lookups as it is (each carries its relationship key)', async () => {
    const acme = `Acme ${run} Therapeutics, Inc.`;
    const [licence] = await graph.licenses({ licensor: acme });
    const [milestone] = await graph.milestones({ payee: acme });
    const [targeting] = (await graph.drugsTargeting('tgt')).filter((d) => d.drug.key.includes(run));
    const relation = (await graph.relationsOf('Beta')).find((r) => r.type === 'DEVELOPS' && r.start.key.includes(run));
    expect(licence?.key).toBe(`LICENSES_TO|${key(run, 'Company', 'Acme')}|${key(run, 'Company', 'Beta')}`);
    expect((await graph.evidence(licence!)).map((e) => e.docId)).toEqual([docA, docB]);
    expect((await graph.evidence(milestone!)).map((e) => e.sentence)).toEqual(['Acme earned a milestone payment from Beta.']);
    expect((await graph.evidence(targeting!)).map((e) => e.sentence)).toEqual(['XB-1 targets TGT.']);
    expect((await graph.evidence(relation!)).map((e) => e.sentence)).toEqual(['Beta develops XB-1.']);
    expect(await graph.evidence({ key: `LICENSES_TO|${key(run, 'Company', 'Beta')}|${key(run, 'Company', 'Acme')}` })).toEqual([]);
  });

  it('evidence refuses a value that names no relationship with a typed error, not a raw ZodError', async () => {
    for (const bad of [{}, { type: 'NOT_A_TYPE', start: 'a', end: 'b' }, { licensor: { key: 'x' } }, null]) {
      // A caller from plain JavaScript can pass anything; the types stop TypeScript callers first.
      const error = await graph.evidence(bad as unknown as { key: string }).catch((e: unknown) => e);
      expect(isKgError(error) && error.code, JSON.stringify(bad)).toBe('USAGE');
      expect(isKgError(error) && error.message).toMatch(/^evidence\(\) takes a row of relationsOf\(\), licenses\(\)/);
    }
  });

  it('fails with a typed error when the server refuses the credentials', async () => {
    const error = await openGraph({ ...neo4jConfig(), password: 'not-the-password' }).catch((e: unknown) => e);
    expect(isKgError(error) && error.code).toBe('NEO4J_AUTH');
  });
});
