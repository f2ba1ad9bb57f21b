// Deal scoring (../shared/corpus/README.md, "Deals"): a gold deal matches an extracted Deal when the
// kinds match (license and collaboration are interchangeable when the gold parties are licensor /
// licensee: the roles carry the direction) and every gold party is among the deal's parties with the
// same role, names compared like entities (name or alias, folded). Deal P/R/F1 over a maximum one-to-one
// matching; for matched deals each gold term is found when some extracted term has its kind, amount and
// currency (term accuracy), and status, exclusive and territory are compared as fields. Optional gold
// deals count neither way.
import type { Graph } from '../../src/index.ts';
import type { GoldDeal, GoldDealTerm, GoldEntity } from './gold.ts';
import type { NameFolding } from './fold.ts';
import { maxMatching } from './score.ts';
import type { Counts } from './score.ts';

/** One extracted Deal as the scorer sees it. */
export interface ScoredDeal {
  key: string;
  kind: string;
  /** Each party: the folded names of its company, and its role. */
  parties: { name: string; keys: ReadonlySet<string>; role: string }[];
  terms: { kind: string; amount?: number; currency?: string }[];
  status?: string;
  exclusive?: boolean;
  territory?: string;
}

export interface FieldCount {
  compared: number;
  equal: number;
}

export interface DealScore {
  deals: Counts;
  terms: { gold: number; found: number };
  fields: { status: FieldCount; exclusive: FieldCount; territory: FieldCount };
  missedDeals: GoldDeal[];
  falsePositiveDeals: ScoredDeal[];
  /** Gold terms of matched deals that no extracted term matched, with the deal they belong to. */
  missedTerms: { deal: GoldDeal; term: GoldDealTerm; ours: ScoredDeal['terms'] }[];
  /** Field values that differ on matched deals. */
  wrongFields: { deal: GoldDeal; field: string; gold: unknown; ours: unknown }[];
}

export function emptyDealScore(): DealScore {
  return {
    deals: { gold: 0, goldFound: 0, predicted: 0, predictedCorrect: 0 },
    terms: { gold: 0, found: 0 },
    fields: { status: { compared: 0, equal: 0 }, exclusive: { compared: 0, equal: 0 }, territory: { compared: 0, equal: 0 } },
    missedDeals: [],
    falsePositiveDeals: [],
    missedTerms: [],
    wrongFields: [],
  };
}

export function addDealScore(into: DealScore, more: DealScore): void {
  for (const k of ['gold', 'goldFound', 'predicted', 'predictedCorrect'] as const) into.deals[k] += more.deals[k];
  into.terms.gold += more.terms.gold;
  into.terms.found += more.terms.found;
  for (const f of ['status', 'exclusive', 'territory'] as const) {
    into.fields[f].compared += more.fields[f].compared;
    into.fields[f].equal += more.fields[f].equal;
  }
}

/** The extracted deals of a graph: Deal entities with their PARTY_TO companies and HAS_TERM payments. */
export function scoredDeals(graph: Graph, folding: NameFolding): ScoredDeal[] {
  const byKey = new Map(graph.entities.map((e) => [e.key, e]));
  const deals = new Map<string, ScoredDeal>();
  for (const e of graph.entities) {
    if (e.labels[0] !== 'Deal') continue;
    const p = e.properties;
    const deal: ScoredDeal = { key: e.key, kind: String(p['kind'] ?? ''), parties: [], terms: [] };
    if (typeof p['status'] === 'string') deal.status = p['status'];
    if (typeof p['exclusive'] === 'boolean') deal.exclusive = p['exclusive'];
    if (typeof p['territory'] === 'string') deal.territory = p['territory'];
    deals.set(e.key, deal);
  }
  for (const r of graph.relationships) {
    if (r.type === 'PARTY_TO') {
      const deal = deals.get(r.end);
      const company = byKey.get(r.start);
      if (deal && company) deal.parties.push({ name: company.name, keys: folding.matchKeys([company.name, ...company.aliases]), role: String(r.properties['role'] ?? '') });
    } else if (r.type === 'HAS_TERM') {
      const deal = deals.get(r.start);
      const payment = byKey.get(r.end);
      if (!deal || !payment) continue;
      const term: ScoredDeal['terms'][number] = { kind: String(payment.properties['kind'] ?? '') };
      const amount = payment.properties['amount'];
      const currency = payment.properties['currency'];
      if (typeof amount === 'number') term.amount = amount;
      if (typeof currency === 'string') term.currency = currency;
      deal.terms.push(term);
    }
  }
  return [...deals.values()];
}

const INTERCHANGEABLE = new Set(['license', 'collaboration']);
const DIRECTED_ROLES = new Set(['licensor', 'licensee']);

/** Territory words that say the same: "worldwide" and "global". */
function territoryForm(t: string): string {
  const folded = t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return folded === 'global' || folded === 'globally' ? 'worldwide' : folded;
}

/** Scores one document's deals; `entities` are the gold entities, whose aliases name gold parties too. */
export function scoreDeals(gold: readonly GoldDeal[], extracted: readonly ScoredDeal[], entities: readonly GoldEntity[], folding: NameFolding): DealScore {
  const score = emptyDealScore();
  const goldKeys = (name: string): Set<string> => {
    const entity = entities.find((e) => e.name === name) ?? entities.find((e) => (e.aliases ?? []).includes(name));
    return folding.matchKeys(entity ? [entity.name, ...(entity.aliases ?? [])] : [name]);
  };
  const kindMatches = (d: ScoredDeal, g: GoldDeal): boolean => d.kind === g.kind || (INTERCHANGEABLE.has(d.kind) && INTERCHANGEABLE.has(g.kind) && g.parties.every((p) => DIRECTED_ROLES.has(p.role)));
  const matches = (d: ScoredDeal, g: GoldDeal): boolean =>
    kindMatches(d, g) &&
    g.parties.every((party) => {
      const keys = goldKeys(party.name);
      return d.parties.some((ours) => ours.role === party.role && [...ours.keys].some((k) => keys.has(k)));
    });
  const scored = gold.filter((g) => g.optional !== true);
  const tolerated = gold.filter((g) => g.optional === true);
  const candidates = extracted.map((d) => scored.flatMap((g, gi) => (matches(d, g) ? [gi] : [])));
  const assignment = maxMatching(extracted.length, (i) => candidates[i] ?? []);
  const taken = new Set<number>();
  extracted.forEach((d, i) => {
    const gi = assignment[i];
    const g = gi === undefined ? undefined : scored[gi];
    if (gi === undefined || !g) {
      if (tolerated.some((t) => matches(d, t))) return;
      score.deals.predicted += 1;
      score.falsePositiveDeals.push(d);
      return;
    }
    taken.add(gi);
    score.deals.predicted += 1;
    score.deals.predictedCorrect += 1;
    for (const term of g.terms ?? []) {
      score.terms.gold += 1;
      const amount = term.amount ?? undefined;
      const currency = amount === undefined ? undefined : (term.currency ?? undefined);
      const found = d.terms.some((t) => t.kind === term.kind && t.amount === amount && (currency === undefined || t.currency === currency));
      if (found) score.terms.found += 1;
      else score.missedTerms.push({ deal: g, term, ours: d.terms });
    }
    const compare = (field: 'status' | 'exclusive' | 'territory', goldValue: unknown, ours: unknown, equal: boolean): void => {
      score.fields[field].compared += 1;
      if (equal) score.fields[field].equal += 1;
      else score.wrongFields.push({ deal: g, field, gold: goldValue, ours });
    };
    if (g.status != null) compare('status', g.status, d.status, d.status === g.status);
    if (g.exclusive != null) compare('exclusive', g.exclusive, d.exclusive, d.exclusive === g.exclusive);
    if (g.territory != null) compare('territory', g.territory, d.territory, d.territory !== undefined && territoryForm(d.territory) === territoryForm(g.territory));
  });
  scored.forEach((g, gi) => {
    score.deals.gold += 1;
    if (taken.has(gi)) score.deals.goldFound += 1;
    else score.missedDeals.push(g);
  });
  return score;
}
