// The section patterns of data/structure/sections.json and the word lists beside it, compiled once by
// the knowledge loader (src/knowledge/structure.ts) and checked there: a bad pattern fails at load
// time naming its file, not at the first document that reaches it.
import { z } from 'zod';
import { KgError } from '../errors.ts';
import type { DataFiles } from '../knowledge/files.ts';
import type { NameKnowledge } from '../knowledge/names.ts';
import type { SpeechVerbRow } from '../knowledge/shared-lexicons.ts';
import { escapeRegex } from '../text/regex.ts';
import type { DatePatterns } from '../text/dates.ts';

const SECTIONS_FILE = 'structure/sections.json';

const SectionPatternsFile = z.object({
  flags: z.string(),
  coverSignals: z.array(z.string()),
  itemHeading: z.string(),
  signatureHeading: z.string(),
  exhibitIndexHeading: z.string(),
  exhibitMarker: z.string(),
  exhibitIndexRow: z.string(),
  aboutHeading: z.string(),
  aboutInline: z.string(),
  forwardLookingStart: z.array(z.string()),
  forwardLookingInline: z.string(),
  contactsHeading: z.string(),
  contactLine: z.string(),
  trademark: z.string(),
  /** A word every trademark note contains: a cheap test that spares most blocks the full pattern. */
  trademarkCue: z.string(),
  /** A contact label ("Media:"), an e-mail or a phone number, found anywhere in a block (used with lastIndex). */
  inlineContactCue: z.string(),
  /** Four lower-case words in a row: running prose, never a contact list. */
  proseRun: z.string(),
  otherHeading: z.array(z.string()),
  releaseNoise: z.string(),
});

/** A plain word of a word list (letters only): joined into a pattern as it is. */
const Word = z.string().regex(/^\p{L}+$/u, 'one word of letters');

export interface SectionPatterns {
  readonly coverSignals: readonly RegExp[];
  readonly itemHeading: RegExp;
  readonly signatureHeading: RegExp;
  readonly exhibitIndexHeading: RegExp;
  readonly exhibitMarker: RegExp;
  readonly exhibitIndexRow: RegExp;
  readonly aboutHeading: RegExp;
  readonly aboutInline: RegExp;
  readonly forwardLookingStart: readonly RegExp[];
  /** Global: used with lastIndex to find an inline heading inside a run-on block. */
  readonly forwardLookingInline: RegExp;
  readonly contactsHeading: RegExp;
  readonly contactLine: RegExp;
  readonly trademark: RegExp;
  readonly trademarkCue: RegExp;
  /** Global. */
  readonly inlineContactCue: RegExp;
  readonly proseRun: RegExp;
  readonly otherHeading: readonly RegExp[];
  readonly releaseNoise: RegExp;
  /** A paragraph that reports a quote: "…, said Jane Roe, CEO. “We are …" (the speech verbs of data/lexicons/speech-verbs.tsv that open a quote). */
  readonly saidQuote: RegExp;
  /**
   * A heading may end in a company's legal form and its period ("About ImmunoGen, Inc."): the forms
   * of the one legal-suffix list (NameKnowledge), as that list writes them, then a period.
   */
  readonly legalSuffixEnd: RegExp;
  /** A line that is only a date, or a date and a time ("May 21, 2019 / 5:45 am ET"): never a headline. */
  readonly dateOnly: RegExp;
  /** A word that makes "Item 2.02 of this report is incorporated …" a reference, not a heading (data/structure/item-reference-words.txt). */
  readonly itemReference: RegExp;
}

/** Compiles data/structure/sections.json and the section word lists; throws CONFIG_INVALID naming the file. */
export function compileSectionPatterns(files: DataFiles, names: NameKnowledge, dates: DatePatterns, speechVerbRows: readonly SpeechVerbRow[]): SectionPatterns {
  const f = files.json(SECTIONS_FILE, SectionPatternsFile);
  const compile = (source: string, flags: string): RegExp => {
    try {
      return new RegExp(source, flags);
    } catch (cause) {
      throw new KgError('CONFIG_INVALID', `data/${SECTIONS_FILE}: invalid pattern ${JSON.stringify(source)}`, { subject: 'knowledge', cause });
    }
  };
  const re = (source: string, extra = ''): RegExp => compile(source, f.flags + extra);
  const speechVerbs = speechVerbRows
    .filter((row) => row.opensQuote)
    .map((row) => escapeRegex(row.verb))
    .join('|');
  // "Inc." and "Inc" both end in "Inc" before the period; the list is longest first already.
  const legalForms = [...new Set(names.legalSuffixes.map((suffix) => suffix.replace(/\.$/, '')))].map(escapeRegex);
  const referenceWords = files.lines('structure/item-reference-words.txt', Word).map(escapeRegex).join('|');
  return Object.freeze({
    coverSignals: Object.freeze(f.coverSignals.map((s) => re(s))),
    itemHeading: re(f.itemHeading),
    signatureHeading: re(f.signatureHeading),
    exhibitIndexHeading: re(f.exhibitIndexHeading),
    exhibitMarker: re(f.exhibitMarker),
    exhibitIndexRow: re(f.exhibitIndexRow),
    aboutHeading: re(f.aboutHeading),
    aboutInline: re(f.aboutInline),
    forwardLookingStart: Object.freeze(f.forwardLookingStart.map((s) => re(s))),
    // Case-sensitive on purpose: the inline heading is written in title case, the phrase in running text is not.
    forwardLookingInline: compile(f.forwardLookingInline, 'gu'),
    contactsHeading: re(f.contactsHeading),
    contactLine: re(f.contactLine),
    trademark: re(f.trademark),
    trademarkCue: re(f.trademarkCue),
    inlineContactCue: re(f.inlineContactCue, 'g'),
    proseRun: compile(f.proseRun, 'u'),
    otherHeading: Object.freeze(f.otherHeading.map((s) => re(s))),
    releaseNoise: re(f.releaseNoise),
    saidQuote: new RegExp(`^[^“”"]{0,200}\\b(?:${speechVerbs})\\b[^“”"]{0,160}[,:;]\\s*[“"]`, 'u'),
    legalSuffixEnd: new RegExp(`\\b(?:${legalForms.join('|')})\\.$`, 'i'),
    dateOnly: new RegExp(`^(?:${dates.dateSource})(?:\\s*(?:/|at)?\\s*\\d{1,2}:\\d{2}.*)?$`, 'i'),
    itemReference: new RegExp(`\\b(?:${referenceWords})\\b`),
  });
}
