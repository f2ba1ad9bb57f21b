// Prints the identity report (tools/eval/identity.ts) of a graph JSON (`kg extract` output) against
// the gold files under corpus folders: gold things split over several nodes, nodes covering several,
// generic aliases, and things the gold files themselves disagree on.
// node bin/run.js tools/resolution-audit.ts GRAPH.json [CORPUS_DIR…]
import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../src/index.ts';
import { Graph } from '../src/model/graph.ts';
import { findGoldFiles, loadGoldFile } from './eval/gold.ts';
import { nameFolding } from './eval/fold.ts';
import { formatIdentity, identityReport } from './eval/identity.ts';

const [graphPath, ...roots] = process.argv.slice(2);
if (graphPath === undefined) throw new Error('usage: tools/resolution-audit.ts GRAPH.json [CORPUS_DIR…]');
const graph = Graph.parse(JSON.parse(readFileSync(graphPath, 'utf8')));
const knowledge = loadKnowledge();
const golds = (roots.length > 0 ? roots : ['../shared/corpus']).flatMap(findGoldFiles).map((path) => loadGoldFile(path).gold);
const report = identityReport(golds, graph.entities, nameFolding(knowledge.names), (name) => knowledge.names.isGenericTerm(name));
process.stdout.write(formatIdentity(report, `of ${graphPath}`));
