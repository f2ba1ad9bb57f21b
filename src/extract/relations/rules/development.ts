// DEVELOPS Company→Drug and OWNS Company→Technology/Drug: "in development by", "is developing",
// "advancing", "wholly owned by", "our wholly-owned X", "X's proprietary technology", "its Y technology".
import type { SentenceContext, Item } from '../context.ts';
import { headOfRun, listAfter, partiesBefore, subjectBefore, listBefore, nearestAfter, nearestBefore } from '../context.ts';
import { findAll } from '../lexicon.ts';
import { isNegated } from '../hedges.ts';
import type { Emit, SentenceRule } from './types.ts';
import { COMPANY, DRUG, DRUG_OR_TECH, TECH } from './types.ts';

/** "X comprises … and is in development by Y": the drug is the subject the clause coordinates with. */
const COORDINATED_SUBJECT = /(?:,\s*|\s)and\s+(?:is|are)\s+(?:currently\s+|now\s+|being\s+|also\s+)*$/i;

function drugsBefore(ctx: SentenceContext, pos: number): Item[] {
  const before = ctx.text.slice(0, pos);
  if (COORDINATED_SUBJECT.test(before)) {
    const subject = ctx.items.find((it) => it.label === 'Drug' && it.start < pos);
    if (subject) return [subject];
  }
  const list = listBefore(ctx, pos, DRUG, 40);
  if (list.length > 0) return list;
  const near = nearestBefore(ctx, pos, DRUG, 100);
  return near ? [near] : [];
}

const POSSESSIVE_AFTER = /^\s*['’]s?\b/;

function isPossessive(ctx: SentenceContext, item: Item): boolean {
  return POSSESSIVE_AFTER.test(ctx.text.slice(item.end, item.end + 3)) || /^(?:our|its|their)$/i.test(item.text);
}

export const developmentRule: SentenceRule = {
  id: 'develops',
  needs: [COMPANY, DRUG],
  triggers: ['develops.passive', 'develops.active', 'owned.passive', 'owned.modifier', 'develops.noun'],
  apply(ctx: SentenceContext, emit: Emit) {
    // "AB-1 and AB-2, in development by Zeta"
    for (const hit of findAll('develops.passive', ctx.text)) {
      const companies = listAfter(ctx, hit.end, COMPANY, 20);
      if (companies.length === 0) continue;
      for (const drug of drugsBefore(ctx, hit.start)) {
        if (isNegated(ctx.text, drug.end, hit.start)) continue;
        for (const company of companies) emit('DEVELOPS', company, drug, 'develops.in_development_by', 0.9);
      }
    }
    // "Merck is developing X", "A and B will co-develop X and Y", "Genentech began Phase I evaluation of X"
    for (const hit of findAll('develops.active', ctx.text)) {
      let companies = listBefore(ctx, hit.start, COMPANY, 100);
      if (companies.length === 0 || companies.every((c) => c.pronoun)) {
        const parties = partiesBefore(ctx, hit.start);
        if (parties.length > 0) companies = parties;
      }
      if (companies.length === 1 && companies[0]) {
        const subject = subjectBefore(ctx, hit.start, 100);
        companies = subject ? [subject] : [];
      }
      if (companies.length === 0) continue;
      const drugs = listAfter(ctx, hit.end, DRUG, 90, COMPANY);
      if (drugs.length === 0) continue;
      const first = companies[0];
      if (!first || isNegated(ctx.text, first.end, drugs[0]?.start ?? hit.end)) continue;
      for (const company of companies) for (const drug of drugs) emit('DEVELOPS', company, drug, 'develops.company_verb', 0.75);
    }
    // "Merck's investigational X", "our lead candidate X"
    for (const company of ctx.items) {
      if (company.label !== 'Company' || !isPossessive(ctx, company)) continue;
      const drug = nearestAfter(ctx, company.end, DRUG, 50);
      if (!drug) continue;
      const between = ctx.text.slice(company.end, drug.start);
      if (ctx.items.some((it) => it.start >= company.end && it.end <= drug.start)) continue;
      const after = ctx.text.slice(drug.end, drug.end + 40);
      if (findAll('develops.noun', between).length > 0 || /^\s*,\s*(?:an?|the|its|our)\s+(?:[\w-]+\s+){0,4}?(?:investigational|candidate|program|lead)/i.test(after)) {
        emit('DEVELOPS', company, drug, 'develops.possessive_candidate', 0.7);
      }
    }
  },
};

export const ownershipRule: SentenceRule = {
  id: 'owns',
  needs: [COMPANY, DRUG_OR_TECH],
  triggers: ['owned.passive', 'owned.modifier', 'registrant.possessive', 'develops.noun', 'uses_tech.after'],
  apply(ctx: SentenceContext, emit: Emit) {
    // "Two compounds wholly owned by X are in clinical testing — A and B"; "A, wholly owned by X"
    for (const hit of findAll('owned.passive', ctx.text)) {
      const company = nearestAfter(ctx, hit.end, COMPANY, 10);
      if (!company || isNegated(ctx.text, Math.max(0, hit.start - 20), hit.start)) continue;
      let things = listBefore(ctx, hit.start, DRUG_OR_TECH, 30);
      if (things.length === 0) things = listAfter(ctx, company.end, DRUG_OR_TECH, 60, COMPANY);
      // A wholly owned drug is the owner's own programme: DEVELOPS; OWNS is kept for technologies.
      for (const thing of things) {
        if (thing.label === 'Drug') emit('DEVELOPS', company, thing, 'develops.wholly_owned', 0.85);
        else emit('OWNS', company, thing, 'owns.owned_by', 0.85);
      }
    }
    // "our wholly-owned X", "X's proprietary Y technology", "its proprietary platform Y"
    for (const hit of findAll('owned.modifier', ctx.text)) {
      let company = nearestBefore(ctx, hit.start, COMPANY, 16);
      if (company && !isPossessive(ctx, company)) company = undefined;
      if (!company && /\bits\s+$/i.test(ctx.text.slice(Math.max(0, hit.start - 5), hit.start))) company = nearestBefore(ctx, hit.start, COMPANY, 150);
      if (!company) continue;
      const things = listAfter(ctx, hit.end, DRUG_OR_TECH, 40, COMPANY);
      const wholly = hit.text.includes('owned');
      for (const thing of things) {
        if (thing.label === 'Drug') {
          if (wholly) emit('DEVELOPS', company, thing, 'develops.wholly_owned', 0.85);
          continue;
        }
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
    // "using its Tumor-Activated Prodrug (TAP) technology": "its" is no mention; read it from the text.
    for (const tech of ctx.items) {
      if (tech.label !== 'Technology') continue;
      const before = ctx.text.slice(Math.max(0, tech.start - 40), tech.start);
      if (!/\bits\s+(?:own\s+|proprietary\s+|novel\s+|[\w-]+\s+){0,3}$/i.test(before) || /\bits\s+(?:[\w-]+\s+){0,3}$/i.exec(before) === null) continue;
      const itsAt = tech.start - before.length + before.search(/\bits\s+(?:own\s+|proprietary\s+|novel\s+|[\w-]+\s+){0,3}$/i);
      if (ctx.items.some((it) => it.start >= itsAt && it.end <= tech.start)) continue;
      const owner = nearestBefore(ctx, itsAt, COMPANY, 150);
      if (owner) emit('OWNS', owner, tech, 'owns.its_technology', 0.7);
    }
  },
};
