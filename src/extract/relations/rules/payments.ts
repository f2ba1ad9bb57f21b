// EARNED_MILESTONE payee→payer and PAYS payer→payee, with the amount read by money.ts: "A earned a
// $5 million milestone payment from B", "triggers a $1 million payment to A", "B will pay A an upfront
// payment of $94 million", "A is eligible to receive up to $1.3 billion in milestones" (potential).
import type { Properties } from '../../../model/graph.ts';
import type { Item, SentenceContext } from '../context.ts';
import { crossesClause, distinctEntities, nearestAfter, subjectBefore } from '../context.ts';
import { isNegated, statusOf } from '../hedges.ts';
import type { TriggerGroup } from '../lexicon.ts';
import type { Money } from '../money.ts';
import type { RuleWords } from '../word-lists.ts';
import type { Emit, SentenceRule } from './types.ts';
import { COMPANY, DRUG } from './types.ts';

export interface PaymentPatterns {
  /** "an upfront payment": a pay trigger that is a noun, whose verb names who pays. */
  readonly paymentNoun: ReadonlySet<string>;
  /** "receive", "will receive": a pay trigger whose subject is paid. */
  readonly receiving: ReadonlySet<string>;
  /** "… upon the dosing of the first patient": what a milestone is paid for. */
  readonly triggerText: RegExp;
}

export function compilePaymentPatterns(words: RuleWords): PaymentPatterns {
  return Object.freeze({
    paymentNoun: words.set('payment.noun'),
    receiving: words.set('pay.receive'),
    triggerText: new RegExp(`\\b(?:${words.alternation('milestone.trigger')})\\s+(?:the\\s+)?([^;,.]{4,90})`, 'i'),
  });
}

/** Payment kinds, nearest first when two are as near, each with its trigger group. */
const KINDS = [
  ['option_exercise', 'kind.option_exercise'],
  ['license_fee', 'kind.license_fee'],
  ['research_funding', 'kind.research_funding'],
  ['upfront', 'kind.upfront'],
  ['equity', 'kind.equity'],
  ['milestone', 'kind.milestone'],
  ['royalty', 'kind.royalty'],
] as const satisfies readonly (readonly [string, TriggerGroup])[];

/** The kind of payment the words nearest the amount name ("upfront payment of $X", "$X in equity"). */
function kindNear(ctx: SentenceContext, money: Money | undefined, from: number): string | undefined {
  const start = money ? Math.max(0, money.start - 50) : from;
  const end = money ? Math.min(ctx.text.length, money.end + 40) : Math.min(ctx.text.length, from + 80);
  let best: { kind: string; distance: number } | undefined;
  for (const [kind, group] of KINDS) {
    for (const hit of ctx.triggers.findAll(group, start, end)) {
      const anchor = money ?? { start: from, end: from };
      const distance = hit.end <= anchor.start ? anchor.start - hit.end : Math.max(0, hit.start - anchor.end);
      if (!best || distance < best.distance) best = { kind, distance };
    }
  }
  return best?.kind;
}

function moneyProperties(ctx: SentenceContext, money: Money | undefined): Properties {
  const props: Properties = {};
  if (money) {
    props.amount = money.amount;
    props.currency = money.currency;
    props.qualifier = money.qualifier;
    props.amountText = money.amountText;
    if (money.per) props.per = money.per;
  }
  const date = ctx.dates()[0];
  const asOf = ctx.docContext.doc.asOf;
  if (date) props.date = date.iso;
  else if (asOf) props.asOf = asOf;
  return props;
}

/** The company after "to"/"from" following `pos` in the clause ("payment to A", "from B"). */
function companyAfterWord(ctx: SentenceContext, pos: number, word: string, maxDist = 120): Item | undefined {
  return ctx.items.find(
    (it) => it.label === 'Company' && it.start >= pos && it.start - pos <= maxDist && new RegExp(`\\b${word}\\s+(?:the\\s+)?$`, 'i').test(ctx.text.slice(Math.max(0, it.start - 9), it.start)) && !crossesClause(ctx, pos, it.start),
  );
}

function otherCompany(ctx: SentenceContext, not: Item): Item | undefined {
  const others = distinctEntities(ctx.items.filter((it) => it.label === 'Company' && it.entity !== not.entity));
  return others.length === 1 ? others[0] : undefined;
}

/**
 * "B will receive an upfront payment of $X" with no payer in the sentence: in a two-party deal
 * announcement the other party pays; else the announcing company when the payee is not it.
 */
function counterparty(ctx: SentenceContext, payee: Item): Item | undefined {
  const dc = ctx.docContext;
  const other = dc.parties.find((p) => (dc.entityOf[p] ?? p) !== payee.entity) ?? (dc.primaryCompany !== undefined && (dc.entityOf[dc.primaryCompany] ?? dc.primaryCompany) !== payee.entity ? dc.primaryCompany : undefined);
  const m = other === undefined ? undefined : dc.found.mentions[other];
  if (other === undefined || !m || dc.parties.length < 2 || !dc.parties.some((p) => (dc.entityOf[p] ?? p) === payee.entity)) return undefined;
  return { index: other, label: 'Company', start: payee.start, end: payee.start, text: m.text, entity: dc.entityOf[other] ?? other, pronoun: true, mention: m };
}

export const milestoneRule: SentenceRule = {
  id: 'earned_milestone',
  needs: [COMPANY],
  triggers: ['milestone'],
  apply(ctx: SentenceContext, emit: Emit) {
    const amounts = ctx.money();
    for (const earn of ctx.triggers.findAll('earn')) {
      const money = amounts.find((m) => m.start >= earn.end && m.start - earn.end < 60) ?? amounts.find((m) => m.end <= earn.start && earn.start - m.end < 40);
      const milestoneWord = ctx.triggers.findFirst('milestone', Math.max(0, earn.start - 60), Math.min(ctx.text.length, earn.end + 80));
      if (!milestoneWord) continue;
      const anchor = Math.max(earn.end, money?.end ?? 0, milestoneWord.end);
      // "A earned … from B" / "triggers a … payment to A (from B)"
      let payee = companyAfterWord(ctx, anchor, 'to', 40);
      if (!payee && /^trigger/.test(earn.text)) continue;
      // "A … today announced receipt of a $X milestone payment from B": the announcer is the payee.
      payee ??= subjectBefore(ctx, earn.start, 80) ?? (/\bannounc\w*\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, earn.start - 20), earn.start)) ? subjectBefore(ctx, earn.start, 300) : undefined);
      if (!payee) continue;
      // "B has achieved a milestone …, triggering a payment to A": the company whose progress triggers pays.
      const achiever = /^trigger/.test(earn.text) ? subjectBefore(ctx, earn.start, 150) : undefined;
      const payer = companyAfterWord(ctx, anchor, 'from', 80) ?? (/^trigger/.test(earn.text) ? (achiever && achiever.entity !== payee.entity ? achiever : undefined) : otherCompany(ctx, payee));
      if (!payer || !money || isNegated(ctx.triggers, Math.max(0, earn.start - 30), anchor)) continue;
      const status = statusOf(ctx.triggers, Math.max(0, earn.start - 40), anchor);
      const props = moneyProperties(ctx, money);
      const trigger = ctx.relations.rules.payments.triggerText.exec(ctx.text.slice(anchor));
      if (trigger?.[1]) props.trigger = trigger[1].trim();
      const drug = nearestAfter(ctx, anchor, DRUG, 150) ?? ctx.items.find((it) => it.label === 'Drug');
      if (drug) props.drug = drug.mention.canonical;
      if (status === 'actual' && money.qualifier !== 'up_to') {
        emit('EARNED_MILESTONE', payee, payer, 'earned_milestone.earned_from', 0.9, props);
      } else {
        emit('PAYS', payer, payee, 'pays.potential_milestones', 0.7, { ...props, kind: 'milestone', status: 'potential' });
      }
    }
  },
};

export const paymentRule: SentenceRule = {
  id: 'pays',
  needs: [COMPANY],
  triggers: ['pay'],
  apply(ctx: SentenceContext, emit: Emit) {
    const amounts = ctx.money();
    const hasRoyalty = ctx.triggers.hasAny('kind.royalty');
    if (amounts.length === 0 && !hasRoyalty) return;
    const { paymentNoun, receiving: receivingVerb } = ctx.relations.rules.payments;
    for (const hit of ctx.triggers.findAll('pay')) {
      const receiving = receivingVerb.has(hit.text.replace(/\s+/g, ' '));
      if (paymentNoun.has(hit.text)) continue; // "an upfront payment": the verb names who pays
      const actor = subjectBefore(ctx, hit.start, 60);
      if (!actor || isNegated(ctx.triggers, actor.end, hit.end)) continue;
      const money = amounts.find((m) => m.start >= hit.start && m.start - hit.end < 80 && !crossesClause(ctx, hit.end, m.start));
      if (!money && !(hasRoyalty && /roy/i.test(ctx.text.slice(hit.end, hit.end + 80)))) continue;
      if (money?.per === 'share') continue; // a share price is acquisition terms, not a payment
      let payer: Item | undefined;
      let payee: Item | undefined;
      const anchor = money?.end ?? hit.end;
      if (receiving) {
        payee = actor;
        payer = companyAfterWord(ctx, anchor, 'from', 100) ?? otherCompany(ctx, actor) ?? counterparty(ctx, actor);
      } else {
        payer = actor;
        const direct = nearestAfter(ctx, hit.end, COMPANY, 3);
        payee = direct ?? companyAfterWord(ctx, anchor, 'to', 100) ?? companyAfterWord(ctx, anchor, 'in', 60) ?? otherCompany(ctx, actor);
      }
      if (!payer || !payee) continue;
      const props = moneyProperties(ctx, money);
      const kind = kindNear(ctx, money, hit.end);
      if (kind) props.kind = kind;
      const status = money?.qualifier === 'up_to' ? 'potential' : statusOf(ctx.triggers, Math.max(0, hit.start - 30), money?.end ?? hit.end);
      props.status = status;
      const drug = nearestAfter(ctx, anchor, DRUG, 100);
      if (drug) props.drug = drug.mention.canonical;
      emit('PAYS', payer, payee, receiving ? 'pays.receives_from' : 'pays.pays_to', status === 'actual' ? 0.8 : 0.7, props);
    }
  },
};
