/**
 * Parses the stop-word list for cross-document linking
 * (`data/rules/stopwords.txt`, read by `ingest/rules.ts`).
 */

/** One word per line; blank lines and `#` comments ignored. */
export function parseStopwords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const word = raw.trim();
    if (word !== '' && !word.startsWith('#')) words.add(word);
  }
  return words;
}
