// Load stage: paths (files, directories, "-" for stdin) become decoded input files. What kind of
// document the text is (plain text, HTML, an EDGAR full submission) is the structure stage's call.
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
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

/**
 * What a directory listing reads: text and HTML as downloaded from EDGAR or a newswire (a full
 * submission is a `.txt`), and files without an extension. Anything else found while expanding a
 * directory (annotations `.json`, tables `.tsv`, notes `.md`, images, PDFs, archives, XBRL `.xml`)
 * is skipped without an error; a file named explicitly is always read.
 */
const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(['txt', 'text', 'htm', 'html', 'xhtml']);

/** True for a file name a directory listing reads (see DOCUMENT_EXTENSIONS). */
export function isDocumentFileName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return true; // no extension (a leading dot is a hidden file, never listed)
  return DOCUMENT_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}

export interface ListOptions {
  /**
   * Called for each file a directory listing skips, with why. Without it, skips are logged to
   * stderr only when the KG_DEBUG environment variable is set: skipping is not an error.
   */
  onSkip?: (path: string, reason: string) => void;
}

function debugSkip(path: string, reason: string): void {
  if (process.env['KG_DEBUG']) process.stderr.write(`kg: skipped ${path} (${reason})\n`);
}

/**
 * Expands directories recursively (sorted, so runs are reproducible), keeping only document files
 * (see isDocumentFileName); files named explicitly and `-` (stdin) pass through unfiltered.
 */
export async function* listInputs(paths: readonly string[], options: ListOptions = {}): AsyncGenerator<string> {
  const onSkip = options.onSkip ?? debugSkip;
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
    if (info.isDirectory()) yield* listDirectory(path, onSkip, new Set());
    else yield path;
  }
}

async function* listDirectory(dir: string, onSkip: (path: string, reason: string) => void, visited: Set<string>): AsyncGenerator<string> {
  // A symbolic link back to a folder being listed would otherwise recurse forever.
  const real = await realpath(dir);
  if (visited.has(real)) {
    onSkip(dir, 'a link to a folder already listed');
    return;
  }
  visited.add(real);
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      // A link is followed like the thing it points to; a dangling one is reported when read.
      isDirectory = await stat(path).then(
        (s) => s.isDirectory(),
        () => false,
      );
    }
    if (isDirectory) yield* listDirectory(path, onSkip, visited);
    else if (isDocumentFileName(entry.name)) yield path;
    else onSkip(path, 'not a text or HTML document');
  }
  visited.delete(real);
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
