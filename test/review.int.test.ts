// The review loop against the real server: two press releases name one person two ways and another
// pair of people who share a surname; `kg review` lists both pairs, accept merges one pair into one
// node, reject removes the other, and both decisions hold after forget + re-ingest. A third file with
// the first one's content under another name is the same Document. Names are invented per run, so
// this test shares the server with the others without meeting their data.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig } from '../src/config.ts';
import { forget, ingest } from '../src/api/ingest.ts';
import { acceptCandidate, listCandidates, rejectCandidate } from '../src/api/review.ts';
import { loadDecisions } from '../src/graph/decisions.ts';
import { Neo4jGraphStore } from '../src/writers/neo4j.ts';
import { main } from '../src/cli.ts';

/** An invented capitalised word (letters only, so it reads as a name). */
function word(length: number): string {
  const letters = 'abcdefghiklmnoprstuvz';
  let out = 'QWXZVKJ'[randomInt(7)] ?? 'Q';
  for (let i = 1; i < length; i++) out += letters[randomInt(letters.length)] ?? 'a';
  return out;
}

const company = word(8);
const surname = word(7);
const otherSurname = word(7);
const dir = mkdtempSync(join(tmpdir(), 'kg-review-'));
const decisionsFile = join(dir, 'kg-decisions.json');
const config = neo4jConfig();
const personKey = (given: string, family: string): string => `person:${given.toLowerCase()}-${family.toLowerCase()}`;

const first = join(dir, `${company.toLowerCase()}-a.txt`);
const second = join(dir, `${company.toLowerCase()}-b.txt`);
const copy = join(dir, `${company.toLowerCase()}-copy.txt`);
writeFileSync(
  first,
  `CAMBRIDGE, Mass., March 3, 2025 -- ${company} Therapeutics, Inc. (Nasdaq: ${company.slice(0, 4).toUpperCase()}) today announced a licence agreement. "We are pleased," said Steven ${surname}, Chief Executive Officer of ${company} Therapeutics. "A fine day," said Robert ${otherSurname}, Chief Financial Officer of ${company} Therapeutics.\n`,
);
writeFileSync(
  second,
  `BOSTON, May 5, 2025 -- ${company} Therapeutics today reported results. "A good year," said Steve ${surname}, Chief Executive Officer of ${company} Therapeutics. "Strong numbers," said Rob ${otherSurname}, Chief Financial Officer of ${company} Therapeutics.\n`,
);
writeFileSync(copy, readFileSync(first, 'utf8'));

let store: Neo4jGraphStore;
beforeAll(async () => {
  store = await Neo4jGraphStore.open(config);
});
afterAll(async () => {
  await store?.close();
});

async function entityKeys(prefix: string): Promise<string[]> {
  const rows = await store.read('MATCH (n:Entity) WHERE n.key STARTS WITH $prefix RETURN n.key AS key ORDER BY key', { prefix });
  return rows.map((r) => String(r['key']));
}

const pairOf = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

describe('kg review', () => {
  const steven = personKey('Steven', surname);
  const steve = personKey('Steve', surname);
  const robert = personKey('Robert', otherSurname);
  const rob = personKey('Rob', otherSurname);
  let docIds: string[] = [];

  it('lists the doubtful pairs and keeps each pair apart until a person decides', async () => {
    const summary = await ingest([first, second], config, { decisions: loadDecisions(decisionsFile) });
    expect(summary.failures).toEqual([]);
    docIds = summary.documents.map((d) => d.docId);
    expect(await entityKeys(`person:`).then((keys) => keys.filter((k) => k.endsWith(surname.toLowerCase()) || k.endsWith(otherSurname.toLowerCase())))).toEqual([rob, robert, steve, steven].sort());
    const pairs = (await listCandidates(config)).map((c) => pairOf(c.a.key, c.b.key));
    expect(pairs).toEqual(expect.arrayContaining([pairOf(steve, steven), pairOf(rob, robert)]));
  }, 120_000);

  it('accept merges the pair into one node with both names; reject removes the pair; both go to the decisions file', async () => {
    await acceptCandidate(config, steven, steve, decisionsFile);
    await rejectCandidate(config, robert, rob, decisionsFile);
    const [node] = await store.read('MATCH (n:Entity {key: $key}) RETURN n.name AS name, n.aliases AS aliases, COUNT { (n)<-[:MENTIONS]-(:Document) } AS documents', { key: steven });
    expect(node).toEqual({ name: `Steven ${surname}`, aliases: [`Steve ${surname}`], documents: 2 });
    expect(await entityKeys(steve)).toEqual([]);
    const employers = await store.read('MATCH (c:Company)-[r:EMPLOYS]->(:Person {key: $key}) RETURN c.key AS company, r.documentCount AS documents', { key: steven });
    expect(employers).toEqual([{ company: `company:${company.toLowerCase()}-therapeutics`, documents: 2 }]);
    const pairs = (await listCandidates(config)).map((c) => pairOf(c.a.key, c.b.key));
    expect(pairs).not.toContain(pairOf(steve, steven));
    expect(pairs).not.toContain(pairOf(rob, robert));
    expect(JSON.parse(readFileSync(decisionsFile, 'utf8'))).toEqual({ version: 1, same: [{ keep: steven, merge: steve }], different: [{ a: rob < robert ? rob : robert, b: rob < robert ? robert : rob }] });
  }, 60_000);

  it('keeps both decisions after the documents are forgotten and ingested again', async () => {
    await forget(docIds, config);
    expect(await entityKeys(steven)).toEqual([]);
    const again = await ingest([first, second], config, { decisions: loadDecisions(decisionsFile) });
    expect(again.documents.map((d) => d.status)).toEqual(['created', 'created']);
    expect(await entityKeys(steve)).toEqual([]);
    const [node] = await store.read('MATCH (n:Entity {key: $key}) RETURN n.aliases AS aliases, COUNT { (n)<-[:MENTIONS]-(:Document) } AS documents', { key: steven });
    expect(node).toEqual({ aliases: [`Steve ${surname}`], documents: 2 });
    const pairs = (await listCandidates(config)).map((c) => pairOf(c.a.key, c.b.key));
    expect(pairs).not.toContain(pairOf(rob, robert));
  }, 120_000);

  it('records a file with a stored document’s content as a copy of that document, not a second one', async () => {
    const result = await ingest([copy], config);
    const [firstId] = docIds;
    expect(result.documents.map((d) => [d.status, d.copyOf])).toEqual([['unchanged', firstId]]);
    const rows = await store.read('MATCH (d:Document) WHERE d.docId IN $ids RETURN d.docId AS docId, d.copies AS copies', { ids: [...docIds, result.documents[0]?.docId ?? ''] });
    expect(rows).toEqual(expect.arrayContaining([{ docId: firstId, copies: [copy] }]));
    expect(rows).toHaveLength(2);
  }, 60_000);

  it('kg review prints the pairs and refuses a key that is not in the graph', async () => {
    let out = '';
    let err = '';
    const io = { out: (s: string) => void (out += s), err: (s: string) => void (err += s) };
    expect(await main(['review', '--format', 'json'], io)).toBe(0);
    expect(Array.isArray(JSON.parse(out))).toBe(true);
    expect(await main(['review', 'accept', steven, 'person:nobody-at-all', '--decisions', decisionsFile], io)).toBe(2);
    expect(err).toContain('no entity with key "person:nobody-at-all"');
    await forget(docIds, config);
  }, 60_000);
});
