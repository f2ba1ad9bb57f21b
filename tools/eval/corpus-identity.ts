// The identity check of a whole corpus: every gold document's graph and those of the format samples
// (which have no gold but can add duplicates and junk) merged into one graph as `kg extract` merges
// many files, then scored by identity.ts against every gold file. `npm run eval -- --identity` reuses
// the evaluation's extractions; the corpus test (test/resolve-corpus-identity.test.ts) runs it alone.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractInputs, loadKnowledge, mergeGraphs, type Graph, type Knowledge } from '../../src/index.ts';
import { findGoldFiles, loadGoldFile, type GoldDocument } from './gold.ts';
import { nameFolding } from './fold.ts';
import { identityReport, type IdentityReport } from './identity.ts';
import type { CorpusEvaluation } from './run.ts';

/** The document graphs of every input under the given paths (missing paths give none). */
export async function graphsOf(paths: readonly string[], knowledge: Knowledge): Promise<Graph[]> {
  const graphs: Graph[] = [];
  for await (const result of extractInputs(
    paths.filter((p) => existsSync(p)),
    { knowledge },
  ))
    if (result.ok) graphs.push(...result.extractions.map((x) => x.graph));
  return graphs;
}

function report(golds: readonly GoldDocument[], graphs: readonly Graph[], knowledge: Knowledge): { report: IdentityReport; graph: Graph } {
  const graph = mergeGraphs(graphs);
  return { report: identityReport(golds, graph.entities, nameFolding(knowledge.names), (name) => knowledge.names.isGenericTerm(name)), graph };
}

/** The identity report of an evaluation's documents plus the files of `formatsDir`. */
export async function corpusIdentity(evaluation: CorpusEvaluation, formatsDir: string, knowledge: Knowledge = loadKnowledge()): Promise<IdentityReport> {
  const graphs = evaluation.documents.flatMap((d) => d.extractions.map((x) => x.graph));
  const golds = evaluation.documents.map((d) => loadGoldFile(d.goldPath).gold);
  return report(golds, [...graphs, ...(await graphsOf([formatsDir], knowledge))], knowledge).report;
}

/** Extracts every gold document under `corpusRoot` and `<corpusRoot>/formats`, merges them, and reports. */
export async function identityOfCorpus(corpusRoot: string, knowledge: Knowledge): Promise<{ report: IdentityReport; graph: Graph }> {
  const goldFiles = findGoldFiles(corpusRoot).map(loadGoldFile);
  const graphs = await graphsOf([...goldFiles.map((f) => f.textPath), join(corpusRoot, 'formats')], knowledge);
  return report(
    goldFiles.map((f) => f.gold),
    graphs,
    knowledge,
  );
}
