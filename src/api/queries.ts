// Named example queries: cypher/queries/NAME.cypher. The header comment says what the query answers
// and declares its parameters with defaults (`// @param name default`, the default a JSON literal),
// so every query runs as it is; callers override parameters by name.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CYPHER_DIR } from '../knowledge/files.ts';
import { KgError } from '../errors.ts';
import { CypherInt, type ParamValue } from '../writers/write-plan.ts';
import { Neo4jGraphStore } from '../writers/neo4j.ts';
import { isGraphValue } from '../writers/neo4j-values.ts';
import type { Neo4jConfig } from '../config.ts';

const QUERY_DIR = join(CYPHER_DIR, 'queries');
const QUERY_NAME = /^[a-z0-9][a-z0-9-]*$/;

export interface QueryParameter {
  name: string;
  defaultValue: string | number | boolean;
}

export interface NamedQuery {
  name: string;
  /** The header's prose: what the query answers. */
  description: string;
  parameters: QueryParameter[];
  cypher: string;
}

function parseDefault(raw: string, name: string, query: string): string | number | boolean {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  } catch {
    // not JSON: the bare word is the default string
  }
  if (raw === '') throw new KgError('QUERY_NOT_FOUND', `parameter "${name}" has no default (write \`// @param ${name} ""\`)`, { subject: query });
  return raw;
}

/** Reads a query's header: leading `//` lines; `@param name default` lines declare parameters. */
export function parseQuery(name: string, text: string): NamedQuery {
  const description: string[] = [];
  const parameters: QueryParameter[] = [];
  for (const line of text.split(/\r?\n/)) {
    const comment = /^\s*\/\/\s?(.*)$/.exec(line);
    if (!comment) break;
    const body = comment[1] ?? '';
    const param = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*(.*)$/.exec(body.trim());
    if (param) parameters.push({ name: param[1] ?? '', defaultValue: parseDefault((param[2] ?? '').trim(), param[1] ?? '', name) });
    else description.push(body.trim());
  }
  return { name, description: description.join(' ').trim(), parameters, cypher: text.trimEnd() };
}

/** Every query of cypher/queries, by name. */
export function listQueries(): NamedQuery[] {
  return readdirSync(QUERY_DIR)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => f.slice(0, -'.cypher'.length))
    .map(loadQuery);
}

export function loadQuery(name: string): NamedQuery {
  if (!QUERY_NAME.test(name)) throw new KgError('QUERY_NOT_FOUND', `"${name}" is not a query name (lower-case letters, digits and hyphens)`, { subject: name });
  let text: string;
  try {
    text = readFileSync(join(QUERY_DIR, `${name}.cypher`), 'utf8');
  } catch {
    const known = readdirSync(QUERY_DIR)
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => f.slice(0, -7))
      .sort();
    throw new KgError('QUERY_NOT_FOUND', `no query named "${name}"; known queries: ${known.join(', ')}`, { subject: name });
  }
  return parseQuery(name, text);
}

/**
 * The parameters to run a query with: its defaults, overridden by `given` (text from a command line,
 * converted to the default's type). Whole numbers become Integers, so `LIMIT $limit` works.
 */
export function queryParameters(query: NamedQuery, given: Record<string, string> = {}): Record<string, ParamValue> {
  const known = new Set(query.parameters.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      throw new KgError('USAGE', `query "${query.name}" has no parameter "${name}"; it takes: ${[...known].join(', ') || 'none'}`, { subject: query.name });
    }
  }
  const out: Record<string, ParamValue> = {};
  for (const p of query.parameters) {
    const raw = given[p.name];
    let value: string | number | boolean = p.defaultValue;
    if (raw !== undefined) {
      if (typeof p.defaultValue === 'number') {
        value = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(value)) throw new KgError('USAGE', `parameter "${p.name}" must be a number, got "${raw}"`, { subject: query.name });
      } else if (typeof p.defaultValue === 'boolean') {
        if (raw !== 'true' && raw !== 'false') throw new KgError('USAGE', `parameter "${p.name}" must be true or false, got "${raw}"`, { subject: query.name });
        value = raw === 'true';
      } else value = raw;
    }
    out[p.name] = typeof value === 'number' && Number.isInteger(value) ? new CypherInt(value) : value;
  }
  return out;
}

export interface QueryResult {
  query: NamedQuery;
  params: Record<string, ParamValue>;
  /** Rows as plain data: numbers, strings, ISO dates, lists and maps. */
  rows: Record<string, unknown>[];
}

/** Runs `cypher/queries/NAME.cypher` with its defaults overridden by `given`. */
export async function runQuery(name: string, given: Record<string, string>, config: Neo4jConfig): Promise<QueryResult> {
  const query = loadQuery(name);
  const params = queryParameters(query, given);
  const store = await Neo4jGraphStore.open(config);
  try {
    return { query, params, rows: await store.read(query.cypher, params) };
  } finally {
    await store.close();
  }
}

/** A value inside a cell: strings bare, nodes, relationships and paths as readable text, else JSON. */
function inner(value: unknown): string {
  if (typeof value === 'string') return value;
  return isGraphValue(value) ? value.text() : JSON.stringify(value);
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (isGraphValue(value)) return value.text();
  if (Array.isArray(value)) return value.map(inner).join(', ');
  if (typeof value === 'object') {
    // Maps print their non-null entries only: projections such as `r {.*, docIds: null}` null out noise.
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
    return entries.map(([k, v]) => `${k}=${inner(v)}`).join(' ');
  }
  // Rows are plain data (toPlain): what is left is a number or a boolean.
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

/**
 * Rows as a plain-text table, long cells cut to `maxWidth`. The columns are `columns` when given (a
 * statement's RETURN order, known even without rows), else the first row's keys.
 */
export function formatTable(rows: readonly Record<string, unknown>[], maxWidth = 80, columns?: readonly string[]): string {
  const first = rows[0];
  if (!first && (columns === undefined || columns.length === 0)) return '(no rows)\n';
  const names = columns ?? Object.keys(first ?? {});
  const clip = (s: string): string => {
    const flat = s.replace(/\s+/g, ' ');
    return flat.length > maxWidth ? `${flat.slice(0, maxWidth - 1)}…` : flat;
  };
  const cells = rows.map((row) => names.map((c) => clip(cell(row[c]))));
  const widths = names.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (values: readonly string[]): string =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd();
  const out = [line(names), widths.map((w) => '-'.repeat(w)).join('-+-'), ...cells.map(line)];
  const count = rows.length === 0 ? 'no rows' : `${rows.length} row${rows.length === 1 ? '' : 's'}`;
  return `${out.join('\n')}\n(${count})\n`;
}
