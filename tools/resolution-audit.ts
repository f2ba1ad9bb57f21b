// Prints the resolution audit (tools/eval/resolution.ts) of a graph JSON (`kg extract` output) against
// the gold files under a corpus folder: gold things split over several nodes, nodes covering several.
// node bin/run.js tools/resolution-audit.ts GRAPH.json [CORPUS_DIR…]
import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../src/index.ts';
import { Graph } from '../src/model/graph.ts';
import { findGoldFiles, loadGoldFile } from './eval/gold.ts';
import { nameFolding } from './eval/fold.ts';
import { auditResolution, goldClusters } from './eval/resolution.ts';

const [graphPath, ...roots] = process.argv.slice(2);
if (graphPath === undefined) throw new Error('usage: tools/resolution-audit.ts GRAPH.json [CORPUS_DIR…]');
const graph = Graph.parse(JSON.parse(readFileSync(graphPath, 'utf8')));
const folding = nameFolding(loadKnowledge().names);
const files = (roots.length > 0 ? roots : ['../shared/corpus']).flatMap(findGoldFiles).map(loadGoldFile);
const clusters = goldClusters(files, folding);
const audit = auditResolution(graph.entities, clusters, folding);
for (const s of audit.splits) console.log(`split  ${s.cluster.label} {${s.cluster.forms.join(', ')}} over ${s.nodes.join(' | ')}`);
for (const m of audit.merges) console.log(`merge  ${m.node} covers ${m.clusters.map((c) => `{${c.forms.join(', ')}}`).join(' + ')}`);
console.log(`gold clusters ${audit.clusters.length}, split ${audit.splits.length}, nodes covering several ${audit.merges.length}`);
