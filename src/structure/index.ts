// Structure stage: a loaded file becomes one or more documents with filing metadata and sections
// (the segment stage, src/segment/, then splits them into sentences). Plain text is used as is (offsets point into the decoded input); HTML is rendered to
// text; an EDGAR full submission yields one document per text or HTML part, sharing one Filing built
// from the SEC header merged with the cover page of the main document. A rendered text (HTML, a part
// of a submission) carries a RawMap back to the offsets of the file it came from.
import { basename } from 'node:path';
import type { z } from 'zod';
import type { Exhibit, Filing, FilingItem } from '../model/document.ts';
import type { RawMap, Registrant, Section, StructuredText } from '../model/document.ts';
import type { LoadedFile } from '../load/index.ts';
import { contentHash } from '../load/index.ts';
import { KgError } from '../errors.ts';
import type { Knowledge, StageContext } from '../knowledge/index.ts';
import type { NameKnowledge } from '../knowledge/names.ts';
import type { FilingItemTitle } from '../knowledge/structure.ts';
import { looksLikeHtml, renderHtml } from './html.ts';
import { structureText, type ItemMark, type TextStructure } from './sections.ts';
import { parseCover, type CoverFields } from './cover.ts';
import { looksLikeSubmission, parseSecHeader, skipReason, stripSgmlMarks, submissionDocuments, unwrappedBody, type SecHeader } from './submission.ts';
import { TracedText } from '../text/traced-text.ts';

type FilingItemT = z.infer<typeof FilingItem>;
type ExhibitT = z.infer<typeof Exhibit>;

/**
 * Same length as `text`, with Markdown escapes (`\$`) and emphasis marks (`**bold**`, `*see*`)
 * blanked, so extractors read clean words at the original offsets.
 */
export function cleanMarkup(text: string): string {
  // Most inputs (HTML renders, wire text) have neither mark: skip the passes entirely.
  if (!text.includes('\\') && !text.includes('*')) return text;
  const unescaped = text.replace(/\\([$%&#_*[\]().!+<>{}|~`-])/g, ' $1').replace(/\*\*/g, '  ');
  return blankEmphasisStars(unescaped);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const BEFORE_CLOSING_STAR = /[\p{L}\p{N}.,;:!?)]/u;
const AFTER_CLOSING_STAR = /[\s.,;:)]/;
const BEFORE_OPENING_STAR = /[\s(]/;

/** The code point that ends right before `i` (a letter outside the BMP is two UTF-16 units). */
function charBefore(s: string, i: number): string {
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) return s.slice(i - 2, i);
  return s.charAt(i - 1);
}

/**
 * Blanks single emphasis stars: an opening one ("*see*": start or white space/parenthesis before, a
 * word character after) and a closing one (a word character or punctuation before, the end, white
 * space or punctuation after). A scan from star to star, so text without stars costs one indexOf.
 */
function blankEmphasisStars(s: string): string {
  let out = '';
  let copied = 0;
  for (let i = s.indexOf('*'); i >= 0; i = s.indexOf('*', i + 1)) {
    const before = i === 0 ? '' : charBefore(s, i);
    const after = i + 1 < s.length ? String.fromCodePoint(s.codePointAt(i + 1) ?? 0) : '';
    const opens = (before === '' || BEFORE_OPENING_STAR.test(before)) && after !== '' && WORD_CHAR.test(after);
    const closes = before !== '' && BEFORE_CLOSING_STAR.test(before) && (after === '' || AFTER_CLOSING_STAR.test(after));
    if (!opens && !closes) continue;
    out += s.slice(copied, i) + ' ';
    copied = i + 1;
  }
  return copied === 0 ? s : out + s.slice(copied);
}

export function docIdFor(path: string, text: string): string {
  if (path === '-') return `stdin-${contentHash(text)}`;
  return basename(path).replace(/\.[A-Za-z0-9]+$/, '');
}

/** "EX-99.1" → "ex99-1": the suffix of an exhibit's document id. */
function exhibitSuffix(type: string): string {
  return type
    .toLowerCase()
    .replace(/^ex-/, 'ex')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface DraftDocument {
  docId: string;
  sourcePath: string;
  docType: string;
  text: string;
  structure: TextStructure;
  description?: string;
  htmlTitle?: string;
  /** For a rendered text: where it came from in the raw file (none for plain text, its own raw text). */
  rawMap?: RawMap;
}

function draft(k: Knowledge, docId: string, sourcePath: string, docType: string, text: string, rawMap?: RawMap): DraftDocument {
  const d: DraftDocument = { docId, sourcePath, docType, text, structure: structureText(text, k) };
  if (rawMap) d.rawMap = rawMap;
  return d;
}

function coverText(doc: DraftDocument): string {
  const firstItem = doc.structure.sections.find((s) => s.kind !== 'cover');
  return doc.text.slice(0, firstItem ? firstItem.start : Math.min(doc.text.length, 8000));
}

function formOf(k: Knowledge, text: string): string | undefined {
  return k.structure.formName.exec(text.slice(0, 3000))?.[1]?.toUpperCase();
}

/** Item codes for the ITEM INFORMATION titles of an EDGAR header (2004+ numbering, or the old one before then). */
function itemsFromTitles(table: readonly FilingItemTitle[], titles: readonly string[], filedDate: string | undefined): FilingItemT[] {
  const era = filedDate !== undefined && filedDate < '2004-08-23' ? '1993' : '2004';
  const norm = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return titles.map((title) => {
    const rows = table.filter((r) => norm(r.title) === norm(title));
    const row = rows.find((r) => r.era === era) ?? rows[0];
    return row ? { code: row.code, title } : { code: '', title };
  });
}

const EXHIBIT_LINE = /(?<![\d.])(\d{1,3}\.\d{1,2})(?![\d.])\s*\|?\s*(.*)$|(?:\bExhibit\s+|^\|?\s*)(\d{2,3})(?:\s+|\s*\|\s*)(?=\p{L})(.*)$/iu;

/** Exhibit numbers and descriptions from the exhibit item (9.01 / old 7) and the exhibit index. */
function exhibitsFromText(text: string, sections: readonly Section[]): ExhibitT[] {
  const exhibits: ExhibitT[] = [];
  const relevant = sections.filter((s) => s.kind === 'exhibitIndex' || (s.kind === 'item' && (s.title === '9.01' || s.title === '7')));
  for (const section of relevant) {
    const lines = text
      .slice(section.start, section.end)
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    lines.forEach((line, i) => {
      if (/^(?:item|section|rule)\b/i.test(line) && !/^exhibit/i.test(line)) return;
      const m = EXHIBIT_LINE.exec(line);
      if (!m) return;
      const number = m[1] ?? m[3] ?? '';
      if (number === '' || /^(?:13|15)\b/.test(number) || /\b(?:17 CFR|Rule)\s*$/.test(line.slice(0, m.index))) return;
      let description = (m[2] ?? m[4] ?? '').replace(/^[|\s]+|[|\s]+$/g, '');
      for (let j = i + 1; description === '' && j < Math.min(lines.length, i + 4); j++) {
        const next = (lines[j] ?? '').replace(/^[|\s]+|[|\s]+$/g, '');
        if (next === '' || /^(?:exhibit|description)$/i.test(next)) continue;
        if (EXHIBIT_LINE.test(next)) break;
        description = next;
      }
      const existing = exhibits.find((e) => e.number === number);
      if (existing) {
        if (existing.description === undefined && description !== '') existing.description = description;
      } else exhibits.push(description === '' ? { number } : { number, description });
    });
  }
  return exhibits;
}

/** Header filers merged with the cover registrants: the cover's wording wins, the header adds the CIK. */
function mergeRegistrants(names: NameKnowledge, header: SecHeader | undefined, cover: CoverFields | undefined): Registrant[] {
  // The same company when the names make the same entity key ("IMMUNOGEN INC" and "ImmunoGen, Inc.").
  const sameName = (a: string, b: string): boolean => names.keyPart('Company', a) === names.keyPart('Company', b);
  const fromCover = cover?.registrants ?? [];
  const filers = header?.filers ?? [];
  if (filers.length === 0) return fromCover;
  return filers.map((filer, i) => {
    const match = fromCover.find((r) => sameName(r.name, filer.name)) ?? (filers.length === fromCover.length ? fromCover[i] : undefined);
    const merged: Registrant = { ...filer };
    if (match) {
      for (const key of ['irsEmployerId', 'stateOfIncorporation', 'fileNumber', 'address', 'phone'] as const) {
        const value = match[key];
        if (value !== undefined) merged[key] = value;
      }
      if (sameName(match.name, filer.name)) merged.name = match.name;
    }
    return merged;
  });
}

/** An item's text under its heading, markup blanked and white space collapsed; undefined when there is none. */
function itemText(text: string, item: ItemMark): string | undefined {
  const body = cleanMarkup(text.slice(item.bodyStart, item.end)).replace(/\s+/g, ' ').trim();
  return body === '' ? undefined : body;
}

function buildFiling(k: Knowledge, main: DraftDocument | undefined, header: SecHeader | undefined, extraExhibits: ExhibitT[]): Filing | undefined {
  const isFiling = main?.structure.isFiling ?? false;
  if (!isFiling && !header) return undefined;
  const cover = main && isFiling ? parseCover(k.structure.cover, k.calendar.dates, coverText(main)) : undefined;
  const filing: Filing = {
    form: header?.form ?? (main ? formOf(k, main.text) : undefined) ?? '8-K',
    registrants: mergeRegistrants(k.names, header, cover),
    items: [],
    exhibits: [],
  };
  if (header?.accessionNumber) filing.accessionNumber = header.accessionNumber;
  const reportDate = cover?.reportDate ?? header?.periodOfReport;
  if (reportDate) filing.reportDate = reportDate;
  if (header?.filedDate) filing.filedDate = header.filedDate;
  const items = new Map<string, FilingItemT>();
  for (const item of main?.structure.items ?? []) {
    const text = main ? itemText(main.text, item) : undefined;
    const existing = items.get(item.code);
    if (existing) {
      // A repeated heading (a table of contents, a continued item) adds text only where there was none.
      if (existing.text === undefined && text !== undefined) existing.text = text;
      continue;
    }
    const entry: FilingItemT = { code: item.code };
    if (item.title) entry.title = item.title;
    if (text !== undefined) entry.text = text;
    items.set(item.code, entry);
  }
  for (const item of itemsFromTitles(k.structure.filingItems, header?.itemTitles ?? [], header?.filedDate)) {
    const key = item.code === '' ? `?${item.title ?? ''}` : item.code;
    const existing = items.get(key);
    if (!existing) items.set(key, item);
    else if (existing.title === undefined && item.title !== undefined) existing.title = item.title;
  }
  filing.items = [...items.values()].sort((a, b) => Number.parseFloat(a.code || '999') - Number.parseFloat(b.code || '999') || a.code.localeCompare(b.code));
  const exhibits = main && isFiling ? exhibitsFromText(main.text, main.structure.sections) : [];
  for (const extra of extraExhibits) {
    const existing = exhibits.find((e) => e.number === extra.number);
    if (!existing) exhibits.push(extra);
    else if (existing.description === undefined && extra.description !== undefined) existing.description = extra.description;
  }
  filing.exhibits = exhibits.sort((a, b) => Number.parseFloat(a.number) - Number.parseFloat(b.number) || a.number.localeCompare(b.number));
  return filing;
}

function finish(doc: DraftDocument, filing: Filing | undefined): StructuredText {
  const cleanText = cleanMarkup(doc.text);
  const { sections, dateline, headline } = doc.structure;
  const result: StructuredText = {
    docId: doc.docId,
    sourcePath: doc.sourcePath,
    docType: doc.docType,
    text: doc.text,
    cleanText,
    contentHash: contentHash(doc.text),
    sections,
  };
  const title = headline ?? doc.description ?? doc.htmlTitle;
  if (title !== undefined) result.title = title.replace(/\s+/g, ' ').trim();
  if (doc.rawMap) result.rawMap = doc.rawMap;
  if (filing) result.filing = filing;
  if (dateline) result.dateline = dateline;
  const asOf = dateline?.date ?? filing?.reportDate ?? filing?.filedDate;
  if (asOf !== undefined) result.asOf = asOf;
  return result;
}

function plainDocType(k: Knowledge, doc: DraftDocument): string {
  if (doc.structure.isFiling) return formOf(k, doc.text) ?? '8-K';
  return doc.structure.dateline ? 'press-release' : 'text';
}

/** Drops leading blank lines (keeping the first line's indentation) and trailing white space, in linear time. */
function trimBlankEdges(text: TracedText): TracedText {
  const lead = /^\s*\n/.exec(text.text);
  return (lead ? text.slice(lead[0].length) : text).trimEnd();
}

function structureSubmission(k: Knowledge, file: LoadedFile): StructuredText[] {
  const header = parseSecHeader(k.structure.cover, k.calendar.dates, file.text);
  const parts = submissionDocuments(file.text);
  const base = header?.accessionNumber ?? docIdFor(file.path, file.text);
  const drafts: DraftDocument[] = [];
  const exhibits: ExhibitT[] = [];
  const usedIds = new Set<string>();
  parts.forEach((part, index) => {
    const exhibitNumber = /^EX-(\d{1,3}(?:\.\d{1,2})?)/i.exec(part.type)?.[1];
    if (exhibitNumber) exhibits.push(part.description ? { number: exhibitNumber, description: part.description } : { number: exhibitNumber });
    if (skipReason(part) !== undefined) return;
    const span = unwrappedBody(part.body);
    const body = part.body.slice(span.start, span.end);
    const bodyStart = part.bodyStart + span.start;
    let text: string;
    let rawMap: RawMap;
    let htmlTitle: string | undefined;
    if (looksLikeHtml(body)) {
      const rendered = renderHtml(body, bodyStart);
      text = rendered.text;
      rawMap = rendered.rawMap;
      htmlTitle = rendered.title;
    } else {
      const plain = trimBlankEdges(stripSgmlMarks(TracedText.copied(body, bodyStart)).replace(/\r\n?/g, '\n'));
      text = plain.text;
      rawMap = plain.toRawMap();
    }
    if (text.trim() === '') return;
    const isMain = index === 0 || part.type.toUpperCase() === header?.form?.toUpperCase();
    let docId = isMain && !usedIds.has(base) ? base : `${base}-${exhibitSuffix(part.type)}`;
    if (usedIds.has(docId)) docId = `${docId}-${part.sequence ?? index + 1}`;
    usedIds.add(docId);
    const d = draft(k, docId, file.path, part.type, text, rawMap);
    if (part.description) d.description = part.description;
    if (htmlTitle) d.htmlTitle = htmlTitle;
    drafts.push(d);
  });
  if (drafts.length === 0) {
    throw new KgError('INPUT_MALFORMED', 'this EDGAR submission has no text or HTML document to read (only images, XBRL or archives)', { subject: file.path });
  }
  const main = drafts.find((d) => d.docType.toUpperCase() === header?.form?.toUpperCase()) ?? drafts[0];
  const filing = buildFiling(k, main, header, exhibits);
  return drafts.map((d) => finish(d, filing));
}

export function structure(file: LoadedFile, ctx: StageContext): StructuredText[] {
  const k = ctx.knowledge;
  if (looksLikeSubmission(file.text)) return structureSubmission(k, file);
  const docId = docIdFor(file.path, file.text);
  if (looksLikeHtml(file.text)) {
    const rendered = renderHtml(file.text);
    if (rendered.text.trim() === '') throw new KgError('INPUT_EMPTY', 'the HTML page has no visible text', { subject: file.path });
    const d = draft(k, docId, file.path, 'text', rendered.text, rendered.rawMap);
    d.docType = plainDocType(k, d);
    if (rendered.title) d.htmlTitle = rendered.title;
    return [finish(d, buildFiling(k, d, undefined, []))];
  }
  const d = draft(k, docId, file.path, 'text', file.text);
  d.docType = plainDocType(k, d);
  return [finish(d, buildFiling(k, d, undefined, []))];
}
