/**
 * Reads the stop-word list for cross-document linking (I/O, once per run);
 * the similarity functions receive the set.
 */

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { KgError } from '../../core/errors.ts';

const DEFAULT_STOPWORDS_PATH = fileURLToPath(new URL('../../data/rules/stopwords.txt', import.meta.url));

/** One word per line; blank lines and `#` comments ignored. */
export function parseStopwords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const word = raw.trim();
    if (word !== '' && !word.startsWith('#')) words.add(word);
  }
  return words;
}

export async function loadStopwords(path: string = DEFAULT_STOPWORDS_PATH): Promise<Set<string>> {
  try {
    return parseStopwords(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new KgError('CONFIG_INVALID', `${path}: cannot read the stop-word list`, { cause });
  }
}
