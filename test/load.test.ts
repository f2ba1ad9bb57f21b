import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { listInputs, loadFile, decode, contentHash } from '../src/load/index.ts';
import { isKgError } from '../src/errors.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/load/', import.meta.url));

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
      expect(() => decode(bytes)).toThrowError(expect.objectContaining({ code: 'INPUT_BINARY' }) as Error);
    }
  });

  it('refuses empty and blank input with INPUT_EMPTY', async () => {
    expect(await errorCode(loadFile(join(FIXTURES, 'blank.txt')))).toBe('INPUT_EMPTY');
    expect(() => decode(Buffer.alloc(0))).toThrowError(expect.objectContaining({ code: 'INPUT_EMPTY' }) as Error);
  });

  it('reports a missing file as INPUT_NOT_FOUND when listing and INPUT_UNREADABLE when reading', async () => {
    const missing = join(FIXTURES, 'does-not-exist.txt');
    expect(await errorCode((async () => { for await (const _ of listInputs([missing])) void _; })())).toBe('INPUT_NOT_FOUND');
    expect(await errorCode(loadFile(missing))).toBe('INPUT_UNREADABLE');
  });
});

describe('listInputs', () => {
  it('expands directories recursively in sorted order and passes "-" through', async () => {
    const found: string[] = [];
    for await (const p of listInputs([FIXTURES, '-'])) found.push(p);
    const names = found.map((p) => (p === '-' ? p : p.slice(FIXTURES.length).replace(/^\//, '')));
    expect(names).toEqual(['blank.txt', 'bom.txt', 'not-text.pdf', 'windows-1252.txt', '-']);
    expect(found[found.length - 1]).toBe('-');
  });

  it('hashes text stably', () => {
    expect(contentHash('abc')).toBe(contentHash('abc'));
    expect(contentHash('abc')).not.toBe(contentHash('abd'));
  });
});
