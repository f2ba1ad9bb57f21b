// Reads the project's data/ folder (lexicons, patterns). Files are loaded once per process and
// cached: lexicons are field knowledge, not per-document state.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));
export const CYPHER_DIR = fileURLToPath(new URL('../cypher/', import.meta.url));

const cache = new Map<string, unknown>();

function cached<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as T;
}

/** Lines of a data file, without blank lines and `#` comments. */
export function dataLines(relativePath: string): readonly string[] {
  return cached(`lines:${relativePath}`, () =>
    readFileSync(join(DATA_DIR, relativePath), 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
}

/** Rows of a tab-separated data file (comments and blank lines skipped; the header row kept). */
export function dataTsv(relativePath: string): readonly string[][] {
  return cached(`tsv:${relativePath}`, () => dataLines(relativePath).map((line) => line.split('\t')));
}

export function dataJson(relativePath: string): unknown {
  return cached(`json:${relativePath}`, () => JSON.parse(readFileSync(join(DATA_DIR, relativePath), 'utf8')) as unknown);
}
