// A local Neo4j Community server for development and tests, with no installer: Maven fetches the
// server's jars from Maven Central (tools/neo4j-server/pom.xml) and we run its own entry point,
// org.neo4j.server.CommunityEntryPoint, the class `neo4j console` runs, as a detached JVM.
// Everything lives in the git-ignored .neo4j/ folder:
//   lib/        the jars (lib/.complete holds the pom's hash, so a changed pom downloads again)
//   conf/       neo4j.conf, rewritten on every start from the options below
//   data/ logs/ the server's own folders; logs/console.log is the JVM's stdout and stderr
//   password    the password the data folder was initialized with, the only copy we keep
//   neo4j.pid   the server's pid while it runs; server.json says which ports it listens on
// scripts/neo4j.ts is the CLI; test/support/global-setup.ts calls startNeo4j/stopNeo4j directly;
// `kg load --bulk` (src/bulk/load.ts) runs neo4j-admin's import through runNeo4jAdmin while the server
// is stopped, which is why this module is part of src/ and of the built package.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEnv } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';

export const DEFAULT_BOLT_PORT = 7687;
export const DEFAULT_HTTP_PORT = 7474;
const HOST = '127.0.0.1';
const USERNAME = 'neo4j';
const DATABASE = 'neo4j';
/** Neo4j's own default for dbms.security.auth_minimum_password_length. */
const MIN_PASSWORD_LENGTH = 8;
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_ENTRY_POINT = 'org.neo4j.server.startup.Neo4jAdminCommand';

const DEFAULT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Neo4j Browser's address with the connection form filled in: the Bolt URI to connect to and user
 * name/password authentication (the password is still typed in, never put in a URL). `localhost`
 * rather than 127.0.0.1, the address the Browser's own links use.
 */
export function browserUrl(httpPort: number, boltUri: string): string {
  const dbms = boltUri.replace('//127.0.0.1', '//localhost');
  return `http://localhost:${httpPort}/browser/?dbms=${dbms}&preselectAuthMethod=BASIC_AUTH`;
}

export class Neo4jServerError extends Error {
  override readonly name = 'Neo4jServerError';
}

export interface Neo4jStartOptions {
  /** Project root holding tools/neo4j-server/pom.xml; .neo4j/ and .env go here. */
  root?: string | undefined;
  /** Default: env NEO4J_BOLT_PORT, else 7687. */
  boltPort?: number | undefined;
  /** Default: env NEO4J_HTTP_PORT, else 7474. */
  httpPort?: number | undefined;
  /** Default: env NEO4J_PASSWORD, else .neo4j/password, else a generated one. */
  password?: string | undefined;
  /** How long to wait for Bolt (accepting our credentials) and HTTP. Default: env NEO4J_START_TIMEOUT (s), else 120 s. */
  timeoutMs?: number | undefined;
  /** JVM heap ceiling, e.g. "1g". Default: env NEO4J_HEAP_MAX, else 1g. */
  heapMax?: string | undefined;
  /** Page cache size, e.g. "256m". Default: env NEO4J_PAGECACHE_SIZE, else 256m. */
  pageCache?: string | undefined;
  /** Write NEO4J_URI/USERNAME/PASSWORD/DATABASE into <root>/.env (other lines are kept). */
  writeEnvFile?: boolean | undefined;
  /** Progress lines; never receives the password. Default: stderr with a "neo4j: " prefix. */
  log?: ((line: string) => void) | undefined;
  /** Where NEO4J_* settings and PATH/JAVA_HOME come from. Default: process.env. */
  env?: NodeJS.ProcessEnv | undefined;
}

export interface Neo4jConnection {
  uri: string;
  username: string;
  password: string;
  database: string;
  /** True when this call launched the JVM, false when a server we started earlier was already up. */
  startedByUs: boolean;
  httpUrl: string;
  /** Neo4j Browser with this server's connection filled in (browserUrl). */
  browserUrl: string;
  pid: number;
}

export interface Neo4jStopOptions {
  root?: string | undefined;
  /** Grace period after SIGTERM before SIGKILL. Default 60 s (a clean stop checkpoints the store). */
  timeoutMs?: number | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface Neo4jStatus {
  running: boolean;
  pid?: number;
  boltPort?: number;
  httpPort?: number;
  version?: string;
}

interface ServerState {
  pid: number;
  boltPort: number;
  httpPort: number;
  version: string;
  startedAt: string;
}

interface Paths {
  root: string;
  home: string;
  lib: string;
  libMarker: string;
  conf: string;
  data: string;
  systemDb: string;
  logs: string;
  pidFile: string;
  stateFile: string;
  passwordFile: string;
  lockFile: string;
  pom: string;
  envFile: string;
}

function pathsFor(root: string = DEFAULT_ROOT): Paths {
  const home = join(resolve(root), '.neo4j');
  return {
    root: resolve(root),
    home,
    lib: join(home, 'lib'),
    libMarker: join(home, 'lib', '.complete'),
    conf: join(home, 'conf'),
    data: join(home, 'data'),
    systemDb: join(home, 'data', 'databases', 'system'),
    logs: join(home, 'logs'),
    pidFile: join(home, 'neo4j.pid'),
    stateFile: join(home, 'server.json'),
    passwordFile: join(home, 'password'),
    lockFile: join(home, 'start.lock'),
    pom: join(resolve(root), 'tools', 'neo4j-server', 'pom.xml'),
    envFile: join(resolve(root), '.env'),
  };
}

const defaultLog = (line: string): void => {
  process.stderr.write(`neo4j: ${line}\n`);
};

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function tail(path: string, lines: number): string {
  const text = readText(path);
  if (text === undefined) return '';
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function parsePort(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Neo4jServerError(`${name} must be a TCP port (1-65535), got "${value}"`);
  }
  return port;
}

function parseSeconds(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Neo4jServerError(`${name} must be a number of seconds, got "${value}"`);
  return seconds;
}

function parseSize(value: string, name: string): string {
  if (!/^\d+[kmg]$/i.test(value)) throw new Neo4jServerError(`${name} must look like 512m or 1g, got "${value}"`);
  return value.toLowerCase();
}

/** The Neo4j version the pom pins, so messages and server.json name what actually runs. */
function pinnedVersion(pomText: string): string {
  return /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(pomText)?.[1] ?? 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Processes

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means "alive".
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A zombie answers kill(0) although it has exited; on Linux /proc tells the difference.
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === undefined) return true;
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

/** Guards against a stale pid file whose number now belongs to an unrelated process. */
function isOurServer(pid: number, p: Paths): boolean {
  if (!isAlive(pid)) return false;
  const cmdline = readText(`/proc/${pid}/cmdline`);
  if (cmdline === undefined) return process.platform !== 'linux';
  const args = cmdline.split('\0');
  return args.includes(ENTRY_POINT) && args.includes(`--home-dir=${p.home}`);
}

function readPid(p: Paths): number | undefined {
  const text = readText(p.pidFile)?.trim();
  if (!text) return undefined;
  const pid = Number(text);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function readState(p: Paths): ServerState | undefined {
  const text = readText(p.stateFile);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as ServerState;
  } catch {
    return undefined;
  }
}

/** Our server's pid: from the pid file, else (file lost, say) by looking for its command line. */
function runningPid(p: Paths): number | undefined {
  const pid = readPid(p);
  if (pid !== undefined && isOurServer(pid, p)) return pid;
  if (!existsSync('/proc/self/cmdline')) return undefined;
  for (const entry of readdirSync('/proc')) {
    const candidate = Number(entry);
    if (Number.isInteger(candidate) && candidate > 0 && isOurServer(candidate, p)) return candidate;
  }
  return undefined;
}

function clearRunFiles(p: Paths): void {
  rmSync(p.pidFile, { force: true });
  rmSync(p.stateFile, { force: true });
}

/**
 * Serializes starts: a test run and `npm run neo4j:start` in the same checkout must not both
 * download into lib/ or both launch a JVM on the same data folder.
 */
async function withStartLock<T>(p: Paths, log: (line: string) => void, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 15 * 60_000;
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(p.lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readText(p.lockFile)?.trim());
      if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) {
        rmSync(p.lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Neo4jServerError(`another start (pid ${holder}) has held ${relative(p.root, p.lockFile)} for 15 min`);
      }
      if (!announced) log(`waiting for another start of this server (pid ${holder}) to finish`);
      announced = true;
      await sleep(1000);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(p.lockFile, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Tools: Maven and Java

function resolveJava(env: NodeJS.ProcessEnv): string {
  const javaHome = env.NEO4J_JAVA_HOME || env.JAVA_HOME;
  return javaHome ? join(javaHome, 'bin', 'java') : 'java';
}

function checkJava(java: string, log: (line: string) => void): void {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new Neo4jServerError(`${java} not found — install a JDK 17 or 21 (or set NEO4J_JAVA_HOME)`);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  const first = Number(match?.[1]);
  const major = first === 1 ? Number(match?.[2]) : first;
  if (!Number.isFinite(major)) return; // Unusual banner: let the JVM speak for itself.
  if (major < 17) {
    throw new Neo4jServerError(`Neo4j 5.26 needs Java 17 or 21, but ${java} is Java ${major} (set NEO4J_JAVA_HOME)`);
  }
  if (major !== 17 && major !== 21) log(`Neo4j 5.26 supports Java 17 and 21; trying Java ${major}`);
}

/**
 * Copies the server's jars from Maven Central into .neo4j/lib. Skipped when lib/.complete holds
 * the hash of the current pom, so re-runs never touch the network. Maven's own cache (~/.m2)
 * makes a fresh clone on the same machine cheap too.
 */
async function ensureJars(p: Paths, log: (line: string) => void, env: NodeJS.ProcessEnv): Promise<string> {
  const pomText = readText(p.pom);
  if (pomText === undefined) throw new Neo4jServerError(`${relative(p.root, p.pom)} is missing`);
  const version = pinnedVersion(pomText);
  const digest = createHash('sha256').update(pomText).digest('hex');
  if (readText(p.libMarker)?.trim() === digest) return version;

  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8', env });
  if (probe.error) throw new Neo4jServerError('mvn not found on PATH — install Maven (e.g. apt-get install maven)');

  const partial = `${p.lib}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const mavenLog = join(p.logs, 'maven.log');
  log(`resolving Neo4j Community ${version} with mvn (once per checkout; about 140 MB from Maven Central unless ~/.m2 has it); log: ${relative(p.root, mavenLog)}`);
  const started = Date.now();
  const logFd = openSync(mavenLog, 'w');
  let fetched = 0;
  const exitCode = await new Promise<number>((done, fail) => {
    const child = spawn('mvn', ['-B', '-f', p.pom, 'dependency:copy-dependencies', `-DoutputDirectory=${partial}`], { cwd: p.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Batch mode prints one "Downloaded from" line per file; counting them gives a heartbeat
    // without flooding the console with several hundred lines. Each stream keeps its own partial
    // line, and is decoded as a stream so a character split across two chunks stays whole.
    const countLines = (stream: NodeJS.ReadableStream): void => {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        writeSync(logFd, chunk);
        pending += chunk;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        fetched += lines.filter((line) => line.includes('Downloaded from')).length;
      });
    };
    countLines(child.stdout);
    countLines(child.stderr);
    const heartbeat = setInterval(() => {
      log(`  still resolving: ${fetched} files downloaded so far, ${Math.round((Date.now() - started) / 1000)} s`);
    }, 15_000);
    child.on('error', (error) => {
      clearInterval(heartbeat);
      fail(error);
    });
    child.on('close', (code) => {
      clearInterval(heartbeat);
      done(code ?? 1);
    });
  }).finally(() => closeSync(logFd));

  if (exitCode !== 0) {
    const firstError = (readText(mavenLog) ?? '').split('\n').find((line) => line.startsWith('[ERROR]')) ?? '';
    throw new Neo4jServerError(`mvn could not fetch Neo4j ${version} (exit ${exitCode}); see ${relative(p.root, mavenLog)}` + (firstError ? `\n${firstError}` : ''));
  }
  rmSync(p.lib, { recursive: true, force: true });
  renameSync(partial, p.lib);
  writeFileSync(p.libMarker, `${digest}\n`);
  log(`resolved Neo4j ${version} in ${((Date.now() - started) / 1000).toFixed(1)} s (${fetched} files downloaded)`);
  return version;
}

// ---------------------------------------------------------------------------------------------
// Password

function generatePassword(): string {
  // base64url has no characters that need quoting in .env files or shells.
  return randomBytes(18).toString('base64url');
}

function writePasswordFile(p: Paths, password: string): void {
  writeFileSync(p.passwordFile, `${password}\n`, { mode: 0o600 });
}

/**
 * Sets the password of a data folder that has never been started, as `neo4j-admin dbms
 * set-initial-password` does (it writes data/dbms/auth.ini, read on first start). The password
 * goes through a picocli @-file so it never shows in `ps`.
 */
function setInitialPassword(p: Paths, java: string, password: string, env: NodeJS.ProcessEnv): void {
  const argsFile = join(p.home, `.admin-args-${process.pid}`);
  // picocli reads @-files as whitespace-separated tokens; quote the password so any character works.
  const quoted = `"${password.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  writeFileSync(argsFile, `dbms\nset-initial-password\n${quoted}\n`, { mode: 0o600 });
  try {
    const result = spawnSync(java, ['-cp', join(p.lib, '*'), ADMIN_ENTRY_POINT, `@${argsFile}`], {
      cwd: p.home,
      encoding: 'utf8',
      env: { ...childEnv(env), NEO4J_HOME: p.home, NEO4J_CONF: p.conf },
    });
    if (result.error || result.status !== 0) {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- spawnSync leaves both null when java could not start, whatever its types say
      const detail = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-5).join('\n');
      throw new Neo4jServerError(`setting the initial password failed (exit ${result.status})\n${detail}`);
    }
  } finally {
    rmSync(argsFile, { force: true });
  }
}

function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  // The JVM has no use for the password; keep it out of /proc/<pid>/environ.
  const { NEO4J_PASSWORD: _omit, ...rest } = env;
  return rest;
}

// ---------------------------------------------------------------------------------------------
// Server

function writeConfig(p: Paths, boltPort: number, httpPort: number, heapMax: string, pageCache: string): void {
  const lines = [
    '# Written by src/local-server/neo4j-server.ts on every start; edit the script, not this file.',
    '# Folders (data, logs, run, import, plugins) default to the home folder, .neo4j/.',
    `server.default_listen_address=${HOST}`,
    `server.default_advertised_address=${HOST}`,
    'server.bolt.enabled=true',
    `server.bolt.listen_address=${HOST}:${boltPort}`,
    `server.bolt.advertised_address=${HOST}:${boltPort}`,
    'server.http.enabled=true',
    `server.http.listen_address=${HOST}:${httpPort}`,
    `server.http.advertised_address=${HOST}:${httpPort}`,
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    // The machine reaches no Neo4j endpoint anyway; this only silences the attempts.
    'dbms.usage_report.enabled=false',
    // Bolt's Netty loops otherwise idle 5 s each (two of them) before exiting, which made every
    // stop take ~10 s; the store is checkpointed before this point, so nothing is lost.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period=0',
    // Preallocation reserves 256 MB per transaction log (two databases: half a gigabyte for an
    // empty store); a development server does not need it.
    'db.tx_log.preallocate=false',
    // Transaction logs are kept two days by default, for incremental backups this server never takes:
    // a few benchmark runs left 12 GB of them. Keep about 500 MB (pruned at each checkpoint).
    'db.tx_log.rotation.retention_policy=500M size',
    // Informational: the JVM flags below are what actually size the heap.
    'server.memory.heap.initial_size=512m',
    `server.memory.heap.max_size=${heapMax}`,
    `server.memory.pagecache.size=${pageCache}`,
    '',
  ];
  writeFileSync(join(p.conf, 'neo4j.conf'), lines.join('\n'));
}

function jvmArgs(p: Paths, heapMax: string): string[] {
  return [
    '-cp',
    `${join(p.conf, '*')}:${join(p.lib, '*')}`,
    '-Xms512m',
    `-Xmx${heapMax}`,
    // Mirrors the server.jvm.additional defaults of the neo4j.conf that ships with 5.26.
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.tls.ephemeralDHKeySize=2048',
    '-Djdk.tls.rejectClientInitiatedRenegotiation=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    ENTRY_POINT,
    `--home-dir=${p.home}`,
    `--config-dir=${p.conf}`,
  ];
}

function assertPortFree(port: number, envName: string): Promise<void> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      fail(new Neo4jServerError(error.code === 'EADDRINUSE' ? `port ${port} on ${HOST} is taken by another process (not the server in .neo4j/); free it or set ${envName}` : `cannot check port ${port}: ${error.message}`));
    });
    server.listen(port, HOST, () => server.close(() => done()));
  });
}

function isAuthError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('Neo.ClientError.Security.');
}

function makeDriver(uri: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(USERNAME, password), {
    connectionTimeout: 3000,
    connectionAcquisitionTimeout: 5000,
  });
}

type BoltAnswer = 'ok' | 'unauthorized';

/**
 * Polls Bolt until it accepts `password` or says it never will. An auth failure ends the wait
 * at once: retrying would only trip Neo4j's lockout after a few bad attempts.
 */
async function waitForBolt(uri: string, password: string, deadline: number, pid: number, p: Paths, timeoutMs: number): Promise<BoltAnswer> {
  const driver = makeDriver(uri, password);
  try {
    for (;;) {
      try {
        await driver.verifyConnectivity({ database: DATABASE });
        return 'ok';
      } catch (error) {
        if (isAuthError(error)) return 'unauthorized';
      }
      if (!isAlive(pid)) {
        const lastLines = tail(join(p.logs, 'console.log'), 15) || tail(join(p.logs, 'neo4j.log'), 15);
        throw new Neo4jServerError(`the server (pid ${pid}) exited during startup; see ${relative(p.root, join(p.logs, 'neo4j.log'))} and ${relative(p.root, join(p.logs, 'console.log'))}${lastLines ? `\n${lastLines}` : ''}`);
      }
      if (Date.now() > deadline) {
        throw new Neo4jServerError(`Bolt did not answer within ${Math.round(timeoutMs / 1000)} s; see ${relative(p.root, join(p.logs, 'neo4j.log'))}`);
      }
      await sleep(500);
    }
  } finally {
    await driver.close();
  }
}

/**
 * HTTP (and so Neo4j Browser) comes up after Bolt, seconds later on a busy machine; waiting for it
 * too means "ready" holds for both.
 */
async function waitForHttp(url: string, deadline: number, p: Paths, timeoutMs: number): Promise<void> {
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      throw new Neo4jServerError(`HTTP did not answer on ${url} within ${Math.round(timeoutMs / 1000)} s; see ${relative(p.root, join(p.logs, 'neo4j.log'))}`);
    }
    await sleep(500);
  }
}

async function changePassword(uri: string, from: string, to: string): Promise<void> {
  const driver = makeDriver(uri, from);
  try {
    await driver.executeQuery('ALTER CURRENT USER SET PASSWORD FROM $from TO $to', { from, to }, { database: 'system' });
  } finally {
    await driver.close();
  }
}

/**
 * Makes the running server accept `desired`. The data folder keeps the password it was first
 * started with, so when NEO4J_PASSWORD now says otherwise we log in with the stored one and
 * change it, keeping .neo4j/password the truth about the data folder.
 */
async function settlePassword(uri: string, desired: string, stored: string | undefined, source: string, waitFor: (password: string) => Promise<BoltAnswer>, p: Paths, log: (line: string) => void): Promise<void> {
  const first = stored ?? desired;
  const answer = await waitFor(first);
  if (answer === 'unauthorized') {
    throw new Neo4jServerError(
      `the server rejected ${source}: ${relative(p.root, p.data)} was initialized with another one. Set NEO4J_PASSWORD to that password, or run \`npm run neo4j:stop\`, delete ${relative(p.root, p.data)} and start again`,
    );
  }
  if (first !== desired) {
    await changePassword(uri, first, desired);
    log(`changed the neo4j user's password to the one in NEO4J_PASSWORD`);
  }
  writePasswordFile(p, desired);
}

function quoteEnvValue(value: string): string {
  if (/^[\w@%+=:,./-]*$/.test(value)) return value;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Updates the NEO4J_* keys of .env, leaving every other line of it alone. */
function writeEnvFile(p: Paths, values: Record<string, string>): void {
  const existing = readText(p.envFile) ?? '';
  const keys = new Set(Object.keys(values));
  const lines = existing.trim() === '' ? [] : existing.trimEnd().split('\n');
  const kept = lines.filter(
    (line) =>
      !keys.has(
        line
          .split('=')[0]
          ?.replace(/^export\s+/, '')
          .trim() ?? '',
      ),
  );
  const fresh = Object.entries(values).map(([key, value]) => `${key}=${quoteEnvValue(value)}`);
  writeFileSync(p.envFile, `${[...kept, ...fresh].join('\n')}\n`, { mode: 0o600 });
  // Guard against a quoting slip: the project reads .env with node:util parseEnv.
  const parsed = parseEnv(readFileSync(p.envFile, 'utf8'));
  for (const [key, value] of Object.entries(values)) {
    if (parsed[key] !== value) throw new Neo4jServerError(`.env does not round-trip ${key}; set it by hand`);
  }
}

/**
 * Starts the local server (downloading it on first use) and waits until Bolt accepts our
 * credentials. When a server from this .neo4j/ folder already runs, it is reused and
 * `startedByUs` is false, so callers know not to stop it.
 */
export async function startNeo4j(options: Neo4jStartOptions = {}): Promise<Neo4jConnection> {
  const env = options.env ?? process.env;
  const log = options.log ?? defaultLog;
  const p = pathsFor(options.root);
  const boltPort = options.boltPort ?? parsePort(env.NEO4J_BOLT_PORT, 'NEO4J_BOLT_PORT', DEFAULT_BOLT_PORT);
  const httpPort = options.httpPort ?? parsePort(env.NEO4J_HTTP_PORT, 'NEO4J_HTTP_PORT', DEFAULT_HTTP_PORT);
  const timeoutMs = options.timeoutMs ?? parseSeconds(env.NEO4J_START_TIMEOUT, 'NEO4J_START_TIMEOUT', 120) * 1000;
  const heapMax = parseSize(options.heapMax ?? env.NEO4J_HEAP_MAX ?? '1g', 'NEO4J_HEAP_MAX');
  const pageCache = parseSize(options.pageCache ?? env.NEO4J_PAGECACHE_SIZE ?? '256m', 'NEO4J_PAGECACHE_SIZE');
  const explicitPassword = options.password ?? (env.NEO4J_PASSWORD || undefined);
  if (explicitPassword !== undefined && explicitPassword.length < MIN_PASSWORD_LENGTH) {
    throw new Neo4jServerError(`NEO4J_PASSWORD must have at least ${MIN_PASSWORD_LENGTH} characters (Neo4j's minimum)`);
  }

  for (const dir of [p.home, p.conf, p.data, p.logs]) mkdirSync(dir, { recursive: true });

  const connection = await withStartLock(p, log, async () => {
    const version = await ensureJars(p, log, env);
    const stored = readText(p.passwordFile)?.trim() || undefined;
    const desired = explicitPassword ?? stored ?? generatePassword();
    const passwordFile = relative(p.root, p.passwordFile);
    let source = stored !== undefined ? `the password in ${passwordFile}` : explicitPassword !== undefined ? 'the password in NEO4J_PASSWORD' : `a newly generated password (${passwordFile} is missing)`;

    const alreadyRunning = runningPid(p);
    if (alreadyRunning !== undefined) {
      const state = readState(p);
      const port = state?.boltPort ?? boltPort;
      if (port !== boltPort) log(`already running on Bolt port ${port}, not ${boltPort}; stop it to change ports`);
      const uri = `bolt://${HOST}:${port}`;
      const deadline = Date.now() + timeoutMs;
      await settlePassword(uri, desired, stored, source, (pw) => waitForBolt(uri, pw, deadline, alreadyRunning, p, timeoutMs), p, log);
      if (readPid(p) !== alreadyRunning) writeFileSync(p.pidFile, `${alreadyRunning}\n`);
      log(`already running (pid ${alreadyRunning}) at ${uri}; reusing it`);
      return { uri, httpPort: state?.httpPort ?? httpPort, pid: alreadyRunning, startedByUs: false, password: desired };
    }
    clearRunFiles(p);

    const java = resolveJava(env);
    checkJava(java, log);
    await assertPortFree(boltPort, 'NEO4J_BOLT_PORT');
    await assertPortFree(httpPort, 'NEO4J_HTTP_PORT');
    writeConfig(p, boltPort, httpPort, heapMax, pageCache);

    // The system database exists once the server has started on this data folder; before that,
    // the password can be set offline and no default password ever goes over the wire.
    let knownPassword = stored;
    if (!existsSync(p.systemDb)) {
      setInitialPassword(p, java, desired, env);
      writePasswordFile(p, desired);
      knownPassword = desired;
      source = `the password just set in ${passwordFile}`;
    }

    const started = Date.now();
    const consoleLog = openSync(join(p.logs, 'console.log'), 'a');
    const child = spawn(java, jvmArgs(p, heapMax), {
      cwd: p.home,
      env: childEnv(env),
      detached: true, // its own process group: a Ctrl-C in the caller's terminal does not reach it
      stdio: ['ignore', consoleLog, consoleLog],
    });
    closeSync(consoleLog);
    const pid = await new Promise<number>((done, fail) => {
      child.once('spawn', () => done(child.pid ?? 0));
      child.once('error', (error) => fail(new Neo4jServerError(`cannot run ${java}: ${error.message}`)));
    });
    child.unref();
    writeFileSync(p.pidFile, `${pid}\n`);
    const state: ServerState = { pid, boltPort, httpPort, version, startedAt: new Date().toISOString() };
    writeFileSync(p.stateFile, `${JSON.stringify(state, null, 2)}\n`);
    log(`started Neo4j ${version} (pid ${pid}), waiting for Bolt on ${HOST}:${boltPort} and HTTP on ${HOST}:${httpPort}`);

    const uri = `bolt://${HOST}:${boltPort}`;
    const deadline = started + timeoutMs;
    try {
      await settlePassword(uri, desired, knownPassword, source, (pw) => waitForBolt(uri, pw, deadline, pid, p, timeoutMs), p, log);
      await waitForHttp(`http://${HOST}:${httpPort}/`, deadline, p, timeoutMs);
    } catch (error) {
      // Leave nothing half-started behind: the caller will not know to stop it.
      await stopNeo4j({ root: p.root, log: () => {} }).catch(() => {});
      throw error;
    }
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${uri}, browser ${browserUrl(httpPort, uri)}`);
    return { uri, httpPort, pid, startedByUs: true, password: desired };
  });

  const result: Neo4jConnection = {
    uri: connection.uri,
    username: USERNAME,
    password: connection.password,
    database: DATABASE,
    startedByUs: connection.startedByUs,
    httpUrl: `http://${HOST}:${connection.httpPort}`,
    browserUrl: browserUrl(connection.httpPort, connection.uri),
    pid: connection.pid,
  };
  if (options.writeEnvFile) {
    writeEnvFile(p, {
      NEO4J_URI: result.uri,
      NEO4J_USERNAME: result.username,
      NEO4J_PASSWORD: result.password,
      NEO4J_DATABASE: result.database,
    });
  }
  return result;
}

/** Stops the server this .neo4j/ folder started: SIGTERM, then SIGKILL after the grace period. */
export async function stopNeo4j(options: Neo4jStopOptions = {}): Promise<{ wasRunning: boolean }> {
  const p = pathsFor(options.root);
  const log = options.log ?? defaultLog;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pid = runningPid(p);
  if (pid === undefined) {
    clearRunFiles(p);
    return { wasRunning: false };
  }
  const started = Date.now();
  process.kill(pid, 'SIGTERM');
  while (isAlive(pid) && Date.now() - started < timeoutMs) await sleep(200);
  if (isAlive(pid)) {
    log(`pid ${pid} did not stop within ${Math.round(timeoutMs / 1000)} s; sending SIGKILL`);
    process.kill(pid, 'SIGKILL');
    const killed = Date.now();
    while (isAlive(pid) && Date.now() - killed < 10_000) await sleep(200);
    if (isAlive(pid)) throw new Neo4jServerError(`pid ${pid} survived SIGKILL`);
  }
  clearRunFiles(p);
  log(`stopped (pid ${pid}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { wasRunning: true };
}

export function neo4jStatus(options: { root?: string | undefined } = {}): Neo4jStatus {
  const p = pathsFor(options.root);
  const pid = runningPid(p);
  if (pid === undefined) return { running: false };
  const state = readState(p);
  return {
    running: true,
    pid,
    ...(state ? { boltPort: state.boltPort, httpPort: state.httpPort, version: state.version } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Offline administration (the bulk import of `kg load --bulk`, src/bulk/load.ts)

/** How the local server was last started: enough to start it again the same way after offline work. */
export interface Neo4jServerSettings {
  boltPort: number;
  httpPort: number;
  heapMax: string;
  pageCache: string;
}

/** The settings of the running local server (server.json and the neo4j.conf its start wrote); undefined when it does not run. */
export function runningServerSettings(options: { root?: string | undefined } = {}): Neo4jServerSettings | undefined {
  const p = pathsFor(options.root);
  if (runningPid(p) === undefined) return undefined;
  const state = readState(p);
  if (!state) return undefined;
  const conf = readText(join(p.conf, 'neo4j.conf')) ?? '';
  const setting = (name: string, fallback: string): string => new RegExp(`^${name.replace(/\./g, '\\.')}=(.+)$`, 'm').exec(conf)?.[1]?.trim() ?? fallback;
  return { boltPort: state.boltPort, httpPort: state.httpPort, heapMax: setting('server.memory.heap.max_size', '1g'), pageCache: setting('server.memory.pagecache.size', '256m') };
}

export interface Neo4jAdminResult {
  status: number;
  /** The last lines of its output (the whole of it is in logFile). */
  tail: string;
}

/**
 * The class the neo4j-admin launcher (ADMIN_ENTRY_POINT) starts in a second JVM, with the command line
 * its --verbose prints: running it directly saves one JVM start (about 3 s here) per command.
 */
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';
/** The launcher's default heap for admin commands. */
const ADMIN_HEAP = '1g';

/**
 * Runs `neo4j-admin ARGS` (its tool class from the downloaded jars, as the launcher would) on the
 * local server's home and configuration, output to `logFile`. The server must be stopped for commands
 * that write a database.
 */
export async function runNeo4jAdmin(
  args: readonly string[],
  options: { root?: string | undefined; logFile: string; env?: NodeJS.ProcessEnv | undefined; /** Extra JVM options (JIT, GC), before the tool class. */ jvmOptions?: readonly string[] },
): Promise<Neo4jAdminResult> {
  const p = pathsFor(options.root);
  const env = options.env ?? process.env;
  const java = resolveJava(env);
  const logFd = openSync(options.logFile, 'w');
  try {
    const status = await new Promise<number>((done, fail) => {
      const jvm = ['-cp', `${join(p.conf, '*')}:${join(p.lib, '*')}`, '-Dfile.encoding=UTF-8', `-Xmx${ADMIN_HEAP}`, ...(options.jvmOptions ?? [])];
      const child = spawn(java, [...jvm, ADMIN_TOOL, ...args], {
        cwd: p.home,
        env: { ...childEnv(env), NEO4J_HOME: p.home, NEO4J_CONF: p.conf },
        stdio: ['ignore', logFd, logFd],
      });
      child.once('error', (error) => fail(new Neo4jServerError(`cannot run ${java}: ${error.message}`)));
      child.once('close', (code) => done(code ?? 1));
    });
    return { status, tail: tail(options.logFile, 8) };
  } finally {
    closeSync(logFd);
  }
}

/**
 * Deletes a database's store and transaction logs (the server must be stopped): after a failed
 * import they are unusable, and on the next start the server creates the database again, empty.
 */
export function removeDatabaseStore(database: string, options: { root?: string | undefined } = {}): void {
  const p = pathsFor(options.root);
  if (!/^[A-Za-z0-9._-]+$/.test(database) || database === 'system') throw new Neo4jServerError(`"${database}" is not a user database name`);
  rmSync(join(p.data, 'databases', database), { recursive: true, force: true });
  rmSync(join(p.data, 'transactions', database), { recursive: true, force: true });
}
