// JSON writer: the exchange format, validated against its schema before it leaves the process.
import { Graph } from '../model/graph.ts';
import { KgError } from '../errors.ts';

export function toJson(graph: Graph): string {
  const checked = Graph.safeParse(graph);
  if (!checked.success) {
    throw new KgError('SCHEMA_INVALID', `extracted graph fails the exchange schema: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return `${JSON.stringify(checked.data, null, 2)}\n`;
}
