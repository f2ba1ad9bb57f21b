// `node bin/run.js scripts/extract-snapshot.ts OUT_DIR [CORPUS_DIR]`: writes `kg extract`'s JSON and
// Cypher output for every corpus document and format sample, one file each, so that two versions of
// the extractor can be compared byte for byte (`diff -r BEFORE AFTER`). Refactors that must not change
// behaviour are checked this way.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractGraph } from '../src/pipeline.ts';
import { toJson } from '../src/writers/json.ts';
import { toCypherScript } from '../src/writers/cypher-file.ts';
import { loadKnowledge } from '../src/knowledge/index.ts';
import { withoutDocumentText } from '../src/model/graph.ts';

const [outDir, corpusArg] = process.argv.slice(2);
if (!outDir) {
  process.stderr.write('usage: extract-snapshot.ts OUT_DIR [CORPUS_DIR]\n');
  process.exit(2);
}
const corpus = corpusArg ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const documentFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.json') && !e.name.endsWith('.md') && !e.name.endsWith('.tsv') && !e.name.endsWith('.enc'))
    .map((e) => join(dir, e.name))
    .sort();
const inputs = [...documentFiles(corpus), ...documentFiles(join(corpus, 'dev')), ...documentFiles(join(corpus, 'formats'))];
mkdirSync(outDir, { recursive: true });
const knowledge = loadKnowledge();
for (const input of inputs) {
  // Without the documents' text (kg extract --no-text), so snapshots compare with those made before
  // the text was part of the output; the offsets that index it are compared all the same.
  const { graph: withText, failures } = await extractGraph([input], { knowledge });
  const graph = withoutDocumentText(withText);
  const name = basename(input);
  writeFileSync(join(outDir, `${name}.json`), toJson(graph));
  writeFileSync(join(outDir, `${name}.cypher`), toCypherScript(graph));
  if (failures.length > 0) writeFileSync(join(outDir, `${name}.failures`), failures.map((f) => f.error.toLine()).join('\n'));
}
process.stdout.write(`${inputs.length} inputs written to ${outDir}\n`);
