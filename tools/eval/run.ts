// Runs the extraction pipeline on every gold-annotated document and scores it. The pipeline is used
// exactly as `kg extract` uses it (extractInputs per file), so the scores describe the real product.
import { extractInputs, loadKnowledge, mergeGraphs, type DocumentExtraction, type KgError, type Knowledge } from '../../src/index.ts';
import { findGoldFiles, loadGoldFile } from './gold.ts';
import type { GoldFile } from './gold.ts';
import { scoreDocument } from './match.ts';
import { nameFolding } from './fold.ts';
import type { DocumentScore, ExtractedDocument, ScoredEntity } from './match.ts';
import { CountTable } from './score.ts';
import { addDealScore, emptyDealScore, scoreDeals, scoredDeals, type DealScore } from './deals.ts';

export interface DocumentEvaluation {
  goldPath: string;
  textPath: string;
  /** The document's file name (what --doc filters on and reports print). */
  name: string;
  score: DocumentScore;
  /** Deals (README "Deals"): matched, missed and false-positive deals, terms and fields. */
  deals: DealScore;
  /** What the pipeline made of the file (one per structured document), for audits beyond the score. */
  extractions: DocumentExtraction[];
  /** Set when the pipeline could not process the file; the document then scores as all-missed. */
  error?: KgError;
}

export interface CorpusEvaluation {
  documents: DocumentEvaluation[];
  entities: CountTable;
  relations: CountTable;
  deals: DealScore;
}

/** The scorer's view of one file's extractions: the merged graph, each entity with its mention rules. */
export function toExtractedDocument(extractions: readonly DocumentExtraction[]): ExtractedDocument {
  const graph = mergeGraphs(extractions.map((x) => x.graph));
  const rulesAt = new Map<string, Set<string>>();
  for (const x of extractions) {
    for (const m of x.mentions.mentions) {
      const at = `${x.document.docId}|${m.start}|${m.end}`;
      const set = rulesAt.get(at) ?? new Set<string>();
      set.add(m.rule);
      rulesAt.set(at, set);
    }
  }
  const entities: ScoredEntity[] = graph.entities.map((e) => {
    const rules = new Set<string>();
    for (const m of e.mentions) for (const r of rulesAt.get(`${m.docId}|${m.start}|${m.end}`) ?? []) rules.add(r);
    // Entities made from filing metadata (the registrant) have no mentions; name their origin.
    if (e.mentions.length === 0) rules.add(e.labels[0] === 'Phase' ? 'phase' : 'filing-metadata');
    return { key: e.key, labels: e.labels, name: e.name, aliases: e.aliases, rules: [...rules].sort() };
  });
  const relations = graph.relationships.map((r) => ({
    type: r.type,
    start: r.start,
    end: r.end,
    properties: r.properties,
    rules: [...new Set(r.evidence.map((ev) => ev.rule))].sort(),
  }));
  return { entities, relations };
}

export async function evaluateGoldFile(file: GoldFile, knowledge: Knowledge): Promise<DocumentEvaluation> {
  const extractions: DocumentExtraction[] = [];
  let error: KgError | undefined;
  for await (const result of extractInputs([file.textPath], { knowledge })) {
    if (result.ok) extractions.push(...result.extractions);
    else error = result.error;
  }
  const folding = nameFolding(knowledge.names);
  const evaluation: DocumentEvaluation = {
    goldPath: file.goldPath,
    textPath: file.textPath,
    name: file.gold.document,
    score: scoreDocument(file.gold, toExtractedDocument(extractions), folding),
    deals: scoreDeals(file.gold.deals ?? [], scoredDeals(mergeGraphs(extractions.map((x) => x.graph)), folding), file.gold.entities, folding),
    extractions,
  };
  if (error) evaluation.error = error;
  return evaluation;
}

export interface EvaluateOptions {
  corpusRoot: string;
  /** Only documents whose gold or text path contains this substring. */
  docFilter?: string;
}

export async function evaluateCorpus(options: EvaluateOptions): Promise<CorpusEvaluation> {
  const documents: DocumentEvaluation[] = [];
  const entities = new CountTable();
  const relations = new CountTable();
  const deals = emptyDealScore();
  // Loaded once for the whole corpus, as `kg extract` loads it once per run.
  const knowledge = loadKnowledge();
  for (const goldPath of findGoldFiles(options.corpusRoot)) {
    if (options.docFilter !== undefined && !goldPath.includes(options.docFilter)) continue;
    const evaluation = await evaluateGoldFile(loadGoldFile(goldPath), knowledge);
    documents.push(evaluation);
    entities.addAll(evaluation.score.entities);
    relations.addAll(evaluation.score.relations);
    addDealScore(deals, evaluation.deals);
  }
  return { documents, entities, relations, deals };
}
