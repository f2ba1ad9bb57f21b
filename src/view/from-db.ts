// `kg view --from-db --company NAME`: the view of what the database holds about one company (or any
// entity the name resolves to): every relationship that touches it, each with its Evidence sentences,
// and the stored documents those sentences come from, with their text and entity mentions. Read
// through the typed API (src/api/graph.ts): relationsOf, evidence, documents.
import type { Neo4jConfig } from '../config.ts';
import { KgError } from '../errors.ts';
import { openGraph, type DealGraph, type EntityRef } from '../api/graph.ts';
import { highlightsMentions, readingOrder, viewEntity, viewFact, type ViewData, type ViewDocument, type ViewFact } from './model.ts';
import type { ViewStyle } from './style.ts';

/** The view of `company`'s facts in an open graph. */
export async function viewOfCompany(graph: DealGraph, company: string, style: ViewStyle, source: string): Promise<ViewData> {
  const keys = await graph.resolve(company);
  if (keys.length === 0) throw new KgError('INPUT_NOT_FOUND', `no company or other entity named "${company}" in the graph (names, aliases and keys are matched case-insensitively)`, { subject: 'kg view' });
  const relationships = await graph.relationsOf(company);
  const entities = new Map<string, EntityRef>();
  const facts: ViewFact[] = [];
  for (const r of relationships) {
    entities.set(r.start.key, r.start);
    entities.set(r.end.key, r.end);
    const properties: Record<string, unknown> = { ...r.properties };
    if (r.firstSeen !== undefined) properties['firstSeen'] = r.firstSeen;
    if (r.lastSeen !== undefined && r.lastSeen !== r.firstSeen) properties['lastSeen'] = r.lastSeen;
    facts.push(viewFact({ type: r.type, start: r.start.key, end: r.end.key, properties, evidence: await graph.evidence(r) }, style));
  }
  const docIds = [...new Set(facts.flatMap((f) => f.evidence.map((e) => e.docId)))];
  const documents: ViewDocument[] = (await graph.documents(docIds)).map((d) => {
    const doc: ViewDocument = { docId: d.docId, text: d.text, mentions: [] };
    if (d.title !== null) doc.title = d.title;
    if (d.docType !== null) doc.docType = d.docType;
    if (d.asOf !== null) doc.asOf = d.asOf;
    for (const m of d.mentions) {
      if (!entities.has(m.key)) entities.set(m.key, { key: m.key, name: m.name, labels: m.labels });
      if (!highlightsMentions(m.labels)) continue;
      m.starts.forEach((start, i) => {
        const end = m.ends[i];
        if (end !== undefined) doc.mentions.push({ start, end, key: m.key });
      });
    }
    doc.mentions.sort((a, b) => a.start - b.start || b.end - a.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return doc;
  });
  const name = keys.map((k) => entities.get(k)?.name).find((n) => n !== undefined) ?? company;
  return {
    title: `${name}: what the graph says`,
    source,
    documents,
    entities: [...entities.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((e) => viewEntity(e, style)),
    facts: readingOrder(
      facts,
      documents.map((d) => d.docId),
    ),
    style,
  };
}

/** Connects, reads the company's view and closes the connection. */
export async function viewFromDatabase(config: Neo4jConfig, company: string, style: ViewStyle): Promise<ViewData> {
  const graph = await openGraph(config);
  try {
    return await viewOfCompany(graph, company, style, `Neo4j database "${config.database}", facts of "${company}"`);
  } finally {
    await graph.close();
  }
}
