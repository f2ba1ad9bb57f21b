// From `kg fetch` to `kg ingest`: the files a fetch left in the out dir as ingest inputs, and the
// annotation that gives each of their documents its EDGAR source (URL, accession, form, items), so
// the Document and Filing nodes say where the text came from. Extraction itself is unchanged: the
// full submission's own header already gives the filing's form, items and accession number.
import { join } from 'node:path';
import type { EdgarSource, Filing } from '../model/document.ts';
import type { Graph } from '../model/graph.ts';
import type { FetchSummary } from './fetch.ts';
import type { ManifestRow } from './manifest.ts';

export function edgarSource(row: ManifestRow): EdgarSource {
  return { url: row.url, cik: row.cik, accession: row.accession, form: row.form, items: [...row.items], filingDate: row.filingDate };
}

/** The graph with `source` on each document's filing (a document without filing data gets one from the source). */
export function withEdgarSource(graph: Graph, source: EdgarSource): Graph {
  return {
    ...graph,
    documents: graph.documents.map((doc) => {
      const filing: Filing = doc.filing ?? { form: source.form, registrants: [], items: source.items.map((code) => ({ code })), exhibits: [], filedDate: source.filingDate };
      return { ...doc, filing: { ...filing, accessionNumber: filing.accessionNumber ?? source.accession, edgar: source } };
    }),
  };
}

export interface EdgarInputs {
  /** The fetched full submissions, oldest first (the order they are ingested in). */
  paths: string[];
  /** For IngestOptions.annotate. */
  annotate: (path: string, graph: Graph) => Graph;
}

/** What `kg ingest --fetch` ingests after the fetch: every selected filing that is in the out dir. */
export function edgarInputs(summary: FetchSummary): EdgarInputs {
  const sources = new Map(summary.available.map((row) => [join(summary.outDir, row.path), edgarSource(row)]));
  return {
    paths: [...sources.keys()],
    annotate: (path, graph) => {
      const source = sources.get(path);
      return source === undefined ? graph : withEdgarSource(graph, source);
    },
  };
}
