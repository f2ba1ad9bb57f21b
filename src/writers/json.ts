// JSON writer: the exchange format, validated against its schema before it leaves the process.
import { Graph } from '../model/graph.ts';
import { KgError, issuesText } from '../errors.ts';
import type { GraphWriter, TextSink } from './graph-writer.ts';

export function toJson(graph: Graph): string {
  const checked = Graph.safeParse(graph);
  if (!checked.success) {
    throw new KgError('SCHEMA_INVALID', `extracted graph fails the exchange schema: ${issuesText(checked.error.issues)}`);
  }
  return `${JSON.stringify(checked.data, null, 2)}\n`;
}

/** `kg extract --format json`: the graph as one JSON document (toJson) on a text sink. */
export class JsonWriter implements GraphWriter {
  constructor(private readonly out: TextSink) {}

  write(graph: Graph): Promise<void> {
    // In the executor, so a graph that fails the schema rejects the promise rather than throwing.
    return new Promise((resolve) => {
      this.out(toJson(graph));
      resolve();
    });
  }
}
