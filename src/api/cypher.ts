// Any Cypher statement against the deal graph (`kg cypher`): read-only unless writing is asked for
// (the server enforces it: the statement runs in a READ access-mode transaction), parameters passed
// as query parameters and never spliced into the text, results printed as a table, CSV or JSON.
import type { Neo4jConfig } from '../config.ts';
import { KgError } from '../errors.ts';
import { Neo4jGraphStore } from '../writers/neo4j.ts';
import { isGraphValue, toResultValue, type ResultValue } from '../writers/neo4j-values.ts';
import { CypherInt, type ParamValue, type Params } from '../writers/write-plan.ts';
import { formatTable } from './queries.ts';

export interface CypherOptions {
  /** Query parameters (`$name` in the statement). Whole numbers are sent as Integers. */
  params?: Record<string, unknown>;
  /** Allow the statement to write; without it a write is refused by the server (CYPHER_READ_ONLY). */
  write?: boolean;
}

export interface CypherResult {
  /** The statement's columns, in its RETURN order (also when there are no rows). */
  columns: string[];
  /** One object per row, keyed by column; nodes, relationships and paths as ResultNode/… objects. */
  rows: Record<string, ResultValue>[];
  /** The server's non-zero update counters (empty for a read). */
  updates: Record<string, number>;
}

export const CYPHER_FORMATS = ['table', 'json', 'csv'] as const;
export type CypherFormat = (typeof CYPHER_FORMATS)[number];

/** A JSON-like value as a query parameter: whole numbers become Integers (so `LIMIT $n` works). */
function toParam(value: unknown, name: string): ParamValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new KgError('USAGE', `parameter "${name}" is not a finite number`, { subject: 'cypher' });
    return Number.isSafeInteger(value) ? new CypherInt(value) : value;
  }
  if (value instanceof CypherInt) return value;
  if (Array.isArray(value)) return value.map((v) => toParam(v, name));
  if (typeof value === 'object') {
    const out: { [key: string]: ParamValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toParam(v, name);
    return out;
  }
  throw new KgError('USAGE', `parameter "${name}" has a value Cypher cannot take (${typeof value})`, { subject: 'cypher' });
}

/**
 * `key=value` pairs from a command line as parameters: a value that parses as JSON is that JSON
 * (`5`, `true`, `null`, `["a","b"]`, `{"k":1}`, `"5"` for the string), anything else is the text itself.
 */
export function parseCypherParams(pairs: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new KgError('USAGE', `--param wants key=value, got "${pair}"`);
    const name = pair.slice(0, eq);
    if (Object.hasOwn(out, name)) throw new KgError('USAGE', `--param ${name} is given twice`);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // not JSON: the text is the value
    }
    out[name] = value;
  }
  return out;
}

/** Runs one Cypher statement with parameters; read-only unless `write` is true. */
export async function runCypher(cypher: string, config: Neo4jConfig, options: CypherOptions = {}): Promise<CypherResult> {
  if (cypher.trim() === '') throw new KgError('USAGE', 'the query is empty', { subject: 'cypher' });
  const params: Params = {};
  for (const [name, value] of Object.entries(options.params ?? {})) params[name] = toParam(value, name);
  const store = await Neo4jGraphStore.open(config);
  try {
    const result = await store.runStatement(cypher, params, { write: options.write === true });
    const rows = result.records.map((values) => {
      const row: Record<string, ResultValue> = {};
      result.columns.forEach((column, i) => {
        row[column] = toResultValue(values[i]);
      });
      return row;
    });
    return { columns: result.columns, rows, updates: result.updates };
  } finally {
    await store.close();
  }
}

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell as CSV text: scalars as they are, graph elements as readable text, lists and maps as JSON. */
function csvCell(value: ResultValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isGraphValue(value)) return value.text();
  return JSON.stringify(value);
}

/** Rows as RFC 4180 CSV: a header row of the column names, CRLF line ends. */
export function formatCsv(columns: readonly string[], rows: readonly Record<string, ResultValue>[]): string {
  const lines = [columns.map(csvField).join(','), ...rows.map((row) => columns.map((c) => csvField(csvCell(row[c]))).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** The result in one of the output formats of `kg cypher`. */
export function formatCypherResult(result: CypherResult, format: CypherFormat): string {
  if (format === 'json') return `${JSON.stringify(result.rows, null, 2)}\n`;
  if (format === 'csv') return formatCsv(result.columns, result.rows);
  return formatTable(result.rows, 80, result.columns);
}

const SINGULAR: Record<string, string> = { nodes: 'node', relationships: 'relationship', properties: 'property', labels: 'label', indexes: 'index', constraints: 'constraint' };

/** The update counters as a sentence: `2 nodes created, 1 property set`. */
export function describeUpdates(updates: Record<string, number>): string {
  return Object.entries(updates)
    .map(([name, count]) => {
      const [things = name, ...rest] = name
        .replace(/([A-Z])/g, ' $1')
        .toLowerCase()
        .split(' ');
      return `${count} ${count === 1 ? (SINGULAR[things] ?? things) : things}${rest.length > 0 ? ` ${rest.join(' ')}` : ''}`;
    })
    .join(', ');
}
