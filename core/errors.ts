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
  /** An office, PDF or image file: recognised by its signature or name, and not read. */
  'INPUT_UNSUPPORTED_FORMAT',
  /** The file changed between the run's first read of it and its second (ingest parses a file again to build it). */
  'INPUT_CHANGED',
] as const;
export type InputErrorCode = (typeof INPUT_ERROR_CODES)[number];

/** What a document was read without: it is still used, and the gap is reported. */
export const INPUT_WARNING_CODES = ['INPUT_YEAR_UNKNOWN'] as const;
export type InputWarningCode = (typeof INPUT_WARNING_CODES)[number];

/**
 * What the structure stages did not read in a document (text left out of
 * every clause, an unclosed bracket, markers outside every item): the
 * document is loaded, and the gap is reported with its span (`ingest/check.ts`).
 */
export const EXTRACTION_WARNING_CODES = ['EXTRACT_UNREAD_CLAUSE', 'EXTRACT_UNBALANCED_BRACKET', 'EXTRACT_UNREAD_MARKERS'] as const;
export type ExtractionWarningCode = (typeof EXTRACTION_WARNING_CODES)[number];

export type KgErrorCode =
  | 'CONFIG_INVALID'
  | InputErrorCode
  | InputWarningCode
  | ExtractionWarningCode
  | 'INPUT_DUPLICATE_DOCUMENT'
  | 'DATABASE_UNAVAILABLE'
  | 'DATABASE_QUERY_FAILED'
  | 'LOAD_FAILED'
  | 'CYPHER_NOT_FOUND'
  | 'NEO4J_PROVISION_FAILED'
  /** A bulk build (`neo4j-admin database import`) could not replace the database; the previous one is kept. */
  | 'BULK_IMPORT_FAILED'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | LimitErrorCode
  /** The GraphQL API cannot be reached, or what answered is not it. */
  | 'API_UNREACHABLE'
  /** The API does not know a field or argument this client sends: client and server versions differ. */
  | 'API_SCHEMA_MISMATCH'
  /** The API reached, but it failed on its side (a masked error, HTTP 5xx, no data). */
  | 'API_SERVER_ERROR'
  /** An export (`kg export`) could not be written: the path, its permissions, the free space. */
  | 'OUTPUT_WRITE_FAILED'
  /** The graph was written to while an export read it: what was read is not one state of the graph. */
  | 'EXPORT_GRAPH_CHANGED'
  /** A bug: an error nobody raised on purpose. */
  | 'INTERNAL';

/**
 * Why the API refused a request before running it (api/limits.ts): the
 * body, the document's tokens, nesting, aliases, directives, estimated cost.
 */
export const LIMIT_ERROR_CODES = [
  'REQUEST_TOO_LARGE',
  'QUERY_TOO_LARGE',
  'QUERY_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_DIRECTIVES',
  'QUERY_TOO_COSTLY',
] as const;
export type LimitErrorCode = (typeof LIMIT_ERROR_CODES)[number];

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

/**
 * A document was loaded but part of it was not read; `documentId` and `span`
 * (offsets into the document's cleaned text) say where, the message why.
 */
export class ExtractionWarning extends KgError {
  readonly path: string;
  readonly documentId: string;
  readonly span: { readonly start: number; readonly end: number };
  constructor(code: ExtractionWarningCode, path: string, documentId: string, span: { readonly start: number; readonly end: number }, reason: string) {
    super(code, `${path}: ${reason}`);
    this.path = path;
    this.documentId = documentId;
    this.span = span;
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

/** The code of an error: its own for a KgError, INTERNAL for anything else (a bug). */
export function codeOf(error: unknown): KgErrorCode {
  return error instanceof KgError ? error.code : 'INTERNAL';
}

/** `message [CODE]`, the way the CLI prints every error. */
export function describeWithCode(error: unknown): string {
  return `${describeError(error)} [${codeOf(error)}]`;
}
