// Relation stage: facts between mentions, each with the sentence and rule that made it.
import type { StructuredDocument } from '../../model/document.ts';
import type { DocumentMentions, RelationFact } from '../../model/extraction.ts';

export function extractRelations(_doc: StructuredDocument, _found: DocumentMentions): RelationFact[] {
  return [];
}
