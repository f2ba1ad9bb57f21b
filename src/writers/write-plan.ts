// The write plan: the graphs of a batch of documents as a list of parameterised Cypher statements,
// shared by the Neo4j writer (runs a batch in one transaction) and the Cypher-file writer (prints one
// document's plan with :param lines). Every statement covers the whole batch (UNWIND over rows that
// carry their docId), so the number of statements per transaction does not grow with the number of
// documents. Statements come from cypher/*.cypher; values only ever travel as parameters, labels and
// relationship types included (Neo4j 5.26 dynamic labels and types, `$(row.labels)`, `$(row.type)`):
// every label and type is validated against the closed vocabulary lists before it goes into a row,
// so one statement covers every label and one every relationship type.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { DocumentInfo, Entity, Evidence, Graph, Properties, PropertyValue, Relationship } from '../model/graph.ts';
import { Graph as GraphSchema, SCHEMA_VERSION, relationshipId } from '../model/graph.ts';
import { NodeLabel, RelationshipType } from '../model/vocabulary.ts';
import { CYPHER_DIR } from '../knowledge/files.ts';
import { KgError, issuesText } from '../errors.ts';
import { claimOf, isClaimed } from './claims.ts';

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
  /** The cypher/ file the text came from, e.g. `write/entity-merge`. */
  name: string;
  cypher: string;
  params: Params;
}

/**
 * Rows per statement and per transaction. Larger batches pay the per-statement and per-transaction
 * costs less often and rewrite a popular relationship's evidence lists fewer times (measured with
 * `npm run bench`: 5000 ingests the 50× scale corpus about twice as fast as 1000).
 */
export const DEFAULT_BATCH_SIZE = 5000;

/** Every `.cypher` file under `root` by name (`write/entity-merge`, `schema`), its text without trailing white space. */
function readStatements(root: string): ReadonlyMap<string, string> {
  const texts = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.cypher')) texts.set(relative(root, path).slice(0, -'.cypher'.length).split(sep).join('/'), readFileSync(path, 'utf8').trimEnd());
    }
  };
  walk(root);
  return texts;
}

/**
 * The statements of cypher/, read once when this module loads: they are part of the program like its
 * source, and a plan is built for every document, so building one reads no file.
 */
const STATEMENTS = readStatements(CYPHER_DIR);

/** The text of `cypher/NAME.cypher`, comments included (Neo4j ignores them). */
export function cypherText(name: string): string {
  const text = STATEMENTS.get(name);
  if (text === undefined) throw new KgError('CONFIG_INVALID', `there is no statement file cypher/${name}.cypher`);
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

/**
 * Labels for a dynamic-label parameter (`SET n:$(row.labels)`): each one checked against the closed
 * NodeLabel list, so no text from a document can become a label; sorted and distinct.
 */
export function checkedLabels(labels: Iterable<string>): NodeLabel[] {
  const out = new Set<NodeLabel>();
  for (const label of labels) {
    const checked = NodeLabel.safeParse(label);
    if (!checked.success) throw new KgError('SCHEMA_INVALID', `"${label}" is not a node label of the graph vocabulary`);
    out.add(checked.data);
  }
  return [...out].sort(byString);
}

/** A relationship type for a dynamic-type parameter (`[r:$(row.type)]`), checked against the closed list. */
export function checkedRelationshipType(type: string): RelationshipType {
  const checked = RelationshipType.safeParse(type);
  if (!checked.success) throw new KgError('SCHEMA_INVALID', `"${type}" is not a relationship type of the graph vocabulary`);
  return checked.data;
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
  // `every` with a type predicate narrows the list to number[].
  if (list.every((v) => typeof v === 'number')) return list.every((n) => Number.isInteger(n)) ? list.map((n) => new CypherInt(n)) : list;
  return [...list] as string[];
}

/** Property names the writer manages itself; an extractor property of the same name is not stored. */
const ENTITY_RESERVED = new Set(['key', 'name', 'aliases', 'nameKeys']);
const RELATIONSHIP_RESERVED = new Set(['key', 'documentCount', 'firstSeen', 'lastSeen']);

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

/**
 * The Document node's properties. `factTypes`, `factStarts` and `factEnds` (parallel lists, element i
 * is one relationship) index the relationships the document supports, so replacing or forgetting it
 * finds them by their end keys instead of walking every relationship of every entity it mentions.
 */
function documentParam(doc: DocumentInfo, relationships: readonly Relationship[]): Params {
  const out: Params = {
    docId: doc.docId,
    sourcePath: doc.sourcePath,
    ...(doc.copies === undefined ? {} : { copies: [...doc.copies] }),
    docType: doc.docType,
    contentHash: doc.contentHash,
    ...(doc.extractionHash === undefined ? {} : { extractionHash: doc.extractionHash }),
    sentenceCount: new CypherInt(doc.sentenceCount),
    factTypes: relationships.map((r) => r.type),
    factStarts: relationships.map((r) => r.start),
    factEnds: relationships.map((r) => r.end),
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
  const edgar = doc.filing?.edgar;
  if (edgar !== undefined) {
    // Fetched from EDGAR (kg fetch): where it came from and what EDGAR lists for it.
    out['url'] = edgar.url;
    out['accessionNumber'] = edgar.accession;
    out['items'] = [...edgar.items];
  }
  // The text that the offsets of its mentions and evidence index (absent when extracted with --no-text),
  // and for a rendered text its map to the raw file, flattened (a property holds no nested lists).
  if (doc.text !== undefined) out['text'] = doc.text;
  if (doc.rawMap !== undefined) out['rawMap'] = doc.rawMap.flat().map((n) => new CypherInt(n));
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
  if (filing.edgar !== undefined) properties['url'] = filing.edgar.url;
  for (const field of ['reportDate', 'filedDate'] as const) {
    const value = filing[field];
    if (value !== undefined) properties[field] = isIsoDate(value) ? new CypherDate(value) : value;
  }
  return [{ key, docId: doc.docId, registrantKeys: [...doc.registrantKeys].sort(), properties }];
}

/**
 * One entity-merge row per key for the whole batch, sorted by key (so concurrent writers lock nodes in
 * the same order). Entities are given in document order and combined as writing them one after the
 * other would: the first one's name (a node that exists keeps its own), every other name and alias as
 * aliases, and properties first-writer-wins.
 */
function mergedEntityRows(entities: readonly Entity[], nameKeys: (e: Entity) => readonly string[]): Params[] {
  const byKey = new Map<string, { name: string; labels: Set<string>; aliases: Set<string>; nameKeys: Set<string>; properties: Properties }>();
  for (const e of entities) {
    const seen = byKey.get(e.key);
    if (!seen) {
      byKey.set(e.key, { name: e.name, labels: new Set(e.labels), aliases: new Set(e.aliases), nameKeys: new Set(nameKeys(e)), properties: { ...e.properties } });
      continue;
    }
    for (const form of nameKeys(e)) seen.nameKeys.add(form);
    for (const label of e.labels) seen.labels.add(label);
    seen.aliases.add(e.name);
    for (const alias of e.aliases) seen.aliases.add(alias);
    for (const [k, v] of Object.entries(e.properties)) if (!(k in seen.properties)) seen.properties[k] = v;
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => byString(a, b))
    .map(([key, e]) => ({
      key,
      name: e.name,
      labels: checkedLabels(e.labels),
      aliases: [...e.aliases].sort(byString),
      nameKeys: [...e.nameKeys].sort(byString),
      properties: propertiesParam(e.properties, ENTITY_RESERVED),
    }));
}

/**
 * One mention-merge row per document: its entity keys and, for entity i, the sorted start and end
 * offsets of its mentions. A row per document rather than per mention keeps the parameters small
 * (mentions are the most numerous rows; the driver's encoding of a map per row costs more than the
 * server's work on it).
 */
function mentionRow(entities: readonly Entity[], docId: string): Params {
  const keys: string[] = [];
  const starts: CypherInt[][] = [];
  const ends: CypherInt[][] = [];
  for (const e of entities) {
    const own = e.mentions.filter((m) => m.docId === docId).sort((a, b) => a.start - b.start || a.end - b.end);
    keys.push(e.key);
    starts.push(own.map((m) => new CypherInt(m.start)));
    ends.push(own.map((m) => new CypherInt(m.end)));
  }
  return { docId, keys, starts, ends };
}

/**
 * One claim-merge row per deal or payment a document names: the properties the document itself
 * states, kept on its MENTIONS so the node can be recomputed from the documents that remain
 * (src/writers/claims.ts).
 */
function claimRows(entities: readonly Entity[], doc: DocumentInfo): Params[] {
  return entities.filter(isClaimed).map((e) => {
    const claim = claimOf(e, doc);
    const claims = propertiesParam(claim.properties, ENTITY_RESERVED);
    return { docId: doc.docId, key: e.key, claims, claimed: Object.keys(claims), statusOrder: claim.statusOrder ?? null };
  });
}

function compareEvidence(a: Evidence, b: Evidence): number {
  return a.start - b.start || a.end - b.end || byString(a.rule, b.rule);
}

/** Canonical relationship order: by type, then start key, then end key. */
function compareRelationships(a: Pick<Relationship, 'type' | 'start' | 'end'>, b: Pick<Relationship, 'type' | 'start' | 'end'>): number {
  return byString(a.type, b.type) || byString(a.start, b.start) || byString(a.end, b.end);
}

/** The document's date for firstSeen/lastSeen (YYYY-MM-DD), undefined when it has no full date. */
function fullDate(doc: DocumentInfo): string | undefined {
  return doc.asOf !== undefined && isIsoDate(doc.asOf) ? doc.asOf : undefined;
}

/** One relationship of a batch: what every document of the batch that states it adds. */
interface RelationshipRow {
  type: RelationshipType;
  start: string;
  end: string;
  properties: Properties;
  /** Per stating document, in document order: its evidence for the relationship, sorted by offset. */
  evidence: Map<string, Evidence[]>;
  firstSeen: string | undefined;
  lastSeen: string | undefined;
}

/**
 * The relationships of a batch, one per identity, sorted by type and ends (so concurrent writers lock
 * in the same order). Documents are given in order and combined as writing them one after the other
 * would: properties first-writer-wins, firstSeen/lastSeen the earliest and latest document date, and
 * the evidence of each document kept apart (it becomes one Evidence node per document).
 */
function mergedRelationships(documents: readonly { doc: DocumentInfo; relationships: readonly Relationship[] }[]): RelationshipRow[] {
  const byIdentity = new Map<string, RelationshipRow>();
  for (const { doc, relationships } of documents) {
    const date = fullDate(doc);
    for (const r of relationships) {
      const identity = relationshipId(r);
      const own = r.evidence.filter((e) => e.docId === doc.docId).sort(compareEvidence);
      const row = byIdentity.get(identity);
      if (!row) {
        byIdentity.set(identity, { type: checkedRelationshipType(r.type), start: r.start, end: r.end, properties: { ...r.properties }, evidence: new Map([[doc.docId, own]]), firstSeen: date, lastSeen: date });
        continue;
      }
      row.evidence.set(doc.docId, [...(row.evidence.get(doc.docId) ?? []), ...own]);
      for (const [k, v] of Object.entries(r.properties)) if (!(k in row.properties)) row.properties[k] = v;
      if (date !== undefined) {
        if (row.firstSeen === undefined || date < row.firstSeen) row.firstSeen = date;
        if (row.lastSeen === undefined || date > row.lastSeen) row.lastSeen = date;
      }
    }
  }
  return [...byIdentity.values()].sort(compareRelationships);
}

/** The relationship-merge row: identity, properties, how many documents of the batch state it, dates. */
function relationshipParam(row: RelationshipRow): Params {
  return {
    type: row.type,
    start: row.start,
    end: row.end,
    key: relationshipId(row),
    properties: propertiesParam(row.properties, RELATIONSHIP_RESERVED),
    documentCount: new CypherInt(row.evidence.size),
    firstSeen: row.firstSeen === undefined ? null : new CypherDate(row.firstSeen),
    lastSeen: row.lastSeen === undefined ? null : new CypherDate(row.lastSeen),
  };
}

/** The evidence-create rows of a relationship: one Evidence node per stating document. */
function evidenceParams(row: RelationshipRow): Params[] {
  const fact = relationshipId(row);
  return [...row.evidence].map(([docId, evidence]) => ({
    key: `${fact}|${docId}`,
    fact,
    docId,
    sentences: evidence.map((e) => e.sentence),
    starts: evidence.map((e) => new CypherInt(e.start)),
    ends: evidence.map((e) => new CypherInt(e.end)),
    rules: evidence.map((e) => e.rule),
    // Always Floats, even 1 or 0: a list must not mix Integers and Floats.
    confidences: evidence.map((e) => e.confidence),
    // A document rendered from a raw file (HTML, a full submission) gives each sentence its raw span.
    ...rawSpans(evidence),
  }));
}

/** `rawStarts` and `rawEnds` when every piece of evidence has a raw span (all of a rendered document's do), else nothing. */
function rawSpans(evidence: readonly Evidence[]): Params {
  const rawStarts: CypherInt[] = [];
  const rawEnds: CypherInt[] = [];
  for (const e of evidence) {
    if (e.rawStart === undefined || e.rawEnd === undefined) return {};
    rawStarts.push(new CypherInt(e.rawStart));
    rawEnds.push(new CypherInt(e.rawEnd));
  }
  return { rawStarts, rawEnds };
}

function checkDocumentGraph(graph: Graph): DocumentInfo {
  const parsed = GraphSchema.safeParse(graph);
  if (!parsed.success) {
    throw new KgError('SCHEMA_INVALID', `graph fails the exchange schema: ${issuesText(parsed.error.issues)}`);
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

/**
 * The statements of cypher/ that work on a batch of documents take the list parameter `$docIds` (or
 * `$documents`); for one document (`kg forget`, the Cypher script) the same text runs with the
 * one-element list `[$docId]` (or `[$document]`), so a single document's statements take a single
 * parameter and the Cypher exists once.
 */
function forOneDocument(cypher: string): string {
  return cypher.replace(/\$docIds\b/g, '[$docId]').replace(/\$documents\b/g, '[$document]');
}

// The claims of the documents on deals and payments are withdrawn and those nodes recomputed from the
// documents left before the mentions go (which deletes what nothing mentions any more).
const FORGET_STATEMENTS = ['write/document-remove-evidence', 'write/document-remove-claims', 'write/claims-resolve', 'write/document-remove-mentions', 'write/document-delete'] as const;

/** Statements that take one document, its evidence, mentions and what only it supported out of the graph. */
export function forgetStatements(docId: string): Statement[] {
  return FORGET_STATEMENTS.map((name) => ({ name, cypher: forOneDocument(cypherText(name)), params: { docId } }));
}

/** The same for several documents at once, as one statement per step (`UNWIND $docIds`). */
export function forgetBatchStatements(docIds: readonly string[]): Statement[] {
  const sorted = [...new Set(docIds)].sort(byString);
  return FORGET_STATEMENTS.map((name) => ({ name, cypher: cypherText(name), params: { docIds: sorted } }));
}

/**
 * The statement that starts a batch write: creates missing Document nodes, takes their write locks
 * and returns the stored content hashes. Ids are sorted so that two writers lock in the same order.
 */
export function lockStatement(docIds: readonly string[]): Statement {
  return { name: 'write/document-lock', cypher: cypherText('write/document-lock'), params: { docIds: [...new Set(docIds)].sort(byString) } };
}

/**
 * Rows a document adds to a batch: the unit of the row budget that decides how many documents share a
 * transaction. Its largest kind of row (entities or relationships) counts, so a batch of up to
 * `batchSize` rows runs each statement of the plan once.
 */
export function documentRows(graph: Graph): number {
  return Math.max(1, graph.entities.length, graph.relationships.length);
}

/**
 * Statements that write the graphs of several documents (one document per graph) in one go, assuming
 * none of them is in the database (the writer runs forgetBatchStatements first for older versions).
 * One statement per kind of row (labels and relationship types travel in the rows), split in chunks of
 * `batchSize` rows; rows keep the order of the documents, so the graph is the one writing them one after the
 * other would give (first writer sets names and properties, evidence lists in document order).
 * Order is canonical, so the same graphs always give the same statements.
 */
/** What cross-document resolution adds to a write plan (src/graph/identity.ts). */
export interface ResolutionRows {
  /** The forms an entity is found by, stored as its `nameKeys`. */
  nameKeys: (e: Entity) => readonly string[];
  /** Doubtful pairs, written as POSSIBLY_SAME_AS. */
  possiblySame: readonly { a: string; b: string; score: number; reason: string }[];
}

export function batchWriteStatements(graphs: readonly Graph[], options: { batchSize?: number; resolution?: ResolutionRows } = {}): Statement[] {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new KgError('USAGE', `batch size must be a positive integer, got ${batchSize}`);
  const documents = graphs.map((graph) => ({
    doc: checkDocumentGraph(graph),
    // One row per entity and document (mentions are CREATEd): a repeated key keeps its first entity.
    entities: [...new Map([...graph.entities].reverse().map((e) => [e.key, e])).values()].sort((a, b) => byString(a.key, b.key)),
    relationships: [...graph.relationships].sort(compareRelationships),
  }));
  const seen = new Set<string>();
  for (const { doc } of documents) {
    if (seen.has(doc.docId)) throw new KgError('SCHEMA_INVALID', `document "${doc.docId}" appears twice in one batch`, { subject: doc.docId });
    seen.add(doc.docId);
  }
  const statements: Statement[] = [];
  const add = (name: string, cypher: string, rows: Params[], param = 'rows'): void => {
    for (const chunk of chunks(rows, batchSize)) statements.push({ name, cypher, params: { [param]: chunk } });
  };
  add(
    'write/document-merge',
    cypherText('write/document-merge'),
    documents.map(({ doc, relationships }) => documentParam(doc, relationships)),
    'documents',
  );
  add(
    'write/entity-merge',
    cypherText('write/entity-merge'),
    mergedEntityRows(
      documents.flatMap(({ entities }) => entities),
      options.resolution?.nameKeys ?? (() => []),
    ),
  );
  add(
    'write/mention-merge',
    cypherText('write/mention-merge'),
    documents.filter(({ entities }) => entities.length > 0).map(({ doc, entities }) => mentionRow(entities, doc.docId)),
  );
  // Deals and payments: each document's own properties on its MENTIONS, then the nodes recomputed from
  // every document's claims (only when the batch names any, so other batches run the same plan as before).
  const claiming = documents.filter(({ entities }) => entities.some(isClaimed));
  if (claiming.length > 0) {
    add(
      'write/claim-merge',
      cypherText('write/claim-merge'),
      claiming.flatMap(({ doc, entities }) => claimRows(entities, doc)),
    );
    const docIds = claiming.map(({ doc }) => doc.docId).sort(byString);
    statements.push({ name: 'write/claims-resolve', cypher: cypherText('write/claims-resolve'), params: { docIds } });
  }
  add(
    'write/filing-merge',
    cypherText('write/filing-merge'),
    documents.flatMap(({ doc }) => filingRows(doc)),
  );

  const relationships = mergedRelationships(documents);
  add('write/relationship-merge', cypherText('write/relationship-merge'), relationships.map(relationshipParam));
  add('write/evidence-create', cypherText('write/evidence-create'), relationships.flatMap(evidenceParams));
  const pairs = options.resolution?.possiblySame ?? [];
  if (pairs.length > 0)
    add(
      'write/possibly-same-as',
      cypherText('write/possibly-same-as'),
      pairs.map((p) => ({ a: p.a, b: p.b, score: p.score, reason: p.reason })),
    );
  return statements;
}

/**
 * Statements that write one document's graph (the batch plan of one document, with the Document as
 * the single parameter `$document`); the Cypher script prints these per document.
 */
export function writeStatements(graph: Graph, options: { batchSize?: number } = {}): Statement[] {
  return batchWriteStatements([graph], options).map((s) => {
    if (s.name !== 'write/document-merge') return s;
    const [document] = s.params['documents'] as Params[];
    return { ...s, cypher: forOneDocument(s.cypher), params: { document: document ?? null } };
  });
}

/**
 * The row-at-a-time baseline of the benchmark: per relationship, the statements the batch plan uses
 * for it (relationship-merge and evidence-create, one row each), to run in a transaction of their own.
 * Endpoints must already be in the database.
 */
export function relationshipRowStatements(graph: Graph): Statement[][] {
  const doc = checkDocumentGraph(graph);
  return mergedRelationships([{ doc, relationships: graph.relationships }]).map((row) => [
    { name: 'write/relationship-merge', cypher: cypherText('write/relationship-merge'), params: { rows: [relationshipParam(row)] } },
    { name: 'write/evidence-create', cypher: cypherText('write/evidence-create'), params: { rows: evidenceParams(row) } },
  ]);
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

/**
 * Groups documents into write batches (one transaction each) up to a row budget (documentRows).
 * The first batches are small and grow, doubling, up to the budget: the first documents are stored
 * (and reported) as soon as they are extracted, and a run that stops early has little unwritten. A
 * document whose id is already in the open batch starts a new one (it replaces the earlier version).
 */
export class DocumentBatches<T> {
  private open: T[] = [];
  private openIds = new Set<string>();
  private openRows = 0;
  private maxDocuments = 1;

  constructor(
    private readonly rowBudget: number,
    private readonly idOf: (item: T) => { docId: string; rows: number },
  ) {
    if (!Number.isInteger(rowBudget) || rowBudget < 1) throw new KgError('USAGE', `batch size must be a positive integer, got ${rowBudget}`);
  }

  /** Adds a document; returns the batches that are ready to write, in order (none, one or two). */
  add(item: T): T[][] {
    const { docId, rows } = this.idOf(item);
    const ready: T[][] = [];
    const overflows = this.openRows + rows > this.rowBudget;
    if (this.open.length > 0 && (overflows || this.openIds.has(docId))) ready.push(this.close());
    this.open.push(item);
    this.openIds.add(docId);
    this.openRows += rows;
    if (this.openRows >= this.rowBudget || this.open.length >= this.maxDocuments) ready.push(this.close());
    return ready;
  }

  /** The open batch (possibly empty), closed. */
  close(): T[] {
    const batch = this.open;
    if (batch.length > 0) this.maxDocuments *= 2;
    this.open = [];
    this.openIds = new Set();
    this.openRows = 0;
    return batch;
  }
}
