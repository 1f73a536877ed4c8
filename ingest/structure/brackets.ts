/**
 * Bracket matching for government prose. Agency names carry their own
 * brackets (`市财政局（金融办）`), annotations can be wrapped in `〔…〕` when they
 * contain such names, and half-width `()` survive where the cleaner left them,
 * so every scanner here counts nesting instead of looking for the next `）`.
 */

const CLOSER_OF: Readonly<Record<string, string>> = {
  '（': '）',
  '(': ')',
  '〔': '〕',
  '[': ']',
  '【': '】',
  '《': '》',
  '“': '”',
  '‘': '’',
  '「': '」',
};

const ROUND_OPENERS = new Set(['（', '(']);
const ROUND_CLOSERS = new Set(['）', ')']);
const CLOSERS = new Set(Object.values(CLOSER_OF));

function isOpeningBracket(char: string | undefined): boolean {
  return char !== undefined && char in CLOSER_OF;
}

function isClosingBracket(char: string | undefined): boolean {
  return char !== undefined && CLOSERS.has(char);
}

/**
 * Index of the bracket closing the one at `openIndex`, counting nesting, or
 * null when it is not closed within `limit` characters. Full- and half-width
 * round brackets are treated as one family because sources mix them
 * (`（市财政局(金融办)牵头）`).
 */
export function findClosingBracket(text: string, openIndex: number, limit = Number.POSITIVE_INFINITY): number | null {
  const opener = text[openIndex];
  if (opener === undefined || !isOpeningBracket(opener)) return null;
  const round = ROUND_OPENERS.has(opener);
  const closer = CLOSER_OF[opener];
  const stop = Math.min(text.length, openIndex + 1 + limit);
  let depth = 0;
  for (let i = openIndex; i < stop; i += 1) {
    const char = text[i] as string;
    const opens = round ? ROUND_OPENERS.has(char) : char === opener;
    const closes = round ? ROUND_CLOSERS.has(char) : char === closer;
    if (opens) depth += 1;
    else if (closes) {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return null;
}

/**
 * Bracket depth before each character of `text` (length text.length + 1).
 * Unbalanced closers never drive the depth below zero, so one stray `）`
 * does not hide the rest of a list.
 */
export function bracketDepths(text: string): number[] {
  const depths: number[] = [0];
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (isOpeningBracket(char)) depth += 1;
    else if (isClosingBracket(char)) depth = Math.max(0, depth - 1);
    depths.push(depth);
  }
  return depths;
}

/** Removes one trailing bracket group (`财政局（金融办）` → `财政局`), if any. */
export function withoutTrailingBracket(text: string): { readonly core: string; readonly bracket: string } {
  const last = text[text.length - 1];
  if (last === undefined || !isClosingBracket(last)) return { core: text, bracket: '' };
  for (let i = text.length - 2; i >= 0; i -= 1) {
    if (!isOpeningBracket(text[i])) continue;
    if (findClosingBracket(text, i) === text.length - 1) {
      return { core: text.slice(0, i), bracket: text.slice(i) };
    }
  }
  return { core: text, bracket: '' };
}
