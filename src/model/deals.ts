// Deals as nodes (issue 18): the contract between the deal stage that builds them and everything that
// reads them (writers, `kg deals`, the API, eval). A deal is an Entity labelled `Deal`, a payment an
// Entity labelled `Payment`; their properties are checked by the schemas below. Parties, assets and
// terms are relationships: (:Company)-[:PARTY_TO {role}]->(:Deal), (:Deal)-[:COVERS]->(:Drug|:Technology|:Target),
// (:Deal)-[:FOR_INDICATION]->(:Disease), (:Deal)-[:HAS_TERM]->(:Payment). Vocabulary follows
// ../shared/corpus/README.md ("Deals").
import { z } from 'zod';

export const DEAL_KINDS = ['license', 'collaboration', 'option', 'acquisition', 'royalty_financing', 'co_promotion', 'supply_or_service', 'settlement', 'other'] as const;
export const DealKind = z.enum(DEAL_KINDS);
export type DealKind = z.infer<typeof DealKind>;

export const DEAL_STATUSES = ['announced', 'effective', 'closed', 'amended', 'option_exercised', 'terminated', 'rights_returned', 'referenced'] as const;
export const DealStatus = z.enum(DEAL_STATUSES);
export type DealStatus = z.infer<typeof DealStatus>;

export const PARTY_ROLES = ['licensor', 'licensee', 'collaborator', 'acquirer', 'acquired', 'optionee', 'optionor', 'payer', 'payee', 'royalty_buyer', 'royalty_seller', 'seller', 'buyer', 'provider', 'customer'] as const;
export const PartyRole = z.enum(PARTY_ROLES);
export type PartyRole = z.infer<typeof PartyRole>;

export const PAYMENT_KINDS = ['upfront', 'equity', 'milestone', 'milestones_total', 'royalty', 'research_funding', 'option_fee', 'purchase_price', 'per_share_price', 'cvr', 'license_fee', 'other'] as const;
export const PaymentKind = z.enum(PAYMENT_KINDS);
export type PaymentKind = z.infer<typeof PaymentKind>;

export const PAYMENT_STATUSES = ['potential', 'earned', 'paid', 'due'] as const;
export const PaymentStatus = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const AMOUNT_QUALIFIERS = ['exact', 'up_to', 'approximately', 'at_least'] as const;
export const AmountQualifier = z.enum(AMOUNT_QUALIFIERS);
export type AmountQualifier = z.infer<typeof AmountQualifier>;

/** ISO 8601 date, possibly reduced to a year or a month ("2000", "2006-03", "2007-07-31"). */
const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/**
 * Properties of a `Deal` entity. `status` is the latest status seen; `statusHistory` keeps every status
 * seen with its date as `status@date` (`@` alone when the text gives no date), in date order, so a deal
 * told by several documents shows how it moved.
 */
export const DealProperties = z.object({
  /** What Neo4j Browser shows on the node: kind and headline value ("license · $75M upfront"). */
  caption: z.string(),
  kind: DealKind,
  status: DealStatus,
  statusHistory: z.array(z.string()),
  exclusive: z.boolean().optional(),
  territory: z.string().optional(),
  field: z.string().optional(),
  signed: IsoDate.optional(),
  effective: IsoDate.optional(),
  announced: IsoDate.optional(),
  amended: z.array(IsoDate).optional(),
  stageAtSigning: z.string().optional(),
});
export type DealProperties = z.infer<typeof DealProperties>;

/** Properties of a `Payment` entity: one stated payment of one deal. */
export const PaymentProperties = z.object({
  /** What Neo4j Browser shows on the node ("$75M upfront", "tiered royalties"). */
  caption: z.string(),
  kind: PaymentKind,
  /** In major units of `currency`; absent for royalties stated only in words. */
  amount: z.number().nonnegative().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  qualifier: AmountQualifier.optional(),
  status: PaymentStatus,
  trigger: z.string().optional(),
  date: IsoDate.optional(),
  /** The amount as written ("$5 million"), for captions and evidence. */
  amountText: z.string().optional(),
  /** Royalty wording ("tiered double-digit"), with a structured range where the text states one (percent). */
  royaltyText: z.string().optional(),
  royaltyLow: z.number().optional(),
  royaltyHigh: z.number().optional(),
});
export type PaymentProperties = z.infer<typeof PaymentProperties>;
