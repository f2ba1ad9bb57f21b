// The local Neo4j server lives in src/local-server.ts (kg load --bulk needs it, so it is part of the
// built package); this re-export keeps the scripts' and tests' imports of scripts/neo4j-server.ts working.
export * from '../src/local-server.ts';
