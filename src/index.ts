// Public API of the library. The CLI (src/cli.ts) is a thin shell over these.
export * from './model/vocabulary.ts';
export * from './model/graph.ts';
export type { StructuredDocument, Sentence, Section, SectionKind, Filing, Registrant, EdgarSource } from './model/document.ts';
export { RawMap } from './model/document.ts';
export type { Mention, RelationFact, DocumentMentions } from './model/extraction.ts';
export { KgError, isKgError, type ErrorCode } from './errors.ts';
export { extractDocument, extractInputs, extractGraphs, extractGraph, extractText, type DocumentExtraction, type InputResult, type GraphResult, type ParallelOptions } from './pipeline.ts';
export { mergeGraphs, GraphAccumulator } from './graph/merge.ts';
export { toJson, JsonWriter } from './writers/json.ts';
export type { GraphWriter, TextSink } from './writers/graph-writer.ts';
export { foldName } from './text/names.ts';
export { rawSpan } from './text/traced-text.ts';
export type { NameKnowledge } from './knowledge/names.ts';
export * from './api/index.ts';
export { Neo4jGraphStore, type BatchWriteResult, type DocumentWriteResult, type DocumentWriteStatus, type GraphCounts, type WriteOptions } from './writers/neo4j.ts';
export { toCypherScript, CypherScriptWriter } from './writers/cypher-file.ts';
export { splitByDocument, DEFAULT_BATCH_SIZE } from './writers/write-plan.ts';
export { neo4jConfig, Neo4jConfig } from './config.ts';
export * from './edgar/index.ts';
export { buildView, writeViewPage, renderPage, viewFromGraph, viewOfCompany, ViewData, type ViewSource, type ViewResult } from './view/index.ts';
// The stages and the knowledge they run on, for callers that compose them themselves (the tools in
// tools/: evaluation and benchmark).
export { loadKnowledge, unlimitedContext, type Knowledge, type LoadKnowledgeOptions, type StageContext } from './knowledge/index.ts';
export { decode, type LoadedFile } from './load/index.ts';
export { structure } from './structure/index.ts';
export { structureAndSegment } from './pipeline.ts';
// Benchmark primitives: compromise's bare parse (the reference speed), the writer's batching and
// row statements (the row-at-a-time baseline), worker threads that run TypeScript.
export { parseOnly } from './nlp/compromise.ts';
export { DocumentBatches, documentRows, relationshipRowStatements, type Statement } from './writers/write-plan.ts';
export { describeServer } from './writers/neo4j.ts';
export { startTsWorker } from './parallel/ts-worker.ts';
