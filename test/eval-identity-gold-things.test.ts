// The identity report's real things (tools/eval/identity.ts): gold entities joined across documents by
// shared names, and the things the gold files disagree on (one document's gold joins two names that
// another's keeps as two entities), which are listed and not scored as split. Invented gold.
import { describe, expect, it } from 'vitest';
import { goldThings, identityReport } from '../tools/eval/identity.ts';
import { nameFolding } from '../tools/eval/fold.ts';
import { GoldDocument } from '../tools/eval/gold.ts';
import type { Entity } from '../src/model/graph.ts';
import { knowledge } from './support/knowledge.ts';

const folding = nameFolding(knowledge.names);
const gold = (document: string, entities: { name: string; aliases?: string[]; optional?: boolean }[]): GoldDocument =>
  GoldDocument.parse({ document, entities: entities.map((e) => ({ type: 'Drug', optional: false, ...e })), relations: [] });
const drug = (name: string, docIds: string[], aliases: string[] = []): Entity => ({
  key: knowledge.names.entityKey('Drug', name),
  labels: ['Drug'],
  name,
  aliases,
  properties: {},
  mentions: docIds.map((docId) => ({ docId, start: 0, end: name.length })),
});

describe('gold things of the identity report', () => {
  const formulation = gold('a', [{ name: 'QX-942' }, { name: 'zorbatide' }]);
  const alias = gold('b', [{ name: 'zorbatide', aliases: ['QX-942'] }]);

  it('marks a thing contested when one gold joins names another gold keeps as two entities', () => {
    const things = goldThings([formulation, alias], folding);
    expect(things.map((t) => [t.names, t.contestedBy])).toEqual([[['QX-942', 'zorbatide'], ['a']]]);
  });

  it('does not contest a document whose own entities are linked by a shared name (a brand listed apart and as an alias)', () => {
    const brand = gold('c', [
      { name: 'zorbatide', aliases: ['Quelvora', 'Zentrava'] },
      { name: 'Quelvora', optional: true },
      { name: 'Zentrava', optional: true },
    ]);
    expect(goldThings([brand], folding).map((t) => t.contestedBy)).toEqual([[]]);
  });

  it('scores a contested thing as neither split nor merged, and an uncontested one as split', () => {
    const apart = [drug('QX-942', ['a', 'b']), drug('zorbatide', ['a', 'b'])];
    const contested = identityReport([formulation, alias], apart, folding, () => false);
    expect([contested.split.length, contested.merged.length, contested.contested.length]).toEqual([0, 0, 1]);
    const plain = identityReport([alias], apart, folding, () => false);
    expect(plain.split.map((s) => s.entityKeys)).toEqual([['drug:qx-942', 'drug:zorbatide']]);
  });
});
