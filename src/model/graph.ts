// The exchange format: what `kg extract --format json` prints and what the writers consume. Published
// as JSON Schema (schema/graph.schema.json) so non-TypeScript users can validate it too.
import { z } from 'zod';
import { NodeLabel, RelationshipType } from './vocabulary.ts';
import { Filing, Dateline, RawMap } from './document.ts';

export const SCHEMA_VERSION = 1 as const;

/** Property values are plain JSON scalars or lists of them, so they map 1:1 onto Neo4j properties. */
export const PropertyValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.array(z.number())]);
export type PropertyValue = z.infer<typeof PropertyValue>;
export const Properties = z.record(z.string(), PropertyValue);
export type Properties = z.infer<typeof Properties>;

export const MentionRef = z.object({
  docId: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type MentionRef = z.infer<typeof MentionRef>;

export const Entity = z.object({
  /** Stable key: the same real thing from two documents gets the same key. */
  key: z.string().min(1),
  /** Primary label first, extra labels (Payload, Linker, Trademark) after it. */
  labels: z.array(NodeLabel).min(1),
  name: z.string().min(1),
  aliases: z.array(z.string()),
  properties: Properties,
  mentions: z.array(MentionRef),
});
export type Entity = z.infer<typeof Entity>;

export const Evidence = z.object({
  docId: z.string(),
  /** The sentence's offsets in the document's text (`documents[].text`): the slice is `sentence`. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  sentence: z.string(),
  rule: z.string().min(1),
  confidence: z.number().min(0).max(1),
  /**
   * For a document rendered from a raw file (HTML, a part of a full submission): the sentence's span
   * in that file (offsets into the decoded file, see RawMap), from its first character's origin to
   * the end of its last one's, tags and entities included. Absent for plain-text inputs, whose text is
   * the raw file: there `start`/`end` are the raw offsets.
   */
  rawStart: z.number().int().nonnegative().optional(),
  rawEnd: z.number().int().nonnegative().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Relationship = z.object({
  type: RelationshipType,
  start: z.string().min(1),
  end: z.string().min(1),
  properties: Properties,
  evidence: z.array(Evidence).min(1),
});
export type Relationship = z.infer<typeof Relationship>;

export const DocumentInfo = z.object({
  docId: z.string().min(1),
  sourcePath: z.string(),
  /**
   * Other files with the same content (same contentHash), found after this one: identical content is
   * one document, whatever the file name, so their facts are not counted twice.
   */
  copies: z.array(z.string()).optional(),
  docType: z.string(),
  title: z.string().optional(),
  contentHash: z.string(),
  asOf: z.string().optional(),
  /** Key of the registrant Company entity, for documents that are part of a filing. */
  registrantKeys: z.array(z.string()),
  filing: Filing.optional(),
  dateline: Dateline.optional(),
  sentenceCount: z.number().int().nonnegative(),
  /**
   * The document's text, which every offset of the graph indexes: evidence `start`/`end` (the slice is
   * the evidence sentence) and entity mentions. For HTML and full submissions it is the rendered text,
   * not the raw file. Left out with `kg extract --no-text`.
   */
  text: z.string().optional(),
  /**
   * For HTML and full submissions, where the text came from in the raw file: run-length segments
   * `[textStart, rawStart, textLength, rawLength]` (RawMap in model/document.ts; `rawSpan` in the
   * library maps any text span, a mention's say). Absent for plain text (text offsets are raw offsets)
   * and, with the text, under `kg extract --no-text`.
   */
  rawMap: RawMap.optional(),
  /**
   * Set by the writers, not by extraction: the hash of the document's extracted graph
   * (src/graph/extraction-hash.ts), stored beside `contentHash` so that a re-ingest skips a document
   * only when its text and what was extracted from it are both unchanged.
   */
  extractionHash: z.string().optional(),
});
export type DocumentInfo = z.infer<typeof DocumentInfo>;

/** Two entities that may be one real thing: reported for a person to decide, never merged on a guess. */
export const MergeCandidate = z.object({ a: z.string(), b: z.string(), reason: z.string(), score: z.number().min(0).max(1).optional() });
export type MergeCandidate = z.infer<typeof MergeCandidate>;

export const Graph = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  documents: z.array(DocumentInfo),
  entities: z.array(Entity),
  relationships: z.array(Relationship),
  /** Present when some entities look alike (see src/graph/candidates.ts). */
  mergeCandidates: z.array(MergeCandidate).optional(),
});
export type Graph = z.infer<typeof Graph>;

/** The graph without its documents' texts and raw maps (`kg extract --no-text`): offsets stay, the text they index is left out. */
export function withoutDocumentText(graph: Graph): Graph {
  return { ...graph, documents: graph.documents.map(({ text: _text, rawMap: _rawMap, ...rest }) => rest) };
}

/** Relationship identity: one relationship per (type, start, end), whatever the number of sources. */
export function relationshipId(r: Pick<Relationship, 'type' | 'start' | 'end'>): string {
  return `${r.type}|${r.start}|${r.end}`;
}
