// Neo4j writer: with neo4j-values.ts, the only module of src/ that imports neo4j-driver. It opens a
// checked connection (driver errors become KgErrors with NEO4J_* codes and no credentials), applies
// the schema, and writes batches of documents, each batch in one managed transaction (executeWrite
// retries transient errors) with one UNWIND statement per kind of row, so per-transaction overhead is
// paid once per batch. A document's facts commit atomically with its batch; a batch that fails for a
// reason of its own data is written again one document per transaction, so a bad document fails alone.
// As a GraphWriter (graph-writer.ts), `write(graph)` takes a merged graph and writes its documents in
// such batches; `writeDocuments` is the document-level API that `kg ingest` streams into.
// It also runs users' own statements (`kg cypher`), read-only unless writing is asked for; their
// result values (nodes, relationships, paths) are converted by neo4j-values.ts.
import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction, QueryStatistics, Result } from 'neo4j-driver';
import type { Graph } from '../model/graph.ts';
import type { NameKnowledge } from '../knowledge/names.ts';
import type { Decisions } from '../graph/decisions.ts';
import { CorpusResolver, EntityIndex, MAX_PER_FORM, lookupForms, type KnownEntity, type PossiblySame } from '../graph/identity.ts';
import { withExtractionHash } from '../graph/extraction-hash.ts';
import { ENTITY_LABELS } from '../model/vocabulary.ts';
import type { Neo4jConfig } from '../config.ts';
import { KgError, isKgError } from '../errors.ts';
import type { GraphWriter } from './graph-writer.ts';
import {
  CypherDate,
  CypherInt,
  DEFAULT_BATCH_SIZE,
  DocumentBatches,
  batchWriteStatements,
  cypherText,
  documentRows,
  forgetBatchStatements,
  lockStatement,
  schemaStatements,
  splitByDocument,
  type ParamValue,
  type Params,
  type ResolutionRows,
  type Statement,
} from './write-plan.ts';

/** Where the server is, without any credentials a URI might carry (bolt://user:pass@host). */
export function describeServer(config: Pick<Neo4jConfig, 'uri' | 'database'>): string {
  const uri = config.uri.replace(/\/\/[^@/]*@/, '//');
  return `${uri} (database "${config.database}")`;
}

function driverErrorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

function driverErrorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Maps a driver error to a KgError with a stable code and a message that says what to do. */
export function toKgError(error: unknown, config: Pick<Neo4jConfig, 'uri' | 'database'>, doing = 'talking to Neo4j'): KgError {
  if (isKgError(error)) return error;
  const code = driverErrorCode(error);
  const message = driverErrorMessage(error);
  const subject = describeServer(config);
  const unreachable = code === 'ServiceUnavailable' || code === 'SessionExpired' || (code === '' && /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT/.test(message));
  if (unreachable) {
    return new KgError('NEO4J_UNAVAILABLE', `cannot reach the Neo4j server while ${doing}; is it running? (\`npm run neo4j:start\` starts a local one)`, {
      subject,
      retriable: true,
      cause: error,
    });
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new KgError('NEO4J_AUTH', 'Neo4j refused the user name or password; check NEO4J_USERNAME and NEO4J_PASSWORD', { subject, cause: error });
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new KgError('NEO4J_DATABASE', `the database "${config.database}" does not exist on this server; check NEO4J_DATABASE (Community Edition has only "neo4j")`, {
      subject,
      cause: error,
    });
  }
  const retriable = Boolean(error && typeof error === 'object' && 'retryable' in error && error.retryable === true);
  return new KgError('NEO4J_WRITE', `Neo4j failed while ${doing}: ${message}${code ? ` (${code})` : ''}`, { subject, retriable, cause: error });
}

/** A user's statement's result (runStatement): driver values, one list per record in column order. */
export interface StatementResult {
  columns: string[];
  records: unknown[][];
  /** The server's non-zero update counters (nodesCreated, propertiesSet, indexesAdded, …). */
  updates: Record<string, number>;
}

/**
 * Maps the failure of a user's statement: a write in a read-only run and a statement the server
 * rejects get codes of their own and one line (the server repeats the query and points at the
 * column on the lines after the first); anything else is what toKgError makes of it.
 */
function statementError(error: unknown, config: Pick<Neo4jConfig, 'uri' | 'database'>): KgError {
  const code = driverErrorCode(error);
  if (code === 'Neo.ClientError.Statement.AccessMode') {
    return new KgError('CYPHER_READ_ONLY', 'the query writes to the graph and was run read-only, so Neo4j refused it; add --write (runCypher option write: true) to run it', {
      subject: 'cypher',
      cause: error,
    });
  }
  if (code.startsWith('Neo.ClientError.Statement.') || code.startsWith('Neo.ClientError.Procedure.') || code.startsWith('Neo.ClientError.Schema.')) {
    const firstLine = (
      driverErrorMessage(error)
        .split(/\r?\n/)
        .find((l) => l.trim() !== '') ?? ''
    ).trim();
    const hint = code === 'Neo.ClientError.Statement.ParameterMissing' ? '; give each with --param name=value' : '';
    return new KgError('CYPHER_INVALID', `Neo4j rejected the query: ${firstLine}${hint} (${code})`, { subject: 'cypher', cause: error });
  }
  return toKgError(error, config, 'running the query');
}

/** Turns plan parameters into driver values: CypherInt → Integer, CypherDate → Date. */
export function toDriverValue(value: ParamValue): unknown {
  if (value instanceof CypherInt) return neo4j.int(value.value);
  if (value instanceof CypherDate) {
    const [y, m, d] = value.iso.split('-').map(Number);
    return new neo4j.types.Date(y ?? 0, m ?? 1, d ?? 1);
  }
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toDriverValue(v);
    return out;
  }
  return value;
}

function toDriverParams(params: Params): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = toDriverValue(v);
  return out;
}

/**
 * Turns a driver value into plain JSON-able data: Integers to numbers (strings beyond 2^53), temporal
 * values to ISO strings, nodes and relationships to their labels/type and properties.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : neo4j.integer.toString(value);
  if (neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) {
    return value.toString();
  }
  if (neo4j.isNode(value)) return { labels: [...value.labels].sort(), properties: toPlain(value.properties) };
  if (neo4j.isRelationship(value)) return { type: value.type, properties: toPlain(value.properties) };
  if (neo4j.isPath(value)) {
    return value.segments.map((s) => ({ start: toPlain(s.start), relationship: toPlain(s.relationship), end: toPlain(s.end) }));
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

/** Opens a driver and proves the server, the credentials and the database with one round trip. */
export async function connectNeo4j(config: Neo4jConfig): Promise<Driver> {
  let driver: Driver;
  try {
    driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password), {
      // Fail fast when nothing listens; the default waits much longer.
      connectionTimeout: 10_000,
      maxConnectionLifetime: 60 * 60 * 1000,
    });
  } catch (error) {
    throw new KgError('CONFIG_INVALID', `cannot use the Neo4j URI: ${driverErrorMessage(error)}`, { subject: 'neo4j', cause: error });
  }
  // An auto-commit query in a session: unlike executeQuery it is not retried for 30 s when nothing
  // listens, and it proves the database exists as well as the credentials.
  const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
  try {
    await session.run('RETURN 1 AS ok');
  } catch (error) {
    await session.close().catch(() => undefined);
    await driver.close().catch(() => undefined);
    throw toKgError(error, config, 'connecting');
  }
  await session.close();
  return driver;
}

export type DocumentWriteStatus = 'created' | 'replaced' | 'unchanged';

/** What a transaction changed, from the server's counters. */
export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export interface DocumentWriteResult extends WriteCounters {
  docId: string;
  status: DocumentWriteStatus;
  /** For a document whose content is a stored document's (same content hash): that document's id. Nothing of it is written twice. */
  copyOf?: string;
  /**
   * Documents written in the same transaction, this one included. The server counts changes per
   * transaction, so when it is more than 1 the counters are the whole transaction's, shared by these
   * documents (add them up once per transaction, not per document).
   */
  transactionDocuments: number;
}

/** A document whose write failed on its own (written alone after its batch failed). */
export interface DocumentWriteFailure {
  docId: string;
  error: KgError;
}

export interface BatchWriteResult {
  /** Written or unchanged documents, in the order given. */
  documents: DocumentWriteResult[];
  failures: DocumentWriteFailure[];
  /** Everything the batch changed (all its transactions). */
  counters: WriteCounters;
  /** Transactions committed: 1, or one per document after a fallback. */
  transactions: number;
}

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

export interface WriteOptions {
  /** Rows per UNWIND statement (default DEFAULT_BATCH_SIZE of write-plan.ts). */
  batchSize?: number;
  /** Rewrite a document even when its content hash is unchanged. */
  force?: boolean;
  /**
   * Cross-document resolution (src/graph/identity.ts): each document's entities resolve against the
   * stored ones, found by their name forms, and the doubtful pairs become POSSIBLY_SAME_AS; a document
   * whose content hash is stored under another id is recorded as a copy of it. Without it documents
   * are written as they come, under their own ids and keys.
   */
  resolution?: { names: NameKnowledge; decisions: Decisions };
}

const noChanges = (): WriteCounters => ({ nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 });

function addStats(into: WriteCounters, stats: QueryStatistics): void {
  const u = stats.updates();
  into.nodesCreated += u.nodesCreated;
  into.nodesDeleted += u.nodesDeleted;
  into.relationshipsCreated += u.relationshipsCreated;
  into.relationshipsDeleted += u.relationshipsDeleted;
  into.propertiesSet += u.propertiesSet;
}

function addCounters(into: WriteCounters, more: WriteCounters): void {
  into.nodesCreated += more.nodesCreated;
  into.nodesDeleted += more.nodesDeleted;
  into.relationshipsCreated += more.relationshipsCreated;
  into.relationshipsDeleted += more.relationshipsDeleted;
  into.propertiesSet += more.propertiesSet;
}

/**
 * Runs statements in order in one transaction. They are sent without waiting for each answer (the
 * driver pipelines them; the server still runs them one after another), which saves a round trip
 * per statement; every result is awaited before the first failure is rethrown.
 */
async function runAll(tx: ManagedTransaction, statements: readonly Statement[], counters: WriteCounters): Promise<void> {
  const settled = await Promise.allSettled(statements.map(async (s) => tx.run(s.cypher, toDriverParams(s.params))));
  for (const outcome of settled) {
    if (outcome.status === 'rejected') throw outcome.reason;
    addStats(counters, outcome.value.summary.counters);
  }
}

/**
 * A failure that belongs to the batch's data (a constraint, a type the server refuses), not to the
 * connection or the moment: writing the documents one by one will find the culprit. Connection,
 * credential and transient failures would fail every document alike, so they end the write instead.
 */
function isDataFailure(error: KgError): boolean {
  return error.code === 'SCHEMA_INVALID' || (error.code === 'NEO4J_WRITE' && !error.retriable);
}

function pickCounters(from: WriteCounters): WriteCounters {
  const { nodesCreated, nodesDeleted, relationshipsCreated, relationshipsDeleted, propertiesSet } = from;
  return { nodesCreated, nodesDeleted, relationshipsCreated, relationshipsDeleted, propertiesSet };
}

function countMap(rows: { key: unknown; count: unknown }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[String(r.key)] = Number(toPlain(r.count));
  return out;
}

function addBatch(into: BatchWriteResult, more: BatchWriteResult): void {
  into.documents.push(...more.documents);
  into.failures.push(...more.failures);
  addCounters(into.counters, more.counters);
  into.transactions += more.transactions;
}

/** A connection to the deal graph that writes and forgets documents. Close it when done. */
export class Neo4jGraphStore implements GraphWriter<BatchWriteResult> {
  /** Set once the schema is known to exist (ensureSchema ran on this connection). */
  private schemaReady = false;

  private constructor(
    private readonly driver: Driver,
    readonly config: Neo4jConfig,
  ) {}

  static async open(config: Neo4jConfig): Promise<Neo4jGraphStore> {
    return new Neo4jGraphStore(await connectNeo4j(config), config);
  }

  /** Creates the constraints and indexes of cypher/schema.cypher (idempotent). */
  async ensureSchema(): Promise<void> {
    const session = this.driver.session({ database: this.config.database });
    try {
      for (const statement of schemaStatements()) await session.run(statement);
      // Index population is asynchronous; wait so the first lookups already use them.
      await session.run('CALL db.awaitIndexes(300)');
      this.schemaReady = true;
    } catch (error) {
      throw toKgError(error, this.config, 'creating the schema');
    } finally {
      await session.close();
    }
  }

  /**
   * Writes one document's graph in one transaction. Same content hash as stored → nothing happens;
   * a different one → the stored version's facts are removed first, in the same transaction.
   */
  async writeDocument(graph: Graph, options: WriteOptions = {}): Promise<DocumentWriteResult> {
    const doc = graph.documents[0];
    if (!doc) throw new KgError('SCHEMA_INVALID', 'graph has no document');
    try {
      const [result] = await this.writeInOneTransaction([graph], options);
      if (!result) throw new KgError('SCHEMA_INVALID', 'graph has no document');
      return result;
    } catch (error) {
      throw toKgError(error, this.config, `writing document ${doc.docId}`);
    }
  }

  /**
   * Writes the graphs of several documents (one document per graph, distinct ids) in ONE transaction:
   * one read locks them and returns their stored hashes; unchanged documents are skipped, older
   * versions of changed ones removed, then every row of the batch is written with one statement per
   * kind of row (labels and relationship types travel in the rows as validated dynamic labels and
   * types). When that transaction fails because of the data, the documents are written again one per
   * transaction, so only a bad document fails (it is returned in
   * `failures`); a failure of the server or the connection is thrown.
   */
  async writeDocuments(graphs: readonly Graph[], options: WriteOptions = {}): Promise<BatchWriteResult> {
    if (graphs.length === 0) return { documents: [], failures: [], counters: noChanges(), transactions: 0 };
    const docIds = graphs.map((g) => g.documents[0]?.docId ?? '?');
    const doing = (i?: number): string => (i !== undefined || graphs.length === 1 ? `writing document ${docIds[i ?? 0] ?? '?'}` : `writing a batch of ${graphs.length} documents (${docIds[0] ?? '?'} …)`);
    try {
      const documents = await this.writeInOneTransaction(graphs, options);
      return { documents, failures: [], counters: documents[0] ? pickCounters(documents[0]) : noChanges(), transactions: 1 };
    } catch (error) {
      const failure = toKgError(error, this.config, doing());
      if (!isDataFailure(failure)) throw failure;
      if (graphs.length === 1) return { documents: [], failures: [{ docId: docIds[0] ?? '?', error: failure }], counters: noChanges(), transactions: 0 };
    }
    const result: BatchWriteResult = { documents: [], failures: [], counters: noChanges(), transactions: 0 };
    for (const [i, graph] of graphs.entries()) {
      try {
        const [written] = await this.writeInOneTransaction([graph], options);
        if (!written) continue;
        result.documents.push(written);
        addCounters(result.counters, written);
        result.transactions += 1;
      } catch (error) {
        const failure = toKgError(error, this.config, doing(i));
        if (!isDataFailure(failure)) throw failure;
        result.failures.push({ docId: docIds[i] ?? '?', error: failure });
      }
    }
    return result;
  }

  /**
   * Writes every document of a graph (one document's, or several merged: it is split with
   * splitByDocument), in transactions of several documents grouped as `kg ingest` groups them
   * (DocumentBatches with the row budget `batchSize`). Creates the schema first if this connection has
   * not. Returns what all the transactions did; documents the database refused are in `failures`.
   */
  async write(graph: Graph, options: WriteOptions = {}): Promise<BatchWriteResult> {
    if (!this.schemaReady) await this.ensureSchema();
    const result: BatchWriteResult = { documents: [], failures: [], counters: noChanges(), transactions: 0 };
    const batches = new DocumentBatches<Graph>(options.batchSize ?? DEFAULT_BATCH_SIZE, (g) => ({ docId: g.documents[0]?.docId ?? '', rows: documentRows(g) }));
    for (const part of splitByDocument(graph)) {
      for (const batch of batches.add(part)) addBatch(result, await this.writeDocuments(batch, options));
    }
    const last = batches.close();
    if (last.length > 0) addBatch(result, await this.writeDocuments(last, options));
    return result;
  }

  /** The stored entities that share a name form with these graphs' entities (bounded: index look-ups per form). */
  async knownEntities(forms: readonly string[]): Promise<KnownEntity[]> {
    if (forms.length === 0) return [];
    const rows = await this.read(cypherText('read/entities-by-form'), { forms: [...forms], limit: new CypherInt(MAX_PER_FORM) });
    return rows.map((row) => {
      const labels = Array.isArray(row['labels']) ? row['labels'].map(String) : [];
      const primary = ENTITY_LABELS.find((l) => labels.includes(l));
      const properties: Record<string, unknown> = {};
      const stored = row['properties'];
      if (stored !== null && typeof stored === 'object') for (const [k, v] of Object.entries(stored)) if (v !== null) properties[k] = v;
      return {
        key: String(row['key']),
        labels: primary === undefined ? labels : [primary, ...labels.filter((l) => l !== primary && l !== 'Entity').sort()],
        name: String(row['name']),
        aliases: Array.isArray(row['aliases']) ? row['aliases'].map(String) : [],
        properties,
      };
    });
  }

  /** Resolves the graphs of a batch in order against the stored entities and each other (src/graph/identity.ts). */
  private async resolveBatch(graphs: readonly Graph[], resolution: NonNullable<WriteOptions['resolution']>): Promise<{ graphs: Graph[]; possiblySame: PossiblySame[] }> {
    const probe = new CorpusResolver(resolution.names, resolution.decisions);
    const index = new EntityIndex(resolution.names);
    for (const known of await this.knownEntities(probe.formsOf(graphs))) index.add(known);
    const resolver = new CorpusResolver(resolution.names, resolution.decisions, index);
    const resolved = graphs.map((g) => resolver.resolve(g));
    return { graphs: resolved, possiblySame: resolver.candidates() };
  }

  /** The batch write itself; every result carries the transaction's counters. */
  private async writeInOneTransaction(extracted: readonly Graph[], options: WriteOptions): Promise<DocumentWriteResult[]> {
    // Hashed as extracted, before resolution (which depends on what the database holds): see src/graph/extraction-hash.ts.
    const given = extracted.map(withExtractionHash);
    const planOptions = options.batchSize === undefined ? {} : { batchSize: options.batchSize };
    let graphs = given;
    let resolution: ResolutionRows | undefined;
    if (options.resolution !== undefined) {
      const names = options.resolution.names;
      const resolved = await this.resolveBatch(given, options.resolution);
      graphs = resolved.graphs;
      resolution = { nameKeys: (e) => lookupForms(names, e), possiblySame: resolved.possiblySame };
    }
    const plan = (toWrite: readonly Graph[]): Statement[] => batchWriteStatements(toWrite, resolution === undefined ? planOptions : { ...planOptions, resolution });
    // Built (and validated) before the transaction: a bad graph fails here, without a round trip.
    const fullPlan = plan(graphs);
    const docIds = graphs.map((g) => g.documents[0]?.docId ?? '');
    const hashes = new Map(graphs.map((g) => [g.documents[0]?.docId ?? '', g.documents[0]?.contentHash]));
    const extractionHashes = new Map(given.map((g) => [g.documents[0]?.docId ?? '', g.documents[0]?.extractionHash]));
    const session = this.driver.session({ database: this.config.database });
    try {
      return await session.executeWrite(async (tx) => {
        const counters = noChanges();
        // Identical content is one document (with resolution, as kg ingest writes): a graph whose
        // content hash is stored under another id, or comes earlier in this batch, is recorded as a
        // copy of that document and not written again.
        const copyOf = new Map<string, string>();
        const firstInBatch = new Map<string, string>();
        const byHash = resolution === undefined ? undefined : await tx.run(cypherText('read/documents-by-hash'), { hashes: [...new Set(hashes.values())].filter((h): h is string => h !== undefined) });
        const storedHash = new Map((byHash?.records ?? []).map((r) => [String(r.get('hash')), String(r.get('docId'))]));
        for (const g of resolution === undefined ? [] : graphs) {
          const doc = g.documents[0];
          if (!doc) continue;
          const owner = storedHash.get(doc.contentHash) ?? firstInBatch.get(doc.contentHash);
          if (owner !== undefined && owner !== doc.docId) copyOf.set(doc.docId, owner);
          else if (!firstInBatch.has(doc.contentHash)) firstInBatch.set(doc.contentHash, doc.docId);
        }
        const copies = graphs.filter((g) => copyOf.has(g.documents[0]?.docId ?? ''));
        const originals = graphs.filter((g) => !copyOf.has(g.documents[0]?.docId ?? ''));
        const lock = lockStatement(originals.map((g) => g.documents[0]?.docId ?? ''));
        const locked = await tx.run(lock.cypher, toDriverParams(lock.params));
        // The lock statement creates the Document nodes of new documents: count those; its SET on
        // stored documents only takes their locks.
        counters.nodesCreated += locked.summary.counters.updates().nodesCreated;
        const stored = new Map<string, { content: unknown; extraction: unknown }>(
          locked.records.map((r) => {
            const content: unknown = r.get('contentHash');
            const extraction: unknown = r.get('extractionHash');
            return [String(r.get('docId')), { content: content ?? null, extraction: extraction ?? null }];
          }),
        );
        const status = new Map<string, DocumentWriteStatus>();
        for (const docId of docIds) {
          if (copyOf.has(docId)) {
            status.set(docId, 'unchanged');
            continue;
          }
          const before = stored.get(docId);
          // Unchanged only when the text and what was extracted from it both are: a new extractor's facts replace the old ones.
          const same = before !== undefined && before.content === hashes.get(docId) && before.extraction === extractionHashes.get(docId);
          status.set(docId, before === undefined || before.content === null ? 'created' : same && options.force !== true ? 'unchanged' : 'replaced');
        }
        const replaced = docIds.filter((id) => status.get(id) === 'replaced');
        if (replaced.length > 0) await runAll(tx, forgetBatchStatements(replaced), counters);
        const toWrite = originals.filter((g) => status.get(g.documents[0]?.docId ?? '') !== 'unchanged');
        if (toWrite.length > 0) await runAll(tx, toWrite.length === graphs.length ? fullPlan : plan(toWrite), counters);
        if (copies.length > 0) {
          const paths = new Map<string, string[]>();
          for (const g of copies) {
            const doc = g.documents[0];
            const owner = copyOf.get(doc?.docId ?? '');
            if (doc && owner !== undefined) paths.set(owner, [...(paths.get(owner) ?? []), doc.sourcePath]);
          }
          const rows = [...paths.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([docId, list]) => ({ docId, paths: list }));
          await runAll(tx, [{ name: 'write/document-copies', cypher: cypherText('write/document-copies'), params: { rows } }], counters);
        }
        return docIds.map((docId) => {
          const owner = copyOf.get(docId);
          return { docId, status: status.get(docId) ?? 'created', ...(owner === undefined ? {} : { copyOf: owner }), ...counters, transactionDocuments: docIds.length };
        });
      });
    } finally {
      await session.close();
    }
  }

  /**
   * Runs each group of statements in a transaction of its own (the benchmark's row-at-a-time baseline;
   * the writer never writes this way). Returns what they changed together.
   */
  async runEachInOwnTransaction(groups: readonly (readonly Statement[])[]): Promise<WriteCounters> {
    const counters = noChanges();
    const session = this.driver.session({ database: this.config.database });
    try {
      for (const group of groups) {
        // Counted per attempt, so a retried transaction is not counted twice.
        const changed = await session.executeWrite(async (tx) => {
          const attempt = noChanges();
          await runAll(tx, group, attempt);
          return attempt;
        });
        addCounters(counters, changed);
      }
      return counters;
    } catch (error) {
      throw toKgError(error, this.config, 'writing rows one per transaction');
    } finally {
      await session.close();
    }
  }

  /** Removes a document and everything only it supported. False when the document is not stored. */
  async forgetDocument(docId: string): Promise<boolean> {
    return (await this.forgetDocuments([docId])).length > 0;
  }

  /**
   * Removes several documents and everything only they supported, in one transaction (one statement
   * per step for all of them). Returns the ids that were stored, in the order given.
   */
  async forgetDocuments(docIds: readonly string[]): Promise<string[]> {
    if (docIds.length === 0) return [];
    const session = this.driver.session({ database: this.config.database });
    try {
      return await session.executeWrite(async (tx) => {
        const found = await tx.run(cypherText('read/documents-stored'), { docIds: [...new Set(docIds)] });
        const stored = new Set(found.records.map((r) => String(r.get('docId'))));
        if (stored.size > 0) for (const s of forgetBatchStatements([...stored])) await tx.run(s.cypher, toDriverParams(s.params));
        return docIds.filter((docId) => stored.has(docId));
      });
    } catch (error) {
      throw toKgError(error, this.config, docIds.length === 1 ? `forgetting document ${docIds[0] ?? '?'}` : `forgetting ${docIds.length} documents (${docIds[0] ?? '?'} …)`);
    } finally {
      await session.close();
    }
  }

  /** Node counts by label and relationship counts by type. */
  async counts(): Promise<GraphCounts> {
    const nodes = await this.read(cypherText('read/node-counts'));
    const relationships = await this.read(cypherText('read/relationship-counts'));
    return {
      nodes: countMap(nodes.map((r) => ({ key: r['label'], count: r['count'] }))),
      relationships: countMap(relationships.map((r) => ({ key: r['type'], count: r['count'] }))),
    };
  }

  /** One document's part of the graph: mentioned entities by label, supported relationships by type. */
  async documentCounts(docId: string): Promise<GraphCounts> {
    const [row] = await this.read(cypherText('read/document-counts'), { docId });
    const pairs = (value: unknown) => (Array.isArray(value) ? (value as { key: unknown; count: unknown }[]) : []);
    return { nodes: countMap(pairs(row?.['nodes'])), relationships: countMap(pairs(row?.['relationships'])) };
  }

  /** Runs a read query with parameters; rows come back as plain data (see toPlain). */
  async read(cypher: string, params: Params = {}): Promise<Record<string, unknown>[]> {
    try {
      const { records } = await this.driver.executeQuery(cypher, toDriverParams(params), { database: this.config.database, routing: neo4j.routing.READ });
      return records.map((r) => toPlain(r.toObject()) as Record<string, unknown>);
    } catch (error) {
      throw toKgError(error, this.config, 'reading');
    }
  }

  /**
   * Runs a user's statement (`kg cypher`) and returns its columns and rows. Without `write` it runs in
   * a READ access-mode session inside `executeRead`, so the server itself refuses anything that would
   * write (CYPHER_READ_ONLY), whatever the text looks like. With `write` it runs as an auto-commit
   * query in a WRITE session, the one form in which `CALL { … } IN TRANSACTIONS` also works.
   * A statement the server rejects (syntax, unknown variable, missing parameter, a runtime error of
   * the query) is CYPHER_INVALID with the server's first line.
   */
  async runStatement(cypher: string, params: Params, options: { write: boolean }): Promise<StatementResult> {
    const session = this.driver.session({ database: this.config.database, defaultAccessMode: options.write ? neo4j.session.WRITE : neo4j.session.READ });
    try {
      // The columns come from the result's header, so a query without rows still names them.
      const collect = async (result: Result<Record<string, unknown>>): Promise<StatementResult> => {
        const columns = (await result.keys()).map(String);
        const { records, summary } = await result;
        const updates: Record<string, number> = {};
        for (const [name, count] of Object.entries(summary.counters.updates())) if (count > 0) updates[name] = count;
        return { columns, records: records.map((r) => columns.map((c) => r.get(c))), updates };
      };
      const driverParams = toDriverParams(params);
      return options.write ? await collect(session.run(cypher, driverParams)) : await session.executeRead((tx) => collect(tx.run(cypher, driverParams)));
    } catch (error) {
      throw statementError(error, this.config);
    } finally {
      await session.close();
    }
  }

  /** Runs statements in order in one managed transaction (all or none); returns what they changed. */
  async writeStatements(statements: readonly Statement[], doing: string): Promise<WriteCounters> {
    const session = this.driver.session({ database: this.config.database });
    try {
      return await session.executeWrite(async (tx) => {
        const attempt = noChanges();
        await runAll(tx, statements, attempt);
        return attempt;
      });
    } catch (error) {
      throw toKgError(error, this.config, doing);
    } finally {
      await session.close();
    }
  }

  /** Runs one write statement with parameters in its own managed transaction. */
  async runWrite(cypher: string, params: Params = {}): Promise<void> {
    const session = this.driver.session({ database: this.config.database });
    try {
      await session.executeWrite((tx) => tx.run(cypher, toDriverParams(params)));
    } catch (error) {
      throw toKgError(error, this.config, 'writing');
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
