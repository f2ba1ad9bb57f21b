// The Neo4j-facing API: ingest/forget documents, typed lookups (openGraph) and the named example
// queries of cypher/queries, and any Cypher statement (runCypher, read-only unless asked to write).
export { ingest, forget, graphCounts, documentLine, batchLine, documentsLine, type IngestOptions, type IngestSummary, type IngestedDocument, type IngestedBatch } from './ingest.ts';
export { openGraph, listDeals, EntityRef, EvidenceItem, GraphRelationship, License, Milestone, DrugTargeting, StoredDocument, DocumentMention, type DealGraph, type RelationshipRef } from './graph.ts';
export { listQueries, loadQuery, parseQuery, queryParameters, runQuery, formatTable, type NamedQuery, type QueryParameter, type QueryResult } from './queries.ts';
export { runCypher, parseCypherParams, formatCsv, formatCypherResult, describeUpdates, CYPHER_FORMATS, type CypherFormat, type CypherOptions, type CypherResult } from './cypher.ts';
export { ResultNode, ResultRelationship, ResultPath, type ResultValue } from '../writers/neo4j-values.ts';
export { Deal, DealFilter, DealParty, DealPayment, DealSheetFormat, DEAL_SHEET_COLUMNS, DEAL_SHEET_FORMATS, checkedDealFilter, dealSheetRow, formatAmount, formatDealSheet, type DealSheetRow } from './deals.ts';
