#!/usr/bin/env node
// The `kg` command. The CLI is TypeScript (src/cli.ts); tsx transpiles it on load so an installed
// checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
