/**
 * Builds the explorer into dist/explorer/ (git-ignored): one HTML page and
 * content-hashed assets under /explorer/assets/, each also written gzip- and
 * brotli-compressed, so the API process serves them as they are.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = path.resolve(here, '..', 'dist', 'explorer');
const COMPRESSIBLE = /\.(?:js|css|html|svg|json|map|txt)$/;

function walk(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/** Writes file.gz and file.br beside every compressible output file. */
function precompress(): Plugin {
  return {
    name: 'kg-precompress',
    apply: 'build',
    closeBundle() {
      for (const file of walk(OUT_DIR)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const content = fs.readFileSync(file);
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: '/explorer/',
  logLevel: 'warn',
  clearScreen: false,
  publicDir: false,
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
  },
  plugins: [precompress()],
});
