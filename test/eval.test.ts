import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { nameFolding } from '../tools/eval/fold.ts';
import { goldPhaseKey } from '../tools/eval/phase.ts';
import { scoreDocument } from '../tools/eval/match.ts';
import type { ExtractedDocument, ScoredEntity, ScoredRelation } from '../tools/eval/match.ts';
import type { GoldDocument, GoldEntity, GoldRelation } from '../tools/eval/gold.ts';
import { findGoldFiles, loadGoldFile } from '../tools/eval/gold.ts';
import { maxMatching, prf } from '../tools/eval/score.ts';
import { knowledge } from './support/knowledge.ts';
import { extractText } from '../src/index.ts';
import { triggers, unexplainedSentences } from '../tools/eval/audit.ts';
import { bySource, parseManifest, sourceGroup } from '../tools/eval/source.ts';
import type { CorpusEvaluation, DocumentEvaluation } from '../tools/eval/run.ts';
import { CountTable } from '../tools/eval/score.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const folding = nameFolding(knowledge.names);
const { matchKey } = folding;

function gold(entities: GoldEntity[], relations: GoldRelation[] = [], negatives: string[] = []): GoldDocument {
  return { document: 'x.txt', entities, relations, negatives };
}

function entity(label: string, name: string, aliases: string[] = [], key = `${label.toLowerCase()}:${name}`): ScoredEntity {
  return { key, labels: [label], name, aliases, rules: ['test-rule'] };
}

function relation(type: string, start: string, end: string, properties: Record<string, unknown> = {}): ScoredRelation {
  return { type, start, end, properties, rules: ['test-rel'] };
}

function extracted(entities: ScoredEntity[], relations: ScoredRelation[] = []): ExtractedDocument {
  return { entities, relations };
}

describe('eval name folding', () => {
  it('folds case, punctuation, spaces and legal suffixes', () => {
    expect(matchKey('ImmunoGen, Inc.')).toBe(matchKey('IMMUNOGEN'));
    expect(matchKey('sanofi-aventis')).toBe(matchKey('Sanofi Aventis'));
    expect(matchKey('Jiangsu Hansoh Pharmaceutical Co.,Ltd')).toBe(matchKey('Jiangsu Hansoh Pharmaceutical'));
    expect(matchKey('Novo Nordisk A/S')).toBe(matchKey('Novo Nordisk'));
    expect(matchKey('Foo S.A.')).toBe(matchKey('Foo'));
    expect(matchKey('examab-DM9')).toBe(matchKey('examab DM9'));
  });

  it('keeps what tells companies apart', () => {
    expect(matchKey('Merck & Co., Inc.')).not.toBe(matchKey('Merck'));
    expect(matchKey('Merck KGaA')).not.toBe(matchKey('Merck'));
    expect(matchKey('Pfizer')).not.toBe(matchKey('Pfizer Pharma'));
  });
});

describe('gold phase mapping', () => {
  it.each([
    ['Phase II', 'PHASE_2'],
    ['Phase 2', 'PHASE_2'],
    ['Phase IIb', 'PHASE_2'],
    ['Phase 1b', 'PHASE_1'],
    ['Phase I/II', 'PHASE_1_2'],
    ['Phase 2/3', 'PHASE_2_3'],
    ['Phase III', 'PHASE_3'],
    ['Preclinical', 'PRECLINICAL'],
  ])('%s → %s', (text, key) => {
    expect(goldPhaseKey(text)).toBe(key);
  });

  it('names no phase for other text', () => {
    expect(goldPhaseKey('Phase V')).toBeUndefined();
    expect(goldPhaseKey('HER2')).toBeUndefined();
  });
});

describe('entity matching', () => {
  it('matches through aliases and suffix folding, counting one true positive', () => {
    const g = gold([{ type: 'Company', name: 'ImmunoGen', aliases: ['IMGN'] }]);
    const viaSuffix = scoreDocument(g, extracted([entity('Company', 'ImmunoGen, Inc.')]), folding);
    expect(viaSuffix.entities.total()).toEqual({ gold: 1, goldFound: 1, predicted: 1, predictedCorrect: 1 });
    const viaAlias = scoreDocument(g, extracted([entity('Company', 'Something Else', ['IMGN'])]), folding);
    expect(viaAlias.entities.total().goldFound).toBe(1);
  });

  it('requires the label (or an alsoTypes label) to agree', () => {
    const g = gold([
      { type: 'Technology', name: 'DM1', alsoTypes: ['Drug'] },
      { type: 'Target', name: 'HER2' },
    ]);
    const s = scoreDocument(g, extracted([entity('Drug', 'DM1'), entity('Disease', 'HER2')]), folding);
    expect(s.entities.total()).toEqual({ gold: 2, goldFound: 1, predicted: 2, predictedCorrect: 1 });
    expect(s.missedEntities.map((m) => m.gold.name)).toEqual(['HER2']);
    expect(s.falsePositiveEntities.map((f) => f.entity.name)).toEqual(['HER2']);
  });

  it('counts a second entity matching the same gold entity as a false positive', () => {
    const g = gold([{ type: 'Company', name: 'Genentech' }]);
    const s = scoreDocument(g, extracted([entity('Company', 'Genentech'), entity('Company', 'Genentech, Inc.', [], 'company:dup')]), folding);
    expect(s.entities.total()).toEqual({ gold: 1, goldFound: 1, predicted: 2, predictedCorrect: 1 });
    expect(s.falsePositiveEntities[0]?.duplicateOf).toBe('Genentech');
  });

  it('finds the assignment that matches most, whatever the order', () => {
    // The first extracted entity could take either gold entity; the second only one of them.
    const g = gold([
      { type: 'Drug', name: 'alpha', aliases: ['beta'] },
      { type: 'Drug', name: 'gamma', aliases: ['beta2'] },
    ]);
    const s = scoreDocument(g, extracted([entity('Drug', 'beta', ['beta2']), entity('Drug', 'alpha')]), folding);
    expect(s.entities.total().goldFound).toBe(2);
    expect(s.falsePositiveEntities).toEqual([]);
  });

  it('neither rewards nor penalises optional and unscored gold entities', () => {
    const g = gold([
      { type: 'Technology', name: 'maytansinoid', optional: true },
      { type: 'Organization', name: 'FDA', alsoTypes: ['Company'] },
      { type: 'Company', name: 'Genentech' },
    ]);
    const s = scoreDocument(g, extracted([entity('Technology', 'maytansinoid'), entity('Company', 'FDA'), entity('Location', 'Boston')]), folding);
    expect(s.entities.total()).toEqual({ gold: 1, goldFound: 0, predicted: 0, predictedCorrect: 0 });
    expect(s.falsePositiveEntities).toEqual([]);
  });

  it('reports unmatched extracted entities with their rules, and gold negatives', () => {
    const s = scoreDocument(gold([], [], ['Investor Relations']), extracted([entity('Company', 'Investor Relations')]), folding);
    expect(s.falsePositiveEntities[0]?.entity.rules).toEqual(['test-rule']);
    expect(s.negativesHit.map((e) => e.name)).toEqual(['Investor Relations']);
    expect(prf(s.entities.total())).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('relation matching', () => {
  const companies: GoldEntity[] = [
    { type: 'Company', name: 'ImmunoGen', aliases: ['ImmunoGen, Inc.'] },
    { type: 'Company', name: 'Genentech' },
    { type: 'Drug', name: 'examab-DM9', aliases: ['E-DM9'] },
  ];
  const ours = [entity('Company', 'ImmunoGen', [], 'c:imgn'), entity('Company', 'Genentech', [], 'c:gne'), entity('Drug', 'E-DM9', [], 'd:tdm1')];

  it('matches type and both endpoints through entity matching', () => {
    const g = gold(companies, [{ type: 'DEVELOPS', source: 'Genentech', target: 'examab-DM9' }]);
    const hit = scoreDocument(g, extracted(ours, [relation('DEVELOPS', 'c:gne', 'd:tdm1')]), folding);
    expect(hit.relations.total()).toEqual({ gold: 1, goldFound: 1, predicted: 1, predictedCorrect: 1 });
    const reversed = scoreDocument(g, extracted(ours, [relation('DEVELOPS', 'd:tdm1', 'c:gne')]), folding);
    expect(reversed.relations.total()).toEqual({ gold: 1, goldFound: 0, predicted: 1, predictedCorrect: 0 });
    expect(reversed.falsePositiveRelations[0]).toMatchObject({ startName: 'E-DM9', endName: 'Genentech' });
  });

  it('accepts either order for COLLABORATES_WITH', () => {
    const g = gold(companies, [{ type: 'COLLABORATES_WITH', source: 'ImmunoGen', target: 'Genentech' }]);
    const s = scoreDocument(g, extracted(ours, [relation('COLLABORATES_WITH', 'c:gne', 'c:imgn')]), folding);
    expect(s.relations.total().goldFound).toBe(1);
  });

  it('maps gold phase names onto phase keys for IN_PHASE', () => {
    const g = gold(companies, [{ type: 'IN_PHASE', source: 'examab-DM9', target: 'Phase II' }]);
    const withPhase = [...ours, { key: 'PHASE_2', labels: ['Phase'], name: 'Phase 2', aliases: [], rules: [] }];
    const right = scoreDocument(g, extracted(withPhase, [relation('IN_PHASE', 'd:tdm1', 'PHASE_2')]), folding);
    expect(right.relations.total().goldFound).toBe(1);
    expect(right.entities.total().predicted).toBe(3); // the Phase node is not scored
    const wrong = scoreDocument(g, extracted(withPhase, [relation('IN_PHASE', 'd:tdm1', 'PHASE_3')]), folding);
    expect(wrong.relations.total().goldFound).toBe(0);
  });

  it('ignores optional gold relations but counts unmatched extracted ones', () => {
    const g = gold(companies, [{ type: 'COLLABORATES_WITH', source: 'ImmunoGen', target: 'Genentech', optional: true }]);
    const s = scoreDocument(g, extracted(ours, [relation('COLLABORATES_WITH', 'c:imgn', 'c:gne'), relation('OWNS', 'c:imgn', 'd:tdm1')]), folding);
    expect(s.relations.total()).toEqual({ gold: 0, goldFound: 0, predicted: 1, predictedCorrect: 0 });
    expect(s.falsePositiveRelations.map((f) => f.relation.type)).toEqual(['OWNS']);
  });

  it('says which missed relations lack an endpoint entity', () => {
    const g = gold(companies, [{ type: 'DEVELOPS', source: 'Genentech', target: 'examab-DM9' }]);
    const s = scoreDocument(g, extracted([ours[1] ?? entity('Company', 'x')]), folding);
    expect(s.missedRelations[0]).toMatchObject({ sourceFound: true, targetFound: false });
  });

  it('checks milestone amount and currency exactly', () => {
    const g = gold(companies, [{ type: 'EARNED_MILESTONE', source: 'ImmunoGen', target: 'Genentech', props: { amount: 5000000, currency: 'USD' } }]);
    const exact = scoreDocument(g, extracted(ours, [relation('EARNED_MILESTONE', 'c:imgn', 'c:gne', { amount: 5000000, currency: 'USD' })]), folding);
    expect(exact.moneyChecks.map((m) => m.exact)).toEqual([true]);
    const off = scoreDocument(g, extracted(ours, [relation('EARNED_MILESTONE', 'c:imgn', 'c:gne', { amount: 5, currency: 'USD' })]), folding);
    expect(off.moneyChecks.map((m) => m.exact)).toEqual([false]);
  });
});

describe('maxMatching', () => {
  it('reassigns earlier picks to make room (augmenting paths)', () => {
    const options = [[0, 1], [0]];
    expect(maxMatching(2, (i) => options[i] ?? [])).toEqual([1, 0]);
  });
});

describe('the corpus gold files', () => {
  const files = findGoldFiles(CORPUS);

  it('are found recursively, reference document included', () => {
    expect(files.some((f) => f.endsWith('000_09ba589ba7ebe117.gold.json'))).toBe(true);
    expect(files.some((f) => f.includes('/dev/'))).toBe(true);
  });

  // A gold annotation turned into an "extraction" must score perfectly: proves the scorer reads every
  // real gold file (its aliases, alsoTypes, phases, symmetric relations) as the README intends.
  it.each(files.map((f) => [f.slice(CORPUS.length), f]))('%s scores 100%% against itself', (_name, path) => {
    const { gold: g } = loadGoldFile(path);
    const keyOf = (i: number): string => `gold:${i}`;
    const entities: ScoredEntity[] = g.entities.map((e, i) => ({ key: keyOf(i), labels: [e.type], name: e.name, aliases: e.aliases ?? [], rules: [] }));
    const phases = new Set<string>();
    const relations: ScoredRelation[] = [];
    for (const r of g.relations) {
      const source = g.entities.findIndex((e) => e.name === r.source);
      let end: string;
      if (r.type === 'IN_PHASE') {
        end = goldPhaseKey(r.target) ?? 'no-phase';
        phases.add(end);
      } else end = keyOf(g.entities.findIndex((e) => e.name === r.target));
      relations.push({ type: r.type, start: keyOf(source), end, properties: r.props ?? {}, rules: [] });
    }
    for (const p of phases) entities.push({ key: p, labels: ['Phase'], name: p, aliases: [], rules: [] });
    const s = scoreDocument(g, { entities, relations }, folding);
    expect(s.missedEntities).toEqual([]);
    expect(s.falsePositiveEntities).toEqual([]);
    expect(s.missedRelations).toEqual([]);
    expect(s.falsePositiveRelations).toEqual([]);
    expect(s.moneyChecks.every((m) => m.exact)).toBe(true);
  });
});

describe('source groups (--by-source)', () => {
  const row = (source_repo: string, doc_kind: string, source_path = 'x') => ({ source_repo, source_path, doc_kind });

  it.each([
    [row('search:pages (stored web pages; not GitHub)', '8-K (text, Item 1.01)'), '8-K text'],
    [row('search:pages (stored web pages; not GitHub)', '8-K/A (text, Item 2.01)'), '8-K text'],
    [row('search:pages', 'press-release (opening ~2,000 chars)'), 'page excerpts'],
    [row('search:pages (stored web pages; not GitHub)', 'press-release (excerpt: page beginning, cut at ~2,300 chars)'), 'page excerpts'],
    [row('Newsworthyai/press-release-archive', 'press-release (full; newsdirect)'), 'wire releases'],
    [row('Newsworthyai/press-release-archive', 'press-release'), 'wire releases'],
    [row('search:pages (stored web pages; not GitHub)', 'press-release (full short release)', 'https://prnewswire.com/news-releases/x.html'), 'wire releases'],
    [row('samueltof/pharma-news-scraping', 'press-release'), 'newsroom scrape'],
    [row('zhigehe/bulwark', 'press-release (full; morningstar)'), 'newsroom scrape'],
    [row('someone/else', 'press-release'), 'other'],
  ])('%o → %s', (r, group) => {
    expect(sourceGroup(r)).toBe(group);
  });

  it('puts documents the manifest does not list in "reference", and everything in "all" without a manifest', () => {
    const manifest = parseManifest('file\tsource_repo\tsource_path\tcommit_if_known\tcompany\tdate\tdoc_kind\ttopics\tchars\n' + '002_a.txt\tsamueltof/pharma-news-scraping\tp\t\tA / B\t2019-01-03\tpress-release\tlicense\t100\n');
    expect(manifest.get('002_a.txt')?.company).toBe('A / B');
    const doc = (path: string): DocumentEvaluation => ({ textPath: path, score: { entities: new CountTable(), relations: new CountTable() } }) as unknown as DocumentEvaluation;
    const evaluation = { documents: [doc('/c/dev/002_a.txt'), doc('/c/000_ref.txt')] } as unknown as CorpusEvaluation;
    expect(bySource(evaluation, manifest).map((g) => [g.group, g.documents])).toEqual([
      ['newsroom scrape', 1],
      ['reference', 1],
    ]);
    expect(bySource(evaluation, undefined).map((g) => [g.group, g.documents])).toEqual([['all', 2]]);
  });
});

describe('unexplained sentences (--unexplained)', () => {
  it('recognises money, deal words and phases', () => {
    expect(triggers('It paid €10m and USD 20 million.')).toEqual(['money']);
    expect(triggers('The licence was granted.')).toEqual(['deal']);
    expect(triggers('A Phase 1b/2a trial and a Phase III trial.')).toEqual(['phase']);
    expect(triggers('The weather was fine in phase in.')).toEqual([]);
  });

  it('lists a money sentence without a fact, not the licence sentence a relation cites, nor forward-looking text', () => {
    const text =
      'Acme Therapeutics, Inc. granted Beta Pharma Corp. an exclusive license to develop and commercialize ACM-101.\n\n' +
      'The company reported revenue of $10 million for the quarter.\n\n' +
      'This press release contains forward-looking statements about a $3 million payment.\n';
    const extractions = extractText(text, { path: 'made-up.txt', knowledge });
    const relationships = extractions.flatMap((x) => x.graph.relationships);
    expect(relationships.some((r) => r.type === 'LICENSES' || r.type === 'LICENSES_TO')).toBe(true);
    const found = extractions.flatMap((x) => unexplainedSentences(x.document, relationships));
    expect(found.map((s) => [s.kinds, s.text])).toEqual([[['money'], 'The company reported revenue of $10 million for the quarter.']]);
    // Without the relations, the licence sentence is unexplained too.
    const bare = extractions.flatMap((x) => unexplainedSentences(x.document, []));
    expect(bare.map((s) => s.kinds)).toEqual([['deal'], ['money']]);
  });
});
