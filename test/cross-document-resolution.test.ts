// Cross-document resolution (src/graph/identity.ts) and the decisions file (src/graph/decisions.ts):
// documents resolve in order against the ones before them; certain matches share a node, doubtful
// ones are only reported, a person's decisions win, identical content is one document.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusResolver } from '../src/graph/identity.ts';
import { GraphAccumulator } from '../src/graph/merge.ts';
import { NO_DECISIONS, decisionsFrom, emptyDecisionsFile, loadDecisions, withAccepted, withRejected, writeDecisionsFile } from '../src/graph/decisions.ts';
import type { Entity, Graph } from '../src/model/graph.ts';
import type { EntityLabel } from '../src/model/vocabulary.ts';
import { knowledge } from './support/knowledge.ts';

interface Named {
  label: EntityLabel;
  name: string;
  aliases?: string[];
  properties?: Entity['properties'];
}

/** One document's graph naming the given entities, keyed as the resolve stage keys them; the first two are linked by a fact. */
function doc(docId: string, named: Named[], contentHash = `hash-${docId}`): Graph {
  const entities: Entity[] = named.map((n, i) => ({
    key: knowledge.names.entityKey(n.label, n.name),
    labels: [n.label],
    name: n.name,
    aliases: n.aliases ?? [],
    properties: n.properties ?? {},
    mentions: [{ docId, start: i * 10, end: i * 10 + n.name.length }],
  }));
  const [a, b] = entities;
  const relationships: Graph['relationships'] =
    a && b
      ? [{ type: 'COLLABORATES_WITH', start: a.key < b.key ? a.key : b.key, end: a.key < b.key ? b.key : a.key, properties: {}, evidence: [{ docId, start: 0, end: 20, sentence: 'They collaborate.', rule: 'test.rule', confidence: 0.9 }] }]
      : [];
  return { schemaVersion: 1, documents: [{ docId, sourcePath: `${docId}.txt`, docType: 'text', contentHash, registrantKeys: [], sentenceCount: 1 }], entities, relationships };
}

function resolveAll(graphs: Graph[], decisions = NO_DECISIONS): Graph {
  const accumulator = new GraphAccumulator(new CorpusResolver(knowledge.names, decisions));
  for (const g of graphs) accumulator.add(g);
  return accumulator.result();
}

const keys = (g: Graph): string[] => g.entities.map((e) => e.key);

describe('cross-document resolution', () => {
  it('maps a name that another document gave as an alias onto that entity, in either order', () => {
    const long: Named = { label: 'Company', name: 'Velquora Sciences', aliases: ['Velquora'] };
    const short: Named = { label: 'Company', name: 'Velquora' };
    const other: Named = { label: 'Company', name: 'Brantick Labs' };
    const forward = resolveAll([doc('a', [long, other]), doc('b', [short, other])]);
    expect(keys(forward)).toEqual(['company:brantick-labs', 'company:velquora-sciences']);
    expect(forward.relationships.map((r) => r.evidence.length)).toEqual([2]);
    const backward = resolveAll([doc('b', [short, other]), doc('a', [long, other])]);
    expect(keys(backward)).toEqual(['company:brantick-labs', 'company:velquora']);
    expect(backward.entities.find((e) => e.key === 'company:velquora')?.aliases).toContain('Velquora Sciences');
  });

  it('keeps Merck & Co. and Merck KGaA apart, and pairs the bare name with neither when it is an alias of both', () => {
    const graph = resolveAll([doc('a', [{ label: 'Company', name: 'Merck & Co.', aliases: ['Merck'] }]), doc('b', [{ label: 'Company', name: 'Merck KGaA', aliases: ['Merck'] }]), doc('c', [{ label: 'Company', name: 'Merck' }])]);
    expect(keys(graph)).toEqual(['company:merck', 'company:merck-and-co', 'company:merck-kgaa']);
    expect(graph.mergeCandidates?.map((c) => `${c.a} ${c.b}`)).toEqual(expect.arrayContaining(['company:merck company:merck-and-co', 'company:merck company:merck-kgaa', 'company:merck-and-co company:merck-kgaa']));
  });

  it('never merges on a name when a strong identifier differs', () => {
    const graph = resolveAll([doc('a', [{ label: 'Company', name: 'Harlow Bio', aliases: ['Harlow'], properties: { cik: '0000001' } }]), doc('b', [{ label: 'Company', name: 'Harlow', properties: { cik: '0000002' } }])]);
    expect(keys(graph)).toEqual(['company:harlow', 'company:harlow-bio']);
    expect(graph.mergeCandidates).toEqual([{ a: 'company:harlow', b: 'company:harlow-bio', reason: 'a name in common, different cik', score: 0.5 }]);
  });

  it('pairs, but never merges, two people sharing a surname with compatible given names', () => {
    const graph = resolveAll([
      doc('a', [{ label: 'Person', name: 'Steven Quarrel' }]),
      doc('b', [
        { label: 'Person', name: 'Steve Quarrel' },
        { label: 'Person', name: 'Anna Quarrel' },
      ]),
    ]);
    expect(keys(graph)).toEqual(['person:anna-quarrel', 'person:steve-quarrel', 'person:steven-quarrel']);
    expect(graph.mergeCandidates).toEqual([{ a: 'person:steve-quarrel', b: 'person:steven-quarrel', reason: 'same surname and a compatible given name', score: 0.6 }]);
  });

  it('merges an antibody conjugate and its abbreviation by initial and payload when each is the only one of its form', () => {
    const graph = resolveAll([
      doc('a', [{ label: 'Drug', name: 'zanotumab-DM1' }]),
      doc('b', [
        { label: 'Drug', name: 'Z-DM1' },
        { label: 'Drug', name: 'Q-DM1' },
        { label: 'Drug', name: 'Z-DM4' },
      ]),
    ]);
    expect(keys(graph)).toEqual(['drug:q-dm1', 'drug:z-dm4', 'drug:zanotumab-dm1']);
    expect(graph.entities.find((e) => e.key === 'drug:zanotumab-dm1')?.aliases).toEqual(['Z-DM1']);
    expect(graph.mergeCandidates ?? []).toEqual([]);
  });

  it('only pairs a conjugate abbreviation that two antibodies of one initial and payload could stand for', () => {
    const graph = resolveAll([doc('a', [{ label: 'Drug', name: 'zanotumab-DM1' }]), doc('b', [{ label: 'Drug', name: 'zelitumab-DM1' }]), doc('c', [{ label: 'Drug', name: 'Z-DM1' }])]);
    expect(keys(graph)).toEqual(['drug:z-dm1', 'drug:zanotumab-dm1', 'drug:zelitumab-dm1']);
    expect(graph.mergeCandidates?.map((p) => `${p.a} ${p.b}`)).toEqual(['drug:z-dm1 drug:zanotumab-dm1', 'drug:z-dm1 drug:zelitumab-dm1']);
  });

  it('never reads a word after an antibody name as a conjugate payload', () => {
    const graph = resolveAll([doc('a', [{ label: 'Drug', name: 'zanotumab-based' }]), doc('b', [{ label: 'Drug', name: 'Z-based' }])]);
    expect(keys(graph)).toEqual(['drug:z-based', 'drug:zanotumab-based']);
  });

  it('treats a middle initial as the same person', () => {
    const graph = resolveAll([doc('a', [{ label: 'Person', name: 'Dana Q. Roswell' }]), doc('b', [{ label: 'Person', name: 'Dana Roswell' }])]);
    // Person keys leave single-letter middle initials out, so both names key alike; the node keeps both.
    expect(keys(graph)).toEqual(['person:dana-roswell']);
    expect([graph.entities[0]?.name, ...(graph.entities[0]?.aliases ?? [])]).toEqual(['Dana Q. Roswell', 'Dana Roswell']);
  });

  it('does not pair a parent with a subsidiary named by more words, beyond reporting them', () => {
    const graph = resolveAll([doc('a', [{ label: 'Company', name: 'Norvane' }]), doc('b', [{ label: 'Company', name: 'Norvane Ventures' }])]);
    expect(keys(graph)).toEqual(['company:norvane', 'company:norvane-ventures']);
    expect(graph.mergeCandidates?.[0]?.reason).toBe('one name is the other plus words');
  });

  it('applies accepted and rejected decisions', () => {
    const accepted = decisionsFrom(withAccepted(emptyDecisionsFile(), 'company:norvane-ventures', 'company:norvane'));
    const merged = resolveAll([doc('a', [{ label: 'Company', name: 'Norvane' }]), doc('b', [{ label: 'Company', name: 'Norvane Ventures' }])], accepted);
    expect(keys(merged)).toEqual(['company:norvane-ventures']);
    expect([merged.entities[0]?.name, ...(merged.entities[0]?.aliases ?? [])].sort()).toEqual(['Norvane', 'Norvane Ventures']);
    expect(merged.mergeCandidates).toBeUndefined();
    const rejected = decisionsFrom(withRejected(emptyDecisionsFile(), 'company:norvane-ventures', 'company:norvane'));
    const apart = resolveAll([doc('a', [{ label: 'Company', name: 'Norvane' }]), doc('b', [{ label: 'Company', name: 'Norvane Ventures' }])], rejected);
    expect(keys(apart)).toEqual(['company:norvane', 'company:norvane-ventures']);
    expect(apart.mergeCandidates).toBeUndefined();
  });

  it('makes one document of identical content under two names, listing the other path', () => {
    const graph = resolveAll([doc('a', [{ label: 'Company', name: 'Norvane' }], 'same'), doc('b', [{ label: 'Company', name: 'Norvane' }], 'same')]);
    expect(graph.documents.map((d) => [d.docId, d.copies])).toEqual([['a', ['b.txt']]]);
    expect(graph.entities[0]?.mentions).toHaveLength(1);
  });
});

describe('decisions file', () => {
  it('round-trips sorted, and a later decision on a pair replaces the earlier one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-decisions-'));
    const path = join(dir, 'kg-decisions.json');
    let file = withAccepted(emptyDecisionsFile(), 'company:b', 'company:a');
    file = withRejected(file, 'person:z', 'person:y');
    file = withRejected(file, 'company:a', 'company:b');
    writeDecisionsFile(path, file);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      version: 1,
      same: [],
      different: [
        { a: 'company:a', b: 'company:b' },
        { a: 'person:y', b: 'person:z' },
      ],
    });
    expect(loadDecisions(path).rejected.has('company:a|company:b')).toBe(true);
  });

  it('follows chains of accepted pairs and refuses a file of another shape', () => {
    const decisions = decisionsFrom({
      version: 1,
      same: [
        { keep: 'drug:b', merge: 'drug:a' },
        { keep: 'drug:c', merge: 'drug:b' },
      ],
      different: [],
    });
    expect(decisions.canonical.get('drug:a')).toBe('drug:c');
    const dir = mkdtempSync(join(tmpdir(), 'kg-decisions-'));
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ version: 1, same: [{ keep: 'Acme', merge: 'company:acme' }], different: [] }));
    expect(() => loadDecisions(path)).toThrow(/same\.0\.keep/);
    expect(loadDecisions(join(dir, 'missing.json')).file).toEqual(emptyDecisionsFile());
  });
});
