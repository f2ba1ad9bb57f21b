// What a document's extraction says, as one hash: the writers store it on the Document node beside the
// content hash, so `kg ingest` skips a document only when both its text and what was extracted from it
// are unchanged. Without it, a new version of the extractor (new rules, new lexicon words) would leave
// every document already in the database with the old version's facts until the user thought of
// `--force`. The hash covers the graph as the extractor gave it (before resolution across documents,
// which depends on what the database already holds) with object keys sorted, so a graph that went
// through JSON or a schema check hashes the same; where the file was read from is left out (the same
// text under another path is the same extraction).
import { createHash } from 'node:crypto';
import type { DocumentInfo, Graph } from '../model/graph.ts';

/** The fields of a document row that say where it came from, not what was extracted from it. */
type Provenance = 'sourcePath' | 'copies' | 'extractionHash';

/** The hash of one document's extracted graph (see the header). */
export function extractionHash(graph: Graph): string {
  const hash = createHash('sha256');
  const documents = graph.documents.map(({ sourcePath: _path, copies: _copies, extractionHash: _hash, ...rest }): Omit<DocumentInfo, Provenance> => rest);
  writeCanonical({ ...graph, documents }, (chunk) => hash.update(chunk));
  return hash.digest('hex').slice(0, 16);
}

/** The graph with each of its documents carrying the hash of the graph's extraction (one document's graph, as the writers take them). */
export function withExtractionHash(graph: Graph): Graph {
  const value = extractionHash(graph);
  return { ...graph, documents: graph.documents.map((d) => ({ ...d, extractionHash: value })) };
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** JSON of `value` with object keys sorted at every depth (undefined properties left out, as JSON does), written in pieces. */
function writeCanonical(value: unknown, write: (chunk: string) => void): void {
  if (Array.isArray(value)) {
    write('[');
    value.forEach((item, i) => {
      if (i > 0) write(',');
      writeCanonical(item === undefined ? null : item, write);
    });
    write(']');
    return;
  }
  if (value !== null && typeof value === 'object') {
    write('{');
    let first = true;
    for (const [name, item] of Object.entries(value).sort(([a], [b]) => byString(a, b))) {
      if (item === undefined) continue;
      if (!first) write(',');
      first = false;
      write(JSON.stringify(name));
      write(':');
      writeCanonical(item, write);
    }
    write('}');
    return;
  }
  // Scalars only here (strings, numbers, booleans, null): the graph holds no functions or symbols.
  write(value === undefined ? 'null' : JSON.stringify(value));
}
