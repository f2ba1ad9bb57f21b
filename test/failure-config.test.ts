// Connection settings: TLS URIs (bolt+s://, neo4j+s://) are accepted as they are; a bad URI or a
// missing password is one CONFIG_INVALID line that never shows the password. No server needed.
import { describe, expect, it } from 'vitest';
import { neo4jConfig } from '../src/config.ts';
import { isKgError } from '../src/errors.ts';
import { main } from '../src/cli.ts';

const SECRET = 'tls-test-secret-Zq9';

function configFor(uri: string, extra: NodeJS.ProcessEnv = {}) {
  return neo4jConfig({}, { NEO4J_URI: uri, NEO4J_PASSWORD: SECRET, ...extra });
}

describe('Neo4j connection settings', () => {
  it.each(['bolt+s://db.example.org:7687', 'neo4j+s://abc123.databases.example.io', 'bolt+ssc://10.0.0.5:7687', 'neo4j://127.0.0.1', 'bolt://localhost:7687'])('accepts %s', (uri) => {
    const config = configFor(uri, { NEO4J_DATABASE: 'deals', NEO4J_USERNAME: 'reader' });
    expect(config).toEqual({ uri, username: 'reader', password: SECRET, database: 'deals' });
  });

  it.each(['http://127.0.0.1:7474', 'https://db.example.org', 'db.example.org:7687', 'bolt:/missing-slash', ''])('refuses %j with CONFIG_INVALID and no password in the message', (uri) => {
    let caught: unknown;
    try {
      configFor(uri);
    } catch (error) {
      caught = error;
    }
    expect(isKgError(caught) && caught.code).toBe('CONFIG_INVALID');
    expect(isKgError(caught) && caught.toLine()).not.toContain(SECRET);
  });

  it('prints one line and exits 1 for a bad --uri, without the password', async () => {
    let out = '';
    let err = '';
    const previous = process.env.NEO4J_PASSWORD;
    process.env.NEO4J_PASSWORD = SECRET;
    try {
      const code = await main(['ingest', '--uri', 'http://127.0.0.1:7474', 'nothing.txt'], { out: (s) => void (out += s), err: (s) => void (err += s) });
      expect(code).toBe(1);
    } finally {
      if (previous === undefined) delete process.env.NEO4J_PASSWORD;
      else process.env.NEO4J_PASSWORD = previous;
    }
    expect(out).toBe('');
    expect(err).toMatch(/^kg: neo4j: Neo4j is not configured \(uri must be a bolt:\/\/.*\[CONFIG_INVALID\]\n$/);
    expect(err).not.toContain(SECRET);
  });
});
