// Load stage: paths (files, directories, "-" for stdin) become decoded input files. What kind of
// document the text is (plain text, HTML, an EDGAR full submission) is the structure stage's call.
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { KgError } from '../errors.ts';
import { decodeInput, type TextEncoding } from './encoding.ts';

export { decodeInput, looksBinary } from './encoding.ts';
export type { TextEncoding } from './encoding.ts';

export interface LoadedFile {
  /** The path as given (or `-` for stdin). */
  path: string;
  bytes: Buffer;
  /** The decoded text, BOM removed. */
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

/** Decodes bytes (UTF-8, else Windows-1252); see `decodeInput` for the errors it raises. */
export function decode(bytes: Buffer, subject = 'input'): { text: string; encoding: TextEncoding } {
  return decodeInput(bytes, subject);
}

/** Reads and decodes one input. Throws KgError INPUT_UNREADABLE, INPUT_BINARY or INPUT_EMPTY. */
export async function loadFile(path: string): Promise<LoadedFile> {
  let bytes: Buffer;
  try {
    bytes = path === '-' ? await readStdin() : await readFile(resolve(path));
  } catch (cause) {
    throw new KgError('INPUT_UNREADABLE', `cannot read: ${(cause as Error).message}`, { subject: path, cause });
  }
  return { path, bytes, ...decode(bytes, path) };
}

/** A short stable hash of a document's text, used in ids and to de-duplicate repeated inputs. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
