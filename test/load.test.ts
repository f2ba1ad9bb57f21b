import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { listInputs, loadFile, decode, contentHash, isDocumentFileName } from '../src/load/index.ts';
import { isKgError } from '../src/errors.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/load/', import.meta.url));

/** Reads a listing to its end; only the listing itself can fail. */
async function drain(paths: AsyncIterable<string>): Promise<void> {
  for await (const _ of paths) {
    // nothing to do with each path
  }
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isKgError(error)) return error.code;
    throw error;
  }
  return 'no error';
}

describe('loadFile', () => {
  it('decodes Windows-1252 bytes (0x92 → ’, 0x93/0x94 → “ ”, 0x96 → –)', async () => {
    const file = await loadFile(join(FIXTURES, 'windows-1252.txt'));
    expect(file.encoding).toBe('windows-1252');
    expect(file.text).toBe('Acme’s partner said “yes” – today.\n');
  });

  it('keeps valid UTF-8 and strips the BOM', async () => {
    const file = await loadFile(join(FIXTURES, 'bom.txt'));
    expect(file.encoding).toBe('utf-8');
    expect(file.text).toBe('Hello BOM world.\n');
  });

  it('refuses binary input with INPUT_BINARY naming the file', async () => {
    const path = join(FIXTURES, 'not-text.pdf');
    expect(await errorCode(loadFile(path))).toBe('INPUT_BINARY');
    await loadFile(path).catch((e: unknown) => expect(isKgError(e) && e.subject).toBe(path));
  });

  it('refuses NUL bytes, PNG and ZIP magic', () => {
    for (const bytes of [Buffer.from('abc\0def'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2]), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1])]) {
      expect(() => decode(bytes)).toThrow(expect.objectContaining({ code: 'INPUT_BINARY' }) as Error);
    }
  });

  it('refuses empty and blank input with INPUT_EMPTY', async () => {
    expect(await errorCode(loadFile(join(FIXTURES, 'blank.txt')))).toBe('INPUT_EMPTY');
    expect(() => decode(Buffer.alloc(0))).toThrow(expect.objectContaining({ code: 'INPUT_EMPTY' }) as Error);
  });

  it('reports a missing file as INPUT_NOT_FOUND when listing and INPUT_UNREADABLE when reading', async () => {
    const missing = join(FIXTURES, 'does-not-exist.txt');
    expect(await errorCode(drain(listInputs([missing])))).toBe('INPUT_NOT_FOUND');
    expect(await errorCode(loadFile(missing))).toBe('INPUT_UNREADABLE');
  });
});

describe('listInputs', () => {
  async function list(paths: string[]): Promise<{ found: string[]; skipped: string[] }> {
    const found: string[] = [];
    const skipped: string[] = [];
    const rel = (p: string): string => (p === '-' ? p : relative(FIXTURES, p).split(sep).join('/'));
    for await (const p of listInputs(paths, { onSkip: (path) => skipped.push(rel(path)) })) found.push(rel(p));
    return { found, skipped };
  }

  it('expands directories recursively in sorted order and passes "-" through', async () => {
    const { found } = await list([FIXTURES, '-']);
    expect(found).toEqual(['blank.txt', 'bom.txt', 'tree/README', 'tree/release.txt', 'tree/sub/exhibit.HTM', 'windows-1252.txt', '-']);
  });

  it('reads only text and HTML documents from a directory and reports the others as skipped', async () => {
    const { found, skipped } = await list([join(FIXTURES, 'tree')]);
    expect(found).toEqual(['tree/README', 'tree/release.txt', 'tree/sub/exhibit.HTM']);
    expect(skipped).toEqual(['tree/holdout.tar.gz.enc', 'tree/manifest.tsv', 'tree/notes.md', 'tree/release.gold.json', 'tree/scan.pdf']);
  });

  it('always lists a file named explicitly, whatever its extension', async () => {
    const { found, skipped } = await list([join(FIXTURES, 'tree', 'notes.md'), join(FIXTURES, 'not-text.pdf')]);
    expect(found).toEqual(['tree/notes.md', 'not-text.pdf']);
    expect(skipped).toEqual([]);
  });

  it('follows a link back to a folder being listed only once', async () => {
    const root = mkdtempSync(join(tmpdir(), 'kg-list-'));
    try {
      mkdirSync(join(root, 'inner'));
      writeFileSync(join(root, 'inner', 'a.txt'), 'Acme Corp. signed.\n');
      symlinkSync(root, join(root, 'inner', 'loop'), 'dir');
      const found: string[] = [];
      const skipped: string[] = [];
      for await (const p of listInputs([root], { onSkip: (path, reason) => skipped.push(`${relative(root, path)}: ${reason}`) })) found.push(relative(root, p));
      expect(found).toEqual([join('inner', 'a.txt')]);
      expect(skipped).toEqual([`${join('inner', 'loop')}: a link to a folder already listed`]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('tells document file names from the rest', () => {
    for (const name of ['a.txt', 'A.HTML', 'x.htm', 'full-submission.txt', 'README', 'x.text', 'y.xhtml']) expect(isDocumentFileName(name), name).toBe(true);
    for (const name of ['a.gold.json', 'MANIFEST.tsv', 'x.md', 'h.tar.gz.enc', 'img.jpg', 'r.xml', 'f.pdf']) expect(isDocumentFileName(name), name).toBe(false);
  });

  it('hashes text stably', () => {
    expect(contentHash('abc')).toBe(contentHash('abc'));
    expect(contentHash('abc')).not.toBe(contentHash('abd'));
  });
});
