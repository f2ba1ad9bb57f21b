export declare const DEFAULT_BOLT_PORT = 7687;
export declare const DEFAULT_HTTP_PORT = 7474;
/**
 * Neo4j Browser's address with the connection form filled in: the Bolt URI to connect to and user
 * name/password authentication (the password is still typed in, never put in a URL). `localhost`
 * rather than 127.0.0.1, the address the Browser's own links use.
 */
export declare function browserUrl(httpPort: number, boltUri: string): string;
export declare class Neo4jServerError extends Error {
    readonly name = "Neo4jServerError";
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
/**
 * Starts the local server (downloading it on first use) and waits until Bolt accepts our
 * credentials. When a server from this .neo4j/ folder already runs, it is reused and
 * `startedByUs` is false, so callers know not to stop it.
 */
export declare function startNeo4j(options?: Neo4jStartOptions): Promise<Neo4jConnection>;
/** Stops the server this .neo4j/ folder started: SIGTERM, then SIGKILL after the grace period. */
export declare function stopNeo4j(options?: Neo4jStopOptions): Promise<{
    wasRunning: boolean;
}>;
export declare function neo4jStatus(options?: {
    root?: string | undefined;
}): Neo4jStatus;
/** How the local server was last started: enough to start it again the same way after offline work. */
export interface Neo4jServerSettings {
    boltPort: number;
    httpPort: number;
    heapMax: string;
    pageCache: string;
}
/** The settings of the running local server (server.json and the neo4j.conf its start wrote); undefined when it does not run. */
export declare function runningServerSettings(options?: {
    root?: string | undefined;
}): Neo4jServerSettings | undefined;
export interface Neo4jAdminResult {
    status: number;
    /** The last lines of its output (the whole of it is in logFile). */
    tail: string;
}
/**
 * Runs `neo4j-admin ARGS` (its entry point from the downloaded jars) on the local server's home and
 * configuration, output to `logFile`. The server must be stopped for commands that write a database.
 */
export declare function runNeo4jAdmin(args: readonly string[], options: {
    root?: string | undefined;
    logFile: string;
    env?: NodeJS.ProcessEnv | undefined;
}): Promise<Neo4jAdminResult>;
/**
 * Deletes a database's store and transaction logs (the server must be stopped): after a failed
 * import they are unusable, and on the next start the server creates the database again, empty.
 */
export declare function removeDatabaseStore(database: string, options?: {
    root?: string | undefined;
}): void;
