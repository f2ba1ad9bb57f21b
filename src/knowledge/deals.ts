// Knowledge of the deal stage (src/deals/), read from data/patterns/deal-words.tsv and compiled once
// (see index.ts): the words that name a money term's kind, a deal's status, a payment's status,
// royalty wording, territories, the field of a licence, the maker of a supplied product, exclusivity,
// agreement kinds and counts of agreements, and the words that hedge, recall or set apart an agreement. Each group
// becomes one case-insensitive pattern whose match names its value, so a new wording is a data edit.
import { z } from 'zod';
import { DealKind, DealStatus, PaymentKind, PaymentStatus } from '../model/deals.ts';
import { escapeRegex } from '../text/regex.ts';
import type { DataFiles } from './files.ts';

export const DEAL_WORDS_FILE = 'patterns/deal-words.tsv';

const DEAL_WORD_GROUPS = [
  'term',
  'term.share',
  'status',
  'paid',
  'royalty',
  'territory',
  'territory.lead',
  'territory.in',
  'territory.rights',
  'territory.region',
  'field.lead',
  'provider.lead',
  'exclusive',
  'agreement',
  'agreement.count',
  'status.hedge',
  'status.recalled',
  'separate',
] as const;

const DealWordRow = z.object({
  group: z.enum(DEAL_WORD_GROUPS),
  phrase: z.string().min(1),
  value: z.string().min(1).optional(),
});

/** One compiled word group: `pattern` (global, case-insensitive) finds every phrase; `valueOf` reads a match's value. */
export interface WordGroup<V extends string> {
  readonly pattern: RegExp;
  /** The value of a matched phrase (lower-cased, spaces folded), undefined for a group without values. */
  valueOf(matched: string): V | undefined;
}

export interface DealKnowledge {
  readonly term: WordGroup<PaymentKind>;
  /** Term phrases (lower case, spaces folded) that state a payment without an amount ("a percentage of sublicense revenue"): the term.share group, also part of `term`. */
  readonly shareTerms: ReadonlySet<string>;
  readonly status: WordGroup<DealStatus>;
  readonly paid: WordGroup<PaymentStatus>;
  /** Royalty wording ("tiered", "double-digit"): global, case-insensitive. */
  readonly royalty: RegExp;
  readonly territory: WordGroup<string>;
  /** Words that put the place right after them as the territory ("outside of", "rights in"): global, each match ending before the place. */
  readonly territoryLead: RegExp;
  /** Prepositions that put the place after them as the territory only after a rights word ("rights … in"): global, like territoryLead. */
  readonly territoryIn: RegExp;
  /** Rights words ("rights", "license", "commercialize") that let a territory.in preposition name the territory. */
  readonly territoryRights: RegExp;
  /** Regions that are no country ("Europe", "Greater China"), lower case. */
  readonly regions: ReadonlySet<string>;
  /** Words that introduce a licence's field ("antibodies to"), anchored at the end. */
  readonly fieldLead: RegExp;
  /** Words that make the company right after them the one that makes or supplies a product ("manufactured by", "supplied in partnership with"), anchored at the end. */
  readonly providerLead: RegExp;
  readonly exclusive: WordGroup<'true' | 'false'>;
  readonly agreement: WordGroup<DealKind>;
  /** Count words before a plural agreement word that state several agreements ("two collaborations", "both agreements"): global, case-insensitive. */
  readonly agreementCount: RegExp;
  /** Words that put the status word right after them in the future or in doubt ("expected to be", "will"), anchored at the end. */
  readonly statusHedge: RegExp;
  /** Words that put the signing right after them before the document ("previously [had] entered into"), anchored at the end. */
  readonly statusRecalled: RegExp;
  /** Words that open a sentence about another agreement of the same parties ("Separately, …"), anchored at the start. */
  readonly separateAgreement: RegExp;
}

function phraseSource(phrase: string): string {
  const wildcard = phrase.endsWith('*');
  const body = escapeRegex(wildcard ? phrase.slice(0, -1) : phrase).replace(/\s+/g, '\\s+');
  return wildcard ? `${body}[\\p{L}-]*` : body;
}

function alternation(phrases: readonly string[]): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(phraseSource)
    .join('|');
}

function normal(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/** Every phrase as a whole word or words: global, case-insensitive. */
function phrasePattern(phrases: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternation(phrases)})(?![\\p{L}\\p{N}])`, 'giu');
}

function wordGroup<V extends string>(rows: readonly { phrase: string; value?: string | undefined }[], values: z.ZodType<V> | undefined, files: DataFiles): WordGroup<V> {
  const exact = new Map<string, V>();
  const prefixes: [string, V][] = [];
  for (const { phrase, value } of rows) {
    if (value === undefined || values === undefined) continue;
    const parsed = values.safeParse(value);
    if (!parsed.success) throw files.invalid(DEAL_WORDS_FILE, undefined, `"${value}" (for "${phrase}") is not one of the values its group allows`);
    if (phrase.endsWith('*')) prefixes.push([normal(phrase.slice(0, -1)), parsed.data]);
    else exact.set(normal(phrase), parsed.data);
  }
  const pattern = phrasePattern(rows.map((r) => r.phrase));
  return Object.freeze({
    pattern,
    valueOf(matched: string): V | undefined {
      const key = normal(matched);
      return exact.get(key) ?? prefixes.find(([prefix]) => key.startsWith(prefix))?.[1];
    },
  });
}

export function loadDealKnowledge(files: DataFiles): DealKnowledge {
  const rows = files.tsv(DEAL_WORDS_FILE, ['group', 'phrase', 'value'], DealWordRow);
  const of = (group: (typeof DEAL_WORD_GROUPS)[number]): { phrase: string; value?: string | undefined }[] => rows.filter((r) => r.group === group);
  const phrases = (group: (typeof DEAL_WORD_GROUPS)[number]): string => alternation(of(group).map((r) => r.phrase));
  const lead = (group: (typeof DEAL_WORD_GROUPS)[number]): RegExp => new RegExp(`(?<![\\p{L}\\p{N}-])(?:${phrases(group)})\\s+(?:the\\s+)?$`, 'iu');
  // A lead anywhere in a sentence, with the spaces (and a "the") before the word it leads to.
  const leadBefore = (group: (typeof DEAL_WORD_GROUPS)[number]): RegExp => new RegExp(`(?<![\\p{L}\\p{N}-])(?:${phrases(group)})\\s+(?:the\\s+)?`, 'giu');
  return Object.freeze({
    term: wordGroup([...of('term'), ...of('term.share')], PaymentKind, files),
    shareTerms: new Set(of('term.share').map((r) => normal(r.phrase))),
    status: wordGroup(of('status'), DealStatus, files),
    paid: wordGroup(of('paid'), PaymentStatus, files),
    royalty: phrasePattern(of('royalty').map((r) => r.phrase)),
    territory: wordGroup(of('territory'), z.string(), files),
    territoryLead: leadBefore('territory.lead'),
    territoryIn: leadBefore('territory.in'),
    territoryRights: phrasePattern(of('territory.rights').map((r) => r.phrase)),
    regions: new Set(of('territory.region').map((r) => normal(r.phrase))),
    fieldLead: lead('field.lead'),
    providerLead: lead('provider.lead'),
    exclusive: wordGroup(of('exclusive'), z.enum(['true', 'false']), files),
    agreement: wordGroup(of('agreement'), DealKind, files),
    agreementCount: phrasePattern(of('agreement.count').map((r) => r.phrase)),
    statusHedge: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${phrases('status.hedge')})\\s+(?:(?:be|have\\s+been)\\s+)?$`, 'iu'),
    statusRecalled: new RegExp(`(?<![\\p{L}\\p{N}-])(?:${phrases('status.recalled')})\\s+(?:\\p{L}+\\s+)?$`, 'iu'),
    separateAgreement: new RegExp(`^\\s*(?:${phrases('separate')})(?![\\p{L}\\p{N}])`, 'iu'),
  });
}
