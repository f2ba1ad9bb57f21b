// Cypher-file writer: a script of parameterised statements (`:param` + UNWIND) that recreates the
// graph in cypher-shell or Neo4j Browser. Values travel as parameters, never inside the Cypher text:
// each statement of the write plan (the same statements `kg ingest` runs) is preceded by `:param`
// lines whose values are Cypher literals built by `cypherLiteral`, which escapes every string.
import type { Graph } from '../model/graph.ts';
import { CypherDate, CypherInt, forgetStatements, schemaStatements, splitByDocument, writeStatements, type ParamValue, type Statement } from './write-plan.ts';
import type { GraphWriter, TextSink } from './graph-writer.ts';

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function stringLiteral(s: string): string {
  let out = "'";
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    // Other control and line-separator characters would end a `:param` line or confuse a terminal.
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

function mapKey(key: string): string {
  return PLAIN_KEY.test(key) ? key : `\`${key.replace(/`/g, '``')}\``;
}

/** A parameter value as a Cypher literal: strings quoted and escaped, Integers bare, Floats with a point, dates as date(). */
export function cypherLiteral(value: ParamValue): string {
  if (value === null) return 'null';
  if (value instanceof CypherInt) return String(value.value);
  if (value instanceof CypherDate) return `date(${stringLiteral(value.iso)})`;
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'null';
    return Number.isInteger(value) ? value.toFixed(1) : String(value);
  }
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${mapKey(k)}: ${cypherLiteral(v)}`)
    .join(', ')}}`;
}

function renderStatement(s: Statement): string {
  const params = Object.entries(s.params).map(([name, value]) => `:param ${name} => ${cypherLiteral(value)}`);
  return `// ${s.name}\n${params.join('\n')}\n${s.cypher};\n`;
}

/**
 * The whole graph as a script: the schema, then per document the statements that remove an older
 * version of it and write the current one, so running the script twice changes nothing.
 */
export function toCypherScript(graph: Graph, options: { batchSize?: number } = {}): string {
  const parts: string[] = [
    `// ${graph.documents.length} documents, ${graph.entities.length} entities, ${graph.relationships.length} relationships`,
    '// Run with `cypher-shell -f FILE` or paste into Neo4j Browser. Values are parameters (:param), never inlined.',
    '',
    ...schemaStatements().map((s) => `${s};`),
    '',
  ];
  for (const part of splitByDocument(graph)) {
    const docId = part.documents[0]?.docId ?? '';
    parts.push(`// ==== document ${docId.replace(/[\r\n\u2028\u2029]/g, ' ')}`);
    for (const s of [...forgetStatements(docId), ...writeStatements(part, options)]) parts.push(renderStatement(s));
  }
  return `${parts.join('\n')}\n`;
}

/** `kg extract --format cypher`: the graph as a re-runnable Cypher script (toCypherScript) on a text sink. */
export class CypherScriptWriter implements GraphWriter {
  constructor(
    private readonly out: TextSink,
    private readonly options: { batchSize?: number } = {},
  ) {}

  write(graph: Graph): Promise<void> {
    return new Promise((resolve) => {
      this.out(toCypherScript(graph, this.options));
      resolve();
    });
  }
}
