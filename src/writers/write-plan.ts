// The write plan: one document's graph as a list of parameterised Cypher statements, shared by the
// Neo4j writer (runs them in one transaction) and the Cypher-file writer (prints them with :param
// lines). Statements come from cypher/*.cypher; values only ever travel as parameters. Labels and
// relationship types cannot be parameters, so the two templates (entity-label, relationship-merge)
// are filled with a member of the closed vocabulary lists after validation, never with text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentInfo, Entity, Evidence, Graph, Properties, PropertyValue, Relationship } from '../model/graph.ts';
import { Graph as GraphSchema, SCHEMA_VERSION } from '../model/graph.ts';
import { NodeLabel, RelationshipType } from '../model/vocabulary.ts';
import { CYPHER_DIR } from '../data-files.ts';
import { KgError } from '../errors.ts';

/** An integer that must reach Neo4j as an Integer (a plain JS number would arrive as a Float). */
export class CypherInt {
  constructor(readonly value: number) {}
}

/** A calendar date (YYYY-MM-DD) that must reach Neo4j as a Date. */
export class CypherDate {
  constructor(readonly iso: string) {}
}

export type ParamValue = string | number | boolean | null | CypherInt | CypherDate | ParamValue[] | { [key: string]: ParamValue };
export type Params = Record<string, ParamValue>;

export interface Statement {
  /** The cypher/ file the text came from, e.g. `write/entity-merge` or `write/entity-label:Company`. */
  name: string;
  cypher: string;
  params: Params;
}

export const DEFAULT_BATCH_SIZE = 1000;

const statementCache = new Map<string, string>();

/** The text of `cypher/NAME.cypher`, comments included (Neo4j ignores them). */
export function cypherText(name: string): string {
  let text = statementCache.get(name);
  if (text === undefined) {
    text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8').trimEnd();
    statementCache.set(name, text);
  }
  return text;
}

/** The schema statements of cypher/schema.cypher, one per entry, comment lines dropped. */
export function schemaStatements(): string[] {
  return cypherText('schema')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Puts a validated vocabulary member in place of a template's one placeholder. */
function fillTemplate(name: string, placeholder: string, value: string): string {
  const parts = cypherText(name).split(placeholder);
  if (parts.length !== 2) throw new KgError('SCHEMA_INVALID', `cypher/${name}.cypher must contain ${placeholder} exactly once`);
  return parts.join(value);
}

/** Fills a label template; the label is checked against the closed list first. */
export function labelStatement(label: string): string {
  const checked = NodeLabel.safeParse(label);
  if (!checked.success) throw new KgError('SCHEMA_INVALID', `"${label}" is not a node label of the graph vocabulary`);
  return fillTemplate('write/entity-label', '__LABEL__', checked.data);
}

/** Fills the relationship template; the type is checked against the closed list first. */
export function relationshipStatement(type: string): string {
  const checked = RelationshipType.safeParse(type);
  if (!checked.success) throw new KgError('SCHEMA_INVALID', `"${type}" is not a relationship type of the graph vocabulary`);
  return fillTemplate('write/relationship-merge', '__TYPE__', checked.data);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Integral numbers become Integers (whole lists only when every member is integral), full ISO dates Dates. */
function propertyParam(value: PropertyValue): ParamValue {
  if (typeof value === 'number') return Number.isInteger(value) ? new CypherInt(value) : value;
  if (typeof value === 'string') return isIsoDate(value) ? new CypherDate(value) : value;
  if (typeof value === 'boolean') return value;
  const list: (string | number)[] = value;
  if (list.every((v) => typeof v === 'number')) {
    const numbers = list as number[];
    return numbers.every((n) => Number.isInteger(n)) ? numbers.map((n) => new CypherInt(n)) : numbers;
  }
  return [...list] as string[];
}

/** Property names the writer manages itself; an extractor property of the same name is not stored. */
const ENTITY_RESERVED = new Set(['key', 'name', 'aliases']);
const RELATIONSHIP_RESERVED = new Set(['docIds', 'sentences', 'starts', 'ends', 'rules', 'confidences', 'firstSeen', 'lastSeen']);

function propertiesParam(properties: Properties, reserved: ReadonlySet<string>): Params {
  const out: Params = {};
  for (const key of Object.keys(properties).sort()) {
    const value = properties[key];
    if (value !== undefined && !reserved.has(key)) out[key] = propertyParam(value);
  }
  return out;
}

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function documentParam(doc: DocumentInfo): Params {
  const out: Params = {
    docId: doc.docId,
    sourcePath: doc.sourcePath,
    docType: doc.docType,
    contentHash: doc.contentHash,
    sentenceCount: new CypherInt(doc.sentenceCount),
  };
  if (doc.title !== undefined) out['title'] = doc.title;
  if (doc.asOf !== undefined) {
    // A partial date ("2007-07") stays text under its own name so asOf is always a Date.
    if (isIsoDate(doc.asOf)) out['asOf'] = new CypherDate(doc.asOf);
    else out['asOfText'] = doc.asOf;
  }
  if (doc.dateline?.city !== undefined) out['datelineCity'] = doc.dateline.city;
  if (doc.dateline?.wire !== undefined) out['datelineWire'] = doc.dateline.wire;
  if (doc.filing !== undefined) out['form'] = doc.filing.form;
  return out;
}

/** A filing's identity: its accession number, else form, registrants and date. */
export function filingKey(doc: DocumentInfo): string | undefined {
  const filing = doc.filing;
  if (!filing) return undefined;
  if (filing.accessionNumber) return filing.accessionNumber;
  const date = filing.reportDate ?? filing.filedDate ?? doc.docId;
  return `${filing.form}|${[...doc.registrantKeys].sort().join('+')}|${date}`;
}

function filingRows(doc: DocumentInfo): Params[] {
  const filing = doc.filing;
  const key = filingKey(doc);
  if (!filing || key === undefined) return [];
  const properties: Params = {
    form: filing.form,
    items: filing.items.map((i) => i.code),
    exhibits: filing.exhibits.map((e) => e.number),
  };
  if (filing.accessionNumber) properties['accessionNumber'] = filing.accessionNumber;
  for (const field of ['reportDate', 'filedDate'] as const) {
    const value = filing[field];
    if (value !== undefined) properties[field] = isIsoDate(value) ? new CypherDate(value) : value;
  }
  return [{ key, docId: doc.docId, registrantKeys: [...doc.registrantKeys].sort(), properties }];
}

function entityRow(e: Entity): Params {
  return { key: e.key, name: e.name, aliases: [...e.aliases].sort(byString), properties: propertiesParam(e.properties, ENTITY_RESERVED) };
}

function mentionRow(e: Entity, docId: string): Params {
  const own = e.mentions.filter((m) => m.docId === docId).sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    key: e.key,
    starts: own.map((m) => new CypherInt(m.start)),
    ends: own.map((m) => new CypherInt(m.end)),
    count: new CypherInt(own.length),
  };
}

function compareEvidence(a: Evidence, b: Evidence): number {
  return a.start - b.start || a.end - b.end || byString(a.rule, b.rule);
}

function relationshipRow(r: Relationship, docId: string): Params {
  const own = r.evidence.filter((e) => e.docId === docId).sort(compareEvidence);
  return {
    start: r.start,
    end: r.end,
    properties: propertiesParam(r.properties, RELATIONSHIP_RESERVED),
    docIds: own.map((e) => e.docId),
    sentences: own.map((e) => e.sentence),
    starts: own.map((e) => new CypherInt(e.start)),
    ends: own.map((e) => new CypherInt(e.end)),
    rules: own.map((e) => e.rule),
    // Always Floats, even 1 or 0: a list must not mix Integers and Floats.
    confidences: own.map((e) => e.confidence),
  };
}

function checkDocumentGraph(graph: Graph): DocumentInfo {
  const parsed = GraphSchema.safeParse(graph);
  if (!parsed.success) {
    throw new KgError('SCHEMA_INVALID', `graph fails the exchange schema: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const [doc, ...more] = graph.documents;
  if (!doc || more.length > 0) {
    throw new KgError('SCHEMA_INVALID', `a write plan covers exactly one document, this graph has ${graph.documents.length} (split it with splitByDocument)`);
  }
  const keys = new Set(graph.entities.map((e) => e.key));
  for (const r of graph.relationships) {
    for (const end of [r.start, r.end]) {
      if (!keys.has(end)) throw new KgError('SCHEMA_INVALID', `relationship ${r.type} refers to entity "${end}", which the graph does not contain`, { subject: doc.docId });
    }
    if (!r.evidence.some((e) => e.docId === doc.docId)) {
      throw new KgError('SCHEMA_INVALID', `relationship ${r.type} ${r.start} → ${r.end} has no evidence from the document`, { subject: doc.docId });
    }
  }
  for (const key of doc.registrantKeys) {
    if (!keys.has(key)) throw new KgError('SCHEMA_INVALID', `registrant "${key}" is not an entity of the graph`, { subject: doc.docId });
  }
  return doc;
}

/** Statements that take one document, its evidence, mentions and what only it supported out of the graph. */
export function forgetStatements(docId: string): Statement[] {
  return ['write/document-remove-evidence', 'write/document-remove-mentions', 'write/document-delete'].map((name) => ({
    name,
    cypher: cypherText(name),
    params: { docId },
  }));
}

/**
 * Statements that write one document's graph, assuming it is not in the database (the writer runs
 * forgetStatements first when an older version is). Rows go in batches of `batchSize`; order is
 * canonical so the same graph always gives the same statements.
 */
export function writeStatements(graph: Graph, options: { batchSize?: number } = {}): Statement[] {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new KgError('USAGE', `batch size must be a positive integer, got ${batchSize}`);
  const doc = checkDocumentGraph(graph);
  const docId = doc.docId;
  const entities = [...graph.entities].sort((a, b) => byString(a.key, b.key));
  const statements: Statement[] = [{ name: 'write/document-merge', cypher: cypherText('write/document-merge'), params: { document: documentParam(doc) } }];

  for (const rows of chunks(entities.map(entityRow), batchSize)) {
    statements.push({ name: 'write/entity-merge', cypher: cypherText('write/entity-merge'), params: { rows } });
  }
  const keysByLabel = new Map<NodeLabel, string[]>();
  for (const e of entities) {
    for (const label of e.labels) {
      const list = keysByLabel.get(label);
      if (list) list.push(e.key);
      else keysByLabel.set(label, [e.key]);
    }
  }
  for (const label of NodeLabel.options) {
    for (const keys of chunks(keysByLabel.get(label) ?? [], batchSize)) {
      statements.push({ name: `write/entity-label:${label}`, cypher: labelStatement(label), params: { keys } });
    }
  }
  for (const rows of chunks(entities.map((e) => mentionRow(e, docId)), batchSize)) {
    statements.push({ name: 'write/mention-merge', cypher: cypherText('write/mention-merge'), params: { docId, rows } });
  }
  const filings = filingRows(doc);
  if (filings.length > 0) statements.push({ name: 'write/filing-merge', cypher: cypherText('write/filing-merge'), params: { rows: filings } });

  const relationships = [...graph.relationships].sort(
    (a, b) => byString(a.type, b.type) || byString(a.start, b.start) || byString(a.end, b.end),
  );
  for (const type of RelationshipType.options) {
    const ofType = relationships.filter((r) => r.type === type).map((r) => relationshipRow(r, docId));
    for (const rows of chunks(ofType, batchSize)) {
      statements.push({ name: `write/relationship-merge:${type}`, cypher: relationshipStatement(type), params: { rows } });
    }
  }
  if (relationships.length > 0) {
    statements.push({ name: 'write/relationship-seen-dates', cypher: cypherText('write/relationship-seen-dates'), params: { docId } });
  }
  return statements;
}

/**
 * Splits a merged graph back into one graph per document: the entities the document mentions, names
 * as a registrant or uses as a relationship endpoint, and the relationships it has evidence for
 * (with that evidence only). Writes are per document, so each document commits atomically.
 */
export function splitByDocument(graph: Graph): Graph[] {
  const entityByKey = new Map(graph.entities.map((e) => [e.key, e]));
  return graph.documents.map((doc) => {
    const keys = new Set<string>(doc.registrantKeys);
    for (const e of graph.entities) if (e.mentions.some((m) => m.docId === doc.docId)) keys.add(e.key);
    const relationships: Relationship[] = [];
    for (const r of graph.relationships) {
      const evidence = r.evidence.filter((e) => e.docId === doc.docId);
      if (evidence.length === 0) continue;
      relationships.push({ ...r, evidence });
      keys.add(r.start);
      keys.add(r.end);
    }
    const entities = [...keys]
      .sort(byString)
      .map((key) => entityByKey.get(key))
      .filter((e): e is Entity => e !== undefined)
      .map((e) => ({ ...e, mentions: e.mentions.filter((m) => m.docId === doc.docId) }));
    return { schemaVersion: SCHEMA_VERSION, documents: [doc], entities, relationships };
  });
}
