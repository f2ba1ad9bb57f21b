// Money terms of a deal read from one sentence: each amount (src/extract/relations/money.ts) takes the
// kind the nearest term word names ("an upfront payment of $94 million", "$106 million in equity",
// "up to $860 million in milestone payments", "$60.00 per share"), a qualifier and a status from the
// words around it; royalties without an amount are kept as their wording ("tiered royalties ranging
// from the high single digits to the low teens") with a percent range where one is stated.
import type { AmountQualifier, PaymentKind, PaymentStatus } from '../model/deals.ts';
import type { Knowledge } from '../knowledge/index.ts';
import { findMoney, type Money } from '../extract/relations/money.ts';

export interface TermReading {
  kind: PaymentKind;
  amount?: number;
  currency?: string;
  qualifier?: AmountQualifier;
  status: PaymentStatus;
  amountText?: string;
  trigger?: string;
  royaltyText?: string;
  royaltyLow?: number;
  royaltyHigh?: number;
  /** The total this amount is a part of ("$140 million ($120 million for X and $20 million for Y)"), which is no payment of its own. */
  partOf?: number;
  /** Offsets of the amount (or the royalty word) in the sentence text. */
  start: number;
  end: number;
}

interface WordHit<V> {
  start: number;
  end: number;
  text: string;
  value: V;
}

function hits<V extends string>(group: { pattern: RegExp; valueOf(m: string): V | undefined }, text: string): WordHit<V>[] {
  const out: WordHit<V>[] = [];
  for (const m of text.matchAll(group.pattern)) {
    const value = group.valueOf(m[0]);
    if (value !== undefined) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value });
  }
  return out;
}

/** A clause boundary between two offsets: a semicolon or a sentence-internal full stop. */
function crossesBoundary(text: string, from: number, to: number): boolean {
  return /[;:]|\.\s/.test(text.slice(Math.min(from, to), Math.max(from, to)));
}

/** Words between a term word and its amount that keep them one phrase ("payment of", "in development and regulatory"). */
const MAX_BEFORE = 60;
/** Above this an amount is no price of one share. */
const MAX_SHARE_PRICE = 100_000;
const MAX_AFTER = 45;
/** Farthest a term word after its amount may stand when the words between only qualify it (see LINKED_AFTER). */
const MAX_LINKED_AFTER = 120;
/**
 * Words between an amount and a term word after it that make them one phrase however long: "$245 million
 * in aggregate additional development and commercial milestones", "$1.15 billion contingent upon
 * successful achievement of future regulatory and sales milestones", "$5.5 billion for each ABC-1 ADC
 * contingent upon … sales milestones". Modifiers and names only: a verb or a relative word (CLAUSE_WORD)
 * starts another clause whose term word names something else.
 */
const LINKED_AFTER = /^\s*,?\s*(?:in|of|for|contingent|conditioned|conditional|dependent|payable|based|subject|tied|linked|upon|on)\s[\p{Ll}\p{Lu}\p{N} ,/-]*$/u;
const CLAUSE_WORD = /\b(?:will|would|shall|may|can|could|is|are|was|were|has|have|had|be|been|plus|also|well|which|that|who|receive[sd]?|pays?|paid|includ[a-z]*)\b/;
/** "$115 million plus double-digit royalties", "$5 million and milestones": the term word after the conjunction is another payment. */
const NEXT_ITEM = /^\s*,?\s*(?:plus|and|or|as\s+well\s+as|in\s+addition\s+to|together\s+with|along\s+with)\b/i;
/** "to fund NGM's research and development", "to fund its research": only research or development funding is a deal term (a financing also funds trials or operations). */
const FUND_OBJECT = /^\s+(?:(?:the|its|their|our|[\p{Lu}][\p{L}\p{N}-]*(?:['’]s)?)\s+){0,2}(?:research|R&D|discovery)\b/u;

/** "$2 billion ", "$450M ": an amount's last word right before the word after it. */
const AMOUNT_BEFORE = /(?:\d(?:mn|bn|[mbk])?|\b(?:million|billion|trillion))\s+$/i;

/** "royalty funding agreement", "royalty purchase": words after a royalty word that make it an agreement's name. */
const ROYALTY_AGREEMENT = /^\s+(?:funding|financing|purchase|monetization|monetisation|agreement)\b/i;

/** A fee word an "upfront" word qualifies ("an upfront license fee", "upfront option fee"): the fee is the upfront. */
const FEE_KINDS: ReadonlySet<PaymentKind> = new Set(['license_fee', 'option_fee']);

function kindOf(text: string, money: Money, amounts: readonly Money[], terms: readonly WordHit<PaymentKind>[]): WordHit<PaymentKind> | undefined {
  let best: { hit: WordHit<PaymentKind>; distance: number } | undefined;
  for (const hit of terms) {
    let distance: number;
    if (hit.end <= money.start) {
      distance = money.start - hit.end;
      if (distance > MAX_BEFORE || amounts.some((m) => m !== money && m.start >= hit.end && m.end <= money.start)) continue;
      // "$20 million upfront and up to $245 million …": a word right after another amount names that one.
      if (amounts.some((m) => m !== money && m.end <= hit.start && hit.start - m.end <= 12)) continue;
      // "price per share of $23.00": the per-share words stand right before their price.
      if (hit.value === 'per_share_price' && distance > 12) continue;
    } else if (hit.start >= money.end) {
      distance = hit.start - money.end;
      const between = text.slice(money.end, hit.start);
      if (NEXT_ITEM.test(between)) continue;
      const linked = distance <= MAX_LINKED_AFTER && LINKED_AFTER.test(between) && !CLAUSE_WORD.test(between);
      if ((distance > MAX_AFTER && !linked) || amounts.some((m) => m !== money && m.start >= money.end && m.end <= hit.start)) continue;
      distance = Math.min(distance, MAX_AFTER);
      // An amount is named by the words right after it ("$106 million in equity"), so those weigh a little more.
      distance -= 5;
    } else continue;
    if (crossesBoundary(text, hit.start, money.start)) continue;
    if (!best || distance < best.distance) best = { hit, distance };
  }
  const found = best?.hit;
  if (found && FEE_KINDS.has(found.value)) {
    const upfront = terms.find((t) => t.value === 'upfront' && t.end <= found.start && /^\s{1,2}$/.test(text.slice(t.end, found.start)));
    if (upfront) return upfront;
  }
  return found;
}

/** The payment status the nearest status word before the amount states. */
function statusNear(text: string, at: number, paid: readonly WordHit<PaymentStatus>[], reach = 80): PaymentStatus | undefined {
  let best: { value: PaymentStatus; distance: number } | undefined;
  for (const hit of paid) {
    if (hit.end > at) continue;
    const distance = at - hit.end;
    if (distance > reach || crossesBoundary(text, hit.start, at)) continue;
    if (!best || distance < best.distance) best = { value: hit.value, distance };
  }
  return best?.value;
}

/**
 * "each (issued and outstanding) share of … was converted into the right to receive $229.00": the
 * merger consideration of one share, stated before the amount in the same clause.
 */
const EACH_SHARE_BEFORE = /\beach\s+(?:[\p{L}-]+\s+){0,4}shares?\b[^;]*\bright\s+to\s+receive\b[^;$€£]*$/iu;

/** A per-share price written with words between the amount and "per share". */
const PER_SHARE_AFTER = /^\s*(?:in\s+cash\s+|net\s+)?per\s+(?:\p{Lu}[\p{L}-]*\s+)?(?:(?:common|ordinary)\s+)?share\b/u;

const PERCENT_RANGE = /(\d{1,2}(?:\.\d+)?)\s*(?:%|percent)?\s*(?:to|-|–|and)\s*(\d{1,2}(?:\.\d+)?)\s*(?:%|percent)/i;
const PERCENT = /(\d{1,2}(?:\.\d+)?)\s*(?:%|percent)/i;

function royaltyReading(text: string, word: WordHit<PaymentKind>, k: Knowledge, paid: readonly WordHit<PaymentStatus>[]): TermReading {
  const from = Math.max(0, word.start - 50);
  const to = Math.min(text.length, word.end + 90);
  const around = text.slice(from, to);
  const words = [...around.matchAll(k.deals.royalty)].filter((m) => !crossesBoundary(around, m.index, word.start - from)).map((m) => m[0].toLowerCase().replace(/\s+/g, ' '));
  const reading: TermReading = { kind: 'royalty', status: statusNear(text, word.start, paid) ?? 'potential', start: word.start, end: word.end };
  if (reading.status === 'due') reading.status = 'potential';
  if (words.length > 0) reading.royaltyText = [...new Set(words)].join(' ');
  const range = PERCENT_RANGE.exec(around);
  const single = range ? undefined : PERCENT.exec(around);
  if (range?.[1] && range[2]) {
    reading.royaltyLow = Number(range[1]);
    reading.royaltyHigh = Number(range[2]);
  } else if (single?.[1]) {
    reading.royaltyLow = Number(single[1]);
    reading.royaltyHigh = Number(single[1]);
  }
  return reading;
}

/** "… upon the dosing of the first patient": what a stated milestone is paid for. */
function triggerAfter(k: Knowledge, text: string, from: number): string | undefined {
  const m = k.relations.rules.payments.triggerText.exec(text.slice(from, Math.min(text.length, from + 140)));
  return m?.[1]?.trim();
}

/** "milestone and royalty payments", "milestone or other payments": the plural noun after the coordination. */
const MILESTONE_AND_PAYMENTS = /^[\s-]*(?:and|or)\s+(?:[\p{L}-]+\s+){0,2}payments\b/u;
/** How far before a term without an amount the word saying it may come can stand (one clause). */
const AMOUNTLESS_REACH = 140;
/** Kinds whose payment words ("milestone payments", "research funding") name nothing but a deal term, so a status word may stand that far before them ("shares", "upfront", "key milestones" are also said of other things). */
const FAR_STATED: ReadonlySet<PaymentKind> = new Set(['milestones_total', 'research_funding']);

/** Kinds a sentence may state without an amount and still say something about the deal. */
const AMOUNTLESS: ReadonlySet<PaymentKind> = new Set(['milestones_total', 'research_funding', 'equity', 'upfront']);

/** Kinds a share of a total is never told as (a price per share is no sum of parts). */
const ACQUISITION_ONLY: ReadonlySet<PaymentKind> = new Set(['per_share_price']);

/** "$140 million ($120 million for X and $20 million for Y)": a parenthesis right after an amount. */
const PARTS_OPEN = /^\s*\(\s*$/;

/**
 * Amounts a parenthesis right after a total splits it into: two or more amounts of the total's currency,
 * inside the parenthesis, that add up to it ("$140.0 million ($120 million for the license and $20
 * million for the collaboration)"). Amounts that do not add up are no split (a range, a conversion).
 */
function partsOfAmounts(text: string, amounts: readonly Money[]): { whole: Money; parts: Money[] }[] {
  const out: { whole: Money; parts: Money[] }[] = [];
  amounts.forEach((whole, i) => {
    const next = amounts[i + 1];
    if (!next || !PARTS_OPEN.test(text.slice(whole.end, next.start))) return;
    const close = text.indexOf(')', next.end);
    if (close < 0) return;
    const parts = amounts.filter((m) => m.start >= next.start && m.end <= close);
    const sum = parts.reduce((total, m) => total + m.amount, 0);
    if (parts.length < 2 || parts.some((m) => m.currency !== whole.currency) || Math.abs(sum - whole.amount) > whole.amount * 1e-9) return;
    out.push({ whole, parts });
  });
  return out;
}

/** Every money term one sentence states, in text order. */
export function readTerms(text: string, k: Knowledge): TermReading[] {
  const terms = hits(k.deals.term, text).filter((t) => {
    if (/^to\s+fund$/i.test(t.text)) return FUND_OBJECT.test(text.slice(t.end, t.end + 60));
    // "a partnership with B worth up to $115 million" is a deal's value; "a market worth $7 billion" is none.
    if (/^worth$/i.test(t.text)) {
      const before = text.slice(Math.max(0, t.start - 80), t.start);
      return before.search(k.deals.agreement.pattern) >= 0 && !/\bmarkets?\b/i.test(before);
    }
    // "A's $2 billion purchase of B" is a price; "purchase of $106 million of preferred stock" names what is bought after the amount.
    if (/^purchase$/i.test(t.text)) return AMOUNT_BEFORE.test(text.slice(Math.max(0, t.start - 20), t.start));
    // "a $150 million synthetic royalty funding agreement": the royalty word names the kind of agreement, not the amount's kind.
    // "Royalty Capital", "Royalty Partners": a capitalised royalty word before a capitalised word (other than "Payments") is a name.
    if (t.value === 'royalty') {
      const after = text.slice(t.end, t.end + 30);
      return !ROYALTY_AGREEMENT.test(after) && !(/^\p{Lu}/u.test(t.text) && /^\s+\p{Lu}/u.test(after) && !/^\s+Payments?\b/.test(after));
    }
    return true;
  });
  if (terms.length === 0) return [];
  const amounts = findMoney(k.relations.money, text);
  const paid = hits(k.deals.paid, text);
  const readings: TermReading[] = [];
  const usedRoyaltyWords = new Set<number>();
  const parts = partsOfAmounts(text, amounts);
  for (const money of amounts) {
    // "$140 million ($120 million for the license and $20 million for the collaboration)": the parts are the payments, of the total's kind.
    const whole = parts.find((p) => p.parts.includes(money))?.whole;
    if (whole !== undefined) {
      const kind = kindOf(text, whole, amounts, terms)?.value;
      if (kind === undefined || ACQUISITION_ONLY.has(kind)) continue;
      const stated = statusNear(text, whole.start, paid);
      readings.push({
        kind,
        amount: money.amount,
        currency: money.currency,
        qualifier: money.qualifier,
        amountText: money.amountText,
        status: money.qualifier === 'up_to' ? 'potential' : (stated ?? 'due'),
        partOf: whole.amount,
        start: money.start,
        end: money.end,
      });
      continue;
    }
    if (parts.some((p) => p.whole === money)) continue;
    // "$60.00 per share", "$229 in cash per Acme share": the price of one share.
    const perShare = money.per === 'share' || PER_SHARE_AFTER.test(text.slice(money.end, money.end + 40)) || (money.amount < MAX_SHARE_PRICE && EACH_SHARE_BEFORE.test(text.slice(Math.max(0, money.start - 250), money.start)));
    const hit = perShare ? undefined : kindOf(text, money, amounts, terms);
    if (money.per !== undefined && !perShare) continue; // "per target", "per program": a rate, not a stated payment
    let kind: PaymentKind | undefined = perShare ? 'per_share_price' : hit?.value;
    if (kind === undefined || money.amount === 0) continue;
    // A price of one share is never millions; such an amount is the deal's, named by other words.
    if (kind === 'per_share_price' && money.amount >= MAX_SHARE_PRICE) continue;
    if (kind === 'milestone' && money.qualifier === 'up_to') kind = 'milestones_total';
    if (kind === 'milestones_total' && money.qualifier !== 'up_to' && /^milestone$/i.test(hit?.text ?? '')) kind = 'milestone';
    if (kind === 'royalty' && hit) usedRoyaltyWords.add(hit.start);
    const reading: TermReading = { kind, amount: money.amount, currency: money.currency, qualifier: money.qualifier, amountText: money.amountText, status: 'due', start: money.start, end: money.end };
    const stated = statusNear(text, money.start, paid);
    if (money.qualifier === 'up_to' || kind === 'milestones_total' || kind === 'cvr') reading.status = 'potential';
    else if (stated) reading.status = stated;
    if (kind === 'milestone') {
      const trigger = triggerAfter(k, text, Math.max(money.end, hit?.end ?? 0));
      if (trigger) reading.trigger = trigger;
    }
    readings.push(reading);
  }
  // Terms stated without an amount ("eligible to receive milestone payments"): one reading per kind
  // the sentence names, kept without amount. A single milestone or a price needs one.
  const withAmount = new Set(readings.map((r) => r.kind));
  for (const hit of terms) {
    // "milestone and royalty payments": a milestone word that shares a plural payments noun names them all.
    const word = hit.value === 'milestone' && MILESTONE_AND_PAYMENTS.test(text.slice(hit.end, hit.end + 40)) ? { ...hit, value: 'milestones_total' as const } : hit;
    if ((!AMOUNTLESS.has(word.value) && !k.deals.shareTerms.has(word.text.toLowerCase().replace(/\s+/g, ' '))) || withAmount.has(word.value) || readings.some((r) => r.start <= word.start && word.end <= r.end)) continue;
    if (amounts.some((m) => kindOf(text, m, amounts, terms) === hit)) continue;
    // "$40 million contingent upon regulatory milestones": words that say what an amount depends on name no payment of their own.
    if (amounts.some((m) => m.end <= word.start && word.start - m.end <= MAX_LINKED_AFTER && LINKED_AFTER.test(text.slice(m.end, word.start)) && !CLAUSE_WORD.test(text.slice(m.end, word.start)))) continue;
    withAmount.add(word.value);
    // Only where the words say the payment may or will come ("is eligible to receive milestone payments"):
    // a bare mention ("increased milestone payments") states no term.
    // The status word may stand farther before a term without an amount: "is eligible for further payments
    // associated with the progress of development, as well as commercial milestone payments".
    const stated = statusNear(text, word.start, paid, FAR_STATED.has(word.value) && (word !== hit || /payments?$|funding$/i.test(word.text)) ? AMOUNTLESS_REACH : undefined);
    if (stated !== 'potential' && stated !== 'due') continue;
    readings.push({ kind: word.value, status: 'potential', start: word.start, end: word.end });
  }
  // Royalties stated in words only: one reading for the sentence.
  const royaltyWord = terms.find((t) => t.value === 'royalty' && !usedRoyaltyWords.has(t.start));
  if (royaltyWord && !readings.some((r) => r.kind === 'royalty')) readings.push(royaltyReading(text, royaltyWord, k, paid));
  return readings.sort((a, b) => a.start - b.start);
}
