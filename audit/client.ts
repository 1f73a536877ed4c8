/**
 * A small GraphQL-over-HTTP client. It takes a fetch-like function, so the CLI
 * passes the global `fetch` and tests pass an in-process server's `fetch`.
 * Connections are read page by page (one request per page), never row by row.
 */
import { KgError, LIMIT_ERROR_CODES, UserInputError, type KgErrorCode } from '../core/errors.ts';

/** The part of a fetch Response the client reads. */
export interface FetchResponseLike {
  readonly ok: boolean;
  readonly status: number;
  text(): Promise<string>;
}

export interface FetchInit {
  readonly method: 'POST';
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly signal?: AbortSignal;
}

export type FetchLike = (url: string, init: FetchInit) => Promise<FetchResponseLike> | FetchResponseLike;

export const DEFAULT_API_URL = 'http://127.0.0.1:4000/graphql';

/** The API caps `first` at this (KG_MAX_PAGE_SIZE's default); larger pages are rejected. */
export const MAX_PAGE_SIZE = 100;

const START_HINT =
  'Start it with "npm start" (starts Neo4j, ingests data/corpus and serves http://127.0.0.1:4000/graphql), or pass --api URL for another server.';

export type Variables = Readonly<Record<string, unknown>>;

export interface Connection<T> {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: readonly { readonly node: T }[];
}

export interface GraphqlClient {
  readonly url: string;
  /** Requests sent so far (tests check that it stays bounded). */
  readonly requestCount: () => number;
  /** Runs one operation; resolves to `data` or throws a KgError naming the operation. */
  request<T>(operationName: string, document: string, variables?: Variables): Promise<T>;
  /**
   * Reads every page of a connection: `select` picks the connection out of
   * the data; `first` and `after` are added to the variables.
   */
  readAll<T, D>(operationName: string, document: string, variables: Variables, select: (data: D) => Connection<T>, pageSize?: number): Promise<T[]>;
}

export interface ClientOptions {
  readonly url: string;
  readonly fetch: FetchLike;
  /** Per request; 0 disables the time limit. */
  readonly timeoutMs?: number;
}

/** An error a GraphQL server reports in its response. */
interface ResponseError {
  readonly message: string;
  readonly extensions?: { readonly code?: unknown };
}

/** Codes of the API's own vocabulary (core/errors.ts) that keep their meaning here. */
const PASSED_THROUGH: readonly KgErrorCode[] = ['BAD_USER_INPUT', 'NOT_FOUND', 'DATABASE_UNAVAILABLE', 'DATABASE_QUERY_FAILED', ...LIMIT_ERROR_CODES];

/** yoga's codes for a document the server's schema does not accept. */
const SCHEMA_MISMATCH_CODES: readonly unknown[] = ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'];

const MISMATCH_HINT = 'This kg and the API are of different versions: update one of them (or point --api at a server of this version).';

/** Node's fetch hides the socket error in `cause`; its code says why the server could not be reached. */
function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'no answer in time';
  if (cause && typeof cause.code === 'string') {
    const detail = typeof cause.message === 'string' && !cause.message.includes(cause.code) ? `: ${cause.message}` : '';
    return `${cause.code}${detail}`;
  }
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function parseBody(text: string): { data?: unknown; errors?: ResponseError[] } | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const body = parsed as { data?: unknown; errors?: unknown };
    if (!('data' in body) && !('errors' in body)) return null;
    return { data: body.data, errors: Array.isArray(body.errors) ? (body.errors as ResponseError[]) : undefined };
  } catch {
    return null;
  }
}

function errorCode(errors: readonly ResponseError[]): KgErrorCode {
  for (const error of errors) {
    const code = error.extensions?.code;
    const known = PASSED_THROUGH.find((candidate) => candidate === code);
    if (known) return known;
  }
  // A document the server's schema refuses: this client and the server disagree.
  if (errors.some((error) => SCHEMA_MISMATCH_CODES.includes(error.extensions?.code))) return 'API_SCHEMA_MISMATCH';
  // Anything else (a masked INTERNAL error, no code at all) failed on the server's side.
  return 'API_SERVER_ERROR';
}

export function createGraphqlClient(options: ClientOptions): GraphqlClient {
  const timeoutMs = options.timeoutMs ?? 60_000;
  let requests = 0;

  async function request<T>(operationName: string, document: string, variables: Variables = {}): Promise<T> {
    requests += 1;
    let response: FetchResponseLike;
    try {
      response = await options.fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ operationName, query: document, variables }),
        ...(timeoutMs > 0 ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
      });
    } catch (error) {
      throw new KgError('API_UNREACHABLE', `Cannot reach the GraphQL API at ${options.url} (${networkReason(error)}). ${START_HINT}`, { cause: error });
    }
    const text = await response.text();
    const body = parseBody(text);
    if (body === null) {
      throw new KgError(
        response.status >= 500 ? 'API_SERVER_ERROR' : 'API_UNREACHABLE',
        `${options.url} answered HTTP ${response.status} without a GraphQL response: is this the API's /graphql endpoint? ${START_HINT}`,
      );
    }
    if (body.errors && body.errors.length > 0) {
      const messages = body.errors.map((error) => error.message + (typeof error.extensions?.code === 'string' ? ` [${error.extensions.code}]` : '')).join('; ');
      const code = errorCode(body.errors);
      const message = `The API at ${options.url} rejected ${operationName}: ${messages}${code === 'API_SCHEMA_MISMATCH' ? `. ${MISMATCH_HINT}` : ''}`;
      throw code === 'BAD_USER_INPUT' ? new UserInputError(message) : new KgError(code, message);
    }
    if (body.data === null || body.data === undefined) {
      throw new KgError('API_SERVER_ERROR', `The API at ${options.url} returned no data for ${operationName} (HTTP ${response.status}).`);
    }
    return body.data as T;
  }

  async function readAll<T, D>(
    operationName: string,
    document: string,
    variables: Variables,
    select: (data: D) => Connection<T>,
    pageSize: number = MAX_PAGE_SIZE,
  ): Promise<T[]> {
    const first = Math.min(Math.max(1, pageSize), MAX_PAGE_SIZE);
    const rows: T[] = [];
    let after: string | null = null;
    for (;;) {
      const connection = select(await request<D>(operationName, document, { ...variables, first, after }));
      for (const edge of connection.edges) rows.push(edge.node);
      if (!connection.pageInfo.hasNextPage) return rows;
      const next = connection.pageInfo.endCursor;
      // A server that says "more" without moving on would loop for ever.
      if (next === null || next === after || connection.edges.length === 0) {
        throw new KgError('API_SERVER_ERROR', `The API at ${options.url} reported more pages of ${operationName} but gave no new cursor (after ${rows.length} rows).`);
      }
      after = next;
    }
  }

  return { url: options.url, requestCount: () => requests, request, readAll };
}
