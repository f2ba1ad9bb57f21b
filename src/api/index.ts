// The Neo4j-facing API: ingest/forget documents, typed lookups (openGraph) and the named example
// queries of cypher/queries.
export { ingest, forget, graphCounts, type IngestOptions, type IngestSummary, type IngestedDocument } from './ingest.ts';
export {
  openGraph,
  EntityRef,
  EvidenceItem,
  GraphRelationship,
  License,
  Milestone,
  DrugTargeting,
  StoredDocument,
  DocumentMention,
  type DealGraph,
  type RelationshipRef,
} from './graph.ts';
export { listQueries, loadQuery, parseQuery, queryParameters, runQuery, formatTable, type NamedQuery, type QueryParameter, type QueryResult } from './queries.ts';
