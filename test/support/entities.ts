// Helpers the entity tests share: run the real structure and entity stages on a sentence of our own.
import { structureAndSegment } from '../../src/pipeline.ts';
import { extractEntities } from '../../src/extract/entities/index.ts';
import { resolveDocument } from '../../src/resolve/index.ts';
import type { Mention } from '../../src/model/extraction.ts';
import type { StructuredDocument } from '../../src/model/document.ts';
import { stageContext } from './knowledge.ts';

export function documentsOf(text: string): StructuredDocument[] {
  return structureAndSegment({ path: 'inline.txt', bytes: Buffer.from(text, 'utf8'), text, encoding: 'utf-8' }, stageContext());
}

export function mentionsOf(text: string): Mention[] {
  return documentsOf(text).flatMap((doc) => extractEntities(doc, stageContext()).mentions);
}

export function entitiesOf(text: string) {
  return documentsOf(text).flatMap((doc) => resolveDocument(doc, extractEntities(doc, stageContext()), [], stageContext()).graph.entities);
}

/** Distinct canonical names of one label, sorted. */
export const names = (ms: Mention[], label: string): string[] => [...new Set(ms.filter((m) => m.label === label).map((m) => m.canonical))].sort();

/** Distinct surface texts of one label, sorted. */
export const texts = (ms: Mention[], label: string): string[] => [...new Set(ms.filter((m) => m.label === label).map((m) => m.text))].sort();
