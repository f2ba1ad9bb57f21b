// CLI for the local Neo4j server: `npm run neo4j:start` / `npm run neo4j:stop`, or
// `node bin/run.js scripts/neo4j.ts start|stop|status`. The work is in src/local-server/neo4j-server.ts.
// Exit status: 0 on success (status: running), 1 on failure, 2 on bad usage, 3 when status finds
// no server (the LSB convention, so shell scripts can test it).
import { Neo4jServerError, neo4jStatus, startNeo4j, stopNeo4j } from '../src/local-server/neo4j-server.ts';

const USAGE = 'usage: neo4j.ts start|stop|status';

async function main(command: string | undefined): Promise<number> {
  switch (command) {
    case 'start': {
      const server = await startNeo4j({ writeEnvFile: true });
      // Never the password itself: it is in .env and .neo4j/password.
      console.log(`neo4j: ${server.uri} (user ${server.username}, database ${server.database}); wrote .env`);
      console.log(`neo4j: Browser ${server.browserUrl}`);
      return 0;
    }
    case 'stop': {
      const { wasRunning } = await stopNeo4j();
      if (!wasRunning) console.log('neo4j: not running');
      return 0;
    }
    case 'status': {
      const status = neo4jStatus();
      if (!status.running) {
        console.log('neo4j: not running');
        return 3;
      }
      const ports = status.boltPort === undefined ? '' : ` on bolt://127.0.0.1:${status.boltPort}, http://127.0.0.1:${status.httpPort}`;
      console.log(`neo4j: running (pid ${status.pid}${status.version ? `, Neo4j ${status.version}` : ''})${ports}`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv[2]);
} catch (error) {
  // Expected failures get one clear line; anything else keeps its stack for debugging.
  console.error(error instanceof Neo4jServerError ? `neo4j: ${error.message}` : error);
  process.exitCode = 1;
}
