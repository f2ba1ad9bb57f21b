// Graph union by stable keys: entities by key, relationships by (type, start, end). Output order is
// canonical (sorted), so the same inputs give the same bytes whatever order documents arrived in.
// With a CorpusResolver (identity.ts) each document is first resolved against the documents before it
// (cross-document resolution, as `kg ingest` does against Neo4j), and a document whose content hash
// was seen under another name is one document: its path is listed in the first one's `copies`.
import type { DocumentInfo, Entity, Evidence, Graph, Relationship } from '../model/graph.ts';
import { SCHEMA_VERSION, relationshipId } from '../model/graph.ts';
import { findMergeCandidates } from './candidates.ts';
import { asMergeCandidate, type CorpusResolver } from './identity.ts';
import { mergeDealProperties, mergePaymentProperties } from '../deals/status.ts';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function evidenceId(e: Evidence): string {
  return `${e.docId}|${e.start}|${e.end}|${e.rule}`;
}

export function compareEvidence(a: Evidence, b: Evidence): number {
  return byString(a.docId, b.docId) || a.start - b.start || a.end - b.end || byString(a.rule, b.rule);
}

/** Accumulates graphs one at a time, so a large run never holds more than the merged result. */
export class GraphAccumulator {
  private readonly documents = new Map<string, DocumentInfo>();
  private readonly entities = new Map<string, Entity>();
  private readonly relationships = new Map<string, Relationship>();
  /** docId of the first document seen with each content hash (with a resolver only). */
  private readonly byHash = new Map<string, string>();

  constructor(private readonly resolver?: CorpusResolver) {}

  add(given: Graph): void {
    let graph = given;
    if (this.resolver) {
      const copies = graph.documents.filter((d) => {
        const first = this.byHash.get(d.contentHash);
        return first !== undefined && first !== d.docId;
      });
      for (const copy of copies) {
        const first = this.documents.get(this.byHash.get(copy.contentHash) ?? '');
        if (first) first.copies = [...new Set([...(first.copies ?? []), copy.sourcePath])].sort(byString);
      }
      if (copies.length > 0) return;
      for (const d of graph.documents) if (!this.byHash.has(d.contentHash)) this.byHash.set(d.contentHash, d.docId);
      graph = this.resolver.resolve(graph);
    }
    for (const d of graph.documents) this.documents.set(d.docId, { ...d });
    for (const e of graph.entities) this.addEntity(e);
    for (const r of graph.relationships) this.addRelationship(r);
  }

  private addEntity(e: Entity): void {
    const existing = this.entities.get(e.key);
    if (!existing) {
      this.entities.set(e.key, { ...e, labels: [...e.labels], aliases: [...e.aliases], properties: { ...e.properties }, mentions: [...e.mentions] });
      return;
    }
    const aliases = new Set([...existing.aliases, ...e.aliases]);
    if (e.name !== existing.name) aliases.add(e.name);
    aliases.delete(existing.name);
    existing.aliases = [...aliases].sort(byString);
    for (const label of e.labels) if (!existing.labels.includes(label)) existing.labels.push(label);
    existing.labels = [existing.labels[0] ?? 'Company', ...existing.labels.slice(1).sort(byString)] as Entity['labels'];
    // A deal or payment told by two documents: statuses over time unioned, the latest wins (src/deals/status.ts).
    if (existing.labels[0] === 'Deal') existing.properties = mergeDealProperties(existing.properties, e.properties);
    else if (existing.labels[0] === 'Payment') existing.properties = mergePaymentProperties(existing.properties, e.properties);
    else for (const [k, v] of Object.entries(e.properties)) if (!(k in existing.properties)) existing.properties[k] = v;
    existing.mentions.push(...e.mentions);
  }

  private addRelationship(r: Relationship): void {
    const id = relationshipId(r);
    const existing = this.relationships.get(id);
    if (!existing) {
      this.relationships.set(id, { ...r, properties: { ...r.properties }, evidence: [...r.evidence] });
      return;
    }
    for (const [k, v] of Object.entries(r.properties)) if (!(k in existing.properties)) existing.properties[k] = v;
    const seen = new Set(existing.evidence.map(evidenceId));
    for (const e of r.evidence) if (!seen.has(evidenceId(e))) existing.evidence.push(e);
  }

  result(): Graph {
    const entities = [...this.entities.values()]
      .map((e) => ({
        ...e,
        mentions: [...e.mentions].sort((a, b) => byString(a.docId, b.docId) || a.start - b.start || a.end - b.end),
      }))
      .sort((a, b) => byString(a.key, b.key));
    const relationships = [...this.relationships.values()].map((r) => ({ ...r, evidence: [...r.evidence].sort(compareEvidence) })).sort((a, b) => byString(relationshipId(a), relationshipId(b)));
    const documents = [...this.documents.values()].sort((a, b) => byString(a.docId, b.docId));
    const graph: Graph = { schemaVersion: SCHEMA_VERSION, documents, entities, relationships };
    const candidates = this.resolver ? this.resolver.candidates().map(asMergeCandidate) : findMergeCandidates(entities);
    if (candidates.length > 0) graph.mergeCandidates = candidates;
    return graph;
  }
}

export function mergeGraphs(graphs: Iterable<Graph>): Graph {
  const acc = new GraphAccumulator();
  for (const g of graphs) acc.add(g);
  return acc.result();
}
