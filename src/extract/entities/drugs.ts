// Drugs: development code names, INN stems, antibody–drug conjugates (INN + payload word, antibody-
// DM1), brands marked ® or ™, and brand (generic) pairs.
import type { Candidate, Scope } from './candidates.ts';
import { candidate, sweep } from './candidates.ts';
import { adcPayloadWords, escapeRegExp, innStems, nameStopwords, payloads } from './lexicons.ts';
import { dataLines } from '../../data-files.ts';
import type { Cue } from './cues.ts';
import { DIGIT, OPEN_PAREN, TRADE_MARK, cueWords, firstLetterRun, sentenceHas } from './cues.ts';

/** Drug aliases a text states outright: brand (generic), "now renamed", a slash pair of codes. */
export interface DrugAlias {
  alias: string;
  canonical: string;
  rule: string;
}

const CODE = String.raw`(?:mRNA-|hu|ch|h|m)?(?:\d[A-Z]|[A-Z][A-Za-z]{0,5})-?\d{3,7}[a-z]?`;
/** A code written as letters then digits with no hyphen ("ABC1234", "XY123a"): the shape of many other numbers too. */
const UNHYPHENATED_CODE = /^(\p{Lu}[\p{L}]{0,5})(\d{3,7})[a-z]?$/u;

let compiled:
  | {
      code: RegExp;
      inn: RegExp;
      adc: RegExp;
      antibodyPayload: RegExp;
      brand: RegExp;
      brandPair: RegExp;
      genericPair: RegExp;
      renamed: RegExp;
      notCodePrefix: RegExp;
      notCodeLetters: Set<string>;
      cues: { adcWord: Cue; payload: Cue; renamed: Cue; drugContext: Cue };
    }
  | undefined;

function patterns(): NonNullable<typeof compiled> {
  if (compiled) return compiled;
  const stems = innStems().plain.map(escapeRegExp).join('|');
  const payloadWords = [...adcPayloadWords()].map(escapeRegExp).join('|');
  const payloadNames = [...payloads().values()].map((p) => escapeRegExp(p.name)).join('|');
  const B = String.raw`(?![\p{L}\p{N}])`;
  const L = String.raw`(?<![\p{L}\p{N}\-])`;
  compiled = {
    code: new RegExp(String.raw`${L}(${CODE}(?:-(?:${payloadNames}))?)(?:\/(${CODE}))?(?![\p{L}\p{N}]|-\d|\.\d)`, 'gu'),
    inn: new RegExp(String.raw`${L}([A-Za-z][a-z]{2,}(?:${stems}))${B}`, 'gu'),
    // The antibody part: an INN of an antibody, "-mab" or one of the 2022 WHO antibody stems (-tug, -bart, -mig).
    adc: new RegExp(String.raw`${L}([A-Za-z][a-z]{2,}(?:mab|tug|bart|mig))[ \t]+(${payloadWords})${B}`, 'giu'),
    antibodyPayload: new RegExp(String.raw`${L}([A-Za-z][a-z]{2,}mab|[A-Z])[- ](${payloadNames})${B}`, 'gu'),
    brand: new RegExp(String.raw`(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{N}\-]{2,})[ \t]?(®|™|\(R\)|\(TM\))`, 'gu'),
    brandPair: new RegExp(String.raw`(\p{Lu}[\p{L}\p{N}\-]{2,})[ \t]?(?:®|™)?[ \t]*\([ \t]*([a-z][a-z\-]{3,}(?:${stems}))[ \t]*\)`, 'gu'),
    genericPair: new RegExp(String.raw`${L}([a-z][a-z\-]{3,}(?:${stems}))[ \t]*\([ \t]*(\p{Lu}[\p{L}\p{N}\-]{2,})[ \t]?(?:®|™)?[ \t]*\)`, 'gu'),
    renamed: new RegExp(String.raw`(${CODE})[^.;]{0,20}?\b(?:now renamed|renamed|also known as|formerly known as|formerly)[ \t]+(${CODE})`, 'gu'),
    // Sentence cues (cues.ts): the words each rule cannot match without.
    cues: {
      adcWord: cueWords([...adcPayloadWords()].map(firstLetterRun)),
      payload: cueWords([...payloads().values()].map((p) => firstLetterRun(p.name))),
      renamed: cueWords(['renamed', 'known', 'formerly']),
      drugContext: cueWords(dataLines('lexicons/drug-context-words.txt').map(firstLetterRun)),
    },
    // "NCT-…", "FY 2020": a known prefix set off from the number; "FY2020": the whole letter part.
    notCodePrefix: new RegExp(String.raw`^(?:${dataLines('lexicons/code-name-non-drug-prefixes.txt').map(escapeRegExp).join('|')})\b`),
    notCodeLetters: new Set(dataLines('lexicons/code-name-non-drug-prefixes.txt')),
  };
  return compiled;
}

/** INN-style names are lower case by convention; a sentence-initial capital is not part of the name. */
function innCanonical(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s[0]?.toLowerCase() + s.slice(1) : s;
}

function isInnWord(word: string): boolean {
  const { plain, stopwords } = innStems();
  const lower = word.toLowerCase();
  if (stopwords.has(lower)) return false;
  // A word ending in an ordinary noun of the list is that noun compounded ("tetrapeptide", "oligonucleotide").
  for (let cut = 1; cut <= lower.length - 7; cut++) if (stopwords.has(lower.slice(cut))) return false;
  if (/^\p{Lu}{2}/u.test(word)) return false; // an acronym, not an INN
  return plain.some((stem) => lower.endsWith(stem) && lower.length >= stem.length + 4);
}

export function findDrugs(scope: Scope): { candidates: Candidate[]; aliases: DrugAlias[] } {
  const p = patterns();
  const out: Candidate[] = [];
  const aliases: DrugAlias[] = [];

  sweep(scope, p.code, (m, offset, sentence) => {
    const whole = m[0];
    const first = m[1] ?? '';
    if (p.notCodePrefix.test(first) || !/\d{3}/.test(first.replace(/-DM\d$/, ''))) return;
    // "ABC1234" is a drug in a sentence about drugs ("ABC1234 and ABC5678, in development by ..."),
    // not a registration or catalogue number; a year after the letters ("FY2020") never is.
    const plain = UNHYPHENATED_CODE.exec(first);
    if (plain && (p.notCodeLetters.has(plain[1] ?? '') || /^(?:19|20)\d\d$/.test(plain[2] ?? '') || !sentenceHas(scope.text, sentence, [p.cues.drugContext]))) return;
    out.push(candidate({ label: 'Drug', start: offset, surface: whole, canonical: whole, rule: 'drug.code-name', priority: 40, sentence }));
    if (m[2]) {
      aliases.push({ alias: first, canonical: whole, rule: 'drug.code-pair' });
      aliases.push({ alias: m[2], canonical: whole, rule: 'drug.code-pair' });
    }
  }, { cues: [DIGIT] });

  sweep(scope, p.inn, (m, offset, sentence) => {
    const word = m[1] ?? '';
    // "deruxtecan" alone names the payload, not a drug: the ADC is "<antibody INN> deruxtecan".
    if (!isInnWord(word) || adcPayloadWords().has(word.toLowerCase())) return;
    out.push(candidate({ label: 'Drug', start: offset, surface: word, canonical: innCanonical(word), rule: 'drug.inn-stem', priority: 42, sentence }));
  });

  sweep(scope, p.adc, (m, offset, sentence) => {
    const canonical = `${innCanonical(m[1] ?? '')} ${(m[2] ?? '').toLowerCase()}`;
    out.push(candidate({ label: 'Drug', start: offset, surface: m[0], canonical, rule: 'drug.adc-inn', priority: 48, sentence, properties: { adc: true } }));
  }, { cues: [p.cues.adcWord] });

  sweep(scope, p.antibodyPayload, (m, offset, sentence) => {
    const antibody = m[1] ?? '';
    const canonical = `${antibody.length > 1 ? innCanonical(antibody) : antibody}-${m[2] ?? ''}`;
    out.push(candidate({ label: 'Drug', start: offset, surface: m[0], canonical, rule: 'drug.antibody-payload', priority: 48, sentence, properties: { adc: true } }));
  }, { cues: [p.cues.payload] });

  sweep(scope, p.brand, (m, offset, sentence) => {
    const word = m[1] ?? '';
    if (nameStopwords().has(word)) return;
    // "The Liver Meeting®": a capitalised word before the mark makes it a multi-word trademark, not a drug.
    const before = scope.text.slice(Math.max(sentence.start, offset - 30), offset);
    if (/\p{Lu}[\p{L}\p{N}]*[ \t]+$/u.test(before) && !/(?:^|[.:;!?]\s*)\p{Lu}[\p{L}\p{N}]*[ \t]+$/u.test(before)) return;
    const after = scope.text.slice(offset + m[0].length, offset + m[0].length + 40);
    if (/^[ \t]*(?:[a-z\-]+[ \t]+)?(?:platform|technology|technologies|antibod)/i.test(after)) return;
    out.push(candidate({ label: 'Drug', start: offset, surface: word, canonical: word, rule: 'drug.brand-mark', priority: 44, sentence, properties: { brand: true } }));
  }, { cues: [[TRADE_MARK, OPEN_PAREN]] });

  sweep(scope, p.brandPair, (m, _offset, _sentence) => {
    if (isInnWord(m[2] ?? '')) aliases.push({ alias: m[1] ?? '', canonical: innCanonical(m[2] ?? ''), rule: 'drug.brand-generic' });
  }, { cues: [OPEN_PAREN] });
  sweep(scope, p.genericPair, (m, _offset, _sentence) => {
    if (isInnWord(m[1] ?? '') && !nameStopwords().has(m[2] ?? '')) aliases.push({ alias: m[2] ?? '', canonical: innCanonical(m[1] ?? ''), rule: 'drug.generic-brand' });
  }, { cues: [OPEN_PAREN] });
  sweep(scope, p.renamed, (m) => {
    aliases.push({ alias: m[2] ?? '', canonical: m[1] ?? '', rule: 'drug.renamed' });
  }, { cues: [DIGIT, p.cues.renamed] });

  return { candidates: out, aliases };
}
