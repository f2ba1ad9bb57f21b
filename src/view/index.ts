// `kg view`: a self-contained HTML page that shows what the graph says and why, for a person to check
// it: the documents with their entities highlighted by label (the Neo4j Browser style's colours), the
// facts with their sentences (clicking one shows its sentence in the text) and the graph. Its view
// comes from input files (extracted as `kg extract` does), from a `kg extract` JSON file, or from the
// database (one company's facts). The CLI only parses options and calls writeViewPage.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Neo4jConfig } from '../config.ts';
import { KgError, issuesText } from '../errors.ts';
import { Graph } from '../model/graph.ts';
import { extractGraph } from '../pipeline.ts';
import { viewFromDatabase } from './from-db.ts';
import { viewFromGraph, type ViewData } from './model.ts';
import { renderPage } from './page.ts';
import { loadViewStyle } from './style.ts';

export { renderPage, escapeHtml, scriptJson } from './page.ts';
export { viewFromGraph, ViewData } from './model.ts';
export { viewOfCompany, viewFromDatabase } from './from-db.ts';
export { loadViewStyle, parseGrass, resolveStyle, ViewStyle } from './style.ts';

/** Where a page's graph comes from. */
export type ViewSource = { kind: 'files'; inputs: readonly string[]; docTimeoutMs?: number; workers?: number } | { kind: 'json'; path: string } | { kind: 'database'; company: string; config: Neo4jConfig };

export interface ViewResult {
  view: ViewData;
  /** Inputs that could not be extracted (files only); the page shows the others. */
  failures: { path: string; error: KgError }[];
}

/** The graph of a `kg extract --format json` file, checked against the exchange schema. */
export function readGraphJson(path: string): Graph {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    throw new KgError(code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_UNREADABLE', code === 'ENOENT' ? 'no such file' : `cannot read: ${error instanceof Error ? error.message : String(error)}`, { subject: path });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new KgError('INPUT_MALFORMED', `not JSON (${error instanceof Error ? error.message : String(error)}); give the output of kg extract --format json`, { subject: path });
  }
  const parsed = Graph.safeParse(json);
  if (!parsed.success) {
    const issues = issuesText(parsed.error.issues, { limit: 3 });
    throw new KgError('SCHEMA_INVALID', `not a kg extract graph (schema/graph.schema.json): ${issues}`, { subject: path });
  }
  return parsed.data;
}

/** The view of a source, with the inputs that failed (an extraction run goes on past a bad file). */
export async function buildView(source: ViewSource): Promise<ViewResult> {
  const style = loadViewStyle();
  switch (source.kind) {
    case 'files': {
      const options: { docTimeoutMs?: number; workers?: number } = {};
      if (source.docTimeoutMs !== undefined) options.docTimeoutMs = source.docTimeoutMs;
      if (source.workers !== undefined) options.workers = source.workers;
      const { graph, failures } = await extractGraph(source.inputs, options);
      const names = source.inputs.length === 1 ? source.inputs[0] : `${source.inputs.length} inputs`;
      return { view: viewFromGraph(graph, style, `Extracted from ${names}`), failures };
    }
    case 'json':
      return { view: viewFromGraph(readGraphJson(source.path), style, `From ${source.path}`), failures: [] };
    case 'database':
      return { view: await viewFromDatabase(source.config, source.company, style), failures: [] };
  }
}

/** Builds the page for a source and writes it to `out`; returns the view, failures and page size. */
export async function writeViewPage(source: ViewSource, out: string): Promise<ViewResult & { bytes: number }> {
  const result = await buildView(source);
  const html = renderPage(result.view);
  try {
    writeFileSync(out, html);
  } catch (error) {
    throw new KgError('USAGE', `cannot write the page: ${error instanceof Error ? error.message : String(error)}`, { subject: out });
  }
  return { ...result, bytes: Buffer.byteLength(html) };
}
