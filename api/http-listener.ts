/**
 * The API's node:http request listener: yoga, with the response cache's hits
 * answered at the door.
 *
 * A cache hit through yoga still pays for yoga's whole request pipeline (the
 * WHATWG Request and Response objects, content negotiation, the plugin
 * chain), several times the cost of the hit itself. So a plain JSON POST to
 * the GraphQL endpoint is read here, and when the cache holds its answer
 * under the graph's current version (api/response-cache.ts) those bytes are
 * sent straight away, gzipped when the client accepts gzip and the cache has
 * compressed them (answers of a kilobyte or more). Everything else — a miss, GET, batches, other media
 * types, CORS requests, bodies without a declared length — goes to yoga with
 * exactly the request it would have had, so the limits, the error masking and
 * the cache plugin see every operation the cache has not answered before.
 */
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { YogaServerInstance } from 'graphql-yoga';
import type { ApiConfig } from '../core/config.ts';
import { describeError } from '../core/errors.ts';
import type { ApiContext } from './context.ts';
import type { CachedAnswer, CacheableParams, ResponseCache } from './response-cache.ts';

export type Api = YogaServerInstance<Record<string, never>, ApiContext>;

export interface HttpListenerOptions {
  readonly yoga: Api;
  /** The cache the yoga instance was built with; without one the listener is yoga itself. */
  readonly responseCache?: ResponseCache;
  readonly limits: Pick<ApiConfig, 'maxBodyBytes' | 'corsOrigins'>;
}

/** What yoga answers a JSON request with when the client accepts JSON (checked by test/unit/api-http-listener.test.ts). */
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function createHttpListener(options: HttpListenerOptions): RequestListener {
  const { yoga, responseCache } = options;
  if (responseCache === undefined) return yoga;
  const endpoint = yoga.graphqlEndpoint;
  return (request, response) => {
    const length = cacheableLength(request, endpoint, options.limits);
    if (length === null) {
      void yoga(request, response);
      return;
    }
    answer(request, response, length, yoga, responseCache).catch((error: unknown) => {
      // The client went away mid-body, or the socket failed: nothing more to send.
      if (!response.headersSent) response.writeHead(400, { 'content-type': JSON_CONTENT_TYPE });
      response.end(JSON.stringify({ errors: [{ message: `The request could not be read: ${describeError(error)}` }] }));
    });
  };
}

/**
 * The declared body length of a request the cache may answer, or null: a JSON
 * POST to the endpoint, within the body limit, asking for JSON, with no
 * Origin when CORS is configured (yoga adds the CORS headers).
 */
function cacheableLength(request: IncomingMessage, endpoint: string, limits: HttpListenerOptions['limits']): number | null {
  if (request.method !== 'POST') return null;
  const url = request.url ?? '';
  const queryStart = url.indexOf('?');
  if ((queryStart < 0 ? url : url.slice(0, queryStart)) !== endpoint) return null;
  const { headers } = request;
  if (!(headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) return null;
  if (headers['content-encoding'] !== undefined) return null;
  if (limits.corsOrigins.length > 0 && headers.origin !== undefined) return null;
  const accept = (headers.accept ?? '').trim().toLowerCase();
  if (!(accept === '' || accept === '*/*' || accept.startsWith('application/json'))) return null;
  const declared = headers['content-length'];
  if (declared === undefined || !/^\d+$/.test(declared)) return null;
  const length = Number(declared);
  return length <= limits.maxBodyBytes ? length : null;
}

async function answer(request: IncomingMessage, response: ServerResponse, length: number, yoga: Api, cache: ResponseCache): Promise<void> {
  const body = await readBody(request, length);
  const params = paramsOf(body);
  const hit = params === null ? null : await cache.answer(params);
  if (hit !== null) {
    send(response, hit, acceptsGzip(request.headers['accept-encoding']));
    return;
  }
  const origin = `http://${request.headers.host ?? 'localhost'}`;
  const answered = await yoga.fetch(new URL(request.url ?? yoga.graphqlEndpoint, origin), { method: 'POST', headers: headersOf(request.headers), body: Uint8Array.from(body) });
  response.statusCode = answered.status;
  answered.headers.forEach((value, name) => response.setHeader(name, value));
  response.end(Buffer.from(await answered.arrayBuffer()));
}

function send(response: ServerResponse, hit: CachedAnswer, gzipAccepted: boolean): void {
  const gzipped = gzipAccepted ? hit.gzipped : null;
  const body = gzipped ?? hit.bytes;
  response.writeHead(200, {
    'content-type': JSON_CONTENT_TYPE,
    'content-length': body.length,
    // A shared cache must not hand the gzipped bytes to a client that did not ask for them.
    vary: 'Accept-Encoding',
    ...(gzipped === null ? {} : { 'content-encoding': 'gzip' }),
  });
  response.end(body);
}

/**
 * Whether an Accept-Encoding header (RFC 9110 §12.5.3) admits gzip: named
 * with a weight above zero, else named by its old alias x-gzip, else through
 * `*` with a weight above zero.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  let alias: boolean | undefined;
  let wildcard = false;
  for (const item of header.split(',')) {
    const [coding = '', ...parameters] = item.split(';').map((part) => part.trim().toLowerCase());
    const weight = parameters.find((parameter) => parameter.startsWith('q='));
    const accepted = weight === undefined || Number(weight.slice(2)) > 0;
    if (coding === 'gzip') return accepted;
    if (coding === 'x-gzip') alias = accepted;
    else if (coding === '*') wildcard = accepted;
  }
  return alias ?? wildcard;
}

/** A single operation's params; null for a batch (an array) or a body that is not JSON, which yoga answers. */
function paramsOf(body: Buffer): CacheableParams | null {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as CacheableParams) : null;
  } catch {
    return null;
  }
}

function readBody(request: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.once('error', reject);
    request.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, length)));
  });
}

function headersOf(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}
