// The graph contract: the closed lists of node labels and relationship types. Every label and type
// that reaches Cypher comes from these lists (see ../shared/corpus/README.md), never from text.
import { z } from 'zod';

export const ENTITY_LABELS = ['Company', 'Drug', 'Target', 'Technology', 'Person', 'Disease', 'Organization', 'Event', 'Location', 'Deal', 'Payment'] as const;
export const EntityLabel = z.enum(ENTITY_LABELS);
export type EntityLabel = z.infer<typeof EntityLabel>;

/** Extra labels an entity may carry beside its primary one (a Technology may also be a Payload). */
export const EXTRA_LABELS = ['Payload', 'Linker', 'Trademark'] as const;
export const ExtraLabel = z.enum(EXTRA_LABELS);
export type ExtraLabel = z.infer<typeof ExtraLabel>;

export const NodeLabel = z.enum([...ENTITY_LABELS, ...EXTRA_LABELS, 'Phase']);
export type NodeLabel = z.infer<typeof NodeLabel>;

export const RELATIONSHIP_TYPES = [
  'LICENSES_TO',
  'LICENSES',
  'DEVELOPS',
  'EARNED_MILESTONE',
  'COLLABORATES_WITH',
  'OWNS',
  'TARGETS',
  'STUDIED_FOR',
  'APPROVED_FOR',
  'IN_PHASE',
  'HAS_COMPONENT',
  'USES_TECHNOLOGY',
  'EMPLOYS',
  'TRADEMARK_OF',
  'BRAND_OF',
  'ACQUIRES',
  'HAS_OPTION_ON',
  'PAYS',
  // Deals as nodes (src/model/deals.ts): parties with roles, the asset, the indication, the money.
  'PARTY_TO',
  'COVERS',
  'FOR_INDICATION',
  'HAS_TERM',
  // Two entities that may be one real thing, for a person to decide (`kg review`); never merged on a guess.
  'POSSIBLY_SAME_AS',
] as const;
export const RelationshipType = z.enum(RELATIONSHIP_TYPES);
export type RelationshipType = z.infer<typeof RelationshipType>;

/** Relationship types whose direction carries no meaning; stored once with endpoints in key order. */
export const SYMMETRIC_TYPES: ReadonlySet<RelationshipType> = new Set(['COLLABORATES_WITH']);

/** Clinical phases become `Phase` nodes keyed PHASE_1, PHASE_2, ...; IN_PHASE points at them. */
export const PHASE_KEYS = ['PHASE_0', 'PHASE_1', 'PHASE_1_2', 'PHASE_2', 'PHASE_2_3', 'PHASE_3', 'PHASE_4', 'PRECLINICAL', 'REGISTRATION'] as const;
export const PhaseKey = z.enum(PHASE_KEYS);
export type PhaseKey = z.infer<typeof PhaseKey>;
