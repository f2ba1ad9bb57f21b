// Cross-document resolution: one node per real thing across the corpus. Each document's graph is
// resolved, in input order, against the entities of the documents before it, through a bounded
// candidate index of name forms (never a scan of all entities): the entity keys of an entity's name
// and aliases ("identity forms") and a few blocking forms (a name's first word, a person's surname,
// the name without spaces, a conjugate's antibody initial and payload) that only ever propose doubtful
// pairs.
//
// Certain, mapped onto the existing key: one entity's name is the other's name or alias, with the same
// primary label, exactly one such entity, and no conflicting strong identifier (CIK, ticker, IRS
// number, HGNC symbol). Doubtful, kept apart and reported as POSSIBLY_SAME_AS {score, reason}: a shared
// alias only, a name that is the other plus words, names that differ only in spaces or punctuation,
// the same surname with a compatible given name, a name shared by several entities, a strong
// identifier in conflict. A conjugate and its initial-letter abbreviation ("zanotumab-DM1", "Z-DM1")
// are certain while each is the only one of its form known, doubtful once two antibodies share it. A person's decisions
// (decisions.ts) come first: accepted pairs are one key, rejected pairs are never merged or proposed
// again.
//
// The batch path (kg extract: GraphAccumulator with a CorpusResolver) and the Neo4j path (kg ingest:
// the store seeds a CorpusResolver with the stored entities that share a form with the batch) run
// this same code in the same order, so they build the same graph.
// Deal and payment keys are made of company and asset keys (src/deals/keys.ts): renameKeys rebuilds
// them when it renames those, so one deal told under two names of a company is one Deal on all paths.
import type { Entity, Graph, MergeCandidate, Relationship } from '../model/graph.ts';
import { SYMMETRIC_TYPES } from '../model/vocabulary.ts';
import type { NameKnowledge } from '../knowledge/names.ts';
import { canonicalKeyOf, isRejected, type Decisions } from './decisions.ts';
import { renamedDealKey, renamedPaymentKey } from '../deals/keys.ts';
import { mergeDealProperties, mergePaymentProperties } from '../deals/status.ts';

/** Labels resolved across documents. Diseases and technologies keep name-only keys (a subtype is another thing). */
export const CROSS_DOCUMENT_LABELS: ReadonlySet<string> = new Set(['Company', 'Drug', 'Target', 'Organization', 'Person']);
/** Properties that name one real thing: two different values mean two things, whatever the names say. */
const STRONG_IDENTIFIERS = ['cik', 'ticker', 'irsEmployerId', 'hgncSymbol'] as const;
/** Labels whose short and long forms of a name are often one thing (for drugs and targets a longer name is usually another thing). */
const NAME_START_LABELS: ReadonlySet<string> = new Set(['Company', 'Organization']);
/** Blocking forms start with this, so they never equal an identity form (an entity key). */
const BLOCK = '~';
/** The reason of a pair whose strong identifiers conflict: shown whatever else the names share. */
const CONFLICT = 'a name in common, different';
/** At most this many entities per looked-up form are considered: the look-up stays bounded on a hub word. */
export const MAX_PER_FORM = 25;

/** What resolution needs of an entity, in the graph or in the database. */
export interface KnownEntity {
  key: string;
  labels: readonly string[];
  name: string;
  aliases: readonly string[];
  properties: Readonly<Record<string, unknown>>;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function tokens(form: string): string[] {
  return form.split('-').filter((t) => t !== '');
}

/** A person's name without middle initials: "Dana Q. Roswell" → "dana-roswell". */
function withoutMiddleInitials(folded: string): string | undefined {
  const t = tokens(folded);
  if (t.length < 3) return undefined;
  const kept = [t[0] ?? '', ...t.slice(1, -1).filter((w) => w.length > 1), t[t.length - 1] ?? ''];
  return kept.length < t.length ? kept.join('-') : undefined;
}

/** The folded key parts of an entity's name and aliases (name first). */
function keyParts(names: NameKnowledge, label: string, e: Pick<KnownEntity, 'name' | 'aliases'>): string[] {
  const parts: string[] = [];
  for (const n of [e.name, ...e.aliases]) {
    const part = names.keyPart(label, n);
    if (part.length >= 2 && !parts.includes(part)) parts.push(part);
  }
  return parts;
}

/** Entity keys its name and aliases would have: one of them equal to another entity's key or form makes the two one thing. */
export function identityForms(names: NameKnowledge, e: Pick<KnownEntity, 'key' | 'labels' | 'name' | 'aliases'>): string[] {
  const label = e.labels[0] ?? '';
  const prefix = `${label.toLowerCase()}:`;
  const forms = new Set<string>([e.key]);
  for (const part of keyParts(names, label, e)) {
    forms.add(prefix + part);
    if (label === 'Person') {
      const short = withoutMiddleInitials(part);
      if (short !== undefined) forms.add(prefix + short);
    }
  }
  return [...forms].sort(byString);
}

/**
 * An antibody–payload conjugate's name as its antibody's initial and its payload: "zanotumab-DM1" and
 * "Z-DM1" both give "z-dm1" (the field abbreviates a conjugate by the antibody's first letter). The
 * payload is one of payloads.txt. Two antibodies with one initial and one payload are two drugs, so
 * the pair is certain only while the index knows one conjugate of each form (uniqueConjugate).
 */
function conjugateForm(names: NameKnowledge, part: string): { initial: string; payload: string; abbreviated: boolean } | undefined {
  const t = tokens(part);
  if (t.length !== 2) return undefined;
  const [head, payload] = [t[0] ?? '', t[1] ?? ''];
  if (!/^[a-z][a-z0-9]{1,5}$/.test(payload) || !/[a-z]/.test(payload) || !names.isPayload(payload)) return undefined;
  if (head.length === 1 && /^[a-z]$/.test(head)) return { initial: head, payload, abbreviated: true };
  if (/^[a-z]{3,}mab$/.test(head)) return { initial: head.charAt(0), payload, abbreviated: false };
  return undefined;
}

/**
 * "Z-DM1" in one document, "zanotumab-DM1" in another: the one conjugate of the other's initial and
 * payload of the opposite form (abbreviated or written out), when it is the only one known of each form
 * there (`known`: earlier documents' and this document's entities of that conjugate form). Two written-out
 * conjugates of one initial and payload ("zanotumab-DM1", "zelatumab-DM1") make every pair doubtful.
 */
function uniqueConjugate(names: NameKnowledge, e: KnownEntity, known: readonly KnownEntity[]): KnownEntity | undefined {
  const forms = (x: KnownEntity): { initial: string; payload: string; abbreviated: boolean }[] =>
    keyParts(names, 'Drug', x).flatMap((p) => {
      const c = conjugateForm(names, p);
      return c ? [c] : [];
    });
  const mine = forms(e);
  const [own] = mine;
  if (own === undefined || mine.some((c) => c.abbreviated !== own.abbreviated)) return undefined;
  const sameForm = (x: KnownEntity, abbreviated: boolean): boolean => forms(x).some((c) => c.initial === own.initial && c.payload === own.payload && c.abbreviated === abbreviated);
  const others = new Map(known.filter((x) => x.key !== e.key && x.labels[0] === 'Drug').map((x) => [x.key, x]));
  const opposite = [...others.values()].filter((x) => sameForm(x, !own.abbreviated));
  const alike = [...others.values()].filter((x) => sameForm(x, own.abbreviated));
  const [only] = opposite;
  return opposite.length === 1 && alike.length === 0 && only !== undefined && !sameForm(only, own.abbreviated) ? only : undefined;
}

/** Blocking forms: they only bring doubtful pairs together (first word, surname, name without spaces, a conjugate's initial and payload). */
export function blockForms(names: NameKnowledge, e: Pick<KnownEntity, 'labels' | 'name' | 'aliases'>): string[] {
  const label = e.labels[0] ?? '';
  const prefix = `${BLOCK}${label.toLowerCase()}:`;
  const forms = new Set<string>();
  for (const part of keyParts(names, label, e)) {
    const t = tokens(part);
    if (t.length > 1) forms.add(`${prefix}joined:${t.join('')}`);
    if (label === 'Person' && t.length > 1) forms.add(`${prefix}surname:${t[t.length - 1] ?? ''}`);
    if (NAME_START_LABELS.has(label) && (t[0]?.length ?? 0) >= 3) forms.add(`${prefix}first:${t[0] ?? ''}`);
    const conjugate = label === 'Drug' ? conjugateForm(names, part) : undefined;
    if (conjugate) forms.add(`${prefix}conjugate:${conjugate.initial}-${conjugate.payload}`);
  }
  return [...forms].sort(byString);
}

/** Every form an entity is found by: stored on its node as `nameKeys` (full-text keyword index) and indexed in memory. */
export function lookupForms(names: NameKnowledge, e: Pick<KnownEntity, 'key' | 'labels' | 'name' | 'aliases'>): string[] {
  return [...identityForms(names, e), ...blockForms(names, e)].sort(byString);
}

function strongConflict(a: KnownEntity, b: KnownEntity): string | undefined {
  for (const id of STRONG_IDENTIFIERS) {
    const x = a.properties[id];
    const y = b.properties[id];
    if ((typeof x === 'string' || typeof x === 'number') && (typeof y === 'string' || typeof y === 'number') && `${x}`.toLowerCase() !== `${y}`.toLowerCase()) return id;
  }
  return undefined;
}

/** Given names that may be one person's: equal, one the start of the other (Steve, Steven), or an initial of it. */
function compatibleGivenNames(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/** Why two entities of one label may be one thing, with a score; undefined when nothing suggests it. */
export function doubtReason(names: NameKnowledge, a: KnownEntity, b: KnownEntity): { reason: string; score: number } | undefined {
  const label = a.labels[0] ?? '';
  if (label !== b.labels[0]) return undefined;
  const partsA = keyParts(names, label, a);
  const partsB = keyParts(names, label, b);
  const shared = partsA.filter((p) => partsB.includes(p));
  if (shared.length > 0) return { reason: `share the name "${shared[0] ?? ''}"`, score: 0.8 };
  for (const pa of partsA) {
    for (const pb of partsB) {
      const ta = tokens(pa);
      const tb = tokens(pb);
      if (ta.join('') === tb.join('')) return { reason: 'names differ only in spaces or punctuation', score: 0.9 };
      const [ca, cb] = label === 'Drug' ? [conjugateForm(names, pa), conjugateForm(names, pb)] : [undefined, undefined];
      if (ca && cb && ca.abbreviated !== cb.abbreviated && ca.initial === cb.initial && ca.payload === cb.payload) return { reason: 'a conjugate and its abbreviation by initial and payload', score: 0.6 };
      if (label === 'Person' && ta.length > 1 && tb.length > 1 && ta[ta.length - 1] === tb[tb.length - 1] && compatibleGivenNames(ta[0] ?? '', tb[0] ?? '')) {
        return { reason: 'same surname and a compatible given name', score: 0.6 };
      }
    }
  }
  // Short and long forms: only the names themselves, an alias of each side would pair far too much.
  const ta = tokens(partsA[0] ?? '');
  const tb = tokens(partsB[0] ?? '');
  if (NAME_START_LABELS.has(label) && (ta[0]?.length ?? 0) >= 3) {
    const [shorter, longer] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
    if (shorter.length < longer.length && shorter.every((t, i) => t === longer[i])) return { reason: 'one name is the other plus words', score: 0.5 };
  }
  return undefined;
}

/** Entities by key and by form, in memory: the batch path's index, and the store's seeded copy of the stored entities. */
export class EntityIndex {
  private readonly byKey = new Map<string, KnownEntity>();
  private readonly byForm = new Map<string, Set<string>>();

  constructor(private readonly names: NameKnowledge) {}

  get(key: string): KnownEntity | undefined {
    return this.byKey.get(key);
  }

  /** Entities found by a form, in key order, at most MAX_PER_FORM. */
  find(form: string): KnownEntity[] {
    const keys = [...(this.byForm.get(form) ?? [])].sort(byString).slice(0, MAX_PER_FORM);
    return keys.map((k) => this.byKey.get(k)).filter((e): e is KnownEntity => e !== undefined);
  }

  /** Adds an entity, or folds it into the stored one as writing it would: the first name stays, other names become aliases, missing properties are added. */
  add(e: KnownEntity): void {
    const existing = this.byKey.get(e.key);
    let merged: KnownEntity;
    if (!existing) merged = { key: e.key, labels: [...e.labels], name: e.name, aliases: [...e.aliases].sort(byString), properties: { ...e.properties } };
    else {
      const aliases = new Set([...existing.aliases, ...e.aliases, e.name]);
      aliases.delete(existing.name);
      const properties = { ...e.properties, ...existing.properties };
      const labels = [...existing.labels, ...e.labels.filter((l) => !existing.labels.includes(l))];
      merged = { key: e.key, labels, name: existing.name, aliases: [...aliases].sort(byString), properties };
    }
    this.byKey.set(e.key, merged);
    for (const form of lookupForms(this.names, merged)) {
      const set = this.byForm.get(form);
      if (set) set.add(e.key);
      else this.byForm.set(form, new Set([e.key]));
    }
  }
}

/** A doubtful pair: written as (a)-[:POSSIBLY_SAME_AS {score, reason}]->(b), a < b. */
export interface PossiblySame {
  a: string;
  b: string;
  score: number;
  reason: string;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * The renames with the deals and payments they imply: a Deal's key is made of its parties' and asset's
 * keys (src/deals/keys.ts), so when resolution renames those, the deal (and its payments) is renamed
 * too, and a deal two documents tell under two names of one company meets under one key.
 */
function withDealRenames(graph: Graph, rename: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const to = (key: string): string => rename.get(key) ?? key;
  const all = new Map(rename);
  for (const e of graph.entities) {
    const label = e.labels[0];
    const next = label === 'Deal' ? renamedDealKey(e.key, to) : label === 'Payment' ? renamedPaymentKey(e.key, to) : undefined;
    if (next !== undefined && !rename.has(e.key)) all.set(e.key, next);
  }
  return all;
}

/** Properties of two entities that meet under one key: a deal's or payment's by the deal merge rules, else the kept entity's win. */
function mergedProperties(kept: Entity, other: Entity): Entity['properties'] {
  if (kept.labels[0] === 'Deal') return mergeDealProperties(kept.properties, other.properties);
  if (kept.labels[0] === 'Payment') return mergePaymentProperties(kept.properties, other.properties);
  return { ...other.properties, ...kept.properties };
}

/** Renames entity keys in one document's graph; entities that meet under one key become one, relationships follow (deal and payment keys with them). */
export function renameKeys(graph: Graph, given: ReadonlyMap<string, string>): Graph {
  if (given.size === 0) return graph;
  const rename = withDealRenames(graph, given);
  const to = (key: string): string => rename.get(key) ?? key;
  const entities = new Map<string, Entity>();
  // An entity that keeps its key goes first, so it keeps its name; the others' names become aliases.
  const ordered = [...graph.entities].sort((a, b) => Number(rename.has(a.key)) - Number(rename.has(b.key)) || byString(a.key, b.key));
  for (const e of ordered) {
    const key = to(e.key);
    const seen = entities.get(key);
    if (!seen) {
      entities.set(key, { ...e, key, aliases: [...e.aliases], properties: { ...e.properties }, mentions: [...e.mentions] });
      continue;
    }
    const aliases = new Set([...seen.aliases, ...e.aliases, e.name]);
    aliases.delete(seen.name);
    const mentions = [...seen.mentions, ...e.mentions].sort((x, y) => byString(x.docId, y.docId) || x.start - y.start || x.end - y.end);
    const labels = [...seen.labels, ...e.labels.filter((l) => !seen.labels.includes(l))];
    entities.set(key, { ...seen, labels, aliases: [...aliases].sort(byString), properties: mergedProperties(seen, e), mentions });
  }
  const relationships = new Map<string, Relationship>();
  for (const r of graph.relationships) {
    let start = to(r.start);
    let end = to(r.end);
    if (start === end) continue;
    if (SYMMETRIC_TYPES.has(r.type) && end < start) [start, end] = [end, start];
    const id = `${r.type}|${start}|${end}`;
    const seen = relationships.get(id);
    if (!seen) relationships.set(id, { ...r, start, end, properties: { ...r.properties }, evidence: [...r.evidence] });
    else {
      for (const [k, v] of Object.entries(r.properties)) if (!(k in seen.properties)) seen.properties[k] = v;
      const ids = new Set(seen.evidence.map((x) => `${x.docId}|${x.start}|${x.end}|${x.rule}`));
      for (const x of r.evidence) if (!ids.has(`${x.docId}|${x.start}|${x.end}|${x.rule}`)) seen.evidence.push(x);
    }
  }
  return {
    ...graph,
    documents: graph.documents.map((d) => ({ ...d, registrantKeys: [...new Set(d.registrantKeys.map(to))].sort(byString) })),
    entities: [...entities.values()].sort((a, b) => byString(a.key, b.key)),
    relationships: [...relationships.values()].sort((a, b) => byString(`${a.type}|${a.start}|${a.end}`, `${b.type}|${b.start}|${b.end}`)),
  };
}

/**
 * Resolves document graphs one after the other against what came before (its index). `resolve(graph)`
 * returns the graph with keys mapped onto existing entities and records the doubtful pairs it met.
 */
export class CorpusResolver {
  readonly index: EntityIndex;
  private readonly doubtful = new Map<string, PossiblySame>();

  constructor(
    /** The name knowledge the forms come from (the writers store `lookupForms(names, e)` as nameKeys). */
    readonly names: NameKnowledge,
    private readonly decisions: Decisions,
    index?: EntityIndex,
  ) {
    this.index = index ?? new EntityIndex(names);
  }

  /** Every form the entities of these graphs may be found by (what the store looks up before resolving them). */
  formsOf(graphs: readonly Graph[]): string[] {
    const forms = new Set<string>();
    for (const g of graphs) {
      for (const e of g.entities) {
        if (!CROSS_DOCUMENT_LABELS.has(e.labels[0] ?? '')) continue;
        forms.add(canonicalKeyOf(this.decisions, e.key));
        for (const f of lookupForms(this.names, e)) forms.add(f);
      }
    }
    return [...forms].sort(byString);
  }

  private note(a: string, b: string, score: number, reason: string): void {
    if (a === b || isRejected(this.decisions, a, b)) return;
    const id = pairKey(a, b);
    const seen = this.doubtful.get(id);
    // A conflicting strong identifier is the thing to show, whatever else the names share.
    if (seen?.reason.startsWith(CONFLICT) === true) return;
    if (!seen || seen.score < score || reason.startsWith(CONFLICT)) this.doubtful.set(id, { a: a < b ? a : b, b: a < b ? b : a, score, reason });
  }

  resolve(graph: Graph): Graph {
    // 1. A person's decisions: accepted pairs share the key chosen then.
    const decided = new Map<string, string>();
    for (const e of graph.entities) {
      const canonical = canonicalKeyOf(this.decisions, e.key);
      if (canonical !== e.key) decided.set(e.key, canonical);
    }
    const afterDecisions = renameKeys(graph, decided);

    // 2. Certain matches onto entities of earlier documents; doubtful ones noted.
    const rename = new Map<string, string>();
    for (const e of afterDecisions.entities) {
      const label = e.labels[0] ?? '';
      if (!CROSS_DOCUMENT_LABELS.has(label)) continue;
      const own = identityForms(this.names, e);
      const certain = new Map<string, KnownEntity>();
      for (const form of own) {
        for (const k of this.index.find(form)) {
          if (k.key === e.key || k.labels[0] !== label || isRejected(this.decisions, e.key, k.key)) continue;
          const theirs = identityForms(this.names, k);
          // Certain only when a name (not just an alias) of one is a name or alias of the other.
          const nameMeetsName = own.includes(k.key) || theirs.includes(e.key) || own.includes(this.names.entityKey(label, k.name)) || theirs.includes(this.names.entityKey(label, e.name));
          const conflict = strongConflict(e, k);
          if (conflict !== undefined) this.note(e.key, k.key, 0.5, `${CONFLICT} ${conflict}`);
          else if (nameMeetsName) certain.set(k.key, k);
          else this.note(e.key, k.key, 0.8, 'share an alias');
        }
      }
      const stored = this.index.get(e.key);
      // A conjugate and its abbreviation ("Z-DM1", "zanotumab-DM1"): certain when each is the only one of its form.
      if (certain.size === 0 && stored === undefined && label === 'Drug') {
        const block = blockForms(this.names, e).filter((f) => f.includes(':conjugate:'));
        // Only a conjugate-shaped name looks further: the index's entities of its form and this document's drugs.
        const only = block.length === 1 ? uniqueConjugate(this.names, e, [...block.flatMap((f) => this.index.find(f)), ...afterDecisions.entities.filter((x) => x.labels[0] === 'Drug')]) : undefined;
        if (only !== undefined && !isRejected(this.decisions, e.key, only.key) && strongConflict(e, only) === undefined) certain.set(only.key, only);
      }
      const others = [...certain.keys()].sort(byString);
      if (stored === undefined && others.length === 1 && others[0] !== undefined) rename.set(e.key, others[0]);
      else for (const k of others) this.note(e.key, k, 0.7, stored === undefined ? 'the name belongs to several entities' : 'the name of one is a name of the other');
    }
    const resolved = renameKeys(afterDecisions, rename);

    // 3. Doubtful pairs through the blocking forms, among earlier entities and this document's own.
    const local = new EntityIndex(this.names);
    for (const e of resolved.entities) if (CROSS_DOCUMENT_LABELS.has(e.labels[0] ?? '')) local.add(e);
    for (const e of resolved.entities) {
      if (!CROSS_DOCUMENT_LABELS.has(e.labels[0] ?? '')) continue;
      for (const form of blockForms(this.names, e)) {
        for (const k of [...this.index.find(form), ...local.find(form)]) {
          if (k.key === e.key) continue;
          const conflict = strongConflict(e, k);
          const doubt = doubtReason(this.names, e, k);
          if (doubt && conflict !== undefined) this.note(e.key, k.key, 0.5, `${CONFLICT} ${conflict}`);
          else if (doubt) this.note(e.key, k.key, doubt.score, doubt.reason);
        }
      }
    }
    for (const e of resolved.entities) if (CROSS_DOCUMENT_LABELS.has(e.labels[0] ?? '')) this.index.add(e);
    return resolved;
  }

  /** The doubtful pairs met so far whose two ends are known and not merged since, in key order. */
  candidates(): PossiblySame[] {
    return [...this.doubtful.values()]
      .filter((p) => this.index.get(p.a) !== undefined && this.index.get(p.b) !== undefined && canonicalKeyOf(this.decisions, p.a) !== canonicalKeyOf(this.decisions, p.b))
      .sort((x, y) => byString(x.a, y.a) || byString(x.b, y.b));
  }
}

/** The exchange format's form of a pair. */
export function asMergeCandidate(p: PossiblySame): MergeCandidate {
  return { a: p.a, b: p.b, reason: p.reason, score: p.score };
}
