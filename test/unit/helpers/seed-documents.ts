/**
 * Seed documents for the seed-based structure tests: the seed file, prepared
 * the way the pipeline prepares it, and one document cut out of it.
 *
 * When the cleaner (`ingest/clean.ts` with `cleanText`, rules from
 * `ingest/rules.ts`) is present it is used; otherwise a minimal stand-in drops
 * the running headers (`——柳州市人民政府——`). The structure functions must give
 * the same answers on both, since they are meant to survive uncleaned residue.
 */

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The bundled copy of the seeds (data/corpus) is always there, so the seed tests never skip.
export const SEEDS_DIR = fileURLToPath(new URL('../../../data/corpus/', import.meta.url));

export function seedPath(name: string): string {
  return `${SEEDS_DIR}${name}`;
}

export function hasSeed(name: string): boolean {
  return existsSync(seedPath(name));
}

export type Prepare = (path: string, text: string) => string;

/** Drops running headers; leaves page breaks and half-width punctuation alone. */
export function minimalPreparation(_path: string, text: string): string {
  return text.replace(/^[ \t]*—{1,2}[^—\n]{2,20}—{0,2}[ \t]*$/gmu, '');
}

/** The cleaner as a preparation, or null when it is absent or has another shape. */
async function loadCleaner(): Promise<Prepare | null> {
  const cleanPath = '../../../ingest/clean.ts';
  const rulesPath = '../../../ingest/rules.ts';
  if (!existsSync(fileURLToPath(new URL(cleanPath, import.meta.url)))) return null;
  try {
    // Loaded by a computed path so that this test does not depend at compile
    // time on another stage's module; its shape is checked before use.
    const cleanModule: unknown = await import(/* @vite-ignore */ cleanPath);
    const rulesModule: unknown = await import(/* @vite-ignore */ rulesPath);
    const cleanText = (cleanModule as { cleanText?: unknown }).cleanText;
    const loadCleanRules = (rulesModule as { loadCleanRules?: unknown }).loadCleanRules;
    if (typeof cleanText !== 'function' || typeof loadCleanRules !== 'function') return null;
    const rules: unknown = await (loadCleanRules as () => Promise<unknown>)();
    const clean = cleanText as (input: { path: string; text: string }, rules: unknown) => { text?: unknown };
    return (path, text) => {
      const cleaned = clean({ path, text }, rules).text;
      if (typeof cleaned !== 'string') throw new Error('cleanText returned no text');
      return cleaned;
    };
  } catch {
    return null;
  }
}

/** Every preparation to run the seed tests under: the minimal one, and the cleaner when present. */
export async function loadPreparations(): Promise<(readonly [name: string, prepare: Prepare])[]> {
  const cleaner = await loadCleaner();
  return cleaner === null ? [['minimal', minimalPreparation]] : [['minimal', minimalPreparation], ['cleanText', cleaner]];
}

export function readSeed(name: string, prepare: Prepare): string {
  const path = seedPath(name);
  return prepare(path, readFileSync(path, 'utf8'));
}

/**
 * The text from the first line matching `start` up to (not including) the
 * first line after it matching `end`, or to the end of the text. Patterns are
 * matched against whole lines, so table-of-contents entries (which carry a
 * document number and page after a tab) are not taken for titles.
 */
export function cutDocument(text: string, start: RegExp, end: RegExp | null): string {
  const lines = text.split('\n');
  const from = lines.findIndex((line) => start.test(line.trim()));
  if (from === -1) throw new Error(`no line matches ${String(start)}`);
  const to = end === null ? -1 : lines.findIndex((line, index) => index > from && end.test(line.trim()));
  return lines.slice(from, to === -1 ? lines.length : to).join('\n');
}
