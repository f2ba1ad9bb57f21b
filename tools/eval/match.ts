// Scores one document's extracted graph against its gold annotation, by the matching rules of
// ../shared/corpus/README.md ("Gold format"). Pure: graph and gold in, counts and misses out.
import { RELATIONSHIP_TYPES, SYMMETRIC_TYPES } from '../../src/index.ts';
import type { GoldDocument, GoldEntity, GoldRelation } from './gold.ts';
import type { NameFolding } from './fold.ts';
import { goldPhaseKey } from './phase.ts';
import { CountTable, maxMatching } from './score.ts';

const SYMMETRIC: ReadonlySet<string> = SYMMETRIC_TYPES;

/** The labels the README scores; Organization, Event, Location, Phase and structural labels are not. */
export const SCORED_LABELS: ReadonlySet<string> = new Set(['Company', 'Drug', 'Target', 'Technology', 'Person', 'Disease']);

/** One extracted entity as the scorer sees it: its names and the rules that found it. */
export interface ScoredEntity {
  key: string;
  labels: readonly string[];
  name: string;
  aliases: readonly string[];
  rules: readonly string[];
}

export interface ScoredRelation {
  type: string;
  start: string;
  end: string;
  properties: Readonly<Record<string, unknown>>;
  rules: readonly string[];
}

export interface ExtractedDocument {
  entities: readonly ScoredEntity[];
  relations: readonly ScoredRelation[];
}

export interface EntityMiss {
  gold: GoldEntity;
}
export interface EntityFalsePositive {
  entity: ScoredEntity;
  /** The gold entity it duplicates, when it matched one that another extracted entity had taken. */
  duplicateOf?: string;
}
export interface RelationMiss {
  gold: GoldRelation;
  /** Whether some extracted entity matches each endpoint (tells a missing entity from a missing rule). */
  sourceFound: boolean;
  targetFound: boolean;
}
export interface RelationFalsePositive {
  relation: ScoredRelation;
  startName: string;
  endName: string;
  duplicateOf?: string;
}
export interface MoneyCheck {
  type: string;
  gold: GoldRelation;
  extracted: ScoredRelation;
  exact: boolean;
}

export interface DocumentScore {
  entities: CountTable;
  relations: CountTable;
  missedEntities: EntityMiss[];
  falsePositiveEntities: EntityFalsePositive[];
  missedRelations: RelationMiss[];
  falsePositiveRelations: RelationFalsePositive[];
  /** Matched relations whose gold gives an amount or currency, and whether ours are exactly equal. */
  moneyChecks: MoneyCheck[];
  /** Extracted (scored-label) entities named like one of the gold's "must not become entities". */
  negativesHit: ScoredEntity[];
}

interface PreparedGoldEntity {
  gold: GoldEntity;
  types: ReadonlySet<string>;
  keys: ReadonlySet<string>;
  /** Scored: not optional and of a scored type. Others are tolerated (neither rewarded nor penalised). */
  scored: boolean;
}

function prepareGoldEntity(gold: GoldEntity, folding: NameFolding): PreparedGoldEntity {
  return {
    gold,
    types: new Set([gold.type, ...(gold.alsoTypes ?? [])]),
    keys: folding.matchKeys([gold.name, ...(gold.aliases ?? [])]),
    scored: gold.optional !== true && SCORED_LABELS.has(gold.type),
  };
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function entityMatches(e: ScoredEntity, eKeys: ReadonlySet<string>, g: PreparedGoldEntity): boolean {
  return e.labels.some((l) => g.types.has(l)) && intersects(eKeys, g.keys);
}

/** Phase nodes, and Deal and Payment nodes (scored as deals, tools/eval/deals.ts), are not entities to score. */
function isPhaseEntity(e: ScoredEntity): boolean {
  return e.labels[0] === 'Phase' || e.labels[0] === 'Deal' || e.labels[0] === 'Payment';
}

/** The relationships of deal nodes: scored as deals (tools/eval/deals.ts), not as relations. */
export const DEAL_RELATIONSHIP_TYPES: ReadonlySet<string> = new Set(['PARTY_TO', 'COVERS', 'FOR_INDICATION', 'HAS_TERM']);

/** Scores one document; `folding` decides when two names are the same (see fold.ts). */
export function scoreDocument(gold: GoldDocument, extracted: ExtractedDocument, folding: NameFolding): DocumentScore {
  const result: DocumentScore = {
    entities: new CountTable(),
    relations: new CountTable(),
    missedEntities: [],
    falsePositiveEntities: [],
    missedRelations: [],
    falsePositiveRelations: [],
    moneyChecks: [],
    negativesHit: [],
  };

  // ---- entities ----
  const goldEntities = gold.entities.map((g) => prepareGoldEntity(g, folding));
  const scoredGold = goldEntities.filter((g) => g.scored);
  const tolerated = goldEntities.filter((g) => !g.scored);
  const candidates = extracted.entities.filter((e) => !isPhaseEntity(e));
  const keysOf = new Map<string, Set<string>>();
  const entityKeys = (e: ScoredEntity): Set<string> => folding.matchKeys([e.name, ...e.aliases]);
  for (const e of extracted.entities) keysOf.set(e.key, entityKeys(e));
  const keys = (e: ScoredEntity): Set<string> => keysOf.get(e.key) ?? entityKeys(e);

  const scoredCandidates = candidates.map((e) => scoredGold.flatMap((g, gi) => (entityMatches(e, keys(e), g) ? [gi] : [])));
  const assignment = maxMatching(candidates.length, (i) => scoredCandidates[i] ?? []);
  const goldTaken = new Set<number>();
  candidates.forEach((e, i) => {
    const primary = e.labels[0] ?? '';
    const gi = assignment[i];
    const g = gi === undefined ? undefined : scoredGold[gi];
    if (gi !== undefined && g) {
      goldTaken.add(gi);
      // A prediction counts under its own label when that label is scored, else under the gold's.
      const row = result.entities.row(SCORED_LABELS.has(primary) ? primary : g.gold.type);
      row.predicted += 1;
      row.predictedCorrect += 1;
      return;
    }
    if (tolerated.some((t) => entityMatches(e, keys(e), t))) return;
    const duplicated = (scoredCandidates[i] ?? [])[0];
    const dupGold = duplicated === undefined ? undefined : scoredGold[duplicated];
    if (dupGold) {
      result.entities.row(SCORED_LABELS.has(primary) ? primary : dupGold.gold.type).predicted += 1;
      result.falsePositiveEntities.push({ entity: e, duplicateOf: dupGold.gold.name });
      return;
    }
    if (!SCORED_LABELS.has(primary)) return;
    result.entities.row(primary).predicted += 1;
    result.falsePositiveEntities.push({ entity: e });
  });
  scoredGold.forEach((g, gi) => {
    const row = result.entities.row(g.gold.type);
    row.gold += 1;
    if (goldTaken.has(gi)) row.goldFound += 1;
    else result.missedEntities.push({ gold: g.gold });
  });

  const negativeKeys = folding.matchKeys(gold.negatives ?? []);
  const correct = new Set(candidates.filter((_, i) => assignment[i] !== undefined).map((e) => e.key));
  for (const e of candidates) {
    if (SCORED_LABELS.has(e.labels[0] ?? '') && !correct.has(e.key) && intersects(keys(e), negativeKeys)) result.negativesHit.push(e);
  }

  // ---- relations ----
  const relations = extracted.relations.filter((r) => !DEAL_RELATIONSHIP_TYPES.has(r.type));
  const byKey = new Map(extracted.entities.map((e) => [e.key, e]));
  const goldEndpoint = goldEndpointResolver(goldEntities, folding);
  const endpointMatches = (entityKey: string, endpoint: string, phaseEndpoint: boolean): boolean => {
    if (phaseEndpoint) {
      const phase = goldPhaseKey(endpoint);
      if (phase !== undefined) return entityKey === phase;
    }
    const e = byKey.get(entityKey);
    if (!e) return false;
    const g = goldEndpoint(endpoint);
    return g ? entityMatches(e, keys(e), g) : keys(e).has(folding.matchKey(endpoint));
  };
  const relationMatches = (r: ScoredRelation, g: GoldRelation): boolean => {
    if (r.type !== g.type) return false;
    const phase = g.type === 'IN_PHASE';
    if (endpointMatches(r.start, g.source, false) && endpointMatches(r.end, g.target, phase)) return true;
    const symmetric = g.symmetric === true || SYMMETRIC.has(g.type);
    return symmetric && endpointMatches(r.end, g.source, false) && endpointMatches(r.start, g.target, false);
  };

  // Gold types outside our closed list are ignored unless we produce them.
  const knownTypes = new Set<string>([...RELATIONSHIP_TYPES, ...relations.map((r) => r.type)]);
  const scoredGoldRelations = gold.relations.filter((g) => g.optional !== true && knownTypes.has(g.type));
  const toleratedRelations = gold.relations.filter((g) => g.optional === true);
  const relCandidates = relations.map((r) => scoredGoldRelations.flatMap((g, gi) => (relationMatches(r, g) ? [gi] : [])));
  const relAssignment = maxMatching(relations.length, (i) => relCandidates[i] ?? []);
  const relTaken = new Set<number>();
  const nameOf = (key: string): string => byKey.get(key)?.name ?? key;
  relations.forEach((r, i) => {
    const gi = relAssignment[i];
    const g = gi === undefined ? undefined : scoredGoldRelations[gi];
    if (gi !== undefined && g) {
      relTaken.add(gi);
      const row = result.relations.row(r.type);
      row.predicted += 1;
      row.predictedCorrect += 1;
      const props = g.props ?? {};
      if ('amount' in props || 'currency' in props) {
        const exact = (!('amount' in props) || r.properties['amount'] === props['amount']) && (!('currency' in props) || r.properties['currency'] === props['currency']);
        result.moneyChecks.push({ type: r.type, gold: g, extracted: r, exact });
      }
      return;
    }
    if (toleratedRelations.some((t) => relationMatches(r, t))) return;
    result.relations.row(r.type).predicted += 1;
    const dup = (relCandidates[i] ?? [])[0];
    const dupGold = dup === undefined ? undefined : scoredGoldRelations[dup];
    const fp: RelationFalsePositive = { relation: r, startName: nameOf(r.start), endName: nameOf(r.end) };
    if (dupGold) fp.duplicateOf = `${dupGold.source} → ${dupGold.target}`;
    result.falsePositiveRelations.push(fp);
  });
  scoredGoldRelations.forEach((g, gi) => {
    const row = result.relations.row(g.type);
    row.gold += 1;
    if (relTaken.has(gi)) {
      row.goldFound += 1;
      return;
    }
    const phase = g.type === 'IN_PHASE';
    result.missedRelations.push({
      gold: g,
      sourceFound: extracted.entities.some((e) => endpointMatches(e.key, g.source, false)),
      targetFound: extracted.entities.some((e) => endpointMatches(e.key, g.target, phase)),
    });
  });
  return result;
}

/**
 * Finds the gold entity a relation endpoint names: by exact name first, then exact alias, then folded
 * name or alias. Undefined when the endpoint names no gold entity (then names are compared folded).
 */
function goldEndpointResolver(entities: readonly PreparedGoldEntity[], folding: NameFolding): (endpoint: string) => PreparedGoldEntity | undefined {
  const byName = new Map<string, PreparedGoldEntity>();
  const byAlias = new Map<string, PreparedGoldEntity>();
  const byKey = new Map<string, PreparedGoldEntity>();
  for (const e of entities) if (!byName.has(e.gold.name)) byName.set(e.gold.name, e);
  for (const e of entities) for (const a of e.gold.aliases ?? []) if (!byAlias.has(a)) byAlias.set(a, e);
  for (const e of entities) for (const k of e.keys) if (!byKey.has(k)) byKey.set(k, e);
  return (endpoint) => byName.get(endpoint) ?? byAlias.get(endpoint) ?? byKey.get(folding.matchKey(endpoint));
}
