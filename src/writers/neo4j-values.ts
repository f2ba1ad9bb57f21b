// Values of an arbitrary Cypher result (`kg cypher`, `runCypher`) as driver-free data: numbers,
// strings, ISO temporal strings, lists and maps, and nodes, relationships and paths as small classes
// that print readably (`(:Company {name: "ImmunoGen", …})`, `[:LICENSES_TO {…}]`) and serialise to
// plain JSON. Beside neo4j.ts, the only module that looks inside driver values.
import neo4j from 'neo4j-driver';
import { toPlain } from './neo4j.ts';

/** A property value or a whole map, in Cypher literal style: strings quoted, maps `{key: value}`. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value instanceof ResultNode || value instanceof ResultRelationship || value instanceof ResultPath) return value.text();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') return String(value);
  // What is left is an object: a map.
  return `{${Object.entries(value)
    .map(([k, v]) => `${k}: ${literal(v)}`)
    .join(', ')}}`;
}

/** Properties with `name` and `key` first (what a reader looks for), then the rest by name. */
function orderedProperties(properties: Record<string, unknown>): [string, unknown][] {
  const rank = (k: string): number => (k === 'name' ? 0 : k === 'key' ? 1 : 2);
  return Object.entries(properties).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function propertyText(properties: Record<string, unknown>): string {
  const entries = orderedProperties(properties);
  return entries.length === 0 ? '' : ` {${entries.map(([k, v]) => `${k}: ${literal(v)}`).join(', ')}}`;
}

export class ResultNode {
  constructor(
    readonly elementId: string,
    readonly labels: string[],
    readonly properties: Record<string, unknown>,
  ) {}

  /** `(:Company:Entity {name: "ImmunoGen", key: "company:immunogen", …})` */
  text(): string {
    return `(${this.labels.map((l) => `:${l}`).join('')}${propertyText(this.properties)})`;
  }

  /** `(:Company {name: "ImmunoGen"})`: the name alone (else the key, else every property), for paths. */
  shortText(): string {
    const { name, key, docId } = this.properties;
    const brief = name !== undefined ? { name } : key !== undefined ? { key } : docId !== undefined ? { docId } : this.properties;
    return `(${this.labels.map((l) => `:${l}`).join('')}${propertyText(brief)})`;
  }

  toJSON(): unknown {
    return { elementId: this.elementId, labels: this.labels, properties: Object.fromEntries(orderedProperties(this.properties)) };
  }
}

export class ResultRelationship {
  constructor(
    readonly elementId: string,
    readonly type: string,
    readonly startElementId: string,
    readonly endElementId: string,
    readonly properties: Record<string, unknown>,
  ) {}

  /** `[:LICENSES_TO {exclusive: true, …}]` */
  text(): string {
    return `[:${this.type}${propertyText(this.properties)}]`;
  }

  toJSON(): unknown {
    return {
      elementId: this.elementId,
      type: this.type,
      startElementId: this.startElementId,
      endElementId: this.endElementId,
      properties: Object.fromEntries(orderedProperties(this.properties)),
    };
  }
}

export class ResultPath {
  constructor(
    readonly nodes: ResultNode[],
    readonly relationships: ResultRelationship[],
  ) {}

  /** `(:Company {name: "A"})-[:LICENSES_TO]->(:Company {name: "B"})<-[:DEVELOPS]-(…)`, directions as stored. */
  text(): string {
    let out = this.nodes[0]?.shortText() ?? '()';
    this.relationships.forEach((r, i) => {
      const from = this.nodes[i];
      const forward = from === undefined || r.startElementId === from.elementId;
      out += forward ? `-[:${r.type}]->` : `<-[:${r.type}]-`;
      out += this.nodes[i + 1]?.shortText() ?? '()';
    });
    return out;
  }

  toJSON(): unknown {
    return { nodes: this.nodes, relationships: this.relationships };
  }
}

export type ResultValue = null | string | number | boolean | ResultNode | ResultRelationship | ResultPath | ResultValue[] | { [key: string]: ResultValue };

export function isGraphValue(value: unknown): value is ResultNode | ResultRelationship | ResultPath {
  return value instanceof ResultNode || value instanceof ResultRelationship || value instanceof ResultPath;
}

function properties(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
  return out;
}

/** The labels as stored, except that the base label `Entity`, which every entity has, goes last. */
function orderedLabels(labels: readonly string[]): string[] {
  return [...labels.filter((l) => l !== 'Entity'), ...labels.filter((l) => l === 'Entity')];
}

function resultNode(node: { elementId: string; labels: string[]; properties: Record<string, unknown> }): ResultNode {
  return new ResultNode(node.elementId, orderedLabels(node.labels), properties(node.properties));
}

function resultRelationship(r: { elementId: string; type: string; startNodeElementId: string; endNodeElementId: string; properties: Record<string, unknown> }): ResultRelationship {
  return new ResultRelationship(r.elementId, r.type, r.startNodeElementId, r.endNodeElementId, properties(r.properties));
}

/**
 * A driver value as a ResultValue: graph elements become ResultNode / ResultRelationship / ResultPath,
 * everything else what toPlain makes of it (Integers to numbers, temporal values to ISO strings).
 */
export function toResultValue(value: unknown): ResultValue {
  if (value === null || value === undefined) return null;
  if (neo4j.isNode(value)) return resultNode(value);
  if (neo4j.isRelationship(value)) return resultRelationship(value);
  if (neo4j.isPath(value)) {
    const nodes = [resultNode(value.start), ...value.segments.map((s) => resultNode(s.end))];
    return new ResultPath(
      nodes,
      value.segments.map((s) => resultRelationship(s.relationship)),
    );
  }
  if (Array.isArray(value)) return value.map(toResultValue);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (neo4j.isInt(value) || neo4j.isDate(value) || neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) {
    const plain = toPlain(value);
    return typeof plain === 'number' || typeof plain === 'string' ? plain : String(plain);
  }
  if (neo4j.isPoint(value)) return value.toString();
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function') return String(value);
  // What is left is an object: a map.
  const out: { [key: string]: ResultValue } = {};
  for (const [k, v] of Object.entries(value)) out[k] = toResultValue(v);
  return out;
}
