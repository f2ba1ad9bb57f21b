// The shape every relation rule has: it reads one sentence context and emits facts through `emit`,
// which checks endpoints and attaches the sentence and rule id.
import type { Properties, PropertyValue } from '../../../model/graph.ts';
import type { RelationFact } from '../../../model/extraction.ts';
import type { EntityLabel, PhaseKey, RelationshipType } from '../../../model/vocabulary.ts';
import type { Item, SentenceContext } from '../context.ts';
import type { TriggerGroup } from '../lexicon.ts';

export type Emit = (type: RelationshipType, source: Item, target: Item | { phase: PhaseKey }, rule: string, confidence: number, properties?: Properties) => void;

export interface SentenceRule {
  /** Rule family id, for documentation and tests. */
  id: string;
  /** Labels the sentence must hold at least one mention of each, else the rule is skipped. */
  needs: readonly (readonly EntityLabel[])[];
  /** Trigger groups of which at least one must match the sentence (a cheap prefilter). */
  triggers: readonly TriggerGroup[];
  apply(ctx: SentenceContext, emit: Emit): void;
}

export function makeEmitter(ctx: SentenceContext, out: RelationFact[]): Emit {
  return (type, source, target, rule, confidence, properties = {}) => {
    if ('index' in target && target.entity === source.entity) return;
    out.push({
      type,
      source: source.index,
      target: 'index' in target ? target.index : { phase: target.phase },
      properties: clean(properties),
      sentenceIndex: ctx.sentence.index,
      rule,
      confidence,
    });
  };
}

/** Drops undefined values so properties stay plain JSON (exactOptionalPropertyTypes). */
function clean(properties: Readonly<Record<string, PropertyValue | undefined>>): Properties {
  const out: Properties = {};
  for (const [k, v] of Object.entries(properties)) if (v !== undefined) out[k] = v;
  return out;
}

export const COMPANY: readonly EntityLabel[] = ['Company'];
export const DRUG: readonly EntityLabel[] = ['Drug'];
export const TECH: readonly EntityLabel[] = ['Technology'];
export const DRUG_OR_TECH: readonly EntityLabel[] = ['Drug', 'Technology'];
export const TARGET: readonly EntityLabel[] = ['Target'];
export const DISEASE: readonly EntityLabel[] = ['Disease'];
export const PERSON: readonly EntityLabel[] = ['Person'];
export const COMPANY_OR_DRUG: readonly EntityLabel[] = ['Company', 'Drug'];
