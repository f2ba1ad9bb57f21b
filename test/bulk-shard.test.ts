// Sharded extraction through the real CLI: n child processes `node bin/kg.js extract --jsonl --shard
// i/n` over the development corpus cover it exactly once (the same set of document lines as one
// process), and merging their lines (`kg export --format json --from-jsonl`) gives byte for byte the
// JSON of `kg extract` over the whole corpus, in whatever order the shard files come. The slice of a
// file depends only on its path relative to the input folder, so the same corpus mounted elsewhere
// splits the same way.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseShard, shardOf } from '../src/bulk/shard.ts';
import { listShard } from '../src/bulk/extract.ts';
import { parseDocumentLine } from '../src/bulk/jsonl.ts';
import { KgError } from '../src/errors.ts';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = '../shared/corpus/dev';
const SHARDS = 3;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function kg(...args: string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['bin/kg.js', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8'); // decodes a character split across two chunks whole
    child.stdout.on('data', (chunk: string) => void (stdout += chunk));
    child.stderr.setEncoding('utf8'); // decodes a character split across two chunks whole
    child.stderr.on('data', (chunk: string) => void (stderr += chunk));
    child.once('error', fail);
    child.once('close', (status) => done({ status, stdout, stderr }));
  });
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

describe('kg extract --jsonl --shard i/n', () => {
  it('covers the corpus exactly once with n processes, and the merged shards are kg extract of the whole', async () => {
    const [whole, single, ...shards] = await Promise.all([kg('extract', CORPUS), kg('extract', '--jsonl', CORPUS), ...Array.from({ length: SHARDS }, (_, i) => kg('extract', '--jsonl', '--shard', `${i}/${SHARDS}`, CORPUS))]);
    for (const run of [whole, single, ...shards]) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    const docIds = (run: Run): string[] => lines(run.stdout).map((l, i) => parseDocumentLine(l, `line ${i + 1}`).docId);
    const shardIds = shards.map(docIds);
    // Every shard has a part; together they are the single run's documents, each once.
    for (const ids of shardIds) expect(ids.length).toBeGreaterThan(0);
    expect(shardIds.flat().sort()).toEqual(docIds(single).sort());
    expect(new Set(shardIds.flat()).size).toBe(shardIds.flat().length);
    // The same set of lines, not only of ids (the shard field aside).
    const withoutShard = (run: Run): string[] =>
      lines(run.stdout)
        .map((l) => JSON.stringify({ ...JSON.parse(l), shard: '' }))
        .sort();
    expect(shards.flatMap(withoutShard).sort()).toEqual(withoutShard(single));

    const dir = mkdtempSync(join(tmpdir(), 'kg-shards-'));
    try {
      const files = shards.map((run, i) => {
        const file = join(dir, `shard-${i}.jsonl`);
        writeFileSync(file, run.stdout);
        return file;
      });
      const merged = await kg('export', '--format', 'json', '--from-jsonl', ...files);
      expect(merged.stderr).toBe('');
      expect(merged.status).toBe(0);
      expect(merged.stdout).toBe(whole.stdout);
      // The order of the shard files does not matter: documents are merged in the order of a single run.
      const reversed = await kg('export', '--format', 'json', '--from-jsonl', ...[...files].reverse());
      expect(reversed.stdout).toBe(whole.stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('slices by the path relative to the input folder, so a copy of the corpus elsewhere splits the same', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'kg-shard-copy-'));
    try {
      cpSync(join(ROOT, CORPUS), join(copy, 'corpus'), { recursive: true });
      for (let i = 0; i < SHARDS; i++) {
        const here = await listShard([join(ROOT, CORPUS)], { index: i, count: SHARDS });
        const there = await listShard([join(copy, 'corpus')], { index: i, count: SHARDS });
        expect(there.files.map((f) => [f.relativePath, f.fileIndex])).toEqual(here.files.map((f) => [f.relativePath, f.fileIndex]));
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('reads i/n with 0 ≤ i < n and refuses anything else as a usage error', async () => {
    expect(parseShard('0/1')).toEqual({ index: 0, count: 1 });
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
    for (const bad of ['4/4', '1/0', '-1/3', 'a/b', '1', '1/2/3']) {
      expect(() => parseShard(bad), bad).toThrow(KgError);
    }
    expect(shardOf('a/b.txt', 7)).toBe(shardOf('a/b.txt', 7));
    const run = await kg('extract', '--jsonl', '--shard', '2/2', CORPUS);
    expect(run.status).toBe(2);
    expect(lines(run.stderr)).toEqual(['kg: --shard wants i/n with 0 ≤ i < n (e.g. 0/4 … 3/4), got "2/2" [USAGE]']);
  });
});
