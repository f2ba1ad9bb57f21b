// `npm run bench [-- --quick] [--json PATH] [--corpus DIR] [--only SECTION…] [--bulk-factor N]`: speed and
// scale figures (issue #7; the BULK section: issue #21).
// Not a test: prints a table (progress on stderr) and optionally writes the figures as JSON.
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BENCH_SECTIONS, BenchSection, defaultSettings, runBench } from './bench/run.ts';
import { formatBench } from './bench/report.ts';

const DEFAULT_CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    corpus: { type: 'string', default: DEFAULT_CORPUS },
    only: { type: 'string', multiple: true },
    'bulk-factor': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  process.stdout.write(
    [
      'usage: npm run bench -- [--quick] [--json PATH] [--corpus DIR] [--only SECTION]... [--bulk-factor N]',
      `  --only SECTION    run only this section (repeatable): ${BENCH_SECTIONS.join(', ')}; default all`,
      '  --bulk-factor N   size of the scale corpus of the BULK section (default 100, --quick 1)',
      '',
    ].join('\n'),
  );
  process.exit(0);
}

const sections = (values.only ?? [...BENCH_SECTIONS])
  .flatMap((s) => s.split(','))
  .map((s) => {
    const parsed = BenchSection.safeParse(s.trim());
    if (!parsed.success) {
      process.stderr.write(`bench: unknown section "${s}" (one of ${BENCH_SECTIONS.join(', ')})\n`);
      process.exit(2);
    }
    return parsed.data;
  });
const bulkFactor = values['bulk-factor'] === undefined ? undefined : Number(values['bulk-factor']);
if (bulkFactor !== undefined && !(Number.isInteger(bulkFactor) && bulkFactor > 0)) {
  process.stderr.write('bench: --bulk-factor takes a whole number above 0\n');
  process.exit(2);
}
const settings = { ...defaultSettings(values.corpus, values.quick), sections, ...(bulkFactor === undefined ? {} : { bulkFactor }) };
const started = performance.now();
const report = await runBench(settings, (line) => process.stderr.write(`bench [${((performance.now() - started) / 1000).toFixed(0)}s]: ${line}\n`));
process.stdout.write(formatBench(report));
if (values.json !== undefined) {
  writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(`bench: wrote ${values.json}\n`);
}
