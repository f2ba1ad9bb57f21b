// Scores the whole pipeline on the sentence bank: every bank sentence goes through extraction alone and
// the relations it yields are compared with the hand annotation, overall and per relation type. The
// bank test holds the overall figures to their floors; the per-type counts show where a change moved.
import { extractText } from '../../src/pipeline.ts';
import { foldName } from '../../src/text/names.ts';
import { loadSentenceBank, type BankRow } from './sentence-bank.ts';
import { knowledge } from './knowledge.ts';

const DEAL_RELATIONSHIP_TYPES: ReadonlySet<string> = new Set(['PARTY_TO', 'COVERS', 'FOR_INDICATION', 'HAS_TERM']);

export interface BankScore {
  found: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface BankReport {
  readonly overall: BankScore;
  readonly byType: ReadonlyMap<string, BankScore>;
}

/** Every folded form (name and aliases) of a bank entity, keyed by its name. */
function formsOf(row: BankRow): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  for (const e of row.entities) forms.set(e.name, new Set([e.name, ...(e.aliases ?? [])].map((f) => foldName(knowledge.names.stripLegalSuffix(f)))));
  return forms;
}

function emptyScore(): BankScore {
  return { found: 0, gold: 0, predicted: 0, correct: 0 };
}

export function scoreSentenceBank(): BankReport {
  const overall = emptyScore();
  const byType = new Map<string, BankScore>();
  const scoreOf = (type: string): BankScore => {
    let score = byType.get(type);
    if (score === undefined) byType.set(type, (score = emptyScore()));
    return score;
  };
  for (const { row } of loadSentenceBank()) {
    const forms = formsOf(row);
    const graph = extractText(`${row.text}\n`, { knowledge, path: `${row.id}.txt` })[0]?.graph;
    const nameOf = new Map(graph?.entities.map((e) => [e.key, [e.name, ...(e.aliases ?? [])].map((f) => foldName(knowledge.names.stripLegalSuffix(f)))]) ?? []);
    const matches = (key: string, goldName: string): boolean => (nameOf.get(key) ?? []).some((f) => forms.get(goldName)?.has(f) === true);
    const stated = row.relations.filter((r) => r.optional !== true && r.type !== 'IN_PHASE' && !row.entities.some((e) => e.implicit === true && (e.name === r.source || e.name === r.target)));
    const optional = row.relations.filter((r) => r.optional === true);
    // Deal nodes' own relationships (PARTY_TO, COVERS, FOR_INDICATION, HAS_TERM) are no bank relations: deals are scored by the eval.
    const predicted = (graph?.relationships ?? []).filter((r) => r.type !== 'IN_PHASE' && !DEAL_RELATIONSHIP_TYPES.has(r.type));
    const same = (p: { type: string; start: string; end: string }, r: { type: string; source: string; target: string }): boolean =>
      r.type === p.type && ((matches(p.start, r.source) && matches(p.end, r.target)) || (p.type === 'COLLABORATES_WITH' && matches(p.start, r.target) && matches(p.end, r.source)));
    for (const r of stated) {
      const found = predicted.some((p) => same(p, r));
      for (const score of [overall, scoreOf(r.type)]) {
        score.gold += 1;
        if (found) score.found += 1;
      }
    }
    for (const p of predicted) {
      if (optional.some((r) => same(p, r))) continue;
      const correct = stated.some((r) => same(p, r));
      for (const score of [overall, scoreOf(p.type)]) {
        score.predicted += 1;
        if (correct) score.correct += 1;
      }
    }
  }
  return { overall, byType };
}

/** One line per relation type: gold, found, recall, predicted, precision. */
export function formatBankReport(report: BankReport): string {
  const percent = (a: number, b: number): string => (b === 0 ? '   —' : (100 * (a / b)).toFixed(1).padStart(5));
  const lines = [...report.byType.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, s]) => `  ${type.padEnd(18)} gold ${String(s.gold).padStart(3)} found ${String(s.found).padStart(3)} R ${percent(s.found, s.gold)} %  predicted ${String(s.predicted).padStart(3)} P ${percent(s.correct, s.predicted)} %`);
  const o = report.overall;
  return [`sentence bank: relations recall ${percent(o.found, o.gold).trim()} % (${o.found}/${o.gold}), precision ${percent(o.correct, o.predicted).trim()} % (${o.correct}/${o.predicted})`, ...lines].join('\n');
}
