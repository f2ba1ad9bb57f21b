import { describe, expect, it } from 'vitest';
import { findMergeCandidates } from '../src/graph/candidates.ts';
import { extractText, mergeGraphs } from '../src/index.ts';
import type { Entity } from '../src/index.ts';
import { knowledge } from './support/knowledge.ts';

const entity = (label: Entity['labels'][number], key: string): Entity => ({ key, labels: [label], name: key, aliases: [], properties: {}, mentions: [] });

describe('merge candidates (reported, never merged)', () => {
  it('reports a company whose name starts another, and spelling variants of a person', () => {
    const found = findMergeCandidates([
      entity('Company', 'company:zentrix'),
      entity('Company', 'company:zentrix-and-co'),
      entity('Person', 'person:jonathan-aldous'),
      entity('Person', 'person:jonathon-aldous'),
      entity('Company', 'company:ober-lyn'),
      entity('Company', 'company:oberlyn'),
    ]);
    expect(found).toEqual([
      { a: 'company:ober-lyn', b: 'company:oberlyn', reason: 'names differ only in spaces or punctuation' },
      { a: 'company:zentrix', b: 'company:zentrix-and-co', reason: 'name is the start of the other name' },
      { a: 'person:jonathan-aldous', b: 'person:jonathon-aldous', reason: 'names differ by one letter' },
    ]);
  });

  it('does not pair an ADC with its antibody, gene family members, or different labels', () => {
    expect(findMergeCandidates([entity('Drug', 'drug:velotumab'), entity('Drug', 'drug:velotumab-dm4'), entity('Target', 'target:fgfr1'), entity('Target', 'target:fgfr2'), entity('Company', 'company:velotumab')])).toEqual([]);
  });

  it('keeps Merck KGaA and Merck & Co. as two companies', () => {
    const [first] = extractText('Zentrix Pharmaceuticals, Inc. announced a collaboration with Merck KGaA.\n\nMerck & Co., Inc. was not a party.\n', { path: 'acme.txt', knowledge });
    const graph = mergeGraphs([first!.graph]);
    const companies = graph.entities.filter((e) => e.labels[0] === 'Company').map((e) => e.key);
    expect(companies).toEqual(expect.arrayContaining(['company:merck-kgaa', 'company:merck-and-co']));
  });
});
