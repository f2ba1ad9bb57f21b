// Deal stage (issue 18): after relations and resolve, the document's deal facts become Deal and Payment
// nodes. The relations already found say who is party to what in which role (LICENSES_TO licensor →
// licensee, COLLABORATES_WITH, HAS_OPTION_ON, ACQUIRES, PAYS, EARNED_MILESTONE); this stage groups
// them into agreements (one per kind and parties in the document; a licence stated inside a
// collaboration is that collaboration, unless the text states two agreements), reads the money terms, exclusivity, territory, field, dates
// and status words of the agreement's sentences (src/deals/terms.ts, data/patterns/deal-words.tsv),
// and emits PARTY_TO / COVERS / FOR_INDICATION / HAS_TERM with the sentences they came from. It runs
// no parser: it reads only the sentences the relations cite, the sentences that name a party and a term
// word, and sentences that name several parties (a deal told in passing, "A's 2021 deal with B"; a
// subsidiary signing beside its parent; values listed by party, "(A: $667M, B: $187M)"). The shortcut
// relationships stay as the relation stage made them.
import type { StructuredDocument } from '../model/document.ts';
import type { DocumentMentions, RelationFact } from '../model/extraction.ts';
import type { Entity, Evidence, Graph, MentionRef, Properties, Relationship } from '../model/graph.ts';
import { SCHEMA_VERSION } from '../model/graph.ts';
import type { DealKind, DealProperties, DealStatus, PartyRole, PaymentKind, PaymentProperties, PaymentStatus } from '../model/deals.ts';
import type { Knowledge, StageContext } from '../knowledge/index.ts';
import { agreementYears } from '../extract/relations/dates.ts';
import { dateMentions } from '../text/dates.ts';
import { readTerms, type TermReading } from './terms.ts';
import { findMoney } from '../extract/relations/money.ts';
import { dealCaption, dealKey, paymentCaption, paymentKey } from './keys.ts';
import { orderStatusHistory, toProperties } from './status.ts';
import { rawSpan } from '../text/traced-text.ts';

export { readTerms } from './terms.ts';
export type { TermReading } from './terms.ts';
export { dealKey, paymentKey, dealCaption, paymentCaption } from './keys.ts';
export { mergeDealProperties, mergePaymentProperties, orderStatusHistory, latestStatus } from './status.ts';

interface Cited {
  sentence: number;
  rule: string;
  confidence: number;
}

interface Term extends TermReading {
  sentence: number;
  rule: string;
  date?: string;
}

interface Draft {
  kind: DealKind;
  parties: Map<string, PartyRole>;
  partyEvidence: Map<string, Cited[]>;
  assets: Map<string, Cited[]>;
  indications: Map<string, Cited[]>;
  /** Sentences of the relation facts the deal was made from. */
  sentences: Set<number>;
  /** Sentences whose money terms went to this deal. */
  termSentences: Set<number>;
  facts: RelationFact[];
  terms: Term[];
  /** Told only in passing, as one company's ("Acme's 2021 deal with B"): it takes the money of sentences that name its parties only. */
  aside?: boolean;
}

/** Agreements that carry a deal's money unless a term names another kind, the licence first (the money pays for the rights). */
const MAIN_KINDS: readonly DealKind[] = ['license', 'collaboration', 'acquisition', 'royalty_financing'];

/** "collaboration with", "partnership agreement with the": the words between a collaboration and its partner. */
const ORGANIZATION_PARTNER_GAP = /^\s*(?:agreements?\s+)?(?:with|between\s+[^,;.]{1,80}?\s+and)\s+(?:the\s+)?$/i;

/**
 * "announced two new strategic oncology collaborations", "both agreements": a count word
 * (data/patterns/deal-words.tsv, agreement.count) whose noun, the first plural within four words, is an
 * agreement word: the text states several agreements.
 */
function countsAgreements(k: Knowledge, text: string): boolean {
  for (const m of text.matchAll(k.deals.agreementCount)) {
    const words = text.slice(m.index + m[0].length, m.index + m[0].length + 80).match(/[\p{L}-]+/gu) ?? [];
    const noun = words.slice(0, 4).find((w) => /\p{L}s$/u.test(w));
    if (noun !== undefined && k.deals.agreement.valueOf(noun.replace(/s$/i, '')) !== undefined) return true;
  }
  return false;
}
/** "$120 million for the license", "under its option": the words between an amount and the agreement it is for (at most two more words stand before the agreement word). */
const AMOUNT_FOR = /^\s+(?:for|under)\s+(?:the|its|their)\s+/i;
/** The kind of the agreement named right after an amount ("$120 million for the license", "$20 million for the research collaboration"): an agreement word of data/patterns/deal-words.tsv within the next three words that tells a kind. */
function agreementAfterAmount(k: Knowledge, after: string): DealKind | undefined {
  const lead = AMOUNT_FOR.exec(after);
  if (!lead) return undefined;
  const rest = after.slice(lead[0].length);
  const reach = /^(?:[\p{L}-]+\s+){0,2}/u.exec(rest)?.[0].length ?? 0;
  return allValues(k.deals.agreement, rest).find((v) => v.index <= reach && v.value !== 'other')?.value;
}
/** "'s 2021 ", "'s $2 billion ", "’s ": a possessive and at most three words before the noun it owns. */
const POSSESSIVE_GAP = /^['’]s?\s+(?:[\p{L}\p{N}$€£.,-]+\s+){0,3}$/u;
/** ", a wholly-owned subsidiary of ": between a subsidiary and its parent. */
const SUBSIDIARY_OF = /^\s*,\s*(?:a|an)\s+(?:(?:wholly[- ]owned|indirect|direct|majority[- ]owned)\s+)*subsidiary\s+of\s+(?:the\s+)?$/i;
/** " and its wholly-owned subsidiary, ": between a parent and its subsidiary. */
const PARENT_OF = /^\s*,?\s*and\s+its\s+(?:(?:wholly[- ]owned|indirect|direct|majority[- ]owned)\s+)*subsidiary\s*,?\s*$/i;
/** "Acme: $667M": a colon right after a party's name, before its amount. */
const LABEL_COLON = /^\s*:\s*/;
/** A licence or collaboration word that heads its own noun phrase ("the license agreement", not "license and collaboration agreement"). */
const AGREEMENT_NOUN_AFTER = /^\s+agreements?\b/i;
/** "… and the broad collaboration": a second agreement noun phrase with its own determiner, in the same clause. */
const SECOND_AGREEMENT = /^[^;]{0,240}\band\s+(?:the|a|an|its|their)\s+(?:[\p{L}-]+\s+){0,3}$/iu;

const PARTY_FACTS = new Set(['LICENSES_TO', 'COLLABORATES_WITH', 'HAS_OPTION_ON', 'ACQUIRES']);

/** The payment kinds of the relation stage's PAYS facts, as deal terms. */
const FACT_PAYMENT_KINDS: Readonly<Record<string, PaymentKind>> = {
  option_exercise: 'option_fee',
  license_fee: 'license_fee',
  research_funding: 'research_funding',
  upfront: 'upfront',
  equity: 'equity',
  milestone: 'milestone',
  royalty: 'royalty',
};

/** The roles of payer and payee in an agreement of each kind, when a payment is all the text says of it. */
const PAYMENT_ROLES: Partial<Record<DealKind, readonly [PartyRole, PartyRole]>> = {
  acquisition: ['acquirer', 'acquired'],
  license: ['licensee', 'licensor'],
  collaboration: ['collaborator', 'collaborator'],
  supply_or_service: ['customer', 'provider'],
  royalty_financing: ['royalty_buyer', 'royalty_seller'],
};

/** Payments a licensee makes to its licensor: between two parties no agreement links, they tell a licence. */
const LICENCE_PAYMENTS: ReadonlySet<PaymentKind> = new Set(['milestone', 'milestones_total', 'royalty', 'license_fee']);

/** Terms only an acquisition has. */
const ACQUISITION_TERMS: ReadonlySet<PaymentKind> = new Set(['purchase_price', 'per_share_price', 'cvr']);

/** The deal kind a money term points to when a sentence names parties of several deals. */
const TERM_DEAL_KIND: Partial<Record<PaymentKind, DealKind>> = { purchase_price: 'acquisition', per_share_price: 'acquisition', cvr: 'acquisition', option_fee: 'option' };

function pushCited(map: Map<string, Cited[]>, key: string, cited: Cited): void {
  const list = map.get(key);
  if (list) list.push(cited);
  else map.set(key, [cited]);
}

function samePair(a: Draft, b: Draft): boolean {
  return a.parties.size === b.parties.size && [...a.parties.keys()].every((k) => b.parties.has(k));
}

/** What one relation fact says about an agreement: its kind and the parties in their roles. */
function seedOf(fact: RelationFact, keyOf: (m: number) => string | undefined, labelOf: (m: number) => string | undefined): { kind: DealKind; roles: [string, PartyRole][]; asset?: string } | undefined {
  const start = keyOf(fact.source);
  const target = typeof fact.target === 'number' ? fact.target : undefined;
  const end = target === undefined ? undefined : keyOf(target);
  if (!start || !end || target === undefined) return undefined;
  const company = labelOf(target) === 'Company';
  switch (fact.type) {
    case 'LICENSES_TO':
      return {
        kind: 'license',
        roles: [
          [start, 'licensor'],
          [end, 'licensee'],
        ],
      };
    case 'COLLABORATES_WITH':
      return {
        kind: 'collaboration',
        roles: [
          [start, 'collaborator'],
          [end, 'collaborator'],
        ],
      };
    case 'HAS_OPTION_ON':
      return company
        ? {
            kind: 'option',
            roles: [
              [start, 'optionee'],
              [end, 'optionor'],
            ],
          }
        : { kind: 'option', roles: [[start, 'optionee']], asset: end };
    case 'ACQUIRES':
      return company
        ? {
            kind: 'acquisition',
            roles: [
              [start, 'acquirer'],
              [end, 'acquired'],
            ],
          }
        : { kind: 'acquisition', roles: [[start, 'acquirer']], asset: end };
    default:
      return undefined;
  }
}

function newDraft(kind: DealKind): Draft {
  return { kind, parties: new Map(), partyEvidence: new Map(), assets: new Map(), indications: new Map(), sentences: new Set(), termSentences: new Set(), facts: [], terms: [] };
}

function absorb(into: Draft, from: Draft): void {
  for (const [k, list] of from.partyEvidence) for (const c of list) pushCited(into.partyEvidence, k, c);
  for (const [k, list] of from.assets) for (const c of list) pushCited(into.assets, k, c);
  for (const s of from.sentences) into.sentences.add(s);
  into.facts.push(...from.facts);
}

/** Evidence of one cited sentence of the document. */
function evidenceOf(doc: StructuredDocument, cited: Cited): Evidence | undefined {
  const s = doc.sentences[cited.sentence];
  if (!s) return undefined;
  const evidence: Evidence = { docId: doc.docId, start: s.start, end: s.end, sentence: doc.text.slice(s.start, s.end), rule: cited.rule, confidence: cited.confidence };
  // A rendered document's sentence in its raw file, as every other fact's evidence carries it.
  const raw = doc.rawMap ? rawSpan(doc.rawMap, s.start, s.end) : undefined;
  return raw ? { ...evidence, ...raw } : evidence;
}

function firstValue<V extends string>(group: { pattern: RegExp; valueOf(m: string): V | undefined }, text: string): V | undefined {
  for (const m of text.matchAll(group.pattern)) {
    const v = group.valueOf(m[0]);
    if (v !== undefined) return v;
  }
  return undefined;
}

function allValues<V extends string>(group: { pattern: RegExp; valueOf(m: string): V | undefined }, text: string): { value: V; index: number; text: string }[] {
  const out: { value: V; index: number; text: string }[] = [];
  for (const m of text.matchAll(group.pattern)) {
    const v = group.valueOf(m[0]);
    if (v !== undefined) out.push({ value: v, index: m.index, text: m[0] });
  }
  return out;
}

/** Stops a field or territory phrase: punctuation, or a word that starts a new clause or phrase. */
const PHRASE_END = /[,;.()]|\s(?:as|and|which|that|under|to\s+(?:develop|enable|commerciali[sz]e)|for\s+the|with)\s/i;

function phraseAfter(text: string, from: number, maxWords: number): string | undefined {
  const rest = text.slice(from, from + 120);
  const stop = PHRASE_END.exec(rest);
  const phrase = (stop ? rest.slice(0, stop.index) : rest).trim().split(/\s+/).slice(0, maxWords).join(' ');
  return phrase === '' ? undefined : phrase;
}

/** "antibodies to HER2", "in the field of oncology" → "oncology": the field a licence is limited to. */
function readField(k: Knowledge, text: string): string | undefined {
  const lead = new RegExp(k.deals.fieldLead.source.replace(/\\s\+\(\?:the\\s\+\)\?\$$/, ''), 'giu');
  for (const m of text.matchAll(lead)) {
    const object = phraseAfter(text, m.index + m[0].length, 5);
    if (!object) continue;
    // A lead that is a preposition only introduces the field ("in the field of X" → X); a noun lead is part of it.
    return /^(?:in|for|directed)\b/i.test(m[0]) ? object : `${m[0].replace(/\s+/g, ' ')} ${object}`;
  }
  return undefined;
}

/** A clause boundary: a semicolon or a sentence-internal full stop. */
const CLAUSE_BREAK = /;|\.\s/;

/**
 * The place a territory phrase names at the start of `rest` ("Japan", "U.S.", "Greater China",
 * "Republic of Korea"): the longest run of capitalised words that is a country (`knowledge.names`) or a
 * region (deal-words.tsv, territory.region).
 */
function placeAt(k: Knowledge, rest: string): string | undefined {
  const run = /^(\p{Lu}[\p{L}.'’-]*(?:\s+(?:of\s+)?\p{Lu}[\p{L}.'’-]*){0,3})/u.exec(rest);
  if (!run?.[1]) return undefined;
  const words = run[1].split(/\s+/);
  for (let n = words.length; n > 0; n--) {
    // A full stop ends the sentence after "Japan." but belongs to "U.S.".
    const phrase = words.slice(0, n).join(' ');
    const candidate = /\.\S*\.$/.test(phrase) ? phrase : phrase.replace(/[.’']$/, '');
    if (k.names.isPlace(candidate) || k.deals.regions.has(candidate.toLowerCase())) return candidate;
  }
  return undefined;
}

/** Agreements that grant rights somewhere: a territory word beside one of them is their territory ("a global supply" is none). */
const RIGHTS_KINDS: ReadonlySet<DealKind> = new Set(['license', 'collaboration', 'option', 'co_promotion']);

/** The words of the clause around `start`–`end`, at most 120 characters before and 40 after. */
function clauseAround(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 120);
  let begin = from;
  for (const m of text.slice(from, start).matchAll(/;|\.\s/g)) begin = from + m.index + m[0].length;
  const after = text.slice(end, Math.min(text.length, end + 40));
  const stop = after.search(CLAUSE_BREAK);
  return text.slice(begin, stop < 0 ? end + after.length : end + stop);
}

/** "worldwide, except for Japan", "globally excluding Greater China": a place a territory word leaves out. */
const TERRITORY_EXCEPT = /^\s*,?\s*(?:except|excluding|other\s+than|outside(?:\s+of)?)\s+(?:for\s+|in\s+)?(?:the\s+)?/i;

/**
 * "worldwide" or "global" (with the place it leaves out: "worldwide except Japan"), or a place named
 * after a territory lead ("outside of the U.S." → "outside of U.S.", "rights in Greater China"), or after
 * a preposition in a clause about rights ("exclusive rights to commercialize X within Japan").
 */
function readTerritory(k: Knowledge, text: string): string | undefined {
  for (const { value, index, text: words } of allValues(k.deals.territory, text)) {
    // "global rights", "commercialize … worldwide", "this worldwide collaboration": the word must qualify rights
    // or an agreement of the same clause ("a global market", "global clinical development" are none).
    const clause = clauseAround(text, index, index + words.length);
    if (clause.search(k.deals.territoryRights) < 0 && !allValues(k.deals.agreement, clause).some((v) => RIGHTS_KINDS.has(v.value) || /^agreements?$/i.test(v.text))) continue;
    const rest = text.slice(index + words.length);
    const except = TERRITORY_EXCEPT.exec(rest);
    const left = except ? placeAt(k, rest.slice(except[0].length)) : undefined;
    return left === undefined ? value : `${value} except ${left}`;
  }
  for (const m of text.matchAll(k.deals.territoryLead)) {
    const place = placeAt(k, text.slice(m.index + m[0].length));
    if (place === undefined) continue;
    return place;
  }
  for (const m of text.matchAll(k.deals.territoryIn)) {
    const place = placeAt(k, text.slice(m.index + m[0].length));
    if (place === undefined) continue;
    // The rights word must stand before the preposition in the same clause: "rights to X in Japan", not "a trial in Japan".
    const before = text.slice(Math.max(0, m.index - 120), m.index);
    const clause = before.split(CLAUSE_BREAK).pop() ?? '';
    if (clause.search(k.deals.territoryRights) < 0) continue;
    const leadText = m[0]
      .trim()
      .replace(/\s+the$/i, '')
      .replace(/\s+/g, ' ');
    return /^(?:outside|excluding|except)/i.test(leadText) ? `${leadText} ${place}` : place;
  }
  return undefined;
}

/** Status priority within one date: what the document does to the deal outranks what it mentions. */
const STATUS_RANK: readonly DealStatus[] = ['referenced', 'effective', 'announced', 'amended', 'closed', 'option_exercised', 'rights_returned', 'terminated'];

/** Words of an equity financing, which closes like an acquisition. */
const FINANCING = /\b(?:financings?|funding\s+rounds?|rounds?\s+of\s+financing|series\s+[a-e]\b|private\s+placements?|offerings?)/i;

/** Statuses that tell an event of a deal, not its signing: "today announced that A has exercised its option" announces the exercise. */
const EVENT_STATUSES: ReadonlySet<DealStatus> = new Set(['amended', 'closed', 'option_exercised', 'rights_returned', 'terminated']);

/** Four-digit years of the agreements' era, for a signing dated by its year only ("In 2015, A and B entered into"). */
const BARE_YEAR = /\b(?:19|20)\d{2}\b/g;

/**
 * Whether the date a status word is told with is earlier than the document's date, compared at the
 * date's own precision: the first date within 60 characters after the word ("entered into on May 27,
 * 2009", "entered into in December 2014"), else the last within 80 before it ("In 2015, A and B entered into").
 */
function datedBefore(k: Knowledge, text: string, index: number, length: number, docDate: string | undefined): boolean {
  if (docDate === undefined) return false;
  const end = index + length;
  const dates = [...dateMentions(k.calendar.dates, text), ...[...text.matchAll(BARE_YEAR)].map((m) => ({ start: m.index, end: m.index + m[0].length, iso: m[0] }))];
  const after = dates.filter((d) => d.start >= end && d.start <= end + 60).sort((a, b) => a.start - b.start)[0];
  const before = dates.filter((d) => d.end <= index && d.end >= index - 80).sort((a, b) => b.end - a.end)[0];
  const told = after ?? before;
  return told !== undefined && told.iso < docDate.slice(0, told.iso.length);
}

function statusInDocument(k: Knowledge, draft: Draft, texts: readonly string[], docDate: string | undefined): DealStatus {
  const docYear = docDate === undefined ? undefined : Number(docDate.slice(0, 4));
  const seen = new Set<DealStatus>();
  for (const text of texts) {
    const hits = allValues(k.deals.status, text);
    for (const { value, index, text: words } of hits) {
      // "expected to be consummated in the first quarter", "will become effective": a status to come is not the deal's.
      if (k.deals.statusHedge.test(text.slice(Math.max(0, index - 40), index))) continue;
      if (value === 'announced') {
        // "today announced that A has exercised its option", "… that the agreement was terminated": the announcement is of that event.
        if (/^(?:today\s+announced|announced\s+today)$/i.test(words) && hits.some((h) => EVENT_STATUSES.has(h.value))) continue;
        // "In 2015, A and B entered into", "entered into on May 27, 2009", "entered into in December 2014": a signing dated before the document is not its own.
        if (datedBefore(k, text, index, words.length, docDate)) continue;
        // "previously entered into a Patent License Agreement": a signing the document recalls.
        if (k.deals.statusRecalled.test(text.slice(Math.max(0, index - 20), index))) continue;
        // "today announced" a milestone is no signing: the sentence must name an agreement.
        if (draft.kind !== 'acquisition' && firstValue(k.deals.agreement, text) === undefined) continue;
        // "today announced that it has earned a milestone under the collaboration": a milestone earned under
        // the agreement tells the agreement was signed before; only a signing word makes it this document's.
        if (/^(?:today\s+announced|announced\s+today)$/i.test(words) && draft.terms.some((t) => t.status === 'earned')) continue;
        // "entered into in 2000": the signing the sentence tells is not this document's.
        const years = agreementYears(text);
        if (years.year !== undefined && docYear !== undefined && years.year < docYear) continue;
      }
      if (value === 'amended' && agreementYears(text.slice(index)).amendedYears.length > 0) continue;
      // Acquisitions close, and so do financings ("the completion of a $9 million Series A financing round").
      if (value === 'closed' && draft.kind !== 'acquisition' && !(draft.kind === 'other' && FINANCING.test(text))) continue;
      if (value === 'option_exercised' && draft.kind !== 'option') continue;
      seen.add(value);
    }
  }
  for (const f of draft.facts) {
    if (f.type === 'ACQUIRES' && f.properties.status === 'completed') seen.add('closed');
    if (f.type === 'HAS_OPTION_ON' && f.properties.status === 'exercised') seen.add('option_exercised');
  }
  // Money paid or earned under an agreement means it is in force; the consideration paid for a company means the acquisition closed.
  if (draft.terms.some((t) => t.status === 'earned' || t.status === 'paid')) seen.add(draft.kind === 'acquisition' ? 'closed' : 'effective');
  let best: DealStatus = 'referenced';
  for (const s of seen) if (STATUS_RANK.indexOf(s) > STATUS_RANK.indexOf(best)) best = s;
  return best;
}

function factTerm(fact: RelationFact, sentence: number): Term | undefined {
  const p = fact.properties;
  const amount = typeof p.amount === 'number' ? p.amount : undefined;
  const currency = typeof p.currency === 'string' ? p.currency : undefined;
  const qualifier = p.qualifier === 'up_to' || p.qualifier === 'approximately' || p.qualifier === 'at_least' || p.qualifier === 'exact' ? p.qualifier : undefined;
  let kind: PaymentKind = fact.type === 'EARNED_MILESTONE' ? 'milestone' : (FACT_PAYMENT_KINDS[String(p.kind)] ?? 'other');
  if (kind === 'milestone' && qualifier === 'up_to') kind = 'milestones_total';
  if (p.per === 'share') kind = 'per_share_price';
  // A royalty is a rate; an amount the frame calls a royalty ("a $150 million royalty funding agreement") is
  // named by the words next to it, if at all (a reading of the sentence gives "$5 million in royalties" back its kind).
  if (kind === 'royalty' && amount !== undefined) kind = 'other';
  if (amount === undefined && kind !== 'royalty') return undefined;
  const status: PaymentStatus = fact.type === 'EARNED_MILESTONE' ? 'earned' : p.status === 'actual' ? 'paid' : p.status === 'potential' || qualifier === 'up_to' ? 'potential' : 'due';
  const term: Term = { kind, status, start: 0, end: 0, sentence, rule: `deal.term_from_${fact.type.toLowerCase()}` };
  if (amount !== undefined) term.amount = amount;
  if (currency !== undefined) term.currency = currency;
  if (qualifier !== undefined) term.qualifier = qualifier;
  if (typeof p.amountText === 'string') term.amountText = p.amountText;
  if (typeof p.trigger === 'string') term.trigger = p.trigger;
  if (typeof p.date === 'string') term.date = p.date;
  return term;
}

function sameMoney(a: Term, b: Term): boolean {
  return a.amount !== undefined && a.amount === b.amount && a.currency === b.currency;
}

/** A term read from the words of a sentence (src/deals/terms.ts), not taken from a relation fact. */
function isReading(term: Term): boolean {
  return !term.rule.startsWith('deal.term_from_');
}

/** Adds a term to the deal, or completes the one with the same amount (a fact and a reading of one sentence, or one payment told twice). */
function addTerm(draft: Draft, term: Term): void {
  // One amount told twice is one payment when one sentence states it, or both name one kind, or one of them
  // names no kind (a relation fact's bare payment); two sentences that name the same amount as payments of
  // different kinds state two payments ("$1.5 billion upfront for X", "$1.5 billion in continuation payments").
  const kindless = (t: Term): boolean => t.kind === 'other' && !isReading(t);
  const same = draft.terms.find((t) => (term.amount === undefined ? t.amount === undefined && t.kind === term.kind : sameMoney(t, term) && (t.kind === term.kind || t.sentence === term.sentence || kindless(t) || kindless(term))));
  if (!same) {
    draft.terms.push(term);
    return;
  }
  // The words next to the amount name its kind better than a relation frame read over the whole
  // sentence ("milestone payments of up to $222 million as well as royalties"): a reading's kind wins.
  // An earned milestone stays one milestone whatever plural the sentence uses ("earned $5 million in milestones").
  const earnedMilestone = same.kind === 'milestone' && same.status === 'earned';
  if (term.kind !== 'other' && (same.kind === 'other' || (isReading(term) && !isReading(same) && !earnedMilestone))) same.kind = term.kind;
  if (term.status === 'earned' || (term.status === 'paid' && same.status !== 'earned')) same.status = term.status;
  if (same.trigger === undefined && term.trigger !== undefined) same.trigger = term.trigger;
  if (same.date === undefined && term.date !== undefined) same.date = term.date;
  if (same.royaltyText === undefined && term.royaltyText !== undefined) same.royaltyText = term.royaltyText;
  if (same.royaltyLow === undefined && term.royaltyLow !== undefined) same.royaltyLow = term.royaltyLow;
  if (same.royaltyHigh === undefined && term.royaltyHigh !== undefined) same.royaltyHigh = term.royaltyHigh;
}

/**
 * The Deal and Payment nodes of one document and their relationships, as a graph to merge with the
 * document's graph. `mentionKeys` are the entity keys the resolve stage gave each mention.
 */
export function extractDeals(doc: StructuredDocument, found: DocumentMentions, facts: readonly RelationFact[], mentionKeys: readonly string[], entities: readonly Entity[], ctx: StageContext): Graph {
  const k = ctx.knowledge;
  const empty: Graph = { schemaVersion: SCHEMA_VERSION, documents: [], entities: [], relationships: [] };
  const keyOf = (m: number): string | undefined => mentionKeys[m] || undefined;
  const labelOf = (m: number): string | undefined => found.mentions[m]?.label;
  const nameOf = new Map(entities.map((e) => [e.key, e.name]));
  const labelOfKey = new Map(entities.map((e) => [e.key, e.labels[0]]));

  // Companies and organizations of each sentence (mention index order is text order).
  const mentionsIn = new Map<number, number[]>();
  found.mentions.forEach((m, i) => {
    if (m.label !== 'Company' && m.label !== 'Organization') return;
    const list = mentionsIn.get(m.sentenceIndex) ?? [];
    list.push(i);
    mentionsIn.set(m.sentenceIndex, list);
  });
  // No party fact and no sentence naming two parties: nothing can make a deal.
  if (!facts.some((f) => PARTY_FACTS.has(f.type) || f.type === 'PAYS' || f.type === 'EARNED_MILESTONE') && ![...mentionsIn.values()].some((list) => list.length > 1)) return empty;

  // Licence direction: when facts disagree on who grants whom, the direction most sentences state wins.
  const directions = new Map<string, number>();
  for (const f of facts) {
    const seed = f.type === 'LICENSES_TO' ? seedOf(f, keyOf, labelOf) : undefined;
    if (seed) directions.set(seed.roles.map(([key]) => key).join('>'), (directions.get(seed.roles.map(([key]) => key).join('>')) ?? 0) + 1);
  }

  const drafts: Draft[] = [];
  const findDraft = (kind: DealKind, roles: readonly [string, PartyRole][]): Draft | undefined =>
    drafts.find((d) => d.kind === kind && roles.every(([key, role]) => d.parties.get(key) === role) && (roles.length === d.parties.size || kind === 'option' || kind === 'acquisition'));
  for (const fact of facts) {
    if (!PARTY_FACTS.has(fact.type)) continue;
    const seed = seedOf(fact, keyOf, labelOf);
    if (!seed) continue;
    if (fact.type === 'LICENSES_TO') {
      const [a, b] = seed.roles.map(([key]) => key);
      if ((directions.get(`${b}>${a}`) ?? 0) > (directions.get(`${a}>${b}`) ?? 0)) continue;
    }
    let draft = findDraft(seed.kind, seed.roles);
    if (!draft) {
      draft = newDraft(seed.kind);
      drafts.push(draft);
    }
    const cited: Cited = { sentence: fact.sentenceIndex, rule: `deal.${seed.kind}_from_${fact.type.toLowerCase()}`, confidence: fact.confidence };
    for (const [key, role] of seed.roles) {
      if (!draft.parties.has(key)) draft.parties.set(key, role);
      pushCited(draft.partyEvidence, key, cited);
    }
    if (seed.asset) pushCited(draft.assets, seed.asset, cited);
    draft.sentences.add(fact.sentenceIndex);
    draft.facts.push(fact);
  }

  const sentenceText = (i: number): string => {
    const s = doc.sentences[i];
    return s ? doc.cleanText.slice(s.start, s.end) : '';
  };
  // The agreement words of a sentence, read once per sentence (by the partner rule below and the licence checks after it).
  const agreementMemo = new Map<number, { value: DealKind; index: number; text: string }[]>();
  const agreementsIn = (i: number): { value: DealKind; index: number; text: string }[] => {
    let found = agreementMemo.get(i);
    if (!found) {
      found = allValues(k.deals.agreement, sentenceText(i));
      agreementMemo.set(i, found);
    }
    return found;
  };

  // "A … a research collaboration with <university / institute>", "A, an institute based in B, announced the
  // launch of a new collaboration with C": the partner named right after the collaboration word ("with",
  // "agreement with", "between A and") is party to it with the company nearest before the word, whether
  // the relation stage linked the two or not (it links companies only, and within a shorter reach).
  // The company whose possessive stands right before an agreement word, at most three words apart ("Acme's 2021 deal", "Acme's $2 billion agreement").
  const possessorBefore = (at: number, indexes: readonly number[]): number | undefined =>
    indexes.find((i) => {
      const m = found.mentions[i];
      return m?.label === 'Company' && m.end <= at && POSSESSIVE_GAP.test(doc.cleanText.slice(m.end, at));
    });
  for (const [sentence, indexes] of mentionsIn) {
    const s = doc.sentences[sentence];
    if (!s || s.section === 'forwardLooking' || indexes.length < 2) continue;
    for (const hit of agreementsIn(sentence)) {
      // "Acme's 2021 deal with Zorvexa": an agreement of no stated kind told as one company's, with another,
      // is their collaboration (the text gives it no direction), unless the two are already in a deal.
      const owned = hit.value === 'other' ? possessorBefore(s.start + hit.index, indexes) : undefined;
      if (hit.value !== 'collaboration' && owned === undefined) continue;
      const at = s.start + hit.index + hit.text.length;
      const partner = indexes.find((i) => {
        const m = found.mentions[i];
        return m !== undefined && m.start >= at && ORGANIZATION_PARTNER_GAP.test(doc.cleanText.slice(at, m.start));
      });
      const company = [...indexes].reverse().find((i) => {
        const m = found.mentions[i];
        return m?.label === 'Company' && m.end <= s.start + hit.index;
      });
      const [a, b] = [company === undefined ? undefined : keyOf(company), partner === undefined ? undefined : keyOf(partner)];
      if (!a || !b || a === b) continue;
      if (owned !== undefined) {
        if (owned !== company) continue;
        const told = drafts.find((d) => d.parties.has(a) && d.parties.has(b));
        if (told) {
          // A deal of the two that the relation stage read from this sentence alone is told in passing all the same.
          if ([...told.sentences].every((i) => i === sentence)) told.aside = true;
          continue;
        }
      }
      const roles: [string, PartyRole][] = [
        [a, 'collaborator'],
        [b, 'collaborator'],
      ];
      let draft = findDraft('collaboration', roles);
      if (!draft) {
        draft = newDraft('collaboration');
        if (owned !== undefined) draft.aside = true;
        drafts.push(draft);
      }
      for (const [key, role] of roles) {
        if (!draft.parties.has(key)) draft.parties.set(key, role);
        pushCited(draft.partyEvidence, key, { sentence, rule: 'deal.collaboration_with_partner', confidence: 0.7 });
      }
      draft.sentences.add(sentence);
    }
  }

  // What a licence covers: the licensee's LICENSES facts of the licence's own sentences.
  for (const fact of facts) {
    if (fact.type !== 'LICENSES' || typeof fact.target !== 'number') continue;
    const licensee = keyOf(fact.source);
    const asset = keyOf(fact.target);
    const draft = drafts.find((d) => d.kind === 'license' && licensee !== undefined && d.parties.get(licensee) === 'licensee' && d.sentences.has(fact.sentenceIndex));
    if (draft && asset) pushCited(draft.assets, asset, { sentence: fact.sentenceIndex, rule: 'deal.license_covers_from_licenses', confidence: fact.confidence });
  }

  // "A retains an option to commercialize X in Korea": the licensor's option on the asset it licensed out
  // is a term of that licence, not an agreement of its own.
  for (let i = drafts.length - 1; i >= 0; i--) {
    const draft = drafts[i];
    if (draft?.kind !== 'option' || draft.parties.size !== 1) continue;
    const [holder] = [...draft.parties.keys()];
    const licensedOut = drafts.some((d) => d.kind === 'license' && holder !== undefined && d.parties.get(holder) === 'licensor' && [...draft.assets.keys()].some((a) => d.assets.has(a)));
    if (licensedOut) drafts.splice(i, 1);
  }

  // An option on a drug: the optionor is the one company the optionee otherwise deals with in the document.
  for (const draft of drafts) {
    if (draft.kind !== 'option' || draft.parties.size !== 1) continue;
    const [optionee] = [...draft.parties.keys()];
    const partners = new Set(drafts.filter((d) => d !== draft && optionee !== undefined && d.parties.has(optionee) && d.kind !== 'acquisition').flatMap((d) => [...d.parties.keys()].filter((key) => key !== optionee)));
    const [partner] = [...partners];
    if (partners.size === 1 && partner) {
      draft.parties.set(partner, 'optionor');
      for (const c of draft.partyEvidence.get(optionee ?? '') ?? []) pushCited(draft.partyEvidence, partner, { ...c, rule: 'deal.option_optionor_from_partner' });
    }
  }
  // Two option drafts of the same parties (an option on the company, an option on its drug) are one option.
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    if (!d) continue;
    const twin = drafts.find((o, j) => j < i && o.kind === d.kind && samePair(o, d) && [...d.parties].every(([key, role]) => o.parties.get(key) === role));
    if (twin) {
      absorb(twin, d);
      drafts.splice(i, 1);
    }
  }

  // "exercised its option to license X": the licence of the optionee to the option's asset is what the
  // option gives, so it is that option deal, not a second agreement.
  for (const option of drafts.filter((d) => d.kind === 'option')) {
    const licence = drafts.find(
      (d) => d.kind === 'license' && samePair(d, option) && [...option.parties].every(([key, role]) => d.parties.get(key) === (role === 'optionee' ? 'licensee' : 'licensor')) && [...d.assets.keys()].some((a) => option.assets.has(a)),
    );
    if (!licence) continue;
    for (const [key, list] of licence.partyEvidence) for (const c of list) pushCited(option.partyEvidence, key, { ...c, rule: 'deal.option_from_licenses_to' });
    for (const [key, list] of licence.assets) for (const c of list) pushCited(option.assets, key, c);
    for (const sentence of licence.sentences) option.sentences.add(sentence);
    option.facts.push(...licence.facts);
    drafts.splice(drafts.indexOf(licence), 1);
  }

  // "The agreement also grants B a right of first refusal over any licence A may offer": an option on no
  // asset told only in sentences that also grant the licence of the same two parties is a term of that licence.
  for (const option of drafts.filter((d) => d.kind === 'option' && d.assets.size === 0)) {
    const licence = drafts.find(
      (d) =>
        d.kind === 'license' &&
        samePair(d, option) &&
        [...option.parties].every(([key, role]) => d.parties.get(key) === (role === 'optionee' ? 'licensee' : 'licensor')) &&
        [...option.sentences].every((sentence) => d.sentences.has(sentence)),
    );
    if (!licence) continue;
    absorb(licence, option);
    drafts.splice(drafts.indexOf(option), 1);
  }

  // The same two parties in the same kind of deal with their roles swapped: the reading more facts state wins.
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    if (!d) continue;
    const rival = drafts.find((o) => o !== d && o.kind === d.kind && samePair(o, d) && [...d.parties].some(([key, role]) => o.parties.get(key) !== role));
    if (rival && (rival.facts.length > d.facts.length || (rival.facts.length === d.facts.length && drafts.indexOf(rival) < i))) drafts.splice(i, 1);
  }

  // A licence stated inside a collaboration ("under the collaboration agreement, A granted B …") is
  // that collaboration: one deal, kind collaboration, the roles of the licence. A partnership the text
  // tells only by "partner" is the licence itself.
  // Sentences that name every party of a deal.
  const namingAll = (d: Draft): number[] => [...mentionsIn].filter(([, indexes]) => [...d.parties.keys()].every((key) => indexes.some((i) => keyOf(i) === key))).map(([i]) => i);
  const statesTwoAgreements = (licence: Draft, collaboration: Draft): boolean => {
    const own = [...new Set([...licence.sentences, ...collaboration.sentences, ...namingAll(licence)])];
    if ([...licence.sentences].some((i) => k.deals.separateAgreement.test(sentenceText(i)))) return true;
    return own.some((i) => {
      const text = sentenceText(i);
      if (doc.sentences[i]?.section === 'forwardLooking') return false;
      if (countsAgreements(k, text)) return true;
      const hits = agreementsIn(i).filter((v) => v.value === 'license' || v.value === 'collaboration');
      return hits.some((a, j) => hits.slice(j + 1).some((b) => b.value !== a.value && AGREEMENT_NOUN_AFTER.test(text.slice(a.index + a.text.length)) && SECOND_AGREEMENT.test(text.slice(a.index + a.text.length, b.index))));
    });
  };
  /** Licences the text states apart from a collaboration of the same pair: they stay licences. */
  const separateLicences = new Set<Draft>();
  for (const licence of drafts.filter((d) => d.kind === 'license')) {
    const collaboration = drafts.find((d) => d.kind === 'collaboration' && samePair(d, licence));
    if (!collaboration) continue;
    const namesCollaboration = (i: number): boolean => agreementsIn(i).some((v) => v.value === 'collaboration');
    const inside = [...licence.sentences].some((i) => collaboration.sentences.has(i) || namesCollaboration(i));
    // A collaboration the text names as an agreement of its own ("the 2019 collaboration agreement") is a
    // second agreement; one told only by "partner" or "together with" is the licence's partnership.
    if (!inside && [...collaboration.sentences].some(namesCollaboration)) continue;
    // "announced two new strategic collaborations", "Separately, A has granted B an exclusive license",
    // "the license agreement … and the broad collaboration between A and B … each became effective":
    // the text states two agreements of the pair; the licence is the second, not a part of the first.
    if (statesTwoAgreements(licence, collaboration)) {
      separateLicences.add(licence);
      continue;
    }
    if (inside) licence.kind = 'collaboration';
    absorb(licence, collaboration);
    drafts.splice(drafts.indexOf(collaboration), 1);
  }

  // Among deals a sentence names equally: the one its money points to (a purchase price to the
  // acquisition), then the main agreement over an option or a bare payment, then the nearest.
  const nearest = (candidates: readonly Draft[], sentence: number, kinds: readonly DealKind[]): Draft | undefined => {
    const distance = (d: Draft): number => Math.min(...[...d.sentences, ...d.termSentences].map((s) => Math.abs(s - sentence)));
    // Two agreements of one pair (a collaboration and a separate licence): the money a sentence names follows
    // the description of its agreement, so the agreement whose sentences come last before it, unless the sentence names one.
    const [first, ...others] = candidates;
    if (first && others.length > 0 && others.every((d) => samePair(d, first))) {
      const named = (d: Draft): number => (kinds.includes(d.kind) ? kinds.indexOf(d.kind) - kinds.length : 0);
      // A sentence naming an asset only one of them covers, and no other product ("exclusive rights to commercialize
      // X"), once that agreement has been told, is about that one; a headline naming the products of both is about neither.
      const ownAssetSentences = (d: Draft): number[] => {
        const assets = [...d.assets.keys()].filter((a) => !candidates.some((o) => o !== d && o.assets.has(a)));
        const told = Math.min(...d.sentences);
        if (assets.length === 0) return [];
        const naming = new Set(found.mentions.flatMap((m, i) => (m.sentenceIndex >= told && m.sentenceIndex <= sentence && assets.includes(keyOf(i) ?? '') ? [m.sentenceIndex] : [])));
        return [...naming].filter((at) => !found.mentions.some((m, i) => m.sentenceIndex === at && m.label === 'Drug' && !assets.includes(keyOf(i) ?? '')));
      };
      const before = (d: Draft): number => Math.min(...[...d.sentences, ...d.termSentences, ...ownAssetSentences(d)].map((s) => (s <= sentence ? sentence - s : Number.MAX_SAFE_INTEGER)));
      return [...candidates].sort((a, b) => named(a) - named(b) || before(a) - before(b) || distance(a) - distance(b) || drafts.indexOf(a) - drafts.indexOf(b))[0];
    }
    const rank = (d: Draft): number => (kinds.includes(d.kind) ? kinds.indexOf(d.kind) - kinds.length : MAIN_KINDS.includes(d.kind) ? MAIN_KINDS.indexOf(d.kind) : 9);
    return [...candidates].sort((a, b) => rank(a) - rank(b) || distance(a) - distance(b) || drafts.indexOf(a) - drafts.indexOf(b))[0];
  };

  // "Under a collaboration agreement, A has granted B the exclusive rights": the licence is that collaboration.
  for (const licence of drafts.filter((d) => d.kind === 'license')) {
    if (separateLicences.has(licence)) continue;
    if ([...licence.sentences].some((i) => agreementsIn(i).some((v) => v.value === 'collaboration'))) licence.kind = 'collaboration';
  }

  // "The product is manufactured in partnership with B": a partnership every fact of which names its
  // partner as the maker or supplier of a product is a supply agreement, that partner its provider.
  for (const draft of drafts) {
    if (draft.kind !== 'collaboration' || draft.parties.size !== 2 || draft.facts.length === 0) continue;
    const providers = new Set<string>();
    const supplies = draft.facts.every((f) => {
      const ends = [f.source, typeof f.target === 'number' ? f.target : undefined];
      const maker = ends.find((i) => {
        const m = i === undefined ? undefined : found.mentions[i];
        const s = m ? doc.sentences[m.sentenceIndex] : undefined;
        return m !== undefined && s !== undefined && k.deals.providerLead.test(doc.cleanText.slice(Math.max(s.start, m.start - 60), m.start));
      });
      const key = maker === undefined ? undefined : keyOf(maker);
      if (key !== undefined) providers.add(key);
      return key !== undefined;
    });
    const [provider] = [...providers];
    if (!supplies || providers.size !== 1 || provider === undefined || !draft.parties.has(provider)) continue;
    draft.kind = 'supply_or_service';
    for (const key of [...draft.parties.keys()]) draft.parties.set(key, key === provider ? 'provider' : 'customer');
  }

  // Payments: to the deal of the same two parties; else an agreement of kind other, payer and payee.
  for (const fact of facts) {
    if ((fact.type !== 'PAYS' && fact.type !== 'EARNED_MILESTONE') || typeof fact.target !== 'number') continue;
    const [first, second] = [keyOf(fact.source), keyOf(fact.target)];
    if (!first || !second || labelOf(fact.target) !== 'Company') continue;
    const [payer, payee] = fact.type === 'PAYS' ? [first, second] : [second, first];
    const term = factTerm(fact, fact.sentenceIndex);
    const wanted = term ? TERM_DEAL_KIND[term.kind] : undefined;
    const both = drafts.filter((d) => d.parties.has(payer) && d.parties.has(payee));
    const citing = both.filter((d) => d.sentences.has(fact.sentenceIndex));
    let draft = citing.length === 1 ? citing[0] : nearest(citing.length > 1 ? citing : both, fact.sentenceIndex, wanted ? [wanted] : []);
    if (!draft) {
      // A payment between two parties no agreement links yet: the agreement word of its sentence tells
      // what was bought ("the acquisition", "a services agreement"), the payer and payee take its roles.
      // With no agreement word, a milestone, royalty or licence fee is paid under a licence: the payer licenses from the payee.
      const kind = agreementsIn(fact.sentenceIndex).find((v) => PAYMENT_ROLES[v.value] !== undefined)?.value ?? (term && LICENCE_PAYMENTS.has(term.kind) ? 'license' : 'other');
      // The investors of one round: payments to one payee that one sentence states are one deal with several payers.
      draft = kind === 'other' ? drafts.find((d) => d.kind === 'other' && d.parties.get(payee) === 'payee' && d.sentences.has(fact.sentenceIndex) && !d.parties.has(payer)) : undefined;
      if (draft) draft.parties.set(payer, 'payer');
      else {
        const [payerRole, payeeRole] = PAYMENT_ROLES[kind] ?? ['payer', 'payee'];
        draft = newDraft(kind);
        draft.parties.set(payer, payerRole);
        draft.parties.set(payee, payeeRole);
        drafts.push(draft);
      }
    }
    const cited: Cited = { sentence: fact.sentenceIndex, rule: `deal.${draft.kind}_from_${fact.type.toLowerCase()}`, confidence: fact.confidence };
    if (!draft.partyEvidence.has(payer) || !draft.partyEvidence.has(payee)) for (const key of [payer, payee]) pushCited(draft.partyEvidence, key, cited);
    if (draft.kind === 'other' || draft.facts.length === 0) draft.sentences.add(fact.sentenceIndex);
    else draft.termSentences.add(fact.sentenceIndex);
    draft.facts.push(fact);
    if (term) addTerm(draft, term);
  }
  // "in collaboration with Kelvar University and Norvane": one collaboration word whose partners one
  // "and" joins is one agreement of three parties, not two of two (the relation stage gives one pair each).
  const mentionsOf = (key: string, sentence: number): { start: number; end: number }[] => found.mentions.filter((m, i) => m.sentenceIndex === sentence && keyOf(i) === key);
  const onlyCollaborators = (d: Draft): boolean => d.kind === 'collaboration' && [...d.parties.values()].every((role) => role === 'collaborator');
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    const [sentence] = d?.sentences ?? [];
    if (!d || sentence === undefined || d.sentences.size !== 1 || d.terms.length > 0 || !onlyCollaborators(d)) continue;
    // A singular word: "collaborations with A and B" are two.
    if (!agreementsIn(sentence).some((v) => v.value === 'collaboration' && !/s$/i.test(v.text))) continue;
    const twin = drafts.find((o, j) => {
      if (j >= i || o.sentences.size !== 1 || !o.sentences.has(sentence) || o.terms.length > 0 || !onlyCollaborators(o)) return false;
      const shared = [...d.parties.keys()].filter((key) => o.parties.has(key));
      const [mine] = [...d.parties.keys()].filter((key) => !o.parties.has(key));
      const [theirs] = [...o.parties.keys()].filter((key) => !d.parties.has(key));
      if (shared.length !== 1 || mine === undefined || theirs === undefined) return false;
      return mentionsOf(mine, sentence).some((a) => mentionsOf(theirs, sentence).some((b) => /^\s*,?\s*and\s+(?:the\s+)?$/i.test(doc.cleanText.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)))));
    });
    if (!twin) continue;
    for (const [key, role] of d.parties) if (!twin.parties.has(key)) twin.parties.set(key, role);
    absorb(twin, d);
    drafts.splice(i, 1);
  }

  // Two partners of such a collaboration paired by the same sentence ("with A and B") are inside it, not a deal of their own.
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    if (!d || !onlyCollaborators(d) || d.terms.length > 0) continue;
    const within = drafts.find((o) => o !== d && onlyCollaborators(o) && o.parties.size > d.parties.size && [...d.parties.keys()].every((key) => o.parties.has(key)) && [...d.sentences].every((sentence) => o.sentences.has(sentence)));
    if (!within) continue;
    absorb(within, d);
    drafts.splice(i, 1);
  }

  // The investors of one round told in several sentences ("led by A", "B and C also joined the round"):
  // payments of no named kind to one payee from payers only, in sentences at most three apart, are one financing.
  const payeeOf = (d: Draft): string | undefined => {
    const payees = d.kind === 'other' ? [...d.parties].filter(([, role]) => role === 'payee').map(([key]) => key) : [];
    return payees.length === 1 ? payees[0] : undefined;
  };
  for (let i = drafts.length - 1; i >= 0; i--) {
    const d = drafts[i];
    const payee = d ? payeeOf(d) : undefined;
    if (!d || payee === undefined) continue;
    const near = (o: Draft): boolean => [...o.sentences].some((a) => [...d.sentences].some((b) => Math.abs(a - b) <= 3));
    const twin = drafts.find((o, j) => j < i && payeeOf(o) === payee && near(o));
    if (!twin) continue;
    for (const [key, role] of d.parties) if (!twin.parties.has(key)) twin.parties.set(key, role);
    absorb(twin, d);
    for (const sentence of d.termSentences) twin.termSentences.add(sentence);
    for (const term of d.terms) addTerm(twin, term);
    drafts.splice(i, 1);
  }
  if (drafts.length === 0) return empty;

  // Money terms of the deal sentences: a sentence goes to the deal whose parties it names most,
  // then the one nearest in the document; a sentence that names no company continues the deal of the
  // sentence before it.
  const companiesIn = new Map<number, Set<string>>();
  // Companies and organizations: a sentence that names an organization may be about its deal.
  const partiesIn = new Map<number, Set<string>>();
  found.mentions.forEach((m, i) => {
    const key = mentionKeys[i];
    if (!key || (m.label !== 'Company' && m.label !== 'Organization')) return;
    for (const map of m.label === 'Company' ? [companiesIn, partiesIn] : [partiesIn]) {
      const set = map.get(m.sentenceIndex) ?? new Set<string>();
      set.add(key);
      map.set(m.sentenceIndex, set);
    }
  });
  // "entered into a $150 million synthetic royalty funding agreement": a partnership of two companies whose
  // sentences name a royalty financing is that financing; the one paying an amount other than royalties buys them.
  for (const draft of drafts) {
    if ((draft.kind !== 'collaboration' && draft.kind !== 'other') || draft.parties.size !== 2) continue;
    const keys = [...draft.parties.keys()];
    const naming = [...companiesIn].filter(([, named]) => keys.every((key) => named.has(key))).map(([i]) => i);
    if (![...draft.sentences, ...draft.termSentences, ...naming].some((i) => agreementsIn(i).some((v) => v.value === 'royalty_financing'))) continue;
    const funding = draft.facts.find((f) => f.type === 'PAYS' && typeof f.properties.amount === 'number' && f.properties.kind !== 'royalty' && typeof f.target === 'number');
    const buyer = funding ? keyOf(funding.source) : undefined;
    if (buyer === undefined || !draft.parties.has(buyer)) continue;
    draft.kind = 'royalty_financing';
    for (const key of keys) draft.parties.set(key, key === buyer ? 'royalty_buyer' : 'royalty_seller');
  }

  // "A and B, a wholly-owned subsidiary of C, have entered into …", "C and its wholly-owned subsidiary, B, entered
  // into …": a subsidiary named beside its parent in a sentence of the parent's deal signs with it, in the parent's role.
  for (const [sentence, indexes] of mentionsIn) {
    if (indexes.length < 3 || doc.sentences[sentence]?.section === 'forwardLooking' || agreementsIn(sentence).length === 0) continue;
    const companies = indexes.filter((i) => found.mentions[i]?.label === 'Company');
    companies.forEach((i, n) => {
      const next = companies[n + 1];
      const [a, b] = [found.mentions[i], next === undefined ? undefined : found.mentions[next]];
      if (!a || !b || next === undefined) return;
      const between = doc.cleanText.slice(a.end, b.start);
      const [subsidiary, parent] = SUBSIDIARY_OF.test(between) ? [keyOf(i), keyOf(next)] : PARENT_OF.test(between) ? [keyOf(next), keyOf(i)] : [undefined, undefined];
      if (!subsidiary || !parent || subsidiary === parent || drafts.some((d) => d.parties.has(subsidiary))) return;
      const named = new Set(companies.map((c) => keyOf(c)));
      const deals = drafts.filter((d) => d.parties.has(parent) && [...d.parties.keys()].some((key) => key !== parent && named.has(key)));
      const [deal] = deals;
      const role = deal?.parties.get(parent);
      if (deals.length !== 1 || !deal || !role) return;
      deal.parties.set(subsidiary, role);
      pushCited(deal.partyEvidence, subsidiary, { sentence, rule: 'deal.party_subsidiary_of_party', confidence: 0.7 });
    });
  }

  // "agreements valued at $959 million (Acme: $667M, Zorvexa: $105M)": an amount right after a party's name and
  // a colon is that party's deal's value, whatever deal the rest of the sentence is about.
  const listed = new Set<string>();
  for (const [sentence, indexes] of mentionsIn) {
    const s = doc.sentences[sentence];
    if (!s || s.section === 'forwardLooking' || indexes.length < 2) continue;
    const text = doc.cleanText.slice(s.start, s.end);
    if (!text.includes(':')) continue;
    const amounts = findMoney(k.relations.money, text);
    for (const i of indexes) {
      const m = found.mentions[i];
      const party = keyOf(i);
      const colon = m ? LABEL_COLON.exec(doc.cleanText.slice(m.end, s.end)) : null;
      if (!m || !party || !colon) continue;
      const money = amounts.find((a) => s.start + a.start === m.end + colon[0].length);
      if (!money || money.per !== undefined) continue;
      const candidates = drafts.filter((d) => d.parties.has(party));
      const draft =
        candidates.length === 1
          ? candidates[0]
          : nearest(
              candidates,
              sentence,
              agreementsIn(sentence).map((v) => v.value),
            );
      if (!draft) continue;
      const status: PaymentStatus = money.qualifier === 'up_to' || firstValue(k.deals.paid, text.slice(0, m.start - s.start)) === 'potential' ? 'potential' : 'due';
      addTerm(draft, { kind: 'other', amount: money.amount, currency: money.currency, qualifier: money.qualifier, amountText: money.amountText, status, start: money.start, end: money.end, sentence, rule: 'deal.term_listed_for_party' });
      draft.termSentences.add(sentence);
      listed.add(`${sentence}:${money.start}`);
    }
  }

  // "A's deal with B included $700 million upfront, while C's partnership with D involved $560 million": an amount
  // whose nearest company before it in the sentence is no party of the deal the sentence went to, but of one
  // other deal, is that deal's.
  // An amount after another company's possessive that is in no deal ("while Kelvar's partnership involved $560 million") is that company's, no term of ours.
  const otherPartysDeal = (draft: Draft, sentence: number, at: number): Draft | 'none' | undefined => {
    const before = (mentionsIn.get(sentence) ?? []).filter((i) => {
      const m = found.mentions[i];
      return m?.label === 'Company' && m.end <= at;
    });
    const last = before[before.length - 1];
    const key = last === undefined ? undefined : keyOf(last);
    if (last === undefined || key === undefined || draft.parties.has(key)) return undefined;
    const owners = drafts.filter((d) => d !== draft && d.parties.has(key));
    if (owners.length === 1) return owners[0];
    const end = found.mentions[last]?.end ?? at;
    return owners.length === 0 && /^['’]s?\s/.test(doc.cleanText.slice(end, end + 3)) ? 'none' : undefined;
  };

  let previous: { sentence: number; draft: Draft } | undefined;
  for (const sentence of doc.sentences) {
    if (sentence.section === 'forwardLooking') continue;
    // Only sentences that can go to a deal are read: one naming a company, or one continuing a deal's sentence.
    const named = companiesIn.get(sentence.index) ?? new Set<string>();
    const continues = previous !== undefined && sentence.index - previous.sentence <= 2;
    // The only deal of a document takes the money of sentences naming no company, unless it is told only in passing.
    const only = drafts.length === 1 && drafts[0]?.aside !== true ? drafts[0] : undefined;
    if (named.size === 0 && !continues && only === undefined) continue;
    const text = doc.cleanText.slice(sentence.start, sentence.end);
    // `search` starts at 0 and leaves the shared global pattern's lastIndex alone (matchAll starts from it).
    if (text.search(k.deals.term.pattern) < 0) continue;
    const readings = readTerms(text, k);
    if (readings.length === 0) continue;
    const overlap = (d: Draft): number => [...d.parties.keys()].filter((key) => named.has(key)).length;
    const best = Math.max(0, ...drafts.map(overlap));
    // The money's own kind (a purchase price), then the agreement the sentence names ("under the collaboration").
    const kinds = [...readings.flatMap((r) => TERM_DEAL_KIND[r.kind] ?? []), ...agreementsIn(sentence.index).map((v) => v.value)];
    let draft: Draft | undefined;
    if (best > 0) {
      const top = drafts.filter((d) => overlap(d) === best && (d.aside !== true || best === d.parties.size));
      const cited = top.filter((d) => d.sentences.has(sentence.index));
      draft = cited.length === 1 ? cited[0] : nearest(cited.length > 1 ? cited : top, sentence.index, kinds);
    } else if (named.size === 0 && previous && sentence.index - previous.sentence <= 2 && previous.draft.aside !== true) draft = previous.draft;
    else if (named.size === 0) draft = only;
    if (!draft) continue;
    previous = { sentence: sentence.index, draft };
    draft.termSentences.add(sentence.index);
    const dates = dateMentions(k.calendar.dates, text);
    const equity = readings.some((r) => r.kind === 'equity');
    // A total the sentence splits into parts is no payment of its own: the relation fact that read it as one goes.
    for (const whole of new Set(readings.flatMap((r) => r.partOf ?? []))) for (const d of drafts) d.terms = d.terms.filter((t) => t.sentence !== sentence.index || t.amount !== whole || isReading(t));
    for (const reading of readings) {
      if (listed.has(`${sentence.index}:${reading.start}`)) continue;
      // A price, a per-share price or a CVR is what a buyer pays for a company: in another deal's
      // sentence such an amount is a market size or a share price, not a term (unless shares are bought).
      if (ACQUISITION_TERMS.has(reading.kind) && draft.kind !== 'acquisition' && !(reading.kind === 'per_share_price' && equity)) continue;
      const term: Term = { ...reading, sentence: sentence.index, rule: `deal.term_${reading.kind}` };
      if ((term.status === 'earned' || term.status === 'paid') && dates[0]) term.date = dates[0].iso;
      // "$120 million for the license and $20 million for the collaboration": an amount the words after it give to
      // one of two agreements of the same parties goes to that one.
      const kind = agreementAfterAmount(k, text.slice(reading.end, reading.end + 60));
      const other = otherPartysDeal(draft, sentence.index, sentence.start + reading.start);
      if (other === 'none') continue;
      const own = (kind === undefined || kind === draft.kind ? undefined : drafts.find((d) => d.kind === kind && samePair(d, draft))) ?? other;
      if (own) own.termSentences.add(sentence.index);
      addTerm(own ?? draft, term);
    }
  }

  // ---- nodes and relationships ----
  const docDate = doc.asOf;
  const docYear = docDate === undefined ? undefined : Number(docDate.slice(0, 4));
  const out: Graph = { schemaVersion: SCHEMA_VERSION, documents: [], entities: [], relationships: [] };
  const relationship = (type: Relationship['type'], start: string, end: string, properties: Properties, cited: readonly Cited[]): void => {
    const evidence = cited.flatMap((c) => evidenceOf(doc, c) ?? []);
    if (evidence.length > 0) out.relationships.push({ type, start, end, properties, evidence });
  };
  // The deal's sentences: those its facts and terms came from, and those that name two of its parties
  // beside an agreement word ("A and B today announced that they have entered into …").
  const dealSentencesOf = (draft: Draft): number[] => {
    const naming = [...companiesIn]
      .filter(([i, named]) => draft.parties.size > 1 && [...draft.parties.keys()].filter((key) => named.has(key)).length >= 2 && doc.sentences[i]?.section !== 'forwardLooking' && agreementsIn(i).length > 0)
      .map(([i]) => i);
    return [...new Set([...draft.sentences, ...draft.termSentences, ...naming])].sort((a, b) => a - b);
  };
  // The only deal of a document is also what the sentences right after its own say of "the agreement" naming
  // no other party ("On February 9, 2015, we entered into an amendment to the License Agreement").
  const followingOf = (draft: Draft): number[] => {
    if (drafts.length !== 1) return [];
    const own = dealSentencesOf(draft);
    return doc.sentences
      .filter(
        (s) =>
          s.section !== 'forwardLooking' &&
          [...(partiesIn.get(s.index) ?? [])].every((key) => draft.parties.has(key)) &&
          own.some((i) => s.index > i && s.index - i <= 2) &&
          agreementsIn(s.index).some((v) => v.value === draft.kind || v.value === 'other'),
      )
      .map((s) => s.index);
  };
  const statusOf = new Map(drafts.map((draft) => [draft, statusInDocument(k, draft, [...dealSentencesOf(draft), ...followingOf(draft)].map(sentenceText), docDate)]));
  // A licence the text tells apart from a collaboration of the pair ("announced two collaborations … Separately, A
  // has granted B a license") is told by the same release: with no status word of its own, it has the collaboration's.
  for (const licence of separateLicences) {
    const twin = drafts.find((d) => d.kind === 'collaboration' && samePair(d, licence));
    const status = twin ? statusOf.get(twin) : undefined;
    if (statusOf.get(licence) === 'referenced' && status !== undefined) statusOf.set(licence, status);
  }
  // An option exercised between two parties tells that the agreement it was granted under is in force.
  for (const [draft, status] of statusOf) {
    if (status !== 'referenced' || draft.kind === 'option' || draft.kind === 'acquisition') continue;
    if (drafts.some((o) => o.kind === 'option' && statusOf.get(o) === 'option_exercised' && [...o.parties.keys()].every((key) => draft.parties.has(key)))) statusOf.set(draft, 'effective');
  }
  for (const draft of drafts) {
    if (draft.parties.size === 0) continue;
    const factSentences = [...draft.sentences].sort((a, b) => a - b);
    const texts = factSentences.map(sentenceText);
    const dealSentences = dealSentencesOf(draft);
    const mainAsset = [...draft.assets.keys()][0];
    const key = dealKey(draft.kind, draft.parties, mainAsset);

    // Dates and statuses: the signing and amendment years the sentences state, then what this document does.
    const history: string[] = [];
    const properties: Partial<DealProperties> = {};
    const amended = new Set<string>();
    for (const text of texts) {
      const years = agreementYears(text);
      if (years.year !== undefined && (docYear === undefined || years.year < docYear)) properties.signed ??= String(years.year);
      for (const y of years.amendedYears) amended.add(String(y));
    }
    if (properties.signed !== undefined) history.push(`announced@${properties.signed}`);
    for (const y of amended) history.push(`amended@${y}`);
    const status = statusOf.get(draft) ?? 'referenced';
    history.push(`${status}@${docDate ?? ''}`);
    if (status === 'announced' && docDate !== undefined) properties.announced = docDate;
    if (status === 'effective' || status === 'closed') {
      if (docDate !== undefined && status === 'closed') properties.effective = docDate;
    }
    // Sentences only this deal can be about: they name its parties and no company or organization outside
    // it or in another deal of those parties, beside a word of its kind ("Under the agreement, B will be
    // granted an exclusive license … in Japan"); they tell the deal's scope when its own sentences do not.
    const ownSentences = [...partiesIn]
      .filter(([i, named]) => {
        if (dealSentences.includes(i) || doc.sentences[i]?.section === 'forwardLooking' || !agreementsIn(i).some((v) => v.value === draft.kind)) return false;
        const within = (d: Draft): boolean => [...named].every((key) => d.parties.has(key));
        return within(draft) && !drafts.some((d) => d !== draft && within(d));
      })
      .map(([i]) => i)
      .sort((a, b) => a - b);
    const scopeTexts = [...dealSentences, ...ownSentences].map(sentenceText);
    const exclusiveWords = ['license', 'option', 'collaboration'].includes(draft.kind) ? scopeTexts.map((t) => firstValue(k.deals.exclusive, t)) : [];
    const licenceFacts = draft.facts.filter((f) => f.type === 'LICENSES_TO');
    const exclusiveFact = licenceFacts.find((f) => typeof f.properties.exclusive === 'boolean')?.properties.exclusive;
    if (typeof exclusiveFact === 'boolean') properties.exclusive = exclusiveFact;
    else if (exclusiveWords.includes('false')) properties.exclusive = false;
    else if (exclusiveWords.includes('true')) properties.exclusive = true;
    if (['license', 'option', 'collaboration', 'co_promotion'].includes(draft.kind)) {
      // A headline's "global" is the same territory told with less: the reading that states what it leaves out wins.
      const readings = [...dealSentences, ...ownSentences].flatMap((i) => readTerritory(k, sentenceText(i)) ?? []);
      const territory = readings.find((t) => / except /.test(t)) ?? readings[0];
      if (territory) properties.territory = territory;
      const field = texts.map((t) => readField(k, t)).find((f) => f !== undefined);
      if (field) properties.field = field;
    }

    // What the buyer pays up front for a company is its purchase price.
    if (draft.kind === 'acquisition') for (const term of draft.terms) if (term.kind === 'upfront') term.kind = 'purchase_price';
    const payments: { key: string; term: Term }[] = [];
    const byKey = new Map<string, Term>();
    for (const term of draft.terms) {
      const pk = paymentKey(key, term.kind, term.amount, term.currency, term.amount === undefined ? term.trigger : undefined);
      if (byKey.has(pk)) continue;
      byKey.set(pk, term);
      payments.push({ key: pk, term });
    }
    const caption = dealCaption(draft.kind, draft.terms);
    const dealProps: DealProperties = { caption, kind: draft.kind, status, statusHistory: orderStatusHistory(history) };
    Object.assign(dealProps, properties);
    if (amended.size > 0) dealProps.amended = [...amended].sort();
    const partyNames = [...draft.parties.entries()].map(([company, role]) => `${nameOf.get(company) ?? company} (${role})`);
    const mentions: MentionRef[] = [...new Set([...factSentences, ...draft.termSentences])]
      .sort((a, b) => a - b)
      .flatMap((i) => {
        const s = doc.sentences[i];
        return s ? [{ docId: doc.docId, start: s.start, end: s.end }] : [];
      });
    out.entities.push({ key, labels: ['Deal'], name: `${draft.kind.replace(/_/g, ' ')}: ${partyNames.join(', ')}`, aliases: [], properties: toProperties(dealProps), mentions });

    for (const [company, role] of draft.parties) relationship('PARTY_TO', company, key, { role }, draft.partyEvidence.get(company) ?? []);
    for (const [asset, cited] of draft.assets) if (['Drug', 'Technology', 'Target'].includes(labelOfKey.get(asset) ?? '')) relationship('COVERS', key, asset, {}, cited);
    // The indications the deal's own sentences give its assets (STUDIED_FOR / APPROVED_FOR of a covered drug).
    for (const f of facts) {
      if ((f.type !== 'STUDIED_FOR' && f.type !== 'APPROVED_FOR') || typeof f.target !== 'number') continue;
      const drug = keyOf(f.source);
      const disease = keyOf(f.target);
      if (drug && disease && draft.assets.has(drug) && (draft.sentences.has(f.sentenceIndex) || draft.termSentences.has(f.sentenceIndex)))
        pushCited(draft.indications, disease, { sentence: f.sentenceIndex, rule: 'deal.for_indication_from_asset', confidence: f.confidence });
    }
    for (const [disease, cited] of draft.indications) relationship('FOR_INDICATION', key, disease, {}, cited);

    for (const { key: pk, term } of payments) {
      const props: PaymentProperties = { caption: paymentCaption(term), kind: term.kind, status: term.status };
      if (term.amount !== undefined) props.amount = term.amount;
      if (term.currency !== undefined) props.currency = term.currency;
      if (term.qualifier !== undefined) props.qualifier = term.qualifier;
      if (term.trigger !== undefined) props.trigger = term.trigger;
      const date = term.date ?? ((term.status === 'earned' || term.status === 'paid') && docDate !== undefined ? docDate : undefined);
      if (date !== undefined) props.date = date;
      if (term.amountText !== undefined) props.amountText = term.amountText;
      if (term.royaltyText !== undefined) props.royaltyText = term.royaltyText;
      if (term.royaltyLow !== undefined) props.royaltyLow = term.royaltyLow;
      if (term.royaltyHigh !== undefined) props.royaltyHigh = term.royaltyHigh;
      const s = doc.sentences[term.sentence];
      out.entities.push({ key: pk, labels: ['Payment'], name: props.caption, aliases: [], properties: toProperties(props), mentions: s ? [{ docId: doc.docId, start: s.start, end: s.end }] : [] });
      relationship('HAS_TERM', key, pk, {}, [{ sentence: term.sentence, rule: term.rule, confidence: 0.75 }]);
    }
  }
  return out;
}
