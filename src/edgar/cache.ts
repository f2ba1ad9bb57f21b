// EDGAR's metadata, kept in the out dir (`.cache/`, hidden from `kg ingest`) so that a re-run, or
// `kg ingest --fetch` right after a `kg fetch --dry-run`, asks the SEC only for what it has not just
// seen: the ticker map and submissions JSON for a few minutes (they change as companies file), a
// closed quarter's form index for good (EDGAR's past does not change).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { KgError } from '../errors.ts';
import type { EdgarClient } from './client.ts';
import { writeFileAtomic } from './files.ts';

/** How long the ticker map and submissions JSON are reused (a few minutes). */
export const DEFAULT_METADATA_MAX_AGE_MS = 5 * 60_000;

/** Reuse for ever. */
export const FOREVER = Number.POSITIVE_INFINITY;

export class MetadataCache {
  readonly dir: string;

  constructor(outDir: string) {
    this.dir = join(outDir, '.cache');
  }

  /** The cached copy of `name` when it is younger than `maxAgeMs`. */
  async read(name: string, maxAgeMs: number): Promise<Buffer | undefined> {
    const path = join(this.dir, name);
    try {
      const info = await stat(path);
      if (Date.now() - info.mtimeMs > maxAgeMs) return undefined;
      return await readFile(path);
    } catch {
      return undefined;
    }
  }

  async write(name: string, bytes: Uint8Array): Promise<void> {
    await writeFileAtomic(join(this.dir, name), bytes);
  }
}

/** What fetching metadata needs: the client (rate, retries) and the cache. */
export interface EdgarContext {
  client: EdgarClient;
  cache: MetadataCache;
  metadataMaxAgeMs: number;
  signal?: AbortSignal;
}

/**
 * The document at `url` parsed by `parse`: from the cache when fresh and still readable, else
 * fetched, parsed and cached (only what parses is cached). A response that does not parse is
 * EDGAR_MALFORMED naming the URL.
 */
export async function cachedDocument<T>(ctx: EdgarContext, name: string, url: string, maxAgeMs: number, parse: (bytes: Buffer) => T): Promise<T> {
  const cached = await ctx.cache.read(name, maxAgeMs);
  if (cached !== undefined) {
    try {
      return parse(cached);
    } catch {
      // A cache file from an older version or a damaged disk: fetch it again.
    }
  }
  const bytes = await ctx.client.bytes(url, ctx.signal);
  let value: T;
  try {
    value = parse(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new KgError('EDGAR_MALFORMED', `EDGAR sent something this version cannot read: ${detail}`, { subject: url, cause: error });
  }
  await ctx.cache.write(name, bytes);
  return value;
}

/** A parser for JSON documents checked by a zod schema (the first problems, in one line). */
export function jsonParser<S extends z.ZodType>(schema: S): (bytes: Buffer) => z.infer<S> {
  return (bytes) => {
    const data: unknown = JSON.parse(bytes.toString('utf8'));
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new Error(
        parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`)
          .join('; '),
      );
    }
    return parsed.data;
  };
}
