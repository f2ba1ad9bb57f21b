// The one place that composes the stages: load → structure (sections, sentences) → entities →
// relations → resolve → validated graph. Writers consume its output; nothing here touches a database.
import type { StructuredDocument } from './model/document.ts';
import type { DocumentMentions, RelationFact } from './model/extraction.ts';
import type { Graph } from './model/graph.ts';
import { listInputs, loadFile } from './load/index.ts';
import { structure } from './structure/index.ts';
import { extractEntities } from './extract/entities/index.ts';
import { extractRelations } from './extract/relations/index.ts';
import { resolveDocument } from './resolve/index.ts';
import { GraphAccumulator } from './graph/merge.ts';
import { KgError, isKgError } from './errors.ts';

export interface DocumentExtraction {
  document: StructuredDocument;
  mentions: DocumentMentions;
  facts: RelationFact[];
  /** The document's own graph, with stable keys, ready to merge or write. */
  graph: Graph;
}

/** Runs the extraction stages on one structured document. Pure: same document, same result. */
export function extractDocument(document: StructuredDocument): DocumentExtraction {
  const mentions = extractEntities(document);
  const facts = extractRelations(document, mentions);
  const { graph } = resolveDocument(document, mentions, facts);
  return { document, mentions, facts, graph };
}

export type InputResult =
  | { ok: true; path: string; extractions: DocumentExtraction[] }
  | { ok: false; path: string; error: KgError };

function asKgError(error: unknown, path: string): KgError {
  if (isKgError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new KgError('INPUT_MALFORMED', `could not process: ${message}`, { subject: path, cause: error });
}

/**
 * Streams inputs one file at a time: each yields its documents' extractions or the error that
 * stopped it, so one bad file never stops the others and memory stays bounded by one file.
 */
export async function* extractInputs(paths: readonly string[]): AsyncGenerator<InputResult> {
  for await (const path of listInputs(paths)) {
    try {
      const file = await loadFile(path);
      const documents = structure(file);
      yield { ok: true, path, extractions: documents.map(extractDocument) };
    } catch (error) {
      yield { ok: false, path, error: asKgError(error, path) };
    }
  }
}

export interface ExtractSummary {
  graph: Graph;
  failures: { path: string; error: KgError }[];
}

/** Extracts every input and merges the document graphs into one graph. */
export async function extractGraph(paths: readonly string[]): Promise<ExtractSummary> {
  const accumulator = new GraphAccumulator();
  const failures: ExtractSummary['failures'] = [];
  for await (const result of extractInputs(paths)) {
    if (result.ok) for (const x of result.extractions) accumulator.add(x.graph);
    else failures.push({ path: result.path, error: result.error });
  }
  return { graph: accumulator.result(), failures };
}

/** Extracts a text given in memory (tests, library users): the same stages as files go through. */
export function extractText(text: string, path = 'inline.txt'): DocumentExtraction[] {
  return structure({ path, bytes: Buffer.from(text, 'utf8'), text, encoding: 'utf-8' }).map(extractDocument);
}
