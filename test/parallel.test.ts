// Extraction on worker threads through the library (extractGraph with `workers`): the same graph and
// the same failures as on one thread, whatever the time budget setting (Infinity included).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { extractGraph } from '../src/pipeline.ts';
import { toJson } from '../src/writers/json.ts';

const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus');
const INPUTS = [join(CORPUS, 'dev'), join(CORPUS, 'does-not-exist.txt'), join(import.meta.dirname, '..', 'data', 'sample')];

describe('extractGraph with worker threads', () => {
  it('gives the graph and the failures of one thread, with no time budget too', async () => {
    const one = await extractGraph(INPUTS, { docTimeoutMs: Infinity });
    const two = await extractGraph(INPUTS, { docTimeoutMs: Infinity, workers: 2 });
    expect(one.documentCount).toBeGreaterThan(10);
    expect(two.documentCount).toBe(one.documentCount);
    expect(two.failures.map((f) => f.error.toLine())).toEqual(one.failures.map((f) => f.error.toLine()));
    expect(two.failures.map((f) => f.error.code)).toEqual(['INPUT_NOT_FOUND']);
    expect(toJson(two.graph)).toBe(toJson(one.graph));
  }, 120_000);
});
