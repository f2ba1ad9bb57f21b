// ACQUIRES, HAS_OPTION_ON and COLLABORATES_WITH: "A to acquire B for $X per share", "B was acquired by
// A", "A has exercised its option to license X", "A and B announced a collaboration", "in
// collaboration with B".
import type { Properties } from '../../../model/graph.ts';
import type { Item, SentenceContext } from '../context.ts';
import { crossesClause, distinctEntities, listAfter, nearestAfter, nearestBefore, subjectBefore } from '../context.ts';
import { isNegated, statusOf } from '../hedges.ts';
import type { RuleWords } from '../word-lists.ts';
import type { Emit, SentenceRule } from './types.ts';
import { COMPANY } from './types.ts';
import type { EntityLabel } from '../../../model/vocabulary.ts';
import type { RelationFact } from '../../../model/extraction.ts';
import type { DocumentContext } from '../context.ts';

const ACQUIRABLE: readonly EntityLabel[] = ['Company', 'Drug', 'Technology'];

export interface DealPatterns {
  /** "acquire a $1 billion equity stake", "acquire rights to": not a takeover. */
  readonly notTakeover: RegExp;
  /** "acquire all outstanding shares of B", "all of the issued share capital": the whole company is bought. */
  readonly wholeCompany: RegExp;
  /** "has agreed to acquire", "a definitive agreement under which A will acquire B": signed, not yet closed. */
  readonly pending: RegExp;
  readonly completed: RegExp;
  /** "an option to acquire B", "the right to acquire B": a possibility, read by the option rule. */
  readonly optionBefore: RegExp;
  /** "its partner B", "our partners A and B", "A's partner B": the owner of the possessive works with B. */
  readonly partnerNoun: RegExp;
}

export function compileDealPatterns(words: RuleWords): DealPatterns {
  return Object.freeze({
    notTakeover: new RegExp(`^[^;.]{0,50}?\\b(?:${words.alternation('takeover.not')})\\b`, 'i'),
    wholeCompany: new RegExp(`^\\s*(?:all|100%|100\\s+percent)\\s+(?:of\\s+)?(?:the\\s+)?(?:outstanding|issued)(?:\\s+and\\s+outstanding)?\\s+(?:${words.alternation('security.whole')})\\s+of\\b`, 'i'),
    pending: new RegExp(`\\b(?:${words.alternation('acquire.pending')})\\b`, 'i'),
    completed: new RegExp(`\\b(?:${words.alternation('acquire.completed', { literalSpaces: true })})\\b`, 'i'),
    optionBefore: new RegExp(`\\b(?:${words.alternation('acquire.option')})\\s+to\\s+$`, 'i'),
    partnerNoun: new RegExp(`\\b(its|our|their)\\s+(?:[\\w-]+\\s+){0,2}?(?:${words.alternation('partner.noun')})\\s*,?\\s*$`, 'i'),
  });
}

function acquisitionProperties(ctx: SentenceContext, from: number): Properties {
  const props: Properties = {};
  for (const money of ctx.money(from)) {
    if (money.per === 'share') {
      if (props.perShare === undefined) {
        props.perShare = money.amount;
        if (props.currency === undefined) props.currency = money.currency;
      }
    } else if (props.price === undefined) {
      props.price = money.amount;
      props.amount = money.amount; // the normalised money property every relationship shares
      props.currency = money.currency;
      props.amountText = money.amountText;
      if (money.qualifier !== 'exact') props.qualifier = money.qualifier;
    }
  }
  if (ctx.triggers.hasAny('acquire.cvr')) props.cvr = true;
  const date = ctx.dates()[0];
  if (date) props.date = date.iso;
  else if (ctx.docContext.doc.asOf) props.asOf = ctx.docContext.doc.asOf;
  // "one contingent value right per share" names a security, not a hedge on the acquisition itself.
  const cvr = ctx.triggers.findAll('acquire.cvr');
  const unhedged = cvr.reduce((t, h) => t.slice(0, h.start) + ' '.repeat(h.end - h.start) + t.slice(h.end), ctx.text);
  const status = statusOf(cvr.length === 0 ? ctx.triggers : ctx.relations.triggers.reader(unhedged));
  const { pending, completed } = ctx.relations.rules.deals;
  props.status = completed.test(ctx.text) ? 'completed' : status === 'actual' && pending.test(ctx.text) ? 'expected' : status;
  return props;
}

export const acquisitionRule: SentenceRule = {
  id: 'acquires',
  needs: [COMPANY],
  triggers: ['acquire', 'acquire.passive'],
  apply(ctx: SentenceContext, emit: Emit) {
    const { notTakeover, wholeCompany, optionBefore } = ctx.relations.rules.deals;
    for (const hit of ctx.triggers.findAll('acquire.passive')) {
      const acquirer = nearestAfter(ctx, hit.end, COMPANY, 10);
      const target = nearestBefore(ctx, hit.start, ACQUIRABLE, 60);
      if (!acquirer || !target || isNegated(ctx.triggers, Math.max(0, hit.start - 25), hit.start)) continue;
      emit('ACQUIRES', acquirer, target, 'acquires.acquired_by', 0.85, acquisitionProperties(ctx, hit.end));
    }
    for (const hit of ctx.triggers.findAll('acquire')) {
      // "B was acquired by A": the passive, read above with its agent as the acquirer.
      if (/^\s+by\b/i.test(ctx.text.slice(hit.end, hit.end + 4))) continue;
      if (notTakeover.test(ctx.text.slice(hit.end)) && !wholeCompany.test(ctx.text.slice(hit.end))) continue;
      // "an option to acquire B", "the right to acquire B": a possibility, read by the option rule.
      if (optionBefore.test(ctx.text.slice(Math.max(0, hit.start - 16), hit.start))) continue;
      const target = nearestAfter(ctx, hit.end, ACQUIRABLE, 30);
      if (!target) continue;
      const by = /\bby\s+$/i;
      const after = ctx.items.find((it) => it.label === 'Company' && it.start > target.end && it.start - target.end < 30 && by.test(ctx.text.slice(Math.max(0, it.start - 4), it.start)));
      const acquirer = after ?? nearestBefore(ctx, hit.start, COMPANY, 100);
      if (!acquirer || isNegated(ctx.triggers, Math.max(0, acquirer.end), hit.start)) continue;
      emit('ACQUIRES', acquirer, target, 'acquires.acquirer_verb', 0.8, acquisitionProperties(ctx, hit.end));
    }
  },
};

/** What stands right before the company an option is on: the option's verb or preposition ("to acquire", "on", "for", "with"). */
const OPTION_OBJECT_BEFORE = /(?:^|\b(?:acquire|purchase|buy|on|for|over|of|in|with|from)\s+(?:all\s+of\s+|the\s+)?)$/i;

export const optionRule: SentenceRule = {
  id: 'has_option_on',
  needs: [COMPANY],
  triggers: ['option'],
  apply(ctx: SentenceContext, emit: Emit) {
    for (const hit of ctx.triggers.findAll('option')) {
      const holder = nearestBefore(ctx, hit.start, COMPANY, 60);
      if (!holder || isNegated(ctx.triggers, holder.end, hit.start)) continue;
      const company = nearestAfter(ctx, hit.end, COMPANY, 40);
      // A company is what the option is on only as the object of its verb or preposition ("an option to acquire B",
      // "an option on B"), not as the subject of a clause after it ("a right of first refusal over any license B may offer").
      const companyObject = company && OPTION_OBJECT_BEFORE.test(ctx.text.slice(hit.end, company.start)) ? company : undefined;
      const object = nearestAfter(ctx, hit.end, ['Drug'], 80) ?? companyObject;
      if (!object) continue;
      const exercised = ctx.triggers.hasAny('option.exercise', holder.end, hit.start);
      const props: Properties = { status: exercised ? 'exercised' : 'potential' };
      const money = ctx.money()[0];
      if (money && exercised) {
        props.amount = money.amount;
        props.currency = money.currency;
      }
      const date = ctx.dates()[0];
      if (date) props.date = date.iso;
      emit('HAS_OPTION_ON', holder, object, exercised ? 'has_option_on.exercised' : 'has_option_on.holds_option', 0.75, props);
    }
  },
};

/** A preposition or verb that makes the following names an object: "of A and B", "by A and B". */
const OBJECT_LEAD = /\b(?:of|by|from|to|for|with|in|at|on|than|pay|pays|paid)\s+(?:the\s+)?$/i;

const PAIR_GAP = /^(?:\s*,[^;.]{0,70}?,)?\s*(?:and|&)\s+(?:the\s+)?$/i;

/** "A and B", "A, known as C outside the US, and B": two companies joined as one subject. */
function coordinatedPairs(ctx: SentenceContext): [Item, Item][] {
  const companies = ctx.items.filter((it) => it.label === 'Company' && !it.pronoun);
  const pairs: [Item, Item][] = [];
  for (let k = 0; k + 1 < companies.length; k++) {
    const [a, b] = [companies[k], companies[k + 1]];
    if (!a || !b || a.entity === b.entity) continue;
    const gap = ctx.text.slice(a.end, b.start);
    if (PAIR_GAP.test(gap) && !ctx.items.some((it) => it.start >= a.end && it.end <= b.start && it.label === 'Company')) pairs.push([a, b]);
  }
  return pairs;
}

/** The document's main company as an item standing at `at` (it acts where the sentence names no one). */
function documentCompany(ctx: SentenceContext, at: number): Item | undefined {
  const dc = ctx.docContext;
  const index = dc.primaryCompany;
  const m = index === undefined ? undefined : dc.found.mentions[index];
  if (index === undefined || !m) return undefined;
  return { index, label: 'Company', start: at, end: at, text: m.text, entity: dc.entityOf[index] ?? index, pronoun: true, mention: m };
}

export const collaborationRule: SentenceRule = {
  id: 'collaborates_with',
  needs: [COMPANY],
  triggers: ['collaborate'],
  apply(ctx: SentenceContext, emit: Emit) {
    const hits = ctx.triggers.findAll('collaborate');
    const firstHit = hits[0];
    if (!firstHit) return;
    for (const hit of hits) {
      // "collaboration with B", "partnered with B", "jointly developed and commercialized globally with B"
      const partner = ctx.items.find(
        (it) =>
          it.label === 'Company' &&
          it.start >= hit.end &&
          it.start - hit.end <= 60 &&
          /\bwith\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, it.start - 9), it.start)) &&
          !/\b(?:by|from|to)\s/i.test(ctx.text.slice(hit.end, it.start)) &&
          !crossesClause(ctx, hit.end, it.start),
      );
      if (!partner) continue;
      // "(X, Phase 2a, in collaboration with B)", "X is being jointly developed with B": no company acts
      // in the clause, so the work is the document's own company's.
      const subject =
        nearestBefore(ctx, hit.start, COMPANY, 150) ?? (ctx.items.some((it) => it.label === 'Company' && !it.pronoun && it.end <= hit.start && !crossesClause(ctx, it.end, hit.start)) ? undefined : documentCompany(ctx, hit.start));
      if (!subject || isNegated(ctx.triggers, subject.end, hit.start)) continue;
      for (const b of distinctEntities(ctx.items.filter((it) => it.label === 'Company' && it.start >= partner.start && it.start - partner.start < 60))) {
        if (b === partner || /^\s*(?:,\s*)?(?:and|&)\s+$/i.test(ctx.text.slice(partner.end, b.start))) emit('COLLABORATES_WITH', subject, b, 'collaborates_with.collaboration_with', 0.8);
      }
    }
    for (const partner of ctx.items) {
      if (partner.label !== 'Company' || partner.pronoun) continue;
      const lead = ctx.relations.rules.deals.partnerNoun.exec(ctx.text.slice(Math.max(0, partner.start - 60), partner.start));
      if (!lead) continue;
      const at = partner.start - lead[0].length;
      const owner = /^our$/i.test(lead[1] ?? '') ? documentCompany(ctx, at) : (subjectBefore(ctx, at, 120) ?? documentCompany(ctx, at));
      if (!owner || isNegated(ctx.triggers, owner.end, partner.start)) continue;
      for (const b of listAfter(ctx, partner.start, COMPANY, 0)) emit('COLLABORATES_WITH', owner, b, 'collaborates_with.its_partner', 0.7);
    }
    // "A and B today announced a strategic collaboration", "a collaboration between A and B". The pair
    // is the sentence's subject (or follows "between"), not an object ("approvals by the shareholders of
    // A and B"), and the collaboration word belongs to its clause.
    for (const [a, b] of coordinatedPairs(ctx)) {
      if (isNegated(ctx.triggers, b.end, Math.min(ctx.text.length, b.end + 80))) continue;
      const lead = ctx.text.slice(Math.max(0, a.start - 14), a.start);
      const between = /\bbetween\s+(?:the\s+)?$/i.test(lead);
      if (!between && OBJECT_LEAD.test(lead)) continue;
      const near = hits.some((h) => (h.start >= b.end && h.start - b.end <= 220 && !crossesClause(ctx, b.end, h.start)) || (between && h.end <= a.start && a.start - h.end <= 40));
      if (!near) continue;
      emit('COLLABORATES_WITH', a, b, 'collaborates_with.joint_announcement', 0.7);
    }
  },
};

/**
 * "Merck has exercised its option to license X" and, in another sentence, "QRX received a $20 million
 * payment from Merck" for the option exercise: the exercised option takes the amount its holder paid.
 */
export function priceExercisedOptions(dc: DocumentContext, facts: readonly RelationFact[]): void {
  const paid = facts.filter((f) => f.type === 'PAYS' && f.properties.kind === 'option_exercise' && typeof f.properties.amount === 'number');
  for (const option of facts) {
    if (option.type !== 'HAS_OPTION_ON' || option.properties.status !== 'exercised' || option.properties.amount !== undefined) continue;
    const payment = paid.find((p) => dc.entityOf[p.source] === dc.entityOf[option.source]);
    if (!payment) continue;
    option.properties.amount = payment.properties.amount ?? 0;
    if (payment.properties.currency !== undefined) option.properties.currency = payment.properties.currency;
  }
}
