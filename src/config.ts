// Connection settings for Neo4j: environment variables win over a `.env` file (in the working
// directory, else the project root), which `npm run neo4j:start` writes for the local server.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { KgError } from './errors.ts';

export const Neo4jConfig = z.object({
  uri: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt://, bolt+s://, neo4j:// or neo4j+s:// URI'),
  username: z.string().min(1),
  password: z.string().min(1),
  database: z.string().min(1),
});
export type Neo4jConfig = z.infer<typeof Neo4jConfig>;

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));

function readDotEnv(): Record<string, string> {
  for (const dir of [process.cwd(), PROJECT_ROOT]) {
    const path = join(dir, '.env');
    if (existsSync(path)) return parseEnv(readFileSync(path, 'utf8')) as Record<string, string>;
  }
  return {};
}

/** Resolves the Neo4j settings; `overrides` (CLI flags) win over the environment, which wins over `.env`. */
export function neo4jConfig(overrides: Partial<Neo4jConfig> = {}, env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const file = readDotEnv();
  const pick = (name: string): string | undefined => env[name] ?? file[name];
  const candidate = {
    uri: overrides.uri ?? pick('NEO4J_URI'),
    username: overrides.username ?? pick('NEO4J_USERNAME') ?? 'neo4j',
    password: overrides.password ?? pick('NEO4J_PASSWORD'),
    database: overrides.database ?? pick('NEO4J_DATABASE') ?? 'neo4j',
  };
  const parsed = Neo4jConfig.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'config'} ${i.message}`).join('; ');
    throw new KgError('CONFIG_INVALID', `Neo4j is not configured (${problems}). Run \`npm run neo4j:start\` for a local server, or set NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE.`, { subject: 'neo4j' });
  }
  return parsed.data;
}
