#!/usr/bin/env node
// Runs a TypeScript entry point of this repository (tools/*.ts, scripts/*.ts) without a build step: tsx registers
// an ESM loader that transpiles on the fly, so `npm run eval|bench|neo4j:*` always run the source as it is.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node bin/run.js SCRIPT.ts [ARGS...]');
  process.exit(2);
}
process.argv = [process.argv[0] ?? 'node', resolve(entry), ...rest];
register();
await import(pathToFileURL(resolve(entry)).href);
