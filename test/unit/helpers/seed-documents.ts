/**
 * Seed documents for the seed-based structure tests: the seed file, prepared
 * the way the pipeline prepares it, and one document cut out of it.
 *
 * Each test runs twice: on the cleaner's output (`cleanText` with the rules of
 * `data/rules/`) and on a minimal stand-in that only drops the running headers
 * (`——柳州市人民政府——`). The structure functions must give the same answers on
 * both, since they are meant to survive uncleaned residue.
 */

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../../../ingest/clean/index.ts';
import { loadCleanRules } from '../../../ingest/rules.ts';

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

/** The preparations the seed tests run under: the minimal one and the cleaner. */
export async function loadPreparations(): Promise<(readonly [name: string, prepare: Prepare])[]> {
  const rules = await loadCleanRules();
  const cleaner: Prepare = (path, text) => cleanText({ path, text }, rules).text;
  return [
    ['minimal', minimalPreparation],
    ['cleanText', cleaner],
  ];
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
