// Deals as analysts read them (issue 18): the typed rows of `g.deals({...})` (one per Deal node, with
// its parties in their roles, assets, indications, payments and documents; validated with zod), the
// filter they take, and the deal sheet `kg deals` prints from them (one line per deal, amounts written
// as "$75M", parties grouped by role). The Cypher is cypher/api/deals.cypher.
import { z } from 'zod';
import { KgError } from '../errors.ts';
import { DealKind, DealProperties, PARTY_ROLES, PartyRole, PaymentProperties, type PaymentProperties as PaymentPropertiesType } from '../model/deals.ts';
import { formatCsv } from './cypher.ts';
import { formatTable } from './queries.ts';

const EntityRef = z.object({ key: z.string(), name: z.string(), labels: z.array(z.string()) });

export const DealParty = z.object({ role: PartyRole, key: z.string(), name: z.string() });
export type DealParty = z.infer<typeof DealParty>;

/** One payment term of a deal: the contract's properties and the Payment node's key. */
export const DealPayment = PaymentProperties.extend({ key: z.string() });
export type DealPayment = z.infer<typeof DealPayment>;

/** A deal with everything the graph knows about it. `date`: signed, else effective, else announced, else its first dated status. */
export const Deal = DealProperties.extend({
  key: z.string(),
  name: z.string(),
  date: z.string().optional(),
  parties: z.array(DealParty),
  assets: z.array(EntityRef),
  indications: z.array(EntityRef),
  payments: z.array(DealPayment),
  /** The documents that tell the deal, in id order. */
  docIds: z.array(z.string()),
});
export type Deal = z.infer<typeof Deal>;

const IsoDay = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'an ISO date (2024-01-01, 2024-01 or 2024)');

/** What `g.deals()` and `kg deals` filter on; every field is optional and they combine with AND. */
export const DealFilter = z
  .object({
    /** A company (name, alias or key) that is party to the deal in any role. */
    company: z.string().min(1).optional(),
    kind: DealKind.optional(),
    /** Deals dated on or after this date. */
    since: IsoDay.optional(),
    /** Deals with an upfront payment of at least this amount, in major units of the payment's currency. */
    minUpfront: z.number().nonnegative().optional(),
  })
  .strict();
export type DealFilter = z.infer<typeof DealFilter>;

/** The filter checked at run time (callers from plain JavaScript, values from a command line): a KgError USAGE naming what is wrong. */
export function checkedDealFilter(filter: unknown): DealFilter {
  const parsed = DealFilter.safeParse(filter ?? {});
  if (!parsed.success) {
    throw new KgError('USAGE', `deals() takes { company?, kind?, since?, minUpfront? }: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'filter'}: ${i.message}`).join('; ')}`, { subject: 'deals' });
  }
  return parsed.data;
}

/** A row of cypher/api/deals.cypher before it becomes a Deal. */
export const RawDealRow = z.object({
  key: z.string(),
  name: z.string(),
  date: z.string().nullable(),
  properties: z.record(z.string(), z.unknown()),
  parties: z.array(DealParty),
  assets: z.array(EntityRef),
  indications: z.array(EntityRef),
  payments: z.array(z.record(z.string(), z.unknown())),
  docIds: z.array(z.string()),
});
export type RawDealRow = z.infer<typeof RawDealRow>;

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

/** A stored deal row as a typed Deal; a node that breaks the contract is a KgError SCHEMA_INVALID naming it. */
export function dealFromRow(row: RawDealRow): Deal {
  const { key: _key, name: _name, aliases: _aliases, ...own } = row.properties;
  const payments = row.payments.map((p) => {
    const parsed = DealPayment.safeParse(p);
    if (!parsed.success) throw new KgError('SCHEMA_INVALID', `payment ${String(p['key'])} of deal ${row.key} breaks the Payment contract: ${issues(parsed.error)}`, { subject: row.key });
    return parsed.data;
  });
  const parsed = Deal.safeParse({ ...own, key: row.key, name: row.name, ...(row.date === null ? {} : { date: row.date }), parties: row.parties, assets: row.assets, indications: row.indications, payments, docIds: row.docIds });
  if (!parsed.success) throw new KgError('SCHEMA_INVALID', `deal ${row.key} breaks the Deal contract: ${issues(parsed.error)}`, { subject: row.key });
  return parsed.data;
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
const SCALES: readonly [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];
const QUALIFIER_WORDS: Readonly<Record<string, string>> = { up_to: 'up to ', approximately: '~', at_least: 'at least ', exact: '' };

/**
 * An amount as a deal sheet writes it: "$75M", "€1.25B", "CHF 500K", "up to $1.2B" (at most two
 * decimals, trailing zeros dropped; the currency's symbol when it has a common one, else its code).
 */
export function formatAmount(amount: number, currency?: string, qualifier?: string): string {
  const [scale, suffix] = SCALES.find(([size]) => Math.abs(amount) >= size) ?? [1, ''];
  const number = String(Math.round((amount / scale) * 100) / 100);
  const symbol = currency === undefined ? '' : (CURRENCY_SYMBOLS[currency] ?? `${currency} `);
  return `${QUALIFIER_WORDS[qualifier ?? 'exact'] ?? ''}${symbol}${number}${suffix}`;
}

/** A payment's amount as the sheet shows it: formatted when it has one, else the words of the text. */
function paymentText(payment: PaymentPropertiesType): string {
  if (payment.amount !== undefined) return formatAmount(payment.amount, payment.currency, payment.qualifier);
  return payment.amountText ?? payment.caption;
}

function royaltyText(payment: PaymentPropertiesType): string {
  if (payment.royaltyText !== undefined) return payment.royaltyText;
  if (payment.royaltyLow !== undefined && payment.royaltyHigh !== undefined) return `${payment.royaltyLow}–${payment.royaltyHigh}%`;
  if (payment.royaltyLow !== undefined) return `from ${payment.royaltyLow}%`;
  if (payment.royaltyHigh !== undefined) return `up to ${payment.royaltyHigh}%`;
  return payment.caption;
}

/** The sheet's columns, in order. */
export const DEAL_SHEET_COLUMNS = ['date', 'kind', 'parties', 'assets', 'upfront', 'milestones', 'royalties', 'territory', 'status', 'documents'] as const;
export type DealSheetRow = Record<(typeof DEAL_SHEET_COLUMNS)[number], string>;

/** Parties grouped by role in the contract's role order: "licensor: A; licensee: B, C". */
function partiesText(parties: readonly DealParty[]): string {
  return PARTY_ROLES.map((role) => [role, parties.filter((p) => p.role === role).map((p) => p.name)] as const)
    .filter(([, names]) => names.length > 0)
    .map(([role, names]) => `${role}: ${names.join(', ')}`)
    .join('; ');
}

/** One line of the deal sheet: the deal's date, kind, parties by role, assets, money, territory, status and documents. */
export function dealSheetRow(deal: Deal): DealSheetRow {
  const of = (kind: string): string =>
    deal.payments
      .filter((p) => p.kind === kind)
      .map(kind === 'royalty' ? royaltyText : paymentText)
      .join(' + ');
  return {
    date: deal.date ?? '',
    kind: deal.kind,
    parties: partiesText(deal.parties),
    assets: deal.assets.map((a) => a.name).join(', '),
    upfront: of('upfront'),
    milestones: of('milestones_total'),
    royalties: of('royalty'),
    territory: deal.territory ?? '',
    status: deal.status,
    documents: deal.docIds.join(' '),
  };
}

export const DEAL_SHEET_FORMATS = ['table', 'csv', 'json'] as const;
export const DealSheetFormat = z.enum(DEAL_SHEET_FORMATS);
export type DealSheetFormat = z.infer<typeof DealSheetFormat>;

/** The deals as a sheet: a plain-text table, RFC 4180 CSV (header row, CRLF), or the typed deals as JSON. */
export function formatDealSheet(deals: readonly Deal[], format: DealSheetFormat): string {
  if (format === 'json') return `${JSON.stringify(deals, null, 2)}\n`;
  const rows = deals.map(dealSheetRow);
  if (format === 'csv') return formatCsv(DEAL_SHEET_COLUMNS, rows);
  return formatTable(rows, 60, DEAL_SHEET_COLUMNS);
}
