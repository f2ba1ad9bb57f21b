// Proves the test setup end to end: the server that test/support/global-setup.ts provides answers Cypher
// over Bolt with the credentials it put into the worker's environment.
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neo4jConfig } from './support/neo4j-env.ts';

describe('Neo4j test server', () => {
  const config = neo4jConfig();
  let driver: Driver;

  beforeAll(() => {
    driver = neo4j.driver(config.uri, neo4j.auth.basic(config.username, config.password));
  });

  afterAll(async () => {
    await driver?.close();
  });

  it('answers RETURN 1 over Bolt', async () => {
    const { records } = await driver.executeQuery('RETURN 1 AS x', {}, { database: config.database });
    expect(records).toHaveLength(1);
    const x: unknown = records[0]?.get('x');
    expect(neo4j.isInt(x) && x.toNumber()).toBe(1);
  });
});
