// The built package as a user gets it: `npm pack` ships dist/ (JavaScript and .d.ts), data/, cypher/,
// schema/ and the README, nothing of the tests, the corpus, the local server or the tooling; the
// unpacked tarball imports in plain Node (no tsx, which is not even resolvable from it) and gives the
// same graph as the sources; its `kg` starts from the compiled code, worker threads included; and a
// plain `tsc` project type-checks against its declarations. Builds dist/ first (`npm run build`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { extractGraph } from '../src/pipeline.ts';
import { toJson } from '../src/writers/json.ts';

const ROOT = join(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'data/sample/immunogen-8k-2007-07-31.txt');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const PackEntry = z.array(z.object({ filename: z.string(), files: z.array(z.object({ path: z.string() })) })).length(1);

let work: string;
/** The consumer project: node_modules/pharma-deal-graph is the unpacked tarball. */
let project: string;
let installed: string;

beforeAll(() => {
  execFileSync(NPM, ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'pipe' });
  work = mkdtempSync(join(tmpdir(), 'kg-package-'));
  const packed = PackEntry.parse(JSON.parse(execFileSync(NPM, ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' })));
  project = join(work, 'consumer');
  installed = join(project, 'node_modules', 'pharma-deal-graph');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, packed[0]?.filename ?? ''), '-C', installed, '--strip-components=1']);
  // The package's own dependencies from this checkout (as `npm install` would put them), and the
  // Node types for the tsc project; tsx deliberately not, so nothing can fall back to it.
  const require = createRequire(join(ROOT, 'package.json'));
  const manifest = z.object({ dependencies: z.record(z.string(), z.string()) }).parse(require('./package.json'));
  for (const name of [...Object.keys(manifest.dependencies).filter((d) => d !== 'tsx'), '@types']) {
    symlinkSync(join(ROOT, 'node_modules', name), join(project, 'node_modules', name), 'dir');
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
}, 600_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships dist/, data/, cypher/, schema/ and the README, and none of the tests, corpus, server or tooling', () => {
    const [pack] = PackEntry.parse(JSON.parse(execFileSync(NPM, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })));
    const paths = (pack?.files ?? []).map((f) => f.path);
    for (const needed of [
      'package.json',
      'README.md',
      'bin/kg.js',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli.js',
      'dist/parallel/extract-worker.js',
      'schema/graph.schema.json',
      'cypher/schema.cypher',
      'cypher/browser-style.grass',
      'data/sample/immunogen-8k-2007-07-31.txt',
    ]) {
      expect(paths, needed).toContain(needed);
    }
    for (const dir of ['data/', 'cypher/write/', 'cypher/api/', 'cypher/queries/'])
      expect(
        paths.some((p) => p.startsWith(dir)),
        dir,
      ).toBe(true);
    const unwanted = paths.filter((p) => /^(src|test|tools|scripts|\.neo4j|node_modules|dist\.next|bench-results|\.scratch-)/.test(p) || p.includes('shared/') || p.includes('corpus/') || p === '.env' || p.endsWith('.test.ts'));
    expect(unwanted).toEqual([]);
    expect(paths.filter((p) => p.startsWith('dist/') && !/\.(js|d\.ts)$/.test(p))).toEqual([]);
  });
});

describe('the installed package', () => {
  it('imports in plain Node (no tsx) and extracts the sample filing as the sources do', async () => {
    writeFileSync(
      join(project, 'main.js'),
      [
        "import { extractGraph, toJson, KgError } from 'pharma-deal-graph';",
        'const { graph } = await extractGraph([process.argv[2]]);',
        "if (typeof KgError !== 'function') throw new Error('no KgError');",
        'process.stdout.write(toJson(graph));',
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, ['main.js', SAMPLE], { cwd: project, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const { graph } = await extractGraph([SAMPLE]);
    expect(run.stdout).toBe(toJson(graph));
    // tsx cannot be what made it work: it is not resolvable from the package.
    expect(spawnSync(process.execPath, ['-e', "import('tsx/esm/api').then(() => process.exit(0), () => process.exit(3))"], { cwd: installed }).status).toBe(3);
  }, 120_000);

  it('runs kg from the compiled code, with worker threads too', () => {
    const kg = join(installed, 'bin', 'kg.js');
    const help = spawnSync(process.execPath, [kg, '--help'], { cwd: project, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('cypher');
    const one = spawnSync(process.execPath, [kg, 'extract', SAMPLE, SAMPLE], { cwd: project, encoding: 'utf8' });
    const two = spawnSync(process.execPath, [kg, 'extract', '--workers', '2', SAMPLE, SAMPLE], { cwd: project, encoding: 'utf8' });
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(two.stderr).toBe('');
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const queries = spawnSync(process.execPath, [kg, 'query', '--help'], { cwd: project, encoding: 'utf8' });
    expect(queries.status).toBe(0);
  }, 120_000);

  it('type-checks in a plain tsc project against its declarations', () => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], skipLibCheck: false } }));
    writeFileSync(
      join(project, 'index.ts'),
      [
        "import { openGraph, extractGraph, runCypher, KgError, type DealGraph, type License } from 'pharma-deal-graph';",
        "const { graph } = await extractGraph(['filing.txt']);",
        'export const entities: number = graph.entities.length;',
        '// @ts-expect-error the results are typed, not any',
        'export const wrong: string = graph.entities.length;',
        'export async function why(g: DealGraph): Promise<number> {',
        "  const licences: License[] = await g.licenses({ licensor: 'ImmunoGen' });",
        '  return (await g.evidence(licences[0]!)).length;',
        '}',
        'export const open: typeof openGraph = openGraph;',
        'export const cypher: typeof runCypher = runCypher;',
        "export const error = new KgError('USAGE', 'x');",
      ].join('\n'),
    );
    const tsc = createRequire(join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
    const checked = spawnSync(process.execPath, [tsc, '-p', project], { cwd: project, encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    expect(readdirSync(project)).not.toContain('index.js');
  }, 300_000);
});
