/** Turning user text into a safe Lucene query, and showing where it matched. */

/**
 * The text as one Lucene phrase: inside quotes only `"` and `\` are special,
 * so escaping those two leaves no operator, wildcard or field syntax to abuse.
 */
export function phraseQuery(text: string): string {
  return `"${text.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

/**
 * Up to `radius` characters either side of the first occurrence of `needle`
 * in `text` (white space ignored when looking), with … where text was cut.
 */
export function snippet(text: string, needle: string, radius = 60): string {
  const compactNeedle = needle.replace(/\s+/g, '');
  let index = compactNeedle.length > 0 ? text.indexOf(compactNeedle) : -1;
  if (index < 0) index = 0;
  const from = Math.max(0, index - radius);
  const to = Math.min(text.length, index + compactNeedle.length + radius);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/**
 * A wildcard query for terms that contain `text` (`*text*`), every character
 * Lucene's query syntax gives a meaning escaped, white space included, so the
 * text stays one term. Meant for untokenised (keyword-analysed) fields, where
 * a term is a whole name.
 */
export function containsQuery(text: string): string {
  return `*${text.replace(/[\\+\-!():^[\]"{}~*?|&/\s]/g, (character) => `\\${character}`)}*`;
}
