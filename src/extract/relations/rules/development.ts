// DEVELOPS Company→Drug and OWNS Company→Technology/Drug: "in development by", "is developing",
// "advancing", "wholly owned by", "Acme's zorvatinib" (both), "our wholly-owned X", "X's proprietary technology", "its Y technology",
// "being jointly developed with B", "a pipeline which includes X", "B will lead X global development",
// "its MEK inhibitor, X", "its lead drug candidate X" (developed, not owned), "X, A's anti-PD-1 therapy" (owned; developed only when a candidate or the document's own company's),
// "A and B agreed to develop B's candidate X".
import type { SentenceContext, Item } from '../context.ts';
import { clauseSubjectDrug, headOfRun, isPossessive, listAfter, partiesBefore, subjectBefore, listBefore, nearestAfter, nearestBefore } from '../context.ts';
import { isNegated } from '../hedges.ts';
import type { RuleWords } from '../word-lists.ts';
import type { Emit, SentenceRule } from './types.ts';
import { COMPANY, DRUG, DRUG_OR_TECH, TECH } from './types.ts';

export interface DevelopmentPatterns {
  /** "… developed by A in collaboration with B": B develops it too. */
  readonly partnerAfter: RegExp;
  /** "Acme cancer programs, X and Y": a bare company name used as the owner of a programme noun. */
  readonly ownerModifier: RegExp;
  /** "A's X, an investigational …": the name after a possessive is a candidate. */
  readonly candidateAfter: RegExp;
  /** "X, A's anti-PD-1 therapy": the owner named in an apposition right after the drug. */
  readonly appositionKind: RegExp;
  /** "a pipeline which includes X". */
  readonly pipelineIncludes: RegExp;
  /** "B will continue to lead X development": the company leads the drug's development. */
  readonly leadsDevelopment: RegExp;
}

export function compileDevelopmentPatterns(words: RuleWords): DevelopmentPatterns {
  return Object.freeze({
    partnerAfter: new RegExp(`^\\s*,?\\s*(?:${words.alternation('partner.after')})\\s+(?:the\\s+)?$`, 'i'),
    ownerModifier: new RegExp(`^\\s+(?:[\\w-]+\\s+){0,3}?(?:${words.alternation('program.noun')})\\b`, 'i'),
    candidateAfter: new RegExp(`^\\s*,\\s*(?:an?|the|its|our)\\s+(?:[\\w-]+\\s+){0,4}?(?:${words.alternation('candidate.word')})`, 'i'),
    appositionKind: new RegExp(`^\\s*['’]s?\\s+(?:[\\w-]+\\s+){0,4}?(?:${words.alternation('drug.kind')})s?\\b`, 'i'),
    pipelineIncludes: new RegExp(`^\\s*,?\\s*(?:which\\s+|that\\s+)?(?:${words.alternation('pipeline.includes')})\\s+`, 'i'),
    leadsDevelopment: new RegExp(`\\b(?:will|to|is|are|has|have|${words.alternation('development.lead')})\\b`, 'i'),
  });
}

/** "X comprises … and is in development by Y": the drug is the subject the clause coordinates with. */
const COORDINATED_SUBJECT = /(?:,\s*|\s)and\s+(?:is|are)\s+(?:currently\s+|now\s+|being\s+|also\s+)*$/i;

function drugsBefore(ctx: SentenceContext, pos: number): Item[] {
  const before = ctx.text.slice(0, pos);
  if (COORDINATED_SUBJECT.test(before)) {
    const subject = ctx.items.find((it) => it.label === 'Drug' && it.start < pos);
    if (subject) return [subject];
  }
  const list = listBefore(ctx, pos, DRUG, 40);
  if (list.length > 0) return withAppositiveList(ctx, list);
  const near = nearestBefore(ctx, pos, DRUG, 100);
  if (near) return [near];
  // "X is being evaluated in combination with Y … in a trial being conducted by A": the clause's subject.
  const subject = clauseSubjectDrug(ctx, pos);
  return subject ? [subject] : [];
}

/** ", a HER3 directed ADC, ": an apposition between the drugs of a list. */
const APPOSITIVE_GAP = /^\s*,\s*(?:an?|the)\s+[^,;.()]{1,60},\s*(?:and\s+)?$/i;

/** "A, a HER3 directed ADC, B, a CDH6 directed ADC, are …": extends a list back over appositions. */
function withAppositiveList(ctx: SentenceContext, list: Item[]): Item[] {
  const out = [...list];
  for (let first = out[0]; first; first = out[0]) {
    const prev = nearestBefore(ctx, first.start, DRUG, 80);
    if (!prev || ctx.items.some((it) => it.start >= prev.end && it.end <= first.start && it.label !== 'Target' && it.label !== 'Technology')) break;
    const gap = ctx.text.slice(prev.end, first.start);
    if (!APPOSITIVE_GAP.test(gap)) break;
    out.unshift(prev);
  }
  return out;
}

function partnersAfter(ctx: SentenceContext, last: Item): Item[] {
  const next = ctx.items.find((it) => it.start >= last.end && it.label === 'Company' && !it.pronoun);
  if (!next || next.start - last.end > 40 || !ctx.relations.rules.development.partnerAfter.test(ctx.text.slice(last.end, next.start))) return [];
  return listAfter(ctx, next.start, COMPANY, 0);
}

/** The document's main company as an item of this sentence (for "X is being jointly developed with B"). */
function primaryItem(ctx: SentenceContext, at: number): Item | undefined {
  const dc = ctx.docContext;
  const index = dc.primaryCompany;
  const m = index === undefined ? undefined : dc.found.mentions[index];
  if (index === undefined || !m) return undefined;
  return { index, label: 'Company', start: at, end: at, text: m.text, entity: dc.entityOf[index] ?? index, pronoun: true, mention: m };
}

/** The entity of the document's main company, when it has one. */
function primaryEntity(ctx: SentenceContext): number | undefined {
  const index = ctx.docContext.primaryCompany;
  return index === undefined ? undefined : (ctx.docContext.entityOf[index] ?? index);
}

/** An active verb used as a passive or followed by its agent ("developed by"): another rule's case. */
function passiveUse(ctx: SentenceContext, start: number, end: number): boolean {
  if (/^\s+by\b/i.test(ctx.text.slice(end, end + 5))) return true;
  return /ed$/i.test(ctx.text.slice(start, end)) && /\b(?:be|been|being|was|were|is|are)\s+(?:\w+ly\s+)?$/i.test(ctx.text.slice(Math.max(0, start - 24), start));
}

/** Between a verb and the possessive that opens its object: up to three words ("and commercialize"), no clause break. */
const VERB_TO_POSSESSIVE = /^(?:\s*,?\s*[\p{L}-]+){0,3}\s+(?:the\s+)?$/u;

/** The drugs of a verb's object that opens with another company's possessive ("to develop B's candidate X"). */
function possessedObject(ctx: SentenceContext, from: number): Item[] {
  const owner = ctx.items.find((it) => it.start >= from);
  if (!owner || owner.label !== 'Company' || owner.pronoun || !isPossessive(ctx, owner) || !VERB_TO_POSSESSIVE.test(ctx.text.slice(from, owner.start))) return [];
  const drug = nearestAfter(ctx, owner.end, DRUG, 40);
  if (!drug || ctx.items.some((it) => it.start >= owner.end && it.end <= drug.start) || !POSSESSED_GAP.test(ctx.text.slice(owner.end, drug.start))) return [];
  return possessedList(ctx, drug);
}

/** "its lead drug candidate " right before a drug: "its"/"their" and up to four words, none a break. */
const ITS_CANDIDATE_BEFORE = /\b(?:its|their)\s+(?:[\p{L}-]+\s+){0,4}$/iu;

/** A preposition right before a name: the name is its object ("with A", "from A", "under A"). */
const PREPOSITION_BEFORE = /\b(?:with|from|to|by|of|for|under|between|among)\s+(?:the\s+)?$/i;

/** Words that end a possessive's noun phrase before the drug: a preposition, a conjunction, another owner. */
const NOT_OWN_PHRASE = /\b(?:of|for|with|in|to|and|or|by|from|on|at|addition|our|their|its|his|her)\b/i;

/** "A's investigational X", "its MEK inhibitor, X", "Acme cancer programs, X and Y". */
function possessiveCandidates(ctx: SentenceContext, emit: Emit): void {
  const { ownerModifier: ownerNoun, candidateAfter, appositionKind } = ctx.relations.rules.development;
  for (const company of ctx.items) {
    if (company.label !== 'Company') continue;
    const possessive = isPossessive(ctx, company);
    const drug = nearestAfter(ctx, company.end, DRUG, 60);
    if (!drug) continue;
    const between = ctx.text.slice(company.end, drug.start);
    // Diseases, targets and technologies inside the noun phrase are its modifiers ("A's HER2-targeting candidate X").
    if (ctx.items.some((it) => it.start >= company.end && it.end <= drug.start && (it.label === 'Company' || it.label === 'Drug' || it.label === 'Person'))) continue;
    const after = ctx.text.slice(drug.end, drug.end + 40);
    const namesCandidate = ctx.relations.triggers.hasAny('develops.noun', between);
    // "Acme cancer programs, X and Y": a bare company name used as the owner of a programme noun.
    const ownerModifier = !possessive && namesCandidate && ownerNoun.test(between);
    if (!possessive && !ownerModifier) continue;
    if (!namesCandidate && !candidateAfter.test(after)) continue;
    if (isNegated(ctx.triggers, company.start, drug.start)) continue;
    const drugs = ownerModifier || /,\s*$/.test(between) ? listAfter(ctx, drug.start, DRUG, 0, COMPANY) : [drug];
    // Ownership only from a possessive that governs the drug's own noun phrase ("A's lead candidate, X"),
    // not from one a preposition or another owner word stands after ("with A's … our candidate X").
    const owns = possessive && !NOT_OWN_PHRASE.test(between);
    for (const d of drugs) {
      emit('DEVELOPS', company, d, 'develops.possessive_candidate', 0.7);
      if (owns && !licensedFrom(ctx, d)) emit('OWNS', company, d, 'owns.possessive_candidate', 0.65);
    }
  }
  // "evaluating its RANK ligand inhibitor, X": "its/their" + a noun phrase in apposition to the drug.
  for (const drug of ctx.items) {
    if (drug.label !== 'Drug') continue;
    const before = ctx.text.slice(Math.max(0, drug.start - 120), drug.start);
    const its = /\b(its|their)\s+(?:[^\s,;.]+\s+){0,12}?[^\s,;.]+,\s*$/i.exec(before);
    if (its) {
      const at = drug.start - before.length + its.index;
      if (!ctx.items.some((it) => it.start >= at && it.end <= drug.start && (it.label === 'Company' || it.label === 'Drug'))) {
        const owner = subjectBefore(ctx, at, 150);
        if (owner && !isNegated(ctx.triggers, owner.end, drug.start)) {
          emit('DEVELOPS', owner, drug, 'develops.its_candidate', 0.65);
          // "U granted B a licence to its candidate, X": "its" is the giver's, B only holds a licence.
          if (!givenTo(ctx, owner)) emit('OWNS', owner, drug, 'owns.its_candidate', 0.6);
        }
      }
    }
    // "preparing analyses for its lead drug candidate X": "its" + a candidate noun right before the drug, no comma.
    const itsNoun = ITS_CANDIDATE_BEFORE.exec(before);
    if (!its && itsNoun && ctx.relations.triggers.hasAny('develops.noun', itsNoun[0])) {
      const at = drug.start - before.length + itsNoun.index;
      const owner = ctx.items.some((it) => it.start >= at && it.end <= drug.start) ? undefined : itsOwner(ctx, at);
      // A candidate is developed; ownership is said of products and platforms ("its proprietary platform").
      if (owner && !isNegated(ctx.triggers, owner.end, drug.start)) emit('DEVELOPS', owner, drug, 'develops.its_candidate', 0.65);
    }
    // "… with X, its lead therapy candidate": "its" in an apposition after the drug names the clause's subject company.
    const afterDrug = ctx.text.slice(drug.end, drug.end + 80);
    if (/^\s*[®™]?\s*,\s*(?:its|their)\s/i.test(afterDrug) && candidateAfter.test(afterDrug)) {
      const owner = subjectBefore(ctx, drug.start, 150);
      if (owner && !isNegated(ctx.triggers, owner.end, drug.start)) {
        emit('DEVELOPS', owner, drug, 'develops.its_candidate', 0.65);
        emit('OWNS', owner, drug, 'owns.its_candidate', 0.6);
      }
    }
    // "X, A's anti-PD-1 therapy", "X, the Company's oral agonist": the owner named in an apposition right after the drug.
    // A possessive says whose the drug is; that the owner develops it takes a word of development ("A's investigational
    // therapy") or an owner that is the document's own company ("the Company's", "Acme's" in Acme's release): a release's
    // own drugs are its programmes, while another company's marketed drug named beside them is only that company's.
    const owner = nearestAfter(ctx, drug.end, COMPANY, 40);
    if (owner && isPossessive(ctx, owner) && !/^(?:its|their)$/i.test(owner.text) && /^\s*\)?\s*[®™]?\s*(?:\([^()]{0,40}\)\s*)?,\s*$/.test(ctx.text.slice(drug.end, owner.start))) {
      const tail = ctx.text.slice(owner.end, owner.end + 60);
      if (appositionKind.test(tail)) {
        const candidate = ctx.relations.triggers.hasAny('develops.noun', tail);
        if (candidate || owner.pronoun || owner.entity === primaryEntity(ctx)) emit('DEVELOPS', owner, drug, 'develops.apposition_owner', 0.65);
        // "X, the Company's vaccine candidate": a programme in development, not yet a product the company is said to own.
        if (!candidate) emit('OWNS', owner, drug, 'owns.apposition_owner', 0.6);
      }
    }
  }
}

export const developmentRule: SentenceRule = {
  id: 'develops',
  needs: [COMPANY, DRUG],
  triggers: ['develops.passive', 'develops.passive_with', 'develops.active', 'owned.passive', 'owned.modifier', 'develops.noun', 'develops.pipeline', 'develops.drug_development', 'develops.possessive', 'registrant.possessive'],
  apply(ctx: SentenceContext, emit: Emit) {
    // "AB-1 and AB-2, in development by Zorix"; "… being developed by A in collaboration with B"
    const { pipelineIncludes, leadsDevelopment } = ctx.relations.rules.development;
    for (const hit of ctx.triggers.findAll('develops.passive')) {
      const companies = listAfter(ctx, hit.end, COMPANY, 20);
      const last = companies[companies.length - 1];
      if (!last) continue;
      companies.push(...partnersAfter(ctx, last));
      for (const drug of drugsBefore(ctx, hit.start)) {
        if (isNegated(ctx.triggers, drug.end, hit.start)) continue;
        for (const company of companies) emit('DEVELOPS', company, drug, 'develops.in_development_by', 0.9);
      }
    }
    // "X and Y are being jointly developed and commercialized with B": B and the announcing company.
    for (const hit of ctx.triggers.findAll('develops.passive_with')) {
      const partner = ctx.items.find((it) => it.label === 'Company' && it.start >= hit.end && it.start - hit.end <= 60 && /^[^;.]*?\bwith\s+(?:the\s+)?$/i.test(ctx.text.slice(hit.end, it.start)));
      if (!partner || /^[^;.]*?\bby\s/i.test(ctx.text.slice(hit.end, partner.start))) continue;
      const drugs = drugsBefore(ctx, hit.start);
      if (drugs.length === 0 || isNegated(ctx.triggers, drugs[0]?.end ?? hit.start, hit.start)) continue;
      const self = primaryItem(ctx, hit.start);
      for (const company of [...listAfter(ctx, partner.start, COMPANY, 0), ...(self ? [self] : [])]) {
        for (const drug of drugs) emit('DEVELOPS', company, drug, 'develops.developed_with', 0.75);
      }
    }
    // "Acme is developing X", "A and B will co-develop X and Y", "Zorvexa began Phase I evaluation of X"
    for (const hit of ctx.triggers.findAll('develops.active')) {
      if (passiveUse(ctx, hit.start, hit.end)) continue;
      let companies = listBefore(ctx, hit.start, COMPANY, 100);
      if (companies.length === 0 || companies.every((c) => c.pronoun)) {
        const parties = partiesBefore(ctx, hit.start);
        if (parties.length > 0) companies = parties;
      }
      // "Under the agreement with A, B will develop X": names joined by a bare comma after a preposition are the
      // preposition's object and the clause's subject, not a coordinated subject ("A and B will co-develop X").
      const firstCompany = companies[0];
      if (
        companies.length > 1 &&
        firstCompany &&
        PREPOSITION_BEFORE.test(ctx.text.slice(Math.max(0, firstCompany.start - 20), firstCompany.start)) &&
        !companies.some((c, k) => k > 0 && /\band\b|&/i.test(ctx.text.slice(companies[k - 1]?.end ?? c.start, c.start)))
      ) {
        companies = companies.slice(-1);
      }
      if (companies.length === 1 && companies[0]) {
        const subject = subjectBefore(ctx, hit.start, 100);
        companies = subject ? [subject] : [];
      }
      if (companies.length === 0) continue;
      // "We developed and are commercializing X® (x) …": brand and generic written together are one list.
      const drugs = listAfter(ctx, hit.end, DRUG, 90, COMPANY);
      // "A and B entered into an agreement to develop and commercialize B's drug candidate X": the possessive names the
      // drug's owner inside the verb's object; the subject develops it as well.
      if (drugs.length === 0) drugs.push(...possessedObject(ctx, hit.end));
      const lastDrug = drugs[drugs.length - 1];
      const paired = lastDrug ? ctx.items.find((it) => it.label === 'Drug' && it.start > lastDrug.end && /^\s*[®™]?\s*\(\s*$/.test(ctx.text.slice(lastDrug.end, it.start))) : undefined;
      if (paired) drugs.push(paired);
      if (drugs.length === 0) continue;
      const first = companies[0];
      if (!first || isNegated(ctx.triggers, first.end, drugs[0]?.start ?? hit.end)) continue;
      for (const company of companies) for (const drug of drugs) emit('DEVELOPS', company, drug, 'develops.company_verb', 0.75);
    }
    // "A … has a late-stage pipeline which includes X"
    for (const hit of ctx.triggers.findAll('develops.pipeline')) {
      const includes = pipelineIncludes.exec(ctx.text.slice(hit.end, hit.end + 30));
      if (!includes) continue;
      const owner = subjectBefore(ctx, hit.start, 150) ?? nearestBefore(ctx, hit.start, COMPANY, 20);
      if (!owner || isNegated(ctx.triggers, owner.end, hit.start)) continue;
      for (const drug of listAfter(ctx, hit.end + includes[0].length, DRUG, 40, COMPANY)) emit('DEVELOPS', owner, drug, 'develops.pipeline_includes', 0.75);
    }
    // "B will continue to lead ongoing X global development"; "A will co-fund the X development plan"
    for (const drug of ctx.items) {
      if (drug.label !== 'Drug' || !/^\s*[®™]?\s*(?:[\w-]+\s+){0,2}?development\b/i.test(ctx.text.slice(drug.end, drug.end + 40))) continue;
      const company = subjectBefore(ctx, drug.start, 100);
      if (!company || ctx.items.some((it) => it.start > company.end && it.end <= drug.start && (it.label === 'Company' || it.label === 'Drug'))) continue;
      if (isNegated(ctx.triggers, company.end, drug.start) || !leadsDevelopment.test(ctx.text.slice(company.end, drug.start))) continue;
      emit('DEVELOPS', company, drug, 'develops.drug_development', 0.65);
    }
    possessiveCandidates(ctx, emit);
  },
};

/** Between "X's" and its drug: the possessive mark, a bracketed ticker, up to three describing words. */
const POSSESSED_GAP = /^['’]s?\s+(?:\([^()]{1,30}\)\s*)?(?:(?!(?:of|for|with|in|to|and|or|by|from|on|at|versus|vs)\b)[\p{L}-]+\s+){0,3}(?:[\p{L}-]+\s*[®™]?\s*\(\s*)?$/iu;

/**
 * "A's trial evaluating X", "A's study combining X": a participle after the possessed noun takes the drug as its
 * object, so the possessive owns the trial, not the drug ("A's promising candidate X": the first word describes).
 */
const PARTICIPLE_BEFORE = /^['’]s?\s+(?:\([^()]{1,30}\)\s*)?[\p{L}-]+\s+(?:[\p{L}-]+\s+)?[\p{L}]+ing\s+$/iu;

/** Between a drug and "licensed from B": its other name in brackets, a comma, "which was", an adverb. */
const BEFORE_LICENSED_FROM = /^\s*[®™]?\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:(?:which|that)\s+(?:it\s+|was\s+|is\s+|has\s+been\s+)|[\p{L}]+ly\s+)*$/iu;

/** "A's X, licensed from B": the possessor holds a licence from X's owner, B; it does not own X. */
function licensedFrom(ctx: SentenceContext, drug: Item): boolean {
  return ctx.triggers.findAll('license.receive', drug.end, Math.min(ctx.text.length, drug.end + 80)).some((hit) => BEFORE_LICENSED_FROM.test(ctx.text.slice(drug.end, hit.start)));
}

/** "Brand (inn)": the bracket that gives a drug's other name. */
const ALIAS_OPEN = /^\s*[®™]?\s*\(\s*$/;
/** "Brand (inn) and Brand2 (inn2)": the next drug of a possessed list of paired names ("A's X and Y" stays ambiguous: only X). */
const POSSESSED_NEXT = /^\s*\)\s*(?:,\s*(?:and\s+)?|and\s+)$/;

/** The drug after a possessive, its bracketed other name and the drugs coordinated with it ("A's B (b) and C (c)"). */
function possessedList(ctx: SentenceContext, first: Item): Item[] {
  const out = [first];
  for (const it of ctx.items) {
    const last = out[out.length - 1];
    if (!last || it.start < last.end) continue;
    const gap = ctx.text.slice(last.end, it.start);
    if (it.label !== 'Drug' || !(ALIAS_OPEN.test(gap) || POSSESSED_NEXT.test(gap))) break;
    out.push(it);
  }
  return out;
}

export const ownershipRule: SentenceRule = {
  id: 'owns',
  needs: [COMPANY, DRUG_OR_TECH],
  triggers: ['owned.passive', 'owned.modifier', 'registrant.possessive', 'develops.noun', 'uses_tech.after', 'develops.possessive'],
  apply(ctx: SentenceContext, emit: Emit) {
    // "Two compounds wholly owned by X are in clinical testing — A and B"; "A, wholly owned by X";
    // "A's Y program, including X, … remains wholly owned by A"
    for (const hit of ctx.triggers.findAll('owned.passive')) {
      const company = nearestAfter(ctx, hit.end, COMPANY, 10);
      if (!company || isNegated(ctx.triggers, Math.max(0, hit.start - 20), hit.start)) continue;
      let things = listBefore(ctx, hit.start, DRUG_OR_TECH, 30);
      if (things.length === 0) things = listAfter(ctx, company.end, DRUG_OR_TECH, 60, COMPANY);
      if (things.length === 0) {
        const subject = clauseSubjectThing(ctx, hit.start);
        if (subject) things = [subject];
      }
      // A wholly owned drug is the owner's own programme: it owns and develops it.
      for (const thing of things) {
        if (thing.label === 'Drug') emit('DEVELOPS', company, thing, 'develops.wholly_owned', 0.85);
        emit('OWNS', company, thing, 'owns.owned_by', 0.85);
      }
    }
    // "our wholly-owned X", "X's proprietary Y technology", "its proprietary platform Y"
    for (const hit of ctx.triggers.findAll('owned.modifier')) {
      let company = nearestBefore(ctx, hit.start, COMPANY, 16);
      if (company && !isPossessive(ctx, company)) company = undefined;
      if (!company && /\bits\s+$/i.test(ctx.text.slice(Math.max(0, hit.start - 5), hit.start))) company = itsOwner(ctx, hit.start);
      if (!company) continue;
      const things = listAfter(ctx, hit.end, DRUG_OR_TECH, 40, COMPANY);
      const wholly = hit.text.includes('owned');
      for (const thing of things) {
        // "our wholly-owned X", "A's proprietary antibody X": owned, and a wholly owned drug is developed by its owner.
        if (thing.label === 'Drug' && wholly) emit('DEVELOPS', company, thing, 'develops.wholly_owned', 0.85);
        emit('OWNS', company, thing, wholly ? 'owns.wholly_owned' : 'owns.proprietary', 0.85);
      }
    }
    // "ImmunoGen's maytansinoid TAP technology", "its TAP technology"
    for (const company of ctx.items) {
      if (company.label !== 'Company') continue;
      let owner: Item | undefined = company;
      if (!isPossessive(ctx, company)) continue;
      if (/^its$/i.test(company.text)) owner = nearestBefore(ctx, company.start, COMPANY, 150);
      if (!owner) continue;
      const tech = headOfRun(ctx, nearestAfter(ctx, company.end, TECH, 40));
      if (!tech || ctx.items.some((it) => it.start >= company.end && it.end <= tech.start && it.label !== 'Technology')) continue;
      emit('OWNS', owner, tech, 'owns.possessive_technology', 0.75);
    }
    // "Acme's zorvatinib", "Zorvexa's (NYSE: ZRVX) BRANDX", "Kelvar's oral QX-12": a drug
    // named as a company's own, which it owns and works on. Only describing words may stand between
    // (no preposition: "X's trial of D" says whose trial, not whose drug).
    for (const company of ctx.items) {
      if (company.label !== 'Company' || company.pronoun || !isPossessive(ctx, company)) continue;
      const drug = nearestAfter(ctx, company.end, DRUG, 40);
      // A ticker bracket ("(NYSE: LLY)") may hold a mention of the exchange; nothing else may stand between.
      const inTicker = (it: Item): boolean => /^['’]s?\s+\($/.test(ctx.text.slice(company.end, it.start).trimEnd()) || /^['’]s?\s+\([^()]*$/.test(ctx.text.slice(company.end, it.start));
      if (!drug || ctx.items.some((it) => it.start >= company.end && it.end <= drug.start && !inTicker(it))) continue;
      const gap = ctx.text.slice(company.end, drug.start);
      if (!POSSESSED_GAP.test(gap) || PARTICIPLE_BEFORE.test(gap)) continue;
      // "A's X is an investigational vaccine candidate": the sentence calls X a programme in development, which the
      // possessive's owner develops; ownership is said of products and platforms, not of candidates.
      const candidate = ctx.relations.triggers.hasAny('develops.noun', ctx.text.slice(company.end, Math.min(ctx.text.length, drug.end + 60)));
      for (const owned of possessedList(ctx, drug)) {
        if (licensedFrom(ctx, owned)) continue;
        if (!candidate) emit('OWNS', company, owned, 'owns.possessive_drug', 0.7);
        emit('DEVELOPS', company, owned, 'develops.possessive_drug', 0.65);
      }
    }
    // "using its Tumor-Activated Prodrug (TAP) technology": "its" is no mention; read it from the text.
    for (const tech of ctx.items) {
      if (tech.label !== 'Technology') continue;
      const before = ctx.text.slice(Math.max(0, tech.start - 40), tech.start);
      if (!/\bits\s+(?:own\s+|proprietary\s+|novel\s+|[\w-]+\s+){0,3}$/i.test(before) || /\bits\s+(?:[\w-]+\s+){0,3}$/i.exec(before) === null) continue;
      const itsAt = tech.start - before.length + before.search(/\bits\s+(?:own\s+|proprietary\s+|novel\s+|[\w-]+\s+){0,3}$/i);
      if (ctx.items.some((it) => it.start >= itsAt && it.end <= tech.start)) continue;
      const owner = itsOwner(ctx, itsAt);
      if (owner) emit('OWNS', owner, tech, 'owns.its_technology', 0.7);
    }
  },
};

/** A company named right after a verb of giving: the receiver of a grant ("U granted B a licence to its platform"), not the subject. */
const GIVEN_TO = /\b(?:grant|grants|granted|granting|give|gives|gave|giving|provide|provides|provided|providing|offer|offers|offered|offering)\s+(?:to\s+)?(?:the\s+)?$/i;
/** "its subsidiary, ", "its wholly owned partner ": a possessed noun right before a company named in apposition to it. */
const ITS_NOUN_BEFORE = /\bits\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+,?\s+$/u;

/**
 * The company an "its" at `pos` refers to: the nearest company before it, unless that company receives what
 * the clause's subject gives ("U has granted B a licence to its platform": "its" is U's, so B owns nothing);
 * then the giver, when it is a company.
 */
function itsOwner(ctx: SentenceContext, pos: number): Item | undefined {
  const nearest = nearestBefore(ctx, pos, COMPANY, 150);
  if (!nearest || (!givenTo(ctx, nearest) && !namesWhatItsPossesses(ctx, nearest))) return nearest;
  return nearestBefore(ctx, nearest.start, COMPANY, 150);
}

/**
 * "A … through its subsidiary, B, and advancing its platform": B names a thing an earlier "its"
 * possesses (a subsidiary, a partner), so a later "its" in the clause still stands for A.
 */
function namesWhatItsPossesses(ctx: SentenceContext, company: Item): boolean {
  return ITS_NOUN_BEFORE.test(ctx.text.slice(Math.max(0, company.start - 40), company.start));
}

/** Whether a company stands right after a verb of giving, as its receiver. */
function givenTo(ctx: SentenceContext, company: Item): boolean {
  return GIVEN_TO.test(ctx.text.slice(Math.max(0, company.start - 24), company.start));
}

/** "A's FGF19 program, including X, is excluded … and remains wholly owned by A": the drug the clause is about. */
function clauseSubjectThing(ctx: SentenceContext, pos: number): Item | undefined {
  const things = ctx.items.filter((it) => it.end <= pos && DRUG_OR_TECH.includes(it.label));
  if (things.length !== 1 || !things[0]) return undefined;
  const thing = things[0];
  const between = ctx.text.slice(thing.end, pos);
  if (/;/.test(between) || ctx.items.some((it) => it.start >= thing.end && it.end <= pos && it.label === 'Company' && !isPossessive(ctx, it))) return undefined;
  return /\b(?:is|are|remains?|was|were)\b/i.test(between) ? thing : undefined;
}
