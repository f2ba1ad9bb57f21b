// `npm run bench [-- --quick] [--json PATH] [--corpus DIR]`: speed and scale figures (issue #7).
// Not a test: prints a table (progress on stderr) and optionally writes the figures as JSON.
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultSettings, runBench } from './bench/run.ts';
import { formatBench } from './bench/report.ts';

const DEFAULT_CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write('usage: npm run bench -- [--quick] [--json PATH] [--corpus DIR]\n');
  process.exit(0);
}

const settings = defaultSettings(values.corpus, values.quick);
const started = performance.now();
const report = await runBench(settings, (line) => process.stderr.write(`bench [${((performance.now() - started) / 1000).toFixed(0)}s]: ${line}\n`));
process.stdout.write(formatBench(report));
if (values.json !== undefined) {
  writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(`bench: wrote ${values.json}\n`);
}
