/**
 * The API process serves the explorer's bundle and GraphiQL from local files
 * only (in process, through yoga.fetch; no database is touched).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReadOnlyDatabase } from '../../api/context.ts';
import { createApi } from '../../api/server.ts';
import { EXPLORER_CSP, explorerPlugin } from '../../app/explorer.ts';
import { loadConfig } from '../../core/config.ts';

const noDatabase: ReadOnlyDatabase = {
  read: () => Promise.reject(new Error('no database in this test')),
  serverInfo: () => Promise.reject(new Error('no database in this test')),
} as unknown as ReadOnlyDatabase;

const site = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-explorer-'));
fs.mkdirSync(path.join(site, 'assets'));
const PAGE = '<!doctype html><html lang="zh-CN"><head><script type="module" src="/explorer/assets/index-abc123.js"></script></head><body><div id="app"></div></body></html>';
const SCRIPT = 'export const x = "关系图";\n'.repeat(100);
fs.writeFileSync(path.join(site, 'index.html'), PAGE);
fs.writeFileSync(path.join(site, 'assets', 'index-abc123.js'), SCRIPT);
fs.writeFileSync(path.join(site, 'assets', 'index-abc123.js.br'), zlib.brotliCompressSync(SCRIPT));
fs.writeFileSync(path.join(site, 'assets', 'index-abc123.js.gz'), zlib.gzipSync(SCRIPT));

const api = createApi({ database: noDatabase, limits: loadConfig({}).api, plugins: [explorerPlugin(site)] });
const missing = createApi({ database: noDatabase, limits: loadConfig({}).api, plugins: [explorerPlugin(path.join(site, 'nothing-here'))] });

afterAll(() => fs.rmSync(site, { recursive: true, force: true }));

function get(app: typeof api, url: string, headers: Record<string, string> = {}) {
  return app.fetch(`http://localhost${url}`, { method: 'GET', headers });
}

describe('the explorer at /explorer', () => {
  it('serves the page at /explorer, /explorer/ and deeper paths, revalidated, with a same-origin CSP', async () => {
    for (const url of ['/explorer', '/explorer/', '/explorer/?view=entity&node=agency%3A%E5%B8%82', '/explorer/index.html']) {
      const response = await get(api, url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
      expect(await response.text()).toBe(PAGE);
    }
    expect(EXPLORER_CSP).toContain("connect-src 'self'");
    expect(EXPLORER_CSP).toContain("script-src 'self'");
  });

  it('serves hashed assets precompressed and cached for a year, and 304 on revalidation', async () => {
    const response = await get(api, '/explorer/assets/index-abc123.js', { 'accept-encoding': 'br' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString('utf8')).toBe(SCRIPT);
    const again = await get(api, '/explorer/assets/index-abc123.js', { 'if-none-match': response.headers.get('etag') ?? '' });
    expect(again.status).toBe(304);
  });

  it('answers 404 for an asset that is not there and leaves other paths to GraphQL', async () => {
    expect((await get(api, '/explorer/assets/nope.js')).status).toBe(404);
    expect((await get(api, '/explorerish')).status).toBe(404);
    const graphql = await api.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('says how to build the bundle when it is missing', async () => {
    const response = await get(missing, '/explorer');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('bash scripts/setup.sh');
  });
});

describe('GraphiQL at /graphql', () => {
  it('is a small page whose scripts, styles, workers and icon all come from /graphiql/ on this server', async () => {
    const response = await get(api, '/graphql', { accept: 'text/html' });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.length).toBeLessThan(20_000);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('AgencyAcrossYears');
    const assets = [...html.matchAll(/\/graphiql\/[\w.-]+/g)].map((match) => match[0]);
    expect(assets.length).toBe(6);
    for (const asset of assets) {
      const file = await get(api, asset, { 'accept-encoding': 'gzip' });
      expect(file.status, asset).toBe(200);
      expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const body = Buffer.from(await file.arrayBuffer());
      const text = file.headers.get('content-encoding') === 'gzip' ? zlib.gunzipSync(body).toString('utf8') : '';
      if (asset.endsWith('.js')) expect(text).not.toContain('unpkg.com');
    }
    expect((await get(api, '/graphiql/unknown.js')).status).toBe(404);
  }, 60_000);
});
