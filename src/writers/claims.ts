// Per-document properties of deals and payments (issue 18). A deal is told by several documents (the
// 8-K, its press release, the closing, an amendment, the termination), each with its own statuses and
// dates, and `kg forget` must take one document's word back. So the properties of a `Deal` or
// `Payment` node are never first-writer-wins: each document's own properties of the entity are kept on
// its (:Document)-[:MENTIONS]->(entity) relationship (`claimed` names them), and the node's properties
// are recomputed from the claims of the documents that remain, after every write and every forget
// (cypher/write/claim-merge.cypher, claims-resolve.cypher, document-remove-claims.cypher):
//   - list properties (statusHistory, amended, …) are the union of the claims, sorted, each value once;
//   - statusHistory is ordered by date (an entry without a date by its document's date), then by how
//     far along the deal lifecycle the status is, and `status` is its latest entry that is not a mere
//     reference to the deal (`referenced`), else `referenced`;
//   - any other property comes from the earliest document that states it (by document date, then id),
//     so the result does not depend on the order documents were ingested in;
//   - a property no remaining document states is removed.
// `resolveClaims` is the same computation in TypeScript, for the bulk export (which writes the result
// without running the Cypher) and for tests that compare the two.
import type { DocumentInfo, Entity, Properties } from '../model/graph.ts';
import { CypherInt, type ParamValue, type Params } from './write-plan.ts';
import { DEAL_STATUSES } from '../model/deals.ts';
import type { EntityLabel } from '../model/vocabulary.ts';

/** Labels whose node properties are kept per document and recomputed (the Cypher names the same labels). */
export const CLAIMED_LABELS: ReadonlySet<EntityLabel> = new Set(['Deal', 'Payment']);

/** Properties the MENTIONS relationship has of its own; an entity property of the same name is not claimed. */
export const MENTIONS_RESERVED: ReadonlySet<string> = new Set(['starts', 'ends', 'count', 'claimed', 'statusOrder']);

/** Entity properties the writer manages itself (key, name, aliases, the name forms nameKeys): never claimed. */
const ENTITY_MANAGED: ReadonlySet<string> = new Set(['key', 'name', 'aliases', 'nameKeys']);

/** A status that only refers to a deal; it is kept in the history but never becomes the deal's status. */
const REFERENCE_STATUS = 'referenced';

/**
 * How far along the lifecycle a status is, to order statuses of the same date: the contract's own
 * order (announced before effective before closed …), `referenced` first.
 */
function statusRank(status: string): number {
  if (status === REFERENCE_STATUS) return 0;
  const index = (DEAL_STATUSES as readonly string[]).indexOf(status);
  return index < 0 ? DEAL_STATUSES.length : index + 1;
}

/**
 * The order key of one `status@date` entry of a document: its date (the document's date when the entry
 * has none), then its lifecycle rank, as text that sorts right ("2025-01-10|04" for amended).
 */
export function statusOrderKey(entry: string, documentDate: string | undefined): string {
  const at = entry.indexOf('@');
  const status = at < 0 ? entry : entry.slice(0, at);
  const date = at < 0 ? '' : entry.slice(at + 1);
  return `${date !== '' ? date : (documentDate ?? '')}|${String(statusRank(status)).padStart(2, '0')}`;
}

/** True when the entity's properties are kept per document. */
export function isClaimed(entity: Pick<Entity, 'labels'>): boolean {
  return entity.labels.some((label) => (CLAIMED_LABELS as ReadonlySet<string>).has(label));
}

/** One document's claim on one entity: the properties it states (empty lists left out), by name. */
export interface Claim {
  properties: Properties;
  /** `statusHistory[i]`'s order key (statusOrderKey), when the claim has a status history. */
  statusOrder?: string[];
}

/** The document's own claim on an entity: its properties without the managed and reserved names and without empty lists. */
export function claimOf(entity: Entity, doc: Pick<DocumentInfo, 'asOf'>): Claim {
  const properties: Properties = {};
  for (const name of Object.keys(entity.properties).sort()) {
    const value = entity.properties[name];
    if (value === undefined || ENTITY_MANAGED.has(name) || MENTIONS_RESERVED.has(name)) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    properties[name] = value;
  }
  const history = properties['statusHistory'];
  const claim: Claim = { properties };
  if (Array.isArray(history) && history.every((h): h is string => typeof h === 'string')) claim.statusOrder = history.map((entry) => statusOrderKey(entry, doc.asOf));
  return claim;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A list member as Cypher orders it: Integers and Floats by value, strings by code unit. */
function memberKey(value: ParamValue): string | number {
  if (value instanceof CypherInt) return value.value;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

function compareMembers(a: ParamValue, b: ParamValue): number {
  const [ka, kb] = [memberKey(a), memberKey(b)];
  if (typeof ka === 'number' && typeof kb === 'number') return ka - kb;
  return byString(String(ka), String(kb));
}

/** One document's claim as the writer stores it (parameter values), with what orders it: the document's full date and id. */
export interface DatedClaim {
  docId: string;
  /** The document's date when it is a full ISO date (what the Document node stores as `asOf`). */
  asOf: string | undefined;
  properties: Params;
  statusOrder?: string[] | undefined;
}

/**
 * The node's properties from the claims of the documents that state it (the computation of
 * cypher/write/claims-resolve.cypher): lists unioned and sorted, statusHistory in date order with
 * `status` its latest entry, anything else from the earliest document that states it.
 */
export function resolveClaims(claims: readonly DatedClaim[]): Params {
  const ordered = [...claims].sort((a, b) => (a.asOf === undefined ? 1 : 0) - (b.asOf === undefined ? 1 : 0) || byString(a.asOf ?? '', b.asOf ?? '') || byString(a.docId, b.docId));
  const out: Params = {};
  const names = new Set<string>();
  for (const claim of ordered) for (const name of Object.keys(claim.properties)) names.add(name);
  for (const name of [...names].sort()) {
    const values = ordered.map((c) => c.properties[name]).filter((v): v is ParamValue => v !== undefined && v !== null);
    const first = values[0];
    if (first === undefined) continue;
    if (!Array.isArray(first)) {
      out[name] = first;
      continue;
    }
    const union = new Map<string, ParamValue>();
    for (const v of values) if (Array.isArray(v)) for (const member of v) union.set(JSON.stringify(memberKey(member)), member);
    out[name] = [...union.values()].sort(compareMembers);
  }
  const history = new Map<string, string>();
  for (const claim of ordered) {
    const entries = claim.properties['statusHistory'];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, i) => {
      if (typeof entry !== 'string') return;
      const key = claim.statusOrder?.[i] ?? '';
      const seen = history.get(entry);
      if (seen === undefined || key < seen) history.set(entry, key);
    });
  }
  if (history.size > 0) {
    const sorted = [...history.entries()].sort(([ea, ka], [eb, kb]) => byString(ka, kb) || byString(ea, eb)).map(([entry]) => entry);
    out['statusHistory'] = sorted;
    const statusOf = (entry: string): string => entry.split('@')[0] ?? entry;
    const real = sorted.filter((entry) => statusOf(entry) !== REFERENCE_STATUS);
    const latest = real[real.length - 1] ?? sorted[sorted.length - 1];
    if (latest !== undefined) out['status'] = statusOf(latest);
  }
  return out;
}
