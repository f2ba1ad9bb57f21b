// Diseases: Disease Ontology labels and synonyms plus the field's common forms, looked up word by
// word (hash lookups, linear in the text). Stage and setting qualifiers ("metastatic", "relapsed or
// refractory") and biomarker qualifiers ("HER2-positive") stay in the span and the properties but
// not in the name, so each disease is one node. A site or kind adjective or noun the ontology writes
// before its heads ("uveal", "bipolar", "scalp") narrows the disease the lexicon found ("uveal
// melanoma", "scalp psoriasis"); a biomarker before a siteless head stays in the name ("KRAS-mutant
// solid tumors", "HRD solid tumors"); an abbreviation that spells more words keeps them
// ("X-Linked Myotubular Myopathy (XLMTM)"). A clinical kind's adjective ("suicidal depression"), a cause
// hyphened to a link word ("chemotherapy-induced depression", "acid-related disorders") and a list's items
// before a shared head ("ovarian, fallopian tube, and primary peritoneal cancers") are read too.
import type { Candidate, Scope } from './candidates.ts';
import { candidate } from './candidates.ts';
import type { DiseaseEntry, DiseaseLexicon, EntityLexicons } from './lexicons.ts';
import { phraseAlternation, phraseKey } from './lexicons.ts';
import type { Sentence } from '../../model/document.ts';
import type { SentenceReader } from './cues.ts';

interface Token {
  word: string;
  start: number;
  end: number;
  /** The word in lower case. */
  lower: string;
  /** Its phrase key (phraseKey): the lower case, a possessive dropped. */
  key: string;
}

const NEEDS_PHRASE_KEY = /['’\u00c0-\u024f]/;

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** The disease rules' patterns, compiled once with the knowledge (`knowledge.entities.diseases`). */
export interface DiseasePatterns {
  /** "HER2-positive": a biomarker token pair ending in a qualifier word. */
  readonly biomarker: RegExp;
}

export function compileDiseasePatterns(lexicons: EntityLexicons): DiseasePatterns {
  // "HER2-positive", "mKRAS-driven" (a mutant-form prefix), "MSI-High" (the qualifier capitalised).
  const qualifiers = lexicons.biomarkerQualifiers.flatMap((q) => [q, q.charAt(0).toUpperCase() + q.slice(1)]);
  return Object.freeze({ biomarker: new RegExp(String.raw`^\p{Ll}?\p{Lu}[\p{L}\d]*[-‐](?:${phraseAlternation(qualifiers, 'literal')})$`, 'u') });
}

function token(word: string, start: number, lower = word.toLowerCase()): Token {
  // A possessive or an accented letter needs the full phrase key; plain words are their own key.
  return { word, start, end: start + word.length, lower, key: NEEDS_PHRASE_KEY.test(lower) ? phraseKey(word) : lower };
}

/** The TOKEN matches of a text (a sentence holding characters outside the BMP is read this way). */
export function tokenize(text: string, offset: number): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) tokens.push(token(m[0], offset + m.index));
  return tokens;
}

const LETTER = /\p{L}/u;

/**
 * The sentence's TOKEN matches, made from its shared words (cues.ts) instead of a second regex
 * pass: a word, joined to the letters of the next word when an apostrophe sits between them
 * ("Crohn's"); what follows those letters in that word (digits first) is a token of its own.
 */
export function sentenceTokens(reader: SentenceReader, sentence: Sentence): Token[] {
  const text = reader.text;
  const shared = reader.words(sentence);
  if (shared.astral) return tokenize(text.slice(sentence.start, sentence.end), sentence.start);
  const { starts, ends, words } = shared;
  const lower = shared.lower();
  const tokens: Token[] = [];
  let from = -1; // where the next token starts inside word w, when not at the word's start
  for (let w = 0; w < words.length; w++) {
    const start = from >= 0 ? from : (starts[w] as number);
    const whole = from < 0;
    from = -1;
    const end = ends[w] as number;
    const apostrophe = text.charCodeAt(end);
    const next = w + 1 < words.length && starts[w + 1] === end + 1 && (apostrophe === 39 || apostrophe === 0x2019) ? (words[w + 1] as string) : undefined;
    let letters = 0;
    if (next !== undefined) while (letters < next.length && LETTER.test(next.charAt(letters))) letters++;
    if (letters === 0) {
      tokens.push(whole ? token(words[w] as string, start, lower[w]) : token(text.slice(start, end), start));
      continue;
    }
    tokens.push(token(text.slice(start, end + 1 + letters), start));
    // The rest of the next word (a digit first) is the next token; else that word is used up.
    if (letters < (next as string).length) from = end + 1 + letters;
    else w++;
  }
  return tokens;
}

/** Words of one phrase are joined by spaces or hyphens only (read char by char: called for every word pair). */
function joined(text: string, a: Token, b: Token): boolean {
  if (b.start <= a.end) return false;
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 45 && c !== 0x2010 && c !== 0x2013) return false;
  }
  return true;
}

function singular(key: string): string[] {
  if (key.endsWith('ies')) return [key.slice(0, -3) + 'y'];
  if (key.endsWith('es')) return [key.slice(0, -2), key.slice(0, -1)];
  if (key.endsWith('s')) return [key.slice(0, -1)];
  return [];
}

/** A lexicon entry for a phrase key: as written, in the singular, or with "type" dropped ("neurofibromatosis type 1"). */
function lookup(lexicon: DiseaseLexicon, key: string): DiseaseEntry | undefined {
  const direct = lexicon.byKey.get(key);
  if (direct) return direct;
  if (key.charCodeAt(key.length - 1) === 115 /* s */)
    for (const k of singular(key)) {
      const entry = lexicon.byKey.get(k);
      if (entry) return entry;
    }
  if (!key.includes(' type ')) return undefined;
  const typeless = key.replace(/ type (?=(?:\d+|[ivx]+)$)/, ' ');
  return typeless !== key ? lexicon.byKey.get(typeless) : undefined;
}

/** Heads too generic to name a disease alone (disease-stopwords.txt keeps them out of the lexicon), that a cause can make a class of. */
const GENERIC_DISEASE_HEADS: ReadonlySet<string> = new Set(['disorder', 'disorders', 'disease', 'diseases']);

/**
 * "obesity-related disorders", "acid-related disorders": a lower-case noun hyphened to a link word
 * (disease-links.txt) right before a generic head names a class of diseases by its cause, as DSM-5
 * ("substance-related disorders") and NCIt ("Alcohol-Related Disorders") do. Only read at a generic head.
 */
function causeCompoundClass(lexicons: EntityLexicons, text: string, tokens: readonly Token[], at: number, lastEnd: number): { start: number; surface: string } | undefined {
  const link = tokens[at - 1];
  const cause = tokens[at - 2];
  const head = tokens[at] as Token;
  if (!link || !cause || cause.start < lastEnd || !lexicons.diseaseLinks.has(link.lower)) return undefined;
  if (!/^\p{Ll}+$/u.test(cause.word) || lexicons.diseaseModifierStopwords.has(cause.lower) || lexicons.diseaseQualifiers.has(cause.lower)) return undefined;
  if (!/^[-‐]$/.test(text.slice(cause.end, link.start)) || !/^[ \t]+$/.test(text.slice(link.end, head.start)) || !/^\p{Ll}/u.test(head.word)) return undefined;
  return { start: cause.start, surface: text.slice(cause.start, head.end) };
}

/**
 * "sarcomas", "lymphomas", "neuroblastomas": a one-word disease written in the plural opens no lexicon
 * phrase under its own key (the phrases are keyed by their singular first word), so a plural the
 * lexicon knows in the singular is a phrase of one word. Only words of six letters or more ending in
 * "s" (not "ss", "us", "is") pay the lookup; the siteless heads ("cancers") are left to the biomarker rules.
 */
function pluralOfOneWord(lexicon: DiseaseLexicon, key: string): number {
  if (key.length < 6 || key.charCodeAt(key.length - 1) !== 115 /* s */ || /(?:ss|us|is)$/.test(key)) return 0;
  return singular(key).some((k) => lexicon.byKey.has(k)) ? 1 : 0;
}

/**
 * The items listed before a "<words> <head>" hit whose "<item> <head>" is a disease too; the head is
 * a noun such a list can share ("breast and lung cancers", "ovarian, fallopian tube, and primary
 * peritoneal cancers"). An item is up to three lower-case words set off by spaces; the longest of its
 * word-final runs the lexicon knows with the head is the disease ("ARID1a-deficient ovarian" gives
 * "ovarian cancer"). Nearest item first.
 */
function coordinatedDiseases(lexicons: EntityLexicons, text: string, tokens: Token[], first: number, last: number): { token: Token; end: Token; entry: DiseaseEntry }[] {
  if (last <= first) return [];
  const head = (tokens[last] as Token).lower;
  if (!lexicons.diseaseHeadNouns.has(head)) return [];
  const lexicon = lexicons.diseases;
  const found: { token: Token; end: Token; entry: DiseaseEntry }[] = [];
  let j = first - 1;
  const conj = tokens[j];
  if (!conj || !['and', 'or'].includes(conj.lower)) return [];
  j--;
  for (let n = 0; j >= 0 && n < 6; n++) {
    const itemEnd = tokens[j] as Token;
    const gap = text.slice(itemEnd.end, (tokens[j + 1] as Token).start);
    // Only commas and spaces separate list items ("breast, lung, and"); the last item may lack the comma.
    if (!/^[ \t]*,?[ \t]*$/.test(gap) || (n > 0 && !gap.includes(','))) break;
    // The item's words: lower case, set off by single spaces, three at most.
    let itemStart = j;
    while (itemStart > j - 2 && itemStart > 0) {
      const before = tokens[itemStart - 1] as Token;
      if (!/^\p{Ll}+$/u.test(before.word) || !/^[ \t]+$/.test(text.slice(before.end, (tokens[itemStart] as Token).start))) break;
      itemStart--;
    }
    let match: { token: Token; entry: DiseaseEntry } | undefined;
    for (let k = itemStart; k <= j && !match; k++) {
      const words = tokens.slice(k, j + 1);
      if (!words.every((w) => /^\p{Ll}+$/u.test(w.word))) continue;
      const entry = lookup(lexicon, phraseKey(`${words.map((w) => w.word).join(' ')} ${head}`));
      if (entry) match = { token: words[0] as Token, entry };
    }
    if (!match) break;
    found.push({ token: match.token, end: itemEnd, entry: match.entry });
    j = tokens.indexOf(match.token) - 1;
  }
  return found;
}

/**
 * A biomarker names the tumour when it stands alone ("YES1/SRC-driven" shares it with another marker)
 * and the head is the tumour itself, not its cells ("PTEN-deficient cancer cells").
 */
function ownsMarker(text: string, markerStart: number, after: Token | undefined): boolean {
  const c = text.charAt(markerStart - 1);
  if (c === '/' || c === '-' || c === '‐') return false;
  return !after || !['cell', 'cells', 'line', 'lines'].includes(after.lower);
}

const SITE_OR_KIND_ADJECTIVE = /^\p{Ll}+(?:al|ar|ic|ous|oid|ary|an|ile)$/u;
/** Tags of a word that modifies no disease as a noun would: a verb form, an adjective, a function word. */
const NOT_A_NOUN_MODIFIER = /Verb|Infinitive|Gerund|Participle|Tense|Adjective|Adverb|Preposition|Conjunction|Determiner|Pronoun|Plural/;

/**
 * A lower-case word the ontology writes before disease heads (already checked by the caller) that
 * names a site or kind: an adjective by its ending, or a singular noun ("liver", "plaque") as the
 * compromise lexicon tags it, no verb form ("treat", "targeting") and no plural ("patients"). A noun
 * must open its noun phrase (after a word of another kind than a noun or conjunction, a qualifier or opening punctuation: "head &
 * neck cancer", "receptor deficiency obesity" are longer names), and the disease after it must be
 * written as the lexicon names it (a synonym's name would change under the noun).
 */
function siteOrKindWord(scope: Scope, text: string, tokens: readonly Token[], at: number, last: number): boolean {
  const word = (tokens[at] as Token).word;
  if (SITE_OR_KIND_ADJECTIVE.test(word)) return true;
  if (!/^\p{Ll}+$/u.test(word) || /(?:ing|ed|ly|ent|ive)$/.test(word) || !nounTags(scope, word)) return false;
  const lexicons = scope.ctx.knowledge.entities.lexicons;
  const first = tokens[at + 1] as Token;
  const written = phraseKey(text.slice(first.start, (tokens[last] as Token).end));
  const name = lookup(lexicons.diseases, written)?.name;
  if (name === undefined || (phraseKey(name) !== written && !singular(written).includes(phraseKey(name)))) return false;
  const previous = tokens[at - 1];
  if (!previous) return true;
  const gap = text.slice(previous.end, (tokens[at] as Token).start);
  // Punctuation that opens a phrase ("(", ",", a quote); "head & neck cancer" joins two nouns.
  if (!/^[ \t]+$/.test(gap)) return /^[ \t]*[,;:([“"‘]+[ \t]*$/.test(gap);
  if (lexicons.diseaseQualifiers.has(previous.lower) && !['and', 'or', 'to'].includes(previous.lower)) return true;
  // A word the lexicon does not know, a noun or a conjunction before it makes it the inside of a longer name.
  const tags = scope.ctx.knowledge.nlp.lexiconTags(previous.lower);
  return tags !== undefined && !tags.some((t) => /Singular|Plural|Uncountable|Noun|Conjunction|Value/.test(t));
}

/** A word compromise's lexicon does not tag as another part of speech than a singular noun. */
function nounTags(scope: Scope, word: string): boolean {
  const tags = scope.ctx.knowledge.nlp.lexiconTags(word);
  return !tags || !tags.some((t) => NOT_A_NOUN_MODIFIER.test(t));
}

/**
 * "HRD solid tumors", "BRCA cancers": a biomarker's abbreviation alone (two to five capitals, no word
 * compromise's lexicon knows, no disease's abbreviation) set off by a space right before a siteless
 * head defines the indication as a marker pair does ("KRAS-mutant solid tumors").
 */
function bareMarker(scope: Scope, tokens: readonly Token[], at: number, lastEnd: number, headLast: number): boolean {
  const token = tokens[at];
  const next = tokens[at + 1];
  const head = tokens[headLast] as Token;
  const after = tokens[headLast + 1];
  if (!token || !next || token.start < lastEnd || !/^\p{Lu}{2,5}$/u.test(token.word)) return false;
  const text = scope.text;
  if (!/^[ \t]+$/.test(text.slice(token.end, next.start))) return false;
  if (scope.ctx.knowledge.entities.lexicons.diseases.byAbbreviation.has(token.word) || scope.ctx.knowledge.nlp.lexiconTags(token.lower) !== undefined) return false;
  // "the VHL tumor suppressor", "BRCA tumor samples": a noun after the head makes the head its modifier.
  if (after && /^\p{Ll}+$/u.test(after.word) && /^[ \t]+$/.test(text.slice(head.end, after.start))) {
    const tags = scope.ctx.knowledge.nlp.lexiconTags(after.lower);
    if (!tags || tags.some((t) => /Singular|Plural|Uncountable|Noun/.test(t))) return false;
  }
  return ownsMarker(text, token.start, after);
}

export function findDiseases(scope: Scope): Candidate[] {
  const lexicons = scope.ctx.knowledge.entities.lexicons;
  const lexicon = lexicons.diseases;
  const qualifiers = lexicons.diseaseQualifiers;
  const { biomarker } = scope.ctx.knowledge.entities.diseases;
  const out: Candidate[] = [];
  const text = scope.text;
  for (const sentence of scope.sentences) {
    const tokens = sentenceTokens(scope.reader, sentence);
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i];
      if (!first) continue;
      const abbreviation = lexicon.byAbbreviation.get(first.word);
      let hit: { entry: { name: string; doid?: string }; last: number } | undefined;
      // One word: its key is its lower case (no spaces or hyphens inside a token), without a possessive.
      const siteless = lexicons.diseaseSitelessHeads.has(first.key);
      const max = lexicon.maxWords.get(first.key) ?? (siteless ? 0 : pluralOfOneWord(lexicon, first.key));
      if (max === 0 && !abbreviation && !siteless) {
        if (!GENERIC_DISEASE_HEADS.has(first.key)) continue;
        const previous = out[out.length - 1];
        // A disease as the cause ("obesity-related disorders") is taken into the class, as the linked rule does.
        const causeIsPrevious = previous !== undefined && previous.label === 'Disease' && previous.start === tokens[i - 2]?.start && previous.end === tokens[i - 2]?.end;
        const compound = causeCompoundClass(lexicons, text, tokens, i, causeIsPrevious ? previous.start : (previous?.end ?? -1));
        if (compound !== undefined && causeIsPrevious) out.pop();
        if (compound !== undefined) out.push(candidate({ label: 'Disease', start: compound.start, surface: compound.surface, canonical: compound.surface.toLowerCase(), rule: 'disease.cause-class', priority: 45, sentence, properties: {} }));
        continue;
      }
      // The longest run of joined words from here bounds the phrase; the phrase key of joined words
      // is their keys joined by one space (what phraseKey makes of the span), built once per word.
      let reach = 1;
      while (reach < max && i + reach < tokens.length && joined(text, tokens[i + reach - 1] as Token, tokens[i + reach] as Token)) reach++;
      const keys: string[] = [];
      for (let k = 0; k < reach; k++) keys.push((tokens[i + k] as Token).key);
      // A siteless head no lexicon phrase opens ("cancers", "tumors") is looked at only for a biomarker before it.
      for (let n = max === 0 ? 0 : reach; n >= 1 && !hit; n--) {
        const entry = lookup(lexicon, n === 1 ? (keys[0] as string) : keys.slice(0, n).join(' '));
        // A one-word lexicon hit written in capitals mid-sentence is an acronym or a name, not this disease.
        if (entry && !(n === 1 && /^\p{Lu}{2,}$/u.test(first.word) && !lexicon.byAbbreviation.has(first.word))) hit = { entry, last: i + n - 1 };
      }
      // "SARS-CoV-1", "MERS-CoV": an abbreviation opening a longer hyphened code names a virus or a strain, not the disease.
      if (!hit && abbreviation && !/^[-‐]\p{Lu}\p{Ll}/u.test(text.slice(first.end, first.end + 3))) hit = { entry: abbreviation, last: i };
      // "anti-cancer", "anti-tumor activity": an activity against the disease, no mention of one.
      const prefix = tokens[i - 1];
      if (hit && prefix && prefix.lower === 'anti' && /^[-‐]$/.test(text.slice(prefix.end, first.start))) {
        i = hit.last;
        continue;
      }
      if (!hit) {
        // "MSI-High tumors", "KRAS-mutant cancers": a bare siteless head named by the biomarker before it;
        // above a target cue, as in "HER2-positive breast cancer".
        const marker = tokens[i - 2];
        const qualifier = tokens[i - 1];
        // "HRD tumors", "BRCA cancers": the biomarker's abbreviation alone.
        if (siteless && qualifier && bareMarker(scope, tokens, i - 1, out[out.length - 1]?.end ?? -1, i)) {
          out.push(
            candidate({
              label: 'Disease',
              start: qualifier.start,
              surface: text.slice(qualifier.start, first.end),
              canonical: `${qualifier.word} ${first.lower}`,
              rule: 'disease.biomarker-defined',
              priority: 45,
              sentence,
              properties: { qualifiers: [qualifier.word] },
            }),
          );
          continue;
        }
        if (
          siteless &&
          marker &&
          qualifier &&
          marker.start >= (out[out.length - 1]?.end ?? -1) &&
          ownsMarker(text, marker.start, tokens[i + 1]) &&
          /^[ \t]+$/.test(text.slice(qualifier.end, first.start)) &&
          biomarker.test(text.slice(marker.start, qualifier.end))
        ) {
          const markerText = text.slice(marker.start, qualifier.end);
          out.push(
            candidate({
              label: 'Disease',
              start: marker.start,
              surface: text.slice(marker.start, first.end),
              canonical: `${markerText} ${first.lower}`,
              rule: 'disease.biomarker-defined',
              priority: 45,
              sentence,
              properties: { qualifiers: [markerText] },
            }),
          );
        }
        continue;
      }
      // "uveal melanoma", "bipolar depression": a word the vocabulary writes before disease heads,
      // in lower case right before the hit, names a narrower disease the lexicon lacks.
      let startToken = i;
      let canonical = hit.entry.name;
      let narrowed = false;
      const before = tokens[i - 1];
      // "suicidal bipolar depression": a clinical kind's adjective keeps the disease as written (a synonym's name would change under it).
      const kindHeads = before && lexicons.diseaseKindAdjectives.get(before.word);
      const headKey = (tokens[hit.last] as Token).key;
      const kindAdjective = kindHeads !== undefined && (kindHeads.length === 0 || kindHeads.includes(headKey) || singular(headKey).some((k) => kindHeads.includes(k)));
      if (
        before &&
        !(hit.last === i && abbreviation && hit.entry === abbreviation) &&
        !qualifiers.has(before.lower) &&
        // An adjective of a site or kind ("uveal", "bipolar", "coronary") or a noun of one ("liver fibrosis",
        // "brain cancer"), a whole word set off by a space: "HER2-positive", "anti-cancer", "B-cell" are other constructions.
        (kindAdjective || (lexicon.modifiers.has(before.lower) && siteOrKindWord(scope, text, tokens, i - 1, hit.last))) &&
        /^[ \t]+$/.test(text.slice(before.end, first.start)) &&
        (i < 2 || !joined(text, tokens[i - 2] as Token, before) || /^[ \t]/.test(text.slice((tokens[i - 2] as Token).end, before.start))) &&
        before.start >= (out[out.length - 1]?.end ?? -1)
      ) {
        startToken = i - 1;
        canonical = kindAdjective ? `${before.lower} ${text.slice(first.start, (tokens[hit.last] as Token).end)}` : `${before.lower} ${hit.entry.name}`;
        narrowed = true;
      }
      // Walk left over qualifiers so the span reads "HER2-positive metastatic breast cancer".
      const found: string[] = [];
      let causeCompound = false;
      while (startToken > 0) {
        const prev = tokens[startToken - 1] as Token;
        const cur = tokens[startToken] as Token;
        // Never into the disease found just before ("neurofibromatosis type 1-associated ...").
        if (!joined(text, prev, cur) || prev.start < (out[out.length - 1]?.end ?? -1)) break;
        if (qualifiers.has(prev.lower)) {
          found.unshift(prev.lower);
          startToken--;
          continue;
        }
        const beforePrev = tokens[startToken - 2];
        // "chemotherapy-induced depression": a cause written as a lower-case noun hyphened to a link word
        // right before the name narrows the disease; a disease as the cause is the linked rule's below.
        if (
          found.length === 0 &&
          !causeCompound &&
          beforePrev &&
          lexicons.diseaseLinks.has(prev.lower) &&
          /^\p{Ll}+$/u.test(beforePrev.word) &&
          /^[-‐]$/.test(text.slice(beforePrev.end, prev.start)) &&
          /^[ \t]+$/.test(text.slice(prev.end, cur.start)) &&
          beforePrev.start >= (out[out.length - 1]?.end ?? -1) &&
          !lexicons.diseaseModifierStopwords.has(beforePrev.lower)
        ) {
          canonical = `${beforePrev.lower}-${prev.lower} ${canonical}`;
          narrowed = true;
          causeCompound = true;
          startToken -= 2;
          continue;
        }
        // "HER2-positive": the biomarker token pair ends in a qualifier word.
        if (beforePrev && biomarker.test(text.slice(beforePrev.start, prev.end))) {
          found.unshift(text.slice(beforePrev.start, prev.end));
          startToken -= 2;
          continue;
        }
        break;
      }
      // Trailing joiners ("or", "and", "to") never open the span, nor does the verb of "difficult to treat" when
      // no "difficult to" stands before it: "designed to treat Fabry disease" names "Fabry disease", and the
      // relation rules read "to treat" as the indication cue before it (disease-span-non-openers.txt).
      while (startToken < i && lexicons.diseaseSpanNonOpeners.has((tokens[startToken] as Token).lower)) {
        found.shift();
        startToken++;
      }
      // "HRD solid tumors", "BRCA cancers": a biomarker's abbreviation alone (capitals, no other word the lexicon
      // knows, no disease's abbreviation) right before a siteless head defines the indication as a marker pair does.
      let abbreviatedMarker: string | undefined;
      const markerBefore = tokens[startToken - 1];
      if (markerBefore && !narrowed && lexicons.diseaseSitelessHeads.has(phraseKey(hit.entry.name)) && bareMarker(scope, tokens, startToken - 1, out[out.length - 1]?.end ?? -1, hit.last)) {
        abbreviatedMarker = markerBefore.word;
        found.unshift(markerBefore.word);
        startToken--;
      }
      // "breast, lung, and prostate cancers": the words listed before share the head noun.
      for (const listed of coordinatedDiseases(lexicons, text, tokens, i, hit.last)) {
        const properties: Candidate['properties'] = listed.entry.doid ? { doid: listed.entry.doid } : {};
        out.push(candidate({ label: 'Disease', start: listed.token.start, surface: text.slice(listed.token.start, listed.end.end), canonical: listed.entry.name, rule: 'disease.coordinated', priority: 47, sentence, properties }));
      }
      const startTok = tokens[startToken] as Token;
      const endTok = tokens[hit.last] as Token;
      // "von Hippel-Lindau disease-associated renal cell carcinoma": a disease qualified by another
      // disease is one indication, named as written.
      const previous = out[out.length - 1];
      const link = tokens[startToken - 1];
      const linked =
        previous && link && startToken >= 2 && (tokens[startToken - 2] as Token).end === previous.end && lexicons.diseaseLinks.has(link.lower) && joined(text, tokens[startToken - 2] as Token, link) && joined(text, link, startTok);
      if (linked && previous.label === 'Disease') {
        out.pop();
        const surface = text.slice(previous.start, endTok.end);
        const canonical = `${previous.canonical}-${link.lower} ${hit.entry.name}`;
        out.push(candidate({ label: 'Disease', start: previous.start, surface, canonical, rule: 'disease.associated', priority: 47, sentence, properties: {} }));
        i = hit.last;
        continue;
      }
      // "mKRAS-driven solid tumors", "HER2-positive cancer": with no organ or kind in the name, the
      // biomarker is what defines the indication and stays in the name.
      let biomarkerDefined = false;
      const marker = abbreviatedMarker ?? found.find((q) => q.includes('-') || q.includes('‐'));
      if (marker && !narrowed && lexicons.diseaseSitelessHeads.has(phraseKey(hit.entry.name)) && ownsMarker(text, (tokens[startToken] as Token).start, tokens[hit.last + 1])) {
        canonical = `${marker} ${hit.entry.name}`;
        narrowed = true;
        biomarkerDefined = true;
      }
      const properties: Candidate['properties'] = {};
      if (hit.entry.doid && !narrowed) properties['doid'] = hit.entry.doid;
      if (found.length) properties['qualifiers'] = found;
      out.push(
        candidate({
          label: 'Disease',
          start: startTok.start,
          surface: text.slice(startTok.start, endTok.end),
          canonical,
          rule: hit.last === i && abbreviation && hit.entry === abbreviation ? 'disease.abbreviation' : biomarkerDefined ? 'disease.biomarker-defined' : narrowed ? 'disease.modifier' : 'disease.lexicon',
          // Above a target cue: in "HER2-positive breast cancer" the phrase names the disease.
          priority: 47,
          sentence,
          properties,
        }),
      );
      i = hit.last;
    }
    indicationPhrases(scope, sentence, tokens, out);
  }
  return spelledOut(scope, out);
}

/**
 * A disease of two words or more found in [from, to): only this sentence's candidates (the last ones
 * of `found`) are read, so a long document's earlier candidates are not scanned at every cue.
 */
function lexiconNamesInside(found: readonly Candidate[], sentenceStart: number, from: number, to: number): boolean {
  for (let k = found.length - 1; k >= 0; k--) {
    const c = found[k] as Candidate;
    if (c.end <= sentenceStart) break;
    if (c.start < to && c.end > from && /[\s‐-]/.test(c.canonical)) return true;
  }
  return false;
}

/** What follows a class of diseases: its members. */
const CLASS_FOLLOWS = /^[ \t]*,?[ \t]*(?:including|such as|like|e\.g\.)[ \t,]/;

function shapeHead(lexicons: EntityLexicons, word: string): boolean {
  if (lexicons.diseaseShapeNonHeads.has(word)) return false;
  if (lexicons.diseaseShapeHeads.words.has(word)) return true;
  return lexicons.diseaseShapeHeads.suffixes.some((suffix) => word.length > suffix.length + 2 && word.endsWith(suffix));
}

/**
 * "patients with chronic lumbar disc disease", "for the treatment of liver fibrosis": the lower-case
 * noun phrase right after an indication cue (disease-indication-cues.txt) that ends in a disease head
 * (a head noun or a suffix such as "-itis") names a disease by its shape, when the lexicon named no
 * disease of two words or more inside it. Leading stage and biomarker qualifiers stay in the span and
 * the properties, not in the name, as with lexicon hits. Sentences without a cue's first word cost one
 * set lookup per word.
 */
function indicationPhrases(scope: Scope, sentence: Sentence, tokens: readonly Token[], out: Candidate[]): void {
  const lexicons = scope.ctx.knowledge.entities.lexicons;
  const { biomarker } = scope.ctx.knowledge.entities.diseases;
  const text = scope.text;
  for (let i = 0; i < tokens.length; i++) {
    const cue = lexicons.diseaseIndicationCues.get((tokens[i] as Token).lower)?.find((words) => words.every((w, k) => tokens[i + k]?.lower === w && (k === 0 || joined(text, tokens[i + k - 1] as Token, tokens[i + k] as Token))));
    if (cue === undefined) continue;
    const first = i + cue.length;
    // The run of joined words after the cue: lower-case words, or any word a hyphen binds into the run ("B-cell").
    let last = first - 1;
    for (let k = first; k < tokens.length && k < first + 7; k++) {
      const token = tokens[k] as Token;
      if (k > first && !joined(text, tokens[k - 1] as Token, token)) break;
      if (k === first && !/^[ \t]+$/.test(text.slice((tokens[k - 1] as Token).end, token.start))) break;
      const hyphenBefore = k > first && text.charAt(token.start - 1) !== ' ';
      const hyphenAfter = k + 1 < tokens.length && (tokens[k + 1] as Token).start === token.end + 1 && /[-‐]/.test(text.charAt(token.end));
      // "moderate to severe", "relapsed or refractory": a joiner between two qualifiers stays in the run.
      const joinsQualifiers = (token.lower === 'to' || token.lower === 'or') && lexicons.diseaseQualifiers.has(tokens[k - 1]?.lower ?? '') && lexicons.diseaseQualifiers.has(tokens[k + 1]?.lower ?? '');
      if ((lexicons.phraseBreakWords.has(token.lower) && !joinsQualifiers) || !(/^\p{Ll}/u.test(token.word) || hyphenBefore || hyphenAfter)) break;
      last = k;
    }
    let head = last;
    while (head >= first && !shapeHead(lexicons, (tokens[head] as Token).lower)) head--;
    i = Math.max(i, last);
    if (head < first + 1) continue;
    // Leading qualifiers ("advanced", "relapsed or refractory") and biomarker pairs ("HER2-positive") are no part of the name.
    let nameStart = first;
    const qualifiers: string[] = [];
    while (nameStart < head) {
      const token = tokens[nameStart] as Token;
      const next = tokens[nameStart + 1] as Token;
      if (lexicons.diseaseQualifiers.has(token.lower)) {
        qualifiers.push(token.lower);
        nameStart++;
      } else if (nameStart + 1 < head && biomarker.test(text.slice(token.start, next.end))) {
        qualifiers.push(text.slice(token.start, next.end));
        nameStart += 2;
      } else break;
    }
    if (head - nameStart < 1 || lexicons.diseaseModifierStopwords.has((tokens[nameStart] as Token).lower)) continue;
    const spanStart = (tokens[first] as Token).start;
    const nameFrom = (tokens[nameStart] as Token).start;
    const end = (tokens[head] as Token).end;
    // "inflammatory diseases, including oral mucositis": a class its members follow names no one disease.
    if (CLASS_FOLLOWS.test(text.slice(end, end + 16))) continue;
    // A disease the lexicon knows by two words or more inside the phrase is the better name.
    if (lexiconNamesInside(out, sentence.start, nameFrom, end)) continue;
    const surface = text.slice(spanStart, end);
    const properties: Candidate['properties'] = qualifiers.length > 0 ? { qualifiers } : {};
    out.push(candidate({ label: 'Disease', start: spanStart, surface, canonical: text.slice(nameFrom, end).toLowerCase(), rule: 'disease.indication-shape', priority: 47, sentence, properties }));
  }
}

/** "(XLMTM)", "(cLDD)", "(NTM-LD)": an abbreviation in parentheses, two capitals at least. */
const ABBREVIATION_AFTER = /^((?:[ \t]+[\p{L}][\p{L}'’-]*){0,4}?)[ \t]*\(([\p{L}\p{N}-]{2,10})\)/u;
/** Up to four words joined by spaces or hyphens right before a mention. */
const WORDS_BEFORE = /(?:[\p{L}][\p{L}\p{N}'’]*[ \t-]+){1,4}$/u;
/** Words an abbreviation skips ("major depressive disorder with suicidal ideation (MDDSI)"). */
const SKIPPED_WORDS: ReadonlySet<string> = new Set(['with', 'in', 'of', 'and', 'the', 'to', 'for', 'or']);

/**
 * Each word's first letter is the abbreviation's next letter, and the abbreviation may take more
 * letters from inside a word ("Myotubular" gives "MT"); the small words of SKIPPED_WORDS may be skipped.
 */
export function spellsWordByWord(abbreviation: string, words: readonly string[]): boolean {
  const letters = abbreviation.toLowerCase().replace(/[^\p{L}]/gu, '');
  const parts = words.map((w) => w.toLowerCase());
  const from = (a: number, w: number): boolean => {
    if (w === parts.length) return a === letters.length;
    const word = parts[w] as string;
    if (SKIPPED_WORDS.has(word) && from(a, w + 1)) return true;
    if (letters[a] !== word[0]) return false;
    // The word's first letter, then any more of its letters in order, then the next word.
    let at = a + 1;
    let pos = 1;
    for (;;) {
      if (from(at, w + 1)) return true;
      if (at >= letters.length) return false;
      const found = word.indexOf(letters[at] as string, pos);
      if (found < 0) return false;
      pos = found + 1;
      at++;
    }
  };
  return letters.length >= 2 && parts.length >= 2 && from(0, 0);
}

/**
 * A disease defined by an abbreviation that spells more words than the lexicon found keeps all of
 * them: "X-Linked Myotubular Myopathy (XLMTM)" is not "myopathy", "major depressive disorder with
 * suicidal ideation (MDDSI)" not "major depressive disorder". The words before (up to four) and
 * between (up to four) join the span when the abbreviation spells the whole of it, word by word.
 */
function spelledOut(scope: Scope, found: Candidate[]): Candidate[] {
  const text = scope.text;
  return found.map((c) => {
    const sentence = scope.doc.sentences[c.sentenceIndex];
    if (!sentence) return c;
    const window = text.slice(c.end, Math.min(sentence.end, c.end + 60));
    if (!window.includes('(')) return c;
    const after = ABBREVIATION_AFTER.exec(window);
    const abbreviation = after?.[2];
    if (!after || !abbreviation || !/\p{Lu}.*\p{Lu}/u.test(abbreviation)) return c;
    const between = after[1] ?? '';
    // A capitalised word after the head makes the whole a title ("… Dementia Association (LBDA)", "… Rating Scale").
    if (/(?<![\p{L}])\p{Lu}/u.test(between)) return c;
    const words = (span: string): string[] => span.split(/[ \t-]+/).filter((w) => w !== '');
    const before = WORDS_BEFORE.exec(text.slice(Math.max(sentence.start, c.start - 60), c.start))?.[0] ?? '';
    const lead = words(before);
    // The fewest words before that complete the spelling; none needed and none between: the span is whole.
    for (let k = 0; k <= lead.length; k++) {
      const taken = lead.slice(lead.length - k);
      // A person's or place's name before it makes it an event or a body ("San Antonio Breast Cancer (SABC) symposium").
      if (k > 0 && /^\p{Lu}/u.test(taken[0] as string) && scope.ctx.knowledge.nlp.lexiconTags((taken[0] as string).toLowerCase())?.some((t) => /Name$|Place|City|Country|Region/.test(t))) break;
      if (!spellsWordByWord(abbreviation, [...taken, ...words(c.text), ...words(between)])) continue;
      if (k === 0 && between.trim() === '') return c;
      let start = c.start;
      for (let n = 0; n < k; n++) start = text.lastIndexOf(taken[taken.length - 1 - n] as string, start - 1);
      const end = c.end + between.trimEnd().length;
      const surface = text.slice(start, end);
      // Headline capitals are no part of the name: "Myotubular Myopathy" is "myotubular myopathy".
      const canonical = surface.replace(/(?<![\p{L}])(\p{Lu})(\p{Ll}+)/gu, (w) => w.toLowerCase());
      return candidate({ label: 'Disease', start, surface, canonical, rule: 'disease.spelled-out', priority: c.priority, sentence, properties: {} });
    }
    return c;
  });
}
