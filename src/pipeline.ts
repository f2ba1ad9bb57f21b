// The one place that composes the stages: load → structure (sections) → segment (sentences) →
// entities → relations → resolve → deals → validated graph. Writers consume its output; nothing here touches a database.
// Failures are per input: a file that cannot be read or understood, or a document over its time
// budget, becomes one KgError result and the run goes on with the next one.
import type { StructuredDocument } from './model/document.ts';
import type { DocumentMentions, RelationFact } from './model/extraction.ts';
import type { Graph } from './model/graph.ts';
import { listInputs, loadFile, type LoadedFile } from './load/index.ts';
import { structure } from './structure/index.ts';
import { segmentDocument } from './segment/index.ts';
import { extractEntities } from './extract/entities/index.ts';
import { extractRelations } from './extract/relations/index.ts';
import { resolveDocument } from './resolve/index.ts';
import { extractDeals } from './deals/index.ts';
import { GraphAccumulator, mergeGraphs } from './graph/merge.ts';
import { CorpusResolver } from './graph/identity.ts';
import { NO_DECISIONS, type Decisions } from './graph/decisions.ts';
import { DataFiles } from './knowledge/files.ts';
import { loadNameKnowledge } from './knowledge/names.ts';
import { asKgError, type KgError } from './errors.ts';
import type { GraphResult } from './input-result.ts';
import { Budget, DEFAULT_DOC_TIMEOUT_MS } from './budget.ts';
import { loadKnowledge, type Knowledge, type StageContext } from './knowledge/index.ts';

export interface DocumentExtraction {
  document: StructuredDocument;
  mentions: DocumentMentions;
  facts: RelationFact[];
  /** The document's own graph, with stable keys, ready to merge or write. */
  graph: Graph;
}

export interface ExtractOptions {
  /** The loaded knowledge (`loadKnowledge()`); loaded for the call when not given. */
  knowledge?: Knowledge;
  /**
   * Milliseconds one document may take (structure, then each document's extraction); over it the
   * document fails with EXTRACTION_TIMEOUT and the run goes on. Default 30 s; Infinity for no limit.
   */
  docTimeoutMs?: number;
}

export interface DocumentOptions extends ExtractOptions {
  /** Names the document in a timeout message (default: its source path). */
  subject?: string;
}

/** A loaded file's documents, ready for extraction: the structure stage, then the segment stage on each document. */
export function structureAndSegment(file: LoadedFile, ctx: StageContext): StructuredDocument[] {
  return structure(file, ctx).map((document) => segmentDocument(document, ctx));
}

function extractStages(document: StructuredDocument, ctx: StageContext): DocumentExtraction {
  const mentions = extractEntities(document, ctx);
  ctx.budget.checkNow();
  const facts = extractRelations(document, mentions, ctx);
  ctx.budget.checkNow();
  const resolved = resolveDocument(document, mentions, facts, ctx);
  ctx.budget.checkNow();
  // Deals as nodes: the resolved facts grouped into agreements, their parties, assets and money terms.
  const deals = extractDeals(document, mentions, facts, resolved.mentionKeys, resolved.graph.entities, ctx);
  const graph = deals.entities.length === 0 ? resolved.graph : mergeGraphs([resolved.graph, deals]);
  ctx.budget.checkNow();
  return { document, mentions, facts, graph };
}

/**
 * Runs the extraction stages on one structured document with the given knowledge. Pure: same
 * document, same result. With `docTimeoutMs` the stages run under that time budget (KgError
 * EXTRACTION_TIMEOUT past it).
 */
export function extractDocument(document: StructuredDocument, knowledge: Knowledge, options: DocumentOptions = {}): DocumentExtraction {
  const budget = new Budget(options.subject ?? document.sourcePath, options.docTimeoutMs ?? Infinity);
  return extractStages(document, { knowledge, budget });
}

export type InputResult = { ok: true; path: string; extractions: DocumentExtraction[] } | { ok: false; path: string; error: KgError };

/**
 * One file's results: its documents' extractions, then one failure per document that failed. A
 * document over its budget costs only itself; the other parts of the same submission still count.
 */
export async function* extractFile(path: string, limitMs: number, knowledge: Knowledge): AsyncGenerator<InputResult> {
  let documents: StructuredDocument[];
  try {
    const file = await loadFile(path);
    const budget = new Budget(path, limitMs);
    documents = structureAndSegment(file, { knowledge, budget });
    budget.checkNow();
  } catch (error) {
    yield { ok: false, path, error: asKgError(error, path) };
    return;
  }
  const extractions: DocumentExtraction[] = [];
  const failures: KgError[] = [];
  for (const document of documents) {
    const subject = documents.length === 1 ? path : `${path} (${document.docId})`;
    try {
      extractions.push(extractDocument(document, knowledge, { docTimeoutMs: limitMs, subject }));
    } catch (error) {
      failures.push(asKgError(error, subject));
    }
  }
  if (extractions.length > 0 || failures.length === 0) yield { ok: true, path, extractions };
  for (const error of failures) yield { ok: false, path, error };
}

/**
 * Streams inputs one file at a time: each yields its documents' extractions or the error that
 * stopped it, so one bad file (or a path that does not exist) never stops the others and memory
 * stays bounded by one file.
 */
export async function* extractInputs(paths: readonly string[], options: ExtractOptions = {}): AsyncGenerator<InputResult> {
  const limitMs = options.docTimeoutMs ?? DEFAULT_DOC_TIMEOUT_MS;
  const knowledge = options.knowledge ?? loadKnowledge();
  for (const given of paths) {
    try {
      for await (const path of listInputs([given])) yield* extractFile(path, limitMs, knowledge);
    } catch (error) {
      // Only listing fails here (extractFile catches its own): a missing path, an unreadable folder.
      yield { ok: false, path: given, error: asKgError(error, given) };
    }
  }
}

export type { GraphResult } from './input-result.ts';

export interface ParallelOptions extends ExtractOptions {
  /**
   * Worker threads that extract inputs side by side (default 1: this thread). Results keep the input
   * order, so the output does not depend on it.
   */
  workers?: number;
}

/**
 * The inputs' document graphs and failures, in input order: on this thread (extractInputs), or with
 * `workers` > 1 on a pool of worker threads, each running this same pipeline on whole files.
 */
export async function* extractGraphs(paths: readonly string[], options: ParallelOptions = {}): AsyncGenerator<GraphResult> {
  const workers = options.workers ?? 1;
  // Standard input belongs to this thread (a worker's is empty), so `-` keeps the run on it.
  if (workers > 1 && !paths.includes('-')) {
    // Loaded only when asked for: one thread needs no worker machinery. The pool does not import this
    // module (its workers do, each in its own thread), so the two do not depend on each other.
    const { extractGraphsInParallel } = await import('./parallel/extract-pool.ts');
    yield* extractGraphsInParallel(paths, { workers, docTimeoutMs: options.docTimeoutMs ?? DEFAULT_DOC_TIMEOUT_MS });
    return;
  }
  for await (const result of extractInputs(paths, options)) {
    yield result.ok ? { ok: true, path: result.path, graphs: result.extractions.map((x) => x.graph) } : result;
  }
}

export interface MergeOptions extends ParallelOptions {
  /**
   * A person's resolution decisions (src/graph/decisions.ts), applied to every document; none by
   * default. Documents are resolved across the run either way (src/graph/identity.ts).
   */
  decisions?: Decisions;
}

/** The resolver `kg extract` and `kg ingest` share: the knowledge's names (or the data files') and the decisions. */
export function corpusResolver(options: { knowledge?: Knowledge; decisions?: Decisions } = {}): CorpusResolver {
  return new CorpusResolver(options.knowledge?.names ?? loadNameKnowledge(new DataFiles()), options.decisions ?? NO_DECISIONS);
}

export interface ExtractSummary {
  graph: Graph;
  failures: { path: string; error: KgError }[];
  /** Documents extracted (a full submission can hold several). */
  documentCount: number;
}

/**
 * Extracts every input and merges the document graphs into one graph, each document resolved against
 * the ones before it (one node per real thing; identical content is one document).
 */
export async function extractGraph(paths: readonly string[], options: MergeOptions = {}): Promise<ExtractSummary> {
  const accumulator = new GraphAccumulator(corpusResolver(options));
  const failures: ExtractSummary['failures'] = [];
  let documentCount = 0;
  for await (const result of extractGraphs(paths, options)) {
    if (result.ok) {
      for (const graph of result.graphs) accumulator.add(graph);
      documentCount += result.graphs.length;
    } else failures.push({ path: result.path, error: result.error });
  }
  return { graph: accumulator.result(), failures, documentCount };
}

export interface TextOptions extends ExtractOptions {
  /** The name the text goes by (its document id derives from it); default `inline.txt`. */
  path?: string;
}

/**
 * Extracts a text given in memory (tests, library users): the same stages as files go through. Pass
 * `knowledge` when extracting many texts; without it each call loads its own.
 */
export function extractText(text: string, options: TextOptions = {}): DocumentExtraction[] {
  const path = options.path ?? 'inline.txt';
  const knowledge = options.knowledge ?? loadKnowledge();
  const limitMs = options.docTimeoutMs ?? Infinity;
  const documents = structureAndSegment({ path, bytes: Buffer.from(text, 'utf8'), text, encoding: 'utf-8' }, { knowledge, budget: new Budget(path, limitMs) });
  return documents.map((document) => extractDocument(document, knowledge, { docTimeoutMs: limitMs }));
}
