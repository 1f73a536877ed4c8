import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { acceptsGzip, createHttpListener } from '../../api/http-listener.ts';
import { GZIP_MIN_BYTES, createResponseCache } from '../../api/response-cache.ts';
import { createApi } from '../../api/server.ts';
import type { ApiConfig } from '../../core/config.ts';
import { apiConfig, fakeDatabase } from './helpers/fake-database.ts';

const QUERY = '{ indicators { metric } }';

interface Answer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly contentEncoding: string | undefined;
  /** The body as sent, inflated when it came gzipped. */
  readonly body: string;
}

let server: Server | null = null;

afterEach(async () => {
  const running = server;
  server = null;
  if (running) await new Promise((resolve) => running.close(resolve));
});

/** The listener on a real loopback server (the front door reads node:http requests, not WHATWG ones). */
async function serve(version: () => string, metrics: () => string[], overrides: Partial<ApiConfig> = {}) {
  const database = fakeDatabase({
    'graph/version': () => [{ version: version() }],
    'api/indicators': () => metrics().map((metric) => ({ indicator: { metric } })),
  });
  const limits = apiConfig(overrides);
  const responseCache = createResponseCache(database, { maxBytes: 1_000_000 });
  const yoga = createApi({ database, limits, responseCache });
  server = createServer(createHttpListener({ yoga, responseCache, limits }));
  const listening = server;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const port = (listening.address() as AddressInfo).port;
  const send = (body: string, headers: Record<string, string> = {}, method = 'POST', path = '/graphql') =>
    new Promise<Answer>((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port, path, method, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = Buffer.concat(chunks);
          const contentEncoding = response.headers['content-encoding'];
          const body = (contentEncoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
          resolve({ status: response.statusCode ?? 0, contentType: response.headers['content-type'], contentEncoding, body });
        });
      });
      outgoing.on('error', reject);
      outgoing.end(method === 'GET' ? undefined : body);
    });
  const executions = () => database.names().filter((name) => name === 'api/indicators').length;
  return { send, executions, responseCache };
}

describe('the HTTP front door: cache hits answered before yoga', () => {
  it('answers a hit with the very bytes and content type yoga sent, without executing again', async () => {
    const { send, executions, responseCache } = await serve(() => 'v1', () => ['地区生产总值']);
    const body = JSON.stringify({ query: QUERY });
    const first = await send(body);
    const second = await send(body);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ data: { indicators: [{ metric: '地区生产总值' }] } });
    expect(second).toEqual(first);
    expect(executions()).toBe(1);
    expect(responseCache.stats.hits).toBe(1);
  });

  it('asks again once the graph version changes', async () => {
    let version = 'v1';
    let metrics = ['地区生产总值'];
    const { send, executions } = await serve(() => version, () => metrics);
    const body = JSON.stringify({ query: QUERY });
    await send(body);
    version = 'v2';
    metrics = ['地区生产总值', '财政收入'];
    expect(JSON.parse((await send(body)).body)).toEqual({ data: { indicators: [{ metric: '地区生产总值' }, { metric: '财政收入' }] } });
    expect(executions()).toBe(2);
  });

  it('hands yoga what it does not answer: batches, bodies that are not JSON, other media types, GET, over-long bodies', async () => {
    const { send, executions } = await serve(() => 'v1', () => ['x'], { maxBodyBytes: 1_000 });
    const body = JSON.stringify({ query: QUERY });
    await send(body);

    const batch = await send(JSON.stringify([{ query: QUERY }]));
    expect(batch.status).not.toBe(200);
    expect(batch.body).toContain('errors');

    const broken = await send('{"query": ');
    expect(broken.status).toBe(400);

    const strict = await send(body, { accept: 'application/graphql-response+json' });
    expect(strict.contentType).toContain('application/graphql-response+json');
    expect(JSON.parse(strict.body)).toEqual({ data: { indicators: [{ metric: 'x' }] } });

    const viaGet = await send('', {}, 'GET', `/graphql?query=${encodeURIComponent(QUERY)}`);
    expect(JSON.parse(viaGet.body)).toEqual({ data: { indicators: [{ metric: 'x' }] } });

    const tooLong = await send(JSON.stringify({ query: QUERY, variables: { padding: 'x'.repeat(2_000) } }));
    expect(tooLong.status).toBe(413);
    expect(JSON.parse(tooLong.body).errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');
    // The strict-accept and GET requests were answered by yoga's own cache plugin, not executed again.
    expect(executions()).toBe(1);
  });

  it('leaves CORS requests to yoga when origins are configured, so they get their headers', async () => {
    const { send } = await serve(() => 'v1', () => ['x'], { corsOrigins: ['https://example.org'] });
    const body = JSON.stringify({ query: QUERY });
    await send(body);
    const answer = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const address = (server?.address() as AddressInfo).port;
      const outgoing = request({ host: '127.0.0.1', port: address, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://example.org', 'content-length': Buffer.byteLength(body) } }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.headers));
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    expect(answer['access-control-allow-origin']).toBe('https://example.org');
  });

  it('sends a large hit gzipped to a client that accepts gzip, once compressed, and as it is to any other', async () => {
    const metrics = Array.from({ length: 200 }, (_, index) => `指标${index}`);
    const { send, executions } = await serve(() => 'v1', () => metrics);
    const body = JSON.stringify({ query: QUERY });
    const first = await send(body, { 'accept-encoding': 'gzip, deflate, br' });
    expect(Buffer.byteLength(first.body)).toBeGreaterThan(GZIP_MIN_BYTES);
    expect(first.contentEncoding).toBeUndefined();
    // The cache compresses off the event loop: the first hits may still go out as they are.
    let gzipped: Answer | undefined;
    for (let attempt = 0; attempt < 50 && gzipped === undefined; attempt += 1) {
      const answer = await send(body, { 'accept-encoding': 'gzip, deflate, br' });
      expect(answer.body).toBe(first.body);
      if (answer.contentEncoding === 'gzip') gzipped = answer;
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(gzipped?.contentType).toBe(first.contentType);
    for (const refusing of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0, *' }] as Record<string, string>[]) {
      const plain = await send(body, refusing);
      expect(plain.contentEncoding).toBeUndefined();
      expect(plain.body).toBe(first.body);
    }
    expect(executions()).toBe(1);
  });

  it('sends a small hit as it is, gzip accepted or not', async () => {
    const { send } = await serve(() => 'v1', () => ['地区生产总值']);
    const body = JSON.stringify({ query: QUERY });
    await send(body);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const hit = await send(body, { 'accept-encoding': 'gzip' });
    expect(hit.contentEncoding).toBeUndefined();
    expect(JSON.parse(hit.body)).toEqual({ data: { indicators: [{ metric: '地区生产总值' }] } });
  });
});

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['GZIP', true],
    ['deflate, gzip;q=0.5', true],
    ['gzip;q=0', false],
    ['gzip; q=0.000', false],
    ['identity', false],
    ['*', true],
    ['*;q=0', false],
    ['gzip;q=0, *', false],
    ['x-gzip', true],
    ['br, *;q=0.1', true],
  ] as const)('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
