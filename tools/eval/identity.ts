// One node per real thing across a corpus: scores a graph merged from many documents (as `kg extract`
// over many files makes it) against the gold annotations of all of them. Gold entities of one type that
// share a name or alias (folded as the scorer folds) are one real thing, across documents; the report
// counts real things split over several entities, entities that cover several real things, and aliases
// that are generic defined terms ("the Company", "Registrant"). Pure: gold and graph in, report out.
// A gold file's entities are things of that document (README of the corpus: aliases are "the other
// forms used for the same thing in this document"), so when the names of one document's gold meet two
// of another's separate entities ("X" with the alias "Y" here, "X" and "Y" two entities there: a code
// and the INN it is a formulation of), the gold files disagree on what is one thing: that thing is
// reported as contested and counted neither as split nor as merged, since no graph could satisfy both.
import type { GoldDocument } from './gold.ts';
import type { NameFolding } from './fold.ts';

/** What the report needs of a node (a graph entity, or a node read back from Neo4j): key, labels, names and the documents that mention it. */
export interface IdentityNode {
  key: string;
  labels: readonly string[];
  name: string;
  aliases: readonly string[];
  mentions: readonly { docId: string }[];
}

/** The labels whose identity the report checks (the README's resolved labels; Organization included). */
export const IDENTITY_LABELS: readonly string[] = ['Company', 'Drug', 'Target', 'Organization', 'Person'];

/** One real thing: gold entities of one type, from any documents, linked by a shared folded name. */
export interface GoldThing {
  type: string;
  /** The gold names (each document's `name`), sorted. */
  names: string[];
  keys: ReadonlySet<string>;
  documents: string[];
  /** Documents whose gold keeps apart, as separate entities, names that other gold files join into this thing. */
  contestedBy: string[];
}

export interface IdentityReport {
  things: number;
  /** Real things matched by two or more entities (each with the keys of those entities). */
  split: { thing: GoldThing; entityKeys: string[]; withinDocument: boolean }[];
  /** Entities whose names match two or more real things. */
  merged: { entityKey: string; things: GoldThing[] }[];
  /** Entity aliases (or names) that are generic defined terms. */
  genericAliases: { entityKey: string; alias: string }[];
  /** Real things the gold files disagree on (see contestedBy): listed, not scored as split. */
  contested: GoldThing[];
}

class Partition {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] ?? i;
    return i;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Gold entities of the identity labels, grouped into real things by type and shared folded names. */
export function goldThings(golds: readonly GoldDocument[], folding: NameFolding): GoldThing[] {
  const rows: { type: string; name: string; keys: Set<string>; document: string }[] = [];
  for (const gold of golds) {
    for (const e of gold.entities) {
      if (!IDENTITY_LABELS.includes(e.type)) continue;
      const keys = folding.matchKeys([e.name, ...(e.aliases ?? [])]);
      if (keys.size > 0) rows.push({ type: e.type, name: e.name, keys, document: gold.document });
    }
  }
  const partition = new Partition();
  const firstWithKey = new Map<string, number>();
  for (const row of rows) {
    const id = partition.add();
    for (const k of row.keys) {
      const at = `${row.type}|${k}`;
      const first = firstWithKey.get(at);
      if (first === undefined) firstWithKey.set(at, id);
      else partition.union(first, id);
    }
  }
  const groups = new Map<number, typeof rows>();
  rows.forEach((row, i) => {
    const root = partition.find(i);
    groups.set(root, [...(groups.get(root) ?? []), row]);
  });
  return [...groups.values()].map((members) => ({
    type: members[0]?.type ?? '',
    names: [...new Set(members.map((m) => m.name))].sort(),
    keys: new Set(members.flatMap((m) => [...m.keys])),
    documents: [...new Set(members.map((m) => m.document))].sort(),
    contestedBy: separatingDocuments(members),
  }));
}

/** Documents with two or more entities in the group that their own names do not link (one document's separate things). */
function separatingDocuments(members: readonly { keys: ReadonlySet<string>; document: string }[]): string[] {
  const byDocument = new Map<string, (typeof members)[number][]>();
  for (const m of members) byDocument.set(m.document, [...(byDocument.get(m.document) ?? []), m]);
  const separating: string[] = [];
  for (const [document, rows] of byDocument) {
    if (rows.length < 2) continue;
    // The document's own rows grouped by the names they share: more than one group is more than one thing.
    const reached = new Set([0]);
    for (let grew = true; grew;) {
      grew = false;
      rows.forEach((row, i) => {
        if (reached.has(i)) return;
        if ([...reached].some((j) => [...row.keys].some((k) => rows[j]?.keys.has(k) === true))) {
          reached.add(i);
          grew = true;
        }
      });
    }
    if (reached.size < rows.length) separating.push(document);
  }
  return separating.sort();
}

/** Scores the merged graph's entities (or the nodes of a stored graph) against the real things of all gold documents. */
export function identityReport(golds: readonly GoldDocument[], entities: readonly IdentityNode[], folding: NameFolding, isGenericTerm: (name: string) => boolean): IdentityReport {
  const things = goldThings(golds, folding);
  const thingsByKey = new Map<string, number[]>();
  things.forEach((t, i) => {
    for (const k of t.keys) thingsByKey.set(`${t.type}|${k}`, [...(thingsByKey.get(`${t.type}|${k}`) ?? []), i]);
  });
  const entitiesOfThing = new Map<number, Set<string>>();
  const documentsOf = new Map(entities.map((e) => [e.key, new Set(e.mentions.map((m) => m.docId))]));
  const merged: IdentityReport['merged'] = [];
  const genericAliases: IdentityReport['genericAliases'] = [];
  for (const e of entities) {
    const label = e.labels[0] ?? '';
    if (!IDENTITY_LABELS.includes(label)) continue;
    for (const alias of [e.name, ...e.aliases]) if (isGenericTerm(alias)) genericAliases.push({ entityKey: e.key, alias });
    const matched = new Set<number>();
    for (const k of folding.matchKeys([e.name, ...e.aliases])) for (const i of thingsByKey.get(`${label}|${k}`) ?? []) matched.add(i);
    for (const i of matched) entitiesOfThing.set(i, (entitiesOfThing.get(i) ?? new Set()).add(e.key));
    if (matched.size > 1)
      merged.push({
        entityKey: e.key,
        things: [...matched]
          .sort((a, b) => a - b)
          .map((i) => things[i])
          .filter((t): t is GoldThing => t !== undefined),
      });
  }
  const split: IdentityReport['split'] = [];
  things.forEach((thing, i) => {
    const keys = entitiesOfThing.get(i);
    if (!keys || keys.size < 2 || thing.contestedBy.length > 0) return;
    // Split inside one document (a resolve-stage miss) or only across documents (a write-time one).
    const seen = new Set<string>();
    let withinDocument = false;
    for (const key of keys)
      for (const doc of documentsOf.get(key) ?? []) {
        if (seen.has(doc)) withinDocument = true;
        seen.add(doc);
      }
    split.push({ thing, entityKeys: [...keys].sort(), withinDocument });
  });
  return { things: things.length, split, merged, genericAliases, contested: things.filter((t) => t.contestedBy.length > 0) };
}

export function formatIdentity(report: IdentityReport, how = 'merged by entity key'): string {
  const lines = [`IDENTITY over the corpus graph ${how}: ${report.things} real things (gold ${IDENTITY_LABELS.join('/')})`];
  const within = report.split.filter((s) => s.withinDocument).length;
  lines.push(`  split over several entities: ${report.split.length} (${within} within one document, ${report.split.length - within} only across documents)`);
  for (const s of report.split) lines.push(`    ${s.withinDocument ? 'in-doc ' : 'x-doc  '}${s.thing.type} ${s.thing.names.join(' | ')}  ->  ${s.entityKeys.join(', ')}`);
  lines.push(`  entities covering several real things: ${report.merged.length}`);
  for (const m of report.merged) lines.push(`    ${m.entityKey}  ->  ${m.things.map((t) => t.names.join(' | ')).join('  //  ')}`);
  lines.push(`  generic aliases: ${report.genericAliases.length}`);
  for (const g of report.genericAliases) lines.push(`    ${g.entityKey}: "${g.alias}"`);
  lines.push(`  contested by the gold files (one joins names another keeps apart; not scored): ${report.contested.length}`);
  for (const c of report.contested) lines.push(`    ${c.type} ${c.names.join(' | ')}  (kept apart in ${c.contestedBy.join(', ')})`);
  return `${lines.join('\n')}\n`;
}
