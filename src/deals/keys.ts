// Deal and payment identity, and the captions Neo4j Browser shows. A deal's key is made of what the
// agreement is (kind), who is party to it in which role, and its main asset, so the 8-K and its
// press release, or a later document about the same agreement, give the same key and merge into one
// Deal; two agreements of the same parties on different assets stay apart. Nothing else (dates,
// wording) enters the key, so a deal is never merged on a guess and never split by a paraphrase.
// Cross-document resolution renames the company and asset keys a deal key is made of; the deal and
// payment keys are rebuilt from the renamed ones (renamedDealKey), so they follow.
import type { DealKind, PartyRole, PaymentKind } from '../model/deals.ts';
import { foldName } from '../text/names.ts';

/** `deal:license:licensee=company:genentech+licensor=company:immunogen@technology:tap` */
export function dealKey(kind: DealKind, parties: ReadonlyMap<string, PartyRole>, mainAsset: string | undefined): string {
  const roles = [...parties.entries()]
    .map(([company, role]) => `${role}=${company}`)
    .sort()
    .join('+');
  return `deal:${kind}:${roles}${mainAsset === undefined ? '' : `@${mainAsset}`}`;
}

/**
 * `payment:<deal key>#milestone:5000000USD`: one stated payment of one deal. An amount identifies a
 * payment within its deal; a payment without one (royalties in words, "milestone payments") is told
 * apart by its trigger when it has one.
 */
export function paymentKey(deal: string, kind: PaymentKind, amount: number | undefined, currency: string | undefined, trigger: string | undefined): string {
  const value = amount === undefined ? (trigger === undefined ? '' : `:${foldName(trigger)}`) : `:${amount}${currency ?? ''}`;
  return `payment:${deal}#${kind}${value}`;
}

/** `deal:<kind>:<role>=<key>+…[@<asset>]`: entity keys are `label:folded-name`, so `+`, `=`, `@` and `#` only ever separate. */
const DEAL_KEY = /^deal:([a-z_]+):([^@#]*)(?:@([^@#]+))?$/;

/**
 * The key a deal key becomes when resolution gives the company and asset keys it is made of other keys
 * (`to` maps a key to its new key, or to itself): the parties and the asset renamed, the parties sorted
 * again. Undefined when nothing in it changes or it is no deal key. Cross-document resolution
 * (src/graph/identity.ts renameKeys) uses it, so a deal told by two documents under two names of one
 * company meets under one key, whichever path (batch merge, Neo4j writer, bulk export) resolves it.
 */
export function renamedDealKey(key: string, to: (key: string) => string): string | undefined {
  const m = DEAL_KEY.exec(key);
  if (!m) return undefined;
  const [, kind = '', roles = '', asset] = m;
  const parties = roles === '' ? [] : roles.split('+');
  const renamed = [
    ...new Set(
      parties.map((party) => {
        const eq = party.indexOf('=');
        return eq < 0 ? party : `${party.slice(0, eq)}=${to(party.slice(eq + 1))}`;
      }),
    ),
  ].sort();
  const newAsset = asset === undefined ? undefined : to(asset);
  const next = `deal:${kind}:${renamed.join('+')}${newAsset === undefined ? '' : `@${newAsset}`}`;
  return next === key ? undefined : next;
}

/** A payment key follows its deal's key (see renamedDealKey); undefined when the deal key is unchanged. */
export function renamedPaymentKey(key: string, to: (key: string) => string): string | undefined {
  const hash = key.indexOf('#');
  if (!key.startsWith('payment:') || hash < 0) return undefined;
  const deal = renamedDealKey(key.slice('payment:'.length, hash), to);
  return deal === undefined ? undefined : `payment:${deal}${key.slice(hash)}`;
}

const SCALES: readonly [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

const CURRENCY_SIGNS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

/** "$5M", "€1.2B", "CHF 250K": an amount short enough for a node caption. */
export function shortAmount(amount: number, currency: string | undefined): string {
  const sign = currency === undefined ? '' : (CURRENCY_SIGNS[currency] ?? `${currency} `);
  for (const [scale, suffix] of SCALES) {
    if (amount >= scale) return `${sign}${Number((amount / scale).toFixed(2))}${suffix}`;
  }
  return `${sign}${amount}`;
}

const KIND_WORDS: Readonly<Record<PaymentKind, string>> = {
  upfront: 'upfront',
  equity: 'equity',
  milestone: 'milestone',
  milestones_total: 'in milestones',
  royalty: 'royalties',
  research_funding: 'research funding',
  option_fee: 'option fee',
  purchase_price: 'purchase price',
  per_share_price: 'per share',
  cvr: 'CVR',
  license_fee: 'license fee',
  other: 'payment',
};

export interface CaptionTerm {
  kind: PaymentKind;
  amount?: number;
  currency?: string;
  qualifier?: string;
  royaltyText?: string;
}

/** "$75M upfront", "up to $860M in milestones", "tiered royalties". */
export function paymentCaption(term: CaptionTerm): string {
  if (term.amount === undefined) return term.kind === 'royalty' && term.royaltyText ? `${term.royaltyText} royalties` : KIND_WORDS[term.kind];
  const upTo = term.qualifier === 'up_to' ? 'up to ' : '';
  return `${upTo}${shortAmount(term.amount, term.currency)} ${KIND_WORDS[term.kind]}`;
}

/** The term a deal's caption names first: the purchase price, else the upfront, else the milestones total, else any amount. */
const HEADLINE_ORDER: readonly PaymentKind[] = ['purchase_price', 'per_share_price', 'upfront', 'option_fee', 'equity', 'milestones_total', 'milestone', 'research_funding', 'license_fee', 'cvr', 'other'];

/** "license · $75M upfront", "collaboration". */
export function dealCaption(kind: DealKind, terms: readonly CaptionTerm[]): string {
  for (const wanted of HEADLINE_ORDER) {
    const term = terms.find((t) => t.kind === wanted && t.amount !== undefined);
    if (term) return `${kind.replace(/_/g, ' ')} · ${paymentCaption(term)}`;
  }
  return kind.replace(/_/g, ' ');
}
