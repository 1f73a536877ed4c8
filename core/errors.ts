/**
 * Every error the product raises on purpose. Each carries a stable `code` (for
 * scripts and for GraphQL `extensions.code`) and, when it wraps another error,
 * the `cause`. Messages name the input and say what to do.
 */

/** Why a file given to ingest cannot be used. */
export const INPUT_ERROR_CODES = [
  'INPUT_NOT_FOUND',
  'INPUT_IS_DIRECTORY',
  'INPUT_EMPTY',
  'INPUT_BINARY',
  'INPUT_UNDECODABLE',
  'INPUT_UNRECOGNISED',
  'INPUT_TRUNCATED',
] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

/** What a document was read without: it is still used, and the gap is reported. */
export const INPUT_WARNING_CODES = ['INPUT_YEAR_UNKNOWN'] as const;
export type InputWarningCode = (typeof INPUT_WARNING_CODES)[number];

export type KgErrorCode =
  | 'CONFIG_INVALID'
  | InputErrorCode
  | InputWarningCode
  | 'DATABASE_UNAVAILABLE'
  | 'DATABASE_QUERY_FAILED'
  | 'LOAD_FAILED'
  | 'CYPHER_NOT_FOUND'
  | 'NEO4J_PROVISION_FAILED'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'API_UNREACHABLE';

export class KgError extends Error {
  readonly code: KgErrorCode;

  constructor(code: KgErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Configuration is missing or malformed; `key` names the environment variable. */
export class ConfigError extends KgError {
  readonly key: string;
  constructor(key: string, reason: string, options?: { cause?: unknown }) {
    super('CONFIG_INVALID', `Invalid configuration ${key}: ${reason}`, options);
    this.key = key;
  }
}

/** A file given to ingest cannot be used; `path` names it. */
export class InputError extends KgError {
  readonly path: string;
  constructor(
    code: InputErrorCode,
    path: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(code, `${path}: ${reason}`, options);
    this.path = path;
  }
}

/** A document was read with a gap (no year stated); `path` names its file. */
export class InputWarning extends KgError {
  readonly path: string;
  constructor(code: InputWarningCode, path: string, reason: string) {
    super(code, `${path}: ${reason}`);
    this.path = path;
  }
}

/** Neo4j cannot be reached or refused a statement. */
export class DatabaseError extends KgError {}

/** A caller of the API or CLI gave a value that cannot be used. */
export class UserInputError extends KgError {
  constructor(message: string) {
    super('BAD_USER_INPUT', message);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
