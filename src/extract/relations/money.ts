// Amounts of money in deal text: "$5 million", "US$250,000", "EUR 149 million", "€1.2bn",
// "up to $1.3 billion per target". Currency signs, scale words and qualifiers come from
// data/patterns/ (compiled once by the knowledge loader into RelationKnowledge.money), so a new
// currency is a data change.
import { escapeRegex } from '../../text/regex.ts';

export type MoneyQualifier = 'exact' | 'up_to' | 'approximately' | 'at_least';

export interface Money {
  start: number;
  end: number;
  /** In major units of the currency (5000000 for "$5 million"). */
  amount: number;
  /** ISO 4217 code. */
  currency: string;
  qualifier: MoneyQualifier;
  /** The amount as written, qualifier and "per" phrase included. */
  amountText: string;
  /** "per target", "per share": what the amount is quoted per. */
  per?: string;
}

/** A currency as written, from data/patterns/currencies.tsv. */
export interface CurrencyForm {
  form: string;
  /** ISO 4217 code. */
  iso: string;
  /** Written before the number ("$5"), after it ("5 euros"), or either way. */
  position: 'prefix' | 'suffix' | 'both';
}

/** A word around an amount, from data/patterns/money-words.tsv. */
export type MoneyWord = { kind: 'scale'; word: string; value: number } | { kind: 'qualifier'; word: string; value: Exclude<MoneyQualifier, 'exact'> } | { kind: 'per'; word: string; value: string };

/** The compiled money tables (RelationKnowledge.money). */
export interface MoneyPatterns {
  readonly pattern: RegExp;
  readonly currencyOf: ReadonlyMap<string, string>;
  readonly scaleOf: ReadonlyMap<string, number>;
  readonly qualifierBefore: RegExp;
  readonly qualifierOf: ReadonlyMap<string, MoneyQualifier>;
  readonly perAfter: RegExp;
  readonly perOf: ReadonlyMap<string, string>;
}

function altOf(forms: string[], wordy: boolean): string {
  return [...new Set(forms)]
    .sort((a, b) => b.length - a.length)
    .map((f) => {
      const body = escapeRegex(f).replace(/\s+/g, '\\s+');
      return wordy && /[\p{L}]$/u.test(f) ? `${body}(?![\\p{L}])` : body;
    })
    .join('|');
}

/** Compiles the currency forms and money words into the amount pattern (called by the knowledge loader). */
export function compileMoneyPatterns(currencies: readonly CurrencyForm[], words: readonly MoneyWord[]): MoneyPatterns {
  const currencyOf = new Map<string, string>();
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  for (const { form, iso, position } of currencies) {
    currencyOf.set(form.toLowerCase(), iso);
    if (position === 'prefix' || position === 'both') prefixes.push(form);
    if (position === 'suffix' || position === 'both') suffixes.push(form);
  }
  const scaleOf = new Map<string, number>();
  const qualifierOf = new Map<string, MoneyQualifier>();
  const perOf = new Map<string, string>();
  for (const entry of words) {
    if (entry.kind === 'scale') scaleOf.set(entry.word.toLowerCase(), entry.value);
    else if (entry.kind === 'qualifier') qualifierOf.set(entry.word.toLowerCase(), entry.value);
    else perOf.set(entry.word.toLowerCase(), entry.value);
  }
  const number = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
  const scale = `(?:\\s*-?\\s*(${altOf([...scaleOf.keys()], true)})(?![\\p{L}\\p{N}]))?`;
  // A prefix sign or code, then the number and scale; or a bare number, scale and a currency word.
  const prefixed = `(?<![\\p{L}\\p{N}])(${altOf(prefixes, false)})\\s?(${number})${scale}`;
  const suffixed = `(?<![\\p{L}\\p{N}$.,])(${number})${scale}\\s+(${altOf(suffixes, true)})`;
  const pattern = new RegExp(`${prefixed}|${suffixed}`, 'giu');
  const qualifierBefore = new RegExp(`(?:^|[^\\p{L}])(${altOf([...qualifierOf.keys()], true)})\\s*(?:of\\s+)?$`, 'iu');
  const perAfter = new RegExp(`^\\s*(${altOf([...perOf.keys()], true)})`, 'iu');
  return Object.freeze({ pattern, currencyOf, scaleOf, qualifierBefore, qualifierOf, perAfter, perOf });
}

function toAmount(numberText: string, scale: number): number {
  const value = Number(numberText.replace(/,/g, ''));
  // Round away binary noise: 1.3 × 10^9 is 1300000000, not 1300000000.0000002.
  return scale > 1 ? Math.round(value * scale) : Math.round(value * 100) / 100;
}

/** Every amount has a number, so a stretch without an ASCII digit has none. */
const DIGIT = /\d/;

/** Every amount in text[from, to), left to right, offsets into `text`. */
export function findMoney(t: MoneyPatterns, text: string, from = 0, to = text.length): Money[] {
  const slice = text.slice(from, to);
  const found: Money[] = [];
  if (!DIGIT.test(slice)) return found;
  // The global pattern's lastIndex is the loop's cursor (reset first; a scan runs to its end synchronously).
  t.pattern.lastIndex = 0;
  for (let m = t.pattern.exec(slice); m; m = t.pattern.exec(slice)) {
    const [whole, prefix, prefNumber, prefScale, sufNumber, sufScale, suffix] = m;
    const currencyForm = (prefix ?? suffix ?? '').toLowerCase().replace(/\s+/g, ' ');
    const numberText = prefNumber ?? sufNumber ?? '';
    const scaleWord = (prefScale ?? sufScale ?? '').toLowerCase();
    const currency = t.currencyOf.get(currencyForm);
    if (!currency || numberText === '') continue;
    // A one-letter scale ("m", "b", "k") only counts when glued to the number: "$5m", not "$5 m".
    if (scaleWord.length === 1 && !new RegExp(`\\d${scaleWord}`, 'i').test(whole)) continue;
    const scale = scaleWord ? (t.scaleOf.get(scaleWord) ?? 1) : 1;
    let start = from + m.index;
    let end = start + whole.length;
    let qualifier: MoneyQualifier = 'exact';
    const before = text.slice(Math.max(0, start - 40), start);
    const q = t.qualifierBefore.exec(before);
    if (q?.[1]) {
      qualifier = t.qualifierOf.get(q[1].toLowerCase().replace(/\s+/g, ' ')) ?? 'exact';
      start -= before.length - before.lastIndexOf(q[1]);
    }
    const money: Money = { start, end, amount: toAmount(numberText, scale), currency, qualifier, amountText: '' };
    const p = t.perAfter.exec(text.slice(end, Math.min(text.length, end + 30)));
    if (p?.[1]) {
      const per = t.perOf.get(p[1].toLowerCase().replace(/\s+/g, ' '));
      if (per) {
        money.per = per;
        end += p[0].length;
        money.end = end;
      }
    }
    money.amountText = text.slice(start, end);
    found.push(money);
  }
  return found;
}
