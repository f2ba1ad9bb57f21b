// Writes schema/graph.schema.json, the exchange format as JSON Schema, from the zod schema that the
// library validates with. A test checks the committed file is current.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { graphJsonSchemaText } from '../src/model/json-schema.ts';

const target = fileURLToPath(new URL('../schema/graph.schema.json', import.meta.url));
writeFileSync(target, graphJsonSchemaText());
console.log(`wrote ${target}`);
