// A deal over time: its status history (`status@date`) in date order, the latest status, and how the
// properties of one Deal or Payment told by two documents combine in the batch merge
// (src/graph/merge.ts): histories and amendment dates are unioned, the latest status wins by date,
// earliest dates are kept, and a value only one side states is taken from it.
import { PropertyValue, type Properties } from '../model/graph.ts';
import { DealProperties, PaymentProperties, type DealStatus, type PaymentStatus } from '../model/deals.ts';

/** Within one date, what changes a deal outranks what mentions it (a termination after a reference). */
const STATUS_RANK: readonly string[] = ['referenced', 'effective', 'announced', 'amended', 'closed', 'option_exercised', 'rights_returned', 'terminated'];

function parts(entry: string): { status: string; date: string } {
  const at = entry.lastIndexOf('@');
  return at < 0 ? { status: entry, date: '' } : { status: entry.slice(0, at), date: entry.slice(at + 1) };
}

/**
 * Unique entries in date order (ISO prefixes compare as strings: "2000" < "2006" < "2007-07-31";
 * undated first), same date by rank.
 */
export function orderStatusHistory(entries: Iterable<string>): string[] {
  return [...new Set(entries)].sort((a, b) => {
    const [pa, pb] = [parts(a), parts(b)];
    return pa.date < pb.date ? -1 : pa.date > pb.date ? 1 : STATUS_RANK.indexOf(pa.status) - STATUS_RANK.indexOf(pb.status) || (a < b ? -1 : a > b ? 1 : 0);
  });
}

/** The status of the latest entry of an ordered history. */
export function latestStatus(history: readonly string[], fallback: DealStatus): DealStatus {
  const last = history[history.length - 1];
  const parsed = DealProperties.shape.status.safeParse(last === undefined ? fallback : parts(last).status);
  return parsed.success ? parsed.data : fallback;
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a <= b ? a : b;
}

/** Properties of one Deal seen twice: history and amendments unioned, latest status, earliest dates, a value one side lacks taken from the other. */
export function mergeDealProperties(existing: Properties, incoming: Properties): Properties {
  const a = DealProperties.safeParse(existing);
  const b = DealProperties.safeParse(incoming);
  if (!a.success || !b.success) return a.success ? existing : incoming;
  const history = orderStatusHistory([...a.data.statusHistory, ...b.data.statusHistory]);
  const merged: DealProperties = { ...b.data, ...a.data, statusHistory: history, status: latestStatus(history, a.data.status) };
  for (const field of ['signed', 'effective', 'announced'] as const) {
    const date = earliest(a.data[field], b.data[field]);
    if (date !== undefined) merged[field] = date;
  }
  const amended = [...new Set([...(a.data.amended ?? []), ...(b.data.amended ?? [])])].sort();
  if (amended.length > 0) merged.amended = amended;
  // The caption names the headline value; a side that knows one beats a side that only knows the kind.
  if (!a.data.caption.includes('·') && b.data.caption.includes('·')) merged.caption = b.data.caption;
  return toProperties(merged);
}

const PAYMENT_STATUS_RANK: readonly PaymentStatus[] = ['potential', 'due', 'paid', 'earned'];

/** Properties of one Payment seen twice: the furthest status (earned > paid > due > potential), a value one side lacks taken from the other. */
export function mergePaymentProperties(existing: Properties, incoming: Properties): Properties {
  const a = PaymentProperties.safeParse(existing);
  const b = PaymentProperties.safeParse(incoming);
  if (!a.success || !b.success) return a.success ? existing : incoming;
  const merged: PaymentProperties = { ...b.data, ...a.data };
  if (PAYMENT_STATUS_RANK.indexOf(b.data.status) > PAYMENT_STATUS_RANK.indexOf(a.data.status)) merged.status = b.data.status;
  const date = earliest(a.data.date, b.data.date);
  if (date !== undefined) merged.date = date;
  return toProperties(merged);
}

/** A checked Deal or Payment properties object as graph properties (undefined values dropped). */
export function toProperties(p: DealProperties | PaymentProperties): Properties {
  const out: Properties = {};
  for (const [key, value] of Object.entries(p) as [string, unknown][]) {
    const parsed = PropertyValue.safeParse(value);
    if (parsed.success) out[key] = parsed.data;
  }
  return out;
}
