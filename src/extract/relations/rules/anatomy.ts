// TARGETS Drug→Target, HAS_COMPONENT ADC→antibody/payload and USES_TECHNOLOGY Drug→Technology:
// "HER2-targeting antibody, X", "anti-HER2", "X, a MEK inhibitor", "Y (a JAK1 inhibitor)", "antibodies to HER2",
// "JAK inhibitors such as A, C's B (b) and D", "X is … therapy directed against CD19", "X …. It is an anti-T …", "X (HER2)", "X comprises A, linked to B", "X is a combination of A and B", "X (A and B)", "X TAP compound",
// "X, built on the Y platform", "Using the Y platform, X …".
import type { Item, SentenceContext } from '../context.ts';
import { clauseSubjectDrug, crossesClause, nearestAfter, nearestBefore, referredDrug } from '../context.ts';
import { compilePhrases } from '../lexicon.ts';
import type { TriggerLexicon } from '../lexicon.ts';
import type { RuleWords } from '../word-lists.ts';
import type { Emit, SentenceRule } from './types.ts';
import { DRUG, DRUG_OR_TECH, TECH, TARGET } from './types.ts';

const TARGET_JOIN = /^\s*(?:\/|,|\s(?:and|x|×)\s|-)\s*$/i;

export interface AnatomyPatterns {
  /** Target phrases anchored at the edge of a target name: "… anti-" before it, "-targeting …" after it. */
  readonly before: RegExp;
  readonly after: RegExp;
  /** "with moderate CYP2C8 inhibitors", "CYP3A inducers": a class of other drugs. */
  readonly drugClassPlural: RegExp;
  readonly interaction: RegExp;
  /** The component phrases that list an ADC's parts ("comprises", "armed with"). */
  readonly comprises: ReadonlySet<string>;
  /** "The drug consists of …": a sentence opening whose subject stands for the drug of the sentence before. */
  readonly componentAnaphor: RegExp;
  /** What may stand between a target-class phrase and the drug it names: a head noun, a comma, "such as", "like". */
  readonly classMemberGap: RegExp;
}

/** Compiles the target edges (trigger groups target.before/after) and the rule's word lists. */
export function compileAnatomyPatterns(words: RuleWords, triggers: TriggerLexicon): AnatomyPatterns {
  const before = compilePhrases(triggers.phrases('target.before')).source;
  const after = compilePhrases(triggers.phrases('target.after')).source;
  return Object.freeze({
    before: new RegExp(`(?:${before})\\s*(?:the\\s+|a\\s+|an\\s+)?$`, 'iu'),
    after: new RegExp(`^\\s*(?:receptor\\s+|protein\\s+|kinase\\s+|[\\w-]+\\s+){0,2}?(?:${after})`, 'iu'),
    drugClassPlural: new RegExp(`^\\s*(?:[\\w-]+\\s+){0,1}?(?:${words.alternation('drug_class.plural')})\\b`, 'i'),
    interaction: new RegExp(`\\b(?:${words.alternation('interaction')})\\b`, 'i'),
    comprises: words.set('component.verb'),
    componentAnaphor: new RegExp(`^[\\s•·*]*(?:the|this|each)\\s+(?:[\\w-]+\\s+)?(?:${words.alternation('component.anaphor')})\\s+$`, 'i'),
    // A few modifiers may stand before the head: "CD19-directed CAR T cell therapy, X".
    classMemberGap: new RegExp(`^\\s*(?:(?:[\\w-]+\\s+){0,3}?(?:${words.alternation('target.class_head')})s?\\s*)?(?:,\\s*)?(?:(?:such\\s+as|like|including)\\s+)?$`, 'i'),
  });
}

/** Runs of targets joined by "/", "and", "x": "IL-4/IL-13 receptor dual antagonist". */
function targetGroups(ctx: SentenceContext): Item[][] {
  const groups: Item[][] = [];
  for (const it of ctx.items) {
    if (it.label !== 'Target') continue;
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && TARGET_JOIN.test(ctx.text.slice(prev.end, it.start))) last.push(it);
    else groups.push([it]);
  }
  return groups;
}

/** A determiner or possessive opening the class phrase ("an XKR9 agonist", "the company's XKR9 agonist"), or a regimen's "with". */
const DETERMINED_CLASS = /(?:\b(?:an?|the|its|their|our|this|that)|['’]s|\bwith)\s+(?:[\w-]+\s+){0,2}$/i;

function classOnItsOwn(before: string): boolean {
  return DETERMINED_CLASS.test(before);
}

/** Between a drug and its class phrase: a copula or an apposition's comma or bracket, then the determiner and a few modifiers. */
const PREDICATE_OF_DRUG = /^\s*[®™]?\s*(?:\([^)]*\)\s*)?(?:,\s*|\(\s*|\s(?:is|are|was|were|as|being|remains|becomes)\s+(?:also\s+|currently\s+|now\s+)?)(?:an?|the|its|their|our|[\w-]+['’]s)\s+(?:\S+\s+){0,6}$/i;

/** ", a " / ", an " / " (a " opening an apposition right before the target phrase ("X, a HER2 directed ADC", "Y (a JAK1 inhibitor)"). */
const APPOSITION_BEFORE = /[,(]\s*(?:an?|the)\s+(?:anti-?\s*)?$/i;

/** After a class phrase, the words that open its examples: "JAK inhibitors such as X", "CDK4/6 inhibitors like X and Y". */
const MEMBERS_CUE = /^\s*,?\s*(?:such\s+as|like|including|e\.g\.,?)\s+/i;

/**
 * Between two examples of a class (companies written C, brackets emptied): a list separator, then a company's possessive
 * and brand names not recognised as drugs, up to the next drug or the bracket that holds it ("), C's () Zorvexa and ",
 * " and C's Kelvar (").
 */
const MEMBER_GAP = /^\s*\)?\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)?(?:C\s*['’]s?\s*(?:\(\)\s*)?)?(?:[A-Z][\w-]*(?:\s*,\s*|\s+(?:and|or)\s+))*(?:[A-Z][\w-]*\s*)?\(?\s*$/;

/** The drugs a class phrase ending at `from` gives as its examples, in order; a target or disease between ends the list. */
function classMembers(ctx: SentenceContext, from: number): Item[] {
  const cue = MEMBERS_CUE.exec(ctx.text.slice(from, from + 24));
  if (!cue) return [];
  const members: Item[] = [];
  let at = from + cue[0].length;
  for (const it of ctx.items) {
    if (it.start < at) continue;
    if (it.label === 'Target' || it.label === 'Disease') break;
    if (it.label !== 'Drug') continue;
    let gap = ctx.text.slice(at, it.start);
    for (const company of ctx.items) if (company.label === 'Company' && company.start >= at && company.end <= it.start) gap = gap.replace(company.text, 'C');
    if (!MEMBER_GAP.test(gap.replace(/\([^()]{0,30}\)/g, '()'))) break;
    members.push(it);
    at = it.end;
  }
  return members;
}

export const targetRule: SentenceRule = {
  id: 'targets',
  needs: [DRUG, TARGET],
  triggers: [],
  apply(ctx: SentenceContext, emit: Emit) {
    const { before, after, drugClassPlural, interaction: interactionWords, classMemberGap } = ctx.relations.rules.anatomy;
    let interaction: boolean | undefined; // of the whole sentence: asked once, when first needed
    for (const group of targetGroups(ctx)) {
      const first = group[0];
      const last = group[group.length - 1];
      if (!first || !last) continue;
      const pre = before.test(ctx.text.slice(Math.max(0, first.start - 30), first.start));
      const tail = ctx.text.slice(last.end, last.end + 40);
      // "cyclin-dependent kinase 4 (CDK4) inhibitors": the abbreviation in its bracket, then the class phrase.
      const closing = /^\s*\)/.exec(tail);
      const shift = closing && /\(\s*$/.test(ctx.text.slice(Math.max(0, first.start - 3), first.start)) ? closing[0].length : 0;
      const classPhrase = after.exec(tail) ?? (shift > 0 ? after.exec(tail.slice(shift)) : null);
      const classEnd = classPhrase ? last.end + (classPhrase.input === tail ? 0 : shift) + classPhrase[0].length : last.end;
      const post = classPhrase !== null;
      if (!pre && !post) {
        // "QX-892 (PRMT5)", "QX-034 (B7H3/PTK7)": targets alone in a drug's parentheses, as pipeline lists write them.
        const drug = /^\s*\)/.test(tail) ? nearestBefore(ctx, first.start, DRUG, 6) : undefined;
        if (drug && /^\s*[®™]?\s*\(\s*$/.test(ctx.text.slice(drug.end, first.start))) for (const target of group) emit('TARGETS', drug, target, 'targets.parenthesis', 0.7);
        continue;
      }
      // "JAK inhibitors such as A, C's B (b) and D": every drug the class phrase gives as an example is of the class.
      const members = classPhrase && !(interaction ??= interactionWords.test(ctx.text)) ? classMembers(ctx, classEnd) : [];
      if (members.length > 0) {
        for (const member of members) for (const target of group) emit('TARGETS', member, target, 'targets.class_member', 0.75);
        continue;
      }
      // "with strong CYP2C8 inhibitors", "concomitant use": another drug class, not what the drug binds.
      if (drugClassPlural.test(tail) || (interaction ??= interactionWords.test(ctx.text))) continue;
      const left = nearestBefore(ctx, first.start, DRUG, 100);
      const right = nearestAfter(ctx, last.end, DRUG, 60);
      const dl = left ? first.start - left.end : Infinity;
      const dr = right ? right.start - last.end : Infinity;
      // "the SHP2 inhibitor X", "XKR7 inhibitors such as X": a drug named right after the class phrase is its member.
      const namedAfterClass = classPhrase !== null && right !== undefined && classMemberGap.test(ctx.text.slice(classEnd, right.start));
      let drug = namedAfterClass ? right : dl <= dr ? left : right;
      // "X, a HER2 directed ADC, …": an apposition describes the name right before its comma, or nothing;
      // unless it names its own drug ("our A inhibitor X, the B ADC Y": Y is the B ADC).
      if (!namedAfterClass && APPOSITION_BEFORE.test(ctx.text.slice(Math.max(0, first.start - 30), first.start))) {
        const head = ctx.text.slice(0, first.start).replace(APPOSITION_BEFORE, '');
        drug = left && /^\s*[®™)]?\s*$/.test(head.slice(left.end)) ? left : undefined;
      }
      // "combining an XKR9 agonist with … like Y", "in combination with a PARP inhibitor": a class phrase
      // that is a noun phrase of its own names a class, not a drug of the sentence; it describes a drug
      // only as its predicate or apposition ("X is an XKR9 agonist", "X, a potential PKC inhibitor").
      if (!pre && !namedAfterClass && classOnItsOwn(ctx.text.slice(Math.max(0, first.start - 40), first.start))) {
        drug = left && PREDICATE_OF_DRUG.test(ctx.text.slice(left.end, first.start)) ? left : undefined;
      }
      // "X is an investigational form of autologous … therapy directed against T": the clause's subject, far from its predicate.
      if (!drug && !left && pre) {
        const subject = clauseSubjectDrug(ctx, first.start);
        if (subject && first.start - subject.end <= 200) drug = subject;
      }
      if (!drug) continue;
      for (const target of group) emit('TARGETS', drug, target, pre ? 'targets.anti_or_directed' : 'targets.target_modifier', 0.8);
    }
  },
};

/** A sentence whose subject stands for a drug named before: "It is a first-in-class anti-X antibody", "The candidate is an oral Y inhibitor". */
const ANAPHOR_SUBJECT = /^[\s•*“"]*(?:it\s+(?:is|was)|it['’]s|(?:the|this)\s+(?:drug|candidate|compound|molecule|antibody|therapeutic|medicine)\s+(?:is|was))\s+(?:also\s+|currently\s+)?(?:an?|the)\s/i;

/**
 * "X is Acme's lead candidate. It is a first-in-class anti-T RNA therapeutic": a sentence that names no drug, whose subject
 * ("It", "The drug") stands for the only drug named before it in its paragraph (referredDrug), takes the targets its
 * predicate names with a target phrase. Only sentences that open so are read.
 */
export const targetAnaphorRule: SentenceRule = {
  id: 'targets.anaphor',
  needs: [TARGET],
  triggers: [],
  apply(ctx: SentenceContext, emit: Emit) {
    if (!ANAPHOR_SUBJECT.test(ctx.text) || ctx.items.some((it) => it.label === 'Drug')) return;
    const { before, after, drugClassPlural, interaction } = ctx.relations.rules.anatomy;
    if (interaction.test(ctx.text)) return;
    const dc = ctx.docContext;
    const index = referredDrug(dc, ctx.sentence.index);
    const m = index === undefined ? undefined : dc.found.mentions[index];
    if (index === undefined || !m) return;
    const drug: Item = { index, label: m.label, start: m.start - ctx.sentence.start, end: m.end - ctx.sentence.start, text: m.text, entity: dc.entityOf[index] ?? index, pronoun: true, mention: m };
    for (const group of targetGroups(ctx)) {
      const first = group[0];
      const last = group[group.length - 1];
      if (!first || !last) continue;
      const tail = ctx.text.slice(last.end, last.end + 40);
      if (drugClassPlural.test(tail) || !(before.test(ctx.text.slice(Math.max(0, first.start - 30), first.start)) || after.test(tail))) continue;
      for (const target of group) emit('TARGETS', drug, target, 'targets.anaphor', 0.65);
    }
  },
};

/** The list of components ends where the sentence goes on about the drug: ", and is in development". */
const COMPONENT_END = /,?\s+and\s+(?:is|are|was|were|has|have)\b|;/i;

/** "combination of" names parts only as the predicate of its drug: "X is a fixed-dose combination of A and B", not "the combination of A and B showed". */
const COMBINATION_OF = /^combination\s+of$/i;
const COPULA_PREDICATE = /^\s*[®™]?\s*(?:is|are|was|were)\s+(?:an?|the)\s+[^;:()]{0,80}$/i;

/** A technology named as a platform in the sentence ("built with Acme's ZX technology"): what a drug is made with, not a part of it. */
const PLATFORM_AFTER = /^\s*[®™]?\s*(?:\([^()]{1,12}\)\s*)?(?:technology|technologies|platform)\b/i;
const PLATFORM_IN = /\b(?:technology|technologies|platform)$/i;

function platformEntities(ctx: SentenceContext): Set<number> {
  const named = new Set<number>();
  for (const it of ctx.items) {
    if (it.label === 'Technology' && (PLATFORM_IN.test(it.text) || PLATFORM_AFTER.test(ctx.text.slice(it.end, it.end + 30)))) named.add(it.entity);
  }
  return named;
}

/** The one drug the sentence before names (any number of mentions of it, no other drug), as an item of this sentence's context. */
function drugOfSentenceBefore(ctx: SentenceContext): Item | undefined {
  const dc = ctx.docContext;
  const before = dc.doc.sentences[ctx.sentence.index - 1];
  if (!before) return undefined;
  const drugs = (dc.bySentence.get(before.index) ?? []).filter((i) => dc.found.mentions[i]?.label === 'Drug');
  const first = drugs[0];
  const m = first === undefined ? undefined : dc.found.mentions[first];
  if (first === undefined || !m || drugs.some((i) => dc.entityOf[i] !== dc.entityOf[first])) return undefined;
  return { index: first, label: m.label, start: m.start - ctx.sentence.start, end: m.end - ctx.sentence.start, text: m.text, entity: dc.entityOf[first] ?? first, pronoun: false, mention: m };
}

export const componentRule: SentenceRule = {
  id: 'has_component',
  needs: [DRUG],
  triggers: ['component'],
  apply(ctx: SentenceContext, emit: Emit) {
    const { comprises, componentAnaphor } = ctx.relations.rules.anatomy;
    let platforms: Set<number> | undefined; // asked once, when a part is a technology
    for (const hit of ctx.triggers.findAll('component')) {
      const phrase = hit.text.replace(/\s+/g, ' ');
      if (!comprises.has(phrase.toLowerCase())) continue;
      const combination = COMBINATION_OF.test(phrase);
      const adc = nearestBefore(ctx, hit.start, DRUG, combination ? 100 : 60) ?? (componentAnaphor.test(ctx.text.slice(0, hit.start)) ? drugOfSentenceBefore(ctx) : undefined);
      if (!adc || (combination && !COPULA_PREDICATE.test(ctx.text.slice(adc.end, hit.start)))) continue;
      const stop = COMPONENT_END.exec(ctx.text.slice(hit.end));
      const end = stop ? hit.end + stop.index : ctx.text.length;
      for (const part of ctx.items) {
        if (part.start < hit.end || part.end > end || !DRUG_OR_TECH.includes(part.label)) continue;
        if (part.label === 'Technology' && (platforms ??= platformEntities(ctx)).has(part.entity)) emit('USES_TECHNOLOGY', adc, part, 'uses_technology.built_with', 0.75);
        else emit('HAS_COMPONENT', adc, part, 'has_component.comprises', 0.85);
      }
    }
  },
};

/** Between the parts of a combination product's parenthesis: a list separator, after an optional salt word ("omeprazole magnesium, "). */
const COMBINATION_GAP = /^(?:\s+[a-z]{4,})?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*[/+]\s*)$/;
/** What may close the parenthesis after its last part: a salt word. */
const COMBINATION_TAIL = /^(?:\s+[a-z]{4,})?\s*\)/;
const NOT_A_SALT = /\s(?:with|than|versus|or|plus|alone|only|once|daily)\b/i;

/**
 * "Zorix (alphamab, betanib and gammastat) is approved …": a product followed by a parenthesis that
 * lists two or more drugs and nothing else is a fixed combination of them. One drug in the parenthesis
 * is the brand's generic name, not a part; a word other than a list separator or a salt makes it prose.
 */
export const combinationRule: SentenceRule = {
  id: 'has_component.combination',
  needs: [DRUG],
  triggers: [],
  apply(ctx: SentenceContext, emit: Emit) {
    if (!ctx.text.includes('(')) return;
    const items = ctx.items;
    for (let k = 0; k < items.length; k++) {
      const product = items[k];
      if (!product || product.label !== 'Drug') continue;
      const open = /^\s*[®™]?\s*\(\s*$/.exec(ctx.text.slice(product.end, items[k + 1]?.start ?? product.end));
      if (!open) continue;
      const parts: Item[] = [];
      let j = k + 1;
      for (; j < items.length; j++) {
        const part = items[j];
        // The parts are generic names (lower case): "semaglutide (BrandA and BrandB)" lists brands of one drug.
        if (!part || part.label !== 'Drug' || !/^\p{Ll}/u.test(part.text)) break;
        parts.push(part);
        const next = items[j + 1];
        const gap = ctx.text.slice(part.end, next ? next.start : part.end + 30);
        if (next && COMBINATION_GAP.test(gap) && !NOT_A_SALT.test(gap)) continue;
        break;
      }
      const last = parts[parts.length - 1];
      if (parts.length < 2 || !last) continue;
      const tail = ctx.text.slice(last.end, last.end + 30);
      if (!COMBINATION_TAIL.test(tail) || NOT_A_SALT.test(tail.slice(0, tail.indexOf(')')))) continue;
      for (const part of parts) emit('HAS_COMPONENT', product, part, 'has_component.combination', 0.75);
    }
  },
};

/** A sentence that opens with the trigger ("Using …", "Based on …"), then the platform, then a comma. */
const SENTENCE_OPENING = /^[\s•·*\-–—]*$/;
const PLATFORM_PHRASE_END = /^[^,;.]{0,40}?,\s*(?:the\s+|its\s+|our\s+|their\s+)?$/i;

/**
 * "Using Acme's proprietary Zorix technology, ZX-101 delivers …": a participle phrase that opens the
 * sentence describes its subject, the drug named right after the phrase's comma.
 */
function frontedSubject(ctx: SentenceContext, hit: { start: number; end: number }, tech: Item): Item | undefined {
  if (!SENTENCE_OPENING.test(ctx.text.slice(0, hit.start))) return undefined;
  const subject = ctx.items.find((it) => it.start >= tech.end && it.label !== 'Technology');
  if (!subject || subject.label !== 'Drug' || !PLATFORM_PHRASE_END.test(ctx.text.slice(tech.end, subject.start))) return undefined;
  return subject;
}

export const technologyRule: SentenceRule = {
  id: 'uses_technology',
  needs: [DRUG, TECH],
  triggers: ['uses_tech', 'uses_tech.after'],
  apply(ctx: SentenceContext, emit: Emit) {
    // "X TAP compound", "X, a DXd ADC", "a Y-based X"
    for (const tech of ctx.items) {
      if (tech.label !== 'Technology') continue;
      const follow = ctx.triggers.findAll('uses_tech.after', tech.end, Math.min(ctx.text.length, tech.end + 14))[0];
      // "a Zorix Vector (ZV)-based vaccine": the defined abbreviation's closing parenthesis may stand before "-based".
      if (!follow || !/^\)?[\s-]*$/.test(ctx.text.slice(tech.end, follow.start))) continue;
      const drug = nearestBefore(ctx, tech.start, DRUG, 45) ?? nearestAfter(ctx, follow.end, DRUG, 20);
      if (drug) emit('USES_TECHNOLOGY', drug, tech, 'uses_technology.technology_compound', 0.75);
    }
    // "X, generated using the Y platform", "X is based on Y technology"
    for (const hit of ctx.triggers.findAll('uses_tech')) {
      const tech = nearestAfter(ctx, hit.end, TECH, 40);
      const drug = nearestBefore(ctx, hit.start, DRUG, 100) ?? (tech ? frontedSubject(ctx, hit, tech) : undefined);
      if (!tech || !drug || crossesClause(ctx, drug.end, tech.start)) continue;
      // A company between the drug and the wording is another subject ("ZX-1 and Acme, using ..."), unless it is the drug's owner in the possessive ("ZX-1 is Acme’s vaccine based on ...").
      if (ctx.items.some((it) => it.label === 'Company' && it.start > drug.end && it.end < hit.start && !/^['’]s?\s/.test(ctx.text.slice(it.end, it.end + 3)))) continue;
      emit('USES_TECHNOLOGY', drug, tech, 'uses_technology.using', 0.7);
    }
  },
};
