// The exchange format as JSON Schema (draft 2020-12), generated from the zod schema so the two can
// never disagree.
import { z } from 'zod';
import { Graph } from './graph.ts';

export function graphJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Graph, { target: 'draft-2020-12' }),
    title: 'pharma-deal-graph exchange format',
  };
}

export function graphJsonSchemaText(): string {
  return `${JSON.stringify(graphJsonSchema(), null, 2)}\n`;
}
