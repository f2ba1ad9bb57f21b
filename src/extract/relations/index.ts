// Relation stage: facts between mentions, each with the sentence and rule that made it. Every rule is
// a general pattern over entity mentions, trigger lexicons (data/patterns/) and sentence structure;
// sentences are prefiltered by the labels and trigger words each rule needs, so the stage stays a
// linear sweep with no full parse.
import type { StructuredDocument } from '../../model/document.ts';
import type { DocumentMentions, Mention, RelationFact } from '../../model/extraction.ts';
import { foldName } from '../../text/names.ts';
import { documentContext, sentenceContext } from './context.ts';
import type { DocumentContext, SentenceContext } from './context.ts';
import { makeEmitter } from './rules/types.ts';
import type { SentenceRule } from './rules/types.ts';
import { SENTENCE_RULES } from './rules/index.ts';
import { prepareFrames } from './frames.ts';
import { documentRules, issuerPipeline } from './rules/document.ts';
import { licencesFromPayments } from './rules/licensing.ts';
import { priceExercisedOptions } from './rules/deals.ts';
import { referredIndications, referredTrialPhases } from './rules/clinical.ts';
import type { StageContext } from '../../knowledge/index.ts';

export { findMoney } from './money.ts';
export type { Money, MoneyQualifier, MoneyPatterns } from './money.ts';
export { agreementYears } from './dates.ts';
export { findPhases } from './phase.ts';
export type { PhasePatterns } from './phase.ts';
export { statusOf, isNegated } from './hedges.ts';
export type { TriggerReader, TriggerGroup } from './lexicon.ts';

/** Safe-harbour text states risks, not facts: nothing is read from it. */
const FORWARD_LOOKING = /forward[-\s]looking\s+statements?|safe\s+harbor/i;

function applies(rule: SentenceRule, ctx: SentenceContext): boolean {
  for (const labels of rule.needs) if (!ctx.items.some((it) => labels.includes(it.label))) return false;
  return rule.triggers.length === 0 || rule.triggers.some((group) => ctx.triggers.hasAny(group));
}

export function extractRelations(doc: StructuredDocument, found: DocumentMentions, stage: StageContext): RelationFact[] {
  const facts: RelationFact[] = [];
  if (found.mentions.length === 0) return facts;
  const dc = documentContext(stage.knowledge, doc, found);
  const contexts: SentenceContext[] = [];
  for (const sentence of doc.sentences) {
    stage.budget.check(); // the per-document time budget (src/budget.ts): a counter, the clock now and then
    if (sentence.section === 'forwardLooking') continue;
    if (!dc.bySentence.has(sentence.index) && dc.primaryCompany === undefined) continue;
    const ctx = sentenceContext(dc, sentence);
    if (ctx.items.length < 1 || FORWARD_LOOKING.test(ctx.text)) continue;
    contexts.push(ctx);
  }
  // The frames' parses for all sentences at once (compromise's tagger has a cost per call), before the rules run.
  prepareFrames(contexts);
  for (const ctx of contexts) {
    const emit = makeEmitter(ctx, facts);
    for (const rule of SENTENCE_RULES) if (applies(rule, ctx)) rule.apply(ctx, emit);
  }
  facts.push(...documentRules(dc, facts));
  facts.push(...issuerPipeline(dc, facts));
  facts.push(...licencesFromPayments(dc, facts));
  facts.push(...referredTrialPhases(dc, (text) => FORWARD_LOOKING.test(text)));
  facts.push(...referredIndications(dc, (text) => FORWARD_LOOKING.test(text)));
  priceExercisedOptions(dc, facts);
  return dedupe(preferSpecificIndications(dc, facts));
}

/**
 * "bring X to more patients with cancer" beside "X in metastatic breast cancer": a drug's STUDIED_FOR
 * to a generic disease is dropped when the document gives the same drug a specific indication.
 */
function preferSpecificIndications(dc: DocumentContext, facts: RelationFact[]): RelationFact[] {
  const disease = (f: RelationFact): Mention | undefined => (typeof f.target === 'number' ? dc.found.mentions[f.target] : undefined);
  const indication = (f: RelationFact): boolean => f.type === 'STUDIED_FOR' || f.type === 'APPROVED_FOR';
  // Folded disease names too broad to stand next to a specific one (trigger group disease.generic).
  const isGenericDisease = (name: string): boolean => dc.knowledge.relations.genericDiseases.has(foldName(name));
  const specific = new Set<number>();
  for (const f of facts) {
    const d = disease(f);
    if (indication(f) && d && !isGenericDisease(d.canonical)) specific.add(dc.entityOf[f.source] ?? f.source);
  }
  return facts.filter((f) => {
    const d = disease(f);
    return !(f.type === 'STUDIED_FOR' && d && isGenericDisease(d.canonical) && specific.has(dc.entityOf[f.source] ?? f.source));
  });
}

function factKey(f: RelationFact): string {
  const target = typeof f.target === 'number' ? String(f.target) : f.target.phase;
  return `${f.type}|${f.source}|${target}|${f.sentenceIndex}|${f.rule}`;
}

/** One fact per (type, endpoints, sentence, rule), in document order, so output is byte-stable. */
function dedupe(facts: RelationFact[]): RelationFact[] {
  const seen = new Map<string, RelationFact>();
  for (const f of facts) if (!seen.has(factKey(f))) seen.set(factKey(f), f);
  return [...seen.values()].sort(
    (a, b) => a.sentenceIndex - b.sentenceIndex || b.confidence - a.confidence || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0) || a.source - b.source || (factKey(a) < factKey(b) ? -1 : factKey(a) > factKey(b) ? 1 : 0),
  );
}
