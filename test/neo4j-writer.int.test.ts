// The Neo4j writer against the real server: idempotent re-ingest, replacement of a changed document,
// shared nodes across documents, forget without orphans, injection safety, Neo4j types and errors.
// Every test works on keys and docIds with its own run id, so tests sharing the server stay apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig } from '../src/config.ts';
import { Neo4jGraphStore, connectNeo4j } from '../src/writers/neo4j.ts';
import { isKgError } from '../src/errors.ts';
import { mergeGraphs } from '../src/graph/merge.ts';
import { splitByDocument } from '../src/writers/write-plan.ts';
import { canonical, documentGraph, key, runId, type FixtureOptions } from './support/neo4j-fixtures.ts';

let store: Neo4jGraphStore;
/** Every document a test wrote, forgotten after the file so the shared server keeps no test data. */
const written = new Set<string>();

beforeAll(async () => {
  store = await Neo4jGraphStore.open(neo4jConfig());
  await store.ensureSchema();
  const write = store.writeDocument.bind(store);
  store.writeDocument = (graph, options) => {
    for (const d of graph.documents) written.add(d.docId);
    return write(graph, options);
  };
});

afterAll(async () => {
  for (const docId of written) await store?.forgetDocument(docId);
  await store?.close();
});

/** Everything the run wrote: nodes (labels, properties) and relationships (type, ends, properties), sorted. */
async function snapshot(run: string): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await store.read(
    `MATCH (n)
     WHERE n.key CONTAINS $run OR n.docId STARTS WITH $run
        OR EXISTS { (n)<-[]-(m) WHERE m.key CONTAINS $run OR m.docId STARTS WITH $run }
     RETURN n`,
    { run },
  );
  const relationships = await store.read(
    `MATCH (a)-[r]->(b)
     WHERE a.key CONTAINS $run OR a.docId STARTS WITH $run OR b.key CONTAINS $run
     RETURN coalesce(a.key, a.docId) AS start, type(r) AS type, coalesce(b.key, b.docId) AS end, properties(r) AS properties`,
    { run },
  );
  const sorted = (rows: unknown[]) => rows.map(canonical).sort();
  return { nodes: sorted(nodes.map((r) => r['n'])), relationships: sorted(relationships) };
}

/**
 * A relationship's properties, with `docIds` and `sentences` read from its Evidence nodes (by docId,
 * each document's sentences in offset order).
 */
async function relationship(run: string, type: string, start: string, end: string): Promise<Record<string, unknown> | undefined> {
  const rows = await store.read(
    `MATCH (:Entity {key: $start})-[r]->(:Entity {key: $end}) WHERE type(r) = $type
     RETURN properties(r) AS p,
            COLLECT { MATCH (e:Evidence {fact: r.key}) RETURN e.docId ORDER BY e.docId } AS docIds,
            COLLECT { MATCH (e:Evidence {fact: r.key}) WITH e ORDER BY e.docId UNWIND e.sentences AS s RETURN s } AS sentences`,
    { start: key(run, 'Company', start), end: key(run, 'Company', end), type },
  );
  const row = rows[0];
  return row ? { ...(row['p'] as Record<string, unknown>), docIds: row['docIds'], sentences: row['sentences'] } : undefined;
}

const dealDocument = (run: string, docId: string, extra: FixtureOptions = {}) =>
  documentGraph(run, docId, {
    companies: ['Acme', 'Beta'],
    asOf: '2007-07-31',
    accessionNumber: `${run}-07-000001`,
    licence: { licensor: 'Acme', licensee: 'Beta' },
    milestone: { payee: 'Acme', payer: 'Beta', amount: 5000000 },
    drug: { name: 'XB-1', developer: 'Beta', target: 'TGT', phase: 'PHASE_2' },
    ...extra,
  });

describe('Neo4j writer', () => {
  it('writes a document once: the same document again changes nothing', async () => {
    const run = runId();
    const graph = dealDocument(run, `${run}-doc`);
    const first = await store.writeDocument(graph);
    expect(first.status).toBe('created');
    expect(first.relationshipsCreated).toBeGreaterThan(5);
    const before = await snapshot(run);
    expect(before.nodes.length).toBeGreaterThan(5);

    const again = await store.writeDocument(graph);
    expect(again).toMatchObject({ status: 'unchanged', nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 });
    expect(await snapshot(run)).toEqual(before);

    // Even a forced rewrite (forget + write in one transaction) ends in the same graph.
    const forced = await store.writeDocument(graph, { force: true, batchSize: 1 });
    expect(forced.status).toBe('replaced');
    expect(await snapshot(run)).toEqual(before);
  });

  it('stores the filing structure and Neo4j types: Integer counts and offsets, Date dates, Float confidences', async () => {
    const run = runId();
    await store.writeDocument(dealDocument(run, `${run}-doc`));
    const [filed] = await store.read(`MATCH (c:Company)-[:FILED]->(f:Filing)-[:CONTAINS]->(d:Document {docId: $docId}) RETURN c.key AS company, f.accessionNumber AS accession, valueType(f.reportDate) AS reportDate`, {
      docId: `${run}-doc`,
    });
    expect(filed).toEqual({ company: key(run, 'Company', 'Acme'), accession: `${run}-07-000001`, reportDate: 'DATE NOT NULL' });
    const [types] = await store.read(
      `MATCH (d:Document {docId: $docId})-[m:MENTIONS]->(:Entity {key: $acme})-[r:EARNED_MILESTONE]->()
       MATCH (e:Evidence {fact: r.key})
       RETURN valueType(d.asOf) AS asOf, valueType(d.sentenceCount) AS sentenceCount, valueType(m.starts) AS mentionStarts,
              valueType(r.amount) AS amount, valueType(r.documentCount) AS documentCount, valueType(e.starts) AS starts,
              valueType(e.confidences) AS confidences, valueType(r.firstSeen) AS firstSeen, e.docId AS docId`,
      { docId: `${run}-doc`, acme: key(run, 'Company', 'Acme') },
    );
    expect(types).toEqual({
      asOf: 'DATE NOT NULL',
      sentenceCount: 'INTEGER NOT NULL',
      mentionStarts: 'LIST<INTEGER NOT NULL> NOT NULL',
      amount: 'INTEGER NOT NULL',
      documentCount: 'INTEGER NOT NULL',
      starts: 'LIST<INTEGER NOT NULL> NOT NULL',
      confidences: 'LIST<FLOAT NOT NULL> NOT NULL',
      firstSeen: 'DATE NOT NULL',
      docId: `${run}-doc`,
    });
    const [labels] = await store.read(`MATCH (n:Entity {key: $key}) RETURN labels(n) AS labels`, { key: key(run, 'Drug', 'XB-1') });
    expect((labels?.['labels'] as string[]).sort()).toEqual(['Drug', 'Entity']);
  });

  it('gives two documents naming the same company one node carrying both sources', async () => {
    const run = runId();
    await store.writeDocument(documentGraph(run, `${run}-a`, { asOf: '2007-07-31', licence: { licensor: 'Acme', licensee: 'Beta' } }));
    await store.writeDocument(documentGraph(run, `${run}-b`, { asOf: '2009-01-15', licence: { licensor: 'Acme', licensee: 'Beta', sentence: 'Acme licensed Beta.' } }));
    const rows = await store.read(`MATCH (n:Company {key: $key}) RETURN COLLECT { MATCH (d:Document)-[:MENTIONS]->(n) RETURN d.docId ORDER BY d.docId } AS docIds`, {
      key: key(run, 'Company', 'Acme'),
    });
    expect(rows).toEqual([{ docIds: [`${run}-a`, `${run}-b`] }]);
    const licence = await relationship(run, 'LICENSES_TO', 'Acme', 'Beta');
    expect(licence?.['docIds']).toEqual([`${run}-a`, `${run}-b`]);
    expect(licence?.['sentences']).toEqual(['Acme granted Beta an exclusive licence.', 'Acme licensed Beta.']);
    expect(licence?.['firstSeen']).toBe('2007-07-31');
    expect(licence?.['lastSeen']).toBe('2009-01-15');
  });

  it('replaces a changed document: only its evidence and what only it supported', async () => {
    const run = runId();
    await store.writeDocument(dealDocument(run, `${run}-a`));
    await store.writeDocument(documentGraph(run, `${run}-b`, { asOf: '2009-01-15', licence: { licensor: 'Acme', licensee: 'Beta', sentence: 'Acme licensed Beta.' } }));

    // Version 2 of document a no longer mentions the drug and words the licence differently.
    const v2 = documentGraph(run, `${run}-a`, { contentHash: 'v2', asOf: '2010-03-01', licence: { licensor: 'Acme', licensee: 'Beta', sentence: 'Acme and Beta amended their licence.' } });
    const result = await store.writeDocument(v2);
    expect(result.status).toBe('replaced');

    const licence = await relationship(run, 'LICENSES_TO', 'Acme', 'Beta');
    expect(licence?.['docIds']).toEqual([`${run}-a`, `${run}-b`]);
    expect(licence?.['sentences']).toEqual(['Acme and Beta amended their licence.', 'Acme licensed Beta.']);
    expect(licence?.['documentCount']).toBe(2);
    expect(licence?.['firstSeen']).toBe('2009-01-15');
    expect(licence?.['lastSeen']).toBe('2010-03-01');
    // Facts only the old version supported are gone, nodes and relationships alike.
    expect(await relationship(run, 'EARNED_MILESTONE', 'Acme', 'Beta')).toBeUndefined();
    const drugs = await store.read(`MATCH (n:Entity) WHERE n.key IN $keys RETURN n.key AS key`, { keys: [key(run, 'Drug', 'XB-1'), key(run, 'Target', 'TGT')] });
    expect(drugs).toEqual([]);
    const filings = await store.read(`MATCH (f:Filing {key: $key}) RETURN f`, { key: `${run}-07-000001` });
    expect(filings).toEqual([]);
    const [doc] = await store.read(`MATCH (d:Document {docId: $docId}) RETURN d.contentHash AS hash, toString(d.asOf) AS asOf`, { docId: `${run}-a` });
    expect(doc).toEqual({ hash: 'v2', asOf: '2010-03-01' });
  });

  it('replaces a document whose text is unchanged when what was extracted from it changed (a new extractor), and skips it after', async () => {
    const run = runId();
    const docId = `${run}-a`;
    expect((await store.writeDocument(dealDocument(run, docId))).status).toBe('created');
    // The same text (content hash v1) read by a newer extractor: it finds the milestone no more, and a drug more.
    const newer = dealDocument(run, docId, { milestone: undefined, drug: { name: 'XB-2', developer: 'Beta', target: 'TGT' } });
    expect((await store.writeDocument(newer)).status).toBe('replaced');
    expect(await relationship(run, 'EARNED_MILESTONE', 'Acme', 'Beta')).toBeUndefined();
    const drugs = await store.read(`MATCH (:Document {docId: $docId})-[:MENTIONS]->(n:Drug) RETURN n.name AS name`, { docId });
    expect(drugs).toEqual([{ name: 'XB-2' }]);
    const again = await store.writeDocument(newer);
    expect(again).toMatchObject({ status: 'unchanged', nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 });
  });

  it('replaces a document stored before extraction hashes were kept, once', async () => {
    const run = runId();
    const docId = `${run}-a`;
    await store.writeDocument(dealDocument(run, docId));
    await store.runWrite('MATCH (d:Document {docId: $docId}) REMOVE d.extractionHash', { docId });
    expect((await store.writeDocument(dealDocument(run, docId))).status).toBe('replaced');
    expect((await store.writeDocument(dealDocument(run, docId))).status).toBe('unchanged');
  });

  it('forgets documents without leaving orphans', async () => {
    const run = runId();
    await store.writeDocument(dealDocument(run, `${run}-a`));
    await store.writeDocument(documentGraph(run, `${run}-b`, { licence: { licensor: 'Acme', licensee: 'Beta' }, companies: ['Gamma'] }));

    expect(await store.forgetDocument(`${run}-a`)).toBe(true);
    let snap = await snapshot(run);
    // Document b still supports the licence and its three companies; nothing else of a remains.
    const facts = snap.relationships.filter((r) => !r.includes('"MENTIONS"'));
    expect(facts).toHaveLength(1);
    expect(facts[0]).toContain('"LICENSES_TO"');
    expect(facts[0]).toContain('"documentCount":1');
    const evidence = snap.nodes.filter((n) => n.includes('"Evidence"'));
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toContain(`"docId":"${run}-b"`);
    const left = await store.read(`MATCH (n:Entity) WHERE n.key CONTAINS $run RETURN n.key AS key ORDER BY key`, { run });
    expect(left.map((r) => r['key'])).toEqual([key(run, 'Company', 'Acme'), key(run, 'Company', 'Beta'), key(run, 'Company', 'Gamma')]);

    expect(await store.forgetDocument(`${run}-b`)).toBe(true);
    snap = await snapshot(run);
    expect(snap).toEqual({ nodes: [], relationships: [] });
    expect(await store.forgetDocument(`${run}-b`)).toBe(false);
    const orphans = await store.read(`MATCH (n:Entity) WHERE NOT EXISTS { (:Document)-[:MENTIONS]->(n) } AND (n.key CONTAINS $run OR n:Phase) RETURN n.key AS key`, { run });
    expect(orphans).toEqual([]);
  });

  it('forgets several documents in one transaction and says which were stored', async () => {
    const run = runId();
    await store.writeDocument(dealDocument(run, `${run}-a`));
    await store.writeDocument(documentGraph(run, `${run}-b`, { licence: { licensor: 'Acme', licensee: 'Beta' }, companies: ['Gamma'] }));
    await store.writeDocument(documentGraph(run, `${run}-c`, { companies: ['Delta'] }));

    expect(await store.forgetDocuments([`${run}-b`, `${run}-missing`, `${run}-a`])).toEqual([`${run}-b`, `${run}-a`]);
    const left = await store.read(`MATCH (n:Entity) WHERE n.key CONTAINS $run RETURN n.key AS key`, { run });
    expect(left.map((r) => r['key'])).toEqual([key(run, 'Company', 'Delta')]);
    const relationships = await store.read(`MATCH (a:Entity)-[r]->() WHERE a.key CONTAINS $run RETURN count(r) AS n`, { run });
    expect(relationships).toEqual([{ n: 0 }]);
    expect(await store.forgetDocuments([`${run}-a`])).toEqual([]);
    expect(await store.forgetDocuments([`${run}-c`])).toEqual([`${run}-c`]);
    expect(await snapshot(run)).toEqual({ nodes: [], relationships: [] });
  });

  it('stores a hostile name verbatim and deletes nothing', async () => {
    const run = runId();
    const sentinel = `${run}-sentinel`;
    await store.writeDocument(documentGraph(run, sentinel, { companies: ['Sentinel'] }));
    const hostile = 'Acme"}) DETACH DELETE n //';
    const hostileQuote = "Beta'}) MATCH (m) DETACH DELETE m //";
    const docId = `${run}-"}) DETACH DELETE d //`;
    await store.writeDocument(documentGraph(run, docId, { companies: [hostile, hostileQuote], licence: { licensor: hostile, licensee: hostileQuote } }));

    const names = await store.read(`MATCH (n:Company) WHERE n.key CONTAINS $run RETURN n.name AS name ORDER BY name`, { run });
    expect(names.map((r) => r['name'])).toEqual([hostile, hostileQuote, 'Sentinel']);
    expect(await store.read(`MATCH (d:Document {docId: $docId}) RETURN d.docId AS docId`, { docId })).toEqual([{ docId }]);
    expect((await snapshot(run)).nodes.some((n) => n.includes('"Sentinel"'))).toBe(true);
    expect(await store.forgetDocument(docId)).toBe(true);
    expect(await store.read(`MATCH (n:Company) WHERE n.key CONTAINS $run RETURN n.name AS name`, { run })).toEqual([{ name: 'Sentinel' }]);
  });
});

describe('Neo4j writer, several documents per transaction', () => {
  const writeBatch = (graphs: ReturnType<typeof documentGraph>[]) => {
    for (const g of graphs) for (const d of g.documents) written.add(d.docId);
    return store.writeDocuments(graphs);
  };
  const docs = (run: string) => [
    dealDocument(run, `${run}-a`),
    documentGraph(run, `${run}-b`, { asOf: '2009-01-15', licence: { licensor: 'Acme', licensee: 'Beta', sentence: 'Acme licensed Beta.' }, companies: ['Gamma'] }),
    documentGraph(run, `${run}-c`, { asOf: '2006-05-02', drug: { name: 'XB-1', developer: 'Gamma', target: 'TGT' } }),
  ];
  // The run id made neutral; so is the extraction hash, a hash of data that holds the run id.
  const neutral = (run: string, snap: { nodes: string[]; relationships: string[] }) =>
    [...snap.nodes, ...snap.relationships]
      .map((s) =>
        s
          .split(run)
          .join('RUN')
          .replace(/"extractionHash":"[0-9a-f]+"/g, '"extractionHash":"HASH"'),
      )
      .sort();

  it('writes a batch in one transaction and gives the graph of one transaction per document', async () => {
    const batched = runId();
    const single = runId();
    const result = await writeBatch(docs(batched));
    expect(result.transactions).toBe(1);
    expect(result.failures).toEqual([]);
    expect(result.documents.map((d) => [d.status, d.transactionDocuments])).toEqual([
      ['created', 3],
      ['created', 3],
      ['created', 3],
    ]);
    expect(result.counters.relationshipsCreated).toBeGreaterThan(10);
    for (const g of docs(single)) await store.writeDocument(g);
    expect(neutral(batched, await snapshot(batched))).toEqual(neutral(single, await snapshot(single)));
    const licence = await relationship(batched, 'LICENSES_TO', 'Acme', 'Beta');
    expect(licence?.['docIds']).toEqual([`${batched}-a`, `${batched}-b`]);
    expect([licence?.['firstSeen'], licence?.['lastSeen']]).toEqual(['2007-07-31', '2009-01-15']);
  });

  it('writes a merged graph as a GraphWriter: batches of its documents, the graph of one transaction per document', async () => {
    const viaWrite = runId();
    const single = runId();
    for (const g of docs(viaWrite)) for (const d of g.documents) written.add(d.docId);
    const result = await store.write(mergeGraphs(docs(viaWrite)));
    expect(result.failures).toEqual([]);
    expect(result.documents.map((d) => [d.docId, d.status])).toEqual([
      [`${viaWrite}-a`, 'created'],
      [`${viaWrite}-b`, 'created'],
      [`${viaWrite}-c`, 'created'],
    ]);
    // DocumentBatches starts with one document, then two: two transactions.
    expect(result.transactions).toBe(2);
    for (const g of splitByDocument(mergeGraphs(docs(single)))) await store.writeDocument(g);
    expect(neutral(viaWrite, await snapshot(viaWrite))).toEqual(neutral(single, await snapshot(single)));
    expect((await store.write(mergeGraphs(docs(viaWrite)))).documents.map((d) => d.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it("keeps the first document's properties when documents of one batch disagree, as one per transaction does", async () => {
    // b states the same licence with other terms and names Acme with a property a did not give.
    const disagreeing = (run: string) => {
      const [a, b] = docs(run);
      const licence = b!.relationships.find((r) => r.type === 'LICENSES_TO');
      if (licence) licence.properties = { exclusive: false, year: 2009, field: 'oncology' };
      const acme = b!.entities.find((e) => e.key === key(run, 'Company', 'Acme'));
      if (acme) acme.properties = { ticker: 'ACME' };
      return [a!, b!];
    };
    const batched = runId();
    const single = runId();
    expect((await writeBatch(disagreeing(batched))).transactions).toBe(1);
    for (const g of disagreeing(single)) await store.writeDocument(g);
    expect(neutral(batched, await snapshot(batched))).toEqual(neutral(single, await snapshot(single)));
    const licence = await relationship(batched, 'LICENSES_TO', 'Acme', 'Beta');
    expect([licence?.['exclusive'], licence?.['year'], licence?.['field']]).toEqual([true, 2007, 'oncology']);
    expect(licence?.['docIds']).toEqual([`${batched}-a`, `${batched}-b`]);
    const [acme] = await store.read(`MATCH (n:Entity {key: $key}) RETURN n.ticker AS ticker`, { key: key(batched, 'Company', 'Acme') });
    expect(acme).toEqual({ ticker: 'ACME' });
  });

  it('skips unchanged documents, replaces changed ones and adds new ones in the same batch', async () => {
    const run = runId();
    const [a, b, c] = docs(run);
    await writeBatch([a!, b!]);
    const before = await snapshot(run);
    const again = await writeBatch([a!, b!]);
    expect(again.documents.map((d) => d.status)).toEqual(['unchanged', 'unchanged']);
    expect(again.counters).toEqual({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 });
    expect(await snapshot(run)).toEqual(before);

    // b now words the licence differently and is dated later; a is unchanged; c is new.
    const b2 = documentGraph(run, `${run}-b`, { contentHash: 'v2', asOf: '2010-03-01', licence: { licensor: 'Acme', licensee: 'Beta', sentence: 'Acme and Beta amended their licence.' } });
    const mixed = await writeBatch([a!, b2, c!]);
    expect(mixed.documents.map((d) => [d.docId, d.status])).toEqual([
      [`${run}-a`, 'unchanged'],
      [`${run}-b`, 'replaced'],
      [`${run}-c`, 'created'],
    ]);
    const licence = await relationship(run, 'LICENSES_TO', 'Acme', 'Beta');
    expect(licence?.['sentences']).toEqual(['Acme granted Beta an exclusive licence.', 'Acme and Beta amended their licence.']);
    expect([licence?.['firstSeen'], licence?.['lastSeen']]).toEqual(['2007-07-31', '2010-03-01']);
    // Gamma was only in the old b, and c names it again: it is there once, mentioned by c only.
    const gamma = await store.read(`MATCH (n:Entity {key: $key}) RETURN COLLECT { MATCH (d:Document)-[:MENTIONS]->(n) RETURN d.docId } AS docIds`, { key: key(run, 'Company', 'Gamma') });
    expect(gamma).toEqual([{ docIds: [`${run}-c`] }]);
  });

  it('recounts documents and seen dates from the evidence left when one document of a batch is forgotten', async () => {
    const run = runId();
    const [a, b] = docs(run);
    await writeBatch([a!, b!]);
    expect((await relationship(run, 'LICENSES_TO', 'Acme', 'Beta'))?.['documentCount']).toBe(2);
    expect(await store.forgetDocument(`${run}-b`)).toBe(true);
    const licence = await relationship(run, 'LICENSES_TO', 'Acme', 'Beta');
    expect(licence).toMatchObject({ docIds: [`${run}-a`], documentCount: 1, firstSeen: '2007-07-31', lastSeen: '2007-07-31' });
    expect(licence?.['sentences']).toEqual(['Acme granted Beta an exclusive licence.']);
    expect(await store.forgetDocument(`${run}-a`)).toBe(true);
    expect(await relationship(run, 'LICENSES_TO', 'Acme', 'Beta')).toBeUndefined();
    expect(await store.read(`MATCH (e:Evidence) WHERE e.key CONTAINS $run RETURN e.key AS key`, { run })).toEqual([]);
  });

  it('writes the documents of a failing batch one per transaction, so only the bad one fails', async () => {
    const run = runId();
    // A uniqueness constraint on a property only this test uses: the bad document gives it the same
    // value on two entities, which the server refuses (a non-transient error) when the batch commits.
    const property = `${run}_probe`;
    const constraint = `${run}_probe_unique`;
    await store.runWrite(`CREATE CONSTRAINT ${constraint} IF NOT EXISTS FOR (n:Entity) REQUIRE n.${property} IS UNIQUE`);
    try {
      const bad = documentGraph(run, `${run}-bad`, { companies: ['Bad1', 'Bad2'] });
      for (const e of bad.entities) e.properties[property] = 'same';
      const [a, b] = docs(run);
      const result = await writeBatch([a!, bad, b!]);
      expect(result.documents.map((d) => [d.docId, d.status, d.transactionDocuments])).toEqual([
        [`${run}-a`, 'created', 1],
        [`${run}-b`, 'created', 1],
      ]);
      expect(result.transactions).toBe(2);
      expect(result.failures.map((f) => [f.docId, f.error.code])).toEqual([[`${run}-bad`, 'NEO4J_WRITE']]);
      expect(await store.read(`MATCH (d:Document) WHERE d.docId STARTS WITH $run RETURN d.docId AS docId ORDER BY docId`, { run })).toEqual([{ docId: `${run}-a` }, { docId: `${run}-b` }]);
      expect(await store.read(`MATCH (n:Entity) WHERE n.key CONTAINS 'bad' AND n.key CONTAINS $run RETURN n`, { run })).toEqual([]);
    } finally {
      await store.runWrite(`DROP CONSTRAINT ${constraint} IF EXISTS`);
    }
  });

  it('reports a document that fails validation alone and writes the rest', async () => {
    const run = runId();
    const dangling = documentGraph(run, `${run}-dangling`, { licence: { licensor: 'Acme', licensee: 'Beta' } });
    dangling.entities = dangling.entities.filter((e) => !e.key.endsWith('-beta'));
    const [, b] = docs(run);
    const result = await writeBatch([dangling, b!]);
    expect(result.documents.map((d) => d.docId)).toEqual([`${run}-b`]);
    expect(result.failures.map((f) => [f.docId, f.error.code])).toEqual([[`${run}-dangling`, 'SCHEMA_INVALID']]);
  });
});

describe('connection errors', () => {
  const config = neo4jConfig();

  async function failure(promise: Promise<unknown>): Promise<unknown> {
    try {
      await promise;
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  }

  it('maps a wrong password to NEO4J_AUTH without printing it', async () => {
    const password = 'wrong-password-not-shown';
    const error = await failure(connectNeo4j({ ...config, password }));
    expect(isKgError(error) && error.code).toBe('NEO4J_AUTH');
    expect(isKgError(error) && error.toLine()).not.toContain(password);
  });

  it('maps an unknown database to NEO4J_DATABASE', async () => {
    const error = await failure(connectNeo4j({ ...config, database: 'nosuchdatabase' }));
    expect(isKgError(error) && error.code).toBe('NEO4J_DATABASE');
    expect(isKgError(error) && error.message).toContain('nosuchdatabase');
  });

  it('maps an unreachable server to NEO4J_UNAVAILABLE', async () => {
    const error = await failure(connectNeo4j({ ...config, uri: 'bolt://127.0.0.1:9', password: 'secret-not-shown' }));
    expect(isKgError(error) && error.code).toBe('NEO4J_UNAVAILABLE');
    expect(isKgError(error) && error.toLine()).toContain('bolt://127.0.0.1:9');
    expect(isKgError(error) && error.toLine()).not.toContain('secret-not-shown');
  });
});
