// Raw-file offsets: a document rendered from HTML or a full EDGAR submission keeps a map from its text
// back to the file (RawMap), and each piece of evidence carries rawStart/rawEnd from it. Over the whole
// corpus and the format samples, the raw slice, read as HTML (tags dropped, entities decoded), is the
// evidence sentence; for plain-text inputs the text is the file, so start/end are the raw offsets.
// The map itself: copied characters map one for one, an entity to its whole reference, inserted
// separators to nothing; submission parts to their place in the submission.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { extractGraph } from '../src/pipeline.ts';
import { Graph } from '../src/model/graph.ts';
import type { RawMap } from '../src/model/document.ts';
import { toJson } from '../src/writers/json.ts';
import { decode } from '../src/load/index.ts';
import { renderHtml } from '../src/structure/html.ts';
import { structure } from '../src/structure/index.ts';
import { TracedText, rawSpan } from '../src/text/traced-text.ts';
import { CORPUS_INPUTS, FORMAT_SAMPLES } from './support/corpus.ts';
import { knowledge, stageContext } from './support/knowledge.ts';

/** The visible characters of a stretch of HTML or SGML text: tags dropped, entities decoded, white space and the cell bars removed. */
function visible(markup: string): string {
  let text = '';
  const parser = new Parser({ ontext: (t) => void (text += t) }, { decodeEntities: true });
  parser.write(markup);
  parser.end();
  return bare(text);
}

/** Text without white space (renderers collapse and add it) or the " | " the renderer puts between table cells. */
const bare = (text: string): string => text.replace(/[\s\u00a0\u200b|]+/g, '');

/** The text of a map's segment and the raw text it came from. */
function segments(map: RawMap, text: string, raw: string): { text: string; raw: string; copied: boolean }[] {
  return map.map(([t, r, tl, rl]) => ({ text: text.slice(t, t + tl), raw: raw.slice(r, r + rl), copied: tl === rl }));
}

describe('raw offsets of evidence', () => {
  it('covers the corpus: evidence of rendered documents slices the raw file to its sentence, plain-text evidence indexes the file itself', async () => {
    const { graph, failures } = await extractGraph(CORPUS_INPUTS, { knowledge });
    expect(failures).toEqual([]);
    const printed = Graph.parse(JSON.parse(toJson(graph)));
    const documents = new Map(printed.documents.map((d) => [d.docId, d]));
    const rawFiles = new Map<string, string>();
    const rawOf = (path: string): string => {
      const known = rawFiles.get(path);
      if (known !== undefined) return known;
      const { text } = decode(readFileSync(path), path);
      rawFiles.set(path, text);
      return text;
    };

    const wrong: string[] = [];
    let rendered = 0;
    let plain = 0;
    for (const r of printed.relationships) {
      for (const e of r.evidence) {
        const doc = documents.get(e.docId);
        if (!doc?.text) {
          wrong.push(`${e.docId}: no document text`);
          continue;
        }
        const where = `${e.docId} ${e.start}-${e.end}`;
        if (doc.text.slice(e.start, e.end) !== e.sentence) wrong.push(`${where}: the text slice is not the sentence`);
        const raw = rawOf(doc.sourcePath);
        if (doc.rawMap === undefined) {
          plain += 1;
          if (e.rawStart !== undefined || e.rawEnd !== undefined) wrong.push(`${where}: raw offsets on a plain-text document`);
          if (raw.slice(e.start, e.end) !== e.sentence) wrong.push(`${where}: the file's own slice is not the sentence`);
          continue;
        }
        rendered += 1;
        if (e.rawStart === undefined || e.rawEnd === undefined) {
          wrong.push(`${where}: no raw offsets`);
          continue;
        }
        const slice = raw.slice(e.rawStart, e.rawEnd);
        if (visible(slice) !== bare(e.sentence)) wrong.push(`${where} raw ${e.rawStart}-${e.rawEnd}: "${slice.slice(0, 80)}" is not "${e.sentence.slice(0, 80)}"`);
      }
    }
    // Entity mentions through the map: many more spans than facts in the rendered documents.
    let mentions = 0;
    for (const entity of printed.entities) {
      for (const m of entity.mentions) {
        const doc = documents.get(m.docId);
        if (!doc?.text || !doc.rawMap) continue;
        mentions += 1;
        const span = rawSpan(doc.rawMap, m.start, m.end);
        const slice = span ? rawOf(doc.sourcePath).slice(span.rawStart, span.rawEnd) : '';
        if (visible(slice) !== bare(doc.text.slice(m.start, m.end))) wrong.push(`${entity.key} in ${m.docId} ${m.start}-${m.end}: raw "${slice.slice(0, 80)}"`);
      }
    }
    expect(wrong).toEqual([]);
    // The format samples (HTML and full submissions) state a few facts; the dev corpus is plain text.
    expect(rendered).toBeGreaterThan(5);
    expect(mentions).toBeGreaterThan(100);
    expect(plain).toBeGreaterThan(300);
  });

  it('maps every rendered character of the format samples to raw text that reads the same', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const path of FORMAT_SAMPLES) {
      const { text: raw, encoding } = decode(readFileSync(path), path);
      for (const doc of structure({ path, bytes: Buffer.from(raw), text: raw, encoding }, stageContext())) {
        expect(doc.rawMap).toBeDefined();
        for (const s of segments(doc.rawMap ?? [], doc.text, raw)) {
          checked += s.text.length;
          // Copied text is the raw text itself, but for line ends and no-break spaces read as plain spaces.
          const same = s.copied ? s.text === s.raw.replace(/[\r\u00a0]/g, (c) => (c === '\r' ? '\n' : ' ')) || bare(s.text) === bare(s.raw) : visible(s.raw) === bare(s.text);
          if (!same) wrong.push(`${doc.docId}: "${s.text.slice(0, 40)}" from "${s.raw.slice(0, 40)}"`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(50_000);
  });
});

describe('the raw map of a rendered text', () => {
  it('maps copied text one for one, an entity to its whole reference, and leaves the separators it adds unmapped', () => {
    const html = '<html><body><p>Acme&#146;s  deal &amp;\n more</p><table><tr><td>A</td><td>B&nbsp;C</td></tr></table></body></html>';
    const { text, rawMap } = renderHtml(html);
    expect(text).toBe('Acme’s deal & more\n\nA | B C');
    expect(segments(rawMap, text, html)).toEqual([
      { text: 'Acme', raw: 'Acme', copied: true },
      { text: '’', raw: '&#146;', copied: false },
      { text: 's', raw: 's', copied: true },
      // A run of white space collapses to its last character.
      { text: ' deal', raw: ' deal', copied: true },
      { text: '&', raw: '&amp;', copied: false },
      { text: 'more', raw: 'more', copied: true },
      { text: 'A', raw: 'A', copied: true },
      { text: 'B', raw: 'B', copied: true },
      { text: 'C', raw: 'C', copied: true },
    ]);
    // The spaces between text nodes, the paragraph break and the cell bar are the renderer's: no segment covers them.
    const covered = new Set(rawMap.flatMap(([t, , tl]) => Array.from({ length: tl }, (_, i) => t + i)));
    expect(Array.from({ length: text.length }, (_, i) => (covered.has(i) ? '' : text.charAt(i))).join('')).toBe('  \n\n |  ');
  });

  it('gives a span from the origin of its first character to the end of its last, moving inward off inserted characters', () => {
    const html = '<p>The &ldquo;Licence&rdquo; is <b>granted</b>.</p><p>Next</p>';
    const { text, rawMap } = renderHtml(html);
    expect(text).toBe('The “Licence” is granted.\n\nNext');
    const quoted = rawSpan(rawMap, text.indexOf('“'), text.indexOf('”') + 1);
    expect(quoted && html.slice(quoted.rawStart, quoted.rawEnd)).toBe('&ldquo;Licence&rdquo;');
    const sentence = rawSpan(rawMap, 0, text.indexOf('.') + 1);
    expect(sentence && html.slice(sentence.rawStart, sentence.rawEnd)).toBe('The &ldquo;Licence&rdquo; is <b>granted</b>.');
    // From the paragraph break (inserted) to the end: the raw span starts at "Next".
    const tail = rawSpan(rawMap, text.indexOf('.') + 1, text.length);
    expect(tail && html.slice(tail.rawStart, tail.rawEnd)).toBe('Next');
    expect(rawSpan(rawMap, text.indexOf('\n'), text.indexOf('\n') + 2)).toBeUndefined();
  });

  it('keeps preformatted lines and counts offsets from where an HTML part begins in its file', () => {
    const { text, rawMap } = renderHtml('<pre>line 1\r\n  line &lt;2&gt;</pre>', 100);
    expect(text).toBe('line 1\n  line <2>');
    // "\r\n" becomes its "\n"; "&lt;" and "&gt;" map as wholes.
    expect(rawMap).toEqual([
      [0, 105, 6, 6],
      [6, 112, 8, 8],
      [14, 120, 1, 4],
      [15, 124, 1, 1],
      [16, 125, 1, 4],
    ]);
  });

  it('maps each part of a full submission to its place in the submission, SGML page marks and carriage returns left out', () => {
    const submission = [
      '<SEC-DOCUMENT>0000000000-25-000001.txt : 20250101',
      '<SEC-HEADER>0000000000-25-000001.hdr.sgml : 20250101',
      'ACCESSION NUMBER:\t\t0000000000-25-000001',
      'CONFORMED SUBMISSION TYPE:\t8-K',
      '</SEC-HEADER>',
      '<DOCUMENT>',
      '<TYPE>8-K',
      '<SEQUENCE>1',
      '<TEXT>',
      '',
      'Item 8.01 Other Events.',
      '<PAGE>',
      'The company licensed a compound.',
      '</TEXT>',
      '</DOCUMENT>',
      '<DOCUMENT>',
      '<TYPE>EX-99.1',
      '<SEQUENCE>2',
      '<TEXT>',
      '<html><body><p>Beta &amp; Gamma sign a licence.</p></body></html>',
      '</TEXT>',
      '</DOCUMENT>',
      '</SEC-DOCUMENT>',
    ].join('\r\n');
    const docs = structure({ path: 'x.txt', bytes: Buffer.from(submission), text: submission, encoding: 'utf-8' }, stageContext());
    expect(docs.map((d) => d.docType)).toEqual(['8-K', 'EX-99.1']);
    for (const doc of docs) {
      const map = doc.rawMap ?? [];
      expect(map.length).toBeGreaterThan(0);
      for (const s of segments(map, doc.text, submission)) {
        if (s.copied) expect(s.text.replace(/\n/g, '\r')).toBe(s.raw.replace(/\n/g, '\r'));
        else expect(visible(s.raw)).toBe(bare(s.text));
      }
    }
    const [main, exhibit] = docs;
    const licensed = main?.text.indexOf('The company') ?? -1;
    const span = main?.rawMap && rawSpan(main.rawMap, licensed, licensed + 'The company licensed a compound.'.length);
    expect(span && submission.slice(span.rawStart, span.rawEnd)).toBe('The company licensed a compound.');
    const whole = exhibit?.rawMap && rawSpan(exhibit.rawMap, 0, exhibit.text.length);
    expect(whole && submission.slice(whole.rawStart, whole.rawEnd)).toBe('Beta &amp; Gamma sign a licence.');
  });

  it('gives the same text as plain string operations (a traced replace, trim and slice change only the origins)', () => {
    const source = '  a\r\n\r\n\r\n\r\nb \t\nc   ';
    const traced = TracedText.copied(source)
      .replace(/\r\n?/g, '\n')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    expect(traced.text).toBe(
      source
        .replace(/\r\n?/g, '\n')
        .replace(/[ \t]+\n/g, '\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    );
    for (const s of segments(traced.toRawMap(), traced.text, source)) expect(s.text.trim()).toBe(s.raw.trim());
  });
});
