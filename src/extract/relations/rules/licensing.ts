// LICENSES_TO licensor→licensee and LICENSES licensee→Technology/Drug: "A granted B an exclusive
// license to X", "B will be granted a license", "X was licensed to B by A", "B licensed X from A",
// "B will obtain exclusive global rights to X", "the agreement granting B the right … using A's X",
// "B, through the license granted by A", "B licensed A's X", and, over the document, licences directed
// by payments, by the defined terms "Licensor" / "Licensee" and, for a licence read without its grantor
// ("Under the agreement, B has the right to develop X"), by the deal the passage names (dealPartnerOf).
import type { Properties } from '../../../model/graph.ts';
import type { RelationFact } from '../../../model/extraction.ts';
import type { DocumentContext } from '../context.ts';
import type { Item, SentenceContext } from '../context.ts';
import { crossesClause, dealPartnerOf, distinctEntities, isPossessive, listAfter, nearestAfter, nearestBefore } from '../context.ts';
import { isNegated } from '../hedges.ts';
import { agreementYears } from '../dates.ts';
import type { RuleWords } from '../word-lists.ts';
import type { Emit, SentenceRule } from './types.ts';
import { COMPANY, DRUG_OR_TECH, TARGET } from './types.ts';

export interface LicensingPatterns {
  /** What a right that is no licence lets one do: end, leave or join the deal, be paid, name people. */
  readonly contractRight: RegExp;
  /**
   * "for two of A cancer programs, X and Y", "for A's product candidates X, Y and Z": a list of drugs
   * introduced by a programme noun after a licence noun.
   */
  readonly programListIntro: RegExp;
  /** "A has recorded licensing income from B, C and D" (global: read with matchAll). */
  readonly licenceIncomeFrom: RegExp;
  /** Ends right before a company named as a party's relative in an apposition: "A, a subsidiary of B, and C …" (B). */
  readonly partyRelativeBefore: RegExp;
}

export function compileLicensingPatterns(words: RuleWords): LicensingPatterns {
  return Object.freeze({
    contractRight: new RegExp(`^\\s+(?:to|of)\\s+(?:${words.alternation('contract_right')})\\b`, 'i'),
    programListIntro: new RegExp(`\\bfor\\s+(?:(?:${words.alternation('program.quantity')})\\s+of\\s+)?(?:its\\s+|the\\s+)?[^,;.]{0,60}?\\b(?:${words.alternation('program.list_noun')})\\s*[,:]?\\s*(?:including\\s+)?$`, 'i'),
    licenceIncomeFrom: new RegExp(`\\blicen[cs](?:e|ing)\\s+(?:${words.alternation('licence.income')})\\s+from\\s+(?:the\\s+)?`, 'gi'),
    partyRelativeBefore: new RegExp(`\\b(?:an?\\s+|the\\s+)?(?:${words.alternation('licence.party_relative')})\\s+(?:the\\s+)?$`, 'i'),
  });
}

/** The drug or technology the sentence opens with, when it is what a passive licence is about. */
function drugsOrTechBefore(ctx: SentenceContext, pos: number): Item[] {
  const first = ctx.items.find((it) => it.end <= pos);
  return first && DRUG_OR_TECH.includes(first.label) ? [first] : [];
}

/** What the licence covers: the first drug or technology after `pos` in the clause. */
function subjectsAfter(ctx: SentenceContext, pos: number): Item[] {
  return listAfter(ctx, pos, DRUG_OR_TECH, 150);
}

/** The owner named in a possessive just before the subject ("using A's maytansinoid technology"). */
function possessiveOwner(ctx: SentenceContext, subject: Item | undefined): Item | undefined {
  if (!subject) return undefined;
  const owner = nearestBefore(ctx, subject.start, COMPANY, 40);
  if (!owner || !/^\s*['’]s?\b/.test(ctx.text.slice(owner.end, owner.end + 3))) return undefined;
  return owner;
}

/** The one company of the sentence that is neither `a` nor pronoun-only, when there is exactly one. */
function otherCompany(ctx: SentenceContext, not: Item): Item | undefined {
  const others = distinctEntities(ctx.items.filter((it) => it.label === 'Company' && it.entity !== not.entity));
  return others.length === 1 ? others[0] : undefined;
}

function licenceProperties(ctx: SentenceContext, from: number, subjects: Item[]): Properties {
  const window = ctx.text.slice(from, Math.min(ctx.text.length, from + 200));
  const props: Properties = {};
  const lexicon = ctx.relations.triggers;
  if (lexicon.hasAny('license.nonexclusive', window)) props.exclusive = false;
  else if (ctx.triggers.hasAny('license.exclusive')) props.exclusive = true;
  const territory = lexicon.findFirst('license.territory', window);
  if (territory) props.territory = territory.text;
  const field = ctx.triggers.findFirst('license.field', from);
  if (field) {
    const target = nearestAfter(ctx, field.end, TARGET, 20);
    if (target) props.field = target.mention.canonical;
  }
  const years = agreementYears(ctx.text);
  if (years.year !== undefined) props.year = years.year;
  if (years.amendedYears.length > 0) props.amendedYears = years.amendedYears;
  const first = subjects[0];
  if (first) props.subject = first.mention.canonical;
  return props;
}

function emitLicence(ctx: SentenceContext, emit: Emit, licensor: Item, licensee: Item, subjects: Item[], from: number, rule: string, confidence: number): void {
  if (licensor.entity === licensee.entity) return;
  emit('LICENSES_TO', licensor, licensee, rule, confidence, licenceProperties(ctx, from, subjects));
  for (const subject of subjects) emit('LICENSES', licensee, subject, rule, confidence);
}

/** Whether the company is named as another party's parent or affiliate ("…, a subsidiary of B"). */
function isPartyRelative(ctx: SentenceContext, company: Item): boolean {
  return ctx.relations.rules.licensing.partyRelativeBefore.test(ctx.text.slice(Math.max(0, company.start - 40), company.start));
}

/** The one company before `pos` that is neither the licensee nor a party's relative, when there is exactly one. */
function onePartyBefore(ctx: SentenceContext, pos: number, licensee: Item): Item | undefined {
  const parties = distinctEntities(ctx.items.filter((it) => it.label === 'Company' && it.end <= pos && it.entity !== licensee.entity && !it.pronoun && !isPartyRelative(ctx, it)));
  return parties.length === 1 ? parties[0] : undefined;
}

const PASSIVE_BEFORE = /\b(?:be|been|being|was|were|is|are)\s+(?:now\s+|also\s+)?$/i;

export const licensingRule: SentenceRule = {
  id: 'licenses',
  needs: [COMPANY],
  triggers: ['license.grant', 'license.receive', 'license.obtain', 'license.noun'],
  apply(ctx: SentenceContext, emit: Emit) {
    const done = new Set<string>();
    const once = (licensor: Item, licensee: Item): boolean => {
      const key = `${licensor.entity}>${licensee.entity}`;
      if (done.has(key)) return false;
      done.add(key);
      return true;
    };
    const { contractRight, licenceIncomeFrom } = ctx.relations.rules.licensing;
    for (const hit of ctx.triggers.findAll('license.grant')) {
      if (isNegated(ctx.triggers, Math.max(0, hit.start - 25), hit.start)) continue;
      // "B, through the license granted by A, will …": a participle with its agent names the licensor
      // after "by" and the licensee before the licence noun it qualifies.
      const agent = ctx.items.find((it) => it.label === 'Company' && it.start > hit.end && /^\s+by\s+(?:the\s+)?$/i.test(ctx.text.slice(hit.end, it.start)));
      if (agent && !PASSIVE_BEFORE.test(ctx.text.slice(Math.max(0, hit.start - 20), hit.start))) {
        const noun = ctx.triggers.findFirst('license.noun', Math.max(0, hit.start - 30), hit.start);
        // "the license granted by A to B": B after "to" is the licensee; else the party the licence noun qualifies.
        const toParty = ctx.items.find((it) => it.label === 'Company' && it.start > agent.end && /^\s+to\s+(?:the\s+)?$/i.test(ctx.text.slice(agent.end, it.start)));
        const licensee = noun ? (toParty ?? nearestBefore(ctx, noun.start, COMPANY, 60)) : undefined;
        if (licensee && licensee.entity !== agent.entity && !crossesClause(ctx, licensee.end, noun?.start ?? hit.start) && once(agent, licensee))
          emitLicence(ctx, emit, agent, licensee, subjectsAfter(ctx, agent.end), hit.start, 'licenses_to.granted_by', 0.75);
        continue;
      }
      const passive = PASSIVE_BEFORE.test(ctx.text.slice(Math.max(0, hit.start - 20), hit.start));
      const isLicensedVerb = /licen[cs]e/i.test(hit.text);
      if (passive) {
        // "B will be granted an exclusive license"; "X was licensed to B by A"
        const toB = /^[^;]{0,40}?\bto\s+$/i;
        let licensee: Item | undefined;
        const after = nearestAfter(ctx, hit.end, COMPANY, 45);
        // "B has been granted a licence to A's patents": a company in the possessive after "to" owns what is licensed; B is the licensee.
        if (after && !isPossessive(ctx, after) && toB.test(ctx.text.slice(hit.end, after.start))) licensee = after;
        else licensee = nearestBefore(ctx, hit.start, COMPANY, 60);
        if (!licensee) continue;
        const by = ctx.items.find((it) => it.label === 'Company' && it.start > hit.end && /\bby\s+$/i.test(ctx.text.slice(Math.max(0, it.start - 4), it.start)) && it.entity !== licensee.entity);
        const subjects = licensee.start > hit.end ? listAfter(ctx, 0, DRUG_OR_TECH, hit.start).filter((s) => s.end <= hit.start) : subjectsAfter(ctx, hit.end);
        const licensor = by ?? possessiveOwner(ctx, subjects[0]) ?? otherCompany(ctx, licensee);
        if (licensor && once(licensor, licensee)) emitLicence(ctx, emit, licensor, licensee, subjects, hit.start, 'licenses_to.passive_grant', 0.75);
        continue;
      }
      if (isLicensedVerb) {
        // "A licensed X to B", "A out-licenses its technology to B"
        const licensee = ctx.items.find((it) => it.label === 'Company' && it.start > hit.end && it.start - hit.end < 120 && /\bto\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, it.start - 8), it.start)));
        // "X was invented at U and licensed to B by A": the agent after "by" is the licensor.
        const agent = licensee ? ctx.items.find((it) => it.label === 'Company' && it.start > licensee.end && it.start - licensee.end < 8 && /^\s*by\s+(?:the\s+)?$/i.test(ctx.text.slice(licensee.end, it.start))) : undefined;
        const licensor = agent ?? nearestBefore(ctx, hit.start, COMPANY, 100);
        if (!licensee || !licensor || crossesClause(ctx, hit.end, licensee.start)) continue;
        const subjects = agent ? drugsOrTechBefore(ctx, hit.start) : subjectsAfter(ctx, hit.end).filter((s) => s.end <= licensee.start);
        if (once(licensor, licensee)) emitLicence(ctx, emit, licensor, licensee, subjects, hit.start, agent ? 'licenses_to.licensed_to_by' : 'licenses_to.licensed_to', 0.8);
        continue;
      }
      // "A has granted B an exclusive license to X"; "the agreement granting B the exclusive right to … A's X"
      const licensee = nearestAfter(ctx, hit.end, COMPANY, 20);
      if (!licensee) continue;
      const noun = ctx.triggers.findFirst('license.noun', licensee.end, Math.min(ctx.text.length, licensee.end + 60));
      // "grants B a right of first refusal", "the right to terminate": a contract right, not a licence.
      if (!noun || contractRight.test(ctx.text.slice(noun.end, noun.end + 40))) continue;
      const subjects = subjectsAfter(ctx, noun.end);
      let licensor = nearestBefore(ctx, hit.start, COMPANY, 120);
      // "A, a subsidiary of B, and C, an affiliate of D, entered into an agreement granting C …": B and D are
      // relatives named in appositions, not parties; the grantor is the one other party before the verb.
      if (licensor && isPartyRelative(ctx, licensor)) licensor = onePartyBefore(ctx, hit.start, licensee);
      else if (!licensor || licensor.entity === licensee.entity) licensor = possessiveOwner(ctx, subjects[0]) ?? otherCompany(ctx, licensee);
      if (licensor && once(licensor, licensee)) emitLicence(ctx, emit, licensor, licensee, subjects, hit.start, 'licenses_to.granting_right', 0.85);
    }
    // "B licensed X from A", "B holds rights from A"
    for (const hit of ctx.triggers.findAll('license.receive')) {
      const licensor = nearestAfter(ctx, hit.end, COMPANY, 12);
      const licensee = licensor ? nearestBefore(ctx, hit.start, COMPANY, 150) : undefined;
      if (!licensor || !licensee || isNegated(ctx.triggers, licensee.end, hit.start)) continue;
      const subjects = ctx.items.filter((it) => DRUG_OR_TECH.includes(it.label) && it.start > licensee.end && it.end <= hit.start);
      if (once(licensor, licensee)) emitLicence(ctx, emit, licensor, licensee, subjects, licensee.end, 'licenses_to.licensed_from', 0.8);
    }
    // "B will obtain exclusive global rights to X", "B has exercised its option to license X"
    for (const hit of ctx.triggers.findAll('license.obtain')) {
      const licensee = nearestBefore(ctx, hit.start, COMPANY, 40);
      if (!licensee || isNegated(ctx.triggers, licensee.end, hit.start)) continue;
      // "B in-licensed X from A" needs no licence noun; "B will obtain … rights to X" does.
      const verbIsLicence = /licen[cs]/.test(hit.text);
      const noun = verbIsLicence ? { end: hit.end } : ctx.triggers.findFirst('license.noun', hit.end, Math.min(ctx.text.length, hit.end + 50));
      if (!noun) continue;
      // "will have the right to terminate …", "rights to receive royalties": a contract right, not a licence.
      if (!verbIsLicence && contractRight.test(ctx.text.slice(noun.end, noun.end + 40))) continue;
      // "B will have the right to license X to C": a right to grant licences is the holder's to give, no licence it takes.
      if (!verbIsLicence && /^\s+to\s+(?:sub-?|out-?)?licen[cs]e\b/i.test(ctx.text.slice(noun.end, noun.end + 24))) continue;
      // "B will have the option to license X from A": an option to a licence is no licence yet (HAS_OPTION_ON reads it); an exercised one is.
      if (!verbIsLicence && !/^exercis/i.test(hit.text) && /\boptions?\b/i.test(ctx.text.slice(hit.end, Math.max(hit.end, noun.end - 1)))) continue;
      // A full stop the sentence splitter let through ("… Agreement. mRNA-based X …") ends what the licence covers.
      const stop = ctx.text.slice(noun.end).search(/\.\s+\S/);
      const cut = stop < 0 ? ctx.text.length : noun.end + stop;
      const subjects = subjectsAfter(ctx, noun.end).filter((s) => s.end <= cut);
      const from = ctx.items.find((it) => it.label === 'Company' && it.start > noun.end && /\bfrom\s+$/i.test(ctx.text.slice(Math.max(0, it.start - 6), it.start)));
      // "A licensed X to B": a bare "licensed" with the partner after "to" is an out-licence (the license.grant reading), never one from B.
      const outTo = !from && /^licen[cs]e[sd]?$/i.test(hit.text) && ctx.items.some((it) => it.label === 'Company' && it.start > hit.end && /\bto\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, it.start - 8), it.start)));
      if (outTo) continue;
      // "A licensed B the rights to X": a bare "licensed" with a company right after it names the licensee (the
      // indirect object), so the subject before the verb is the licensor, not the one who obtains.
      const dative = /^licen[cs]e[sd]?$/i.test(hit.text) ? ctx.items.find((it) => it.label === 'Company' && it.start >= hit.end && /^\s+(?:the\s+)?$/i.test(ctx.text.slice(hit.end, it.start))) : undefined;
      if (dative) {
        // "B licensed A's X": a company in the possessive after the verb owns what is licensed, so it is
        // the licensor and the subject before the verb took the licence.
        if (isPossessive(ctx, dative)) {
          // What the possessive names ("A's preclinical antibody X"), not what the licence is then used for ("to develop Y").
          const owned = subjectsAfter(ctx, dative.end).filter((s) => s.end <= cut && !/\bto\s|[,;]/.test(ctx.text.slice(dative.end, s.start)));
          if (!from && once(dative, licensee)) emitLicence(ctx, emit, dative, licensee, owned, hit.start, 'licenses_to.licensed_owners_asset', 0.7);
        } else if (!from && once(licensee, dative)) emitLicence(ctx, emit, licensee, dative, subjects, hit.start, 'licenses_to.licensed_to', 0.7);
        continue;
      }
      const fallback = otherCompany(ctx, licensee);
      const licensor = from ?? possessiveOwner(ctx, subjects[0]) ?? (fallback && fallback.start < cut ? fallback : undefined);
      if (licensor && once(licensor, licensee)) emitLicence(ctx, emit, licensor, licensee, subjects, hit.start, 'licenses_to.obtains_rights', 0.7);
    }
    // "A has recorded licensing income from B, C and D": who earns licence income licenses to the payers.
    for (const income of ctx.text.matchAll(licenceIncomeFrom)) {
      const incomeEnd = income.index + income[0].length;
      const first = ctx.items.find((it) => it.label === 'Company' && it.start === incomeEnd);
      const licensor = first ? nearestBefore(ctx, income.index, COMPANY, 150) : undefined;
      if (!first || !licensor || isNegated(ctx.triggers, licensor.end, income.index)) continue;
      const payers = [first];
      for (const next of ctx.items.filter((it) => it.label === 'Company' && it.start > first.end)) {
        const last = payers[payers.length - 1];
        if (!last || !LIST_GAP.test(ctx.text.slice(last.end, next.start))) break;
        payers.push(next);
      }
      for (const licensee of payers) if (once(licensor, licensee)) emitLicence(ctx, emit, licensor, licensee, [], income.index, 'licenses_to.licence_income_from', 0.7);
    }
    // "A and B entered into a license agreement for X, A's investigational …": the owner of X licenses it.
    if (done.size === 0 && ctx.triggers.hasAny('license.noun') && /\bagreement\b/i.test(ctx.text)) {
      const companies = distinctEntities(ctx.items.filter((it) => it.label === 'Company'));
      if (companies.length !== 2) return;
      const nouns = ctx.triggers.findAll('license.noun');
      // "the license agreement … for two of A cancer programs, X and Y": A owns the listed programs.
      const listed = programList(ctx, nouns);
      const listOwner = listed.owner;
      if (listOwner && listed.subjects.length > 0) {
        const licensee = companies.find((c) => c.entity !== listOwner.entity);
        if (licensee && once(listOwner, licensee)) emitLicence(ctx, emit, listOwner, licensee, listed.subjects, 0, 'licenses_to.owner_program_list', 0.6);
      }
      for (const subject of ctx.items.filter((it) => DRUG_OR_TECH.includes(it.label))) {
        // The licence must be about this subject: "a license agreement for X", not a name two clauses on.
        if (!nouns.some((n) => n.end <= subject.start && subject.start - n.end <= 80 && !crossesClause(ctx, n.end, subject.start) && !/\.\s/.test(ctx.text.slice(n.end, subject.start)))) continue;
        const after = ctx.text.slice(subject.end, subject.end + 4);
        const owner = possessiveOwner(ctx, subject) ?? (/^\s*,/.test(after) ? nearestAfter(ctx, subject.end, COMPANY, 6) : undefined);
        if (!owner || (!/['’]s?\b/.test(ctx.text.slice(owner.end, owner.end + 3)) && owner.start < subject.start)) continue;
        const licensee = companies.find((c) => c.entity !== owner.entity);
        if (licensee && once(owner, licensee)) emitLicence(ctx, emit, owner, licensee, [subject], 0, 'licenses_to.owner_licenses_out', 0.6);
      }
    }
  },
};

const LIST_GAP = /^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$/i;

/**
 * "for two of A cancer programs, X and Y", "for A's product candidates X, Y and Z": a list of drugs
 * introduced by a programme noun after a licence noun, and the company named in that phrase (with or
 * without an apostrophe), which owns them.
 */
function programList(ctx: SentenceContext, nouns: readonly { start: number; end: number }[]): { owner: Item | undefined; subjects: Item[] } {
  const drugs = ctx.items.filter((it) => DRUG_OR_TECH.includes(it.label));
  for (const [i, first] of drugs.entries()) {
    const noun = nouns.filter((n) => n.end <= first.start && first.start - n.end <= 250).at(-1);
    if (!noun) continue;
    const between = ctx.text.slice(noun.end, first.start);
    const intro = ctx.relations.rules.licensing.programListIntro.exec(between);
    // A clause break between the licence noun and the list ("…; the programs, X") ends the licence.
    if (!intro || between.includes(';')) continue;
    const introStart = noun.end + intro.index;
    const owners = distinctEntities(ctx.items.filter((it) => it.label === 'Company' && it.start >= introStart && it.end <= first.start));
    const subjects = [first];
    for (const next of drugs.slice(i + 1)) {
      const last = subjects[subjects.length - 1];
      if (!last || !LIST_GAP.test(ctx.text.slice(last.end, next.start))) break;
      subjects.push(next);
    }
    return { owner: owners.length === 1 ? owners[0] : undefined, subjects };
  }
  return { owner: undefined, subjects: [] };
}

/** Payment kinds that flow from licensee to licensor. */
const LICENCE_PAYMENT_KINDS: ReadonlySet<string> = new Set(['upfront', 'milestone', 'royalty', 'license_fee']);
const LICENCE_AGREEMENT = /\blicen[cs](?:e|ing)\s+(?:and\s+[\w-]+\s+)?agreements?\b/i;

/**
 * "A received a milestone payment from B under its licensing agreement", "A will receive an upfront
 * payment … under the license agreement": who is paid under a licence is its licensor. Runs after the
 * sentence rules, over their payment facts, for sentences that name a licence agreement and gave no
 * licence fact of their own.
 */
export function licencesFromPayments(dc: DocumentContext, facts: readonly RelationFact[]): RelationFact[] {
  const out: RelationFact[] = [];
  const licensed = new Set(facts.filter((f) => f.type === 'LICENSES_TO').map((f) => `${dc.entityOf[f.source]}|${typeof f.target === 'number' ? dc.entityOf[f.target] : ''}`));
  for (const f of facts) {
    if (typeof f.target !== 'number') continue;
    let licensor: number;
    let licensee: number;
    if (f.type === 'EARNED_MILESTONE') [licensor, licensee] = [f.source, f.target];
    else if (f.type === 'PAYS' && LICENCE_PAYMENT_KINDS.has(String(f.properties.kind))) [licensor, licensee] = [f.target, f.source];
    else continue;
    const sentence = dc.doc.sentences[f.sentenceIndex];
    if (!sentence || !LICENCE_AGREEMENT.test(dc.doc.cleanText.slice(sentence.start, sentence.end))) continue;
    const key = `${dc.entityOf[licensor]}|${dc.entityOf[licensee]}`;
    const reverse = `${dc.entityOf[licensee]}|${dc.entityOf[licensor]}`;
    if (licensed.has(key) || licensed.has(reverse)) continue;
    licensed.add(key);
    out.push({ type: 'LICENSES_TO', source: licensor, target: licensee, properties: {}, sentenceIndex: f.sentenceIndex, rule: 'licenses_to.paid_under_licence', confidence: 0.6 });
  }
  out.push(...licencesFromDefinedRoles(dc, licensed));
  out.push(...licencesDirectedByPayments(dc, facts, licensed));
  out.push(...licensorsFromDealContext(dc, [...facts, ...out]));
  return out;
}

/**
 * "A has entered into a license agreement with B. Under the agreement, B has the right to develop and
 * commercialize X": a licence read with its licensee and subject only (LICENSES B → X) was granted by
 * the other party of the deal the passage is about (`dealPartnerOf`), when no licensor of B is named
 * anywhere in the document.
 */
function licensorsFromDealContext(dc: DocumentContext, facts: readonly RelationFact[]): RelationFact[] {
  const out: RelationFact[] = [];
  const entity = (i: number): number => dc.entityOf[i] ?? i;
  const licensees = new Set(facts.flatMap((f) => (f.type === 'LICENSES_TO' && typeof f.target === 'number' ? [entity(f.target)] : [])));
  for (const f of facts) {
    if (f.type !== 'LICENSES' || licensees.has(entity(f.source))) continue;
    const licensor = dealPartnerOf(dc, f.sentenceIndex, entity(f.source));
    if (licensor === undefined || entity(licensor) === entity(f.source)) continue;
    licensees.add(entity(f.source));
    out.push({ type: 'LICENSES_TO', source: licensor, target: f.source, properties: {}, sentenceIndex: f.sentenceIndex, rule: 'licenses_to.deal_context', confidence: 0.55 });
  }
  return out;
}

/**
 * "Acme, Inc. (the “Licensor”) and Zorvexa, Inc. (the “Licensee”)": the defined terms a licence names
 * its parties by tell its direction. One company called "Licensor" and another called "Licensee" in the
 * document (the entity stage resolves the terms to the companies they follow) make one licence.
 */
function licencesFromDefinedRoles(dc: DocumentContext, licensed: Set<string>): RelationFact[] {
  const roleHolders = (role: RegExp): number[] => {
    const firstByEntity = new Map<number, number>();
    dc.found.mentions.forEach((m, i) => {
      const entity = dc.entityOf[i] ?? i;
      if (m.label === 'Company' && role.test(m.text) && !firstByEntity.has(entity)) firstByEntity.set(entity, i);
    });
    return [...firstByEntity.values()];
  };
  const licensors = roleHolders(/^(?:the\s+)?licensor$/i);
  const licensees = roleHolders(/^(?:the\s+)?licensee$/i);
  const [licensor] = licensors;
  const [licensee] = licensees;
  if (licensors.length !== 1 || licensees.length !== 1 || licensor === undefined || licensee === undefined) return [];
  const key = `${dc.entityOf[licensor]}|${dc.entityOf[licensee]}`;
  const reverse = `${dc.entityOf[licensee]}|${dc.entityOf[licensor]}`;
  if (dc.entityOf[licensor] === dc.entityOf[licensee] || licensed.has(key) || licensed.has(reverse)) return [];
  licensed.add(key);
  const sentenceIndex = dc.found.mentions[licensee]?.sentenceIndex ?? 0;
  return [{ type: 'LICENSES_TO', source: licensor, target: licensee, properties: {}, sentenceIndex, rule: 'licenses_to.defined_roles', confidence: 0.7 }];
}

/**
 * "A and B entered into a license agreement for X", "a license agreement with B (“B”) for the development
 * and commercialization of X": the licence noun is about what follows it, past the partner it is with
 * and the activities it covers.
 */
const AGREEMENT_SUBJECT =
  /^\s*(?:with\s+(?:the\s+)?[^,;.()]{2,60}?(?:\s*\([^()]{1,30}\))?\s+)?(?:for|covering|to|relating\s+to|regarding)\s+(?:the\s+)?(?:(?:research|development|commerciali[sz]ation|manufactur(?:e|ing))(?:\s*,\s*|\s+and\s+|\s+))*(?:of\s+)?(?:the\s+)?$/i;

/**
 * "A and B have entered into a collaboration and license agreement" states a licence but not its
 * direction; the document's licence payments between the same two companies do ("A will receive an
 * upfront payment of $X", "B will pay A …"): the one who is paid is the licensor. Only when every such
 * payment points the same way.
 */
function licencesDirectedByPayments(dc: DocumentContext, facts: readonly RelationFact[], licensed: Set<string>): RelationFact[] {
  const out: RelationFact[] = [];
  const flows = new Map<string, { payer: number; payee: number }>();
  for (const f of facts) {
    if (typeof f.target !== 'number') continue;
    let payer: number;
    let payee: number;
    if (f.type === 'EARNED_MILESTONE') [payee, payer] = [f.source, f.target];
    else if (f.type === 'PAYS' && LICENCE_PAYMENT_KINDS.has(String(f.properties.kind))) [payer, payee] = [f.source, f.target];
    else continue;
    const [a, b] = [dc.entityOf[payer] ?? payer, dc.entityOf[payee] ?? payee];
    const pair = a < b ? `${a}|${b}` : `${b}|${a}`;
    const seen = flows.get(pair);
    if (!seen) flows.set(pair, { payer, payee });
    else if ((dc.entityOf[seen.payer] ?? seen.payer) !== a) flows.set(pair, { payer: -1, payee: -1 }); // both ways: no direction
  }
  // Licences this function directed, and the licensee|subject pairs it emitted.
  const directed = new Set<string>();
  const covered = new Set<string>();
  for (const sentence of dc.doc.sentences) {
    if (sentence.section === 'forwardLooking') continue;
    const text = dc.doc.cleanText.slice(sentence.start, sentence.end);
    const agreement = LICENCE_AGREEMENT.exec(text);
    if (!agreement) continue;
    const mentionIds = dc.bySentence.get(sentence.index) ?? [];
    const companies = [...new Set(mentionIds.filter((i) => dc.found.mentions[i]?.label === 'Company').map((i) => dc.entityOf[i] ?? i))];
    const agreementAt = sentence.start + agreement.index + agreement[0].length;
    let flow: { payer: number; payee: number } | undefined;
    if (companies.length === 2) {
      const [a, b] = companies as [number, number];
      flow = flows.get(a < b ? `${a}|${b}` : `${b}|${a}`);
    } else if (companies.length === 1) {
      // "… announced a license agreement with B for X", the announcer not repeated in the sentence: the
      // partner after "with" and the one licence flow the document gives it name both parties.
      const partner = mentionIds.find((i) => {
        const m = dc.found.mentions[i];
        return m?.label === 'Company' && m.start > agreementAt && /^\s+with\s+(?:the\s+)?$/i.test(dc.doc.cleanText.slice(agreementAt, m.start));
      });
      const entity = partner === undefined ? undefined : (dc.entityOf[partner] ?? partner);
      const ofPartner = entity === undefined ? [] : [...flows.entries()].filter(([pair, f]) => f.payer >= 0 && pair.split('|').includes(String(entity)));
      if (ofPartner.length === 1) flow = ofPartner[0]?.[1];
    }
    if (!flow || flow.payer < 0) continue;
    const [licensor, licensee] = [flow.payee, flow.payer];
    const key = `${dc.entityOf[licensor]}|${dc.entityOf[licensee]}`;
    const reverse = `${dc.entityOf[licensee]}|${dc.entityOf[licensor]}`;
    if (licensed.has(reverse)) continue;
    // A later sentence about the same licence ("announced a license agreement with B for X") names what
    // it covers even when the headline already gave its direction.
    const directedHere = directed.has(key);
    if (licensed.has(key) && !directedHere) continue;
    if (!directedHere) {
      licensed.add(key);
      directed.add(key);
      out.push({ type: 'LICENSES_TO', source: licensor, target: licensee, properties: {}, sentenceIndex: sentence.index, rule: 'licenses_to.directed_by_payments', confidence: 0.55 });
    }
    for (const i of mentionIds) {
      const m = dc.found.mentions[i];
      if (!m || (m.label !== 'Drug' && m.label !== 'Technology') || m.start < agreementAt || m.start - agreementAt > 120) continue;
      const pair = `${dc.entityOf[licensee]}|${dc.entityOf[i] ?? i}`;
      if (covered.has(pair) || !AGREEMENT_SUBJECT.test(dc.doc.cleanText.slice(agreementAt, m.start))) continue;
      covered.add(pair);
      out.push({ type: 'LICENSES', source: licensee, target: i, properties: {}, sentenceIndex: sentence.index, rule: 'licenses.directed_by_payments', confidence: 0.55 });
    }
  }
  return out;
}
