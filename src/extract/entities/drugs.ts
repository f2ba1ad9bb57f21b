// Drugs: development code names, INN stems, antibody–drug conjugates (INN + payload word, antibody-
// DM1), brands marked ® or ™, and brand (generic) pairs.
import type { Candidate, Scope } from './candidates.ts';
import { candidate, sweep } from './candidates.ts';
import { adcPayloadWords, escapeRegExp, innStems, nameStopwords, payloads } from './lexicons.ts';
import type { Cue } from './cues.ts';
import { DIGIT, OPEN_PAREN, TRADE_MARK, cueWords, firstLetterRun } from './cues.ts';

/** Drug aliases a text states outright: brand (generic), "now renamed", a slash pair of codes. */
export interface DrugAlias {
  alias: string;
  canonical: string;
  rule: string;
}

const CODE = String.raw`(?:mRNA-|hu|ch|h|m)?(?:\d[A-Z]|[A-Z][A-Za-z]{0,5})-?\d{3,7}[a-z]?`;
/** Year, quarter and trial-registry forms that look like codes. */
const NOT_CODE = /^(?:FY|CY|Q|H|NCT|EudraCT|ISRCTN|CFR|ISO|Rule|Form|No|US|EP|WO|PCT|ZIP|ASCO|ESMO|AACR|ASH|EHA|SABCS)\b|^[A-Z]{1,3}\d{4}$/;

let compiled:
  | { code: RegExp; inn: RegExp; adc: RegExp; antibodyPayload: RegExp; brand: RegExp; brandPair: RegExp; genericPair: RegExp; renamed: RegExp; cues: { adcWord: Cue; payload: Cue; renamed: Cue } }
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
    adc: new RegExp(String.raw`${L}([A-Za-z][a-z]{2,}mab)[ \t]+(${payloadWords})${B}`, 'giu'),
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
    },
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
    if (NOT_CODE.test(first) || !/\d{3}/.test(first.replace(/-DM\d$/, ''))) return;
    out.push(candidate({ label: 'Drug', start: offset, surface: whole, canonical: whole, rule: 'drug.code-name', priority: 40, sentence }));
    if (m[2]) {
      aliases.push({ alias: first, canonical: whole, rule: 'drug.code-pair' });
      aliases.push({ alias: m[2], canonical: whole, rule: 'drug.code-pair' });
    }
  }, { cues: [DIGIT] });

  sweep(scope, p.inn, (m, offset, sentence) => {
    const word = m[1] ?? '';
    if (!isInnWord(word)) return;
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
