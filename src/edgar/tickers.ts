// Tickers to CIKs through EDGAR's own map (https://www.sec.gov/files/company_tickers.json), cached
// in the out dir for a few minutes.
import { KgError } from '../errors.ts';
import { cachedDocument, jsonParser, type EdgarContext } from './cache.ts';
import { CompanyTickers } from './schemas.ts';

export interface TickerMatch {
  ticker: string;
  /** The CIK without leading zeros, as EDGAR's Archives paths write it. */
  cik: string;
  title: string;
}

/** EDGAR writes share classes with a dash (BRK-B); people often write a dot. */
export function normalizeTicker(ticker: string): string {
  return ticker.trim().toUpperCase().replace(/\./g, '-');
}

/** A CIK as given (with or without leading zeros) without leading zeros; USAGE when it is not one. */
export function normalizeCik(cik: string): string {
  const trimmed = cik.trim();
  if (!/^\d{1,10}$/.test(trimmed) || Number(trimmed) === 0) throw new KgError('USAGE', `a CIK is a number of up to 10 digits, got "${cik}"`);
  return String(Number(trimmed));
}

/** The ten-digit CIK of the submissions API's file names. */
export function paddedCik(cik: string): string {
  return cik.padStart(10, '0');
}

/** Each ticker's CIK and company name; an unknown ticker is EDGAR_NOT_FOUND. */
export async function resolveTickers(ctx: EdgarContext, tickers: readonly string[]): Promise<TickerMatch[]> {
  if (tickers.length === 0) return [];
  const map = await cachedDocument(ctx, 'company_tickers.json', ctx.client.url('www', '/files/company_tickers.json'), ctx.metadataMaxAgeMs, jsonParser(CompanyTickers));
  const byTicker = new Map<string, TickerMatch>();
  for (const entry of Object.values(map)) {
    const ticker = normalizeTicker(entry.ticker);
    if (!byTicker.has(ticker)) byTicker.set(ticker, { ticker, cik: String(entry.cik_str), title: entry.title });
  }
  return tickers.map((given) => {
    const match = byTicker.get(normalizeTicker(given));
    if (!match) throw new KgError('EDGAR_NOT_FOUND', "not in EDGAR's company ticker list (company_tickers.json lists current tickers only; give an old company's --cik)", { subject: given });
    return match;
  });
}
