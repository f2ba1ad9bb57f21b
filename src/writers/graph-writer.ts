// The one interface of the writers: JSON (json.ts), Cypher script (cypher-file.ts) and Neo4j
// (neo4j.ts). Each takes a graph the pipeline made, one document's or several merged, and puts it
// somewhere: text on a stream, or a database. What `write` resolves to is the writer's own report
// (nothing for text, the transactions' counters for Neo4j). Writers that work per document split
// a merged graph themselves (write-plan.ts `splitByDocument`).
import type { Graph } from '../model/graph.ts';

export interface GraphWriter<Result = void> {
  /** Writes the graph; rejects with a KgError (SCHEMA_INVALID for a graph that fails the exchange schema, NEO4J_* for the database). */
  write(graph: Graph): Promise<Result>;
}

/** Where a text writer puts its output, in order: `(s) => process.stdout.write(s)`, a string builder, a file. */
export type TextSink = (text: string) => void;
