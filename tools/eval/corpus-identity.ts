// The identity check of a whole corpus: every gold document's graph and those of the format samples
// (which have no gold but can add duplicates and junk) merged into one graph, then scored by
// identity.ts against every gold file, twice: merged by entity key alone (what the resolve stage of
// each document gives), and resolved across documents in input order as `kg extract` over many files
// and `kg ingest` build it (src/graph/identity.ts). `npm run eval -- --identity` reuses the
// evaluation's extractions; the corpus test (test/resolve-corpus-identity.test.ts) runs it alone.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractInputs, GraphAccumulator, loadKnowledge, mergeGraphs, type Graph, type Knowledge } from '../../src/index.ts';
import { corpusResolver } from '../../src/pipeline.ts';
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

/** One identity figure: the report and the graph it scores. */
export interface ScoredGraph {
  report: IdentityReport;
  graph: Graph;
}

/** The corpus merged by entity key alone (`keyed`) and resolved across documents (`resolved`). */
export interface CorpusIdentity extends ScoredGraph {
  resolved: ScoredGraph;
}

function score(golds: readonly GoldDocument[], graph: Graph, knowledge: Knowledge): ScoredGraph {
  return { report: identityReport(golds, graph.entities, nameFolding(knowledge.names), (name) => knowledge.names.isGenericTerm(name)), graph };
}

function report(golds: readonly GoldDocument[], graphs: readonly Graph[], knowledge: Knowledge): CorpusIdentity {
  const accumulator = new GraphAccumulator(corpusResolver({ knowledge }));
  for (const g of graphs) accumulator.add(g);
  return { ...score(golds, mergeGraphs(graphs), knowledge), resolved: score(golds, accumulator.result(), knowledge) };
}

/** The identity reports of an evaluation's documents plus the files of `formatsDir`. */
export async function corpusIdentity(evaluation: CorpusEvaluation, formatsDir: string, knowledge: Knowledge = loadKnowledge()): Promise<{ keyed: IdentityReport; resolved: IdentityReport }> {
  const graphs = evaluation.documents.flatMap((d) => d.extractions.map((x) => x.graph));
  const golds = evaluation.documents.map((d) => loadGoldFile(d.goldPath).gold);
  const scored = report(golds, [...graphs, ...(await graphsOf([formatsDir], knowledge))], knowledge);
  return { keyed: scored.report, resolved: scored.resolved.report };
}

/** Extracts every gold document under `corpusRoot` and `<corpusRoot>/formats`, merges them, and reports. */
export async function identityOfCorpus(corpusRoot: string, knowledge: Knowledge): Promise<CorpusIdentity> {
  const goldFiles = findGoldFiles(corpusRoot).map(loadGoldFile);
  const graphs = await graphsOf([...goldFiles.map((f) => f.textPath), join(corpusRoot, 'formats')], knowledge);
  return report(
    goldFiles.map((f) => f.gold),
    graphs,
    knowledge,
  );
}
