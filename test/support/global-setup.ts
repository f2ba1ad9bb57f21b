// Vitest globalSetup: gives the tests a Neo4j. When NEO4J_URI is already set (CI against another
// server, a developer's own instance) it is used as is. Otherwise the local server from .neo4j/ is
// started, or reused when `npm run neo4j:start` already runs it, and its settings are put into
// process.env. That is enough for the workers: Vitest 4 builds each worker's environment from
// process.env after globalSetup has run (test/neo4j-server.int.test.ts depends on it).
import { startNeo4j, stopNeo4j } from '../../src/local-server/neo4j-server.ts';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.NEO4J_URI) return undefined;

  const server = await startNeo4j({ log: (line) => console.log(`neo4j: ${line}`) });
  process.env.NEO4J_URI = server.uri;
  process.env.NEO4J_USERNAME = server.username;
  process.env.NEO4J_PASSWORD = server.password;
  process.env.NEO4J_DATABASE = server.database;

  // Stop only what this run started: a server from `npm run neo4j:start` outlives the tests.
  if (!server.startedByUs) return undefined;
  return async () => {
    await stopNeo4j({ log: (line) => console.log(`neo4j: ${line}`) });
  };
}
