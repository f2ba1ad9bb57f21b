// Shards of a corpus: `kg extract --shard i/n` takes the i-th of n slices of the input files, so n
// processes (on one machine or many) cover a corpus exactly once. A file's slice is decided by a hash
// of its path relative to the input it was found under (the folder given on the command line, or the
// file's own folder for a file named explicitly), so the same file falls in the same slice on every
// machine, wherever the corpus is mounted. Every shard lists all inputs (listing is cheap), so each
// file also gets its position in the full listing: the order a single `kg ingest` of the same inputs
// would write it in, which the bulk export needs to resolve first-writer-wins properties.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import { KgError } from '../errors.ts';
import { listInputs } from '../load/index.ts';

export interface Shard {
  /** 0-based, below `count` (Kubernetes' JOB_COMPLETION_INDEX is 0-based too). */
  index: number;
  count: number;
}

/** The whole corpus as one shard. */
export const WHOLE: Shard = { index: 0, count: 1 };

/** Parses `i/n` (0 ≤ i < n). Anything else is a USAGE error. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new KgError('USAGE', `--shard wants i/n with 0 ≤ i < n (e.g. 0/4 … 3/4), got "${text}"`);
  }
  return { index, count };
}

/** The shard (0 … count-1) of a file, from its path relative to its input root (`/`-separated). */
export function shardOf(relativePath: string, count: number): number {
  const digest = createHash('sha256').update(relativePath, 'utf8').digest();
  return digest.readUInt32BE(0) % count;
}

export interface ShardInput {
  /** The path to read, as the listing gives it (so document ids and source paths are those of a whole run). */
  path: string;
  /** The path relative to its input root, `/`-separated: what the shard is decided by. */
  relativePath: string;
  /** Position of the file in the listing of all inputs (all shards): the order of a single run. */
  fileIndex: number;
}

/** `/`-separated, so Windows and POSIX machines agree on a file's shard. */
function portable(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * The files of `paths` (listed as `kg extract` lists them: folders recursively, sorted, document
 * names only) that fall in `shard`, in listing order, each once. Standard input cannot be sharded.
 * A path that cannot be listed is reported through `onError` and skipped, as extraction does.
 */
export async function* shardInputs(paths: readonly string[], shard: Shard, onError: (path: string, error: unknown) => void): AsyncGenerator<ShardInput> {
  let fileIndex = 0;
  const seen = new Set<string>();
  for (const given of paths) {
    if (given === '-') {
      if (shard.count > 1) throw new KgError('USAGE', '--shard cannot split standard input (-); give files or folders');
      yield { path: given, relativePath: given, fileIndex: fileIndex++ };
      continue;
    }
    try {
      const root = (await stat(given)).isDirectory() ? given : undefined;
      for await (const path of listInputs([given])) {
        if (seen.has(path)) continue;
        seen.add(path);
        const relativePath = portable(root === undefined ? basename(path) : relative(root, path));
        const index = fileIndex++;
        if (shardOf(relativePath, shard.count) === shard.index) yield { path, relativePath, fileIndex: index };
      }
    } catch (error) {
      onError(given, error);
    }
  }
}
