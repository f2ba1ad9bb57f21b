// Typed errors with stable codes. The CLI maps them to one clear line and an exit status; library
// users switch on `code`. Messages name the file (or server) and say what to do.

export type ErrorCode =
  | 'INPUT_NOT_FOUND'
  | 'INPUT_UNREADABLE'
  | 'INPUT_EMPTY'
  | 'INPUT_BINARY'
  | 'INPUT_TOO_LARGE'
  | 'INPUT_MALFORMED'
  | 'EXTRACTION_TIMEOUT'
  | 'SCHEMA_INVALID'
  | 'NEO4J_UNAVAILABLE'
  | 'NEO4J_AUTH'
  | 'NEO4J_DATABASE'
  | 'NEO4J_WRITE'
  | 'NEO4J_NOT_EMPTY'
  | 'CONFIG_INVALID'
  | 'QUERY_NOT_FOUND'
  // kg fetch (src/edgar): a request that failed for good, an unknown ticker or CIK, a response
  // EDGAR should not have sent, an interrupted run.
  | 'FETCH_FAILED'
  | 'FETCH_ABORTED'
  | 'EDGAR_NOT_FOUND'
  | 'EDGAR_MALFORMED'
  | 'CYPHER_INVALID'
  | 'CYPHER_READ_ONLY'
  | 'USAGE';

export class KgError extends Error {
  override readonly name = 'KgError';
  readonly code: ErrorCode;
  /** The file, document or server the problem is about, when there is one. */
  readonly subject: string | undefined;
  /** True when running the same thing again may succeed (a server restart, a transient failure). */
  readonly retriable: boolean;

  constructor(code: ErrorCode, message: string, options: { subject?: string; retriable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.subject = options.subject;
    this.retriable = options.retriable ?? false;
  }

  /** One line for a terminal: `subject: message [CODE]`. */
  toLine(): string {
    return `${this.subject ? `${this.subject}: ` : ''}${this.message} [${this.code}]`;
  }
}

export function isKgError(e: unknown): e is KgError {
  return e instanceof KgError;
}

/** File-system error codes a user can act on, and what they mean here. */
const FS_ERRORS: Readonly<Record<string, { code: ErrorCode; message: string }>> = {
  ENOENT: { code: 'INPUT_NOT_FOUND', message: 'no such file or directory' },
  EACCES: { code: 'INPUT_UNREADABLE', message: 'permission denied' },
  EPERM: { code: 'INPUT_UNREADABLE', message: 'permission denied' },
  ELOOP: { code: 'INPUT_UNREADABLE', message: 'too many symbolic links' },
};

/** Any failure while reading or extracting `path`, as a KgError naming it (file-system codes mapped). */
export function asKgError(error: unknown, path: string): KgError {
  if (isKgError(error)) return error;
  const fsCode = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  const known = typeof fsCode === 'string' ? FS_ERRORS[fsCode] : undefined;
  if (known) return new KgError(known.code, known.message, { subject: path, cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new KgError('INPUT_MALFORMED', `could not process: ${message}`, { subject: path, cause: error });
}

/** What a failed zod parse found, as one line for a KgError message: "path: message; …". */
export function issuesText(issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[], options: { limit?: number; root?: string } = {}): string {
  return issues
    .slice(0, options.limit ?? issues.length)
    .map((i) => `${i.path.map(String).join('.') || (options.root ?? '')}: ${i.message}`)
    .join('; ');
}
