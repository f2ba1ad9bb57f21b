// The section patterns of data/structure/sections.json, compiled once and checked at load time.
import { z } from 'zod';
import { dataJson } from '../data-files.ts';
import { KgError } from '../errors.ts';

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

export interface SectionPatterns {
  coverSignals: RegExp[];
  itemHeading: RegExp;
  signatureHeading: RegExp;
  exhibitIndexHeading: RegExp;
  exhibitMarker: RegExp;
  exhibitIndexRow: RegExp;
  aboutHeading: RegExp;
  aboutInline: RegExp;
  forwardLookingStart: RegExp[];
  /** Global: used with lastIndex to find an inline heading inside a run-on block. */
  forwardLookingInline: RegExp;
  contactsHeading: RegExp;
  contactLine: RegExp;
  trademark: RegExp;
  trademarkCue: RegExp;
  /** Global. */
  inlineContactCue: RegExp;
  proseRun: RegExp;
  otherHeading: RegExp[];
  releaseNoise: RegExp;
}

let compiled: SectionPatterns | undefined;

export function sectionPatterns(): SectionPatterns {
  if (compiled) return compiled;
  const path = 'structure/sections.json';
  const parsed = SectionPatternsFile.safeParse(dataJson(path));
  if (!parsed.success) {
    throw new KgError('CONFIG_INVALID', `data/${path} is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`, { subject: path });
  }
  const f = parsed.data;
  const re = (source: string, extra = ''): RegExp => {
    try {
      return new RegExp(source, f.flags + extra);
    } catch (cause) {
      throw new KgError('CONFIG_INVALID', `data/${path} has an invalid pattern ${JSON.stringify(source)}`, { subject: path, cause });
    }
  };
  compiled = {
    coverSignals: f.coverSignals.map((s) => re(s)),
    itemHeading: re(f.itemHeading),
    signatureHeading: re(f.signatureHeading),
    exhibitIndexHeading: re(f.exhibitIndexHeading),
    exhibitMarker: re(f.exhibitMarker),
    exhibitIndexRow: re(f.exhibitIndexRow),
    aboutHeading: re(f.aboutHeading),
    aboutInline: re(f.aboutInline),
    forwardLookingStart: f.forwardLookingStart.map((s) => re(s)),
    // Case-sensitive on purpose: the inline heading is written in title case, the phrase in running text is not.
    forwardLookingInline: new RegExp(f.forwardLookingInline, 'gu'),
    contactsHeading: re(f.contactsHeading),
    contactLine: re(f.contactLine),
    trademark: re(f.trademark),
    trademarkCue: re(f.trademarkCue),
    inlineContactCue: re(f.inlineContactCue, 'g'),
    proseRun: new RegExp(f.proseRun, 'u'),
    otherHeading: f.otherHeading.map((s) => re(s)),
    releaseNoise: re(f.releaseNoise),
  };
  return compiled;
}
