// Amounts of money in deal text: "$5 million", "US$250,000", "EUR 149 million", "€1.2bn",
// "up to $1.3 billion per target". Currency signs, scale words and qualifiers come from
// data/patterns/, so a new currency is a data change.
import { dataTsv } from '../../data-files.ts';
import { compilePhrases } from './lexicon.ts';
import { memoByRange } from './range-memo.ts';

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

interface MoneyTables {
  pattern: RegExp;
  currencyOf: Map<string, string>;
  scaleOf: Map<string, number>;
  qualifierBefore: RegExp;
  qualifierOf: Map<string, MoneyQualifier>;
  perAfter: RegExp;
  perOf: Map<string, string>;
}

let tables: MoneyTables | undefined;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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

function loadTables(): MoneyTables {
  if (tables) return tables;
  const currencyOf = new Map<string, string>();
  const prefixes: string[] = [];
  const suffixes: string[] = [];
  for (const [form, iso, position] of dataTsv('patterns/currencies.tsv').slice(1)) {
    if (!form || !iso) continue;
    currencyOf.set(form.toLowerCase(), iso);
    if (position === 'prefix' || position === 'both') prefixes.push(form);
    if (position === 'suffix' || position === 'both') suffixes.push(form);
  }
  const scaleOf = new Map<string, number>();
  const qualifierOf = new Map<string, MoneyQualifier>();
  const perOf = new Map<string, string>();
  for (const [kind, word, value] of dataTsv('patterns/money-words.tsv').slice(1)) {
    if (!kind || !word || !value) continue;
    if (kind === 'scale') scaleOf.set(word.toLowerCase(), Number(value));
    else if (kind === 'qualifier') qualifierOf.set(word.toLowerCase(), value as MoneyQualifier);
    else if (kind === 'per') perOf.set(word.toLowerCase(), value);
  }
  const number = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
  const scale = `(?:\\s*-?\\s*(${altOf([...scaleOf.keys()], true)})(?![\\p{L}\\p{N}]))?`;
  // A prefix sign or code, then the number and scale; or a bare number, scale and a currency word.
  const prefixed = `(?<![\\p{L}\\p{N}])(${altOf(prefixes, false)})\\s?(${number})${scale}`;
  const suffixed = `(?<![\\p{L}\\p{N}$.,])(${number})${scale}\\s+(${altOf(suffixes, true)})`;
  const pattern = new RegExp(`${prefixed}|${suffixed}`, 'giu');
  const qualifierBefore = new RegExp(`(?:^|[^\\p{L}])(${altOf([...qualifierOf.keys()], true)})\\s*(?:of\\s+)?$`, 'iu');
  const perAfter = new RegExp(`^\\s*(${altOf([...perOf.keys()], true)})`, 'iu');
  tables = { pattern, currencyOf, scaleOf, qualifierBefore, qualifierOf, perAfter, perOf };
  return tables;
}

function toAmount(numberText: string, scale: number): number {
  const value = Number(numberText.replace(/,/g, ''));
  // Round away binary noise: 1.3 × 10^9 is 1300000000, not 1300000000.0000002.
  return scale > 1 ? Math.round(value * scale) : Math.round(value * 100) / 100;
}

/** Every amount in text[from, to), left to right, offsets into `text` (copies: callers may edit them). */
export const findMoney = memoByRange<Money>(scanMoney);

/** Every amount has a number, so a stretch without an ASCII digit has none. */
const DIGIT = /\d/;

function scanMoney(text: string, from: number, to: number): Money[] {
  const slice = text.slice(from, to);
  const found: Money[] = [];
  if (!DIGIT.test(slice)) return found;
  const t = loadTables();
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
