// CSV files in the format of `neo4j-admin database import full`: a header row naming each column
// (`key:ID(Entity)`, `:LABEL`, `:START_ID(Entity)`, `:END_ID(Entity)`, `:TYPE`, properties with their
// type: `amount:double`, `year:long`, `aliases:string[]`, `asOf:date`), then one row per node or
// relationship. Values come as the write plan's parameters (write-plan.ts), so each one is typed as
// the transactional writer would store it: CypherInt → long, other numbers → double, CypherDate →
// date, lists element-wise. A property whose type differs between rows (an amount that is whole in one
// row and fractional in another) cannot share a column, so rows go to a group of files, each with a
// fixed header, and a row that fits none of the open headers starts a new file.
//
// Quoting: every string is quoted (so "" is an empty string, and an empty unquoted field is an absent
// property), quotes are doubled (RFC 4180). List elements and labels are separated by U+001F (the
// ASCII unit separator), which documents do not contain; a value that does is refused (the document
// then fails alone). Values spanning lines need the importer's slower multi-line parser; each file
// records whether it has any, so an export without them is parsed the fast way.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KgError } from '../errors.ts';
import { CypherDate, CypherInt, type ParamValue } from '../writers/write-plan.ts';

/** Between list elements and labels; given to neo4j-admin as --array-delimiter=U+001F. */
export const ARRAY_DELIMITER = '\u001f';
export const ARRAY_DELIMITER_OPTION = 'U+001F';

export type ScalarType = 'string' | 'long' | 'double' | 'boolean' | 'date';
export type ColumnType = ScalarType | `${ScalarType}[]`;

/** A property value ready for a CSV field: its column type and its text (quoted where needed). */
export interface TypedValue {
  type: ColumnType;
  text: string;
  multiline: boolean;
}

/** A property name usable in a header (`name:type`); names come from the extractors' code, never documents. */
const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function checkPropertyName(name: string): string {
  if (!PROPERTY_NAME.test(name)) throw new KgError('SCHEMA_INVALID', `property name "${name}" cannot be a column of the import files (letters, digits and _ only)`);
  return name;
}

const NEWLINE = /[\r\n]/;

/** A string as a quoted CSV field. */
export function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function scalar(value: ParamValue, inList: boolean): { type: ScalarType; text: string } {
  if (value instanceof CypherInt) {
    if (!Number.isSafeInteger(value.value)) throw new KgError('SCHEMA_INVALID', `integer ${value.value} is beyond what the import reads exactly`);
    return { type: 'long', text: String(value.value) };
  }
  if (value instanceof CypherDate) return { type: 'date', text: value.iso };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new KgError('SCHEMA_INVALID', `number ${value} cannot be stored`);
    return { type: 'double', text: String(value) };
  }
  if (typeof value === 'boolean') return { type: 'boolean', text: String(value) };
  if (typeof value === 'string') {
    if (inList && value.includes(ARRAY_DELIMITER)) {
      throw new KgError('SCHEMA_INVALID', 'a list value contains U+001F, the separator of list elements in the import files; load this document with kg ingest');
    }
    return { type: 'string', text: value };
  }
  throw new KgError('SCHEMA_INVALID', `a ${value === null ? 'null' : Array.isArray(value) ? 'nested list' : 'map'} cannot be a property value`);
}

/**
 * The typed CSV field of a property value; undefined for null (no property) and for an empty list,
 * which the import cannot express (it stores no property): the caller records those and sets them
 * after the import.
 */
export function typedValue(value: ParamValue): TypedValue | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const elements = value.map((v) => scalar(v, true));
    const type = elements[0]?.type ?? 'string';
    // The write plan keeps lists of one kind (integral lists become Integers, others stay Floats).
    if (elements.some((e) => e.type !== type)) throw new KgError('SCHEMA_INVALID', `a list mixes ${[...new Set(elements.map((e) => e.type))].join(' and ')} values`);
    const joined = elements.map((e) => e.text).join(ARRAY_DELIMITER);
    return { type: `${type}[]`, text: type === 'string' ? quoted(joined) : joined, multiline: type === 'string' && NEWLINE.test(joined) };
  }
  const { type, text } = scalar(value, false);
  return { type, text: type === 'string' ? quoted(text) : text, multiline: type === 'string' && NEWLINE.test(text) };
}

export interface CsvRow {
  /** Values of the group's fixed columns (ids, labels, type), already as field text. */
  fixed: readonly string[];
  properties: ReadonlyMap<string, TypedValue>;
}

/** One import file of a group: its header's property columns, and whether a value spans lines. */
export interface CsvFileInfo {
  file: string;
  rows: number;
  multiline: boolean;
}

const FLUSH_AT = 1 << 20;

class CsvFile {
  readonly columns: Map<string, ColumnType>;
  private readonly order: string[];
  private readonly fd: number;
  private buffer = '';
  rows = 0;
  multiline = false;

  constructor(
    readonly path: string,
    readonly name: string,
    fixedHeader: readonly string[],
    columns: Map<string, ColumnType>,
  ) {
    this.columns = columns;
    this.order = [...columns.keys()].sort();
    this.fd = openSync(path, 'w');
    this.buffer = `${[...fixedHeader, ...this.order.map((c) => `${c}:${columns.get(c) ?? 'string'}`)].join(',')}\n`;
  }

  write(row: CsvRow): void {
    const fields = [...row.fixed];
    for (const name of this.order) {
      const value = row.properties.get(name);
      fields.push(value === undefined ? '' : value.text);
      if (value?.multiline === true) this.multiline = true;
    }
    this.buffer += `${fields.join(',')}\n`;
    this.rows += 1;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.buffer !== '') writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** A header's property columns; its file is opened by the first row written to it. */
interface Header {
  columns: Map<string, ColumnType>;
  file: CsvFile | undefined;
}

function conflicts(columns: ReadonlyMap<string, ColumnType>, properties: ReadonlyMap<string, TypedValue>): boolean {
  for (const [name, value] of properties) {
    const type = columns.get(name);
    if (type !== undefined && type !== value.type) return true;
  }
  return false;
}

/**
 * The files of one kind of node or relationship (`nodes-entity-0.csv`, `nodes-entity-1.csv`, …).
 * When every row is known before writing (the merged entities and relationships), `declare` each
 * row first: rows share a header unless a property's type conflicts, so they usually fit one file.
 * Rows that stream (documents, evidence, mentions) go to the newest header that has all their
 * properties with their types; when none has, a new header adds the row's columns to those of the
 * newest one (minus any that conflict in type), so later rows of the same shape fit it.
 */
export class CsvGroup {
  private readonly headers: Header[] = [];

  constructor(
    private readonly dir: string,
    /** File name prefix, e.g. `nodes-entity`. */
    readonly prefix: string,
    private readonly fixedHeader: readonly string[],
  ) {}

  /** Makes room for a row to come: its columns join the first header they do not conflict with. */
  declare(properties: ReadonlyMap<string, TypedValue>): void {
    let header = this.headers.find((h) => h.file === undefined && !conflicts(h.columns, properties));
    if (!header) {
      header = { columns: new Map(), file: undefined };
      this.headers.push(header);
    }
    for (const [name, value] of properties) header.columns.set(name, value.type);
  }

  write(row: CsvRow): void {
    let header: Header | undefined;
    for (let i = this.headers.length - 1; i >= 0 && !header; i--) {
      const candidate = this.headers[i];
      if (candidate && [...row.properties].every(([name, value]) => candidate.columns.get(name) === value.type)) header = candidate;
    }
    if (!header) {
      const columns = new Map<string, ColumnType>();
      for (const [name, type] of this.headers.at(-1)?.columns ?? []) {
        const wanted = row.properties.get(name)?.type;
        if (wanted === undefined || wanted === type) columns.set(name, type);
      }
      for (const [name, value] of row.properties) columns.set(name, value.type);
      header = { columns, file: undefined };
      this.headers.push(header);
    }
    if (!header.file) {
      const name = `${this.prefix}-${this.headers.filter((h) => h.file !== undefined).length}.csv`;
      header.file = new CsvFile(join(this.dir, name), name, this.fixedHeader, header.columns);
    }
    header.file.write(row);
  }

  /** Closes the files; returns what was written (a group with no rows has no files). */
  close(): CsvFileInfo[] {
    const files = this.headers.flatMap((h) => (h.file ? [h.file] : []));
    for (const f of files) f.close();
    return files.map((f) => ({ file: f.name, rows: f.rows, multiline: f.multiline }));
  }
}

/** The typed properties of a parameter map; empty lists are returned apart (see typedValue). */
export function typedProperties(properties: Readonly<Record<string, ParamValue>>, skip: ReadonlySet<string> = new Set()): { typed: Map<string, TypedValue>; emptyLists: string[] } {
  const typed = new Map<string, TypedValue>();
  const emptyLists: string[] = [];
  for (const name of Object.keys(properties).sort()) {
    if (skip.has(name)) continue;
    const value = properties[name];
    if (value === undefined) continue;
    checkPropertyName(name);
    if (Array.isArray(value) && value.length === 0) emptyLists.push(name);
    const t = typedValue(value);
    if (t !== undefined) typed.set(name, t);
  }
  return { typed, emptyLists };
}
