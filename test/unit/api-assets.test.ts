import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE, acceptedEncodings, assetResponse, contentTypeOf, makeAsset } from '../../api/assets.ts';

const TEXT = Buffer.from('console.log("柳州");\n'.repeat(200), 'utf8');

function get(headers: Record<string, string> = {}, method = 'GET'): Request {
  return new Request('http://localhost/x.js', { method, headers });
}

describe('static assets', () => {
  it('reads Accept-Encoding with qualities', () => {
    expect([...acceptedEncodings('gzip, deflate, br;q=1.0, zstd')].sort()).toEqual(['br', 'deflate', 'gzip', 'zstd']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings(null)]).toEqual([]);
  });

  it('names content types by extension', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('assets/index-x1.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('favicon.ico')).toBe('image/x-icon');
    expect(contentTypeOf('blob')).toBe('application/octet-stream');
  });

  it('sends brotli, else gzip, else the plain body, always with Vary and the cache policy', async () => {
    const asset = makeAsset(TEXT, contentTypeOf('a.js'), IMMUTABLE);
    const brotli = assetResponse(get({ 'accept-encoding': 'gzip, br' }), asset);
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(brotli.headers.get('vary')).toBe('Accept-Encoding');
    expect(zlib.brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).equals(TEXT)).toBe(true);
    const gzip = assetResponse(get({ 'accept-encoding': 'gzip' }), asset);
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gzip.arrayBuffer())).equals(TEXT)).toBe(true);
    const plain = assetResponse(get(), asset);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Number(plain.headers.get('content-length'))).toBe(TEXT.byteLength);
    expect(Buffer.from(await plain.arrayBuffer()).equals(TEXT)).toBe(true);
  });

  it('answers 304 to a matching If-None-Match, HEAD without a body, 405 to other methods', async () => {
    const asset = makeAsset(TEXT, 'text/html; charset=utf-8', REVALIDATE, {}, { 'content-security-policy': "default-src 'self'" });
    const first = assetResponse(get(), asset);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(assetResponse(get({ 'if-none-match': etag }), asset).status).toBe(304);
    expect(assetResponse(get({ 'if-none-match': `"other", W/${etag}` }), asset).status).toBe(304);
    expect(assetResponse(get({ 'if-none-match': '"other"' }), asset).status).toBe(200);
    const head = assetResponse(get({}, 'HEAD'), asset);
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = assetResponse(get({}, 'POST'), asset);
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('does not compress small or binary bodies', () => {
    expect(makeAsset(Buffer.from('tiny'), 'text/plain; charset=utf-8', REVALIDATE).gzip).toBeNull();
    expect(makeAsset(Buffer.alloc(4096), 'image/png', IMMUTABLE).brotli).toBeNull();
  });
});
