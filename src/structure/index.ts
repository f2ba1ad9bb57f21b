// Structure stage: a loaded file becomes one or more documents with sections and sentences.
// v0: the whole text is one body section.
import { basename } from 'node:path';
import type { StructuredDocument } from '../model/document.ts';
import type { LoadedFile } from '../load/index.ts';
import { contentHash } from '../load/index.ts';
import { splitSentences } from '../segment/sentences.ts';

/** Same length as `text`, with Markdown escapes and emphasis blanked so offsets stay exact. */
export function cleanMarkup(text: string): string {
  return text.replace(/\\([$%&#_*[\]().!-])/g, ' $1').replace(/\*\*/g, '  ');
}

export function docIdFor(path: string, text: string): string {
  if (path === '-') return `stdin-${contentHash(text)}`;
  return basename(path).replace(/\.[A-Za-z0-9]+$/, '');
}

export function structure(file: LoadedFile): StructuredDocument[] {
  const cleanText = cleanMarkup(file.text);
  const sections = [{ kind: 'body' as const, start: 0, end: file.text.length }];
  return [
    {
      docId: docIdFor(file.path, file.text),
      sourcePath: file.path,
      docType: 'text',
      text: file.text,
      cleanText,
      contentHash: contentHash(file.text),
      sections,
      sentences: splitSentences(cleanText, sections),
    },
  ];
}
