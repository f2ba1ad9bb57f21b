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
