// What `kg view` shows, as one typed value: documents with their text and entity mentions, entities,
// facts (relationships) with their evidence sentences, and the Browser style. It is built from an
// extracted graph (files or a `kg extract` JSON file) or from the database, and embedded in the page
// as JSON, which the page's script renders; the page itself holds no other data.
import { z } from 'zod';
import type { Graph } from '../model/graph.ts';
import { relationshipId } from '../model/graph.ts';
import { RelationshipType } from '../model/vocabulary.ts';
import { ViewStyle, styledLabel } from './style.ts';

export const ViewEntity = z.object({
  key: z.string(),
  name: z.string(),
  labels: z.array(z.string()),
  /** The label whose colour it takes (see styledLabel). */
  styleLabel: z.string(),
  /** The Browser caption template filled in (`{name}` for every label today). */
  caption: z.string(),
});
export type ViewEntity = z.infer<typeof ViewEntity>;

export const ViewMention = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), key: z.string() });
export type ViewMention = z.infer<typeof ViewMention>;

export const ViewDocument = z.object({
  docId: z.string(),
  title: z.string().optional(),
  docType: z.string().optional(),
  asOf: z.string().optional(),
  /** The text the offsets index; null when it is not available (extracted with --no-text, stored without it). */
  text: z.string().nullable(),
  mentions: z.array(ViewMention),
});
export type ViewDocument = z.infer<typeof ViewDocument>;

export const ViewEvidence = z.object({
  docId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  sentence: z.string(),
  rule: z.string(),
  confidence: z.number(),
});
export type ViewEvidence = z.infer<typeof ViewEvidence>;

export const ViewFact = z.object({
  /** The relationship's identity, type|start|end (its `key` in Neo4j). */
  id: z.string(),
  type: RelationshipType,
  start: z.string(),
  end: z.string(),
  /** Its properties for reading: every value as text, lists joined. */
  properties: z.record(z.string(), z.string()),
  /** The Browser caption template filled in (`<type>`, `{amount} {currency}`). */
  caption: z.string(),
  evidence: z.array(ViewEvidence),
});
export type ViewFact = z.infer<typeof ViewFact>;

export const ViewData = z.object({
  title: z.string(),
  /** Where the graph came from, in words (input files, a JSON file, the database and company). */
  source: z.string(),
  documents: z.array(ViewDocument),
  entities: z.array(ViewEntity),
  facts: z.array(ViewFact),
  style: ViewStyle,
});
export type ViewData = z.infer<typeof ViewData>;

/**
 * A property value as text: lists joined with commas, large whole numbers (money) with thousands
 * separators (5,000,000; a year such as 2007 stays as it is), everything else as JSON would print it.
 */
export function propertyText(value: unknown): string {
  if (Array.isArray(value)) return value.map(propertyText).join(', ');
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 10_000) return value.toLocaleString('en-US');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/**
 * A Browser caption template filled in: `<type>` is the relationship type, `{name}` a property.
 * A template whose properties are all missing gives `fallback` (the Browser shows an empty caption;
 * a page reader is better served by the type or name).
 */
export function fillCaption(template: string, values: Record<string, string>, type: string, fallback: string): string {
  // A count, not a flag: TypeScript does not see the callbacks set it, and would narrow a boolean to `false`.
  let placeholdersFilled = 0;
  const filled = template
    .replace(/<type>/g, () => {
      placeholdersFilled++;
      return type;
    })
    .replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_whole, name: string) => {
      const value = values[name];
      if (value === undefined || value === '') return '';
      placeholdersFilled++;
      return value;
    })
    .replace(/\s+/g, ' ')
    .trim();
  return placeholdersFilled > 0 && filled !== '' ? filled : fallback;
}

/**
 * An entity as the page shows it, captioned as the Browser style says: `{name}` for most labels, a
 * property of the entity for others (a Deal's and a Payment's `{caption}`, "license · $75M upfront"),
 * its name when the entity lacks that property.
 */
export function viewEntity(entity: { key: string; name: string; labels: readonly string[]; properties?: Record<string, unknown> }, style: ViewStyle): ViewEntity {
  const labels = entity.labels.filter((l) => l !== 'Entity');
  const styleLabel = styledLabel(labels, style);
  const template = (style.labels[styleLabel] ?? style.node).caption;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(entity.properties ?? {})) if (typeof value === 'string') values[name] = value;
  return { key: entity.key, name: entity.name, labels, styleLabel, caption: fillCaption(template, { ...values, name: entity.name, key: entity.key }, '', entity.name) };
}

export function viewFact(fact: { type: RelationshipType; start: string; end: string; properties: Record<string, unknown>; evidence: readonly ViewEvidence[] }, style: ViewStyle): ViewFact {
  const properties: Record<string, string> = {};
  for (const key of Object.keys(fact.properties).sort()) {
    const text = propertyText(fact.properties[key]);
    if (text !== '') properties[key] = text;
  }
  const template = (style.types[fact.type] ?? style.relationship).caption;
  return {
    id: relationshipId(fact),
    type: fact.type,
    start: fact.start,
    end: fact.end,
    properties,
    caption: fillCaption(template, properties, fact.type, fact.type),
    evidence: [...fact.evidence].sort(compareEvidence),
  };
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareEvidence(a: ViewEvidence, b: ViewEvidence): number {
  return byString(a.docId, b.docId) || a.start - b.start || a.end - b.end || byString(a.rule, b.rule);
}

/**
 * Facts in reading order: by their first evidence (document, then offset), so the list follows the
 * text; then by identity.
 */
export function readingOrder(facts: ViewFact[], documentOrder: readonly string[]): ViewFact[] {
  const rank = new Map(documentOrder.map((docId, i) => [docId, i]));
  const first = (f: ViewFact): { doc: number; start: number } => {
    const e = f.evidence[0];
    return e === undefined ? { doc: Infinity, start: Infinity } : { doc: rank.get(e.docId) ?? Infinity, start: e.start };
  };
  return [...facts].sort((a, b) => {
    const fa = first(a);
    const fb = first(b);
    return fa.doc - fb.doc || fa.start - fb.start || byString(a.id, b.id);
  });
}

/**
 * Whether the text highlights an entity's mentions: names are highlighted, but a Deal's or a Payment's
 * mentions are the whole sentences that state them, which would cover the sentences' own highlights.
 */
export function highlightsMentions(labels: readonly string[]): boolean {
  return !labels.includes('Deal') && !labels.includes('Payment');
}

/** The view of an extracted graph (`kg extract`'s exchange format): every document, entity and fact. */
export function viewFromGraph(graph: Graph, style: ViewStyle, source: string): ViewData {
  const documents: ViewDocument[] = graph.documents.map((d) => {
    const doc: ViewDocument = { docId: d.docId, docType: d.docType, text: d.text ?? null, mentions: [] };
    if (d.title !== undefined) doc.title = d.title;
    if (d.asOf !== undefined) doc.asOf = d.asOf;
    return doc;
  });
  const byDocId = new Map(documents.map((d) => [d.docId, d]));
  for (const entity of graph.entities) {
    if (!highlightsMentions(entity.labels)) continue;
    for (const m of entity.mentions) byDocId.get(m.docId)?.mentions.push({ start: m.start, end: m.end, key: entity.key });
  }
  for (const d of documents) d.mentions.sort((a, b) => a.start - b.start || b.end - a.end || byString(a.key, b.key));
  const facts = graph.relationships.map((r) =>
    viewFact({ type: r.type, start: r.start, end: r.end, properties: r.properties, evidence: r.evidence.map((e) => ({ docId: e.docId, start: e.start, end: e.end, sentence: e.sentence, rule: e.rule, confidence: e.confidence })) }, style),
  );
  return {
    title: pageTitle(documents),
    source,
    documents,
    entities: graph.entities.map((e) => viewEntity(e, style)),
    facts: readingOrder(
      facts,
      documents.map((d) => d.docId),
    ),
    style,
  };
}

/** The page title: the first document title (else the first id), and how many more documents there are. */
export function pageTitle(documents: readonly { docId: string; title?: string | undefined }[]): string {
  const first = documents[0];
  if (first === undefined) return 'No documents';
  const name = documents.find((d) => d.title !== undefined && d.title !== '')?.title ?? first.docId;
  const more = documents.length - 1;
  return more === 0 ? name : `${name} (and ${more} more document${more === 1 ? '' : 's'})`;
}
