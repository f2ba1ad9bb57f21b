// Public API of the library. The CLI (src/cli.ts) is a thin shell over these.
export * from './model/vocabulary.ts';
export * from './model/graph.ts';
export type { StructuredDocument, Sentence, Section, SectionKind, Filing, Registrant, EdgarSource } from './model/document.ts';
export type { Mention, RelationFact, DocumentMentions } from './model/extraction.ts';
export { KgError, isKgError, type ErrorCode } from './errors.ts';
export { extractDocument, extractInputs, extractGraphs, extractGraph, extractText, type DocumentExtraction, type InputResult, type GraphResult, type ParallelOptions } from './pipeline.ts';
export { mergeGraphs, GraphAccumulator } from './graph/merge.ts';
export { toJson } from './writers/json.ts';
export { foldName } from './text/names.ts';
export { loadKnowledge, type Knowledge, type LoadKnowledgeOptions, type StageContext } from './knowledge/index.ts';
export type { NameKnowledge } from './knowledge/names.ts';
export * from './api/index.ts';
export { Neo4jGraphStore, type DocumentWriteResult, type DocumentWriteStatus, type GraphCounts, type WriteOptions } from './writers/neo4j.ts';
export { toCypherScript } from './writers/cypher-file.ts';
export { splitByDocument, DEFAULT_BATCH_SIZE } from './writers/write-plan.ts';
export { neo4jConfig, Neo4jConfig } from './config.ts';
export * from './edgar/index.ts';
export { buildView, writeViewPage, renderPage, viewFromGraph, viewOfCompany, ViewData, type ViewSource, type ViewResult } from './view/index.ts';
