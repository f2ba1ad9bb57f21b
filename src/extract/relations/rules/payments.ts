// EARNED_MILESTONE payee→payer and PAYS payer→payee, with the amount read by money.ts: "A earned a
// $5 million milestone payment from B", "triggers a $1 million payment to A", "B will pay A an upfront
// payment of $94 million", "A is eligible to receive up to $1.3 billion in milestones" (potential);
// a payment with one party named takes the other from the deal its passage names ("… license agreement
// with B. Under the terms, B will pay $18.5 million upfront"); the investors of a financing round pay the company that raises it ("a $40 million Series B round
// co-led by A and B, with participation from C").
import type { Properties } from '../../../model/graph.ts';
import type { Item, SentenceContext } from '../context.ts';
import { crossesClause, dealPartnerItem, distinctEntities, nearestAfter, subjectBefore } from '../context.ts';
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
  /** "investors included": an investor noun right before a list word. */
  readonly investorNounBefore: RegExp;
  /** A word between two names that ends an investor list. */
  readonly investorStop: RegExp;
  /** "C, a subsidiary of D", "Jane Roe, the founder of the hedge fund D": the gap before a parent or a person's firm, not a co-investor. */
  readonly investorParent: RegExp;
  /** "Series B", "seed". */
  readonly roundName: RegExp;
}

export function compilePaymentPatterns(words: RuleWords): PaymentPatterns {
  return Object.freeze({
    paymentNoun: words.set('payment.noun'),
    receiving: words.set('pay.receive'),
    triggerText: new RegExp(`\\b(?:${words.alternation('milestone.trigger')})\\s+(?:the\\s+)?([^;,.]{4,90})`, 'i'),
    investorNounBefore: new RegExp(`\\b(?:${words.alternation('investor.noun')})\\b[^,;.]{0,40}$`, 'i'),
    // A stop word, a semicolon or colon, or a full stop right before the next name (a new sentence).
    investorStop: new RegExp(`\\b(?:${words.alternation('investor.stop')})\\b|[;:]|\\.\\s+$`, 'i'),
    investorParent: new RegExp(`\\b(?:${words.alternation('investor.parent')})\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}$`, 'i'),
    roundName: new RegExp(`\\b(?:${words.alternation('round.name')})\\b`, 'i'),
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
export function kindNear(ctx: SentenceContext, money: Money | undefined, from: number): string | undefined {
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

export function moneyProperties(ctx: SentenceContext, money: Money | undefined): Properties {
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

/** The document's main company (the registrant, the release's issuer) as an item at the payer, when it is not the payer. */
function issuerOf(ctx: SentenceContext, payer: Item): Item | undefined {
  const dc = ctx.docContext;
  const index = dc.primaryCompany;
  const m = index === undefined ? undefined : dc.found.mentions[index];
  if (index === undefined || !m || (dc.entityOf[index] ?? index) === payer.entity) return undefined;
  return { index, label: 'Company', start: payer.start, end: payer.start, text: m.text, entity: dc.entityOf[index] ?? index, pronoun: true, mention: m };
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
      const from = companyAfterWord(ctx, anchor, 'from', 80);
      if (!payee && /^trigger/.test(earn.text) && !from) continue;
      // "A … today announced receipt of a $X milestone payment from B": the announcer is the payee.
      payee ??= subjectBefore(ctx, earn.start, 80) ?? (/\bannounc\w*\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, earn.start - 20), earn.start)) ? subjectBefore(ctx, earn.start, 300) : undefined);
      // "• Received IND clearance and earned a $7 million milestone payment from B": a payer and no payee named, the
      // sentence's only company being the payer, is the registrant's (the issuer's) own news: the issuer is paid.
      if (!payee && from && distinctEntities(ctx.items.filter((it) => it.label === 'Company')).length === 1) payee = issuerOf(ctx, from);
      if (!payee) continue;
      // "B has achieved a milestone …, triggering a payment to A": the company whose progress triggers pays.
      const achiever = /^trigger/.test(earn.text) ? subjectBefore(ctx, earn.start, 150) : undefined;
      // "The filing triggered a $3 million milestone payment to A", no payer named: the other party of the document's deal.
      const payer = companyAfterWord(ctx, anchor, 'from', 80) ?? (/^trigger/.test(earn.text) ? (achiever && achiever.entity !== payee.entity ? achiever : counterparty(ctx, payee)) : otherCompany(ctx, payee));
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

/** A passive auxiliary right before a payment verb ("will be paid", "was paid"). */
const PASSIVE_BEFORE = /\b(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?$/i;

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
      // "B will be paid $10 million by A": the passive's subject is paid, the agent after "by" pays.
      const passive = !receiving && PASSIVE_BEFORE.test(ctx.text.slice(Math.max(0, hit.start - 16), hit.start));
      if (passive) {
        payee = actor;
        payer = companyAfterWord(ctx, anchor, 'by', 100) ?? companyAfterWord(ctx, hit.end, 'by', 100);
      } else if (receiving) {
        payee = actor;
        // No payer in the sentence: the other party of the deal the passage is about, else of the document's.
        payer = companyAfterWord(ctx, anchor, 'from', 100) ?? otherCompany(ctx, actor) ?? dealPartnerItem(ctx, actor, actor.start) ?? counterparty(ctx, actor);
      } else {
        payer = actor;
        const direct = nearestAfter(ctx, hit.end, COMPANY, 3);
        // "Under the terms of the deal, B will pay $18.5 million upfront": no payee named, the other party of the deal the passage is about.
        payee = direct ?? companyAfterWord(ctx, anchor, 'to', 100) ?? companyAfterWord(ctx, anchor, 'in', 60) ?? otherCompany(ctx, actor) ?? dealPartnerItem(ctx, actor, actor.start);
      }
      if (!payer || !payee) continue;
      const props = moneyProperties(ctx, money);
      const kind = kindNear(ctx, money, hit.end);
      if (kind) props.kind = kind;
      const status = money?.qualifier === 'up_to' ? 'potential' : statusOf(ctx.triggers, Math.max(0, hit.start - 30), money?.end ?? hit.end);
      props.status = status;
      const drug = nearestAfter(ctx, anchor, DRUG, 100);
      if (drug) props.drug = drug.mention.canonical;
      emit('PAYS', payer, payee, receiving ? 'pays.receives_from' : passive ? 'pays.paid_by' : 'pays.pays_to', status === 'actual' ? 0.8 : 0.7, props);
    }
  },
};

/** Most names an investor list holds; longer runs are tables or lists of another kind. */
const MAX_INVESTORS = 12;
/** Characters between two names of one investor list ("London's A, Qatar's B, Massachusetts firms C"). */
const INVESTOR_GAP = 45;

/**
 * The companies listed after an investor cue at `from`: names joined by commas, "and" and short
 * descriptors, up to a word that opens another clause or role. A name right after "a subsidiary of"
 * is the parent of the one before, not an investor.
 */
function investorList(ctx: SentenceContext, from: number, firstGap: number): Item[] {
  const { investorStop, investorParent } = ctx.relations.rules.payments;
  const out: Item[] = [];
  let pos = from;
  let gapLimit = firstGap;
  for (const it of ctx.items) {
    if (it.start < pos) continue;
    const gap = ctx.text.slice(pos, it.start);
    if (gap.length > gapLimit || investorStop.test(gap) || crossesClause(ctx, pos, it.start)) break;
    pos = it.end;
    gapLimit = INVESTOR_GAP;
    if (it.label !== 'Company' || investorParent.test(gap)) continue;
    out.push(it);
    if (out.length >= MAX_INVESTORS) break;
  }
  return out;
}

/** The company that raises the round: named before the cue as the sentence's subject, after "round for", or the document's main company. */
/** What stands right before the company a financing round is for: "round for", "financing in". */
const ROUND_FOR_BEFORE = /\b(?:round|financing|funding|investment)\s+(?:for|in|into)\s+$/i;

function roundRaiser(ctx: SentenceContext, cueStart: number, investors: readonly Item[]): Item | undefined {
  const isInvestor = (it: Item): boolean => investors.some((inv) => inv.entity === it.entity);
  const forCompany = ctx.items.find((it) => it.label === 'Company' && !isInvestor(it) && ROUND_FOR_BEFORE.test(ctx.text.slice(Math.max(0, it.start - 20), it.start)));
  if (forCompany) return forCompany;
  const before = ctx.items.find((it) => it.label === 'Company' && it.end <= cueStart && !isInvestor(it));
  if (before && !/\b(?:from|by|with|of)\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, before.start - 10), before.start))) return before;
  const dc = ctx.docContext;
  // "has joined a $130 million Series B funding round for A" elsewhere in the document: the round is A's,
  // whoever the document is mostly about (a release of one of the investors).
  const text = dc.doc.cleanText;
  for (let index = 0; index < dc.found.mentions.length; index++) {
    const mention = dc.found.mentions[index];
    if (mention?.label !== 'Company' || !ROUND_FOR_BEFORE.test(text.slice(Math.max(0, mention.start - 24), mention.start))) continue;
    const entity = dc.entityOf[index] ?? index;
    if (!investors.some((inv) => inv.entity === entity)) return { index, label: 'Company', start: cueStart, end: cueStart, text: mention.text, entity, pronoun: true, mention };
  }
  const primary = dc.primaryCompany;
  const m = primary === undefined ? undefined : dc.found.mentions[primary];
  if (primary === undefined || !m) return undefined;
  const entity = dc.entityOf[primary] ?? primary;
  if (investors.some((inv) => inv.entity === entity)) return undefined;
  return { index: primary, label: 'Company', start: cueStart, end: cueStart, text: m.text, entity, pronoun: true, mention: m };
}

export const investorRule: SentenceRule = {
  id: 'pays_investor',
  needs: [COMPANY],
  triggers: ['investor.cue', 'investor.list'],
  apply(ctx: SentenceContext, emit: Emit) {
    if (!ctx.triggers.hasAny('financing')) return;
    const { investorNounBefore, roundName } = ctx.relations.rules.payments;
    const cues = [...ctx.triggers.findAll('investor.cue'), ...ctx.triggers.findAll('investor.list').filter((hit) => investorNounBefore.test(ctx.text.slice(Math.max(0, hit.start - 50), hit.start)))];
    const round = roundName.exec(ctx.text)?.[0];
    const money = ctx.money().find((m) => m.per === undefined);
    for (const cue of cues) {
      if (isNegated(ctx.triggers, Math.max(0, cue.start - 40), cue.end)) continue;
      // "led by a new investor, Denmark's A": a short descriptor may stand before the first name.
      const investors = investorList(ctx, cue.end, 60);
      if (investors.length === 0) continue;
      const raiser = roundRaiser(ctx, cue.start, investors);
      if (!raiser) continue;
      const props: Properties = { kind: round !== undefined || ctx.triggers.hasAny('kind.equity') ? 'equity' : 'funding' };
      if (round !== undefined) props.round = round;
      if (money) {
        props.roundAmount = money.amount;
        props.currency = money.currency;
        props.amountText = money.amountText;
      }
      props.status = statusOf(ctx.triggers, Math.max(0, cue.start - 60), Math.min(ctx.text.length, cue.end + 60));
      for (const investor of investors) if (investor.entity !== raiser.entity) emit('PAYS', investor, raiser, 'pays.investor', 0.7, props);
    }
  },
};

/**
 * The terms of a payment read by a grammar frame between `from` and `to` (the payer and payee): the
 * first amount from there on in the clause (not a share price), its kind ("upfront payment of $X")
 * and whether it is paid or only promised.
 */
export function framePaymentProperties(ctx: SentenceContext, from: number, to: number): Properties {
  const money = ctx.money().find((m) => m.per !== 'share' && m.start >= from && m.start - to < 120 && !crossesClause(ctx, to, m.start));
  const props = moneyProperties(ctx, money);
  const kind = kindNear(ctx, money, to);
  if (kind) props.kind = kind;
  props.status = money?.qualifier === 'up_to' ? 'potential' : statusOf(ctx.triggers, from, Math.max(to, money?.end ?? to));
  return props;
}
