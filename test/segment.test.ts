import { describe, expect, it } from 'vitest';
import { splitSentences } from '../src/segment/sentences.ts';
import { unitSpans, lineContinues, cellSeparators } from '../src/segment/units.ts';
import type { Section } from '../src/model/document.ts';
import { knowledge, stageContext } from './support/knowledge.ts';

const { abbreviations } = knowledge.structure;

function sentences(text: string, sections: Section[] = [{ start: 0, end: text.length, kind: 'body' }]): string[] {
  return splitSentences(text, sections, abbreviations).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('does not end a sentence at Inc., Corp., Ltd., Co., Dr., Ph.D., M.D., U.S., No., e.g., Mass., N.J. or Jan.', () => {
    const text =
      'ImmunoGen, Inc. and Acme Corp. signed with Beta Ltd. and Merck & Co. on Jan. 5. ' +
      'Dr. Jane Roe, Ph.D., and John Doe, M.D., joined the U.S. team in Cambridge, Mass. and Kenilworth, N.J. on Monday. ' +
      'It is patent No. 5 (e.g. the first one). Jane Q. Public signed it.';
    expect(sentences(text)).toEqual([
      'ImmunoGen, Inc. and Acme Corp. signed with Beta Ltd. and Merck & Co. on Jan. 5.',
      'Dr. Jane Roe, Ph.D., and John Doe, M.D., joined the U.S. team in Cambridge, Mass. and Kenilworth, N.J. on Monday.',
      'It is patent No. 5 (e.g. the first one).',
      'Jane Q. Public signed it.',
    ]);
  });

  it('splits after closing quotes and keeps decimal numbers whole', () => {
    const text = 'He said, "We are pleased." The fee is $1.05 billion. Is it? Yes!';
    expect(sentences(text)).toEqual(['He said, "We are pleased."', 'The fee is $1.05 billion.', 'Is it?', 'Yes!']);
  });

  it('never crosses a blank line, a table cell or a section, and offsets round-trip', () => {
    const text = 'Heading Without Stop\n\nfirst part | second cell\nThe milestone was earned\n\nmilestones. Next one.';
    const sections: Section[] = [
      { start: 0, end: 20, kind: 'headline' },
      { start: 22, end: text.length, kind: 'body' },
    ];
    const found = splitSentences(text, sections, abbreviations);
    expect(found.map((s) => text.slice(s.start, s.end))).toEqual(['Heading Without Stop', 'first part', 'second cell', 'The milestone was earned', 'milestones.', 'Next one.']);
    expect(found.map((s) => s.section)).toEqual(['headline', 'body', 'body', 'body', 'body', 'body']);
  });

  it('joins hard-wrapped lines but starts a new unit at a heading, a bullet or a short line', () => {
    const text = 'Pursuant to the requirements of the Securities Exchange Act of 1934, as\n    amended, the Registrant has duly caused this report to be signed.\nSIGNATURES\n• first bullet\n• second bullet';
    expect(sentences(text)).toEqual(['Pursuant to the requirements of the Securities Exchange Act of 1934, as\n    amended, the Registrant has duly caused this report to be signed.', 'SIGNATURES', '• first bullet', '• second bullet']);
  });

  it('ends a sentence where a lost line break glued the next one to it, but not after an abbreviation', () => {
    const text = 'It works in artificial intelligence.All our projects are funded. Acme Inc.Beta is a name. The U.S.FDA agreed.';
    expect(sentences(text)).toEqual(['It works in artificial intelligence.', 'All our projects are funded.', 'Acme Inc.Beta is a name.', 'The U.S.FDA agreed.']);
  });

  it('marks about sentences as boilerplate', () => {
    const text = 'About Acme\n\nAcme makes things.';
    const found = splitSentences(text, [{ start: 0, end: text.length, kind: 'about', title: 'About Acme' }], abbreviations);
    expect(found.map((s) => [s.section, s.boilerplate])).toEqual([
      ['about', true],
      ['about', true],
    ]);
  });

  it('stays linear on pathological input (runs of dots and dashes, one very long line)', () => {
    const text = `${'-'.repeat(200_000)} ${'.'.repeat(200_000)} ${'word '.repeat(100_000)}End.`;
    const found = sentences(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.join('').length).toBeLessThanOrEqual(text.length);
  });
});

describe('units', () => {
  it('treats column gaps and tabs as cell boundaries', () => {
    const text = 'CALIFORNIA     333-46893-01\t95-4438859';
    expect(unitSpans(text, 0, text.length).map(([a, b]) => text.slice(a, b))).toEqual(['CALIFORNIA', '333-46893-01', '95-4438859']);
  });

  it('splits cells at pipes with their spaces, tab runs and wide gaps, but not at a single or double space', () => {
    expect(cellSeparators('a | b\t\tc   d  e')).toEqual([
      [1, 4],
      [5, 7],
      [8, 11],
    ]);
    expect(cellSeparators('|x|')).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(cellSeparators('two  spaces only')).toEqual([]);
  });

  it('continues a line that the next one finishes in lower case', () => {
    expect(lineContinues('or a matching placebo', 'injection every 6 months')).toBe(true);
    expect(lineContinues('Contacts:', 'Investors: Jane Roe')).toBe(false);
  });
});

describe('structure on pathological input', () => {
  it('handles long runs of dashes, dots, spaces and pipes in a whole document', async () => {
    const { structureAndSegment } = await import('../src/pipeline.ts');
    const text = `Title Line\n\n${'-'.repeat(100_000)}\n${'.'.repeat(100_000)}\n${' '.repeat(100_000)}x\n${'| '.repeat(50_000)}\n${'About '.repeat(20_000)}\nEnd.`;
    const [doc] = structureAndSegment({ path: 'pathological.txt', bytes: Buffer.from(text), text, encoding: 'utf-8' }, stageContext());
    expect(doc?.text).toBe(text);
    expect(doc?.sentences.length).toBeGreaterThan(0);
  });

  it('handles thousands of glued "About X" headings and a long run of contact cues in one block', async () => {
    const { structure } = await import('../src/structure/index.ts');
    const abouts = `Title Line\n\n${'Done. About Acme\u00a0Acme is here. '.repeat(20_000)}`;
    const [a] = structure({ path: 'abouts.txt', bytes: Buffer.from(abouts), text: abouts, encoding: 'utf-8' }, stageContext());
    expect(a?.sections.filter((s) => s.kind === 'about' && a.text.slice(s.start, s.end) === 'About Acme')).toHaveLength(20_000);
    const contacts = `Title Line\n\n${'Jane Roe (555) 555-0100 Media: '.repeat(20_000)}`;
    const [c] = structure({ path: 'contacts.txt', bytes: Buffer.from(contacts), text: contacts, encoding: 'utf-8' }, stageContext());
    // Far longer than any contact block: not taken for one.
    expect(c?.sections.map((s) => s.kind)).not.toContain('contacts');
  });
});
