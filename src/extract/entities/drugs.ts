// Drugs: development code names (with a formulation mark, "XY-101 7P"; in subscript digits,
// "XY-AB₁₀₀"), INN stems, antibody–drug conjugates (INN + payload word, antibody-DM1), brands marked
// ® or ™ (in lower case too), brand (generic) pairs, brands after a phrase of their commerce
// ("launched Zorventa", "products including Zorventa and Quelta") or before a word only a product
// takes ("Zorventa tablets", "Zorventa maker Acme"), two-word cell and gene therapy INNs and the short names of
// CAR-T therapies ("cilta-cel"), names set beside a drug
// noun ("Zorventa, a HER2-directed ADC", "the KRAS inhibitor Zorventa"), and lower-case substance
// names listed with a found drug ("amoxicillin and fooxetine", findDrugCompanions).
import type { AnchoredPattern, Candidate, Scope } from './candidates.ts';
import { targetKey } from './lexicons.ts';
import { anchoredPattern, candidate, phraseOpeners, sweep, sweepAt, sweepFromCapitals, sweepFromOpeners } from './candidates.ts';
import type { EntityLexicons, InnStems } from './lexicons.ts';
import { phraseAlternation } from './lexicons.ts';
import { escapeRegex } from '../../text/regex.ts';
import type { Sentence } from '../../model/document.ts';
import type { Cue, CueRegistry, SentenceReader } from './cues.ts';
import { DIGIT, OPEN_PAREN, SMALL_DIGIT, TRADE_MARK, firstLetterRun, isWordCharBefore, isWordCharAt } from './cues.ts';

/** Drug aliases a text states outright: brand (generic), "now renamed", a slash pair of codes. */
export interface DrugAlias {
  alias: string;
  canonical: string;
  rule: string;
}

// Up to eight digits ("PF-01234567"); a letter after them, or a small letter and a digit ("XY-101A", "QX162b2").
// The letters may be two capitalised parts ("QX-ZORB100").
const CODE = String.raw`(?:mRNA-|hu|ch|h|m)?(?:\d[A-Z]|[A-Z]{1,4}-[A-Z]{2,6}|[A-Z][A-Za-z]{0,5})-?\d{3,8}(?:[a-z]\d?|[A-Z])?`;
/** A code written as letters then digits with no hyphen ("ABC1234", "XY123a"): the shape of many other numbers too. */
const UNHYPHENATED_CODE = /^(\p{Lu}[\p{L}]{0,5})(\d{3,8})(?:[a-z]\d?|[A-Z])?$/u;

/**
 * A formulation's mark after a code, set off by a space: a number and one capital ("XY-101 7P", a seven-peptide
 * formulation of XY-101). Not the capitals numbers take as units or periods: a line of therapy ("2L"), a half
 * or a quarter ("1H", "3Q"), a dimension or a network ("3D", "5G"), an amount ("5M", "2B", "4K"), a field ("3T"), a fold ("10X").
 */
const FORMULATION_SUFFIX = /^[ \t]\d{1,2}[ACEFIJNOPRSUVWYZ](?![\p{L}\p{N}-]|[.,]\d)/u;

/** The code's end with its formulation mark (FORMULATION_SUFFIX), when one follows within the sentence. */
function withFormulationSuffix(text: string, end: number, sentenceEnd: number): number {
  const m = FORMULATION_SUFFIX.exec(text.slice(end, Math.min(sentenceEnd, end + 5)));
  return m ? end + m[0].length : end;
}

/** The drug rules' patterns, compiled once with the knowledge (`knowledge.entities.drugs`). */
export interface DrugPatterns {
  readonly code: AnchoredPattern;
  /** Short codes the three-digit scan cannot anchor on: "QRT47", "AB-12", "QRT 512" (drug context required). */
  readonly shortCode: AnchoredPattern;
  /** A code whose number is written in subscript or superscript digits: "QX-ZORB₁₀₀", "QXB¹⁰¹". */
  readonly smallDigitCode: RegExp;
  readonly innSuffixes: InnSuffixes;
  readonly adc: RegExp;
  readonly antibodyPayload: RegExp;
  readonly brand: AnchoredPattern;
  readonly gluedMark: RegExp;
  /** "zorvexa®": a lower-case word with a mark glued to it (drug lists in running text, "(zorvexa®, quelta®)"). */
  readonly lowerCaseBrand: RegExp;
  readonly brandPair: RegExp;
  readonly genericPair: RegExp;
  readonly renamed: RegExp;
  readonly notCodePrefix: RegExp;
  readonly notCodeLetters: ReadonlySet<string>;
  /** What follows a trade mark when it marks a platform or an antibody format, not a drug. */
  readonly nonDrugMark: RegExp;
  /** "Zorventa, a HER2-directed ADC": a single name, then a descriptor phrase ending in a drug noun. */
  readonly descriptorAfter: AnchoredPattern;
  /** "the PD-1 inhibitor Zorventa", "drug candidate Zorventa": a drug noun, then the name. */
  readonly descriptorBefore: AnchoredPattern;
  /** The first letter runs (lower case) a descriptor head opens with, in every form HEAD matches: where descriptorBefore can start (sweepFromOpeners). */
  readonly descriptorOpeners: ReadonlySet<string> | undefined;
  /** "launched Zorvexa", "net sales of Zorvexa": a name after a phrase of the product's commerce (group 1). */
  readonly brandContext: AnchoredPattern;
  /** The first letter runs of the brand-context phrases: where brandContext can start (sweepFromOpeners). */
  readonly brandContextOpeners: ReadonlySet<string> | undefined;
  /** The next member of a list of brands after a phrase of their commerce: ", Quelta", " and Quelta" (group 1). */
  readonly brandListNext: RegExp;
  /** "ZORVEXA-treated patients", "the Zorvexa franchise", "Zorvexa tablets", "Zorvexa maker Acme", "QX-ZOR product candidates": a name before a word only a product takes (group 1). */
  readonly brandAfter: AnchoredPattern;
  /** Words that stop a descriptor phrase: it names something else when one of these is inside it. */
  readonly descriptorBreaks: ReadonlySet<string>;
  /** Derivational endings of English words ("-ly", "-tion", "-ment"): a name of that shape is a word, not a brand. */
  readonly englishSuffix: RegExp;
  /** "CAR-T" cell and gene therapies named by two INN words: "<...>gene <...>leucel|vec". */
  readonly geneTherapyPair: RegExp;
  readonly cues: { adcWord: Cue; payload: Cue; renamed: Cue; drugContext: Cue; descriptor: Cue; brandContext: Cue; brandAfter: Cue };
  /** "<drug> and fooxetine", "<drug>, fooxetine": a lower-case word listed right after a drug (group 1). */
  readonly companionAfter: RegExp;
  /** "fooxetine and <drug>", "fooxetine/<drug>": one listed right before it (group 1). */
  readonly companionBefore: RegExp;
  /** "XY-101 (oral fooxetine)", "XY-101 (fooxetine/barolone)": the substance a code's parentheses name (groups 1, 2). */
  readonly codeSubstance: RegExp;
  /** A substance-name ending (substance-name-endings.txt) at the end of a word. */
  readonly substanceEnding: RegExp;
}

/** A lower-case substance name, a short prefix allowed ("nab-fooxel", "D-fooserine"). */
const SUBSTANCE_WORD = String.raw`(?:[A-Za-z]{1,3}-)?[a-z]{5,}`;
/** What may follow a listed substance: the list's end or its next member, a preposition, a verb. */
const AFTER_SUBSTANCE = String.raw`(?=[ \t]*(?:[,.;:)\]–—/]|$)|[ \t]+(?:and|or|in|for|as|is|was|were|are|to|with|at|on|by|versus|vs|from|plus|each|both|combination|monotherapy|therapy|treatment|regimen|tablets?|capsules?|injection)(?![\p{L}]))`;

/** One name token: capitalised or code-shaped, hyphenated parts allowed ("Zorventa", "ZORVENTA", "AB-12c", "Zorv-2"). */
const NAME_TOKEN = String.raw`\p{Lu}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*`;
const MARK = String.raw`(?:[ \t]?(?:®|™|℠|\((?:R|TM|SM)\)))`;
/** What may follow a brand after a phrase of its commerce: a stop, the list's next member, a verb or a preposition. */
const AFTER_BRAND = String.raw`(?=[ \t]*[,.;:()]|[ \t]*$|[ \t]+(?:and|or|is|was|has|had|will|for|in|to|which|that|as|being|at|from|with|on|by|across|outside|grew|rose|increased|decreased|were|are)(?![\p{L}]))`;

/**
 * The first letter runs, in lower case, that a match of HEAD (compileDrugPatterns) opens with: a head
 * of one letter run is matched whole with its plural ending ("inhibitors", "ADCs", "antibodies"), so
 * the run that opens the match is the head's with that ending; a longer head opens with its first run.
 */
function headOpeners(heads: readonly string[]): ReadonlySet<string> | undefined {
  const openers = new Set<string>();
  for (const head of heads) {
    const run = firstLetterRun(head);
    if (run === undefined) return undefined;
    if (run !== head.toLowerCase()) {
      openers.add(run);
      continue;
    }
    for (const ending of ['', 's', 'es']) openers.add(run + ending);
    if (run.endsWith('y')) openers.add(`${run.slice(0, -1)}ies`);
  }
  return openers;
}

export function compileDrugPatterns(lexicons: EntityLexicons, cues: CueRegistry): DrugPatterns {
  const stems = lexicons.innStems.plain.map(escapeRegex).join('|');
  const payloadWords = [...lexicons.adcPayloadWords].map(escapeRegex).join('|');
  const payloadNames = [...lexicons.payloads.values()].map((p) => escapeRegex(p.name)).join('|');
  const B = String.raw`(?![\p{L}\p{N}])`;
  const L = String.raw`(?<![\p{L}\p{N}\-])`;
  const antibodyStems = phraseAlternation(lexicons.antibodyInnStems, 'literal');
  /** The longest word of a phrase (the first of equals): a word every match of the phrase holds, and a rare one. */
  const longestWord = (phrase: string): string => phrase.split(' ').reduce((a, b) => (b.length > a.length ? b : a));
  // The heads as prose writes them and in capitals ("ADC"), not in headline case, where "Drug
  // Designation" or "Medicine Development" is a title, not a drug; plurals in -s, -es and -ies.
  const headCases = [...new Set(lexicons.drugDescriptorHeads.flatMap((h) => [h, h.toUpperCase()]))].sort((a, b) => b.length - a.length);
  const HEAD = String.raw`(?:${phraseAlternation(headCases, 'blanks')})(?:s|es|S)?|(?:${headCases
    .filter((h) => /y$/i.test(h))
    .map((h) => escapeRegex(h.slice(0, -1)))
    .join('|')})ies`;
  const headForms = lexicons.drugDescriptorHeads.flatMap((h) => {
    const first = firstLetterRun(h) ?? h;
    return first === h ? [h, `${h}s`, `${h}es`, h.replace(/y$/, 'ies')] : [first];
  });
  return Object.freeze({
    descriptorAfter: anchoredPattern(
      String.raw`(?<![\p{L}\p{N}\-])(${NAME_TOKEN})${MARK}?(?:,|[ \t]+(?:is|was))[ \t]+(?:a|an|the|its|our|their|(?:\p{Lu}[\p{L}\-]*[ \t]+){0,2}\p{Lu}[\p{L}\-]*[’']s)[ \t]+((?:[\p{L}\p{N}][\p{L}\p{N}\-/’']*,?[ \t]+){0,6}?)(?:${HEAD})(?=[ \t]*(?:[,.;:()–—]|$)|[ \t]+(?:and|or|that|which|for|in|with|to|being|is|was|from|of|designed|developed|approved|currently|now)(?![\p{L}]))`,
      'u',
    ),
    descriptorBefore: anchoredPattern(String.raw`(?<![\p{L}\p{N}\-])(?:${HEAD})(,?)[ \t]+(${NAME_TOKEN})${MARK}?(?=[ \t]*[,.;:()]|[ \t]*$|[ \t]+(?:and|or|is|was|has|had|will|for|in|to|which|that|as|being|at|from|with|on)(?![\p{L}]))`, 'u'),
    descriptorOpeners: headOpeners(headCases),
    brandContextOpeners: phraseOpeners(lexicons.brandContextPhrases),
    brandContext: anchoredPattern(String.raw`(?<![\p{L}\p{N}\-])(?:${phraseAlternation(lexicons.brandContextPhrases, 'blanks')})[ \t]+(${NAME_TOKEN})${MARK}?${AFTER_BRAND}`, 'u'),
    brandListNext: new RegExp(String.raw`^(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)(${NAME_TOKEN})${MARK}?${AFTER_BRAND}`, 'u'),
    brandAfter: anchoredPattern(
      String.raw`(?<![\p{L}\p{N}\-])(${NAME_TOKEN})${MARK}?(?:-treated|[ \t]+(?:franchise|tablets?|capsules?|injection(?![ \t]+sites?)|injectable|ophthalmic[ \t]+solution|nasal[ \t]+spray|oral[ \t]+(?:suspension|solution)|maker(?=[ \t]+\p{Lu})|(?:product[ \t]+|drug[ \t]+)?candidates?))(?![\p{L}])`,
      'u',
    ),
    descriptorBreaks: new Set(['in', 'of', 'for', 'with', 'to', 'and', 'or', 'that', 'which', 'by', 'on', 'at', 'from', 'as', 'is', 'was', 'are', 'were', 'be', 'has', 'have', 'not', 'than', 'into', ...lexicons.companyDescriptorHeads]),
    englishSuffix: /^\p{Lu}\p{Ll}+(?:ly|ing|ed|ion|ment|ness|ity|ance|ence|ship|ful|less|ive|ous|al|ic|er|or|ist|ism|ure|ary|ory|able|ible)s?$/u,
    geneTherapyPair: /(?<![\p{L}\p{N}-])([A-Za-z][a-z]{3,}gene)[ \t]+([a-z]{3,}(?:leucel|vec|cel))(?![\p{L}\p{N}-])/gu,
    // Sticky: tried only at the start of a run of letters, digits and hyphens holding three digits (codeStarts).
    // Two digits ("QRT47", "XY-12", "XYZ-AB12"), or letters and three or four digits set off by a space ("QRT 512").
    // Also a small letter after two digits ("XY-01a") and a capitalised word of letters set off from the number ("Zorb 1234").
    // One capital takes a number with a leading zero only ("X-01"): no count or grade is written so ("B-12", "T-20").
    shortCode: anchoredPattern(
      String.raw`(?<![\p{L}\p{N}\-./])(\p{Lu}{2,5}(?:-\p{Lu}{1,4}\d{2}|-?\d{2}[a-z]?|[ \t]\d{3,4})|\p{Lu}\p{Ll}{2,5}[ \t]\d{3,4}|\p{Lu}-0\d)(?![\p{L}\p{N}]|-\d|\.\d|[ \t]+(?:trial|study|studies|cohort|patients|mg|million|billion|percent|%))`,
      'u',
    ),
    // Two subscript digits or more (one is a chemical formula's, "CO₂"); three superscript digits or more (fewer are footnote marks).
    smallDigitCode: /(?<![\p{L}\p{N}-])(\p{Lu}\p{L}{0,5}(?:-\p{Lu}\p{L}{1,7})?-?(?:[\u2080-\u2089]{2,8}|[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]{3,8}))(?![\p{L}\p{N}])/gu,
    code: anchoredPattern(String.raw`${L}(${CODE}(?:-(?:${payloadNames}))?)(?:\/(${CODE}))?(?![\p{L}\p{N}]|-\d|\.\d)`, 'u'),
    // An INN is a whole word ending in a stem: looked up by the word's suffixes, not by a regex (innWords).
    innSuffixes: innSuffixes(lexicons.innStems),
    // The antibody part: an INN of an antibody, "-mab" or one of the 2022 WHO antibody stems (-tug, -bart, -mig).
    adc: new RegExp(String.raw`${L}([A-Za-z][a-z]{2,}(?:${antibodyStems}))[ \t]+(${payloadWords})${B}`, 'giu'),
    antibodyPayload: new RegExp(String.raw`${L}([A-Za-z][a-z]{2,}mab|[A-Z])[- ](${payloadNames})${B}`, 'gu'),
    brand: anchoredPattern(String.raw`(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}\-]{2,})[ \t]?(®|™|\(R\)|\(TM\))`, 'u'),
    // "ZorventaTM", "ZorventaTMfor" (conversion also loses the space after the mark).
    lowerCaseBrand: /(?<![\p{L}\p{N}-])(\p{Ll}{4,})(?:®|™)/gu,
    gluedMark: /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}[\p{L}\p{N}-]*\p{Ll})TM(?![\p{Lu}\p{N}])/gu,
    // "Brand® (inn)", "Brand(R) (inn)", "Brand® (inn injection)": a dosage form may follow the INN, a coordinated drug may not.
    brandPair: new RegExp(String.raw`(\p{Lu}[\p{L}\p{N}\-]{2,})[ \t]?(?:®|™|\(R\)|\(TM\))?[ \t]*\([ \t]*([a-z][a-z\-]{3,}(?:${stems}))(?:[ \t]+(?!and\b|or\b|plus\b|with\b)[a-z]{3,}){0,2}[ \t]*\)`, 'gu'),
    // "trastuzumab (BRANDX)", "Zorvatinib mesylate (BRANDX®)": a salt word may stand between the INN and the brand.
    genericPair: new RegExp(String.raw`${L}([A-Za-z][a-z\-]{2,}(?:${stems}))(?:[ \t]+(?:\p{Ll}{3,}(?:ate|ide)|sodium|potassium|calcium|magnesium))?[ \t]*\([ \t]*(\p{Lu}[\p{L}\p{N}\-]{2,})[ \t]?(?:®|™)?[ \t]*\)`, 'gu'),
    renamed: new RegExp(String.raw`(${CODE})[^.;]{0,20}?\b(?:${phraseAlternation(lexicons.drugRenamePhrases, 'literal')})[ \t]+(${CODE})`, 'gu'),
    companionAfter: new RegExp(String.raw`^[)”"’\]]*(?:[ \t]*,[ \t]*(?:(?:and|or|plus)[ \t]+)?|[ \t]+(?:and|or|plus)[ \t]+|/)(${SUBSTANCE_WORD})(?![\p{L}\p{N}\-])${AFTER_SUBSTANCE}`, 'u'),
    companionBefore: new RegExp(String.raw`(?<![\p{L}\p{N}\-])(${SUBSTANCE_WORD})(?:[ \t]*,[ \t]*|[ \t]+(?:and|or|plus)[ \t]+|/)[(“"‘]*$`, 'u'),
    codeSubstance: new RegExp(String.raw`^[ \t]*\((?:[a-z][a-z\-]*[ \t]+){0,3}?(${SUBSTANCE_WORD})(?:[ \t]*(?:/|,|and|plus)[ \t]*(${SUBSTANCE_WORD}))?[ \t]*\)`, 'u'),
    substanceEnding: new RegExp(String.raw`(?:${lexicons.substanceNameEndings.map(escapeRegex).join('|')})$`),
    // Sentence cues (cues.ts): the words each rule cannot match without.
    cues: {
      adcWord: cues.words([...lexicons.adcPayloadWords].map(firstLetterRun)),
      payload: cues.words([...lexicons.payloads.values()].map((p) => firstLetterRun(p.name))),
      renamed: cues.words(lexicons.drugRenamePhrases.map(longestWord)),
      drugContext: cues.words(lexicons.drugContextWords.map(firstLetterRun)),
      descriptor: cues.words(headForms),
      brandContext: cues.words(lexicons.brandContextPhrases.map(firstLetterRun)),
      brandAfter: cues.words(['treated', 'franchise', 'tablet', 'tablets', 'capsule', 'capsules', 'injection', 'injectable', 'ophthalmic', 'nasal', 'oral', 'maker', 'candidate', 'candidates']),
    },
    // "NCT-…", "FY 2020": a known prefix set off from the number; "FY2020": the whole letter part.
    notCodePrefix: new RegExp(String.raw`^(?:${lexicons.codeNameNonDrugPrefixes.map(escapeRegex).join('|')})\b`),
    notCodeLetters: new Set(lexicons.codeNameNonDrugPrefixes),
    // "Acme® technology", "Foo™ antibodies": the next word, or the one after it, begins with one of these.
    nonDrugMark: new RegExp(String.raw`^[ \t]*(?:[a-z\-]+[ \t]+)?(?:${phraseAlternation(lexicons.trademarkNonDrugHeads, 'literal')})`, 'i'),
  });
}

/** INN-style names are lower case by convention; a sentence-initial capital is not part of the name. */
function innCanonical(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function isInnWord(word: string, stems: InnStems): boolean {
  const { plain, stopwords } = stems;
  const lower = word.toLowerCase();
  if (stopwords.has(lower)) return false;
  // A word ending in an ordinary noun of the list is that noun compounded ("tetrapeptide", "oligonucleotide").
  for (let cut = 1; cut <= lower.length - 7; cut++) if (stopwords.has(lower.slice(cut))) return false;
  if (/^\p{Lu}{2}/u.test(word)) return false; // an acronym, not an INN
  // Three letters before a long stem ("cisplatin", "omeprazole"), four before a short one ("-nib", "-tide").
  return plain.some((stem) => lower.endsWith(stem) && lower.length >= stem.length + (stem.length >= 5 ? 3 : 4));
}

/**
 * Where a code name can start: a code ("AB-1234", "mRNA-1234", "XY123a") holds three digits in a
 * row and starts a run of letters, digits and hyphens (the pattern's look-behind), so the starts are
 * the run starts of the runs holding three digits. Ascending, each once.
 */
function codeStarts(text: string, sentence: Sentence): number[] {
  const out: number[] = [];
  let digits = 0;
  let last = -1;
  for (let i = sentence.start; i < sentence.end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) {
      digits = 0;
      continue;
    }
    if (++digits !== 3) continue;
    let run = i - 2;
    for (;;) {
      if (run > sentence.start && text.charCodeAt(run - 1) === 45) run--;
      else if (run > sentence.start && isWordCharBefore(text, run)) run -= isLowSurrogate(text.charCodeAt(run - 1)) && run - 1 > sentence.start ? 2 : 1;
      else break;
    }
    if (run !== last) out.push((last = run));
  }
  return out;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Words shaped like an INN: a whole word (no letter, digit or hyphen before it), ASCII letters,
 * lower case after the first, ending in a stem with at least three letters before it. The word's
 * suffixes are looked up in the stem set, longest stem first.
 */
function innWords(reader: SentenceReader, sentence: Sentence, suffixes: InnSuffixes, visit: (word: string, offset: number) => void): void {
  const text = reader.text;
  const { starts, words } = reader.words(sentence);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const at = starts[i] as number;
    if (word.length < suffixes.minWord || suffixes.lastLetters[word.charCodeAt(word.length - 1) & 127] !== 1 || !isInnShape(word)) continue;
    // Whole words only, as the regex's look-arounds read them (a letter outside the BMP included).
    if (at > sentence.start && (text.charCodeAt(at - 1) === 45 || isWordCharBefore(text, at))) continue;
    if (at + word.length < sentence.end && isWordCharAt(text, at + word.length)) continue;
    for (const length of suffixes.lengths)
      if (word.length >= length + 3 && suffixes.stems.has(word.slice(word.length - length))) {
        visit(word, at);
        break;
      }
  }
}

export interface InnSuffixes {
  /** The stems' lengths, longest first. */
  readonly lengths: readonly number[];
  readonly stems: ReadonlySet<string>;
  /** The shortest word that can be an INN: a letter, two more, the shortest stem. */
  readonly minWord: number;
  /** 1 at the (ASCII) code of each letter a stem ends with: a quick no for most words (never written after compiling). */
  readonly lastLetters: Uint8Array;
}

function innSuffixes(stems: InnStems): InnSuffixes {
  const lengths = [...new Set(stems.plain.map((s) => s.length))].sort((a, b) => b - a);
  const lastLetters = new Uint8Array(128);
  for (const stem of stems.plain) lastLetters[stem.charCodeAt(stem.length - 1) & 127] = 1;
  return Object.freeze({ lengths, stems: new Set(stems.plain), minWord: 3 + (lengths[lengths.length - 1] ?? 1), lastLetters });
}

/** The letters before "-cel" in a cell therapy's short name ("cilta", "Ide"): two to five, lower case after the first. */
const CELL_THERAPY_SHORT_NAME = /([A-Za-z][a-z]{1,4})-cel$/;

/** `[A-Za-z][a-z]+`: an ASCII letter, then lower-case ASCII letters only. */
function isInnShape(word: string): boolean {
  const first = word.charCodeAt(0);
  if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90))) return false;
  for (let k = 1; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * Drugs named beside a drug: a lower-case substance name listed with one ("amoxicillin and
 * fooxetine", "cisplatin and nab-fooxel") or named in a code's parentheses ("XY-101 (oral
 * fooxetine/barolone)"). The list tells that the word is a drug; its shape (a substance-name ending or
 * an INN stem, no English word) tells it from "placebo" or "the". Read only next to the drugs found,
 * each new one a neighbour in turn ("a, b and <drug>").
 */
export function findDrugCompanions(scope: Scope, selected: readonly Candidate[]): Candidate[] {
  const p = scope.ctx.knowledge.entities.drugs;
  const lexicons = scope.ctx.knowledge.entities.lexicons;
  const out: Candidate[] = [];
  const taken = (start: number, end: number): boolean => selected.some((m) => m.start < end && start < m.end) || out.some((m) => m.start < end && start < m.end);
  const isSubstance = (word: string): boolean => {
    const last = word.slice(word.lastIndexOf('-') + 1).toLowerCase();
    if (last.length < 5 || lexicons.notDrugCompanions.has(last) || lexicons.notDrugCompanions.has(word.toLowerCase()) || lexicons.innStems.stopwords.has(last)) return false;
    if (scope.ctx.knowledge.nlp.isKnownEnglishWord(last)) return false;
    return p.substanceEnding.test(last) || isInnWord(last, lexicons.innStems);
  };
  // "omeprazole magnesium": a salt or a form right after a drug's name is part of it, no drug of its own.
  const afterDrug = (start: number): boolean => selected.some((m) => m.label === 'Drug' && /^[ \t]+$/.test(scope.text.slice(m.end, start)));
  const add = (word: string, start: number, sentence: Scope['sentences'][number], rule: string): Candidate | undefined => {
    if (!isSubstance(word) || taken(start, start + word.length) || afterDrug(start)) return undefined;
    const c = candidate({ label: 'Drug', start, surface: word, canonical: innCanonical(word), rule, priority: 36, sentence });
    out.push(c);
    return c;
  };
  const queue = selected.filter((m) => m.label === 'Drug');
  for (let i = 0; i < queue.length; i++) {
    const anchor = queue[i] as Candidate;
    const sentence = scope.doc.sentences[anchor.sentenceIndex];
    if (!sentence) continue;
    const after = scope.text.slice(anchor.end, Math.min(sentence.end, anchor.end + 80));
    const right = p.companionAfter.exec(after);
    if (right?.[1]) {
      const c = add(right[1], anchor.end + right[0].length - right[1].length, sentence, 'drug.listed-with');
      if (c) queue.push(c);
    }
    const before = scope.text.slice(Math.max(sentence.start, anchor.start - 60), anchor.start);
    const left = p.companionBefore.exec(before);
    if (left?.[1]) {
      const c = add(left[1], anchor.start - before.length + left.index, sentence, 'drug.listed-with');
      if (c) queue.push(c);
    }
    // A code's parentheses that list two substances name its components: "XY-101 (oral fooxetine/barolone)".
    // One substance alone ("XY-101 (fooxetine)") is the code's own substance, another name of it.
    if (!/\p{N}/u.test(anchor.text)) continue;
    const inner = p.codeSubstance.exec(after);
    const [first, second] = [inner?.[1], inner?.[2]];
    if (!inner || !first || !second || !isSubstance(first) || !isSubstance(second)) continue;
    const secondAt = inner[0].lastIndexOf(second);
    add(first, anchor.end + inner[0].lastIndexOf(first, secondAt - 1), sentence, 'drug.code-components');
    add(second, anchor.end + secondAt, sentence, 'drug.code-components');
  }
  return out;
}

/**
 * What follows a code that makes it the name of a study or of a cell line, not of a drug: a study's
 * title after a colon ("XY-801: A Phase II, Randomized … Study of …"), or a noun phrase that ends in
 * cells, a cell line, xenografts or models ("XY116 colorectal cancer (CRC) models", "QR-52 cells"). The
 * words between the code and that head are plain nouns and adjectives: a preposition, an article or a
 * verb form in -s, -ed or -ing ("XY-101 kills tumour cells", "XY-101 in mouse models") leaves the code a drug.
 */
export function namesStudyOrCellLine(after: string, phraseBreakWords: ReadonlySet<string>): boolean {
  if (after.startsWith(':')) return /^:[ \t]+(?:A|An)[ \t][^.;\n]{0,200}?\b(?:[Tt]rials?|[Ss]tudy|[Ss]tudies)\b/.test(after);
  const phrase = /^((?:[ \t]+(?:[a-z][a-z-]*|\([A-Z]{2,6}\))){0,4}?)[ \t]+(?:cells?|cell[ \t]+lines?|xenografts?|models?)(?![\p{L}\p{N}-])/u.exec(after);
  if (!phrase) return false;
  const words = (phrase[1] ?? '')
    .trim()
    .split(/[ \t]+/)
    .filter((w) => w !== '' && !w.startsWith('('));
  return words.every((w) => !phraseBreakWords.has(w) && !/(?:[^s]s|ed|ing)$/.test(w));
}

export function findDrugs(scope: Scope): { candidates: Candidate[]; aliases: DrugAlias[] } {
  const p = scope.ctx.knowledge.entities.drugs;
  const lexicons = scope.ctx.knowledge.entities.lexicons;
  const stems = lexicons.innStems;
  const out: Candidate[] = [];
  const aliases: DrugAlias[] = [];

  sweepAt(
    scope,
    p.code,
    (sentence) => codeStarts(scope.text, sentence),
    (m, offset, sentence) => {
      const whole = m[0];
      const first = m[1] ?? '';
      if (p.notCodePrefix.test(first) || !/\d{3}/.test(first.replace(/-DM\d$/, ''))) return;
      // "ABC1234" is a drug in a sentence about drugs ("ABC1234 and ABC5678, in development by ..."),
      // not a registration or catalogue number; a year after the letters ("FY2020") never is.
      const plain = UNHYPHENATED_CODE.exec(first);
      if (plain && (p.notCodeLetters.has(plain[1] ?? '') || /^(?:19|20)\d\d$/.test(plain[2] ?? '') || !scope.reader.has(sentence, [p.cues.drugContext]))) return;
      if (namesStudyOrCellLine(scope.text.slice(offset + whole.length, Math.min(sentence.end, offset + whole.length + 240)), scope.ctx.knowledge.entities.lexicons.phraseBreakWords)) return;
      const surface = m[2] ? whole : scope.text.slice(offset, withFormulationSuffix(scope.text, offset + whole.length, sentence.end));
      out.push(candidate({ label: 'Drug', start: offset, surface, canonical: surface, rule: 'drug.code-name', priority: 40, sentence }));
      if (m[2]) {
        aliases.push({ alias: first, canonical: whole, rule: 'drug.code-pair' });
        aliases.push({ alias: m[2], canonical: whole, rule: 'drug.code-pair' });
      }
    },
    { cues: [DIGIT] },
  );

  // A short code is a drug only in a sentence about drugs, and only when it is no gene symbol
  // ("CD19"), no year ("FY 2024" is refused by the prefix list) and not what the long scan reads.
  sweepFromCapitals(
    scope,
    p.shortCode,
    (m, offset, sentence) => {
      const code = m[1] ?? '';
      const letters = /^\p{L}+/u.exec(code)?.[0] ?? '';
      // "Study 301", "Suite 400", "Nasdaq 100": a capitalised word before the number is a code's letters only when it is no word or name.
      if (
        /\p{Ll}/u.test(letters) &&
        (scope.ctx.knowledge.nlp.isKnownEnglishWord(letters.toLowerCase()) ||
          p.englishSuffix.test(letters) ||
          lexicons.places.has(letters) ||
          lexicons.nameStopwords.has(letters) ||
          lexicons.organizations.has(letters) ||
          lexicons.industryCompanies.has(letters) ||
          lexicons.companyWords.strong.has(letters) ||
          lexicons.companyWords.weak.has(letters) ||
          scope.ctx.knowledge.nlp.lexiconTags(letters.toLowerCase())?.some((t) => /Name$|Place|City|Country|Month|WeekDay|Unit/.test(t)))
      )
        return;
      if (p.notCodeLetters.has(letters) || p.notCodePrefix.test(code) || lexicons.hgnc.has(targetKey(code)) || lexicons.hgnc.has(targetKey(code.replace(/[ \t-]/g, '')))) return;
      if (/[ \t](?:19|20)\d\d$/.test(code)) return;
      const surface = /[ \t]/.test(code) ? code : scope.text.slice(offset, withFormulationSuffix(scope.text, offset + code.length, sentence.end));
      out.push(candidate({ label: 'Drug', start: offset, surface, canonical: surface.replace(/[ \t]+/, ' '), rule: 'drug.short-code', priority: 38, sentence }));
    },
    { cues: [DIGIT, p.cues.drugContext] },
  );

  sweep(
    scope,
    p.smallDigitCode,
    (m, offset, sentence) => {
      const code = m[1] ?? '';
      if (!p.notCodeLetters.has(/^\p{L}+/u.exec(code)?.[0] ?? '')) out.push(candidate({ label: 'Drug', start: offset, surface: code, canonical: code, rule: 'drug.code-name', priority: 40, sentence }));
    },
    { cues: [SMALL_DIGIT] },
  );

  for (const sentence of scope.sentences)
    innWords(scope.reader, sentence, p.innSuffixes, (word, offset) => {
      // "deruxtecan" alone names the payload, not a drug: the ADC is "<antibody INN> deruxtecan".
      if (!isInnWord(word, stems) || lexicons.adcPayloadWords.has(word.toLowerCase())) return;
      // Capitalised inside a sentence, a word compromise knows as a name is a surname ("Quarrelby"),
      // not an INN ending in "-rsen": INNs are written in lower case.
      const sentenceInitial = /^[\s“"(‘'•–-]*$/u.test(scope.text.slice(sentence.start, offset));
      if (/^\p{Lu}/u.test(word) && !sentenceInitial && scope.ctx.knowledge.nlp.lexiconTags(word)?.some((t) => /Name$/.test(t))) return;
      // A gene therapy's INN is two lower-case words ("<...>gene <...>vec", geneTherapyPair); one capitalised
      // word in "-gene" inside a sentence is a company's name ("a collaboration with Quorigene").
      if (/^\p{Lu}/u.test(word) && !sentenceInitial && word.endsWith('gene')) return;
      // "zorvumab-abcd": the four-letter suffix the FDA gives a biologic (its biosimilars) is part of the name.
      const suffix = /^-[a-z]{4}(?![\p{L}\p{N}-])/u.exec(scope.text.slice(offset + word.length, offset + word.length + 6))?.[0] ?? '';
      out.push(candidate({ label: 'Drug', start: offset, surface: word + suffix, canonical: innCanonical(word) + suffix, rule: 'drug.inn-stem', priority: 42, sentence }));
    });

  // "cilta-cel", "Ide-cel": the short name a CAR-T cell therapy's "-cabtagene autoleucel" INN is called by
  // (the first letters of its INN, a hyphen, "cel"). Read only where "-cel" is written: one scan of the
  // text, its hits taken by the sentences in order (a scan from each sentence would read the text again each time).
  let next = scope.text.indexOf('-cel');
  for (const sentence of scope.sentences)
    for (; next >= 0 && next < sentence.end; next = scope.text.indexOf('-cel', next + 4)) {
      const at = next;
      if (at < sentence.start) continue;
      const m = CELL_THERAPY_SHORT_NAME.exec(scope.text.slice(Math.max(sentence.start, at - 6), Math.min(sentence.end, at + 4)));
      if (!m || isWordCharAt(scope.text, at + 4)) continue;
      const start = at - (m[1] ?? '').length;
      if (start > sentence.start && (scope.text.charCodeAt(start - 1) === 45 || isWordCharBefore(scope.text, start))) continue;
      const surface = scope.text.slice(start, at + 4);
      out.push(candidate({ label: 'Drug', start, surface, canonical: innCanonical(surface), rule: 'drug.cell-therapy-short-name', priority: 40, sentence }));
    }

  // "Zorventa, a HER2-directed ADC" / "the PD-1 inhibitor Zorventa": a name the text describes as a
  // drug. Low priority: a company, person or target reading of the same letters wins.
  const describedName = (name: string): boolean => {
    if (name.length < 3 || lexicons.nameStopwords.has(name) || lexicons.industryCompanies.has(name) || lexicons.organizations.has(name) || lexicons.places.has(name)) return false;
    if (lexicons.companyWords.strong.has(name) || lexicons.companyWords.weak.has(name) || lexicons.hgnc.has(targetKey(name)) || lexicons.diseases.byAbbreviation.has(name)) return false;
    // Without a digit, no English word and no word of English shape ("Notably", "Designation").
    if (!/\p{N}/u.test(name) && (scope.ctx.knowledge.nlp.isKnownEnglishWord(name) || (/\p{Ll}s$/u.test(name) && scope.ctx.knowledge.nlp.isKnownEnglishWord(name.slice(0, -1))) || /^\p{Lu}{1,3}$/u.test(name) || p.englishSuffix.test(name)))
      return false;
    return !p.notCodeLetters.has(name);
  };
  const described = (name: string, start: number, sentence: Scope['sentences'][number], rule: string): void => {
    if (describedName(name)) out.push(candidate({ label: 'Drug', start, surface: name, canonical: name, rule, priority: 35, sentence }));
  };
  sweepFromCapitals(
    scope,
    p.descriptorAfter,
    (m, offset, sentence) => {
      // "Acme, a company developing a PD-1 inhibitor": the phrase must describe the name, not what it does.
      const words = (m[2] ?? '').split(/[ \t]+/).filter((w) => w !== '');
      if (words.some((w) => p.descriptorBreaks.has(w.toLowerCase()))) return;
      described(m[1] ?? '', offset, sentence, 'drug.descriptor-after');
    },
    { cues: [p.cues.descriptor] },
  );
  sweepFromOpeners(
    scope,
    p.descriptorBefore,
    p.descriptorOpeners,
    (m, offset, sentence) => {
      const name = m[2] ?? '';
      // "its lead candidate, Zorventa, is ...": set off by commas on both sides (or code-shaped), the name is
      // an apposition; "inhibitor candidates, Acme and Foo will receive" is a clause break.
      if (m[1] === ',' && !/\p{N}/u.test(name) && scope.text.charAt(offset + m[0].length) !== ',') return;
      described(name, offset + m[0].lastIndexOf(name), sentence, 'drug.descriptor-before');
    },
    { cues: [p.cues.descriptor] },
  );
  /** A brand has a capital and then lower-case letters or is all capitals of four letters and more; no digit (a code is read by shape), no name of a person or place. */
  const brandShaped = (name: string): boolean =>
    !/\p{N}/u.test(name) &&
    /^\p{Lu}(?:\p{Ll}{3,}|\p{Lu}{3,})$/u.test(name) &&
    !lexicons.notDrugCompanions.has(name.toLowerCase()) &&
    !scope.ctx.knowledge.nlp.lexiconTags(name.toLowerCase())?.some((t) => /Name$|Place|City|Country|Month|WeekDay/.test(t));
  sweepFromOpeners(
    scope,
    p.brandContext,
    p.brandContextOpeners,
    (m, offset, sentence) => {
      const name = m[1] ?? '';
      if (!brandShaped(name)) return;
      described(name, offset + m[0].lastIndexOf(name), sentence, 'drug.brand-context');
      // "products including Zorvexa, Quelta and Brixano": the list's other members, each brand-shaped, until one is not.
      for (let end = offset + m[0].length; ;) {
        const next = p.brandListNext.exec(scope.text.slice(end, Math.min(sentence.end, end + 80)));
        const member = next?.[1] ?? '';
        if (!next || !brandShaped(member)) break;
        described(member, end + next[0].lastIndexOf(member), sentence, 'drug.brand-context');
        end += next[0].length;
      }
    },
    { cues: [p.cues.brandContext] },
  );
  // "ZORVEXA-treated patients", "the Zorvexa franchise", "Zorvexa maker Acme": words said of a product only.
  sweepFromCapitals(
    scope,
    p.brandAfter,
    (m, offset, sentence) => {
      const name = m[1] ?? '';
      // "the QX-ZOR product candidates": before "candidate", only a code of two capitalised parts ("Acme candidates" names the company's).
      const shaped = /candidates?$/.test(m[0]) ? /^\p{Lu}{2,5}-\p{Lu}{2,5}$/u.test(name) : brandShaped(name);
      if (shaped) described(name, offset, sentence, 'drug.brand-context');
    },
    { cues: [p.cues.brandAfter] },
  );
  sweep(
    scope,
    p.geneTherapyPair,
    (m, offset, sentence) => {
      out.push(candidate({ label: 'Drug', start: offset, surface: m[0], canonical: `${innCanonical(m[1] ?? '')} ${m[2] ?? ''}`, rule: 'drug.inn-pair', priority: 49, sentence }));
    },
    { test: (slice) => slice.includes('gene') },
  );

  sweep(
    scope,
    p.adc,
    (m, offset, sentence) => {
      const canonical = `${innCanonical(m[1] ?? '')} ${(m[2] ?? '').toLowerCase()}`;
      out.push(candidate({ label: 'Drug', start: offset, surface: m[0], canonical, rule: 'drug.adc-inn', priority: 48, sentence, properties: { adc: true } }));
    },
    { cues: [p.cues.adcWord] },
  );

  sweep(
    scope,
    p.antibodyPayload,
    (m, offset, sentence) => {
      const antibody = m[1] ?? '';
      const canonical = `${antibody.length > 1 ? innCanonical(antibody) : antibody}-${m[2] ?? ''}`;
      out.push(candidate({ label: 'Drug', start: offset, surface: m[0], canonical, rule: 'drug.antibody-payload', priority: 48, sentence, properties: { adc: true } }));
    },
    { cues: [p.cues.payload] },
  );

  /** A brand written with a mark: kept unless the words around make it a trademark of something else. */
  const brandAt = (word: string, offset: number, markEnd: number, sentence: Scope['sentences'][number], rule: string): void => {
    if (lexicons.nameStopwords.has(word)) return;
    // "The Liver Meeting®": a capitalised word before the mark makes it a multi-word trademark, not a drug.
    const before = scope.text.slice(Math.max(sentence.start, offset - 30), offset);
    if (/\p{Lu}[\p{L}\p{N}]*[ \t]+$/u.test(before) && !/(?:^|[.:;!?]\s*)\p{Lu}[\p{L}\p{N}]*[ \t]+$/u.test(before)) return;
    const after = scope.text.slice(markEnd, markEnd + 40);
    if (p.nonDrugMark.test(after)) return;
    // "Acme™ Biologics", "Acme® Therapeutics": the mark of a company's name, not a product.
    const nextWord = /^[ \t]+(\p{Lu}[\p{L}]+)/u.exec(after)?.[1];
    if (nextWord !== undefined && (lexicons.companyWords.strong.has(nextWord) || lexicons.legalSuffixes.includes(nextWord))) return;
    out.push(candidate({ label: 'Drug', start: offset, surface: word, canonical: word, rule, priority: 44, sentence, properties: { brand: true } }));
  };
  sweepFromCapitals(scope, p.brand, (m, offset, sentence) => brandAt(m[1] ?? '', offset, offset + m[0].length, sentence, 'drug.brand-mark'), { cues: [[TRADE_MARK, OPEN_PAREN]] });
  // A brand in lower case carries its mark glued to it; no English word ("protocol®" is no brand).
  sweep(
    scope,
    p.lowerCaseBrand,
    (m, offset, sentence) => {
      const word = m[1] ?? '';
      if (!scope.ctx.knowledge.nlp.isKnownEnglishWord(word) && !lexicons.notDrugCompanions.has(word)) brandAt(word, offset, offset + m[0].length, sentence, 'drug.brand-mark-lower-case');
    },
    { cues: [TRADE_MARK] },
  );
  // "BrandnameTM": a ™ that text conversion turned into the letters TM, glued to the name. The
  // lower-case letter before it tells the mark from an acronym ending in TM; an English word
  // ("ProTM") is no brand.
  sweep(
    scope,
    p.gluedMark,
    (m, offset, sentence) => {
      const word = m[1] ?? '';
      if (scope.ctx.knowledge.nlp.isKnownEnglishWord(word)) return;
      brandAt(word, offset, offset + m[0].length, sentence, 'drug.brand-mark-letters');
    },
    { test: (slice) => slice.includes('TM') },
  );

  sweep(
    scope,
    p.brandPair,
    (m, _offset, _sentence) => {
      if (isInnWord(m[2] ?? '', stems)) aliases.push({ alias: m[1] ?? '', canonical: innCanonical(m[2] ?? ''), rule: 'drug.brand-generic' });
    },
    { cues: [OPEN_PAREN] },
  );
  sweep(
    scope,
    p.genericPair,
    (m, _offset, _sentence) => {
      if (isInnWord(m[1] ?? '', stems) && !lexicons.nameStopwords.has(m[2] ?? '')) aliases.push({ alias: m[2] ?? '', canonical: innCanonical(m[1] ?? ''), rule: 'drug.generic-brand' });
    },
    { cues: [OPEN_PAREN] },
  );
  sweep(
    scope,
    p.renamed,
    (m) => {
      aliases.push({ alias: m[2] ?? '', canonical: m[1] ?? '', rule: 'drug.renamed' });
    },
    { cues: [DIGIT, p.cues.renamed] },
  );

  return { candidates: out, aliases };
}
