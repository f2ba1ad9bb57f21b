// The write plan and the Cypher files, without a database: schema coverage, closed-list templates,
// parameter types, batching, per-document splitting, the cypher-file script and the query headers.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_LABELS, EXTRA_LABELS, NodeLabel, RELATIONSHIP_TYPES } from '../src/model/vocabulary.ts';
import {
  CypherDate,
  CypherInt,
  checkedLabels,
  checkedRelationshipType,
  cypherText,
  schemaStatements,
  splitByDocument,
  writeStatements,
  forgetStatements,
  batchWriteStatements,
  forgetBatchStatements,
  lockStatement,
  relationshipRowStatements,
  documentRows,
  DocumentBatches,
  type Params,
  type ParamValue,
} from '../src/writers/write-plan.ts';
import { cypherLiteral, toCypherScript } from '../src/writers/cypher-file.ts';
import { listQueries, loadQuery, parseQuery, queryParameters } from '../src/api/queries.ts';
import { mergeGraphs } from '../src/graph/merge.ts';
import { CYPHER_DIR } from '../src/knowledge/files.ts';
import { documentGraph } from './support/neo4j-fixtures.ts';

const RUN = 'tfixed';
const full = () =>
  documentGraph(RUN, 'doc-a', {
    companies: ['Acme', 'Beta'],
    asOf: '2007-07-31',
    accessionNumber: '0000000000-07-000001',
    licence: { licensor: 'Acme', licensee: 'Beta' },
    milestone: { payee: 'Acme', payer: 'Beta', amount: 5000000 },
    drug: { name: 'XB-1', developer: 'Beta', target: 'TGT', phase: 'PHASE_2' },
  });

/** A parameter that holds a string (a key, an id), as that string. */
function text(value: ParamValue | undefined): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function rowsOf(params: Params): Record<string, ParamValue>[] {
  return params['rows'] as Record<string, ParamValue>[];
}

describe('schema.cypher', () => {
  const statements = schemaStatements();
  it('has a named IF NOT EXISTS key constraint for Entity and every node label', () => {
    for (const label of ['Entity', ...NodeLabel.options]) {
      expect(
        statements.some((s) => new RegExp(`^CREATE CONSTRAINT \\w+ IF NOT EXISTS\\nFOR \\(n:${label}\\)\\nREQUIRE n.key IS UNIQUE$`).test(s)),
        label,
      ).toBe(true);
    }
    expect(statements.some((s) => s.includes('FOR (d:Document)') && s.includes('d.docId IS UNIQUE'))).toBe(true);
    expect(statements.some((s) => s.includes('FOR (f:Filing)') && s.includes('f.key IS UNIQUE'))).toBe(true);
  });
  it('indexes names, aliases and a full-text index over both', () => {
    expect(statements.some((s) => /FOR \(n:Entity\)\nON \(n.aliases\)/.test(s))).toBe(true);
    expect(statements.some((s) => s.startsWith('CREATE FULLTEXT INDEX') && s.includes('[n.name, n.aliases]'))).toBe(true);
    for (const label of ENTITY_LABELS)
      expect(
        statements.some((s) => s.includes(`FOR (n:${label})\nON (n.name)`)),
        label,
      ).toBe(true);
  });
  it('every statement is idempotent', () => {
    for (const s of statements) expect(s).toMatch(/IF NOT EXISTS/);
  });
});

describe('dynamic labels and types', () => {
  it('admit only members of the closed lists', () => {
    expect(checkedLabels(['Drug', 'Company', 'Drug'])).toEqual(['Company', 'Drug']);
    expect(checkedRelationshipType('LICENSES_TO')).toBe('LICENSES_TO');
    expect(() => checkedLabels(['Company DETACH DELETE n'])).toThrow(/not a node label/);
    expect(() => checkedRelationshipType('KNOWS]->() DETACH DELETE n //')).toThrow(/not a relationship type/);
  });
  it('accept every member and reach the server only as parameters', () => {
    expect(checkedLabels([...ENTITY_LABELS, ...EXTRA_LABELS, 'Phase'])).toHaveLength(new Set([...ENTITY_LABELS, ...EXTRA_LABELS, 'Phase']).size);
    for (const type of RELATIONSHIP_TYPES) expect(checkedRelationshipType(type)).toBe(type);
    expect(cypherText('write/entity-merge')).toContain('SET n:$(row.labels)');
    expect(cypherText('write/relationship-merge')).toContain('MERGE (a)-[r:$(row.type)]->(b)');
    for (const name of ['write/entity-merge', 'write/relationship-merge']) expect(cypherText(name)).not.toMatch(/__\w+__/);
  });
});

describe('writeStatements', () => {
  it('puts values only in parameters, never in the Cypher text', () => {
    const graph = documentGraph(RUN, 'doc-x', { companies: ['Acme"}) DETACH DELETE n //', 'Beta'], licence: { licensor: 'Acme"}) DETACH DELETE n //', licensee: 'Beta' } });
    const statements = writeStatements(graph);
    for (const s of statements) {
      expect(s.cypher).not.toContain('Acme');
      expect(s.cypher).not.toContain('doc-x');
    }
    const entityRows = statements.filter((s) => s.name === 'write/entity-merge').flatMap((s) => rowsOf(s.params));
    expect(entityRows.map((r) => r['name'])).toContain('Acme"}) DETACH DELETE n //');
  });

  it('types offsets and counts as Integers, dates as Dates, confidences as Floats', () => {
    const statements = writeStatements(full());
    const doc = statements.find((s) => s.name === 'write/document-merge')?.params['document'] as Record<string, ParamValue>;
    expect(doc['asOf']).toEqual(new CypherDate('2007-07-31'));
    expect(doc['sentenceCount']).toEqual(new CypherInt(10));
    const relationships = rowsOf(statements.find((s) => s.name === 'write/relationship-merge')?.params ?? {});
    const evidence = rowsOf(statements.find((s) => s.name === 'write/evidence-create')?.params ?? {});
    const licence = relationships.find((r) => r['type'] === 'LICENSES_TO') ?? {};
    expect(licence['properties']).toEqual({ effectiveDate: new CypherDate('2007-07-31'), exclusive: true, year: new CypherInt(2007) });
    expect(licence['documentCount']).toEqual(new CypherInt(1));
    expect(evidence.find((r) => r['fact'] === licence['key'])?.['starts']).toEqual([expect.any(CypherInt)]);
    const milestone = relationships.find((r) => r['type'] === 'EARNED_MILESTONE') ?? {};
    // A confidence of exactly 1 stays a plain number (a Float), so the list never mixes types.
    expect(evidence.find((r) => r['fact'] === milestone['key'])?.['confidences']).toEqual([1]);
    expect((milestone['properties'] as Record<string, ParamValue>)['amount']).toEqual(new CypherInt(5000000));
  });

  it('writes every label and every relationship type with one statement, carried in the rows', () => {
    const statements = writeStatements(full());
    const names = statements.map((s) => s.name);
    const entityRows = statements.filter((s) => s.name === 'write/entity-merge').flatMap((s) => rowsOf(s.params));
    const labels = new Set(entityRows.flatMap((r) => r['labels'] as string[]));
    expect(labels).toContain('Company');
    expect(labels).toContain('Phase');
    expect(names.filter((n) => n === 'write/relationship-merge')).toHaveLength(1);
    const types = rowsOf(statements.find((s) => s.name === 'write/relationship-merge')?.params ?? {}).map((r) => r['type']);
    expect(types).toContain('LICENSES_TO');
    expect(names.some((n) => n.includes(':'))).toBe(false);
    expect(names).toContain('write/filing-merge');
    // Evidence nodes come last: one per relationship and document, keyed by the relationship's key.
    expect(names.slice(-2)).toEqual(['write/relationship-merge', 'write/evidence-create']);
    const keys = new Set(rowsOf(statements.find((s) => s.name === 'write/relationship-merge')?.params ?? {}).map((r) => r['key']));
    const facts = rowsOf(statements.find((s) => s.name === 'write/evidence-create')?.params ?? {}).map((r) => r['fact']);
    expect(new Set(facts)).toEqual(keys);
    expect(facts).toHaveLength(keys.size);
  });

  it('splits rows into batches of the given size', () => {
    const graph = documentGraph(RUN, 'doc-b', { companies: ['A1', 'A2', 'A3', 'A4', 'A5'] });
    const batches = writeStatements(graph, { batchSize: 2 }).filter((s) => s.name === 'write/entity-merge');
    expect(batches.map((s) => rowsOf(s.params).length)).toEqual([2, 2, 1]);
    expect(() => writeStatements(graph, { batchSize: 0 })).toThrow(/batch size/);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(writeStatements(full()))).toBe(JSON.stringify(writeStatements(full())));
  });

  it('refuses graphs with several documents or dangling endpoints', () => {
    const two = mergeGraphs([full(), documentGraph(RUN, 'doc-b', { companies: ['Acme'] })]);
    expect(() => writeStatements(two)).toThrow(/exactly one document/);
    const dangling = full();
    dangling.entities = dangling.entities.filter((e) => !e.key.startsWith('drug:'));
    expect(() => writeStatements(dangling)).toThrow(/does not contain/);
  });

  it('gives the row-at-a-time baseline one group per relationship: its relationship-merge row and its Evidence row', () => {
    const graph = full();
    const groups = relationshipRowStatements(graph);
    expect(groups).toHaveLength(graph.relationships.length);
    for (const group of groups) {
      expect(group.map((s) => s.name)).toEqual(['write/relationship-merge', 'write/evidence-create']);
      const [relationship] = rowsOf(group[0]?.params ?? {});
      const evidence = rowsOf(group[1]?.params ?? {});
      expect(evidence.map((r) => r['fact'])).toEqual([relationship?.['key']]);
    }
  });

  it('forget statements take only the docId parameter', () => {
    for (const s of forgetStatements('doc-a')) expect(s.params).toEqual({ docId: 'doc-a' });
  });
});

describe('batchWriteStatements', () => {
  const doc = (i: number, asOf = '2007-07-31') =>
    documentGraph(RUN, `doc-${String(i).padStart(2, '0')}`, {
      companies: ['Acme', 'Beta', `Only${i}`],
      asOf,
      licence: { licensor: 'Acme', licensee: 'Beta', sentence: `Acme licensed Beta (${i}).` },
      drug: { name: `XB-${i}`, developer: 'Beta', target: 'TGT', phase: 'PHASE_2' },
    });

  it('uses as many statements for twenty documents as for one: one per kind of row, label and type', () => {
    const one = batchWriteStatements([doc(1)]).map((s) => s.name);
    const twenty = batchWriteStatements(Array.from({ length: 20 }, (_, i) => doc(i))).map((s) => s.name);
    expect(twenty).toEqual(one);
    expect(new Set(twenty).size).toBe(twenty.length);
    expect(twenty.slice(-2)).toEqual(['write/relationship-merge', 'write/evidence-create']);
  });

  it('keeps rows in document order, each carrying its docId, and one relationship row for the documents that state it', () => {
    const statements = batchWriteStatements([doc(2), doc(1)]);
    const licences = rowsOf(statements.find((s) => s.name === 'write/relationship-merge')?.params ?? {}).filter((r) => r['type'] === 'LICENSES_TO');
    expect(licences.map((r) => r['documentCount'])).toEqual([new CypherInt(2)]);
    // One Evidence row per document, in document order, each with that document's sentences only.
    const evidence = rowsOf(statements.find((s) => s.name === 'write/evidence-create')?.params ?? {}).filter((r) => r['fact'] === licences[0]?.['key']);
    expect(evidence.map((r) => r['docId'])).toEqual(['doc-02', 'doc-01']);
    expect(evidence.map((r) => r['key'])).toEqual([`${text(licences[0]?.['key'])}|doc-02`, `${text(licences[0]?.['key'])}|doc-01`]);
    expect(evidence.map((r) => r['sentences'])).toEqual([['Acme licensed Beta (2).'], ['Acme licensed Beta (1).']]);
    const mentions = rowsOf(statements.find((s) => s.name === 'write/mention-merge')?.params ?? {});
    expect(new Set(mentions.map((r) => r['docId']))).toEqual(new Set(['doc-02', 'doc-01']));
    expect(mentions[0]?.['docId']).toBe('doc-02');
    // One entity row per key for the batch: the first document's name, later names as aliases.
    const entities = rowsOf(statements.find((s) => s.name === 'write/entity-merge')?.params ?? {});
    expect(entities.map((r) => r['key'])).toEqual([...new Set(entities.map((r) => text(r['key'])))].sort());
    expect(entities.filter((r) => r['key'] === 'drug:tfixed-xb-2').map((r) => r['name'])).toEqual(['XB-2']);
    const companyKeys = entities.filter((r) => (r['labels'] as string[]).includes('Company')).map((r) => text(r['key']));
    expect(companyKeys.length).toBeGreaterThan(2);
    expect(companyKeys).toEqual([...new Set(companyKeys)].sort());
  });

  it("indexes each document's relationships on its Document and gives seen dates per relationship over the batch", () => {
    const statements = batchWriteStatements([doc(1, '2009-01-15'), doc(2, '2007-07-31'), doc(3, '2008-03-01')]);
    const documents = statements.find((s) => s.name === 'write/document-merge')?.params['documents'] as Record<string, ParamValue>[];
    expect(documents[0]?.['factTypes']).toEqual(['DEVELOPS', 'IN_PHASE', 'LICENSES_TO', 'TARGETS']);
    expect(documents[0]?.['factStarts']).toEqual(['company:tfixed-beta', 'drug:tfixed-xb-1', 'company:tfixed-acme', 'drug:tfixed-xb-1']);
    expect(documents[0]?.['factEnds']).toEqual(['drug:tfixed-xb-1', 'PHASE_2', 'company:tfixed-beta', 'target:tfixed-tgt']);
    const rows = rowsOf(statements.find((s) => s.name === 'write/relationship-merge')?.params ?? {});
    const licence = rows.find((r) => r['type'] === 'LICENSES_TO');
    expect(licence).toMatchObject({ type: 'LICENSES_TO', start: 'company:tfixed-acme', end: 'company:tfixed-beta', firstSeen: new CypherDate('2007-07-31'), lastSeen: new CypherDate('2009-01-15') });
    expect(licence?.['key']).toBe('LICENSES_TO|company:tfixed-acme|company:tfixed-beta');
    expect(licence?.['documentCount']).toEqual(new CypherInt(3));
    const evidence = rowsOf(statements.find((s) => s.name === 'write/evidence-create')?.params ?? {}).filter((r) => r['fact'] === licence?.['key']);
    expect(evidence.map((r) => r['docId'])).toEqual(['doc-01', 'doc-02', 'doc-03']);
    expect(rows.filter((r) => r['type'] === 'LICENSES_TO')).toHaveLength(1);
    expect(rows.filter((r) => r['type'] === 'DEVELOPS')).toHaveLength(3);
  });

  it('refuses a document twice in one batch, and is deterministic', () => {
    expect(() => batchWriteStatements([doc(1), doc(1)])).toThrow(/appears twice/);
    expect(JSON.stringify(batchWriteStatements([doc(1), doc(2)]))).toBe(JSON.stringify(batchWriteStatements([doc(1), doc(2)])));
  });

  it('locks and forgets a batch with one sorted list of ids, the same Cypher as for one document', () => {
    expect(lockStatement(['b', 'a', 'b']).params).toEqual({ docIds: ['a', 'b'] });
    const batch = forgetBatchStatements(['doc-b', 'doc-a']);
    const single = forgetStatements('doc-a');
    for (const [i, s] of batch.entries()) {
      expect(s.params).toEqual({ docIds: ['doc-a', 'doc-b'] });
      expect(single[i]?.cypher).toBe(s.cypher.replaceAll('$docIds', '[$docId]'));
    }
  });
});

describe('DocumentBatches', () => {
  const graph = (docId: string, companies: number) => documentGraph(RUN, docId, { companies: Array.from({ length: companies }, (_, i) => `C${i}`) });
  const ids = (batches: ReturnType<typeof graph>[][]) => batches.map((b) => b.map((g) => g.documents[0]?.docId));
  const collect = (budget: number, graphs: ReturnType<typeof graph>[]) => {
    const batches = new DocumentBatches<ReturnType<typeof graph>>(budget, (g) => ({ docId: g.documents[0]?.docId ?? '', rows: documentRows(g) }));
    const out = graphs.flatMap((g) => batches.add(g));
    out.push(batches.close());
    return out.filter((b) => b.length > 0);
  };

  it('starts with one document per transaction and doubles up to the row budget', () => {
    const docs = Array.from({ length: 20 }, (_, i) => graph(`d${i}`, 3)); // 3 rows each
    expect(collect(1000, docs).map((b) => b.length)).toEqual([1, 2, 4, 8, 5]);
    expect(collect(12, docs).map((b) => b.length)).toEqual([1, 2, 4, 4, 4, 4, 1]);
  });

  it('never splits a document, and starts a new batch when a document id comes again', () => {
    expect(documentRows(graph('big', 10))).toBe(10);
    expect(collect(5, [graph('a', 1), graph('big', 10), graph('c', 1)]).map((b) => b.length)).toEqual([1, 1, 1]);
    const again = collect(1000, [graph('a', 1), graph('b', 1), graph('c', 1), graph('b', 2), graph('e', 1)]);
    expect(ids(again)).toEqual([['a'], ['b', 'c'], ['b', 'e']]);
    expect(() => new DocumentBatches(0, () => ({ docId: '', rows: 1 }))).toThrow(/batch size/);
  });
});

describe('splitByDocument', () => {
  it('gives each document its entities and only its own evidence', () => {
    const a = documentGraph(RUN, 'doc-a', { licence: { licensor: 'Acme', licensee: 'Beta' } });
    const b = documentGraph(RUN, 'doc-b', { licence: { licensor: 'Acme', licensee: 'Beta' }, companies: ['Gamma'] });
    const parts = splitByDocument(mergeGraphs([a, b]));
    expect(parts.map((p) => p.documents[0]?.docId)).toEqual(['doc-a', 'doc-b']);
    const [pa, pb] = parts;
    expect(pa?.relationships[0]?.evidence.map((e) => e.docId)).toEqual(['doc-a']);
    expect(pa?.entities.map((e) => e.name)).toEqual(['Acme', 'Beta']);
    expect(pb?.entities.map((e) => e.name).sort()).toEqual(['Acme', 'Beta', 'Gamma']);
    for (const part of parts) expect(() => writeStatements(part)).not.toThrow();
  });
});

describe('cypher-file writer', () => {
  it('writes literals that escape quotes, backslashes and line breaks', () => {
    expect(cypherLiteral('Acme"}) DETACH DELETE n //')).toBe(`'Acme"}) DETACH DELETE n //'`);
    expect(cypherLiteral("O'Brien \\ x\ny")).toBe(`'O\\'Brien \\\\ x\\ny'`);
    expect(cypherLiteral(new CypherInt(3))).toBe('3');
    expect(cypherLiteral(1)).toBe('1.0');
    expect(cypherLiteral(new CypherDate('2007-07-31'))).toBe(`date('2007-07-31')`);
    expect(cypherLiteral({ 'odd key': [true, null], plain: 'v' })).toBe(`{\`odd key\`: [true, null], plain: 'v'}`);
  });

  it('prints the schema, then per document :param lines and the same UNWIND statements', () => {
    const script = toCypherScript(mergeGraphs([full()]));
    expect(script).toContain('CREATE CONSTRAINT entity_key IF NOT EXISTS');
    expect(script).toContain('// ==== document doc-a');
    expect(script).toMatch(/:param rows => \[.*\{key: 'company:tfixed-acme', name: 'Acme'/);
    expect(script).toContain('MERGE (a)-[r:$(row.type)]->(b)');
    expect(script).toMatch(/:param rows => \[.*\{type: 'LICENSES_TO', start: /);
    // Every statement line that is not a :param line is free of document text.
    const cypherLines = script.split('\n').filter((l) => !l.startsWith(':param') && !l.startsWith('//'));
    expect(cypherLines.join('\n')).not.toContain('Acme');
    expect(toCypherScript(mergeGraphs([full()]))).toBe(script);
  });
});

describe('example queries', () => {
  const queries = listQueries();
  it('cover the questions of the issue, each with a description and defaults', () => {
    expect(queries.map((q) => q.name)).toEqual(expect.arrayContaining(['licenses', 'milestones', 'drugs-by-target', 'company-pipeline', 'shortest-path', 'evidence']));
    for (const q of queries) {
      expect(q.description.length, q.name).toBeGreaterThan(20);
      for (const p of q.parameters) expect(q.cypher, `${q.name} uses $${p.name}`).toContain(`$${p.name}`);
      // Every $parameter the query uses is declared with a default, so it runs as it is.
      const used = new Set([...q.cypher.matchAll(/\$([A-Za-z_]\w*)/g)].map((m) => m[1]));
      expect([...used].sort(), q.name).toEqual(q.parameters.map((p) => p.name).sort());
    }
  });

  it('use only relationship types and labels of the vocabulary', () => {
    const known = new Set<string>([...RELATIONSHIP_TYPES, 'MENTIONS', 'FILED', 'CONTAINS']);
    const labels = new Set<string>([...NodeLabel.options, 'Entity', 'Document', 'Filing', 'Evidence']);
    const dir = join(CYPHER_DIR, 'queries');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8').replace(/^\/\/.*$/gm, '');
      for (const m of text.matchAll(/\[\w*:([A-Z_|]+)[\]*]/g)) for (const t of (m[1] ?? '').split('|')) expect(known.has(t), `${file}: ${t}`).toBe(true);
      for (const m of text.matchAll(/\(\w*:([A-Za-z]+)/g)) expect(labels.has(m[1] ?? ''), `${file}: ${m[1]}`).toBe(true);
    }
  });

  it('parse @param defaults and convert given values to the default type', () => {
    const q = parseQuery('x', '// Finds things.\n// @param name ""\n// @param limit 10\nMATCH (n) RETURN n LIMIT $limit');
    expect(q.parameters).toEqual([
      { name: 'name', defaultValue: '' },
      { name: 'limit', defaultValue: 10 },
    ]);
    expect(queryParameters(q)).toEqual({ name: '', limit: new CypherInt(10) });
    expect(queryParameters(q, { limit: '3', name: 'Acme' })).toEqual({ name: 'Acme', limit: new CypherInt(3) });
    expect(() => queryParameters(q, { limit: 'many' })).toThrow(/must be a number/);
    expect(() => queryParameters(q, { nope: '1' })).toThrow(/no parameter "nope"/);
  });
});

describe('browser-style.grass', () => {
  it('gives every node label a colour, a size and a caption', () => {
    const grass = readFileSync(join(CYPHER_DIR, 'browser-style.grass'), 'utf8');
    for (const label of [...NodeLabel.options, 'Document', 'Filing']) {
      const block = new RegExp(`node\\.${label} \\{([\\s\\S]*?)\\n\\}`).exec(grass)?.[1] ?? '';
      expect(block, label).toMatch(/\bcolor: #[0-9A-F]{6};/);
      expect(block, label).toMatch(/diameter: \d+px;/);
      expect(block, label).toMatch(/caption: "\{\w+\}";/);
    }
  });

  it('captions money relationships with the amount as written ("$5 million"), not the raw number', () => {
    const grass = readFileSync(join(CYPHER_DIR, 'browser-style.grass'), 'utf8');
    for (const type of ['EARNED_MILESTONE', 'PAYS', 'ACQUIRES']) {
      const block = new RegExp(`relationship\\.${type} \\{([\\s\\S]*?)\\n\\}`).exec(grass)?.[1] ?? '';
      expect(block, type).toContain('caption: "<type> {amountText}";');
    }
    expect(grass).not.toContain('{amount}');
  });
});

describe('shortest-path query', () => {
  it('walks deal and pipeline relationships only, never diseases, targets, phases, shared components or people', () => {
    const query = loadQuery('shortest-path');
    const types = /\[:([A-Z_|]+)\*\.\.\d+\]/.exec(query.cypher)?.[1]?.split('|') ?? [];
    expect(types.sort()).toEqual(['ACQUIRES', 'BRAND_OF', 'COLLABORATES_WITH', 'DEVELOPS', 'EARNED_MILESTONE', 'HAS_OPTION_ON', 'LICENSES', 'LICENSES_TO', 'OWNS', 'PAYS']);
  });
});
