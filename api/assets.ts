/**
 * Static assets answered from memory with the headers a browser caches by:
 * an ETag (304 when it matches), Cache-Control, and the body compressed as
 * the client accepts (brotli, then gzip), with `Vary: Accept-Encoding`.
 * Used for GraphiQL's scripts (api/graphiql.ts) and the explorer (app/explorer.ts).
 */
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

export interface Asset {
  readonly body: Uint8Array;
  readonly gzip: Uint8Array | null;
  readonly brotli: Uint8Array | null;
  readonly contentType: string;
  readonly etag: string;
  readonly cacheControl: string;
  /** Extra response headers (e.g. a Content-Security-Policy for a page). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Content-hashed files never change under their name; everything else is revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(file: string): string {
  const extension = /\.[a-z0-9]+$/i.exec(file)?.[0]?.toLowerCase() ?? '';
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** An asset from its bytes, compressing text here when no precompressed copies are given. */
export function makeAsset(
  body: Uint8Array,
  contentType: string,
  cacheControl: string,
  compressed: { readonly gzip?: Uint8Array | null; readonly brotli?: Uint8Array | null } = {},
  headers?: Readonly<Record<string, string>>,
): Asset {
  const compressible = /^(text\/|application\/json|image\/svg)/.test(contentType) && body.byteLength > 512;
  const gzip = compressed.gzip !== undefined ? compressed.gzip : compressible ? zlib.gzipSync(body, { level: 6 }) : null;
  const brotli =
    compressed.brotli !== undefined
      ? compressed.brotli
      : compressible
        ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
        : null;
  return { body, gzip, brotli, contentType, etag: etagOf(body), cacheControl, ...(headers ? { headers } : {}) };
}

/** The codings a client accepts with a non-zero quality (`Accept-Encoding`). */
export function acceptedEncodings(header: string | null): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const quality = parameters.map((parameter) => /^\s*q=([\d.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    if (quality === undefined || Number(quality) > 0) accepted.add(name);
  }
  return accepted;
}

function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const value = candidate.trim();
    return value === '*' || value === etag || value === `W/${etag}`;
  });
}

/** The response for `asset`: 405 for methods other than GET and HEAD, 304 when the ETag matches, else the (compressed) body. */
export function assetResponse(request: Request, asset: Asset): Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method Not Allowed', { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' } });
  }
  const headers = new Headers({
    'content-type': asset.contentType,
    etag: asset.etag,
    'cache-control': asset.cacheControl,
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
    ...asset.headers,
  });
  if (etagMatches(request.headers.get('if-none-match'), asset.etag)) return new Response(null, { status: 304, headers });
  const accepted = acceptedEncodings(request.headers.get('accept-encoding'));
  let body = asset.body;
  if (asset.brotli && accepted.has('br')) {
    body = asset.brotli;
    headers.set('content-encoding', 'br');
  } else if (asset.gzip && (accepted.has('gzip') || accepted.has('*'))) {
    body = asset.gzip;
    headers.set('content-encoding', 'gzip');
  }
  headers.set('content-length', String(body.byteLength));
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
}

export function notFound(what: string): Response {
  return new Response(`Not found: ${what}\n`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': REVALIDATE } });
}
