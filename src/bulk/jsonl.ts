// The document lines of `kg extract --jsonl`: one JSON object per line and document, carrying the
// document's own graph (entities with its mentions, relationships with its evidence), its id, content
// hash and source path, and where it stands in the listing of the whole input (fileIndex, docIndex), so
// lines from any number of shards can be merged in the order a single run would have written them.
// Reading checks every line with zod; a bad line is an error naming file:line.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { KgError, issuesText } from '../errors.ts';
import type { Graph } from '../model/graph.ts';

export const JSONL_VERSION = 1 as const;

export const DocumentLine = z.object({
  jsonlVersion: z.literal(JSONL_VERSION),
  docId: z.string().min(1),
  sourcePath: z.string(),
  contentHash: z.string(),
  /** The file's path relative to its input root: what decided its shard. */
  relativePath: z.string(),
  /** Position of the file in the listing of all inputs, and of the document in its file. */
  fileIndex: z.number().int().nonnegative(),
  docIndex: z.number().int().nonnegative(),
  /** The shard that extracted it, `i/n`. */
  shard: z.string().regex(/^\d+\/\d+$/),
  /**
   * The document's graph. Only its envelope is checked here: every consumer checks the graph itself
   * against the exchange schema (the write plan for kg export, mergeInRunOrder for --format json), so
   * a line is not parsed twice.
   */
  graph: z.custom<Graph>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'not a graph object'),
});
export type DocumentLine = z.infer<typeof DocumentLine>;

/** Where a line's document stands in a single run over the same inputs (compare with compareOrder). */
export type Order = readonly [fileIndex: number, docIndex: number];

export function lineOrder(line: Pick<DocumentLine, 'fileIndex' | 'docIndex'>): Order {
  return [line.fileIndex, line.docIndex];
}

export function compareOrder(a: Order, b: Order): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** One line of output (newline included); the graph must hold exactly the one document. */
export function documentLine(fields: Omit<DocumentLine, 'jsonlVersion' | 'docId' | 'sourcePath' | 'contentHash'>): string {
  const doc = fields.graph.documents[0];
  if (!doc || fields.graph.documents.length !== 1) throw new KgError('SCHEMA_INVALID', `a document line holds exactly one document, this graph has ${fields.graph.documents.length}`);
  const line: DocumentLine = { jsonlVersion: JSONL_VERSION, docId: doc.docId, sourcePath: doc.sourcePath, contentHash: doc.contentHash, ...fields };
  return `${JSON.stringify(line)}\n`;
}

/** Parses one line; errors name `file:line`. */
export function parseDocumentLine(text: string, where: string): DocumentLine {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KgError('INPUT_MALFORMED', `not a JSON line: ${error instanceof Error ? error.message : String(error)}`, { subject: where });
  }
  const parsed = DocumentLine.safeParse(json);
  if (!parsed.success) {
    const problems = issuesText(parsed.error.issues, { limit: 3, root: 'line' });
    throw new KgError('INPUT_MALFORMED', `not a document line of kg extract --jsonl (${problems})`, { subject: where });
  }
  return parsed.data;
}

export type LineResult = { ok: true; line: DocumentLine; where: string } | { ok: false; path: string; error: KgError };

/**
 * Streams the document lines of the files (`-` for standard input), one file after the other, one
 * line at a time. A bad line or a file that cannot be read is yielded as a failure and the rest goes on.
 */
export async function* readDocumentLines(files: readonly string[]): AsyncGenerator<LineResult> {
  for (const file of files) {
    const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
    const lines = createInterface({ input, crlfDelay: Infinity });
    let number = 0;
    try {
      for await (const text of lines) {
        number += 1;
        if (text.trim() === '') continue;
        const where = `${file}:${number}`;
        try {
          yield { ok: true, line: parseDocumentLine(text, where), where };
        } catch (error) {
          if (!(error instanceof KgError)) throw error;
          yield { ok: false, path: where, error };
        }
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      const message = code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${error instanceof Error ? error.message : String(error)}`;
      yield { ok: false, path: file, error: new KgError(code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE', message, { subject: file, cause: error }) };
    } finally {
      lines.close();
    }
  }
}
