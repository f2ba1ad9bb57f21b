// Load stage: paths (files, directories, "-" for stdin) become decoded input files.
// v0: UTF-8 text files; the structure stage decides what kind of document the text is.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { KgError } from '../errors.ts';

export interface LoadedFile {
  /** The path as given (or `-` for stdin). */
  path: string;
  bytes: Buffer;
  text: string;
  encoding: string;
}

/** Expands directories recursively (sorted, so runs are reproducible); files and `-` pass through. */
export async function* listInputs(paths: readonly string[]): AsyncGenerator<string> {
  for (const path of paths) {
    if (path === '-') {
      yield path;
      continue;
    }
    let info;
    try {
      info = await stat(path);
    } catch (cause) {
      throw new KgError('INPUT_NOT_FOUND', 'no such file or directory', { subject: path, cause });
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
      yield* listInputs(names.map((n) => join(path, n)));
    } else yield path;
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

export function decode(bytes: Buffer): { text: string; encoding: string } {
  return { text: bytes.toString('utf8').replace(/^\uFEFF/, ''), encoding: 'utf-8' };
}

export async function loadFile(path: string): Promise<LoadedFile> {
  let bytes: Buffer;
  try {
    bytes = path === '-' ? await readStdin() : await readFile(resolve(path));
  } catch (cause) {
    throw new KgError('INPUT_UNREADABLE', `cannot read: ${(cause as Error).message}`, { subject: path, cause });
  }
  return { path, bytes, ...decode(bytes) };
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
