// The reference filing (ImmunoGen 8-K, ../shared/corpus/000_*) must yield its gold entities.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { structureAndSegment } from '../src/pipeline.ts';
import { extractEntities } from '../src/extract/entities/index.ts';
import { resolveDocument } from '../src/resolve/index.ts';
import { knowledge, stageContext } from './support/knowledge.ts';

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const path = `${corpus}000_09ba589ba7ebe117.txt`;
const text = readFileSync(path, 'utf8');
const gold = JSON.parse(readFileSync(path.replace(/\.txt$/, '.gold.json'), 'utf8')) as {
  entities: { type: string; name: string; aliases?: string[]; optional?: boolean; alsoTypes?: string[] }[];
};
const CORE = new Set(['Company', 'Drug', 'Target', 'Technology', 'Person', 'Disease']);
const fold = (s: string): string => knowledge.names.keyPart('Company', s);

describe('reference filing', () => {
  const entities = structureAndSegment({ path, bytes: Buffer.from(text, 'utf8'), text, encoding: 'utf-8' }, stageContext()).flatMap((doc) => resolveDocument(doc, extractEntities(doc, stageContext()), [], stageContext()).graph.entities);
  const matches = (g: (typeof gold.entities)[number]) =>
    entities.filter((e) => [g.type, ...(g.alsoTypes ?? [])].includes(e.labels[0] ?? '') && [e.name, ...e.aliases].some((n) => [g.name, ...(g.aliases ?? [])].some((a) => fold(a) === fold(n))));

  it('finds most required gold entities, each as one entity', () => {
    const required = gold.entities.filter((g) => !g.optional && CORE.has(g.type));
    const found = required.filter((g) => matches(g).length === 1);
    expect(found.length / required.length).toBeGreaterThanOrEqual(0.75);
    for (const name of ['ImmunoGen', 'Genentech', 'trastuzumab-DM1', 'huC242-DM4', 'HER2', 'TAP technology', 'Mitchel Sayare', 'Daniel M. Junius', 'metastatic breast cancer']) expect(found.map((g) => g.name)).toContain(name);
  });

  it('takes no entity from the negatives list', () => {
    const negatives = new Set((JSON.parse(readFileSync(path.replace(/\.txt$/, '.gold.json'), 'utf8')) as { negatives: string[] }).negatives.map(fold));
    const hits = entities.filter((e) => CORE.has(e.labels[0] ?? '') && negatives.has(fold(e.name)));
    expect(hits.map((e) => e.name)).toEqual([]);
  });
});
