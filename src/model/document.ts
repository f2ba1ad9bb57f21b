// What the structure and segment stages hand to the extractors: documents with their filing
// metadata and sections (StructuredText, the structure stage) and their sentences (StructuredDocument,
// after the segment stage), every span an offset pair into `text`.
import { z } from 'zod';

export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
export type Span = z.infer<typeof Span>;

/** What a stretch of a document is, which decides what its sentences are worth to the extractors. */
export const SectionKind = z.enum([
  'cover', // 8-K cover page (registrant, file number, IRS id, address ...)
  'item', // an 8-K item's text
  'headline',
  'subheadline',
  'dateline',
  'body',
  'quote',
  'about', // "About X" boilerplate: facts count, marked as boilerplate
  'forwardLooking', // safe-harbour text: no facts are taken from it
  'contacts',
  'trademark',
  'signature',
  'exhibitIndex',
  'table',
  'other',
]);
export type SectionKind = z.infer<typeof SectionKind>;

export const Section = Span.extend({
  kind: SectionKind,
  /** The heading text or item code that opened the section, where there was one. */
  title: z.string().optional(),
});
export type Section = z.infer<typeof Section>;

export const Sentence = Span.extend({
  index: z.number().int().nonnegative(),
  section: SectionKind,
  /** True for "About X" boilerplate and similar repeated text. */
  boilerplate: z.boolean(),
});
export type Sentence = z.infer<typeof Sentence>;

export const Registrant = z.object({
  name: z.string(),
  cik: z.string().optional(),
  irsEmployerId: z.string().optional(),
  stateOfIncorporation: z.string().optional(),
  fileNumber: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
});
export type Registrant = z.infer<typeof Registrant>;

export const FilingItem = z.object({
  code: z.string(),
  title: z.string().optional(),
  /** The item's text under its heading, white space collapsed (absent for items known only from the EDGAR header). */
  text: z.string().optional(),
});
export const Exhibit = z.object({ number: z.string(), description: z.string().optional() });

/**
 * Where EDGAR serves a filing, for documents `kg fetch` downloaded (from its manifest row; see
 * src/edgar). The writer puts these on the Document and Filing nodes.
 */
export const EdgarSource = z.object({
  url: z.string(),
  cik: z.string(),
  accession: z.string(),
  form: z.string(),
  /** EDGAR's item codes for the filing ("1.01", "9.01" …). */
  items: z.array(z.string()),
  filingDate: z.string(),
});
export type EdgarSource = z.infer<typeof EdgarSource>;

export const Filing = z.object({
  form: z.string(),
  accessionNumber: z.string().optional(),
  registrants: z.array(Registrant),
  reportDate: z.string().optional(), // ISO 8601
  filedDate: z.string().optional(), // ISO 8601
  items: z.array(FilingItem),
  exhibits: z.array(Exhibit),
  edgar: EdgarSource.optional(),
});
export type Filing = z.infer<typeof Filing>;

/**
 * Where a rendered text came from in its raw file, as run-length segments `[textStart, rawStart,
 * textLength, rawLength]` in text order: the text span [textStart, textStart + textLength) was read from
 * the raw span [rawStart, rawStart + rawLength). Equal lengths mean character by character (text copied
 * as is); unequal ones mean the span as a whole (an entity such as `&amp;` decoded to one character, a
 * white-space run collapsed). Characters in no segment were added by the renderer (paragraph breaks,
 * the " | " between table cells). Raw offsets count UTF-16 code units of the decoded file (UTF-8, else
 * Windows-1252; a leading byte-order mark removed), as text offsets do.
 */
export const RawMap = z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int().nonnegative(), z.number().int().nonnegative()]));
export type RawMap = z.infer<typeof RawMap>;

export const Dateline = z.object({ city: z.string().optional(), date: z.string().optional(), wire: z.string().optional() });
export type Dateline = z.infer<typeof Dateline>;

/**
 * One document as the structure stage leaves it: filing metadata and sections, not yet split into
 * sentences. `text` is what every offset in the pipeline points into: for a plain-text input it is
 * the decoded input itself, for HTML or a full submission the text the loader rendered. `cleanText`
 * has the same length as `text` with markup escapes (`\$`, `**`) blanked, so rules read clean words
 * at the original offsets. `rawMap` maps a rendered text back to the raw file's offsets; a plain-text
 * input has none, its text offsets being the raw ones.
 */
export interface StructuredText {
  docId: string;
  sourcePath: string;
  /** Document type: 8-K, EX-99.1, press-release, text ... */
  docType: string;
  title?: string;
  text: string;
  cleanText: string;
  contentHash: string;
  filing?: Filing;
  dateline?: Dateline;
  /** The date the document's facts are as of: dateline date, else report date, else filed date. */
  asOf?: string;
  sections: Section[];
  /** For HTML and full submissions: where each stretch of `text` is in the raw file (absent for plain text). */
  rawMap?: RawMap;
}

/** One document ready for extraction: its structure (StructuredText) and its sentences (the segment stage). */
export interface StructuredDocument extends StructuredText {
  sentences: Sentence[];
}
