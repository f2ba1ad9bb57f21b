// Resolve stage: mentions of one document become keyed entities (one per real thing), relation facts
// become relationships between entity keys, each with its evidence. Keys are derived from names
// alone, so the same company or drug from two documents gets the same key without a global lookup.
import type { StructuredDocument } from '../model/document.ts';
import type { StageContext } from '../knowledge/index.ts';
import type { NameKnowledge } from '../knowledge/names.ts';
import type { DocumentMentions, Mention, RelationFact } from '../model/extraction.ts';
import type { DocumentInfo, Entity, Evidence, Graph, Properties, Relationship } from '../model/graph.ts';
import { SCHEMA_VERSION } from '../model/graph.ts';
import type { NodeLabel, PhaseKey } from '../model/vocabulary.ts';
import { SYMMETRIC_TYPES } from '../model/vocabulary.ts';
import { mergeGraphs } from '../graph/merge.ts';
import { rawSpan } from '../text/traced-text.ts';
import { nameMentions } from './mentions.ts';

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] ?? root;
    while (this.parent[i] !== root) {
      const next = this.parent[i] ?? root;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller index stays root so clusters do not depend on the order of unions.
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

const PHASE_NAMES: Record<PhaseKey, string> = {
  PHASE_0: 'Phase 0',
  PHASE_1: 'Phase 1',
  PHASE_1_2: 'Phase 1/2',
  PHASE_2: 'Phase 2',
  PHASE_2_3: 'Phase 2/3',
  PHASE_3: 'Phase 3',
  PHASE_4: 'Phase 4',
  PRECLINICAL: 'Preclinical',
  REGISTRATION: 'Registration',
};

/**
 * The cluster's name. A company's formal name (a mention written with its legal form, "Acme
 * Pharmaceutical Co., Ltd.") comes first: other documents state it too, so the entity key agrees
 * across documents. Then a name of several words not written all in capitals, then the canonical form
 * used most often, ties to the longer, then the first seen.
 */
function chooseName(members: Mention[], names: NameKnowledge): string {
  const counts = new Map<string, { count: number; first: number; formal: boolean }>();
  members.forEach((m, i) => {
    const formal = m.label === 'Company' && names.stripLegalSuffix(m.text) !== m.text.trim();
    const entry = counts.get(m.canonical);
    if (entry) {
      entry.count += 1;
      entry.formal ||= formal;
    } else counts.set(m.canonical, { count: 1, first: i, formal });
  });
  // A name of several words in capitals is the cover page's typography ("ACME PHARMA CO."), not the
  // name's own spelling; one word in capitals may be that spelling ("QX500", "QRX").
  const capitals = (name: string): number => Number(/\s/.test(name) && /\p{Lu}{2}/u.test(name) && !/\p{Ll}/u.test(name));
  const ranked = [...counts.entries()].sort(([na, a], [nb, b]) => Number(b.formal) - Number(a.formal) || capitals(na) - capitals(nb) || b.count - a.count || nb.length - na.length || a.first - b.first);
  return ranked[0]?.[0] ?? members[0]?.canonical ?? '';
}

function mergeProperties(target: Properties, source: Properties | undefined): void {
  if (!source) return;
  for (const [k, v] of Object.entries(source)) if (!(k in target)) target[k] = v;
}

export interface ResolvedDocument {
  graph: Graph;
  /** Entity key of each mention, in mention order. */
  mentionKeys: string[];
}

export function resolveDocument(doc: StructuredDocument, found: DocumentMentions, facts: RelationFact[], ctx: StageContext): ResolvedDocument {
  const { names } = ctx.knowledge;
  // Dropped mentions (generic terms, places, cut-off names) stay undefined: they name no entity, and
  // facts that end on them are left out below.
  const { mentions, formerNames, links } = nameMentions(found.mentions, doc.text, ctx, found.sameAs);
  const uf = new UnionFind(mentions.length);
  const byCanonical = new Map<string, number>();
  mentions.forEach((m, i) => {
    if (!m) return;
    const k = `${m.label}|${names.keyPart(m.label, m.canonical)}`;
    const first = byCanonical.get(k);
    if (first === undefined) byCanonical.set(k, i);
    else uf.union(first, i);
  });
  for (const link of links) {
    const a = mentions[link.a];
    const b = mentions[link.b];
    if (a && b && a.label === b.label) uf.union(link.a, link.b);
  }

  const clusters = new Map<number, number[]>();
  mentions.forEach((m, i) => {
    if (!m) return;
    const root = uf.find(i);
    const list = clusters.get(root);
    if (list) list.push(i);
    else clusters.set(root, [i]);
  });

  const mentionKeys: string[] = new Array<string>(mentions.length).fill('');
  const entities: Entity[] = [];
  for (const indices of clusters.values()) {
    const members = indices.map((i) => mentions[i]).filter((m): m is Mention => m !== undefined);
    const first = members[0];
    if (!first) continue;
    const name = chooseName(members, names);
    const key = names.entityKey(first.label, name);
    const aliasSet = new Set<string>();
    const extraLabels = new Set<NodeLabel>();
    const properties: Properties = {};
    for (const m of members) {
      // "the Company" and other anaphora point at the entity but are not names of it.
      const forms = m.properties?.['anaphor'] === true ? [m.canonical] : [m.canonical, m.text];
      // Defined terms and pronouns ("Licensee", "we") are how a text refers to a party, not its names.
      for (const form of forms) if (form !== name && form.trim() !== '' && !names.isGenericTerm(form)) aliasSet.add(form);
      for (const extra of m.extraLabels ?? []) extraLabels.add(extra);
      mergeProperties(properties, m.properties);
    }
    for (const i of indices) {
      mentionKeys[i] = key;
      const former = formerNames.get(i);
      if (former !== undefined && former !== name) aliasSet.add(former);
    }
    entities.push({
      key,
      labels: [first.label, ...[...extraLabels].sort()],
      name,
      aliases: [...aliasSet].sort(),
      properties,
      mentions: members.map((m) => ({ docId: doc.docId, start: m.start, end: m.end })),
    });
  }

  const registrantKeys: string[] = [];
  for (const registrant of doc.filing?.registrants ?? []) {
    const key = names.entityKey('Company', registrant.name);
    registrantKeys.push(key);
    const filingProps: Properties = {};
    for (const field of ['cik', 'irsEmployerId', 'stateOfIncorporation', 'fileNumber', 'address', 'phone'] as const) {
      const value = registrant[field];
      if (value) filingProps[field] = value;
    }
    const existing = entities.find((e) => e.key === key);
    if (existing) {
      mergeProperties(existing.properties, filingProps);
      // "THE ACME GROUP, INC." on the cover page of the "Acme Group" the text names.
      if (registrant.name !== existing.name && !existing.aliases.includes(registrant.name)) existing.aliases = [...existing.aliases, registrant.name].sort();
    } else entities.push({ key, labels: ['Company'], name: names.stripLegalSuffix(registrant.name), aliases: [registrant.name], properties: filingProps, mentions: [] });
  }

  const relationships: Relationship[] = [];
  const usedPhases = new Set<PhaseKey>();
  for (const fact of facts) {
    const start = mentionKeys[fact.source];
    let end: string | undefined;
    if (typeof fact.target === 'number') end = mentionKeys[fact.target];
    else {
      // A phase node's key is the phase key itself (PHASE_2), as the graph vocabulary names them.
      end = fact.target.phase;
      usedPhases.add(fact.target.phase);
    }
    const sentence = doc.sentences[fact.sentenceIndex];
    if (!start || !end || start === end || !sentence) continue;
    const [a, b] = SYMMETRIC_TYPES.has(fact.type) && end < start ? [end, start] : [start, end];
    const evidence: Evidence = {
      docId: doc.docId,
      start: sentence.start,
      end: sentence.end,
      sentence: doc.text.slice(sentence.start, sentence.end),
      rule: fact.rule,
      confidence: fact.confidence,
    };
    // A rendered document's sentence in its raw file (HTML, a full submission), for tools that show the original.
    const raw = doc.rawMap ? rawSpan(doc.rawMap, sentence.start, sentence.end) : undefined;
    if (raw) Object.assign(evidence, raw);
    relationships.push({ type: fact.type, start: a, end: b, properties: { ...fact.properties }, evidence: [evidence] });
  }
  for (const phase of usedPhases) {
    entities.push({ key: phase, labels: ['Phase'], name: PHASE_NAMES[phase], aliases: [], properties: {}, mentions: [] });
  }

  const info: DocumentInfo = {
    docId: doc.docId,
    sourcePath: doc.sourcePath,
    docType: doc.docType,
    contentHash: doc.contentHash,
    registrantKeys,
    sentenceCount: doc.sentences.length,
  };
  if (doc.title !== undefined) info.title = doc.title;
  if (doc.asOf !== undefined) info.asOf = doc.asOf;
  if (doc.filing !== undefined) info.filing = doc.filing;
  if (doc.dateline !== undefined) info.dateline = doc.dateline;
  // Provenance: the text every offset above indexes (evidence sentences are slices of it), and for a
  // rendered text the map back to its raw file.
  info.text = doc.text;
  if (doc.rawMap) info.rawMap = doc.rawMap;

  // Merging the document's own graph folds repeated facts into one relationship with all evidence
  // and puts everything in canonical order.
  const graph = mergeGraphs([{ schemaVersion: SCHEMA_VERSION, documents: [info], entities, relationships }]);
  return { graph, mentionKeys };
}
