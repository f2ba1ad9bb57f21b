// Renders EDGAR HTML (modern inline-XBRL, old upper-case HTML 3, <PRE> text, layout tables) into
// readable text whose offsets the rest of the pipeline uses: each block element becomes a paragraph
// separated by a blank line, table rows become lines with cells joined by " | ", entities are decoded
// (htmlparser2 maps &#146; and the other C1 references through Windows-1252, as browsers do), and
// hidden content (inline-XBRL headers, display:none, scripts, styles) is dropped. The text is built
// as a TracedText, so it keeps a map back to the HTML's offsets (which raw characters each rendered one
// came from; see RawMap in model/document.ts).
import { Parser } from 'htmlparser2';
import type { RawMap } from '../model/document.ts';
import { TracedText } from '../text/traced-text.ts';

/** Elements that start and end a paragraph of their own. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'ul',
  'page',
]);
/** Elements whose content is never document text. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'head', 'noscript', 'ix:header', 'template', 'object', 'xml']);

/** Separators in increasing strength; a stronger pending separator wins over a weaker one. */
const enum Gap {
  None = 0,
  Space = 1,
  Cell = 2,
  Line = 3,
  Paragraph = 4,
}
const GAP_TEXT = ['', ' ', ' | ', '\n', '\n\n'] as const;

export interface RenderedHtml {
  text: string;
  /** Where `text` came from in the HTML, offsets counted from `rawOffset` (renderHtml's argument). */
  rawMap: RawMap;
  /** The <title>, when the page has a non-empty one. */
  title?: string;
}

/** True when a text looks like HTML rather than plain text (a tag near the start). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart();
  return /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|div|p|table|font|center|pre)\b/i.test(head);
}

/**
 * Renders HTML to text. Linear in the input: one streaming pass, a stack as deep as the nesting.
 * `rawOffset` is where `html` begins in its file (a part of a full submission), added to the raw
 * offsets of the map.
 */
export function renderHtml(html: string, rawOffset = 0): RenderedHtml {
  const parts: TracedText[] = [];
  let emittedAny = false;
  let endsWithSpace = true;
  let gap: Gap = Gap.None;
  let preDepth = 0;
  let hiddenDepth = 0;
  // Inside a table cell, block elements only break lines: a cell's paragraphs stay in its row.
  let cellDepth = 0;
  let inTitle = false;
  let title = '';
  // One entry per open element: did it hide its content, was it a <pre>?
  const stack: { hidden: boolean; pre: boolean; block: boolean; cell: boolean; partsAtOpen: number }[] = [];
  // A cell's first block must not turn the cell separator into a line break.
  let cellFresh = false;
  const blockGap = (): Gap => (cellFresh ? Gap.None : cellDepth > 0 ? Gap.Line : Gap.Paragraph);

  const requestGap = (g: Gap): void => {
    if (g > gap) gap = g;
  };
  const emit = (chunk: TracedText): void => {
    if (chunk.text === '') return;
    if (emittedAny && gap !== Gap.None) parts.push(TracedText.inserted(GAP_TEXT[gap]));
    gap = Gap.None;
    cellFresh = false;
    parts.push(chunk);
    emittedAny = true;
    endsWithSpace = /\s$/.test(chunk.text);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const style = attributes['style'] ?? '';
        const hidden = SKIPPED_ELEMENTS.has(name) || /display\s*:\s*none/i.test(style) || 'hidden' in attributes;
        const pre = name === 'pre' || name === 'xmp' || name === 'listing' || name === 'plaintext';
        const block = BLOCK_ELEMENTS.has(name);
        const cell = name === 'td' || name === 'th';
        stack.push({ hidden, pre, block, cell, partsAtOpen: parts.length });
        if (hidden) hiddenDepth++;
        if (pre) preDepth++;
        if (name === 'title') inTitle = true;
        if (hiddenDepth > 0) return;
        if (block) requestGap(blockGap());
        else if (name === 'br') requestGap(Gap.Line);
        else if (cell) requestGap(Gap.Cell);
        else if (name === 'tr') requestGap(Gap.Line);
        if (cell) {
          cellDepth++;
          cellFresh = true;
        }
      },
      onclosetag(name) {
        const entry = stack.pop();
        if (name === 'title') inTitle = false;
        if (!entry) return;
        if (entry.hidden) hiddenDepth--;
        if (entry.pre) preDepth--;
        if (entry.cell) cellDepth--;
        if (hiddenDepth > 0) return;
        if (entry.block) requestGap(blockGap());
        else if (name === 'tr') requestGap(Gap.Line);
        else if (entry.cell && parts.length > entry.partsAtOpen) {
          // Whatever the cell's last paragraph asked for, the next cell follows on the same row.
          gap = Gap.Cell;
          cellFresh = false;
        }
      },
      ontext(raw) {
        if (inTitle) {
          title += raw;
          return;
        }
        if (hiddenDepth > 0) return;
        // The parser's span of this text (the text itself, or the entity it decoded), traced only when emitted.
        const source = (): TracedText => TracedText.fromSpan(raw, rawOffset + parser.startIndex, rawOffset + parser.endIndex + 1);
        if (preDepth > 0) {
          // Preformatted text keeps its lines; blank lines inside stay paragraph breaks.
          const text = raw.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
          if (text.trim() === '') {
            if (/\n\s*\n/.test(text)) requestGap(Gap.Paragraph);
            else if (text.includes('\n')) requestGap(Gap.Line);
            return;
          }
          emit(
            source()
              .replace(/\r\n?/g, '\n')
              .replace(/\u00a0/g, ' '),
          );
          return;
        }
        const text = raw.replace(/[\s\u00a0\u200b]+/g, ' ');
        if (text === ' ' || text === '') {
          if (emittedAny && !endsWithSpace) requestGap(Gap.Space);
          return;
        }
        if (text.startsWith(' ') && !endsWithSpace) requestGap(Gap.Space);
        emit(
          source()
            .replace(/[\s\u00a0\u200b]+/g, ' ')
            .trim(),
        );
        if (text.endsWith(' ')) requestGap(Gap.Space);
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  // Pre blocks may bring their own trailing spaces and runs of blank lines; tidy them so that
  // paragraphs are separated by exactly one blank line.
  const rendered = TracedText.concat(parts)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const result: RenderedHtml = { text: rendered.text, rawMap: rendered.toRawMap() };
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  if (cleanTitle !== '') result.title = cleanTitle;
  return result;
}
