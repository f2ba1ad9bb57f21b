// `npm run demo`: the README's one command. Uses the Neo4j named by NEO4J_URI, else starts (or reuses)
// the local server, ingests the reference 8-K, prints what the graph now holds, where the Browser is
// (its URL with the connection filled in) and a first query to paste there.
import { fileURLToPath } from 'node:url';
import { neo4jConfig, type Neo4jConfig } from '../src/config.ts';
import { ingest } from '../src/api/ingest.ts';
import { isKgError } from '../src/errors.ts';
import { browserUrl, DEFAULT_HTTP_PORT, startNeo4j } from '../src/local-server/neo4j-server.ts';

const SAMPLE = fileURLToPath(new URL('../data/sample/immunogen-8k-2007-07-31.txt', import.meta.url));
const STYLE = fileURLToPath(new URL('../cypher/browser-style.grass', import.meta.url));

/** Where to open Neo4j Browser for a server given by NEO4J_URI: on this machine, its HTTP port; elsewhere, the server's own Browser. */
function browserFor(uri: string): string {
  const local = /^(bolt|neo4j):\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(uri);
  if (!local) return `the Browser of your server (or Aura's console), connecting to ${uri}`;
  const httpPort = Number(process.env.NEO4J_HTTP_PORT ?? DEFAULT_HTTP_PORT);
  return browserUrl(httpPort, uri);
}

async function connection(): Promise<{ config: Neo4jConfig; browser: string }> {
  if (process.env.NEO4J_URI) {
    const config = neo4jConfig();
    return { config, browser: browserFor(config.uri) };
  }
  const server = await startNeo4j({ writeEnvFile: true, log: (line) => console.log(`neo4j: ${line}`) });
  const { uri, username, password, database } = server;
  return { config: { uri, username, password, database }, browser: server.browserUrl };
}

function table(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  if (entries.length === 0) return '  (none)';
  const width = Math.max(...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `  ${k.padEnd(width)}  ${String(v).padStart(6)}`).join('\n');
}

async function demo(): Promise<void> {
  const { config, browser } = await connection();
  const summary = await ingest([SAMPLE], config, { documentCounts: true });
  for (const f of summary.failures) console.error(f.error.toLine());
  for (const d of summary.documents) {
    const changed = d.changes ? `: +${d.changes.nodesCreated} nodes, +${d.changes.relationshipsCreated} relationships in this run` : '';
    console.log(`${d.status} ${d.docId}${changed}`);
    console.log(`\nEntities the document names, by label:\n${table(d.counts.nodes)}`);
    console.log(`\nRelationships it supports, by type:\n${table(d.counts.relationships)}`);
  }
  console.log(`\nThe whole graph now: nodes by label\n${table(summary.counts.nodes)}`);
  console.log(`\nrelationships by type\n${table(summary.counts.relationships)}`);
  console.log(`
Neo4j Browser: ${browser}
  (user ${config.username}; the password is NEO4J_PASSWORD in .env)
Load the colours and captions: drag ${STYLE} onto the Browser, or run :style and paste it.
A first query to paste (who licenses what to whom, with the sentences that say so):
  MATCH (a:Company {name: 'ImmunoGen'})-[r:LICENSES_TO]->(b:Company)
  MATCH (e:Evidence {fact: r.key})
  RETURN a.name, b.name, r.exclusive, r.field, r.year, e.docId, e.sentences, e.rules
The whole neighbourhood as a picture:
  MATCH (c:Company {name: 'ImmunoGen'})-[r]-(x:Entity) RETURN c, r, x
More: npm run kg -- query licenses | milestones | drugs-by-target | company-pipeline | shortest-path | evidence`);
}

try {
  await demo();
} catch (error) {
  console.error(isKgError(error) ? `demo: ${error.toLine()}` : `demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
