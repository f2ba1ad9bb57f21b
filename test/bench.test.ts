import { describe, expect, it } from 'vitest';
import { logLogSlope, scaleCorpus, varyNames, legalSuffixWords, fnv1a } from '../tools/bench/scale.ts';
import { sampleInputs, warmupSample } from '../tools/bench/extraction.ts';
import { rowGraphs } from '../tools/bench/ingest.ts';
import type { Graph } from '../src/model/graph.ts';

describe('logLogSlope', () => {
  it('is 1 for time proportional to size and 2 for quadratic time', () => {
    expect(logLogSlope([1, 10, 100].map((x) => ({ x, y: 3 * x })))).toBeCloseTo(1, 10);
    expect(logLogSlope([1, 10, 100].map((x) => ({ x, y: 0.5 * x * x })))).toBeCloseTo(2, 10);
    expect(logLogSlope([1, 10, 100].map((x) => ({ x, y: 7 })))).toBeCloseTo(0, 10);
  });

  it('is NaN when it cannot be fitted', () => {
    expect(logLogSlope([{ x: 1, y: 1 }])).toBeNaN();
    expect(
      logLogSlope([
        { x: 2, y: 1 },
        { x: 2, y: 3 },
      ]),
    ).toBeNaN();
    expect(
      logLogSlope([
        { x: 1, y: 0 },
        { x: 2, y: 3 },
      ]),
    ).toBeNaN();
  });
});

describe('scale corpus name variation', () => {
  const text = 'Zentrovia Inc. licensed ZX-1234 to Quorbel on March 3. The deal is the first. Quorbel said the trial in Phase 2 starts.';

  it('keeps copy 0 as the original', () => {
    expect(varyNames(text, 0)).toBe(text);
  });

  it('renames name-like words and code names, consistently within a copy', () => {
    const copy = varyNames(text, 3, new Set(['Inc']));
    expect(copy).not.toContain('Zentrovia');
    expect(copy).not.toContain('Quorbel');
    expect(copy).not.toContain('ZX-1234');
    expect(copy).toMatch(/\bZX-\d{4}\b/);
    const renamed = /licensed ZX-\d{4} to (\w+) on/.exec(copy)?.[1];
    expect(renamed).toBeDefined();
    expect(copy.split(renamed ?? '?').length - 1).toBe(2); // both mentions of one company get one new name
  });

  it('keeps sentence-initial words that occur in lower case, months, phases and kept suffixes', () => {
    const copy = varyNames(text, 3, new Set(['Inc']));
    expect(copy).toContain('The deal');
    expect(copy).toContain('March 3');
    expect(copy).toContain('Phase 2');
    expect(copy).toContain(' Inc.');
  });

  it('gives different copies different names, and the same copy the same names', () => {
    expect(varyNames(text, 1)).not.toBe(varyNames(text, 2));
    expect(varyNames(text, 5)).toBe(varyNames(text, 5));
  });

  it('streams factor × sources documents with unique paths', () => {
    const docs = [
      ...scaleCorpus(
        [
          { name: 'a.txt', text },
          { name: 'b.txt', text: 'Hello from Brantova.' },
        ],
        3,
      ),
    ];
    expect(docs).toHaveLength(6);
    expect(new Set(docs.map((d) => d.path)).size).toBe(6);
    expect(docs.every((d) => d.path.startsWith('bench-'))).toBe(true);
  });

  it('reads the words of legal suffixes to keep', () => {
    expect([...legalSuffixWords(['Inc.', 'Co., Ltd.', 'AG', 'GmbH'])].sort()).toEqual(['AG', 'Co', 'GmbH', 'Inc', 'Ltd']);
  });

  it('hashes stably', () => {
    expect(fnv1a('abc')).toBe(fnv1a('abc'));
    expect(fnv1a('abc')).not.toBe(fnv1a('abd'));
  });
});

describe('input samples', () => {
  const inputs = [5, 50, 10, 30].map((n, i) => ({ path: `d${i}`, bytes: new Uint8Array(n) }));

  it('caps a sample by size, skipping inputs that would overflow it', () => {
    expect(sampleInputs(inputs, 45).map((i) => i.path)).toEqual(['d0', 'd2', 'd3']);
  });

  it('warms up on the smallest inputs', () => {
    expect(warmupSample(inputs, 20).map((i) => i.path)).toEqual(['d0', 'd2']);
  });
});

describe('row-at-a-time baseline graphs', () => {
  const graph: Graph = {
    schemaVersion: 1,
    documents: [{ docId: 'bench-doc', sourcePath: 'x', docType: 'text', contentHash: 'h', registrantKeys: ['company:a'], sentenceCount: 1 }],
    entities: [
      { key: 'company:a', labels: ['Company'], name: 'A', aliases: [], properties: {}, mentions: [{ docId: 'bench-doc', start: 0, end: 1 }] },
      { key: 'drug:b', labels: ['Drug'], name: 'B', aliases: [], properties: {}, mentions: [{ docId: 'bench-doc', start: 2, end: 3 }] },
      { key: 'drug:c', labels: ['Drug'], name: 'C', aliases: [], properties: {}, mentions: [{ docId: 'bench-doc', start: 4, end: 5 }] },
    ],
    relationships: [
      { type: 'DEVELOPS', start: 'company:a', end: 'drug:b', properties: {}, evidence: [{ docId: 'bench-doc', start: 0, end: 5, sentence: 'A B C', rule: 'r', confidence: 1 }] },
      { type: 'DEVELOPS', start: 'company:a', end: 'drug:c', properties: {}, evidence: [{ docId: 'bench-doc', start: 0, end: 5, sentence: 'A B C', rule: 'r', confidence: 1 }] },
    ],
  };

  it('makes one self-contained document per relationship, with its own id', () => {
    const rows = rowGraphs(graph, 10);
    expect(rows).toHaveLength(2);
    for (const [i, g] of rows.entries()) {
      const docId = g.documents[0]?.docId;
      expect(docId).toBe(`bench-doc-row${i}`);
      expect(g.relationships).toHaveLength(1);
      expect(g.entities.map((e) => e.key).sort()).toEqual([g.relationships[0]?.start, g.relationships[0]?.end].sort());
      expect(g.entities.every((e) => e.mentions.every((m) => m.docId === docId))).toBe(true);
      expect(g.relationships[0]?.evidence.every((e) => e.docId === docId)).toBe(true);
    }
    expect(rowGraphs(graph, 1)).toHaveLength(1);
  });
});

describe('one-core pinning', () => {
  it('names a CPU this process may run on, or none where it cannot pin', async () => {
    const { pinnableCpu } = await import('../tools/bench/one-core-run.ts');
    const { availableParallelism } = await import('node:os');
    const cpu = pinnableCpu();
    if (cpu === undefined) return;
    expect(Number.isInteger(cpu)).toBe(true);
    expect(cpu).toBeGreaterThanOrEqual(0);
    expect(cpu).toBeLessThan(Math.max(availableParallelism(), 64));
  });
});

describe('bench child processes', () => {
  it('reads the last JSON line a child prints, checked against a schema, and names a failing child', async () => {
    const { runJsonChild } = await import('../tools/bench/json-child.ts');
    const { z } = await import('zod');
    const Figures = z.object({ rate: z.number() });
    const script = (body: string) => ['-e', body];
    await expect(runJsonChild(process.execPath, script('console.log("warming up"); console.log(JSON.stringify({ rate: 5 }))'), Figures, 'probe')).resolves.toEqual({ rate: 5 });
    await expect(runJsonChild(process.execPath, script('process.exit(3)'), Figures, 'probe')).rejects.toMatchObject({ code: 'INPUT_MALFORMED', message: expect.stringContaining('probe failed (exit 3)') });
    await expect(runJsonChild(process.execPath, script('console.log("not json")'), Figures, 'probe')).rejects.toMatchObject({ code: 'SCHEMA_INVALID' });
    await expect(runJsonChild(process.execPath, script('console.log(JSON.stringify({ rate: "fast" }))'), Figures, 'probe')).rejects.toMatchObject({ code: 'SCHEMA_INVALID' });
  });
});
