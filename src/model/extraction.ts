// The typed boundaries between the extraction stages. Mentions and facts point into one
// StructuredDocument by offsets; the resolve stage turns them into keyed entities and relationships.
import type { EntityLabel, ExtraLabel, RelationshipType, PhaseKey } from './vocabulary.ts';
import type { Properties } from './graph.ts';

/** One occurrence of a named thing in a document, found by one rule. */
export interface Mention {
  label: EntityLabel;
  extraLabels?: ExtraLabel[];
  start: number;
  end: number;
  /** The surface text, cleaned (what `cleanText.slice(start, end)` reads, trimmed of markup). */
  text: string;
  /**
   * The name this mention stands for once honorifics, suffixes or possessives are set aside, or a
   * lexicon's canonical form (HGNC symbol for a target). Mentions of one label with equal `canonical`
   * are one entity within a document.
   */
  canonical: string;
  sentenceIndex: number;
  rule: string;
  properties?: Properties;
}

/** "These two mentions are one thing" — an abbreviation defined in parentheses, a ticker, a brand (generic) pair, "the Company". */
export interface SameAs {
  a: number; // index into mentions
  b: number;
  rule: string;
}

export interface DocumentMentions {
  mentions: Mention[];
  sameAs: SameAs[];
}

/** A relation between two mentions (or a mention and a clinical phase), with the sentence that says it. */
export interface RelationFact {
  type: RelationshipType;
  /** Index into DocumentMentions.mentions. */
  source: number;
  /** Index into mentions, or a phase key for IN_PHASE. */
  target: number | { phase: PhaseKey };
  properties: Properties;
  sentenceIndex: number;
  rule: string;
  confidence: number;
}
