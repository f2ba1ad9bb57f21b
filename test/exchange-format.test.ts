import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Graph, extractGraph, toJson } from '../src/index.ts';
import { graphJsonSchemaText } from '../src/model/json-schema.ts';

const SAMPLE = fileURLToPath(new URL('../data/sample/immunogen-8k-2007-07-31.txt', import.meta.url));

describe('exchange format', () => {
  it('publishes the JSON Schema generated from the zod schema (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(new URL('../schema/graph.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(graphJsonSchemaText());
  });

  it('extracts the sample filing into a graph that passes the schema, byte for byte the same twice', async () => {
    const first = toJson((await extractGraph([SAMPLE])).graph);
    const second = toJson((await extractGraph([SAMPLE])).graph);
    expect(second).toBe(first);
    const parsed = Graph.parse(JSON.parse(first));
    expect(parsed.schemaVersion).toBe(1);
    expect(parsed.documents.map((d) => d.docId)).toEqual(['immunogen-8k-2007-07-31']);
  });

  it('gives every relationship evidence that quotes its sentence at its offsets', async () => {
    const { graph } = await extractGraph([SAMPLE]);
    const text = readFileSync(SAMPLE, 'utf8');
    for (const r of graph.relationships) {
      for (const e of r.evidence) expect(text.slice(e.start, e.end)).toBe(e.sentence);
    }
  });
});
