// Segment stage: a structured document (sections) gets its sentences, split in its clean text with
// exact offsets (sentences.ts, units.ts). Runs after the structure stage; src/pipeline.ts composes them.
import type { StructuredDocument, StructuredText } from '../model/document.ts';
import type { StageContext } from '../knowledge/index.ts';
import { splitSentences } from './sentences.ts';

/** The document with its sentences: none crosses a section, a table cell or a blank line. */
export function segmentDocument(doc: StructuredText, ctx: StageContext): StructuredDocument {
  return { ...doc, sentences: splitSentences(doc.cleanText, doc.sections, ctx.knowledge.structure.abbreviations) };
}
