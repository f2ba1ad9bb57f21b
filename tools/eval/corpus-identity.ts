// The identity check of a whole evaluation: the documents' graphs (and those of the format samples,
// which have no gold but can add duplicates and junk) merged into one graph as `kg extract` merges
// many files, then scored by identity.ts against every gold file of the evaluation.
import { existsSync } from 'node:fs';
import { extractInputs, loadKnowledge, mergeGraphs, type Graph, type Knowledge } from '../../src/index.ts';
import { loadGoldFile } from './gold.ts';
import { nameFolding } from './fold.ts';
import { identityReport, type IdentityReport } from './identity.ts';
import type { CorpusEvaluation } from './run.ts';

/** The graphs of every file under `dir` (none when it does not exist). */
export async function extraGraphs(dir: string, knowledge: Knowledge): Promise<Graph[]> {
  if (!existsSync(dir)) return [];
  const graphs: Graph[] = [];
  for await (const result of extractInputs([dir], { knowledge })) if (result.ok) graphs.push(...result.extractions.map((x) => x.graph));
  return graphs;
}

export async function corpusIdentity(evaluation: CorpusEvaluation, formatsDir: string, knowledge: Knowledge = loadKnowledge()): Promise<IdentityReport> {
  const graphs = evaluation.documents.flatMap((d) => d.extractions.map((x) => x.graph));
  const merged = mergeGraphs([...graphs, ...(await extraGraphs(formatsDir, knowledge))]);
  const golds = evaluation.documents.map((d) => loadGoldFile(d.goldPath).gold);
  return identityReport(golds, merged.entities, nameFolding(knowledge.names), (name) => knowledge.names.isGenericTerm(name));
}
