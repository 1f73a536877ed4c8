/**
 * Chinese word segmentation. The only module that imports nodejieba (lint
 * enforces it), so that the rest of the code sees a plain `Tokeniser`.
 *
 * Precise mode (`cut`, all that ingest and linking use) runs in TypeScript on
 * nodejieba's bundled dictionaries (ingest/segment/precise-cut.ts): the same
 * tokens as `nodejieba.cut`, with a dictionary of its own per tokeniser (≈16 MB,
 * freed with it) instead of the addon's ≈243 MB that stays for the life of
 * the process. Search mode (`cutForSearch`, which needs jieba's HMM) still goes
 * to the addon, loaded the first time it is asked for.
 *
 * Process-global state, forced by nodejieba: the native addon holds ONE
 * dictionary per process (per worker thread). `insertWord` adds to it and only
 * `load()` resets it to the bundled dictionaries; there is no per-instance
 * dictionary. So this module keeps exactly one piece of mutable state: the key
 * of the word set currently in the native dictionary. Each native tokeniser knows its
 * own word set and, before cutting, makes sure the native dictionary holds that
 * set and nothing else (inserting the missing words when the loaded set is a
 * subset of its own, reloading and re-inserting otherwise). Consequences:
 * - the same set of words (in any order, with duplicates) inserts nothing the
 *   second time;
 * - two native tokenisers with different word sets both cut correctly, but alternating
 *   between them reloads the dictionary each time (about a second);
 * - calling nodejieba directly elsewhere would break this (hence the lint rule).
 */

import fs from 'node:fs';
import nodejieba from 'nodejieba';
import { PreciseSegmenter } from './segment/precise-cut.ts';

export interface Tokeniser {
  /** Precise-mode segmentation: each character in exactly one token. */
  cut(text: string): string[];
  /** Search-engine mode: long words are also split into their sub-words. */
  cutForSearch(text: string): string[];
}

/** The files `nodejieba.load()` reads by default: index.js exports their paths, its .d.ts does not declare them. */
const DICTIONARY_FILES = nodejieba as typeof nodejieba & { readonly DEFAULT_DICT: string; readonly DEFAULT_USER_DICT: string };

/**
 * The user words now inserted into the native dictionary, and the key of the
 * set they were inserted for; null before the first load.
 */
let active: { key: string; words: ReadonlySet<string> } | null = null;

function normaliseWords(userWords: readonly string[]): string[] {
  const words = new Set<string>();
  for (const raw of userWords) {
    // jieba's dictionary format separates fields by spaces: a word cannot hold one.
    const word = raw.trim();
    if (word !== '' && !/\s/.test(word)) words.add(word);
  }
  return [...words].sort();
}

function activate(key: string, words: readonly string[]): void {
  if (active?.key === key) return;
  const inserted = active?.words;
  const wanted = new Set(words);
  if (inserted !== undefined && [...inserted].every((word) => wanted.has(word))) {
    // A superset of what is loaded: adding the missing words is enough, and
    // much cheaper than reloading (loading the bundled dictionaries takes ~1 s).
    for (const word of words) if (!inserted.has(word)) nodejieba.insertWord(word);
  } else {
    // A fresh load drops the words of any other set (and loads on first use).
    nodejieba.load();
    for (const word of words) nodejieba.insertWord(word);
  }
  active = { key, words: wanted };
}

/**
 * The addon's own segmentation with `userWords` inserted: the reference the
 * TypeScript precise mode is tested against, and search mode.
 */
export function createNativeTokeniser(userWords: readonly string[]): Tokeniser {
  const words = normaliseWords(userWords);
  const key = words.join('\n');
  activate(key, words);
  return {
    cut(text: string): string[] {
      activate(key, words);
      return nodejieba.cut(text);
    },
    cutForSearch(text: string): string[] {
      activate(key, words);
      return nodejieba.cutForSearch(text);
    },
  };
}

/**
 * A tokeniser that keeps every word of `userWords` (agency names, companies,
 * parks …) as one token. Words with whitespace are skipped: jieba cannot hold them.
 * Reads nodejieba's dictionary files (≈0.5 s); create one per run.
 */
export function createTokeniser(userWords: readonly string[]): Tokeniser {
  const words = normaliseWords(userWords);
  const { DEFAULT_DICT: main, DEFAULT_USER_DICT: user } = DICTIONARY_FILES;
  const precise = new PreciseSegmenter({ main: fs.readFileSync(main, 'utf8'), user: fs.readFileSync(user, 'utf8'), source: main }, words);
  let native: Tokeniser | null = null;
  return {
    cut: (text) => precise.cut(text),
    cutForSearch(text: string): string[] {
      native ??= createNativeTokeniser(words);
      return native.cutForSearch(text);
    },
  };
}

/**
 * The text as space-separated search tokens, for a full-text index whose
 * analyser does not segment Chinese: each domain word is indexed whole and, via
 * search mode, by its parts (市工业和信息化局 → 工业 信息 信息化 市工业和信息化局).
 * Whitespace tokens are dropped, so the result has single spaces only.
 */
export function segmentForIndex(tokeniser: Tokeniser, text: string): string {
  return tokeniser
    .cutForSearch(text)
    .map((token) => token.trim())
    .filter((token) => token !== '')
    .join(' ');
}
