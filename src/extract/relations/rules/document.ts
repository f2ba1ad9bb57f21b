// Rules over the whole document rather than one sentence: the components a drug's name spells out
// ("hu7A-DM4" → DM4, "examplezumab-MMAE" → examplezumab; an ADC INN's payload word "vedotin" → MMAE,
// read from data/lexicons/payloads.txt into RelationKnowledge.payloadForms), and the target an ADC
// inherits from its antibody component; and the issuer's pipeline (the drugs no sentence gives to another
// company: not a regimen partner, comparator, standard of care or prior therapy, not the partner member of a regimen list ("a
// combination of A and B"), an ingredient in another drug's bracket, a drug of another company's clause or of a sentence it opens, a drug
// with another company named as its maker right after it: "ZV-712 (Zorvexa Inc.)", "marketed by Zorvexa").
import type { RelationFact } from '../../../model/extraction.ts';
import { foldName } from '../../../text/names.ts';
import type { DocumentContext } from '../context.ts';
import type { RuleWords } from '../word-lists.ts';

export interface DocumentPatterns {
  /** A technology named as a platform ("DXd ADC technology"). */
  readonly platformWord: RegExp;
  /** Words that put a drug in a development context ("candidate", "program", "trial", "IND"). */
  readonly pipelineContext: RegExp;
  /** Words right before a drug that make it a regimen partner or comparator ("in combination with X"). */
  readonly partnerBefore: RegExp;
  /** Words that deny or end development in a sentence ("does not include", "discontinued"). */
  readonly pipelineNegation: RegExp;
  /** Right after a drug, the company that makes it another's: "X (Zorvexa Inc.)", "X, marketed by Zorvexa". */
  readonly ownerAfter: RegExp;
  /** Words that open a regimen written as a list of drugs ("a combination of A and B", "co-administration of A with B"); global. */
  readonly regimenOpen: RegExp;
}

export function compileDocumentPatterns(words: RuleWords): DocumentPatterns {
  return Object.freeze({
    platformWord: new RegExp(`\\b(?:${words.alternation('platform.word')})\\b`, 'i'),
    pipelineContext: new RegExp(`\\b(?:${words.alternation('pipeline.context')})\\b`, 'i'),
    pipelineNegation: new RegExp(`\\b(?:${words.alternation('pipeline.negation')})\\b`, 'i'),
    ownerAfter: new RegExp(`^\\s*[®™]?\\s*(?:\\([^()]{0,40}\\)\\s*)?(?:\\(\\s*|,?\\s*(?:${words.alternation('pipeline.owner_after')})\\s+(?:the\\s+)?)$`, 'i'),
    regimenOpen: new RegExp(`\\b(?:${words.alternation('pipeline.regimen')})\\s+`, 'gi'),
    // "in combination with Acme's (NASDAQ: ACME) checkpoint inhibitor Zorvexa", "with the XKR5 inhibitors X", "versus the standard of care, X":
    // a possessive owner and a few describing words may stand between, and a comma or colon may close the partner word.
    partnerBefore: new RegExp(`\\b(?:${words.alternation('pipeline.partner')})[.,:]?\\s+(?:\\S+\\s+){0,3}(?:\\S+['’]s?\\s+(?:\\([^()]{1,30}\\)\\s*)?(?:[^\\s()]+\\s+|\\([^()]{1,10}\\)\\s*){0,4})?$`, 'i'),
  });
}

function usable(dc: DocumentContext, sentenceIndex: number): boolean {
  const s = dc.doc.sentences[sentenceIndex];
  return s !== undefined && s.section !== 'forwardLooking';
}

export function documentRules(dc: DocumentContext, facts: readonly RelationFact[]): RelationFact[] {
  const out: RelationFact[] = [];
  const { mentions } = dc.found;
  const { payloadForms, rules } = dc.knowledge.relations;
  // Folded name → first mention index, per label, for parts of code names.
  const byName = new Map<string, number>();
  mentions.forEach((m, i) => {
    if (m.label !== 'Drug' && m.label !== 'Technology') return;
    for (const form of [m.canonical, m.text]) {
      const key = `${m.label}|${foldName(form)}`;
      if (!byName.has(key)) byName.set(key, i);
    }
  });
  // Technologies the document names as a platform in at least one mention ("DXd ADC technology").
  const platforms = new Set<number>();
  mentions.forEach((m, i) => {
    if (m.label === 'Technology' && rules.document.platformWord.test(m.text)) platforms.add(dc.entityOf[i] ?? i);
  });
  const seen = new Set<string>();
  const add = (source: number, target: number, sentenceIndex: number, rule: string, confidence: number): void => {
    const key = `${dc.entityOf[source]}>${dc.entityOf[target]}|${rule}`;
    if (seen.has(key) || dc.entityOf[source] === dc.entityOf[target] || !usable(dc, sentenceIndex)) return;
    seen.add(key);
    // A payload named as a whole platform ("DXd ADC technology") is the technology the drug uses, not a part of it.
    const platform = platforms.has(dc.entityOf[target] ?? target);
    if (platform) out.push({ type: 'USES_TECHNOLOGY', source, target, properties: {}, sentenceIndex, rule: rule.replace(/^has_component\./, 'uses_technology.'), confidence });
    else out.push({ type: 'HAS_COMPONENT', source, target, properties: {}, sentenceIndex, rule, confidence });
  };
  mentions.forEach((m, i) => {
    if (m.label !== 'Drug') return;
    // "hu7A-DM4": a hyphenated code name whose part is a payload or an antibody named in the document.
    const parts = m.canonical.split(/[-\s]+/).filter((p) => p.length >= 2);
    if (parts.length >= 2 && /-/.test(m.canonical)) {
      for (const part of parts) {
        const tech = byName.get(`Technology|${foldName(part)}`);
        if (tech !== undefined) add(i, tech, m.sentenceIndex, 'has_component.code_name', 0.7);
        const antibody = byName.get(`Drug|${foldName(part)}`);
        if (antibody !== undefined && /mab$/i.test(part)) add(i, antibody, m.sentenceIndex, 'has_component.code_name', 0.7);
      }
    }
    // "ladiratuzumab vedotin": the INN's second word names the payload.
    const words = m.canonical.split(/\s+/);
    if (words.length >= 2) {
      const forms = payloadForms.get(foldName(words[words.length - 1] ?? ''));
      for (const form of forms ?? []) {
        const tech = byName.get(`Technology|${form}`);
        if (tech !== undefined) add(i, tech, m.sentenceIndex, 'has_component.inn_payload_word', 0.7);
      }
    }
  });
  // An ADC binds what its antibody binds: X HAS_COMPONENT antibody A, A TARGETS T ⇒ X TARGETS T.
  const components = [...facts, ...out].filter((f) => f.type === 'HAS_COMPONENT' && typeof f.target === 'number' && mentions[f.target]?.label === 'Drug');
  const targets = facts.filter((f) => f.type === 'TARGETS');
  for (const c of components) {
    for (const t of targets) {
      if (typeof c.target !== 'number' || typeof t.target !== 'number' || dc.entityOf[t.source] !== dc.entityOf[c.target]) continue;
      const key = `${dc.entityOf[c.source]}>${dc.entityOf[t.target]}|targets`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ type: 'TARGETS', source: c.source, target: t.target, properties: {}, sentenceIndex: t.sentenceIndex, rule: 'targets.via_antibody_component', confidence: 0.6 });
    }
  }
  return out;
}

/** Relationship types that say a drug belongs to, or is worked on by, some company. */
const CLAIMS: ReadonlySet<string> = new Set(['DEVELOPS', 'OWNS', 'LICENSES', 'HAS_OPTION_ON', 'ACQUIRES', 'TRADEMARK_OF']);

/**
 * The issuer's pipeline: a release or filing speaks of its own programmes. A drug the document puts
 * in a development context (a phase, an indication, a trial or candidate word in its sentence) and
 * that no sentence gives to any company is developed by the document's main company ("About X"
 * sections included: they list its programmes). A drug some sentence gives to a company (another's,
 * a partner's licence), or names as a regimen partner or comparator, is left out.
 */
export function issuerPipeline(dc: DocumentContext, facts: readonly RelationFact[]): RelationFact[] {
  const primary = dc.primaryCompany;
  if (primary === undefined) return [];
  const { mentions } = dc.found;
  const entityOf = (i: number): number => dc.entityOf[i] ?? i;
  const claimed = new Set<number>();
  const inDevelopment = new Set<number>();
  for (const f of facts) {
    if (typeof f.target === 'number' && CLAIMS.has(f.type)) claimed.add(entityOf(f.target));
    if (f.type === 'TRADEMARK_OF') claimed.add(entityOf(f.source));
    if (f.type === 'IN_PHASE' || f.type === 'STUDIED_FOR') inDevelopment.add(entityOf(f.source));
  }
  const { pipelineContext, partnerBefore, pipelineNegation, ownerAfter } = dc.knowledge.relations.rules.document;
  // A drug ever named as a regimen partner or comparator is someone else's medicine in this text.
  const claimedAsPartner = new Set<number>();
  mentions.forEach((m, i) => {
    if (m.label === 'Drug' && partnerBefore.test(dc.doc.cleanText.slice(Math.max(0, m.start - 110), m.start))) {
      claimed.add(entityOf(i));
      claimedAsPartner.add(i);
    }
  });
  // "ZV-712 (Zorvexa Inc.)", "ZV-712, marketed by Zorvexa": the company named right after the drug as its maker is not the issuer.
  const issuerWord = firstWord(mentions[entityOf(primary)]?.canonical ?? '');
  mentions.forEach((m, i) => {
    if (m.label !== 'Drug') return;
    const maker = mentions.find((c) => c.label === 'Company' && c.sentenceIndex === m.sentenceIndex && c.start >= m.end && c.start - m.end <= 80);
    if (!maker || !ownerAfter.test(dc.doc.cleanText.slice(m.end, maker.start))) return;
    const makerIndex = mentions.indexOf(maker);
    if (entityOf(makerIndex) !== entityOf(primary) && firstWord(maker.canonical) !== issuerWord) claimed.add(entityOf(i));
  });
  // "Zorvexa® (foximab)": a name in brackets right after a drug is the same medicine, claimed with it.
  const text = dc.doc.cleanText;
  mentions.forEach((m, i) => {
    if (m.label !== 'Drug') return;
    const prev = mentions.findIndex((p) => p.label === 'Drug' && p.sentenceIndex === m.sentenceIndex && p.end <= m.start && /^\s*[®™]?\s*\(\s*$/.test(text.slice(p.end, m.start)));
    if (prev < 0) return;
    if (claimed.has(entityOf(prev))) claimed.add(entityOf(i));
    else if (claimed.has(entityOf(i))) claimed.add(entityOf(prev));
  });
  // "in combination with the T inhibitors A and B", "versus A or B": the drugs coordinated after a partner are partners too.
  mentions.forEach((m, i) => {
    if (m.label !== 'Drug') return;
    const prev = previousDrug(mentions, i);
    if (prev !== undefined && claimedAsPartner.has(prev) && COORDINATED_NEXT.test(text.slice(mentions[prev]?.end ?? m.start, m.start))) {
      claimedAsPartner.add(i);
      claimed.add(entityOf(i));
    }
  });
  // "X (oral A/B)", "X (A plus B)": drugs written inside another drug's bracket beside a second one are its ingredients, not programmes.
  mentions.forEach((m, i) => {
    if (m.label !== 'Drug') return;
    const owner = previousDrug(mentions, i, (p) => OPEN_BRACKET.test(text.slice(p.end, m.start)));
    if (owner === undefined) return;
    const inside = mentions.filter((o) => o.label === 'Drug' && o.sentenceIndex === m.sentenceIndex && o.start > (mentions[owner]?.end ?? m.start) && OPEN_BRACKET.test(text.slice(mentions[owner]?.end ?? 0, o.start)));
    if (inside.length >= 2) claimed.add(entityOf(i));
  });
  const primaryEntity = entityOf(primary);
  const regimenPartners = regimenPartnerMentions(dc);
  const out: RelationFact[] = [];
  const done = new Set<number>();
  mentions.forEach((m, i) => {
    const drug = entityOf(i);
    if (m.label !== 'Drug' || done.has(drug) || claimed.has(drug) || regimenPartners.has(i) || !usable(dc, m.sentenceIndex)) return;
    const sentence = dc.doc.sentences[m.sentenceIndex];
    if (!sentence) return;
    const text = dc.doc.cleanText.slice(sentence.start, sentence.end);
    // "Rhythm reported Phase 3 results for X", "B markets X": a sentence about another company's work, with no word of the
    // issuer's own (no mention of it, no "we"/"our"), does not put X in the issuer's pipeline.
    if (aboutAnotherCompany(dc, entityOf, primaryEntity, m)) return;
    if (pipelineNegation.test(text) || (!inDevelopment.has(drug) && !pipelineContext.test(text))) return;
    done.add(drug);
    out.push({ type: 'DEVELOPS', source: primary, target: i, properties: {}, sentenceIndex: m.sentenceIndex, rule: 'develops.issuer_pipeline', confidence: 0.5 });
  });
  return out;
}

/** Up to three describing words between a regimen word and its first drug ("combination of the oral QX-12"). */
const FIRST_MEMBER_GAP = /^(?:[^\s,;.()]+\s+){0,3}$/;
/** "QX-12 ("KV-184")": a bracket that gives the member's other name. */
const ALIAS_GAP = /^\s*[®™]?\s*\(\s*["“']?$/;
/** Between two members of a regimen: a closed bracket, a comma, "and", "with", "plus", "+", "/", and up to two describing words. */
const REGIMEN_JOIN = /^\s*["”'’]?\s*\)?\s*[®™]?\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*(?:and\s+|with\s+|plus\s+)?|and\s+|with\s+|plus\s+|\+\s*|\/\s*)(?:the\s+)?(?:[^\s,;.()]+\s+){0,2}$/;
/** A code name carries a digit ("QX-12", "ZRX-001"): a company's own investigational drug, not an approved partner. */
const CODE_NAME = /\d/;

/**
 * The drug mentions that are partners in a regimen written as a list ("a combination of A and B",
 * "combining A with B", "co-administration of A with B"): the regimen is the programme of one member, the
 * first code-named one (an investigational drug beside approved ones), else the first named; the others are
 * partners there. Only that mention is left out: the drug may still be the issuer's where it stands alone.
 * Work is limited to sentences with two drug mentions or more.
 */
function regimenPartnerMentions(dc: DocumentContext): Set<number> {
  const out = new Set<number>();
  const { mentions } = dc.found;
  const text = dc.doc.cleanText;
  const { regimenOpen } = dc.knowledge.relations.rules.document;
  const bySentence = new Map<number, number[]>();
  mentions.forEach((m, i) => {
    if (m.label !== 'Drug') return;
    const list = bySentence.get(m.sentenceIndex) ?? [];
    list.push(i);
    bySentence.set(m.sentenceIndex, list);
  });
  for (const [sentenceIndex, drugs] of bySentence) {
    const sentence = dc.doc.sentences[sentenceIndex];
    if (drugs.length < 2 || !sentence) continue;
    drugs.sort((a, b) => (mentions[a]?.start ?? 0) - (mentions[b]?.start ?? 0));
    for (const open of text.slice(sentence.start, sentence.end).matchAll(regimenOpen)) {
      const groups: number[][] = [];
      let end = sentence.start + open.index + open[0].length;
      for (const i of drugs) {
        const m = mentions[i];
        if (!m || m.start < end) continue;
        const gap = text.slice(end, m.start);
        const last = groups[groups.length - 1];
        if (!last) {
          if (!FIRST_MEMBER_GAP.test(gap)) break;
          groups.push([i]);
        } else if (ALIAS_GAP.test(gap)) last.push(i);
        else if (REGIMEN_JOIN.test(gap)) groups.push([i]);
        else break;
        end = m.end;
      }
      if (groups.length < 2) continue;
      const lead = groups.find((g) => g.some((i) => CODE_NAME.test(mentions[i]?.text ?? ''))) ?? groups[0];
      for (const g of groups) if (g !== lead) for (const i of g) out.add(i);
    }
  }
  return out;
}

/** "A and B", "A, B", "A or B": the gap between two drugs of one list. */
const COORDINATED_NEXT = /^\s*[®™]?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$/i;
/** Inside a bracket opened after a drug and not yet closed: "X (oral A/B". */
const OPEN_BRACKET = /^\s*[®™]?\s*\([^()]*$/;
/** A first-person word: the issuer speaks of itself. */
const FIRST_PERSON = /\b(?:we|our|us)\b/i;

/** The nearest drug mention before mention `i` in its sentence (that `accept` accepts). */
function previousDrug(mentions: DocumentContext['found']['mentions'], i: number, accept: (p: DocumentContext['found']['mentions'][number]) => boolean = () => true): number | undefined {
  const m = mentions[i];
  if (!m) return undefined;
  let best: number | undefined;
  mentions.forEach((p, j) => {
    if (p.label !== 'Drug' || p.sentenceIndex !== m.sentenceIndex || p.end > m.start || !accept(p)) return;
    if (best === undefined || p.end > (mentions[best]?.end ?? 0)) best = j;
  });
  return best;
}

/**
 * Whether drug mention `m` stands in a clause of another company: the nearest company named before it in its
 * sentence is not the issuer, no "we"/"our" speaks for the issuer there, and the issuer, if named before, heads
 * another clause ("Acme's approach is timely as Zorvexa reported results for X"), not a phrase that introduces
 * its own unit ("Acme subsidiary Zorvexa started a trial of X").
 */
function aboutAnotherCompany(dc: DocumentContext, entityOf: (i: number) => number, primaryEntity: number, m: DocumentContext['found']['mentions'][number]): boolean {
  const { mentions } = dc.found;
  const text = dc.doc.cleanText;
  let nearest: number | undefined;
  let issuerBefore: number | undefined;
  // The issuer's group: its own mentions, and names that begin with its name's first word ("Zorvexa" beside "Zorvexa Therapeutics").
  const issuerWord = firstWord(mentions[primaryEntity]?.canonical ?? '');
  const ofIssuer = (j: number): boolean => entityOf(j) === primaryEntity || (issuerWord !== '' && firstWord(mentions[j]?.canonical ?? '') === issuerWord);
  for (const [j, c] of mentions.entries()) {
    if (c.label !== 'Company' || c.sentenceIndex !== m.sentenceIndex || c.end > m.start) continue;
    if (nearest === undefined || c.end > (mentions[nearest]?.end ?? 0)) nearest = j;
    if (ofIssuer(j) && (issuerBefore === undefined || c.end > (mentions[issuerBefore]?.end ?? 0))) issuerBefore = j;
  }
  const other = nearest === undefined ? undefined : mentions[nearest];
  if (nearest === undefined || !other || ofIssuer(nearest)) return false;
  if (FIRST_PERSON.test(text.slice(other.end, m.start))) return false;
  const issuer = issuerBefore === undefined ? undefined : mentions[issuerBefore];
  // "Zorvexa markets X": another company opens the sentence as its subject, and the issuer is neither named
  // nor speaks ("we", "our") anywhere in it.
  if (issuer === undefined) return ledByOther(dc, ofIssuer, other, m);
  // "Acme announced data from Zorvexa's trial evaluating X": the other company's possessive governs the phrase that holds X.
  const possessive = /^['’]s?\s/.test(text.slice(other.end, other.end + 3)) && !/[,;()]/.test(text.slice(other.end, m.start));
  return possessive || CLAUSE_BETWEEN.test(text.slice(issuer.end, other.start));
}

/** Before a sentence's first word: bullets, quotes, brackets, dashes. */
const SENTENCE_OPENING = /^[\s\p{P}\p{S}]*$/u;

/** Whether company mention `other` opens drug mention `m`'s sentence as its subject, and the issuer has no part in that sentence. */
function ledByOther(dc: DocumentContext, ofIssuer: (j: number) => boolean, other: DocumentContext['found']['mentions'][number], m: DocumentContext['found']['mentions'][number]): boolean {
  const sentence = dc.doc.sentences[m.sentenceIndex];
  if (!sentence || !SENTENCE_OPENING.test(dc.doc.cleanText.slice(sentence.start, other.start))) return false;
  if (FIRST_PERSON.test(dc.doc.cleanText.slice(sentence.start, sentence.end))) return false;
  return !dc.found.mentions.some((c, j) => c.label === 'Company' && c.sentenceIndex === m.sentenceIndex && ofIssuer(j));
}

/** Words that open another clause between two company names. */
const CLAUSE_BETWEEN = /;|\b(?:as|while|whereas|but|when|since|because|although)\b/i;

/** A company name's first word, folded ("Zorvexa Pharmaceuticals" → "zorvexa"). */
function firstWord(name: string): string {
  return foldName(name.split(/\s+/)[0] ?? '');
}
