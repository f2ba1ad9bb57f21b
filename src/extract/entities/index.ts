// Entity stage: finds mentions of companies, drugs, targets, technologies, people and diseases.
import type { StructuredDocument } from '../../model/document.ts';
import type { DocumentMentions } from '../../model/extraction.ts';

export function extractEntities(_doc: StructuredDocument): DocumentMentions {
  return { mentions: [], sameAs: [] };
}
