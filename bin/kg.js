#!/usr/bin/env node
// The `kg` command. It runs the compiled CLI (dist/cli.js, made by `npm run build`, which `prepare`
// runs on `npm ci` and `npm pack`) when there is one that is not older than the sources; otherwise it
// runs the TypeScript sources through tsx. An installed package has no src/, so it always starts from
// dist/ without tsx; in a checkout an edit to src/ is never hidden by a stale build (it runs the
// sources until the next build).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const compiled = join(root, 'dist', 'cli.js');
const sources = join(root, 'src');

/** The latest modification time of the .ts files under `dir` (milliseconds). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function compiledIsCurrent() {
  if (!existsSync(compiled)) return false;
  if (!existsSync(sources)) return true;
  // The build swaps a fresh dist/ into place (scripts/build.ts), so dist/cli.js is as old as the build.
  return statSync(compiled).mtimeMs >= newestSource(sources);
}

let main;
if (compiledIsCurrent()) {
  ({ main } = await import(new URL('../dist/cli.js', import.meta.url).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(new URL('../src/cli.ts', import.meta.url).href));
}
process.exitCode = await main(process.argv.slice(2));
