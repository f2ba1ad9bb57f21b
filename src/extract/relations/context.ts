// What the relation rules see of one sentence: its clean text, the entity mentions inside it in text
// order (with "the Company", "we", "our" standing for the document's main company), the knowledge,
// per-sentence readers of its trigger phrases, amounts and dates (each text swept once, however many
// rules ask), and helpers to find mentions near a trigger without crossing a clause boundary.
import type { Sentence, StructuredDocument } from '../../model/document.ts';
import type { DocumentMentions, Mention } from '../../model/extraction.ts';
import type { EntityLabel } from '../../model/vocabulary.ts';
import type { Knowledge } from '../../knowledge/index.ts';
import type { RelationKnowledge } from '../../knowledge/relations.ts';
import type { TriggerReader } from './lexicon.ts';
import { findMoney, type Money } from './money.ts';
import { dateMentions, type DateMention } from '../../text/dates.ts';
import { RangeMemo } from './range-memo.ts';
import type { RuleWords } from './word-lists.ts';
import type { ParsedFrames } from './frames.ts';

/** A mention inside the sentence; offsets are relative to the sentence text. */
export interface Item {
  /** Index into DocumentMentions.mentions. */
  index: number;
  label: EntityLabel;
  start: number;
  end: number;
  text: string;
  /** Same number for mentions of one entity within the document. */
  entity: number;
  /** True for "the Company", "we", "our" resolved to the document's main company. */
  pronoun: boolean;
  mention: Mention;
}

export interface DocumentContext {
  knowledge: Knowledge;
  doc: StructuredDocument;
  found: DocumentMentions;
  /** Entity id of each mention (label + folded name, joined through sameAs links). */
  entityOf: number[];
  /** Mention index standing for the registrant / main company, when one can be told. */
  primaryCompany: number | undefined;
  /** Mentions grouped by sentence, in text order. */
  bySentence: Map<number, number[]>;
  /** The two most mentioned companies (first mention of each), what "the companies" refers to. */
  parties: number[];
}

export interface SentenceContext {
  docContext: DocumentContext;
  sentence: Sentence;
  /** cleanText of the sentence; every Item offset points into it. */
  text: string;
  lower: string;
  items: Item[];
  /** The relation knowledge: trigger groups, tables and the rules' patterns. */
  relations: RelationKnowledge;
  /** The sentence's trigger phrases, swept once on the first question. */
  triggers: TriggerReader;
  /** Amounts of money in text[from, to) (copies: callers may edit them), each range scanned once. */
  money(from?: number, to?: number): Money[];
  /** Dates in text[from, to) (copies), each range scanned once. */
  dates(from?: number, to?: number): DateMention[];
  /**
   * The grammar frames of the sentence, prepared and parsed for all of the document's sentences at
   * once (`prepareFrames`): null when no frame can match, undefined when not prepared (the frame rule
   * then prepares the sentence itself).
   */
  frames?: ParsedFrames | null;
}

/** The sentence context's own patterns, compiled from word lists of data/patterns/relation-words.tsv. */
export interface ContextPatterns {
  /** "the Company", "we", "our": a mention that stands for the document's main company. */
  readonly pronounText: RegExp;
  /** "X today announced": the sentence that names the main company first. */
  readonly announcing: RegExp;
  /** A semicolon, or a full stop before a capital that does not close an abbreviation ("U.S. Food", "Co. Inc"). */
  readonly clauseBreak: RegExp;
  /** "the two companies", "both parties". */
  readonly parties: RegExp;
  /** A noun that names a deal: agreement, licence, collaboration, partnership. */
  readonly dealNoun: RegExp;
}

export function compileContextPatterns(words: RuleWords): ContextPatterns {
  return Object.freeze({
    pronounText: new RegExp(`^(?:${words.alternation('registrant.self')})$`, 'i'),
    announcing: new RegExp(`\\b(?:${words.alternation('announce')})\\b`, 'i'),
    clauseBreak: new RegExp(`;|(?<!(?:^|[\\s(.])(?:[A-Z]|${words.alternation('abbreviation')}))\\.\\s+[A-Z]`),
    parties: new RegExp(`\\b(?:the|both)\\s+(?:two\\s+)?(?:${words.alternation('parties')})\\b`, 'i'),
    dealNoun: new RegExp(`\\b(?:${words.alternation('deal.noun')})\\b`, 'i'),
  });
}

function entityIds(knowledge: Knowledge, found: DocumentMentions): number[] {
  const parent = found.mentions.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i;
    return i;
  };
  const union = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const first = new Map<string, number>();
  found.mentions.forEach((m, i) => {
    const key = `${m.label}|${knowledge.names.keyPart(m.label, m.canonical)}`;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    else union(seen, i);
  });
  for (const link of found.sameAs) {
    const [a, b] = [found.mentions[link.a], found.mentions[link.b]];
    if (a && b && a.label === b.label) union(link.a, link.b);
  }
  return found.mentions.map((_, i) => find(i));
}

/**
 * The document's main company: the filing's registrant when a mention names it, else the first
 * company of the sentence that announces the news ("X today announced"), else the most mentioned one.
 */
function findPrimaryCompany(knowledge: Knowledge, doc: StructuredDocument, found: DocumentMentions, entityOf: number[]): number | undefined {
  const { pronounText, announcing: announces } = knowledge.relations.rules.context;
  const companies = found.mentions.map((m, i) => ({ m, i })).filter(({ m }) => m.label === 'Company' && !pronounText.test(m.text.trim()));
  if (companies.length === 0) return undefined;
  const companyKey = (name: string): string => knowledge.names.keyPart('Company', name);
  for (const registrant of doc.filing?.registrants ?? []) {
    const want = companyKey(registrant.name);
    const hit = companies.find(({ m }) => companyKey(m.canonical) === want || companyKey(m.text) === want);
    if (hit) return hit.i;
  }
  const announcing = doc.sentences.find((s) => s.section === 'dateline' || announces.test(doc.cleanText.slice(s.start, s.end)));
  if (announcing) {
    const first = companies.find(({ m }) => m.start >= announcing.start && m.end <= announcing.end);
    if (first) return first.i;
  }
  const counts = new Map<number, { count: number; first: number }>();
  for (const { i } of companies) {
    const id = entityOf[i] ?? i;
    const entry = counts.get(id);
    if (entry) entry.count += 1;
    else counts.set(id, { count: 1, first: i });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first)[0]?.first;
}

function mainParties(pronounText: RegExp, found: DocumentMentions, entityOf: number[]): number[] {
  const counts = new Map<number, { count: number; first: number }>();
  found.mentions.forEach((m, i) => {
    if (m.label !== 'Company' || pronounText.test(m.text.trim())) return;
    const id = entityOf[i] ?? i;
    const entry = counts.get(id);
    if (entry) entry.count += 1;
    else counts.set(id, { count: 1, first: i });
  });
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first);
  return ranked.length >= 2 ? ranked.slice(0, 2).map((r) => r.first) : [];
}

export function documentContext(knowledge: Knowledge, doc: StructuredDocument, found: DocumentMentions): DocumentContext {
  const entityOf = entityIds(knowledge, found);
  const bySentence = new Map<number, number[]>();
  found.mentions.forEach((m, i) => {
    const list = bySentence.get(m.sentenceIndex);
    if (list) list.push(i);
    else bySentence.set(m.sentenceIndex, [i]);
  });
  for (const list of bySentence.values()) list.sort((a, b) => (found.mentions[a]?.start ?? 0) - (found.mentions[b]?.start ?? 0) || a - b);
  return {
    knowledge,
    doc,
    found,
    entityOf,
    primaryCompany: findPrimaryCompany(knowledge, doc, found, entityOf),
    bySentence,
    parties: mainParties(knowledge.relations.rules.context.pronounText, found, entityOf),
  };
}

export function sentenceContext(dc: DocumentContext, sentence: Sentence, text = dc.doc.cleanText.slice(sentence.start, sentence.end)): SentenceContext {
  const relations = dc.knowledge.relations;
  const { pronounText } = relations.rules.context;
  const triggers = relations.triggers.sentence(text);
  const items: Item[] = [];
  for (const i of dc.bySentence.get(sentence.index) ?? []) {
    const m = dc.found.mentions[i];
    if (!m || m.start < sentence.start || m.end > sentence.end) continue;
    const isPronoun = m.label === 'Company' && pronounText.test(m.text.trim());
    items.push({
      index: isPronoun && dc.primaryCompany !== undefined ? dc.primaryCompany : i,
      label: m.label,
      start: m.start - sentence.start,
      end: m.end - sentence.start,
      text: m.text,
      entity: isPronoun && dc.primaryCompany !== undefined ? (dc.entityOf[dc.primaryCompany] ?? i) : (dc.entityOf[i] ?? i),
      pronoun: isPronoun,
      mention: m,
    });
  }
  const primary = dc.primaryCompany === undefined ? undefined : dc.found.mentions[dc.primaryCompany];
  if (primary && dc.primaryCompany !== undefined) {
    for (const hit of triggers.findAll('registrant.pronoun')) {
      if (items.some((it) => it.start < hit.end && hit.start < it.end)) continue;
      // "our" inside a word list of a title ("our partners") still means the company; "us" as in U.S. does not.
      if (hit.text === 'us' && text.slice(hit.start, hit.end) !== 'us') continue;
      items.push({
        index: dc.primaryCompany,
        label: 'Company',
        start: hit.start,
        end: hit.end,
        text: text.slice(hit.start, hit.end),
        entity: dc.entityOf[dc.primaryCompany] ?? dc.primaryCompany,
        pronoun: true,
        mention: primary,
      });
    }
  }
  items.sort((a, b) => a.start - b.start || a.end - b.end);
  const money = new RangeMemo<Money>((t, from, to) => findMoney(relations.money, t, from, to), text);
  const calendar = dc.knowledge.calendar.dates;
  const dates = new RangeMemo<DateMention>((t, from, to) => dateMentions(calendar, t, from, to), text);
  return {
    docContext: dc,
    sentence,
    text,
    lower: text.toLowerCase(),
    items,
    relations,
    triggers,
    // Bound methods, not arrows: an arrow assigned to a property is given its name at run time under tsx (a defineProperty per sentence).
    money: money.get.bind(money),
    dates: dates.get.bind(dates),
  };
}

// ---- helpers the rules share ------------------------------------------------------------------

export function hasLabel(item: Item, labels: readonly EntityLabel[]): boolean {
  return labels.includes(item.label);
}

/** True when the sentence's text[from, to) crosses a clause boundary (a semicolon or a sentence-internal full stop). */
export function crossesClause(ctx: SentenceContext, from: number, to: number): boolean {
  // A semicolon inside brackets separates the bracket's items, not clauses: "X (Brandname; Company) for …".
  return ctx.relations.rules.context.clauseBreak.test(ctx.text.slice(Math.min(from, to), Math.max(from, to)).replace(BRACKETED, '()'));
}

/** A bracket without brackets inside. */
const BRACKETED = /\([^()]*\)/g;

/** Between two items of a list: a comma or a conjunction, after the first item's bracket if it has one ("IPF (idiopathic …), SSc and …"). */
const LIST_GAP = /^\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+|as\s+well\s+as\s+|\/\s*)$/i;

/** Whether `alias` stands alone in the bracket right after `item`: "idiopathic pulmonary fibrosis (IPF)", an abbreviation or another name of it. */
function bracketAlias(ctx: SentenceContext, item: Item, alias: Item): boolean {
  return DEFINED_OPEN.test(ctx.text.slice(item.end, alias.start)) && DEFINED_CLOSE.test(ctx.text.slice(alias.end, alias.end + 4));
}

/** The opening of a bracketed other name, quoted as filings define a term: "(IPF", "(the “Company”", "(“Zorvexa”". */
const DEFINED_OPEN = /^\s*\(\s*(?:the\s+)?["“']?$/i;
/** Its close: "IPF)", "Company”)". */
const DEFINED_CLOSE = /^["”']?\s*\)/;

/**
 * The items of `labels` that form a coordinated list ("A, B and C") whose last item ends at most
 * `maxGap` characters before `pos`, nearest last.
 */
export function listBefore(ctx: SentenceContext, pos: number, labels: readonly EntityLabel[], maxGap = 40): Item[] {
  const candidates = ctx.items.filter((it) => it.end <= pos && hasLabel(it, labels));
  const last = candidates[candidates.length - 1];
  if (!last || pos - last.end > maxGap || crossesClause(ctx, last.end, pos)) return [];
  // "A (“AA”) and B (“BB”) agreed to …": the list ends at B, whose bracketed defined name is the nearest item.
  let end = candidates.length - 1;
  const beforeLast = candidates[end - 1];
  if (beforeLast && bracketAlias(ctx, beforeLast, last)) end -= 1;
  const list = [candidates[end] ?? last];
  for (let k = end - 1; k >= 0; k--) {
    const it = candidates[k];
    const next = list[0];
    // "A (AA), B and C": the bracketed name of A is no item of its own; the list runs on from A.
    const owner = candidates[k - 1];
    if (it && owner && bracketAlias(ctx, owner, it)) continue;
    if (!it || !next || !LIST_GAP.test(ctx.text.slice(it.end, next.start))) break;
    list.unshift(it);
  }
  return list;
}

/**
 * The items of `labels` that form a coordinated list starting at most `maxGap` characters after `pos`,
 * without an item of `stopLabels` in between.
 */
export function listAfter(ctx: SentenceContext, pos: number, labels: readonly EntityLabel[], maxGap = 60, stopLabels: readonly EntityLabel[] = []): Item[] {
  const after = ctx.items.filter((it) => it.start >= pos);
  const firstIdx = after.findIndex((it) => hasLabel(it, labels));
  const first = after[firstIdx];
  if (!first || first.start - pos > maxGap || crossesClause(ctx, pos, first.start)) return [];
  if (after.slice(0, firstIdx).some((it) => hasLabel(it, stopLabels))) return [];
  const list = [first];
  for (const it of after.slice(firstIdx + 1)) {
    const prev = list[list.length - 1];
    if (!prev) break;
    if (!hasLabel(it, labels)) {
      if (it.start < prev.end) continue; // nested mention
      break;
    }
    if (it.label === prev.label && /^\s+$/.test(ctx.text.slice(prev.end, it.start))) {
      list[list.length - 1] = it; // "maytansinoid TAP technology": the last name is the head
      continue;
    }
    if (bracketAlias(ctx, prev, it)) continue;
    if (!LIST_GAP.test(ctx.text.slice(prev.end, it.start))) break;
    list.push(it);
  }
  return list;
}

/** The last of adjacent same-label items starting at `item` ("maytansinoid TAP technology" → the head). */
export function headOfRun(ctx: SentenceContext, item: Item | undefined): Item | undefined {
  if (!item) return undefined;
  let head = item;
  for (const it of ctx.items) {
    if (it.start < head.end || it.label !== head.label) continue;
    if (!/^\s+$/.test(ctx.text.slice(head.end, it.start))) break;
    head = it;
  }
  return head;
}

/** The nearest item of `labels` ending before `pos` within `maxDist` characters, same clause. */
export function nearestBefore(ctx: SentenceContext, pos: number, labels: readonly EntityLabel[], maxDist = 120): Item | undefined {
  for (let k = ctx.items.length - 1; k >= 0; k--) {
    const it = ctx.items[k];
    if (!it || it.end > pos || !hasLabel(it, labels)) continue;
    if (pos - it.end > maxDist || crossesClause(ctx, it.end, pos)) return undefined;
    return it;
  }
  return undefined;
}

/** The nearest item of `labels` starting after `pos` within `maxDist` characters, same clause. */
export function nearestAfter(ctx: SentenceContext, pos: number, labels: readonly EntityLabel[], maxDist = 120): Item | undefined {
  for (const it of ctx.items) {
    if (it.start < pos || !hasLabel(it, labels)) continue;
    if (it.start - pos > maxDist || crossesClause(ctx, pos, it.start)) return undefined;
    return it;
  }
  return undefined;
}

/** A company written as an object ("from A", "to A", "pay A") rather than as the one who acts. */
const OBJECT_BEFORE = /\b(?:from|to|by|with|of|for|in|pay|pays|paid|than|between)\s+(?:the\s+)?$/i;

/**
 * The subject company of a verb at `pos`: the nearest company before it in the clause that is not
 * the object of a preposition or of another verb.
 */
export function subjectBefore(ctx: SentenceContext, pos: number, maxDist = 120): Item | undefined {
  for (let k = ctx.items.length - 1; k >= 0; k--) {
    const it = ctx.items[k];
    if (!it || it.end > pos || it.label !== 'Company') continue;
    if (pos - it.end > maxDist || crossesClause(ctx, it.end, pos)) return undefined;
    if (OBJECT_BEFORE.test(ctx.text.slice(Math.max(0, it.start - 12), it.start))) continue;
    return it;
  }
  return undefined;
}

/** "The companies will develop …": the two main companies of the document stand for "the companies". */
export function partiesBefore(ctx: SentenceContext, pos: number): Item[] {
  const before = ctx.text.slice(Math.max(0, pos - 60), pos);
  if (!ctx.relations.rules.context.parties.test(before)) return [];
  return ctx.docContext.parties
    .map((index) => {
      const m = ctx.docContext.found.mentions[index];
      return m ? { index, label: 'Company', start: pos, end: pos, text: m.text, entity: ctx.docContext.entityOf[index] ?? index, pronoun: true, mention: m } : undefined;
    })
    .filter((it): it is Item => it !== undefined);
}

/** Distinct entities among items, first mention of each kept. */
export function distinctEntities(items: readonly Item[]): Item[] {
  const seen = new Set<number>();
  return items.filter((it) => (seen.has(it.entity) ? false : (seen.add(it.entity), true)));
}

/** "A's", "A’s" and, for names ending in s, "A’" — a possessive right after an item. */
const POSSESSIVE_MARK = /^\s*['’](?:s\b|(?=\s))/;

/** True when `item` is written as a possessive ("Acme's X") or is "our/its/their". */
export function isPossessive(ctx: SentenceContext, item: Item): boolean {
  return POSSESSIVE_MARK.test(ctx.text.slice(item.end, item.end + 4)) || /^(?:our|its|their)$/i.test(item.text);
}

/** Where the clause holding `pos` starts: after the last semicolon or full stop before it. */
export function clauseStart(text: string, pos: number): number {
  let start = 0;
  const re = /;|\.\s+(?=\S)/g;
  for (let m = re.exec(text); m && m.index < pos; m = re.exec(text)) start = m.index + m[0].length;
  return start;
}

/**
 * The drug the clause around `pos` is about: its first item, when that is a drug followed by a verb
 * ("X is being evaluated …", "X, an oral antiviral, has shown …").
 */
export function clauseSubjectDrug(ctx: SentenceContext, pos: number): Item | undefined {
  const start = clauseStart(ctx.text, pos);
  const first = ctx.items.find((it) => it.start >= start && it.end <= pos);
  // An opening quotation mark or bullet may stand before the subject ("“X treatment has been …", "• X is …").
  if (!first || first.label !== 'Drug' || /\S/.test(ctx.text.slice(start, first.start).replace(/^\s*(?:[“"‘'•*]\s*)?(?:the\s+|and\s+)?/i, ''))) return undefined;
  const after = ctx.text.slice(first.end, first.end + 160);
  return /^\s*[®™]?\s*(?:\([^)]{0,60}\)\s*)?(?:,[^,;]{0,120},\s*)?(?:(?:treatment|therapy)\s+)?(?:is|are|was|were|has|have|will|remains?)\b/i.test(after) ? first : undefined;
}

/** After a drug: an optional bracket and apposition, then the finite verb the drug (or its "treatment", "therapy") is subject of. */
const SUBJECT_VERB_AFTER = /^\s*[®™]?\s*(?:\([^)]{0,60}\)\s*)?(?:,[^;]{0,200}?,\s*)?(?:(?:treatment|therapy)\s+)?(?:is|are|was|were|has|have|had|will|remains?|continues?)\b/i;

/**
 * The drug a long clause is about when the verb phrase at `pos` is far from it: "announced that X, an
 * ADC comprising A linked to B, has completed enrollment in its Phase 2 study in patients with Y".
 * The nearest drug before `pos` that is followed (past an apposition) by a verb ending before `pos`.
 */
export function subjectDrugBefore(ctx: SentenceContext, pos: number): Item | undefined {
  const near = clauseSubjectDrug(ctx, pos);
  if (near) return near;
  for (let k = ctx.items.length - 1; k >= 0; k--) {
    const it = ctx.items[k];
    if (!it || it.end > pos || it.label !== 'Drug') continue;
    if (crossesClause(ctx, it.end, pos)) return undefined;
    const verb = SUBJECT_VERB_AFTER.exec(ctx.text.slice(it.end, pos));
    if (!verb) continue;
    // The verb phrase must run on to `pos` without a relative clause or another actor in between.
    const from = it.end + verb[0].length;
    if (pos - from > 150 || /\b(?:which|who|whom|whose|that)\b/i.test(ctx.text.slice(from, pos))) return undefined;
    if (ctx.items.some((o) => (o.label === 'Drug' || o.label === 'Company') && o.start >= from && o.end <= pos)) return undefined;
    return it;
  }
  return undefined;
}

/** Sentences before a deal statement that may still name its parties ("… entered into a license agreement. Under the agreement, …"). */
const DEAL_LOOKBACK = 3;

/**
 * The other party of the deal a sentence is about, when the sentence names one party only: the
 * sentence itself or the closest of the few before it that names a deal (agreement, licence,
 * collaboration) between exactly two companies, `party` one of them. A deal sentence between other
 * companies, or more than two, ends the search: the passage has moved on to another deal. Returns the
 * mention index of the other party's first mention in that sentence.
 */
export function dealPartnerOf(dc: DocumentContext, sentenceIndex: number, party: number): number | undefined {
  const { pronounText, dealNoun } = dc.knowledge.relations.rules.context;
  for (let i = sentenceIndex; i >= 0 && i >= sentenceIndex - DEAL_LOOKBACK; i--) {
    const sentence = dc.doc.sentences[i];
    if (!sentence || sentence.section === 'forwardLooking') return undefined;
    const ids = dc.bySentence.get(i) ?? [];
    const companies = new Map<number, number>();
    for (const id of ids) {
      const m = dc.found.mentions[id];
      if (m?.label !== 'Company') continue;
      // "the Company", "we": the document's main company, named by its first mention.
      const named = pronounText.test(m.text.trim()) ? dc.primaryCompany : id;
      if (named === undefined) continue;
      const entity = dc.entityOf[named] ?? named;
      if (!companies.has(entity)) companies.set(entity, named);
    }
    if (companies.size < 2 || !dealNoun.test(dc.doc.cleanText.slice(sentence.start, sentence.end))) continue;
    if (companies.size > 2 || !companies.has(party)) return undefined;
    return [...companies.entries()].find(([entity]) => entity !== party)?.[1];
  }
  return undefined;
}

/** `dealPartnerOf` as an item of the sentence, standing at `at` (a pronoun-like stand-in: the name is in another sentence). */
export function dealPartnerItem(ctx: SentenceContext, party: Item, at: number): Item | undefined {
  const dc = ctx.docContext;
  const index = dealPartnerOf(dc, ctx.sentence.index, party.entity);
  const m = index === undefined ? undefined : dc.found.mentions[index];
  if (index === undefined || !m) return undefined;
  return { index, label: 'Company', start: at, end: at, text: m.text, entity: dc.entityOf[index] ?? index, pronoun: true, mention: m };
}

/** How many sentences of a paragraph are read around a sentence for the drug it refers back to. */
const PARAGRAPH_REACH = 6;

/** A blank line between two sentences ends a paragraph. */
const PARAGRAPH_BREAK = /\n[ \t]*\n/;

/** The indices of the sentences of the paragraph that holds sentence `index`, in order. */
function paragraphOf(dc: DocumentContext, index: number): number[] {
  const sentences = dc.doc.sentences;
  const text = dc.doc.cleanText;
  const joins = (a: number, b: number): boolean => {
    const first = sentences[a];
    const second = sentences[b];
    return first !== undefined && second !== undefined && !PARAGRAPH_BREAK.test(text.slice(first.end, second.start));
  };
  let from = index;
  while (from > 0 && index - from < PARAGRAPH_REACH && joins(from - 1, from)) from--;
  let to = index;
  while (to + 1 < sentences.length && to - index < PARAGRAPH_REACH && joins(to, to + 1)) to++;
  return Array.from({ length: to - from + 1 }, (_, k) => from + k);
}

/** The drug mentions of the given sentences, in text order. */
function drugMentions(dc: DocumentContext, sentenceIndices: readonly number[]): number[] {
  return sentenceIndices.flatMap((s) => (dc.bySentence.get(s) ?? []).filter((i) => dc.found.mentions[i]?.label === 'Drug'));
}

/**
 * The one drug a sentence without a drug refers back to ("The Phase 2 trial …", "It is an anti-X antibody"): the only drug the paragraph names before the sentence; when the
 * paragraph names none, the only drug of the paragraph right before it (a paragraph about the drug, then one about its
 * trial). Two drugs before make the reference ambiguous, and nothing is read.
 */
export function referredDrug(dc: DocumentContext, index: number): number | undefined {
  const paragraph = paragraphOf(dc, index);
  let drugs = drugMentions(dc, paragraph);
  const first = paragraph[0] ?? index;
  if (drugs.length === 0 && first > 0) drugs = drugMentions(dc, paragraphOf(dc, first - 1));
  // The drug must be named before the sentence, and only one drug: a drug named after it ("… granted X Fast Track
  // designation", "The success of Y in other trials …") is not what "the trial" refers back to.
  const before = drugs.filter((i) => (dc.found.mentions[i]?.sentenceIndex ?? index) < index);
  const entities = new Set(before.map((i) => dc.entityOf[i] ?? i));
  return entities.size === 1 ? before[before.length - 1] : undefined;
}
