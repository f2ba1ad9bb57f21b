// Property-based tests of the whole pipeline (fast-check, bounded so the suite stays quick): random
// and adversarial text never throws anything but a KgError, always yields a graph that passes the
// exchange schema, gives the same bytes twice, and a document gives the same graph alone or in a batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractInputs, extractText } from '../src/pipeline.ts';
import { GraphAccumulator } from '../src/graph/merge.ts';
import { Graph } from '../src/model/graph.ts';
import { toJson } from '../src/writers/json.ts';
import { isKgError } from '../src/errors.ts';
import { knowledge } from './support/knowledge.ts';

/** Pieces of the language of the field and of the formats, plus the things that break parsers. */
const FRAGMENTS = [
  'Orvanta Biosciences, Inc.',
  'Kelvar Pharma AG',
  ' (Nasdaq: ORVB)',
  'OVB-101',
  'a KRAS inhibitor',
  'an anti-HER2 antibody',
  'in Phase 2',
  'Phase 1/2',
  'for non-small cell lung cancer',
  'entered into an exclusive license agreement with',
  'will pay an upfront payment of $40 million',
  'up to $1.2 billion in milestones',
  'Jane Doe, Chief Executive Officer,',
  ' announced today that ',
  '(the "Company")',
  'Item 1.01 Entry into a Material Definitive Agreement',
  'Exhibit 99.1',
  'FORWARD-LOOKING STATEMENTS',
  '. ',
  ', ',
  '; ',
  '\n',
  '\n\n',
  '\t',
  '   ',
  '-----',
  '.....',
  '. . . .',
  '=====',
  '*****',
  '_____',
  '"',
  "'",
  '`',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  '//',
  '/*',
  '*/',
  '\\',
  '$',
  '}) DETACH DELETE n //',
  "'; MATCH (n) DETACH DELETE n; //",
  '<html>',
  '<body>',
  '<div>',
  '</div>',
  '<p',
  '<table><tr><td>',
  '<!--',
  '-->',
  '<script>',
  '</script>',
  '&amp;',
  '&#x27;',
  '&nbsp;',
  '<SEC-HEADER>',
  '<DOCUMENT>',
  '<TYPE>GRAPHIC',
  '<TYPE>EX-99.1',
  '<TEXT>',
  '</TEXT>',
  'begin 644 logo.jpg',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\ufeff',
  '\u202e',
  'é',
  'ü',
  'ß',
  'İ',
  'ﬁ',
  '’',
  '“',
  '”',
  '—',
  '™',
  '®',
  '😀',
  '中文',
  'العربية',
  '\ud800',
  '\u0000',
  '\u0007',
  'Inc.',
  'Ltd.',
  'Corp.',
  'U.S.',
  'Dr.',
  'No.',
];

const adversarialText = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }) }), { maxLength: 60 }).map((parts) => parts.join(''));
const anyText = fc.oneof(adversarialText, fc.string({ maxLength: 200, unit: 'binary' }), fc.string({ maxLength: 200 }));

/** extractText's graphs merged, or the KgError it threw (the only kind of failure allowed). */
function run(text: string): { json: string } | { error: string } {
  try {
    const accumulator = new GraphAccumulator();
    for (const x of extractText(text, { path: 'fuzz.txt', knowledge })) accumulator.add(x.graph);
    return { json: toJson(accumulator.result()) };
  } catch (error) {
    if (isKgError(error)) return { error: error.code };
    throw error;
  }
}

describe('fuzzed text through the whole pipeline', () => {
  it('never throws anything but a KgError, and its graph passes the exchange schema', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = run(text);
        if ('json' in result) Graph.parse(JSON.parse(result.json));
      }),
      { numRuns: 200, seed: 8 },
    );
  });

  it('is deterministic: the same text gives the same bytes', () => {
    fc.assert(
      fc.property(adversarialText, (text) => {
        expect(run(text)).toEqual(run(text));
      }),
      { numRuns: 100, seed: 88 },
    );
  });
});

describe('a document alone or inside a batch', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kg-fuzz-batch-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Each document's own graph (JSON) by docId, from extracting `paths` in one run. */
  async function documentGraphs(paths: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for await (const result of extractInputs(paths, { knowledge })) {
      if (result.ok) for (const x of result.extractions) out.set(x.document.docId, toJson(x.graph));
      else out.set(`${result.path} failed`, result.error.code);
    }
    return out;
  }

  it('gives the same facts', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(adversarialText, { minLength: 2, maxLength: 5 }), async (texts) => {
        const batch = join(dir, `round-${round++}`);
        mkdirSync(batch);
        const paths = texts.map((text, i) => {
          const path = join(batch, `doc-${i}.txt`);
          writeFileSync(path, text);
          return path;
        });
        const together = await documentGraphs([batch]);
        const alone = new Map<string, string>();
        for (const path of paths) for (const [k, v] of await documentGraphs([path])) alone.set(k, v);
        expect([...together.entries()].sort()).toEqual([...alone.entries()].sort());
      }),
      { numRuns: 25, seed: 888 },
    );
  });
});
