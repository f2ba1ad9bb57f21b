// Renders an evaluation: a fixed-width table for people, a JSON object for tools, and the per-
// document misses and false positives (with the rule that made each false positive) for rule work.
import type { CorpusEvaluation, DocumentEvaluation } from './run.ts';
import type { SourceGroupFigures } from './source.ts';
import type { Counts } from './score.ts';
import { CountTable, prf } from './score.ts';

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);

function row(name: string, c: Counts): string {
  const { precision, recall, f1 } = prf(c);
  return `${name.padEnd(20)} ${String(c.gold).padStart(5)} ${String(c.predicted).padStart(5)} ${String(c.goldFound).padStart(5)} ${pct(precision)} ${pct(recall)} ${pct(f1)}`;
}

function table(title: string, counts: CountTable): string[] {
  const lines = [`${title.padEnd(20)} ${'gold'.padStart(5)} ${'pred'.padStart(5)} ${'found'.padStart(5)} ${'P%'.padStart(6)} ${'R%'.padStart(6)} ${'F1%'.padStart(6)}`];
  for (const [key, c] of counts.sorted()) lines.push(row(key, c));
  lines.push(row('micro', counts.total()));
  return lines;
}

export interface MoneySummary {
  type: string;
  checked: number;
  exact: number;
}

/** Matched relations whose gold gives amount/currency, per type: how many have both exactly right. */
export function moneySummary(evaluation: CorpusEvaluation): MoneySummary[] {
  const byType = new Map<string, MoneySummary>();
  for (const d of evaluation.documents) {
    for (const m of d.score.moneyChecks) {
      const s = byType.get(m.type) ?? { type: m.type, checked: 0, exact: 0 };
      s.checked += 1;
      if (m.exact) s.exact += 1;
      byType.set(m.type, s);
    }
  }
  return [...byType.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

export function formatTable(evaluation: CorpusEvaluation): string {
  const lines: string[] = [`Evaluated ${evaluation.documents.length} gold-annotated document(s)`, ''];
  lines.push(...table('ENTITIES', evaluation.entities), '');
  lines.push(...table('RELATIONS', evaluation.relations), '');
  const money = moneySummary(evaluation);
  const milestone = money.find((m) => m.type === 'EARNED_MILESTONE') ?? { type: 'EARNED_MILESTONE', checked: 0, exact: 0 };
  lines.push(`amount+currency exact on matched relations: EARNED_MILESTONE ${milestone.exact}/${milestone.checked}`);
  for (const m of money) if (m.type !== 'EARNED_MILESTONE') lines.push(`  ${m.type} ${m.exact}/${m.checked}`);
  const negatives = evaluation.documents.reduce((n, d) => n + d.score.negativesHit.length, 0);
  lines.push(`gold "negatives" extracted as entities: ${negatives}`, '');
  lines.push(...dealLines(evaluation), '');
  lines.push(`${'document'.padEnd(60)} ${'ent F1%'.padStart(7)} ${'rel F1%'.padStart(7)}`);
  for (const d of evaluation.documents) {
    const note = d.error ? `  ERROR ${d.error.toLine()}` : '';
    lines.push(`${d.name.slice(0, 60).padEnd(60)} ${pct(prf(d.score.entities.total()).f1).padStart(7)} ${pct(prf(d.score.relations.total()).f1).padStart(7)}${note}`);
  }
  return `${lines.join('\n')}\n`;
}

const ratio = (found: number, total: number): string => `${found}/${total} (${total === 0 ? '  —' : pct(found / total).trim()}%)`;

/** The deal figures: P/R/F1 over deals, term accuracy, field accuracy on matched deals. */
function dealLines(evaluation: CorpusEvaluation): string[] {
  const d = evaluation.deals;
  const { fields } = d;
  return [
    `${'DEALS'.padEnd(20)} ${'gold'.padStart(5)} ${'pred'.padStart(5)} ${'found'.padStart(5)} ${'P%'.padStart(6)} ${'R%'.padStart(6)} ${'F1%'.padStart(6)}`,
    row('deals', d.deals),
    `term accuracy on matched deals: ${ratio(d.terms.found, d.terms.gold)}`,
    `fields on matched deals: status ${ratio(fields.status.equal, fields.status.compared)}, exclusive ${ratio(fields.exclusive.equal, fields.exclusive.compared)}, territory ${ratio(fields.territory.equal, fields.territory.compared)}`,
  ];
}

/** The `deals` member of the JSON output. */
export function dealsJson(evaluation: CorpusEvaluation): Record<string, unknown> {
  const d = evaluation.deals;
  const accuracy = (found: number, total: number): number => (total === 0 ? 0 : found / total);
  return {
    ...figures(d.deals),
    terms: { gold: d.terms.gold, found: d.terms.found, accuracy: accuracy(d.terms.found, d.terms.gold) },
    fields: Object.fromEntries(Object.entries(d.fields).map(([name, f]) => [name, { ...f, accuracy: accuracy(f.equal, f.compared) }])),
  };
}

/** Entity and relation micro P/R/F1 per source group, with its document count. */
export function formatBySource(groups: readonly SourceGroupFigures[]): string {
  const head = ['docs', 'ent P%', 'ent R%', 'ent F1%', 'rel P%', 'rel R%', 'rel F1%'];
  const lines = [`${'BY SOURCE'.padEnd(20)} ${head.map((h) => h.padStart(7)).join(' ')}`];
  for (const g of groups) {
    const e = prf(g.entities.total());
    const r = prf(g.relations.total());
    const cells = [String(g.documents), pct(e.precision), pct(e.recall), pct(e.f1), pct(r.precision), pct(r.recall), pct(r.f1)];
    lines.push(`${g.group.padEnd(20)} ${cells.map((c) => c.trim().padStart(7)).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The `bySource` member of the JSON output: per group, document count and micro figures. */
export function bySourceJson(groups: readonly SourceGroupFigures[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const g of groups) out[g.group] = { documents: g.documents, entities: figures(g.entities.total()), relations: figures(g.relations.total()) };
  return out;
}

function figures(c: Counts): Counts & ReturnType<typeof prf> {
  return { ...c, ...prf(c) };
}

function tableJson(counts: CountTable): Record<string, Counts & ReturnType<typeof prf>> {
  const out: Record<string, Counts & ReturnType<typeof prf>> = {};
  for (const [k, c] of counts.sorted()) out[k] = figures(c);
  return out;
}

/** Machine-readable figures: per label / type and micro, money exactness, per document. */
export function toEvalJson(evaluation: CorpusEvaluation): Record<string, unknown> {
  return {
    documents: evaluation.documents.length,
    entities: { micro: figures(evaluation.entities.total()), byLabel: tableJson(evaluation.entities) },
    relations: { micro: figures(evaluation.relations.total()), byType: tableJson(evaluation.relations) },
    moneyExact: moneySummary(evaluation),
    deals: dealsJson(evaluation),
    negativesHit: evaluation.documents.reduce((n, d) => n + d.score.negativesHit.length, 0),
    byDocument: evaluation.documents.map((d) => ({
      document: d.name,
      entities: figures(d.score.entities.total()),
      relations: figures(d.score.relations.total()),
      deals: figures(d.deals.deals),
      ...(d.error ? { error: d.error.toLine() } : {}),
    })),
  };
}

/** An amount or currency as the misses list prints it: strings and numbers as they are, a dash for none. */
function moneyValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function rules(list: readonly string[]): string {
  return list.length > 0 ? ` [${list.join(', ')}]` : '';
}

export function formatMisses(d: DocumentEvaluation): string {
  const s = d.score;
  const lines: string[] = [`== ${d.name}`];
  if (d.error) lines.push(`  ERROR ${d.error.toLine()}`);
  lines.push(`  missed entities (${s.missedEntities.length}):`);
  for (const m of s.missedEntities) {
    const aliases = m.gold.aliases?.length ? ` (aka ${m.gold.aliases.join(' | ')})` : '';
    lines.push(`    - ${m.gold.type} "${m.gold.name}"${aliases}`);
  }
  lines.push(`  false-positive entities (${s.falsePositiveEntities.length}):`);
  for (const f of s.falsePositiveEntities) {
    const dup = f.duplicateOf === undefined ? '' : ` duplicate of gold "${f.duplicateOf}"`;
    lines.push(`    + ${f.entity.labels.join('+')} "${f.entity.name}" ${f.entity.key}${dup}${rules(f.entity.rules)}`);
  }
  if (s.negativesHit.length > 0) {
    lines.push(`  gold negatives extracted (${s.negativesHit.length}):`);
    for (const e of s.negativesHit) lines.push(`    ! ${e.labels.join('+')} "${e.name}" ${e.key}${rules(e.rules)}`);
  }
  lines.push(`  missed relations (${s.missedRelations.length}):`);
  for (const m of s.missedRelations) {
    const why = !m.sourceFound || !m.targetFound ? `  (no entity for ${[!m.sourceFound ? 'source' : '', !m.targetFound ? 'target' : ''].filter(Boolean).join(' and ')})` : '';
    lines.push(`    - ${m.gold.type} "${m.gold.source}" → "${m.gold.target}"${why}`);
  }
  lines.push(`  false-positive relations (${s.falsePositiveRelations.length}):`);
  for (const f of s.falsePositiveRelations) {
    const dup = f.duplicateOf === undefined ? '' : ` duplicate of gold ${f.duplicateOf}`;
    lines.push(`    + ${f.relation.type} "${f.startName}" → "${f.endName}"${dup}${rules(f.relation.rules)}`);
  }
  const wrongMoney = s.moneyChecks.filter((m) => !m.exact);
  if (wrongMoney.length > 0) {
    lines.push(`  matched relations with wrong amount/currency (${wrongMoney.length}):`);
    for (const m of wrongMoney) {
      const ours = `${moneyValue(m.extracted.properties['amount'])} ${moneyValue(m.extracted.properties['currency'])}`;
      const theirs = `${moneyValue(m.gold.props?.['amount'])} ${moneyValue(m.gold.props?.['currency'])}`;
      lines.push(`    ~ ${m.type} "${m.gold.source}" → "${m.gold.target}": ours ${ours}, gold ${theirs}`);
    }
  }
  lines.push(...dealMissLines(d));
  return `${lines.join('\n')}\n`;
}

function partiesText(parties: readonly { name: string; role: string }[]): string {
  return parties.map((p) => `${p.name} (${p.role})`).join(', ');
}

function dealMissLines(d: DocumentEvaluation): string[] {
  const s = d.deals;
  const lines: string[] = [`  missed deals (${s.missedDeals.length}):`];
  for (const g of s.missedDeals) lines.push(`    - ${g.kind} ${partiesText(g.parties)}`);
  lines.push(`  false-positive deals (${s.falsePositiveDeals.length}):`);
  for (const f of s.falsePositiveDeals) lines.push(`    + ${f.kind} ${partiesText(f.parties)}`);
  if (s.missedTerms.length > 0) {
    lines.push(`  missed terms of matched deals (${s.missedTerms.length}):`);
    for (const m of s.missedTerms) {
      const ours = m.ours.map((t) => `${t.kind} ${moneyValue(t.amount)}`).join('; ');
      lines.push(`    - ${m.deal.kind} ${partiesText(m.deal.parties)}: ${m.term.kind} ${moneyValue(m.term.amount)} ${moneyValue(m.term.currency)} (ours: ${ours || 'none'})`);
    }
  }
  if (s.wrongFields.length > 0) {
    lines.push(`  wrong fields of matched deals (${s.wrongFields.length}):`);
    for (const w of s.wrongFields) lines.push(`    ~ ${w.deal.kind} ${partiesText(w.deal.parties)}: ${w.field} ours ${moneyValue(w.ours)}, gold ${moneyValue(w.gold)}`);
  }
  return lines;
}
