// Turns input bytes into text. Filings arrive as UTF-8, as Windows-1252 (old EDGAR HTML with curly
// quotes at 0x91–0x94) or as Latin-1; the loader must never crash on any of them and must refuse
// binary files with a clear error instead of producing garbage text.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { KgError } from '../errors.ts';

export type TextEncoding = 'utf-8' | 'windows-1252';

/** Magic numbers of binary formats users point the tool at by mistake (PDF, ZIP/XLSX/DOCX, PNG, GIF, JPEG, gzip). */
const BINARY_MAGIC: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // PK.. zip container
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xff, 0xd8, 0xff], // JPEG
  [0x1f, 0x8b], // gzip
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

/** True for bytes that are not text: a known binary magic number or a NUL byte in the first 8 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (BINARY_MAGIC.some((magic) => startsWith(bytes, magic))) return true;
  // UTF-16 text also has NULs; filings are never UTF-16, so any NUL means "not ours".
  const probe = bytes.subarray(0, 8192);
  return probe.includes(0);
}

/** Strict UTF-8 validity, checked natively without building a string that would be thrown away. */
function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

/**
 * Decodes input bytes: valid UTF-8 stays UTF-8; anything else is read as Windows-1252, a superset of
 * Latin-1 for the printable range, so 0x92 becomes ’ rather than a C1 control. A leading BOM is removed.
 * Throws INPUT_BINARY for binary data and INPUT_EMPTY for empty or blank input.
 */
export function decodeInput(bytes: Uint8Array, subject: string): { text: string; encoding: TextEncoding } {
  if (looksBinary(bytes)) {
    throw new KgError('INPUT_BINARY', 'this is a binary file (PDF, image, archive or similar), not text or HTML; give the text or HTML version of the filing', { subject });
  }
  let text: string;
  let encoding: TextEncoding;
  if (isValidUtf8(bytes)) {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    encoding = 'utf-8';
  } else {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
    encoding = 'windows-1252';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new KgError('INPUT_EMPTY', 'the input is empty (or only white space); nothing to extract', { subject });
  return { text, encoding };
}
