// Bulk export (`kg export --format neo4j-admin`): document graphs → CSV files for
// `neo4j-admin database import full`, giving the graph that `kg ingest` of the same documents into an
// empty database gives. It does not re-implement the writer's choices: each document goes through the
// transactional writer's own write plan (batchWriteStatements of src/writers/write-plan.ts), and the
// rows of each statement are combined across documents as its Cypher (cypher/write/*.cypher) combines
// them in the database:
//   document-merge     one Document node per document, its row as properties (SET d = document)
//   entity-merge       one node per key: labels Entity + every label given; name and properties from
//                      the first document (in the order a single run writes them) that gives them;
//                      aliases every other name and alias, sorted
//   mention-merge      one MENTIONS per document and entity, with the mention offsets and their count
//   filing-merge       one Filing per key, properties last-writer-wins (SET f += …); CONTAINS per
//                      document, FILED per registrant and filing
//   relationship-merge one relationship per type and ends: key, properties first-writer-wins,
//                      documentCount the number of stating documents, firstSeen/lastSeen their earliest
//                      and latest full date
//   evidence-create    one Evidence node per relationship and stating document
//   claim-merge        a deal's or payment's own properties per document, on that document's MENTIONS
//   claims-resolve     the Deal and Payment nodes' properties are resolveClaims (src/writers/claims.ts)
//                      of every document's claims, computed at the end instead of first-writer-wins
// "First" and "last" follow each document's place in a single run over the inputs (fileIndex,
// docIndex), kept per value, so without resolution documents may arrive in any order and give the
// same files.
// Resolution across documents (with a CorpusResolver, as kg export gives it; src/graph/identity.ts):
// documents must then arrive in the order of a single run (sources.ts merges shards into it), and
// each is resolved against the documents before it, exactly as kg ingest resolves it against the
// stored entities, before any of its rows is written: certain merges remap its keys, entities carry
// the name forms as `nameKeys` (the union over their documents, as entity-merge stores it), doubtful
// pairs become POSSIBLY_SAME_AS {score, reason} from the smaller key to the larger, and a document
// whose content hash came already under another id is a copy: its path goes to the first document's
// `copies` (set after the import from empty-lists.jsonl, the Document row being written already),
// nothing else of it is written. Any other statement in the plan stops the export: a writer change must come
// with its bulk counterpart.
// Streaming: documents, their evidence and mentions are written as they arrive; only entities (with
// the resolver's index of their name forms), relationships, filings, FILED pairs and doubtful pairs
// (one entry per distinct one), the document ids and content hashes, and copies' paths stay in
// memory until the end.
// Lists that are empty cannot be expressed in the import files (an empty field is no property), so
// they are listed in empty-lists.jsonl and set after the import (load.ts); the manifest names the
// properties that every row of a kind has (Entity.aliases, Document.factTypes …), which one scan per
// kind sets.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { KgError, issuesText } from '../errors.ts';
import type { Graph } from '../model/graph.ts';
import { CypherDate, CypherInt, batchWriteStatements, type ParamValue, type Params } from '../writers/write-plan.ts';
import { ARRAY_DELIMITER, ARRAY_DELIMITER_OPTION, CsvGroup, quoted, typedProperties, type CsvFileInfo, type TypedValue } from './csv.ts';
import { compareOrder, type Order } from './jsonl.ts';
import { resolveClaims, type DatedClaim } from '../writers/claims.ts';
import { Graph as GraphSchema } from '../model/graph.ts';
import { lookupForms, type CorpusResolver } from '../graph/identity.ts';
import { withExtractionHash } from '../graph/extraction-hash.ts';

export const MANIFEST_FILE = 'manifest.json';
export const EMPTY_LISTS_FILE = 'empty-lists.jsonl';
export const IMPORT_SCRIPT = 'import.sh';
export const MANIFEST_VERSION = 1 as const;

/** The statements of the write plan this export knows how to combine. */
const KNOWN_STATEMENTS: ReadonlySet<string> = new Set([
  'write/document-merge',
  'write/entity-merge',
  'write/mention-merge',
  'write/claim-merge',
  'write/claims-resolve',
  'write/filing-merge',
  'write/relationship-merge',
  'write/evidence-create',
]);

/** One line of empty-lists.jsonl: a node or relationship and its properties that are empty lists. */
export const EmptyListTarget = z.discriminatedUnion('target', [
  z.object({ target: z.literal('entity'), key: z.string(), properties: z.array(z.string()) }),
  z.object({ target: z.literal('document'), docId: z.string(), properties: z.array(z.string()) }),
  z.object({ target: z.literal('filing'), key: z.string(), properties: z.array(z.string()) }),
  z.object({ target: z.literal('evidence'), key: z.string(), properties: z.array(z.string()) }),
  z.object({ target: z.literal('mentions'), docId: z.string(), key: z.string(), properties: z.array(z.string()) }),
  z.object({ target: z.literal('relationship'), type: z.string(), start: z.string(), end: z.string(), properties: z.array(z.string()) }),
  /** Not an empty list: the paths of later files with a document's content, known only after its row was written. */
  z.object({ target: z.literal('copies'), docId: z.string(), paths: z.array(z.string()), properties: z.array(z.string()) }),
]);
export type EmptyListTarget = z.infer<typeof EmptyListTarget>;

/** The kinds whose empty lists can be set by a scan of a label or relationship type. */
export const ScanTarget = z.enum(['entity', 'document', 'evidence', 'mentions']);
export type ScanTarget = z.infer<typeof ScanTarget>;

function isScannable(target: EmptyListTarget['target']): target is ScanTarget {
  return ScanTarget.safeParse(target).success;
}

const FileInfo = z.object({ file: z.string(), rows: z.number().int().nonnegative(), multiline: z.boolean() });

export const Manifest = z.object({
  manifestVersion: z.literal(MANIFEST_VERSION),
  arrayDelimiter: z.literal(ARRAY_DELIMITER_OPTION),
  nodes: z.array(FileInfo),
  relationships: z.array(FileInfo),
  emptyLists: z.object({
    file: z.string(),
    rows: z.number().int().nonnegative(),
    /** Properties every row of a kind has: the rows of the file that lack them are set by one scan. */
    everywhere: z.array(z.object({ target: ScanTarget, property: z.string() })),
  }),
  counts: z.object({
    documents: z.number().int(),
    entities: z.number().int(),
    evidence: z.number().int(),
    filings: z.number().int(),
    nodes: z.number().int(),
    relationships: z.number().int(),
  }),
});
export type Manifest = z.infer<typeof Manifest>;

/** A value with the place of the document that gave it. */
interface Placed {
  order: Order;
  value: ParamValue;
}

interface EntityState {
  name: Placed;
  labels: Set<string>;
  /** Every name and alias any document gave; the node's aliases are these minus its name. */
  names: Set<string>;
  /** The name forms resolution finds it by (with resolution only). */
  nameKeys: Set<string>;
  properties: Map<string, Placed>;
}

interface FactState {
  type: string;
  start: string;
  end: string;
  key: string;
  properties: Map<string, Placed>;
  documentCount: number;
  firstSeen: string | undefined;
  lastSeen: string | undefined;
}

interface FilingState {
  properties: Map<string, Placed>;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Keeps the value of the earliest document (`first`) or the latest (`last`). */
function place(into: Map<string, Placed>, name: string, value: ParamValue, order: Order, keep: 'first' | 'last'): void {
  const held = into.get(name);
  const replaces = held === undefined || (keep === 'first' ? compareOrder(order, held.order) < 0 : compareOrder(order, held.order) > 0);
  if (replaces) into.set(name, { order, value });
}

function paramMap(value: ParamValue | undefined, what: string): Params {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value) || value instanceof CypherInt || value instanceof CypherDate) {
    throw new KgError('SCHEMA_INVALID', `the write plan's ${what} is not a map`);
  }
  return value;
}

function stringOf(value: ParamValue | undefined, what: string): string {
  if (typeof value !== 'string') throw new KgError('SCHEMA_INVALID', `the write plan's ${what} is not a string`);
  return value;
}

function stringsOf(value: ParamValue | undefined, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) throw new KgError('SCHEMA_INVALID', `the write plan's ${what} is not a list of strings`);
  return value;
}

function dateOf(value: ParamValue | undefined): string | undefined {
  return value instanceof CypherDate ? value.iso : undefined;
}

function countOf(value: ParamValue | undefined, what: string): number {
  if (!(value instanceof CypherInt)) throw new KgError('SCHEMA_INVALID', `the write plan's ${what} is not an integer`);
  return value.value;
}

function labelsField(labels: Iterable<string>): string {
  return [...labels].sort(byString).join(ARRAY_DELIMITER);
}

/** A document's rows, prepared (and checked) before any of them is written or merged. */
interface PreparedDocument {
  docId: string;
  document: { fixed: string[]; properties: Map<string, TypedValue>; emptyLists: string[] };
  entities: { key: string; name: string; labels: string[]; aliases: string[]; nameKeys: string[]; properties: Params }[];
  mentions: { key: string; properties: Map<string, TypedValue>; emptyLists: string[] }[];
  filings: { key: string; registrantKeys: string[]; properties: Params }[];
  facts: { type: string; start: string; end: string; key: string; properties: Params; documentCount: number; firstSeen: string | undefined; lastSeen: string | undefined }[];
  evidence: { key: string; properties: Map<string, TypedValue>; emptyLists: string[] }[];
  /** Per deal or payment key, this document's claim (claim-merge), to resolve at the end. */
  claims: Map<string, DatedClaim>;
}

export interface ExportSummary {
  manifest: Manifest;
  /** The neo4j-admin command line (also in import.sh), for a database named `neo4j`. */
  command: string[];
}

/** Combines document graphs into the import files of `dir` (see the header comment). */
export class BulkExporter {
  private readonly documentIds = new Map<string, string>();
  private readonly entities = new Map<string, EntityState>();
  private readonly facts = new Map<string, FactState>();
  /** Per deal or payment key, the claims of every document that names it (claim-merge rows), resolved in finish(). */
  private readonly claims = new Map<string, DatedClaim[]>();
  private readonly filings = new Map<string, FilingState>();
  private readonly filed = new Set<string>();
  private readonly documentNodes: CsvGroup;
  private readonly evidenceNodes: CsvGroup;
  private readonly mentions: CsvGroup;
  private readonly contains: CsvGroup;
  private readonly emptyLists: number;
  private emptyListRows = 0;
  private readonly presence = new Map<ScanTarget, { rows: number; present: Map<string, number>; empty: Set<string> }>();
  private evidenceCount = 0;
  private finished = false;
  /** With resolution: docId of the first document of each content hash, the paths of its copies, the place of the last document. */
  private readonly byHash = new Map<string, string>();
  private readonly copies = new Map<string, Set<string>>();
  private lastOrder: Order | undefined;

  /** With `resolver`, documents are resolved across documents as kg ingest resolves them, and must come in run order. */
  constructor(
    private readonly dir: string,
    private readonly resolver?: CorpusResolver,
  ) {
    prepareOutputDir(dir);
    this.documentNodes = new CsvGroup(dir, 'nodes-document', ['docId:ID(Document)', ':LABEL']);
    this.evidenceNodes = new CsvGroup(dir, 'nodes-evidence', [':LABEL']);
    this.mentions = new CsvGroup(dir, 'relationships-mentions', [':START_ID(Document)', ':END_ID(Entity)', ':TYPE']);
    this.contains = new CsvGroup(dir, 'relationships-contains', [':START_ID(Filing)', ':END_ID(Document)', ':TYPE']);
    this.emptyLists = openSync(join(dir, EMPTY_LISTS_FILE), 'w');
  }

  /**
   * Adds one document's graph, `order` its place in a single run over the inputs. A document the
   * export cannot take (it fails the exchange schema, its id came already, a list value holds the
   * list separator) throws a KgError and leaves nothing of it behind.
   */
  add(graph: Graph, order: Order, source: string): void {
    if (this.finished) throw new Error('BulkExporter.add after finish');
    if (this.resolver !== undefined) {
      this.addResolved(graph, order, source, this.resolver);
      return;
    }
    const prepared = this.prepare(withExtractionHash(graph));
    this.takeDocumentId(prepared.docId, source);
    this.commit(prepared, order);
  }

  /** Refuses a document id that came already: a bulk load takes each document once. */
  private checkDocumentId(docId: string, source: string): void {
    const earlier = this.documentIds.get(docId);
    if (earlier !== undefined) {
      throw new KgError('SCHEMA_INVALID', `document id "${docId}" came already from ${earlier}; a bulk load takes each document once (kg ingest would keep the last version): leave one of them out, or ingest it afterwards with kg ingest`, {
        subject: source,
      });
    }
  }

  /** Checks a document id and records where it came from. */
  private takeDocumentId(docId: string, source: string): void {
    this.checkDocumentId(docId, source);
    this.documentIds.set(docId, source);
  }

  /**
   * The document resolved against the documents before it (as kg ingest resolves it), or recorded as
   * a copy of an earlier one with the same content. Checked against the exchange schema first, so a
   * malformed graph does not reach the resolver.
   */
  private addResolved(given: Graph, order: Order, source: string, resolver: CorpusResolver): void {
    if (this.lastOrder !== undefined && compareOrder(order, this.lastOrder) < 0) {
      throw new KgError('USAGE', `documents reached the bulk export out of run order ([${order.join(', ')}] after [${this.lastOrder.join(', ')}]); resolution across documents needs the order of a single run`, { subject: source });
    }
    const checked = GraphSchema.safeParse(given);
    if (!checked.success) {
      const problems = issuesText(checked.error.issues, { limit: 3 });
      throw new KgError('SCHEMA_INVALID', `the graph fails the exchange schema: ${problems}`, { subject: source });
    }
    // Hashed as extracted, before resolution, as the transactional writer hashes it (src/graph/extraction-hash.ts).
    const graph = withExtractionHash(checked.data);
    const doc = graph.documents[0];
    if (doc === undefined || graph.documents.length !== 1) throw new KgError('SCHEMA_INVALID', `a document graph gave ${graph.documents.length} Document rows`, { subject: source });
    this.checkDocumentId(doc.docId, source);
    this.lastOrder = order;
    const first = this.byHash.get(doc.contentHash);
    if (first !== undefined) {
      // Identical content is one document: kg ingest records the path on the first one and writes nothing else.
      if (doc.sourcePath !== this.documentIds.get(first)) this.copies.set(first, (this.copies.get(first) ?? new Set()).add(doc.sourcePath));
      return;
    }
    const names = resolver.names;
    const prepared = this.prepare(resolver.resolve(graph), (e) => lookupForms(names, e));
    this.byHash.set(doc.contentHash, prepared.docId);
    this.documentIds.set(prepared.docId, source);
    this.commit(prepared, order);
  }

  /** Runs the write plan of the document and checks every row it gives; nothing is kept yet. */
  private prepare(graph: Graph, nameKeys?: (e: Graph['entities'][number]) => readonly string[]): PreparedDocument {
    const statements = batchWriteStatements([graph], { batchSize: Number.MAX_SAFE_INTEGER, ...(nameKeys === undefined ? {} : { resolution: { nameKeys, possiblySame: [] } }) });
    const out: PreparedDocument = { docId: '', document: { fixed: [], properties: new Map(), emptyLists: [] }, entities: [], mentions: [], filings: [], facts: [], evidence: [], claims: new Map() };
    let documents = 0;
    let asOf: string | undefined;
    // MENTIONS properties by entity key: typed once the document's claims are on them.
    const mentionProperties = new Map<string, Params>();
    for (const statement of statements) {
      if (!KNOWN_STATEMENTS.has(statement.name)) {
        throw new KgError('SCHEMA_INVALID', `the write plan has a statement the bulk export does not know (${statement.name}); add its counterpart to src/bulk/export.ts`);
      }
      // Its work (the nodes' properties from every document's claims) is done once, in finish().
      if (statement.name === 'write/claims-resolve') continue;
      const rows = statement.params[statement.name === 'write/document-merge' ? 'documents' : 'rows'];
      if (!Array.isArray(rows)) throw new KgError('SCHEMA_INVALID', `the write plan's ${statement.name} has no rows`);
      for (const value of rows) {
        const row = paramMap(value, `${statement.name} row`);
        switch (statement.name) {
          case 'write/document-merge': {
            documents += 1;
            out.docId = stringOf(row['docId'], 'docId');
            asOf = dateOf(row['asOf']);
            const { typed, emptyLists } = typedProperties(row, new Set(['docId']));
            out.document = { fixed: [quoted(out.docId), 'Document'], properties: typed, emptyLists };
            break;
          }
          case 'write/entity-merge':
            out.entities.push({
              key: stringOf(row['key'], 'entity key'),
              name: stringOf(row['name'], 'entity name'),
              labels: stringsOf(row['labels'], 'entity labels'),
              aliases: stringsOf(row['aliases'], 'entity aliases'),
              nameKeys: row['nameKeys'] === undefined ? [] : stringsOf(row['nameKeys'], 'entity nameKeys'),
              properties: paramMap(row['properties'], 'entity properties'),
            });
            break;
          case 'write/mention-merge': {
            const keys = stringsOf(row['keys'], 'mention keys');
            const starts = row['starts'];
            const ends = row['ends'];
            if (!Array.isArray(starts) || !Array.isArray(ends)) throw new KgError('SCHEMA_INVALID', "the write plan's mention offsets are not lists");
            for (const [i, key] of keys.entries()) {
              const own = { starts: starts[i] ?? [], ends: ends[i] ?? [] };
              const count = Array.isArray(own.starts) ? own.starts.length : 0;
              mentionProperties.set(key, { ...own, count: new CypherInt(count) });
            }
            break;
          }
          case 'write/claim-merge': {
            const key = stringOf(row['key'], 'claim key');
            const mention = mentionProperties.get(key);
            if (mention === undefined) throw new KgError('SCHEMA_INVALID', `the write plan claims properties of "${key}", which the document does not mention`);
            const properties = paramMap(row['claims'], 'claims');
            const claimed = stringsOf(row['claimed'], 'claimed names');
            const order = row['statusOrder'];
            const statusOrder = order === null || order === undefined ? undefined : stringsOf(order, 'status order');
            // As SET m += row.claims, m.claimed = …, m.statusOrder = … (a null sets nothing).
            Object.assign(mention, properties, { claimed }, statusOrder === undefined ? {} : { statusOrder });
            out.claims.set(key, { docId: stringOf(row['docId'], 'claim docId'), asOf, properties, statusOrder });
            break;
          }
          case 'write/filing-merge':
            out.filings.push({ key: stringOf(row['key'], 'filing key'), registrantKeys: stringsOf(row['registrantKeys'], 'registrant keys'), properties: paramMap(row['properties'], 'filing properties') });
            break;
          case 'write/relationship-merge':
            out.facts.push({
              type: stringOf(row['type'], 'relationship type'),
              start: stringOf(row['start'], 'relationship start'),
              end: stringOf(row['end'], 'relationship end'),
              key: stringOf(row['key'], 'relationship key'),
              properties: paramMap(row['properties'], 'relationship properties'),
              documentCount: countOf(row['documentCount'], 'documentCount'),
              firstSeen: dateOf(row['firstSeen']),
              lastSeen: dateOf(row['lastSeen']),
            });
            break;
          case 'write/evidence-create': {
            const { typed, emptyLists } = typedProperties(row);
            out.evidence.push({ key: stringOf(row['key'], 'evidence key'), properties: typed, emptyLists });
            break;
          }
        }
      }
    }
    if (documents !== 1) throw new KgError('SCHEMA_INVALID', `a document graph gave ${documents} Document rows`);
    for (const [key, properties] of mentionProperties) {
      const { typed, emptyLists } = typedProperties(properties);
      out.mentions.push({ key, properties: typed, emptyLists });
    }
    // Merged values are typed at the end; typing them now finds a value the files cannot hold while
    // the document can still fail alone.
    for (const e of out.entities) typedProperties({ ...e.properties, aliases: e.aliases, name: e.name });
    for (const f of out.filings) typedProperties(f.properties);
    for (const f of out.facts) typedProperties(f.properties);
    return out;
  }

  private commit(doc: PreparedDocument, order: Order): void {
    this.documentNodes.write(doc.document);
    this.recordEmptyLists({ target: 'document', docId: doc.docId, properties: doc.document.emptyLists }, doc.document.properties.keys());
    for (const e of doc.entities) {
      let state = this.entities.get(e.key);
      if (!state) {
        state = { name: { order, value: e.name }, labels: new Set(['Entity']), names: new Set(), nameKeys: new Set(), properties: new Map() };
        this.entities.set(e.key, state);
      } else if (compareOrder(order, state.name.order) < 0) state.name = { order, value: e.name };
      state.names.add(e.name);
      for (const alias of e.aliases) state.names.add(alias);
      for (const form of e.nameKeys) state.nameKeys.add(form);
      for (const label of e.labels) state.labels.add(label);
      for (const [name, value] of Object.entries(e.properties)) place(state.properties, name, value, order, 'first');
    }
    for (const [key, claim] of doc.claims) {
      const held = this.claims.get(key);
      if (held) held.push(claim);
      else this.claims.set(key, [claim]);
    }
    for (const m of doc.mentions) {
      this.mentions.write({ fixed: [quoted(doc.docId), quoted(m.key), 'MENTIONS'], properties: m.properties });
      this.recordEmptyLists({ target: 'mentions', docId: doc.docId, key: m.key, properties: m.emptyLists }, m.properties.keys());
    }
    for (const f of doc.filings) {
      let state = this.filings.get(f.key);
      if (!state) {
        state = { properties: new Map() };
        this.filings.set(f.key, state);
      }
      for (const [name, value] of Object.entries(f.properties)) place(state.properties, name, value, order, 'last');
      this.contains.write({ fixed: [quoted(f.key), quoted(doc.docId), 'CONTAINS'], properties: new Map() });
      for (const registrant of f.registrantKeys) this.filed.add(`${registrant}\u0000${f.key}`);
    }
    for (const r of doc.facts) {
      let state = this.facts.get(r.key);
      if (!state) {
        state = { type: r.type, start: r.start, end: r.end, key: r.key, properties: new Map(), documentCount: 0, firstSeen: undefined, lastSeen: undefined };
        this.facts.set(r.key, state);
      }
      state.documentCount += r.documentCount;
      if (r.firstSeen !== undefined && (state.firstSeen === undefined || r.firstSeen < state.firstSeen)) state.firstSeen = r.firstSeen;
      if (r.lastSeen !== undefined && (state.lastSeen === undefined || r.lastSeen > state.lastSeen)) state.lastSeen = r.lastSeen;
      for (const [name, value] of Object.entries(r.properties)) place(state.properties, name, value, order, 'first');
    }
    for (const e of doc.evidence) {
      this.evidenceNodes.write({ fixed: ['Evidence'], properties: e.properties });
      this.recordEmptyLists({ target: 'evidence', key: e.key, properties: e.emptyLists }, e.properties.keys());
      this.evidenceCount += 1;
    }
  }

  /**
   * Notes a row's empty lists in empty-lists.jsonl, and for the kinds that can be set by a scan
   * (every node of a label, every MENTIONS) which properties the row has: a property every row of its
   * kind has, empty or not, is set after the import by one scan for the nodes that lack it, instead of
   * row by row (Entity.aliases, Document.factTypes, MENTIONS.starts …).
   */
  private recordEmptyLists(target: EmptyListTarget, otherProperties: Iterable<string>): void {
    if (isScannable(target.target)) {
      const presence = this.presence.get(target.target) ?? { rows: 0, present: new Map<string, number>(), empty: new Set<string>() };
      this.presence.set(target.target, presence);
      presence.rows += 1;
      for (const name of new Set([...otherProperties, ...target.properties])) presence.present.set(name, (presence.present.get(name) ?? 0) + 1);
      for (const name of target.properties) presence.empty.add(name);
    }
    if (target.properties.length === 0) return;
    writeSync(this.emptyLists, `${JSON.stringify(target)}\n`);
    this.emptyListRows += 1;
  }

  /** The (kind, property) pairs every row of the kind has and some have empty: set by a scan after the import. */
  private everywhere(): { target: ScanTarget; property: string }[] {
    const out: { target: ScanTarget; property: string }[] = [];
    for (const [target, presence] of [...this.presence].sort(([a], [b]) => byString(a, b))) {
      for (const property of [...presence.empty].sort(byString)) if (presence.present.get(property) === presence.rows) out.push({ target, property });
    }
    return out;
  }

  /**
   * Writes merged nodes or relationships in key order: every row is declared first, so rows share a
   * header (and a file) unless a property's type differs between them.
   */
  private writeMerged<T>(prefix: string, header: string[], states: ReadonlyMap<string, T>, toRow: (key: string, state: T) => MergedRow): CsvFileInfo[] {
    const group = new CsvGroup(this.dir, prefix, header);
    const keys = [...states.keys()].sort(byString);
    const each = (use: (row: MergedRow, typed: ReturnType<typeof typedProperties>) => void): void => {
      for (const key of keys) {
        const state = states.get(key);
        if (state === undefined) continue;
        const row = toRow(key, state);
        use(row, typedProperties(row.values));
      }
    };
    each((_row, { typed }) => group.declare(typed));
    each((row, { typed, emptyLists }) => {
      group.write({ fixed: row.fixed, properties: typed });
      if (row.target) this.recordEmptyLists({ ...row.target, properties: emptyLists }, typed.keys());
    });
    return group.close();
  }

  /** Writes the merged entities, relationships and filings, closes every file, writes manifest.json and import.sh. */
  finish(): ExportSummary {
    if (this.finished) throw new Error('BulkExporter.finish twice');
    this.finished = true;
    const entityNodes = this.writeMerged('nodes-entity', ['key:ID(Entity)', ':LABEL'], this.entities, (key, state) => {
      const name = stringOf(state.name.value, 'entity name');
      const values: Params = { name, aliases: [...state.names].filter((n) => n !== name).sort(byString) };
      if (state.nameKeys.size > 0) values['nameKeys'] = [...state.nameKeys].sort(byString);
      // A deal's or payment's properties are what every document's claims resolve to (claims-resolve.cypher).
      const claims = this.claims.get(key);
      if (claims !== undefined) {
        for (const [k, value] of Object.entries(resolveClaims(claims))) if (!(k in values)) values[k] = value;
      } else for (const [k, placed] of state.properties) if (!(k in values)) values[k] = placed.value;
      return { fixed: [quoted(key), labelsField(state.labels)], values, target: { target: 'entity', key, properties: [] } };
    });
    const filingNodes = this.writeMerged('nodes-filing', ['key:ID(Filing)', ':LABEL'], this.filings, (key, state) => {
      const values: Params = {};
      for (const [k, placed] of state.properties) if (k !== 'key') values[k] = placed.value;
      return { fixed: [quoted(key), 'Filing'], values, target: { target: 'filing', key, properties: [] } };
    });
    const facts = this.writeMerged('relationships-facts', [':START_ID(Entity)', ':END_ID(Entity)', ':TYPE'], this.facts, (_key, state) => {
      const values: Params = {};
      for (const [k, placed] of state.properties) values[k] = placed.value;
      Object.assign(values, {
        key: state.key,
        documentCount: new CypherInt(state.documentCount),
        firstSeen: state.firstSeen === undefined ? null : new CypherDate(state.firstSeen),
        lastSeen: state.lastSeen === undefined ? null : new CypherDate(state.lastSeen),
      });
      return { fixed: [quoted(state.start), quoted(state.end), state.type], values, target: { target: 'relationship', type: state.type, start: state.start, end: state.end, properties: [] } };
    });
    // Doubtful pairs between written entities (a document that failed after resolution left its names in the resolver only).
    const pairs = new Map((this.resolver?.candidates() ?? []).filter((p) => this.entities.has(p.a) && this.entities.has(p.b)).map((p) => [`${p.a}\u0000${p.b}`, p]));
    const possiblySame = this.writeMerged('relationships-possibly-same-as', [':START_ID(Entity)', ':END_ID(Entity)', ':TYPE'], pairs, (_key, p) => ({
      fixed: [quoted(p.a), quoted(p.b), 'POSSIBLY_SAME_AS'],
      values: { score: p.score, reason: p.reason },
      target: undefined,
    }));
    for (const [docId, paths] of [...this.copies].sort(([a], [b]) => byString(a, b))) {
      writeSync(this.emptyLists, `${JSON.stringify({ target: 'copies', docId, paths: [...paths].sort(byString), properties: [] } satisfies EmptyListTarget)}\n`);
      this.emptyListRows += 1;
    }
    const filedPairs = new Map([...this.filed].map((pair) => [pair, pair]));
    const filed = this.writeMerged('relationships-filed', [':START_ID(Entity)', ':END_ID(Filing)', ':TYPE'], filedPairs, (pair) => {
      const [company = '', filing = ''] = pair.split('\u0000');
      return { fixed: [quoted(company), quoted(filing), 'FILED'], values: {}, target: undefined };
    });
    closeSync(this.emptyLists);

    const nodes = [...entityNodes, ...this.documentNodes.close(), ...filingNodes, ...this.evidenceNodes.close()];
    const relationships = [...facts, ...possiblySame, ...this.mentions.close(), ...this.contains.close(), ...filed];
    const rows = (files: CsvFileInfo[]): number => files.reduce((n, f) => n + f.rows, 0);
    const manifest: Manifest = {
      manifestVersion: MANIFEST_VERSION,
      arrayDelimiter: ARRAY_DELIMITER_OPTION,
      nodes,
      relationships,
      emptyLists: { file: EMPTY_LISTS_FILE, rows: this.emptyListRows, everywhere: this.everywhere() },
      counts: {
        documents: this.documentIds.size,
        entities: this.entities.size,
        evidence: this.evidenceCount,
        filings: this.filings.size,
        nodes: rows(nodes),
        relationships: rows(relationships),
      },
    };
    writeFileSync(join(this.dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    const command = importCommand(manifest, 'neo4j', (file) => file);
    writeFileSync(join(this.dir, IMPORT_SCRIPT), importScript(importCommand(manifest, SCRIPT_DATABASE, (file) => file)), { mode: 0o755 });
    return { manifest, command: ['neo4j-admin', ...command] };
  }
}

/** A merged node or relationship as a CSV row: its fixed fields, its properties, and where an empty list of it is recorded. */
interface MergedRow {
  fixed: string[];
  values: Params;
  target: EmptyListTarget | undefined;
}

/**
 * The output folder: created when missing; an empty folder or a previous export (its manifest.json
 * present) is used, the previous export's files removed first; anything else is refused.
 */
function prepareOutputDir(dir: string): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true });
    return;
  }
  const entries = readdirSync(dir);
  if (entries.length === 0) return;
  if (!entries.includes(MANIFEST_FILE)) {
    throw new KgError('USAGE', 'the output folder is not empty and holds no previous export (manifest.json); give an empty or new folder', { subject: dir });
  }
  const ours = /^(nodes-|relationships-).*\.csv$/;
  const named = new Set([MANIFEST_FILE, EMPTY_LISTS_FILE, IMPORT_SCRIPT, 'import.log', 'import.report']);
  for (const entry of entries) if (ours.test(entry) || named.has(entry)) rmSync(join(dir, entry));
}

/**
 * The arguments of `neo4j-admin` that import the files of a manifest into `database`,
 * `path` placing each file (relative in import.sh, absolute for kg load).
 */
export function importCommand(manifest: Manifest, database: string, path: (file: string) => string, options: { overwrite?: boolean; extra?: string[] } = {}): string[] {
  const multiline = [...manifest.nodes, ...manifest.relationships].some((f) => f.multiline && f.rows > 0);
  return [
    'database',
    'import',
    'full',
    // Before the options: --nodes and --relationships take several values and would swallow it.
    database,
    `--array-delimiter=${manifest.arrayDelimiter}`,
    '--id-type=string',
    // Fault-free data or nothing: a bad row stops the import instead of being skipped.
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    // The slower parser for cells that span lines, for every file when one has them: the per-file
    // form (--multiline-fields-format=v2 with a file list) misreads a cell that crosses its 4 MB read
    // buffer ("Weird input data, found CR outside a text cell", Neo4j 5.26.30, with no CR in the file).
    ...(multiline ? ['--multiline-fields=true'] : []),
    ...(options.overwrite === true ? ['--overwrite-destination=true'] : []),
    ...(options.extra ?? []),
    ...manifest.nodes.filter((f) => f.rows > 0).map((f) => `--nodes=${path(f.file)}`),
    ...manifest.relationships.filter((f) => f.rows > 0).map((f) => `--relationships=${path(f.file)}`),
  ];
}

/** The database argument of import.sh: its first argument, else neo4j. */
const SCRIPT_DATABASE = '${1:-neo4j}';

function importScript(args: readonly string[]): string {
  return [
    '#!/bin/sh',
    '# Written by `kg export --format neo4j-admin`: imports the files of this folder into an empty Neo4j',
    '# database (default neo4j) with neo4j-admin. Run it on the server host with the database stopped',
    '# (add --overwrite-destination=true to replace an existing empty one), start the database, then',
    '# `kg load --bulk <this folder> --after-import` creates the schema and sets the empty lists.',
    '# For the local server of this project, `kg load --bulk <this folder>` does all of it.',
    'set -e',
    'cd "$(dirname "$0")"',
    `exec "\${NEO4J_ADMIN:-neo4j-admin}" ${args.map((a) => (a === SCRIPT_DATABASE ? `"${a}"` : shellWord(a))).join(' ')}`,
    '',
  ].join('\n');
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
