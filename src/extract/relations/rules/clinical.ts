// IN_PHASE Drug→Phase, STUDIED_FOR and APPROVED_FOR Drug→Disease: "started Phase II clinical testing
// of X", "X is being evaluated in a Phase 3 trial", "X for the treatment of Y", "X in patients with Y",
// "the FDA approved X for Y", "X is indicated for Y", "its Phase 1 <disease> treatment X", pipeline entries
// "X (Y, Phase 2)", "a Phase 2 study evaluating the safety and efficacy of X", "studies of X in D and Y in E",
// "into IND-enabling studies: our A inhibitor X, the B ADC Y", "In this Phase 2/3 trial, patients receive X"; and, over
// the document, the phase of a trial a sentence without a drug refers back to ("X is …. The Phase 2 trial enrolled …":
// referredTrialPhases).
import type { Properties } from '../../../model/graph.ts';
import type { RelationFact } from '../../../model/extraction.ts';
import type { DocumentContext, Item, SentenceContext } from '../context.ts';
import { clauseStart, isPossessive, listAfter, listBefore, nearestAfter, nearestBefore, referredDrug, sentenceContext, subjectDrugBefore } from '../context.ts';
import { isNegated, statusOf } from '../hedges.ts';
import { findPhases } from '../phase.ts';
import type { PhaseMention } from '../phase.ts';
import type { RuleWords } from '../word-lists.ts';
import type { Emit, SentenceRule } from './types.ts';
import { DISEASE, DRUG } from './types.ts';

export interface ClinicalPatterns {
  /** A sentence without one of these words names no phase. */
  readonly phaseCue: RegExp;
  /** "Phase 2 trial of X", "Phase II testing of our X", "Phase 3 study evaluating X": the drug follows. */
  readonly drugFollows: RegExp;
  /** "in combination with X", "plus X": a partner drug of the regimen, not the subject. */
  readonly combinationBefore: RegExp;
  /** "versus X", "compared with X" right before a drug: the control arm, not a drug of the regimen. */
  readonly comparatorBefore: RegExp;
  /**
   * What may stand between a bare "in"/"for"/"against" and the disease: line of therapy, stage, marker
   * status and coordinated organ adjectives ("in second-line metastatic HER2-positive gastric or …").
   */
  readonly qualifierGap: RegExp;
  /** "<disease> programs, X and Y", "X <disease> program": the drug is a programme for the disease. */
  readonly programAfter: RegExp;
  /** After a phase: the rest of a noun phrase the phase modifies, whose head names a drug ("Phase 1 amyloidosis treatment X", "Phase 2 oral antibody, X"). */
  readonly phaseModifiesDrug: RegExp;
  /**
   * The people the treatment is for, between an indication cue and the disease: "for the treatment of adult
   * patients who have relapsed or refractory D", "indicated for children aged 2 years and older with D".
   */
  readonly populationGap: RegExp;
  /** A class of diseases and the examples that follow it: "multiple tumor types, including", "several autoimmune conditions such as". */
  readonly classThenExamples: RegExp;
  /** Right before a phase: the definite or possessive opener of a trial referred back to ("the", "its ongoing", "an ongoing"). */
  readonly referentBeforePhase: RegExp;
  /** Right after that phase: the trial noun, a trial name between ("the Phase 2b ACME-2 trial"), and no object of its own ("of Y", "evaluating Y"). */
  readonly referentAfterPhase: RegExp;
  /** After a trial's object word, what the trial measures before the drug: "the safety, tolerability and efficacy of", "the effect of the co-administration of". */
  readonly endpointGap: RegExp;
  /** Before a phase that opens its sentence as a fronted phrase: "In this", "During the ongoing". */
  readonly frontedTrialBefore: RegExp;
  /** After that phase: its trial noun, a bracketed trial name, and the comma that ends the fronted phrase ("In this Phase 2/3 trial, patients receive X"). */
  readonly frontedTrialAfter: RegExp;
  /**
   * From the start of a sentence that names no drug to its indication cue: a pronoun or "the candidate" and what is said
   * of the drug it refers back to ("It is being investigated ", "The compound is in development ").
   */
  readonly referringSubject: RegExp;
  /**
   * Right before an indication cue: a trial referred back to, with no object of its own, and its verb ("Additional
   * investigator-sponsored studies have been initiated ", "an ongoing phase 2 trial ").
   */
  readonly referredTrialBefore: RegExp;
}

export function compileClinicalPatterns(words: RuleWords): ClinicalPatterns {
  const qualifiers = words.alternation('disease.qualifier');
  const markers = words.alternation('disease.marker');
  return Object.freeze({
    phaseCue: new RegExp(words.alternation('phase.cue'), 'i'),
    // Up to three words before the trial noun, a trial name with its trademark sign too: "Phase 2 HARMONIC(TM) clinical trial evaluating X".
    // Or, with the trial noun written, up to six design words with their commas (not another phase: "pivotal, Phase 2b
    // trial of X" is read from its Phase 2b) and a bracketed trial name or registry number before the object word: "Phase 3, randomized, double-blind, placebo-controlled trial ("ALPHA-3") of X".
    // Or the trial's setting and name between the trial noun and a comma before the object word: "Phase 3 trial in soft tissue
    // sarcoma (the "ACME-3 Study") (NCT01234567), testing X".
    drugFollows: new RegExp(
      `^\\s*(?:(?:[\\w-]+(?:\\(\\w+\\)|[®™])?\\s+){0,3}?(?:${words.alternation('trial.noun')})?|,?\\s*(?:(?!phase\\b)[\\w-]+(?:\\(\\w+\\)|[®™])?,?\\s+){0,6}?(?:${words.alternation('trial.noun')})(?:\\s*\\([^()]{1,60}\\))*,?|,?\\s*(?:(?!phase\\b)[\\w-]+,?\\s+){0,6}?(?:${words.alternation('trial.noun')})\\s+in\\s+(?:[\\w'’-]+\\s+){0,5}?[\\w'’-]+(?:\\s*\\([^()]{1,60}\\))*\\s*,)\\s*(?:${words.alternation('trial.object')})\\s`,
      'i',
    ),
    combinationBefore: new RegExp(`\\b(?:${words.alternation('combination.lead')})\\s+(?:[^\\s,;.]+\\s+){0,4}$`, 'i'),
    comparatorBefore: new RegExp(`\\b(?:${words.alternation('combination.comparator')})\\s+(?:[^\\s,;.]+\\s+){0,4}$`, 'i'),
    // A hyphenated compound is a modifier however it is spelled ("platinum-resistant, ARID1a-mutated", "never-smoker").
    qualifierGap: new RegExp(`^\\s*(?:(?:the|${qualifiers}|[\\w]+-(?:${markers}))\\s+|[a-z]+\\s*(?:,|/)\\s*|[a-z]+\\s+(?:or|and)\\s+|[\\w]+(?:-[\\w]+)+(?:\\s*,\\s*|\\s+))*$`, 'i'),
    programAfter: new RegExp(`^\\s+(?:${words.alternation('program.after')})\\b`, 'i'),
    // The words between are modifiers: a hyphenated compound, or a word that is no determiner, conjunction,
    // preposition, trial noun or past form (a verb would start another clause: "its Phase 2 trial and named a new candidate, X").
    // Before the class noun, up to eight coordinated modifiers with their commas ("multiple oncology, viral and
    // obesity-related indications, including"), none a verb in -ing ("in treating other forms of cancer, such as").
    classThenExamples: new RegExp(
      `^\\s*(?:(?:the|a|an|${qualifiers}|several|multiple|various|many|certain|other|numerous|range|number|variety|broad|wide|of|${words.alternation('population.word')})\\s+)*(?:(?![\\w-]*ing\\b)[\\w-]+(?:\\s*,\\s*|\\s+)){0,8}?(?:types?|forms?|indications?|diseases?|disorders?|cancers?|tumou?rs?|conditions?|malignancies|infections?|syndromes?)\\s*,?\\s*(?:including|such\\s+as|e\\.g\\.,?|like|in\\s+particular|particularly|notably)\\s+$`,
      'i',
    ),
    phaseModifiesDrug: new RegExp(
      `^\\s+(?:(?:\\w+(?:-\\w+)+|(?!(?:and|or|but|the|an?|its|their|our|this|that|which|of|in|for|with|to|at|on|by|from|data|results?|${words.alternation('trial.noun')})\\b)\\w+(?<!ed))\\s+){0,5}?(?:${words.alternation('drug.kind')})s?\\s*,?\\s*$`,
      'i',
    ),
    referentBeforePhase: new RegExp(`(?:^|[^\\w-])(?:${words.alternation('trial.referent_opener')})\\s+(?:[\\w-]+\\s+){0,2}$`, 'i'),
    referringSubject: new RegExp(
      `^\\s*(?:[•*-]\\s*)?(?:it|(?:the|this)\\s+(?:[\\w-]+\\s+){0,2}?(?:${words.alternation('drug.kind')}))\\s+(?:is|was|will\\s+be|has\\s+been)\\s+(?:(?:also|currently|now|initially|further|primarily|being)\\s+)*(?:${words.alternation('indication.referred_predicate')})\\s+$`,
      'i',
    ),
    // Between the opener and the trial noun only modifiers (no second determiner: "the company initiated a study"); after
    // the trial noun a bracketed name and one verb with its auxiliaries ("have been initiated", "is enrolling").
    referredTrialBefore: new RegExp(
      `(?:^|[^\\w-])(?:${words.alternation('indication.referent_opener')})\\s+(?:(?!(?:the|an?)\\s)[\\w/-]+\\s+){0,4}?(?:${words.alternation('trial.referent')})(?:\\s*\\([^()]{1,60}\\))?\\s+(?:(?:(?:has|have|had)\\s+been|(?:is|are|was|were|will\\s+be)(?:\\s+being)?)\\s+)?(?:[a-z]+(?:ed|ing)\\s+)?$`,
      'i',
    ),
    referentAfterPhase: new RegExp(`^\\s*(?:[\\w-]+(?:[®™])?\\s+){0,2}?(?:${words.alternation('trial.referent')})\\b(?!\\s*(?:\\([^()]{1,60}\\)\\s*)?,?\\s*(?!for\\b|with\\b)(?:${words.alternation('trial.object')})\\b)`, 'i'),
    endpointGap: new RegExp(
      `^\\s*(?:the\\s+)?(?:${words.alternation('trial.endpoint')})(?:\\s*,\\s*(?:and\\s+)?(?:${words.alternation('trial.endpoint')})|\\s+(?:and|or|&)\\s+(?:${words.alternation('trial.endpoint')})|\\s+(?:${words.alternation('trial.endpoint')}))*\\s+(?:of|for)\\s+(?:the\\s+)?(?:(?:co-?administration|combination|use|administration)\\s+of\\s+)?`,
      'i',
    ),
    frontedTrialBefore: /^\s*(?:[•*-]\s*)?(?:in|during)\s+(?:the|this|that|its|our|their|an?|each)\s+(?:[\w-]+\s+){0,2}$/i,
    frontedTrialAfter: new RegExp(`^\\s*(?:[\\w-]+\\s+){0,2}?(?:${words.alternation('trial.referent')})\\b(?:\\s*\\([^()]{1,60}\\))*\\s*,`, 'i'),
    // A person noun must be among the words: a run of qualifiers alone is the bare preposition's (qualifierGap).
    populationGap: new RegExp(
      `^\\s*(?:(?:${qualifiers}|${words.alternation('population.word')}|\\d+|[\\w]+-(?:${markers})|[\\w]+(?:-[\\w]+)+),?\\s+)*?(?:${POPULATION_HEADS})\\s+(?:(?:${qualifiers}|${words.alternation('population.word')}|\\d+|[\\w]+-(?:${markers})|[\\w]+(?:-[\\w]+)+),?\\s+)*$`,
      'i',
    ),
  });
}
/** The nouns that name the people of a population gap (populationGap): one of them must stand in it. */
const POPULATION_HEADS = 'patients?|people|persons|individuals|adults|children|adolescents|infants|newborns|women|men|subjects|participants|those';

/** How far after an indication cue a disease may stand behind a population gap ("… of adult patients who have relapsed or refractory D"). */
const POPULATION_REACH = 120;

/** "X and Y, … and is in …": the clause coordinates with the sentence subject. */
const COORDINATED = /(?:,\s*|\s)and\s+(?:is|are|was|were|has|have)\b/i;

/** The bracket (start, end) that encloses `pos` in text, if any: "(X, Phase 2a, in collaboration with B)". */
function enclosingBracket(text: string, pos: number): [number, number] | undefined {
  const open = text.lastIndexOf('(', pos);
  if (open < 0 || text.lastIndexOf(')', pos) > open) return undefined;
  const close = text.indexOf(')', pos);
  return close < 0 ? undefined : [open, close];
}

/** The drugs of a trial's object from `pos` on; a company or disease named before them ends it, a possessive pronoun does not ("of our X"). */
function objectDrugs(ctx: SentenceContext, pos: number): Item[] {
  const list = listAfter(ctx, pos, DRUG, 70, ['Disease']);
  const first = list[0];
  return first && ctx.items.some((it) => it.label === 'Company' && !it.pronoun && it.start >= pos && it.end <= first.start) ? [] : list;
}

function phaseDrugs(ctx: SentenceContext, phase: PhaseMention): Item[] {
  const start = phase.start - ctx.sentence.start;
  const end = phase.end - ctx.sentence.start;
  // A phase written inside a bracket belongs to a drug in that bracket or named right before it.
  const bracket = enclosingBracket(ctx.text, start);
  const inScope = (it: Item): boolean => !bracket || (it.start > bracket[0] && it.end <= bracket[1]) || (it.end <= bracket[0] && /^\s*[®™]?\s*$/.test(ctx.text.slice(it.end, bracket[0])));
  const follows = ctx.relations.rules.clinical.drugFollows.exec(ctx.text.slice(end, end + 140));
  const following = follows !== null;
  // "its Phase 1 amyloidosis treatment X", "a Phase 2 oral antibody, X": the phase modifies a noun phrase whose head the drug names.
  // A disease or target may modify the head too; a company may not stand between.
  const named = ctx.items.find((it) => it.start >= end && (it.label === 'Drug' || it.label === 'Company'));
  if (named?.label === 'Drug' && named.start - end <= 70 && inScope(named) && ctx.relations.rules.clinical.phaseModifiesDrug.test(ctx.text.slice(end, named.start))) return [named];
  // The drug is the trial's object: read on from the object word, past a setting named before the trial noun ("Phase 2 obesity study with X")
  // and what the trial measures ("evaluating the safety and efficacy of X").
  let objectAt = following ? end + follows[0].length - 1 : end;
  const endpoint = following ? ctx.relations.rules.clinical.endpointGap.exec(ctx.text.slice(objectAt)) : null;
  if (endpoint) objectAt += endpoint[0].length;
  let after = (following ? objectDrugs(ctx, objectAt) : listAfter(ctx, end, DRUG, 20, ['Company', 'Disease'])).filter(inScope);
  if (after.length > 0 && following) {
    // "IND-enabling studies: our A inhibitor X, the B ADC Y and a C inhibitor Z": a list the colon opens, each drug with its descriptors.
    if (follows[0].trimEnd().endsWith(':')) after = describedListAfter(ctx, after);
    return withOwnSettings(ctx, after);
  }
  // "a Phase 2 trial of the ZX technology": the trial's object is named, and it is no drug; a drug before is not its object.
  const object = following ? ctx.items.find((it) => it.start >= objectAt) : undefined;
  if (object?.label === 'Technology' && /^\s*(?:the\s+|its\s+|our\s+|their\s+)?$/i.test(ctx.text.slice(objectAt, object.start))) return [];
  // "In this Phase 2/3 trial, patients will receive X plus Y or Y alone": a fronted trial phrase; its drug is the first the clause names.
  const fronted = ctx.relations.rules.clinical.frontedTrialAfter.exec(ctx.text.slice(end));
  if (fronted && ctx.relations.rules.clinical.frontedTrialBefore.test(ctx.text.slice(0, start))) {
    const first = nearestAfter(ctx, end + fronted[0].length, DRUG, 150);
    if (first && !isComparator(ctx, first)) return [first];
  }
  // A drug named inside a bracket closed before the phase stands for the drug the bracket follows: "X (containing Y), is in a Phase 2 trial".
  const lift = (it: Item): Item | undefined => {
    const around = bracket ? undefined : enclosingBracket(ctx.text, it.start);
    if (!around || around[1] > start) return it;
    const owner = nearestBefore(ctx, around[0], DRUG, 3);
    return owner && /^\s*[®™]?\s*$/.test(ctx.text.slice(owner.end, around[0])) ? owner : undefined;
  };
  const lifted = (items: Item[]): Item[] => [...new Set(items.map(lift).filter((it): it is Item => it !== undefined))];
  const before = lifted(listBefore(ctx, start, DRUG, 40).filter((it) => inScope(it) && !isCombinationPartner(ctx, it)));
  if (before.length > 0) return before;
  const nearest = nearestBefore(ctx, start, DRUG, 90);
  const near = nearest && lift(nearest);
  // "… in combination with Y, a VEGF inhibitor, a Phase 1/2 trial …": a regimen partner is not the trial's drug.
  // "the A/B combination will be tested in a Phase 2 trial": the drugs coordinated with the nearest one share its trial.
  if (near && inScope(near) && !isCombinationPartner(ctx, near)) return lifted(listBefore(ctx, near.end, DRUG, 0)).filter((it) => inScope(it) && !isCombinationPartner(ctx, it));
  if (bracket && near) return [];
  if (after.length > 0) return after;
  const subject = subjectDrugBefore(ctx, start);
  return subject ? [subject] : [];
}

/** Where a list item ends: after the bracket written right after it ("X (another name of X)"), else after its name. */
function afterOwnBracket(ctx: SentenceContext, item: Item): number {
  const bracket = /^\s*[®™]?\s*\([^()]{1,60}\)/.exec(ctx.text.slice(item.end, item.end + 64));
  return bracket ? item.end + bracket[0].length : item.end;
}

/** Between one drug of a trial's object and the next, the first drug's own setting: "studies of X (a) in D and Y (b) in E" (D stands for the disease). */
const OWN_SETTING_GAP = /^\s*(?:in|for)\s+(?:[\w-]+\s+){0,3}?D\s*(?:\([^()]{1,60}\)\s*)?,?\s*(?:and|or)\s+$/i;

/** The drugs of a trial's object list, with those coordinated after a setting of their own ("studies of X in D and Y in E"). */
function withOwnSettings(ctx: SentenceContext, list: Item[]): Item[] {
  const out = [...list];
  for (let last = out[out.length - 1]; last;) {
    const from = afterOwnBracket(ctx, last);
    const next = ctx.items.find((it) => it.start >= from && it.label === 'Drug');
    if (!next || next.start - from > 120) break;
    const between = ctx.items.filter((it) => it.start >= from && it.end <= next.start);
    if (between.length !== 1 || between[0]?.label !== 'Disease') break;
    const disease = between[0];
    const gap = ctx.text.slice(from, disease.start) + 'D' + ctx.text.slice(disease.end, next.start);
    if (!OWN_SETTING_GAP.test(gap)) break;
    out.push(next);
    last = next;
  }
  return out;
}

/** Between two drugs of a list a colon opens: a comma or conjunction, then the next drug's determiner and descriptors ("…, the B ADC Y and a C inhibitor Z"). */
const DESCRIBED_LIST_GAP = /^\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:(?:an?|the|its|our|their)\s+)?(?:[^\s,;.:()]+\s+){0,4}$/i;

/** The drugs of a list after a colon, each named after its own descriptors; targets and possessive pronouns may stand among the descriptors, nothing else. */
function describedListAfter(ctx: SentenceContext, list: Item[]): Item[] {
  const out = [...list];
  for (let last = out[out.length - 1]; last;) {
    const from = afterOwnBracket(ctx, last);
    const next = ctx.items.find((it) => it.start >= from && it.label === 'Drug');
    if (!next || ctx.items.some((it) => it.start >= from && it.end <= next.start && it.label !== 'Target' && !it.pronoun) || !DESCRIBED_LIST_GAP.test(ctx.text.slice(from, next.start))) break;
    out.push(next);
    last = next;
  }
  return out;
}

function phaseStatus(ctx: SentenceContext, from: number, to: number): string {
  const a = Math.max(0, from - 70);
  const b = Math.min(ctx.text.length, to + 70);
  if (statusOf(ctx.triggers, a, b) !== 'actual' || ctx.triggers.hasAny('phase.expected', a, b)) return 'expected';
  // "has completed enrollment in its Phase 2 study": the trial runs on; it has not read out.
  if (ctx.triggers.hasAny('phase.enrolled', a, b)) return 'ongoing';
  if (ctx.triggers.hasAny('phase.started', a, b)) return 'started';
  if (ctx.triggers.hasAny('phase.completed', a, b)) return 'completed';
  return 'ongoing';
}

export const phaseRule: SentenceRule = {
  id: 'in_phase',
  needs: [DRUG],
  triggers: [],
  apply(ctx: SentenceContext, emit: Emit) {
    if (!ctx.relations.rules.clinical.phaseCue.test(ctx.text)) return;
    const phases = findPhases(ctx.relations.phases, ctx.text).map((p) => ({ ...p, start: p.start + ctx.sentence.start, end: p.end + ctx.sentence.start }));
    const dates = ctx.dates();
    for (const phase of phases) {
      if (phase.key === 'PRECLINICAL' && !/\b(?:in|into|enter\w*)\s+(?:pre-?clinical|IND-enabling)/i.test(ctx.text)) continue;
      const from = phase.start - ctx.sentence.start;
      const to = phase.end - ctx.sentence.start;
      if (isNegated(ctx.triggers, Math.max(0, from - 40), Math.min(ctx.text.length, to + 20))) continue;
      const status = phaseStatus(ctx, from, to);
      const props: Properties = { status };
      if (phase.subphase) props.subphase = phase.subphase;
      const date = dates.filter((d) => Math.abs(d.start - to) < 120).sort((x, y) => Math.abs(x.start - to) - Math.abs(y.start - to))[0];
      if (date) props.date = date.iso;
      else if (status === 'started' && ctx.docContext.doc.asOf) props.asOf = ctx.docContext.doc.asOf;
      for (const drug of phaseDrugs(ctx, phase)) emit('IN_PHASE', drug, { phase: phase.key }, `in_phase.${status}`, 0.8, props);
    }
  },
};

/** Right before an indication cue: unnamed medicines other than the drugs named before ("candidate vaccines", "other approved therapies"). */
const OTHER_MEDICINES_BEFORE =
  /\b(?:other|candidate|additional|new|novel|future|existing|current|currently\s+available|available|standard)\s+(?:[\w-]+\s+)?(?:vaccines|therapies|treatments|drugs|candidates|products|medicines|compounds|programs|programmes|agents|options)\s*$/i;

/** Right after a disease, the examples it is the class of: ", including", " such as", ", e.g.". */
const EXAMPLES_AFTER = /^\s*,?\s*(?:including|such\s+as|e\.g\.,?|like|in\s+particular|particularly|notably)\s+/i;

/** A stage of development written without a phase number: "(psoriasis, preclinical)", "(X, IND-enabling)". */
const STAGE_WORD = /\b(?:pre-?clinical|IND-enabling|discovery|research stage|lead optimi[sz]ation)\b/i;

/**
 * A pipeline entry written with its indication and stage in brackets: "X (psoriasis, Phase 2)", "tuberculosis (X,
 * Phase 2a, with a partner)". The bracket names a stage, and opens with the disease after the drug, or with the drug
 * after the disease (or a list of them). Sentences without a bracket and a phase word are not read.
 */
export const pipelineEntryRule: SentenceRule = {
  id: 'pipeline_entry',
  needs: [DRUG, DISEASE],
  triggers: [],
  apply(ctx: SentenceContext, emit: Emit) {
    if (!ctx.text.includes('(') || !(ctx.relations.rules.clinical.phaseCue.test(ctx.text) || STAGE_WORD.test(ctx.text))) return;
    for (let open = ctx.text.indexOf('('); open >= 0; open = ctx.text.indexOf('(', open + 1)) {
      const close = ctx.text.indexOf(')', open);
      if (close < 0) break;
      // A bracket inside the bracket ("(X (an antibody), Phase 2)") ends the first one too early: such entries are not read.
      const inner = ctx.text.slice(open + 1, close);
      if (inner.includes('(') || (findPhases(ctx.relations.phases, inner).length === 0 && !STAGE_WORD.test(inner))) continue;
      const first = ctx.items.find((it) => it.start > open);
      if (!first || first.end > close || /\S/.test(ctx.text.slice(open + 1, first.start))) continue;
      const owner = nearestBefore(ctx, open, [...DRUG, ...DISEASE], 4);
      if (!owner || !/^\s*[®™]?\s*$/.test(ctx.text.slice(owner.end, open))) continue;
      // The bracket's own list: its first items up to the stage ("(psoriasis and lupus, Phase 2)").
      const inside = listAfter(ctx, open + 1, first.label === 'Drug' ? DRUG : DISEASE, 0).filter((it) => it.end <= close);
      if (owner.label === 'Drug' && first.label === 'Disease') for (const disease of inside) emit('STUDIED_FOR', owner, disease, 'studied_for.pipeline_entry', 0.7);
      if (owner.label === 'Disease' && first.label === 'Drug') {
        for (const disease of listBefore(ctx, open, DISEASE, 4)) for (const drug of inside) emit('STUDIED_FOR', drug, disease, 'studied_for.pipeline_entry', 0.7);
      }
    }
  },
};

/**
 * Between a population's disease and the drug it received: "patients with D who received X", "… who were randomized to
 * X or placebo", "the treatment of D with X".
 */
const RECEIVED_BEFORE_DRUG =
  /^\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:(?:who|that)\s+(?:were\s+|are\s+|have\s+been\s+|had\s+been\s+|will\s+be\s+)?|being\s+)?(?:treated\s+with|dosed\s+with|given|receiving|received|administered|randomi[sz]ed\s+to(?:\s+receive)?|with)\s+(?:either\s+)?$/i;
/** A fronted indication phrase and the drug that is its clause's subject: "In patients with D, X reduced …", "For D, X is dosed …". */
const FRONTED_BEFORE_DRUG = /^\s*(?:\([^()]{0,40}\)\s*)?,\s*$/;
/** What the phrase may open with when it is fronted: nothing, a bullet, a bare preposition. */
const FRONTED_OPENING = /^\s*(?:[•*-]\s*)?(?:in|for|among)?\s*$/i;
/** A therapy the population had before: "previously treated with Y", "who received prior Y", "after receiving Y". */
const PRIOR_THERAPY = /\b(?:previously|prior|after|following|already|failed|progressed|despite|refractory|resistant|intolerant|standard)\b/i;

/**
 * The drugs named after an indication phrase that no drug comes before: those the population received ("patients with
 * D who received X"), or the subject of the clause the phrase opens ("In patients with D, X reduced …").
 */
function drugsAfterPopulation(ctx: SentenceContext, hit: { start: number; end: number }, diseases: readonly Item[]): Item[] {
  const last = diseases[diseases.length - 1];
  if (!last) return [];
  const drug = ctx.items.find((it) => it.start >= last.end && it.label !== 'Disease');
  if (drug?.label !== 'Drug' || drug.start - last.end > 70) return [];
  const gap = ctx.text.slice(last.end, drug.start);
  if (PRIOR_THERAPY.test(gap)) return [];
  const fronted = FRONTED_BEFORE_DRUG.test(gap) && FRONTED_OPENING.test(ctx.text.slice(clauseStart(ctx.text, hit.start), hit.start));
  if (!fronted && !RECEIVED_BEFORE_DRUG.test(gap)) return [];
  // "X or placebo", "X and Y": the drugs of the arm, not a comparator ("versus Y").
  return listAfter(ctx, drug.start, DRUG, 0, ['Company']).filter((it) => !isComparator(ctx, it));
}

/** Generic prepositions ("in", "for", "against") and "targeting" count only right before the disease name. */
const GENERIC: ReadonlySet<string> = new Set(['in', 'for', 'against', 'targeting']);

/**
 * "in combination with X", "plus X" right before `drug`, after the drug it joins; "an agreement with B
 * for X" names a partner company, not a regimen, and "patients dosed with X" (no drug before the lead in
 * the clause) names the subject itself.
 */
function isCombinationPartner(ctx: SentenceContext, drug: Item): boolean {
  const from = Math.max(0, drug.start - 40);
  const m = ctx.relations.rules.clinical.combinationBefore.exec(ctx.text.slice(from, drug.start));
  if (!m) return false;
  if (ctx.items.some((it) => it.label === 'Company' && it.start >= from + m.index && it.end <= drug.start && !isPossessive(ctx, it))) return false;
  // "in combination with X" always joins X to another drug, named or not; a bare "with" does so only
  // after a drug ("X with Y"), not after a verb ("patients dosed with X"), nor after a clause about
  // another drug ("… for X which was presented at a meeting, and activity with Y").
  return !/^with\s/i.test(m[0]) || nearestBefore(ctx, from + m.index, DRUG, BARE_WITH_REACH) !== undefined;
}

/** How far before a bare "with Y" the drug it joins may be named: "X with Y", "X given once daily with Y". */
const BARE_WITH_REACH = 60;

/** "versus X", "compared with X": the control arm of the trial. */
function isComparator(ctx: SentenceContext, drug: Item): boolean {
  return ctx.relations.rules.clinical.comparatorBefore.test(ctx.text.slice(Math.max(0, drug.start - 40), drug.start));
}

/** The drugs a statement at `pos` is about, and the partner drugs of their regimen. */
function subjectDrugs(ctx: SentenceContext, pos: number): { drugs: Item[]; partners: Item[] } {
  let list = listBefore(ctx, pos, DRUG, 60);
  // "X in combination with A and B was approved … for": start from the regimen, then walk back to X.
  if (list.length === 0) {
    const far = listBefore(ctx, pos, DRUG, 160);
    const first = far[0];
    if (first && isCombinationPartner(ctx, first)) list = far;
  }
  // The regimen's partner drugs ("X in combination with Y in patients with Z") are studied for Z too;
  // a comparator arm ("versus Y") is not.
  const partners: Item[] = [];
  for (let guard = 0; guard < 4; guard++) {
    const first = list[0];
    if (!first || !isCombinationPartner(ctx, first)) break;
    // Only a regimen written right before the statement ("X in combination with Y in patients with Z").
    if (!isComparator(ctx, first) && pos - (list[list.length - 1]?.end ?? 0) <= 60) partners.push(...list);
    const before = nearestBefore(ctx, first.start, DRUG, 160);
    const run = before ? listBefore(ctx, before.end, DRUG, 0) : [];
    list = run.length > 0 ? run : before ? [before] : [];
  }
  if (list.length === 0 && listBefore(ctx, pos, DRUG, 60).length > 0) return { drugs: [], partners: [] };
  const near = list[list.length - 1] ?? nearestBefore(ctx, pos, DRUG, 160) ?? subjectDrugBefore(ctx, pos);
  if (!near) return { drugs: [], partners: [] };
  if (COORDINATED.test(ctx.text.slice(near.end, pos))) {
    const subject = ctx.items.find((it) => it.label === 'Drug');
    if (subject) return { drugs: [subject], partners: [] };
  }
  return { drugs: list.length > 0 ? list : [near], partners };
}

/**
 * A change of clause between an approval word and the indication it would govern: "X is approved for A
 * and is being studied in B", "approved in Japan and being developed for B", "…; X is in development for B",
 * "received approval for A – and it has big plans for B" (a clause with a subject pronoun of its own).
 */
const CLAUSE_BREAK =
  /;|\bbut\b|\bwhile\b|\bwhereas\b|\band\s+(?:it|they|we)\b|\b(?:is|are|was|were)\s+(?:also\s+|now\s+|currently\s+)?being\b|\band\s+(?:is|are|being)\b|\bbeing\s+(?:studied|developed|evaluated|tested|investigated)\b|\bin\s+development\b/i;

/** Between a drug and the approval word of its apposition or relative clause: ", a drug", ", which is", ", an FDA-". */
const APPOSITIVE_HEAD = /^\s*[®™]?\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:(?:an?|the)\s+(?:[\w-]+\s+){0,3}?|(?:which|that)\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:also\s+|already\s+|currently\s+)?)(?:[\w.-]+[\s-])?$/i;
/** Between such an approval word and its indication phrase: nothing, or a place or agency ("approved in Japan for"). */
const APPOSITIVE_TAIL = /^\s*(?:(?:in|by)\s+(?:the\s+)?[\w.-]+\s*){0,2}$/i;

/** Before an approval word used as an adjective: a determiner ("the approved", "an already approved"; not "the FDA approved") or an agency joined by a hyphen ("FDA-approved"). */
const ATTRIBUTIVE_BEFORE = /(?:\b(?:the|an?|its|their|our)\s+(?:\w+ly\s+)?|\w-)$/i;
/** Between such an adjective and the drug it describes: a few words of its noun phrase ("the approved PD-1 antibody Y"). */
const ATTRIBUTIVE_GAP = /^\s+(?:[\w-]+\s+){0,3}$/;

/**
 * The drug `approval` describes, as [approval, drug]: the drug whose apposition or relative clause holds it ("Y, a drug
 * approved for …"), or the drug it modifies as an adjective ("in combination with the approved drug Y", "FDA-approved Y").
 */
function appositiveApproved(ctx: SentenceContext, approval: { start: number; end: number }): [{ start: number; end: number }, Item][] {
  const drug = nearestBefore(ctx, approval.start, DRUG, 60);
  if (drug && !ctx.items.some((it) => it.start >= drug.end && it.end <= approval.start) && APPOSITIVE_HEAD.test(ctx.text.slice(drug.end, approval.start))) return [[approval, drug]];
  const next = ctx.items.find((it) => it.start >= approval.end);
  if (next?.label === 'Drug' && ATTRIBUTIVE_BEFORE.test(ctx.text.slice(Math.max(0, approval.start - 30), approval.start)) && ATTRIBUTIVE_GAP.test(ctx.text.slice(approval.end, next.start))) return [[approval, next]];
  return [];
}

/** A denial right before an approval word: "no approved", "not yet approved", "without approval of". */
const DENIED_BEFORE = /\b(?:no|not|non|without|never|un)[\s-]+(?:\w+\s+)?$/i;

/** How far after the disease an approval word may stand ("X for the treatment of D was approved in 2020"). */
const APPROVAL_AFTER = 50;

/**
 * Whether the approval word states the approval of the drug for the disease of the indication phrase
 * `hit` (whose diseases end at `diseaseEnd`): in the same clause, before the phrase or right after its
 * disease, and not the approval of something else (a trial, an IND, a merger) named beside it.
 */
function approvalGoverns(ctx: SentenceContext, approval: { start: number; end: number }, hit: { start: number; end: number }, diseaseEnd: number): boolean {
  // An approval word before the disease governs it, whether before the indication phrase or inside it ("indicated
  // for" and "for the treatment of" share a word; "for patients with FDA-approved …").
  const before = approval.start < diseaseEnd;
  // Before the disease, the clause decides, not the distance (a long list of dosing and population words can stand between).
  if (!before && approval.start - diseaseEnd > APPROVAL_AFTER) return false;
  const from = before ? Math.min(approval.end, hit.start) : diseaseEnd;
  const to = before ? hit.start : approval.start;
  if (CLAUSE_BREAK.test(ctx.text.slice(from, to).replace(/\([^()]*\)/g, '()'))) return false;
  // "a disease with no approved treatments", "not yet approved": no approval is stated.
  if (DENIED_BEFORE.test(ctx.text.slice(Math.max(0, approval.start - 20), approval.start))) return false;
  // After the disease, only the predicate of the same noun phrase ("X for D was approved"), not a clause of another
  // drug ("Unlike Y, which failed in D, X was approved") nor an apposition ("in D, a disease with no approved …").
  if (!before && (/;|,\s*(?:an?|the|which|that|where|whose|and|while|but)\b/i.test(ctx.text.slice(from, to)) || ctx.items.some((it) => it.label === 'Drug' && it.start >= from && it.end <= to))) return false;
  // "the IND approval for X", "approved the protocol of a trial of X", "approval to begin a trial of X": the approved
  // thing stands right beside the approval word (a trial named further on is the evidence of a drug's approval).
  // Before the approval word only a word that modifies it ("IND approval", "shareholders approved"), not a clause before
  // it ("Based on the Phase 3 study, the FDA approved X").
  return !ctx.triggers
    .findAll('approval.other', Math.max(0, approval.start - 40), Math.min(ctx.text.length, approval.end + 25))
    .some((other) => other.start >= approval.end || /^[\s-]*(?:[\w-]+\s+)?$/.test(ctx.text.slice(other.end, approval.start)));
}

/** The words that open the examples of a class (classThenExamples): without one, no class is looked for. */
const CLASS_EXAMPLES_WORD = /\b(?:including|such\s+as|e\.g\.|like|particular|particularly|notably)\b/i;

/**
 * The diseases an indication cue names: those right after it (after a bare preposition only past qualifiers: "in
 * second-line metastatic HER2-positive gastric or D"), or past the people the treatment is for ("for the treatment of
 * adult patients who have relapsed or refractory D") or a class whose examples follow ("for several autoimmune
 * conditions, such as A and B"), with the examples a class names.
 */
function indicationDiseases(ctx: SentenceContext, hit: { start: number; end: number; text: string }): Item[] {
  const { qualifierGap, populationGap, classThenExamples } = ctx.relations.rules.clinical;
  const generic = GENERIC.has(hit.text);
  let diseases = listAfter(ctx, hit.end, DISEASE, generic ? 90 : 45, ['Drug', 'Company']);
  const firstDisease = diseases[0];
  if (generic && firstDisease && !qualifierGap.test(ctx.text.slice(hit.end, firstDisease.start))) diseases = [];
  const far = listAfter(ctx, hit.end, DISEASE, POPULATION_REACH, ['Drug', 'Company']);
  const first = far[0];
  if (diseases.length === 0 && first && populationGap.test(ctx.text.slice(hit.end, first.start))) diseases = far;
  // The class may name diseases of its own ("for diabetes and obesity-related indications, including A and B"): its
  // examples start at the first disease after it.
  const example =
    CLASS_EXAMPLES_WORD.test(ctx.text.slice(hit.end, hit.end + POPULATION_REACH)) &&
    ctx.items.find((d) => d.label === 'Disease' && d.start >= hit.end && d.start - hit.end <= POPULATION_REACH && classThenExamples.test(ctx.text.slice(hit.end, d.start)));
  if (example && !diseases.includes(example)) diseases = [...diseases.filter((d) => d.start < example.start), ...listAfter(ctx, example.start, DISEASE, 0, ['Drug', 'Company'])];
  const lastDisease = diseases[diseases.length - 1];
  const examples = lastDisease ? EXAMPLES_AFTER.exec(ctx.text.slice(lastDisease.end, lastDisease.end + 30)) : null;
  if (lastDisease && examples) diseases = [...diseases, ...listAfter(ctx, lastDisease.end + examples[0].length, DISEASE, 0, ['Drug', 'Company'])];
  return diseases;
}

export const indicationRule: SentenceRule = {
  id: 'indication',
  needs: [DRUG, DISEASE],
  triggers: ['indication', 'indication.program', 'indication.received'],
  apply(ctx: SentenceContext, emit: Emit) {
    const { programAfter } = ctx.relations.rules.clinical;
    // An approval word inside brackets describes another drug ("with Y (an FDA-approved therapy for cancer)"), not the sentence's.
    const allApprovals = ctx.triggers.findAll('approval');
    const approvals = allApprovals.filter((hit) => !enclosingBracket(ctx.text, hit.start));
    // "Y (an FDA-approved immunotherapy for cancer)": the bracket describes Y's approved use, not an indication studied in the sentence.
    const approvedInBracket = (hit: { start: number }): boolean => {
      const around = allApprovals.length > approvals.length ? enclosingBracket(ctx.text, hit.start) : undefined;
      return around !== undefined && allApprovals.some((approval) => approval.start > around[0] && approval.start < hit.start);
    };
    const approvable = approvals.length > 0 && !ctx.triggers.hasAny('approval.pending') && statusOf(ctx.triggers) === 'actual';
    // "with Y, a drug approved for A", "Y, which is approved for A": the approval of an apposition belongs to its drug alone.
    const described = new Map(approvals.flatMap((approval) => appositiveApproved(ctx, approval)));
    const used = new Set<number>();
    for (const disease of ctx.items) {
      if (disease.label !== 'Disease') continue;
      const program = programAfter.exec(ctx.text.slice(disease.end, disease.end + 30));
      if (!program) continue;
      const drugs = /^\s*,\s*/.test(ctx.text.slice(disease.end + program[0].length, disease.end + program[0].length + 3))
        ? listAfter(ctx, disease.end + program[0].length, DRUG, 4, ['Company'])
        : ctx.items.filter((it) => it.label === 'Drug' && /^\s+$/.test(ctx.text.slice(it.end, disease.start)));
      for (const drug of drugs) emit('STUDIED_FOR', drug, disease, 'studied_for.disease_program', 0.65);
    }
    // "psoriasis patients treated with X": the disease right before the population phrase, the drugs right after it.
    for (const hit of ctx.triggers.findAll('indication.received')) {
      const disease = nearestBefore(ctx, hit.start, DISEASE, 2);
      const drugs = listAfter(ctx, hit.end, DRUG, 2, ['Company']).filter((it) => !isComparator(ctx, it));
      if (!disease || !/^\s+$/.test(ctx.text.slice(disease.end, hit.start)) || PRIOR_THERAPY.test(ctx.text.slice(hit.start, hit.end))) continue;
      for (const drug of drugs) emit('STUDIED_FOR', drug, disease, 'studied_for.treated_population', 0.7);
    }
    for (const hit of ctx.triggers.findAll('indication')) {
      if (approvedInBracket(hit)) continue;
      const generic = GENERIC.has(hit.text);
      const fresh = indicationDiseases(ctx, hit).filter((d) => !used.has(d.start));
      if (fresh.length === 0) continue;
      for (const d of fresh) used.add(d.start);
      const own = approvable ? [...described].find(([approval]) => approval.end <= hit.start && APPOSITIVE_TAIL.test(ctx.text.slice(approval.end, hit.start))) : undefined;
      if (own) {
        for (const disease of fresh) emit('APPROVED_FOR', own[1], disease, 'approved_for.appositive_approval', 0.7);
        continue;
      }
      // "… but also to candidate vaccines for D", "other therapies for D": the indication of unnamed medicines, not of a drug named before.
      if (OTHER_MEDICINES_BEFORE.test(ctx.text.slice(Math.max(0, hit.start - 50), hit.start))) continue;
      const subject = subjectDrugs(ctx, hit.start);
      // No drug before the statement: the population may have received the drug named after it ("patients with D who received X").
      const { drugs, partners } = subject.drugs.length + subject.partners.length > 0 ? subject : { drugs: drugsAfterPopulation(ctx, hit, fresh), partners: [] };
      const approved = approvable && approvals.some((approval) => !described.has(approval) && approvalGoverns(ctx, approval, hit, fresh[fresh.length - 1]?.end ?? hit.end));
      // An approval names the approved drug; the regimen's other drugs were approved before, on their own.
      for (const drug of approved ? drugs : [...drugs, ...partners]) {
        if (drug.end <= hit.start && isNegated(ctx.triggers, drug.end, hit.start)) continue;
        for (const disease of fresh) {
          if (approved) emit('APPROVED_FOR', drug, disease, 'approved_for.approval_statement', 0.75);
          else emit('STUDIED_FOR', drug, disease, generic ? 'studied_for.preposition' : 'studied_for.indication_phrase', generic ? 0.6 : 0.8);
        }
      }
    }
  },
};

/**
 * "X is an oral … candidate. The Phase 2 trial enrolled 120 patients": a sentence that names no drug but refers back to a
 * trial ("the Phase 2 trial", "its ongoing Phase 3 study", "an ongoing phase 2 trial for D") gives that phase to the only
 * drug of its paragraph (or of the paragraph before, when its own names none). A trial whose object this sentence names
 * ("the Phase 2 trial of a combination") is another trial. Only sentences with a phase cue are read, and of them only
 * those without a drug.
 */
export function referredTrialPhases(dc: DocumentContext, skip: (text: string) => boolean): RelationFact[] {
  const out: RelationFact[] = [];
  const { phaseCue, referentBeforePhase, referentAfterPhase } = dc.knowledge.relations.rules.clinical;
  const text = dc.doc.cleanText;
  for (const sentence of dc.doc.sentences) {
    if (sentence.section === 'forwardLooking') continue;
    const own = text.slice(sentence.start, sentence.end);
    if (!phaseCue.test(own) || (dc.bySentence.get(sentence.index) ?? []).some((i) => dc.found.mentions[i]?.label === 'Drug') || skip(own)) continue;
    const phases = findPhases(dc.knowledge.relations.phases, own).filter((p) => p.key !== 'PRECLINICAL' && referentBeforePhase.test(own.slice(Math.max(0, p.start - 40), p.start)) && referentAfterPhase.test(own.slice(p.end, p.end + 60)));
    if (phases.length === 0) continue;
    const drug = referredDrug(dc, sentence.index);
    if (drug === undefined) continue;
    const ctx = sentenceContext(dc, sentence, own);
    for (const phase of phases) {
      if (isNegated(ctx.triggers, Math.max(0, phase.start - 40), Math.min(own.length, phase.end + 20))) continue;
      // "an ongoing phase 2 trial": the opener states the status itself.
      const status = /\bongoing\s+(?:[\w-]+\s+)?$/i.test(own.slice(Math.max(0, phase.start - 30), phase.start)) ? 'ongoing' : phaseStatus(ctx, phase.start, phase.end);
      const properties: Properties = { status };
      if (phase.subphase) properties.subphase = phase.subphase;
      out.push({ type: 'IN_PHASE', source: drug, target: { phase: phase.key }, properties, sentenceIndex: sentence.index, rule: `in_phase.referred_trial.${status}`, confidence: 0.6 });
    }
  }
  return out;
}

/** A cheap first look before a sentence is read for referredIndications: a pronoun or definite subject at its start, or a trial noun. */
const REFERRING_GATE = /^\s*(?:[•*-]\s*)?(?:it|the|this)\b|\b(?:trials?|stud(?:y|ies))\b/i;

/**
 * "X is an oral … analog. It is being investigated for A, B and C", "… . Additional studies have been initiated in patients
 * with D": a sentence that names no drug but refers back to one, by a pronoun subject or "the candidate" with a development
 * predicate right before its indication cue (referringSubject), or by a trial named right before it (referredTrialBefore),
 * gives its indications to the only drug of its paragraph (referredDrug). Only sentences with a disease and without a
 * drug are read, and of them only those with an indication cue.
 */
export function referredIndications(dc: DocumentContext, skip: (text: string) => boolean): RelationFact[] {
  const out: RelationFact[] = [];
  const { referringSubject, referredTrialBefore } = dc.knowledge.relations.rules.clinical;
  const text = dc.doc.cleanText;
  const mentions = dc.found.mentions;
  for (const sentence of dc.doc.sentences) {
    if (sentence.section === 'forwardLooking') continue;
    const inSentence = dc.bySentence.get(sentence.index) ?? [];
    if (!inSentence.some((i) => mentions[i]?.label === 'Disease') || inSentence.some((i) => mentions[i]?.label === 'Drug')) continue;
    const own = text.slice(sentence.start, sentence.end);
    if (!REFERRING_GATE.test(own) || skip(own)) continue;
    const ctx = sentenceContext(dc, sentence, own);
    // Companies in the sentence may run trials of their own drugs: only a sentence about no company but the drug's is read.
    if (ctx.items.some((it) => it.label === 'Company' && !it.pronoun)) continue;
    const referring = ctx.triggers.findAll('indication').filter((hit) => referringSubject.test(own.slice(0, hit.start)) || referredTrialBefore.test(own.slice(Math.max(0, hit.start - 120), hit.start)));
    if (referring.length === 0) continue;
    const drug = referredDrug(dc, sentence.index);
    if (drug === undefined) continue;
    const seen = new Set<number>();
    for (const hit of referring) {
      for (const disease of indicationDiseases(ctx, hit)) {
        if (seen.has(disease.index) || isNegated(ctx.triggers, 0, hit.start)) continue;
        seen.add(disease.index);
        out.push({ type: 'STUDIED_FOR', source: drug, target: disease.index, properties: {}, sentenceIndex: sentence.index, rule: 'studied_for.referred_drug', confidence: 0.6 });
      }
    }
  }
  return out;
}
