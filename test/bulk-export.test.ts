// The bulk export (src/bulk/export.ts) without a database: the CSV files it writes are read back
// here and checked against the rules of the transactional writer (cypher/write/*.cypher): an entity's
// name and properties come from the first document of a single run, its aliases are every other name
// and alias; a relationship's properties likewise, documentCount counts its documents, firstSeen and
// lastSeen span their dates; a filing's properties are the last document's; a property whose type
// differs between rows gets a file per type; empty lists are listed for after the import. Without
// resolution documents may arrive in any order (shards) and give the same merged files; with it (as
// kg export runs it) they are resolved across documents in run order as kg ingest resolves them. A
// document the files cannot hold fails alone, leaving nothing behind. (test/bulk-load.int.test.ts compares a real import with
// kg ingest.)
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BulkExporter, importCommand, type Manifest } from '../src/bulk/export.ts';
import { QUICK_JIT_MAX_RECORDS, importFailure, importJvmOptions } from '../src/bulk/load.ts';
import { documentLine, type Order } from '../src/bulk/jsonl.ts';
import { graphsFromJsonlInRunOrder } from '../src/bulk/sources.ts';
import { KgError } from '../src/errors.ts';
import type { Entity, Graph, Relationship } from '../src/model/graph.ts';
import { amendmentGraph, licenceGraph, LICENCE_KEY } from './support/deal-fixtures.ts';
import { corpusResolver } from '../src/pipeline.ts';
import type { CorpusResolver } from '../src/graph/identity.ts';

/** RFC 4180 with multi-line quoted fields: rows of fields, quotes removed (a quoted field keeps its quotes as a marker `"…`). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quotedField = false;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') {
      inQuotes = true;
      quotedField = true;
    } else if (ch === ',' || ch === '\n') {
      row.push(quotedField ? `"${field}` : field);
      field = '';
      quotedField = false;
      if (ch === '\n') {
        rows.push(row);
        row = [];
      }
    } else field += ch;
  }
  return rows;
}

type Row = Record<string, string>;

/** The rows of every file of a prefix, as header → field (absent properties left out). */
function readRows(dir: string, prefix: string): Row[] {
  const out: Row[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`))
    .sort()) {
    const [header = [], ...rows] = parseCsv(readFileSync(join(dir, file), 'utf8'));
    for (const fields of rows) {
      const row: Row = {};
      header.forEach((column, i) => {
        const value = fields[i] ?? '';
        if (value !== '') row[column] = value;
      });
      out.push(row);
    }
  }
  return out;
}

function headers(dir: string, prefix: string): string[][] {
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`))
    .sort()
    .map((f) => parseCsv(readFileSync(join(dir, f), 'utf8'))[0] ?? []);
}

const US = '\u001f';

interface DocSpec {
  docId: string;
  asOf?: string;
  entities: Omit<Entity, 'mentions'>[];
  relationships?: Omit<Relationship, 'evidence'>[];
  accessionNumber?: string;
  items?: string[];
  registrant?: string;
}

function graph(spec: DocSpec): Graph {
  const { docId } = spec;
  return {
    schemaVersion: 1,
    documents: [
      {
        docId,
        sourcePath: `${docId}.txt`,
        docType: spec.accessionNumber ? '8-K' : 'press-release',
        contentHash: `hash-${docId}`,
        registrantKeys: spec.registrant ? [spec.registrant] : [],
        sentenceCount: 3,
        ...(spec.asOf ? { asOf: spec.asOf } : {}),
        ...(spec.accessionNumber ? { filing: { form: '8-K', accessionNumber: spec.accessionNumber, registrants: [{ name: 'x' }], items: (spec.items ?? []).map((code) => ({ code })), exhibits: [] } } : {}),
      },
    ],
    entities: spec.entities.map((e, i) => ({ ...e, mentions: [{ docId, start: i * 10, end: i * 10 + 4 }] })),
    relationships: (spec.relationships ?? []).map((r, i) => ({ ...r, evidence: [{ docId, start: i * 50, end: i * 50 + 20, sentence: `Sentence ${i} of ${docId}, "quoted",\nover two lines.`, rule: 'test.rule', confidence: 0.9 }] })),
  };
}

const acme = (name: string, properties: Entity['properties'] = {}, aliases: string[] = []): Omit<Entity, 'mentions'> => ({ key: 'company:acme', labels: ['Company'], name, aliases, properties });
const beta = (properties: Entity['properties'] = {}): Omit<Entity, 'mentions'> => ({ key: 'company:beta', labels: ['Company'], name: 'Beta', aliases: [], properties });

const DOCS: { graph: Graph; order: Order }[] = [
  {
    order: [0, 0],
    graph: graph({
      docId: 'd1',
      asOf: '2007-07-31',
      accessionNumber: '0000001-07-000001',
      items: ['1.01'],
      registrant: 'company:acme',
      entities: [acme('Acme', { ticker: 'ACM' }), beta()],
      relationships: [{ type: 'EARNED_MILESTONE', start: 'company:acme', end: 'company:beta', properties: { amount: 5000000, currency: 'USD' } }],
    }),
  },
  {
    order: [1, 0],
    graph: graph({
      docId: 'd2',
      asOf: '2005-01-02',
      accessionNumber: '0000001-07-000001',
      items: ['1.01', '9.01'],
      registrant: 'company:acme',
      entities: [acme('ACME Corp', { ticker: 'XXX', cik: '0000123' }, ['Acme Inc']), beta({ ticker: 'BET' })],
      relationships: [{ type: 'EARNED_MILESTONE', start: 'company:acme', end: 'company:beta', properties: { amount: 2.5, trigger: 'first patient' } }],
    }),
  },
  {
    order: [2, 0],
    graph: graph({
      docId: 'd3',
      asOf: '2010-03-04',
      entities: [beta(), { key: 'drug:x-1', labels: ['Drug'], name: 'X-1', aliases: [], properties: { codes: [] } }],
      relationships: [{ type: 'DEVELOPS', start: 'company:beta', end: 'drug:x-1', properties: { amount: 2.5 } }],
    }),
  },
  { order: [3, 0], graph: graph({ docId: 'd4', entities: [beta()] }) },
];

function exportDocs(docs: { graph: Graph; order: Order }[], resolver?: CorpusResolver): { dir: string; manifest: Manifest; failures: KgError[] } {
  const dir = join(mkdtempSync(join(tmpdir(), 'kg-bulk-export-')), 'out');
  const exporter = new BulkExporter(dir, resolver);
  const failures: KgError[] = [];
  for (const d of docs) {
    try {
      exporter.add(d.graph, d.order, d.graph.documents[0]?.sourcePath ?? '?');
    } catch (error) {
      if (!(error instanceof KgError)) throw error;
      failures.push(error);
    }
  }
  return { dir, manifest: exporter.finish().manifest, failures };
}

const withTemp = <T>(run: { dir: string }, check: () => T): T => {
  try {
    return check();
  } finally {
    rmSync(join(run.dir, '..'), { recursive: true, force: true });
  }
};

describe('kg export --format neo4j-admin', () => {
  it('merges entities as the writer does: first name and properties, every other name as an alias, labels added', () => {
    const run = exportDocs(DOCS);
    withTemp(run, () => {
      const entities = readRows(run.dir, 'nodes-entity');
      const acmeRow = entities.find((r) => r['key:ID(Entity)'] === '"company:acme');
      expect(acmeRow).toEqual({ 'key:ID(Entity)': '"company:acme', ':LABEL': `Company${US}Entity`, 'name:string': '"Acme', 'aliases:string[]': `"ACME Corp${US}Acme Inc`, 'ticker:string': '"ACM', 'cik:string': '"0000123' });
      expect(entities.find((r) => r['key:ID(Entity)'] === '"company:beta')?.['ticker:string']).toBe('"BET');
      // Empty lists cannot be written; they are listed for after the import.
      const emptyLists = readFileSync(join(run.dir, 'empty-lists.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { target: string });
      expect(emptyLists).toContainEqual({ target: 'entity', key: 'company:beta', properties: ['aliases'] });
      expect(emptyLists).toContainEqual({ target: 'entity', key: 'drug:x-1', properties: ['aliases', 'codes'] });
      expect(emptyLists).toContainEqual({ target: 'document', docId: 'd4', properties: ['factEnds', 'factStarts', 'factTypes'] });
      expect(emptyLists).toContainEqual({ target: 'filing', key: '0000001-07-000001', properties: ['exhibits'] });
      // Properties every row of a kind has are set by one scan after the import; the others row by row.
      expect(run.manifest.emptyLists.everywhere).toEqual([
        { target: 'document', property: 'factEnds' },
        { target: 'document', property: 'factStarts' },
        { target: 'document', property: 'factTypes' },
        { target: 'entity', property: 'aliases' },
      ]);
      expect(run.manifest.counts).toEqual({ documents: 4, entities: 3, evidence: 3, filings: 1, nodes: 11, relationships: 12 });
    });
  });

  it('merges relationships: first properties, documentCount, first and last date; a type per column', () => {
    const run = exportDocs(DOCS);
    withTemp(run, () => {
      const facts = readRows(run.dir, 'relationships-facts');
      expect(facts).toContainEqual({
        ':START_ID(Entity)': '"company:acme',
        ':END_ID(Entity)': '"company:beta',
        ':TYPE': 'EARNED_MILESTONE',
        'amount:long': '5000000',
        'currency:string': '"USD',
        'trigger:string': '"first patient',
        'key:string': '"EARNED_MILESTONE|company:acme|company:beta',
        'documentCount:long': '2',
        'firstSeen:date': '2005-01-02',
        'lastSeen:date': '2007-07-31',
      });
      // 5000000 is an Integer and 2.5 a Float, as the writer stores them: two files, one column type each.
      expect(facts.find((r) => r[':TYPE'] === 'DEVELOPS')?.['amount:double']).toBe('2.5');
      expect(
        headers(run.dir, 'relationships-facts')
          .map((h) => h.filter((c) => c.startsWith('amount:')).join())
          .sort(),
      ).toEqual(['amount:double', 'amount:long']);
      const evidence = readRows(run.dir, 'nodes-evidence');
      expect(evidence.map((e) => e['docId:string']).sort()).toEqual(['"d1', '"d2', '"d3']);
      expect(evidence.find((e) => e['docId:string'] === '"d1')?.['sentences:string[]']).toBe('"Sentence 0 of d1, "quoted",\nover two lines.');
      expect(run.manifest.nodes.find((f) => f.file.startsWith('nodes-evidence'))?.multiline).toBe(true);
      expect(run.manifest.nodes.find((f) => f.file.startsWith('nodes-entity'))?.multiline).toBe(false);
    });
  });

  it('keeps a filing as its last document wrote it, with CONTAINS per document and FILED once', () => {
    const run = exportDocs(DOCS);
    withTemp(run, () => {
      expect(readRows(run.dir, 'nodes-filing')).toEqual([{ 'key:ID(Filing)': '"0000001-07-000001', ':LABEL': 'Filing', 'accessionNumber:string': '"0000001-07-000001', 'form:string': '"8-K', 'items:string[]': `"1.01${US}9.01` }]);
      expect(
        readRows(run.dir, 'relationships-contains')
          .map((r) => r[':END_ID(Document)'])
          .sort(),
      ).toEqual(['"d1', '"d2']);
      expect(readRows(run.dir, 'relationships-filed')).toEqual([{ ':START_ID(Entity)': '"company:acme', ':END_ID(Filing)': '"0000001-07-000001', ':TYPE': 'FILED' }]);
    });
  });

  it('gives a deal told by two documents the properties claims-resolve gives it, whatever their order, and keeps each claim on its MENTIONS', () => {
    const dealRow = (docs: Graph[]): { deal: Row | undefined; mentions: Row[] } => {
      const run = exportDocs(docs.map((g, i) => ({ graph: g, order: [i, 0] as const })));
      return withTemp(run, () => ({
        deal: readRows(run.dir, 'nodes-entity').find((r) => r['key:ID(Entity)'] === `"${LICENCE_KEY}`),
        mentions: readRows(run.dir, 'relationships-mentions').filter((r) => r[':END_ID(Entity)'] === `"${LICENCE_KEY}`),
      }));
    };
    const inOrder = dealRow([licenceGraph(), amendmentGraph()]);
    expect(inOrder.deal).toMatchObject({
      'statusHistory:string[]': `"announced@2024-03-04${US}amended@2025-01-10${US}referenced@`,
      'status:string': '"amended',
      'amended:string[]': '"2025-01-10',
      'territory:string': '"worldwide',
      'signed:date': '2024-03-01',
    });
    expect(dealRow([amendmentGraph(), licenceGraph()]).deal).toEqual(inOrder.deal);
    expect(inOrder.mentions.map((m) => m['territory:string']).sort()).toEqual(['"worldwide', '"worldwide including Japan']);
    expect(inOrder.mentions.every((m) => m['claimed:string[]']?.includes('statusHistory'))).toBe(true);
  });

  it('gives the same merged files whatever order the documents arrive in', () => {
    const ordered = exportDocs(DOCS);
    const shuffled = exportDocs([DOCS[2], DOCS[3], DOCS[1], DOCS[0]].filter((d) => d !== undefined));
    withTemp(ordered, () =>
      withTemp(shuffled, () => {
        for (const prefix of ['nodes-entity', 'nodes-filing', 'relationships-facts', 'relationships-filed']) {
          expect(readRows(shuffled.dir, prefix), prefix).toEqual(readRows(ordered.dir, prefix));
        }
        for (const prefix of ['nodes-document', 'nodes-evidence', 'relationships-mentions', 'relationships-contains']) {
          const sorted = (dir: string) =>
            readRows(dir, prefix)
              .map((r) => JSON.stringify(r))
              .sort();
          expect(sorted(shuffled.dir), prefix).toEqual(sorted(ordered.dir));
        }
      }),
    );
  });

  it('fails a document alone when a list value holds the list separator, or its id came already', () => {
    const bad = graph({ docId: 'bad', entities: [{ key: 'company:odd', labels: ['Company'], name: 'Odd', aliases: [`Odd${US}Co`], properties: {} }] });
    const again = { graph: DOCS[0]?.graph ?? bad, order: [9, 0] as const };
    const run = exportDocs([...DOCS, { graph: bad, order: [4, 0] }, again]);
    withTemp(run, () => {
      expect(run.failures.map((f) => f.code)).toEqual(['SCHEMA_INVALID', 'SCHEMA_INVALID']);
      expect(run.failures[0]?.message).toMatch(/U\+001F/);
      expect(run.failures[1]?.message).toMatch(/document id "d1" came already from d1\.txt/);
      expect(
        readRows(run.dir, 'nodes-document')
          .map((r) => r['docId:ID(Document)'])
          .sort(),
      ).toEqual(['"d1', '"d2', '"d3', '"d4']);
      expect(readRows(run.dir, 'nodes-entity').map((r) => r['key:ID(Entity)'])).not.toContain('"company:odd');
      expect(run.manifest.counts.documents).toBe(4);
    });
  });
});

describe('kg export --format neo4j-admin, resolved across documents', () => {
  const person = (key: string, name: string): Omit<Entity, 'mentions'> => ({ key, labels: ['Person'], name, aliases: [], properties: {} });
  const company = (key: string, name: string, properties: Entity['properties'] = {}): Omit<Entity, 'mentions'> => ({ key, labels: ['Company'], name, aliases: [], properties });

  it('gives one node to a person two documents name differently, as kg extract does, with its name forms and its facts on the one key', () => {
    const docs = [
      {
        order: [0, 0] as const,
        graph: graph({ docId: 'p1', entities: [person('person:david-a-dodd', 'David A. Dodd'), company('company:acme', 'Acme')], relationships: [{ type: 'EMPLOYS', start: 'company:acme', end: 'person:david-a-dodd', properties: {} }] }),
      },
      {
        order: [1, 0] as const,
        graph: graph({ docId: 'p2', entities: [person('person:david-dodd', 'David Dodd'), company('company:beta', 'Beta')], relationships: [{ type: 'EMPLOYS', start: 'company:beta', end: 'person:david-dodd', properties: {} }] }),
      },
    ];
    const run = exportDocs(docs, corpusResolver());
    withTemp(run, () => {
      expect(run.failures).toEqual([]);
      const people = readRows(run.dir, 'nodes-entity').filter((r) => r[':LABEL']?.includes('Person') === true);
      expect(people.map((r) => [r['key:ID(Entity)'], r['name:string'], r['aliases:string[]']])).toEqual([['"person:david-a-dodd', '"David A. Dodd', '"David Dodd']]);
      // The forms kg ingest stores as nameKeys: both names' keys, the name without its middle initial, the surname.
      expect(people[0]?.['nameKeys:string[]']?.split(US)).toEqual(expect.arrayContaining(['"person:david-a-dodd', 'person:david-dodd']));
      const facts = readRows(run.dir, 'relationships-facts').map((r) => [r[':START_ID(Entity)'], r[':END_ID(Entity)']]);
      expect(facts).toEqual(
        expect.arrayContaining([
          ['"company:acme', '"person:david-a-dodd'],
          ['"company:beta', '"person:david-a-dodd'],
        ]),
      );
      const mentions = readRows(run.dir, 'relationships-mentions').map((r) => [r[':START_ID(Document)'], r[':END_ID(Entity)']]);
      expect(mentions).toContainEqual(['"p2', '"person:david-a-dodd']);
      expect(run.manifest.counts.entities).toBe(3);
    });
  });

  it('writes doubtful pairs as POSSIBLY_SAME_AS with score and reason, and records a copy on the first document instead of writing it again', () => {
    const copy = graph({ docId: 'c3', entities: [company('company:gamma', 'Gamma')] });
    const first = copy.documents[0];
    if (first) copy.documents[0] = { ...first, contentHash: 'hash-c1' };
    const docs = [
      { order: [0, 0] as const, graph: graph({ docId: 'c1', entities: [company('company:norvane', 'Norvane')] }) },
      { order: [1, 0] as const, graph: graph({ docId: 'c2', entities: [company('company:norvane-ventures', 'Norvane Ventures')] }) },
      { order: [2, 0] as const, graph: copy },
    ];
    const run = exportDocs(docs, corpusResolver());
    withTemp(run, () => {
      expect(run.failures).toEqual([]);
      expect(readRows(run.dir, 'relationships-possibly-same-as')).toEqual([
        { ':START_ID(Entity)': '"company:norvane', ':END_ID(Entity)': '"company:norvane-ventures', ':TYPE': 'POSSIBLY_SAME_AS', 'score:double': '0.5', 'reason:string': '"one name is the other plus words' },
      ]);
      // The copy is no Document, and none of its entities is written; its path goes to c1's copies after the import.
      expect(readRows(run.dir, 'nodes-document').map((r) => r['docId:ID(Document)'])).toEqual(['"c1', '"c2']);
      expect(readRows(run.dir, 'nodes-entity').map((r) => r['key:ID(Entity)'])).not.toContain('"company:gamma');
      const lines = readFileSync(join(run.dir, 'empty-lists.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown);
      expect(lines).toContainEqual({ target: 'copies', docId: 'c1', paths: ['c3.txt'], properties: [] });
    });
  });

  it('takes shard files given in any order in run order, one line per file at a time, and refuses a file whose lines go back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-bulk-lines-'));
    try {
      const line = (docId: string, fileIndex: number, shard: string): string => documentLine({ relativePath: `${docId}.txt`, fileIndex, docIndex: 0, shard, graph: graph({ docId, entities: [] }) });
      const even = join(dir, 'shard-0.jsonl');
      const odd = join(dir, 'shard-1.jsonl');
      writeFileSync(even, line('f0', 0, '0/2') + line('f2', 2, '0/2') + line('f4', 4, '0/2'));
      writeFileSync(odd, line('f1', 1, '1/2') + line('f3', 3, '1/2'));
      const seen: string[] = [];
      for await (const item of graphsFromJsonlInRunOrder([odd, even])) if (item.ok) seen.push(item.graph.documents[0]?.docId ?? '');
      expect(seen).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
      const concatenated = join(dir, 'all.jsonl');
      writeFileSync(concatenated, readFileSync(even, 'utf8') + readFileSync(odd, 'utf8'));
      const reading = async (): Promise<void> => {
        const items: unknown[] = [];
        for await (const item of graphsFromJsonlInRunOrder([concatenated])) items.push(item);
      };
      await expect(reading()).rejects.toMatchObject({ code: 'INPUT_MALFORMED', subject: `${concatenated}:4` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses documents that come out of run order, since each is resolved against the ones before it', () => {
    const docs = [
      { order: [1, 0] as const, graph: graph({ docId: 'o2', entities: [company('company:acme', 'Acme')] }) },
      { order: [0, 0] as const, graph: graph({ docId: 'o1', entities: [company('company:acme', 'Acme')] }) },
    ];
    const run = exportDocs(docs, corpusResolver());
    withTemp(run, () => {
      expect(run.failures.map((f) => f.code)).toEqual(['USAGE']);
      expect(run.manifest.counts.documents).toBe(1);
    });
  });
});

describe('the neo4j-admin command', () => {
  it('puts the database before the many-valued options, and turns on the multi-line parser when a file needs it', () => {
    const run = exportDocs(DOCS);
    withTemp(run, () => {
      const args = importCommand(run.manifest, 'neo4j', (f) => `/x/${f}`);
      expect(args.slice(0, 4)).toEqual(['database', 'import', 'full', 'neo4j']);
      expect(args).toContain('--array-delimiter=U+001F');
      expect(args).toContain('--multiline-fields=true');
      expect(args.filter((a) => a.startsWith('--nodes=')).length).toBe(run.manifest.nodes.length);
      expect(readFileSync(join(run.dir, 'import.sh'), 'utf8')).toMatch(/database import full "\$\{1:-neo4j\}" --array-delimiter=U\+001F /);
    });
  });

  it('names the cause of a failed import from its log', () => {
    const log = [
      'IMPORT FAILED in 894ms.',
      'org.neo4j.cli.CommandFailedException: Error importing csv file.',
      'Caused by: java.lang.IllegalStateException: Weird input data at position 12',
      '\tat org.neo4j.X.y(X.java:1)',
      "Run with '--verbose' for a more detailed error message.",
    ].join('\n');
    expect(importFailure(log)).toBe('Weird input data at position 12');
    expect(importFailure("java.lang.IllegalArgumentException: File 'x' doesn't exist\nRun with '--verbose' for a more detailed error message.\n")).toBe("java.lang.IllegalArgumentException: File 'x' doesn't exist");
  });

  it('runs the importer with the quick JIT and serial GC below the size where the optimising JIT pays off, and with the JVM defaults above it', () => {
    expect(importJvmOptions({ nodes: 89_734, relationships: 142_671 })).toEqual(['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC']);
    expect(importJvmOptions({ nodes: QUICK_JIT_MAX_RECORDS / 2, relationships: QUICK_JIT_MAX_RECORDS / 2 - 1 })).toEqual(['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC']);
    expect(importJvmOptions({ nodes: QUICK_JIT_MAX_RECORDS / 2, relationships: QUICK_JIT_MAX_RECORDS / 2 })).toEqual([]);
  });
});
