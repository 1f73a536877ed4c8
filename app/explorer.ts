/**
 * Serves the explorer (built by the set-up into dist/explorer/) at /explorer:
 * the page itself revalidated on every load (ETag), the content-hashed assets
 * under /explorer/assets/ cached for a year, both sent brotli- or
 * gzip-compressed from the copies the build wrote. The page may load nothing
 * from another origin and talk only to this server (Content-Security-Policy).
 * A rebuilt bundle is picked up without restarting the process.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { IMMUTABLE, REVALIDATE, assetResponse, contentTypeOf, makeAsset, notFound, type Asset } from '../api/assets.ts';
import { PROJECT_ROOT } from '../core/config.ts';

export const EXPLORER_PATH = '/explorer';
export const EXPLORER_DIST = path.join(PROJECT_ROOT, 'dist', 'explorer');

/** Everything from this origin; data: for the icons drawn on the canvas. */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

interface Site {
  readonly stamp: string;
  readonly files: ReadonlyMap<string, Asset>;
}

function walk(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

function readOptional(file: string): Uint8Array | null {
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

/** The built files by URL path below /explorer (`/index.html`, `/assets/…`), with their precompressed copies. */
export function readSite(directory: string): ReadonlyMap<string, Asset> {
  const files = new Map<string, Asset>();
  for (const file of walk(directory)) {
    if (/\.(?:gz|br)$/.test(file) || path.basename(file).startsWith('.')) continue;
    const relative = `/${path.relative(directory, file).split(path.sep).join('/')}`;
    const isPage = relative.endsWith('.html');
    const asset = makeAsset(
      fs.readFileSync(file),
      contentTypeOf(file),
      relative.startsWith('/assets/') ? IMMUTABLE : REVALIDATE,
      { gzip: readOptional(`${file}.gz`), brotli: readOptional(`${file}.br`) },
      isPage ? { 'content-security-policy': EXPLORER_CSP, 'referrer-policy': 'no-referrer' } : undefined,
    );
    files.set(relative, asset);
  }
  return files;
}

/** What /explorer says when the set-up has not built the bundle. */
function notBuilt(directory: string): Response {
  return new Response(
    `The explorer is not built (no ${path.relative(PROJECT_ROOT, path.join(directory, 'index.html'))}). Run "bash scripts/setup.sh" (npm start and npm test run it).\n`,
    { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': REVALIDATE } },
  );
}

/** A yoga plugin answering /explorer and /explorer/…; every other path passes through. */
export function explorerPlugin(directory: string = EXPLORER_DIST): Plugin {
  let site: Site | null = null;
  const current = (): Site | null => {
    const index = path.join(directory, 'index.html');
    let stamp: string;
    try {
      const stat = fs.statSync(index);
      stamp = `${stat.mtimeMs}:${stat.size}`;
    } catch {
      return null;
    }
    if (site?.stamp !== stamp) site = { stamp, files: readSite(directory) };
    return site;
  };
  return {
    onRequest({ request, url, endResponse }) {
      const { pathname } = url;
      if (pathname !== EXPLORER_PATH && !pathname.startsWith(`${EXPLORER_PATH}/`)) return;
      const loaded = current();
      if (!loaded) {
        endResponse(notBuilt(directory));
        return;
      }
      const relative = pathname.slice(EXPLORER_PATH.length);
      // The page answers /explorer, /explorer/ and any path that is not an asset (the state is in the query string).
      const asset = loaded.files.get(relative) ?? (relative.startsWith('/assets/') ? undefined : loaded.files.get('/index.html'));
      endResponse(asset ? assetResponse(request, asset) : notFound(pathname));
    },
  };
}
