// The Neo4j settings for integration tests, as test/support/global-setup.ts left them in process.env.
// Reading them through here gives a clear message when a test runs without that setup (for
// example a config that drops globalSetup) instead of a driver error about an undefined URI.
export interface Neo4jTestConfig {
  uri: string;
  username: string;
  password: string;
  database: string;
}

export function neo4jConfig(env: NodeJS.ProcessEnv = process.env): Neo4jTestConfig {
  const uri = env.NEO4J_URI;
  const password = env.NEO4J_PASSWORD;
  if (!uri || !password) {
    throw new Error('NEO4J_URI/NEO4J_PASSWORD are not set: run the tests through vitest.config.ts (its globalSetup starts ' + 'a local Neo4j), or set NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE yourself');
  }
  return {
    uri,
    username: env.NEO4J_USERNAME || 'neo4j',
    password,
    database: env.NEO4J_DATABASE || 'neo4j',
  };
}
