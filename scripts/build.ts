// `npm run build` (also `prepare`, so `npm ci` and `npm pack` build): compiles src/ to dist/ with
// tsconfig.build.json — ESM JavaScript and .d.ts files at the same depth as the sources, so modules
// that find data/ and cypher/ relative to their own file find them from dist/ too. It compiles into a
// fresh folder and swaps it into place, so a `kg` started meanwhile (bin/kg.js) finds the whole old
// build, the whole new one, or none (and then runs the sources), never half a build; and no file of
// a deleted source module survives.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const next = join(root, 'dist.next');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

rmSync(next, { recursive: true, force: true });
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', next], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  console.error('build: tsc failed; dist/ is left as it was');
  process.exit(compiled.status ?? 1);
}
rmSync(join(root, 'dist'), { recursive: true, force: true });
renameSync(next, join(root, 'dist'));
