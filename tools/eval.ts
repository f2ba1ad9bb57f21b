// `npm run eval [-- --json] [--show-misses] [--doc SUBSTRING] [--corpus DIR]`: scores extraction against
// every *.gold.json of the shared corpus. A report, not a gate: exits 0 unless it cannot run at all.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { isKgError } from '../src/index.ts';
import { evaluateCorpus } from './eval/run.ts';
import { formatMisses, formatTable, toEvalJson } from './eval/report.ts';

const DEFAULT_CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'show-misses': { type: 'boolean', default: false },
    doc: { type: 'string' },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write('usage: npm run eval -- [--json] [--show-misses] [--doc SUBSTRING] [--corpus DIR]\n');
  process.exit(0);
}

try {
  const evaluation = await evaluateCorpus({ corpusRoot: values.corpus, ...(values.doc !== undefined ? { docFilter: values.doc } : {}) });
  if (values.json) process.stdout.write(`${JSON.stringify(toEvalJson(evaluation), null, 2)}\n`);
  else {
    if (values['show-misses']) for (const d of evaluation.documents) process.stdout.write(`${formatMisses(d)}\n`);
    process.stdout.write(formatTable(evaluation));
  }
} catch (error) {
  if (isKgError(error)) {
    process.stderr.write(`eval: ${error.toLine()}\n`);
    process.exit(1);
  }
  throw error;
}
