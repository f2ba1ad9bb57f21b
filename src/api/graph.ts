// Typed lookups over a deal graph stored in Neo4j: `const g = await openGraph(config)`, then
// relationsOf, licenses, milestones, drugsTargeting, deals, evidence, documents; `g.close()` when done. Names
// resolve through keys, names and aliases case-insensitively; every result is validated with zod. Every
// row names its relationship by `key`, so any row can be handed to evidence() as it is.
import { z } from 'zod';
import type { Neo4jConfig } from '../config.ts';
import { KgError, issuesText } from '../errors.ts';
import { ENTITY_LABELS, RelationshipType } from '../model/vocabulary.ts';
import { DataFiles } from '../knowledge/files.ts';
import { loadNameKnowledge, type NameKnowledge } from '../knowledge/names.ts';
import { Neo4jGraphStore } from '../writers/neo4j.ts';
import { cypherText, type Params } from '../writers/write-plan.ts';
import { RawDealRow, checkedDealFilter, dealFromRow, type Deal, type DealFilter } from './deals.ts';

export const EntityRef = z.object({ key: z.string(), name: z.string(), labels: z.array(z.string()) });
export type EntityRef = z.infer<typeof EntityRef>;

/** One sentence supporting a relationship. */
export const EvidenceItem = z.object({
  docId: z.string(),
  sentence: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  rule: z.string(),
  confidence: z.number(),
  /** The sentence's span in the raw file, for a document rendered from HTML or a full submission. */
  rawStart: z.number().int().optional(),
  rawEnd: z.number().int().optional(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

const PropertyMap = z.record(z.string(), z.unknown());

/** The identity of a stored relationship, `TYPE|startKey|endKey` (the `fact` of its Evidence nodes). */
const RelationshipKey = z.string().min(1);

/** A fact relationship: its own properties (apart from the writer's key, documentCount and dates) and the documents that state it. */
export const GraphRelationship = z.object({
  key: RelationshipKey,
  type: RelationshipType,
  start: EntityRef,
  end: EntityRef,
  properties: PropertyMap,
  docIds: z.array(z.string()),
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
});
export type GraphRelationship = z.infer<typeof GraphRelationship>;

export const License = z.object({ key: RelationshipKey, licensor: EntityRef, licensee: EntityRef, properties: PropertyMap, docIds: z.array(z.string()), covers: z.array(EntityRef) });
export type License = z.infer<typeof License>;

export const Milestone = z.object({
  key: RelationshipKey,
  payee: EntityRef,
  payer: EntityRef,
  amount: z.number().optional(),
  currency: z.string().optional(),
  properties: PropertyMap,
  docIds: z.array(z.string()),
});
export type Milestone = z.infer<typeof Milestone>;

export const DrugTargeting = z.object({ key: RelationshipKey, drug: EntityRef, target: EntityRef, phases: z.array(z.string()), developers: z.array(EntityRef), docIds: z.array(z.string()) });
export type DrugTargeting = z.infer<typeof DrugTargeting>;

/** An entity a stored document mentions, with the offsets of each mention (starts[i], ends[i]). */
export const DocumentMention = EntityRef.extend({ starts: z.array(z.number().int()), ends: z.array(z.number().int()) });
export type DocumentMention = z.infer<typeof DocumentMention>;

/** A stored document with its provenance: the text its offsets index (null when stored without it) and its mentions. */
export const StoredDocument = z.object({
  docId: z.string(),
  title: z.string().nullable(),
  docType: z.string().nullable(),
  asOf: z.string().nullable(),
  text: z.string().nullable(),
  mentions: z.array(DocumentMention),
});
export type StoredDocument = z.infer<typeof StoredDocument>;

/**
 * What `evidence()` needs to find a relationship: its key (any row of relationsOf, licenses,
 * milestones or drugsTargeting has one), or its type and endpoint keys.
 */
export type RelationshipRef =
  | { key: string }
  | {
      type: RelationshipType;
      start: string | { key: string };
      end: string | { key: string };
    };

const EndRef = z.union([z.string().min(1), z.object({ key: z.string().min(1) })]);
/** RelationshipRef checked at run time (callers from plain JavaScript, rows of unknown shape); a key wins. */
const RelationshipRefSchema = z.union([z.object({ key: RelationshipKey }), z.object({ type: RelationshipType, start: EndRef, end: EndRef })]);

export interface DealGraph {
  /** Every fact relationship that touches the named entity, either direction. */
  relationsOf(name: string): Promise<GraphRelationship[]>;
  licenses(filter?: { licensor?: string; licensee?: string }): Promise<License[]>;
  milestones(filter?: { payee?: string; payer?: string }): Promise<Milestone[]>;
  drugsTargeting(target: string): Promise<DrugTargeting[]>;
  /**
   * Deal nodes (issue 18) with their parties in roles, assets, indications, payments and documents, in
   * date order; filtered by a party company, kind, a date they are on or after, and a least upfront.
   */
  deals(filter?: z.input<typeof DealFilter>): Promise<Deal[]>;
  /** The sentences behind one relationship (a row of the other lookups, or {type, start, end}), in document and offset order. */
  evidence(relationship: RelationshipRef): Promise<EvidenceItem[]>;
  /** Entity keys a name refers to (key, name or alias; case-insensitive). */
  resolve(name: string): Promise<string[]>;
  /** The stored documents among `docIds`, in id order, with their text and entity mentions. */
  documents(docIds: readonly string[]): Promise<StoredDocument[]>;
  close(): Promise<void>;
}

/** Properties the writer keeps on a fact relationship beside the extractors' own. */
const PROVENANCE = new Set(['key', 'documentCount', 'firstSeen', 'lastSeen']);

const Provenance = z.object({
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
});

/** One Evidence node: one document's sentences behind a relationship, as parallel lists. */
const EvidenceRow = z.object({
  docId: z.string(),
  sentences: z.array(z.string()),
  starts: z.array(z.number().int()),
  ends: z.array(z.number().int()),
  rules: z.array(z.string()),
  confidences: z.array(z.number()),
  rawStarts: z.array(z.number().int()).nullable(),
  rawEnds: z.array(z.number().int()).nullable(),
});

function ownProperties(all: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(all).sort()) if (!PROVENANCE.has(key)) out[key] = all[key];
  return out;
}

function parseRows<T>(schema: z.ZodType<T>, rows: unknown[], what: string): T[] {
  return rows.map((row) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      throw new KgError('SCHEMA_INVALID', `unexpected ${what} row from Neo4j: ${issuesText(parsed.error.issues)}`);
    }
    return parsed.data;
  });
}

const DocIds = z.array(z.string());
const RawRelationship = z.object({ key: RelationshipKey, type: RelationshipType, start: EntityRef, end: EntityRef, properties: PropertyMap, docIds: DocIds });
const RawLicense = z.object({ key: RelationshipKey, licensor: EntityRef, licensee: EntityRef, properties: PropertyMap, docIds: DocIds, covers: z.array(EntityRef) });
const RawMilestone = z.object({ key: RelationshipKey, payee: EntityRef, payer: EntityRef, properties: PropertyMap, docIds: DocIds });
const RawTargeting = z.object({ key: RelationshipKey, drug: EntityRef, target: EntityRef, properties: PropertyMap, docIds: DocIds, phases: z.array(z.string()), developers: z.array(EntityRef) });

class Neo4jDealGraph implements DealGraph {
  constructor(
    private readonly store: Neo4jGraphStore,
    private readonly names: NameKnowledge,
  ) {}

  private async run(name: string, params: Params): Promise<Record<string, unknown>[]> {
    return this.store.read(cypherText(name), params);
  }

  async resolve(name: string): Promise<string[]> {
    const trimmed = name.trim();
    if (trimmed === '') return [];
    // Candidate keys come from the resolver's own key function, so "Acme, Inc." finds company:acme.
    const keys = [...new Set([trimmed, ...ENTITY_LABELS.map((label) => this.names.entityKey(label, trimmed))])].sort();
    const rows = await this.run('read/resolve-entity', { keys, lowerName: trimmed.toLowerCase() });
    return rows.map((r) => String(r['key']));
  }

  /** Keys for an optional name filter: null = no filter; a name that resolves to nothing matches nothing. */
  private async filterKeys(name: string | undefined): Promise<string[] | null> {
    return name === undefined ? null : this.resolve(name);
  }

  async relationsOf(name: string): Promise<GraphRelationship[]> {
    const keys = await this.resolve(name);
    if (keys.length === 0) return [];
    const rows = parseRows(RawRelationship, await this.run('api/relations-of', { keys }), 'relationship');
    return rows.map((r) => {
      const provenance = Provenance.parse(r.properties);
      const out: GraphRelationship = { key: r.key, type: r.type, start: r.start, end: r.end, properties: ownProperties(r.properties), docIds: r.docIds };
      if (provenance.firstSeen !== undefined) out.firstSeen = provenance.firstSeen;
      if (provenance.lastSeen !== undefined) out.lastSeen = provenance.lastSeen;
      return GraphRelationship.parse(out);
    });
  }

  async licenses(filter: { licensor?: string; licensee?: string } = {}): Promise<License[]> {
    const licensorKeys = await this.filterKeys(filter.licensor);
    const licenseeKeys = await this.filterKeys(filter.licensee);
    const rows = parseRows(RawLicense, await this.run('api/licenses', { licensorKeys, licenseeKeys }), 'licence');
    return rows.map((r) => License.parse({ ...r, properties: ownProperties(r.properties) }));
  }

  async milestones(filter: { payee?: string; payer?: string } = {}): Promise<Milestone[]> {
    const payeeKeys = await this.filterKeys(filter.payee);
    const payerKeys = await this.filterKeys(filter.payer);
    const rows = parseRows(RawMilestone, await this.run('api/milestones', { payeeKeys, payerKeys }), 'milestone');
    return rows.map((r) => {
      const own = ownProperties(r.properties);
      const out: Milestone = { key: r.key, payee: r.payee, payer: r.payer, properties: own, docIds: r.docIds };
      if (typeof own['amount'] === 'number') out.amount = own['amount'];
      if (typeof own['currency'] === 'string') out.currency = own['currency'];
      return Milestone.parse(out);
    });
  }

  async drugsTargeting(target: string): Promise<DrugTargeting[]> {
    const keys = await this.resolve(target);
    if (keys.length === 0) return [];
    const rows = parseRows(RawTargeting, await this.run('api/drugs-targeting', { keys }), 'targeting');
    return rows.map((r) => DrugTargeting.parse({ key: r.key, drug: r.drug, target: r.target, phases: r.phases, developers: r.developers, docIds: r.docIds }));
  }

  async deals(filter: z.input<typeof DealFilter> = {}): Promise<Deal[]> {
    const checked: DealFilter = checkedDealFilter(filter);
    const companyKeys = await this.filterKeys(checked.company);
    if (companyKeys !== null && companyKeys.length === 0) return [];
    const rows = parseRows(RawDealRow, await this.run('api/deals', { companyKeys, kind: checked.kind ?? null, since: checked.since ?? null, minUpfront: checked.minUpfront ?? null }), 'deal');
    return rows.map(dealFromRow);
  }

  async evidence(relationship: RelationshipRef): Promise<EvidenceItem[]> {
    const ref = RelationshipRefSchema.safeParse(relationship);
    if (!ref.success) {
      throw new KgError(
        'USAGE',
        `evidence() takes a row of relationsOf(), licenses(), milestones() or drugsTargeting() (it has a key), or { type, start, end } with a relationship type and two entity keys: ${issuesText(ref.error.issues, { root: 'argument' })}`,
        { subject: 'evidence' },
      );
    }
    const keyOf = (end: string | { key: string }): string => (typeof end === 'string' ? end : end.key);
    const found = 'key' in ref.data ? await this.run('api/evidence', { key: ref.data.key }) : await this.run('api/relationship', { type: ref.data.type, start: keyOf(ref.data.start), end: keyOf(ref.data.end) });
    const rows = parseRows(EvidenceRow, found, 'evidence');
    const items: EvidenceItem[] = [];
    for (const row of rows) {
      row.sentences.forEach((sentence, i) => {
        const raw = row.rawStarts && row.rawEnds ? { rawStart: row.rawStarts[i], rawEnd: row.rawEnds[i] } : {};
        items.push(EvidenceItem.parse({ docId: row.docId, sentence, start: row.starts[i], end: row.ends[i], rule: row.rules[i], confidence: row.confidences[i], ...raw }));
      });
    }
    return items.sort((a, b) => (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : a.start - b.start || a.end - b.end));
  }

  async documents(docIds: readonly string[]): Promise<StoredDocument[]> {
    if (docIds.length === 0) return [];
    return parseRows(StoredDocument, await this.run('api/documents', { docIds: [...new Set(docIds)].sort() }), 'document');
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}

/**
 * Connects to the graph (fails with NEO4J_UNAVAILABLE / NEO4J_AUTH / NEO4J_DATABASE) and returns the
 * lookups. The name knowledge (legal forms, entity keys) is read once here, before connecting: names
 * given to the lookups become keys exactly as the resolver made them.
 */
export async function openGraph(config: Neo4jConfig): Promise<DealGraph> {
  const names = loadNameKnowledge(new DataFiles());
  return new Neo4jDealGraph(await Neo4jGraphStore.open(config), names);
}

/**
 * The deals of the graph at `config` (one connection, closed after): what `kg deals` prints. The filter
 * is checked at run time (values from a command line), so a bad kind or date is a KgError USAGE.
 */
export async function listDeals(filter: unknown, config: Neo4jConfig): Promise<Deal[]> {
  const checked = checkedDealFilter(filter);
  const graph = await openGraph(config);
  try {
    return await graph.deals(checked);
  } finally {
    await graph.close();
  }
}
