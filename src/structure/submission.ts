// EDGAR full-submission files (.txt): an optional PEM wrapper, the <SEC-HEADER> with the filing's
// metadata, then one <DOCUMENT> per part (<TYPE>, <SEQUENCE>, <FILENAME>, <DESCRIPTION>, <TEXT>).
// Text and HTML parts are kept; images (uuencoded), XBRL, XML, JSON, ZIP, Excel and PDF parts are not.
import type { Registrant } from '../model/document.ts';
import type { TracedText } from '../text/traced-text.ts';
import { toIsoDate, type DatePatterns } from '../text/dates.ts';
import { formatIrs, stateName, type CoverKnowledge } from './cover.ts';

export interface SecHeader {
  accessionNumber?: string;
  form?: string;
  periodOfReport?: string;
  filedDate?: string;
  itemTitles: string[];
  filers: Registrant[];
}

export interface SubmissionDocument {
  type: string;
  sequence?: string;
  filename?: string;
  description?: string;
  body: string;
  /** Where `body` begins in the submission's text. */
  bodyStart: number;
}

/** True for an EDGAR full submission (or a bare SGML document set). */
export function looksLikeSubmission(text: string): boolean {
  const head = text.slice(0, 4096);
  return /<SEC-DOCUMENT>|<SEC-HEADER>|<IMS-HEADER>/i.test(head) || (/<DOCUMENT>/i.test(head) && /<TYPE>/i.test(head));
}

function headerValue(line: string): [string, string] | undefined {
  const m = /^\s*([A-Z][A-Z0-9 ()/-]*?):\s*(.*?)\s*$/.exec(line);
  return m ? [m[1] ?? '', m[2] ?? ''] : undefined;
}

/** Parses the <SEC-HEADER> block: top-level fields and one registrant per FILER (states named through `cover`, dates read with `dates`). */
export function parseSecHeader(cover: CoverKnowledge, dates: DatePatterns, text: string): SecHeader | undefined {
  const start = text.search(/<SEC-HEADER>|<IMS-HEADER>/i);
  if (start < 0) return undefined;
  const endMatch = /<\/SEC-HEADER>|<\/IMS-HEADER>/i.exec(text.slice(start));
  const block = text.slice(start, endMatch ? start + endMatch.index : Math.min(text.length, start + 20000));
  const header: SecHeader = { itemTitles: [], filers: [] };
  let filer: Registrant | undefined;
  let group = '';
  let street: string[] = [];
  let city = '';
  let state = '';
  let zip = '';
  const finishAddress = (): void => {
    if (filer && group === 'BUSINESS ADDRESS' && street.length + city.length > 0 && filer.address === undefined) {
      filer.address = `${[...street, city].filter((s) => s !== '').join(', ')}${state ? `, ${state}` : ''}${zip ? ` ${zip}` : ''}`;
    }
    street = [];
    city = state = zip = '';
  };
  for (const line of block.split(/\r?\n/)) {
    const kv = headerValue(line);
    if (!kv) continue;
    const [key, value] = kv;
    const indented = /^\s/.test(line);
    if (!indented) {
      finishAddress();
      group = '';
      if (key === 'FILER' || key === 'FILED BY' || key === 'SUBJECT COMPANY') {
        filer = key === 'FILER' ? { name: '' } : undefined;
        if (filer) header.filers.push(filer);
        continue;
      }
      if (key === 'ACCESSION NUMBER') header.accessionNumber = value;
      else if (key === 'CONFORMED SUBMISSION TYPE') header.form = value;
      else if (key === 'CONFORMED PERIOD OF REPORT') {
        const iso = toIsoDate(dates, value);
        if (iso) header.periodOfReport = iso;
      } else if (key === 'FILED AS OF DATE') {
        const iso = toIsoDate(dates, value);
        if (iso) header.filedDate = iso;
      } else if (key === 'ITEM INFORMATION' && value !== '') header.itemTitles.push(value);
      continue;
    }
    if (value === '') {
      finishAddress();
      group = key;
      continue;
    }
    if (!filer) continue;
    if (key === 'COMPANY CONFORMED NAME') filer.name = value;
    else if (key === 'CENTRAL INDEX KEY') filer.cik = value;
    else if (key === 'IRS NUMBER' || key === 'EIN') filer.irsEmployerId = formatIrs(value);
    else if (key === 'STATE OF INCORPORATION') filer.stateOfIncorporation = stateName(cover, value) ?? value;
    else if (key === 'SEC FILE NUMBER') filer.fileNumber = value;
    else if (group === 'BUSINESS ADDRESS') {
      if (key === 'STREET 1' || key === 'STREET 2') street.push(value);
      else if (key === 'CITY') city = value;
      else if (key === 'STATE') state = value;
      else if (key === 'ZIP') zip = value;
      else if (key === 'BUSINESS PHONE') {
        const d = value.replace(/\D/g, '');
        filer.phone = d.length === 10 ? `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}` : value;
      }
    }
  }
  finishAddress();
  header.filers = header.filers.filter((f) => f.name !== '');
  return header;
}

/** Splits the <DOCUMENT> parts; one pass with indexOf, so large submissions stay linear. */
export function submissionDocuments(text: string): SubmissionDocument[] {
  const documents: SubmissionDocument[] = [];
  let cursor = 0;
  for (;;) {
    const open = indexOfTag(text, DOCUMENT_OPEN, cursor);
    if (open < 0) break;
    let closeAt = indexOfTag(text, DOCUMENT_CLOSE, open);
    // A part whose </DOCUMENT> is missing ends where the next <DOCUMENT> begins, so a truncated or
    // hand-edited submission does not swallow its GRAPHIC and XBRL parts into the text before them.
    const nextOpen = indexOfTag(text, DOCUMENT_OPEN, open + '<DOCUMENT>'.length);
    if (nextOpen >= 0 && (closeAt < 0 || nextOpen < closeAt)) closeAt = -1;
    const end = closeAt >= 0 ? closeAt : nextOpen >= 0 ? nextOpen : text.length;
    const part = text.slice(open + '<DOCUMENT>'.length, end);
    cursor = closeAt >= 0 ? closeAt + '</DOCUMENT>'.length : end;
    const textOpen = indexOfTag(part, TEXT_OPEN, 0);
    const meta = textOpen < 0 ? part : part.slice(0, textOpen);
    const field = (name: string): string | undefined => new RegExp(`<${name}>([^\\n<]*)`, 'i').exec(meta)?.[1]?.trim() || undefined;
    let body = textOpen < 0 ? '' : part.slice(textOpen + '<TEXT>'.length);
    const textClose = indexOfTag(body, TEXT_CLOSE, 0);
    if (textClose >= 0) body = body.slice(0, textClose);
    const bodyStart = textOpen < 0 ? end : open + '<DOCUMENT>'.length + textOpen + '<TEXT>'.length;
    const doc: SubmissionDocument = { type: field('TYPE') ?? 'UNKNOWN', body, bodyStart };
    const sequence = field('SEQUENCE');
    const filename = field('FILENAME');
    const description = field('DESCRIPTION');
    if (sequence) doc.sequence = sequence;
    if (filename) doc.filename = filename;
    if (description) doc.description = description;
    documents.push(doc);
  }
  return documents;
}

// The SGML tags of a submission, in any letter case (EDGAR writes upper case; some tools lower it).
const DOCUMENT_OPEN = /<DOCUMENT>/gi;
const DOCUMENT_CLOSE = /<\/DOCUMENT>/gi;
const TEXT_OPEN = /<TEXT>/gi;
const TEXT_CLOSE = /<\/TEXT>/gi;

/** Where a tag occurs next, from `from` on. One forward scan (`tag` is global; its lastIndex is set here). */
function indexOfTag(text: string, tag: RegExp, from: number): number {
  tag.lastIndex = from;
  return tag.exec(text)?.index ?? -1;
}

const SKIPPED_TYPES = /^(?:GRAPHIC|ZIP|EXCEL|XML|JSON|PDF|EX-101\.|EX-27\b|COVER|XBRL)/i;
const SKIPPED_FILES = /\.(?:jpe?g|gif|png|bmp|pdf|zip|xlsx?|xml|xsd|json|js|css)$/i;

/** Why a part is skipped, or undefined when it is text or HTML worth reading. */
export function skipReason(doc: SubmissionDocument): string | undefined {
  if (SKIPPED_TYPES.test(doc.type)) return `type ${doc.type}`;
  if (doc.filename && SKIPPED_FILES.test(doc.filename)) return `file ${doc.filename}`;
  const head = doc.body.trimStart().slice(0, 200);
  if (/^begin [0-7]{3} /.test(head)) return 'uuencoded binary';
  if (/^<PDF>/i.test(head)) return 'PDF';
  const unwrapped = head.replace(/^<XBRL>\s*/i, '');
  if (/^<\?xml/i.test(unwrapped) && !/<html/i.test(doc.body.slice(0, 4000))) return 'XML';
  if (doc.body.trim() === '') return 'empty';
  return undefined;
}

/** Where the part's body lies within `body` without the <XBRL> wrapper EDGAR adds around inline XBRL. */
export function unwrappedBody(body: string): { start: number; end: number } {
  const start = /^\s*<XBRL>/i.exec(body)?.[0].length ?? 0;
  const close = /<\/XBRL>\s*$/i.exec(body.slice(start));
  return { start, end: close ? start + close.index : body.length };
}

/** Old plain-text filings carry SGML page and table marks (<PAGE>, <TABLE>/<CAPTION>/<S>/<C>); they become blank lines. */
export function stripSgmlMarks(text: TracedText): TracedText {
  return text.replace(/^[ \t]*<\/?(?:PAGE|TABLE|CAPTION|S|C|FN)>[ \t]*$/gim, '').replace(/<\/?(?:PAGE|CAPTION|FN)>/gi, '');
}
