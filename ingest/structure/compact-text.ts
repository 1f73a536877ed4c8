/**
 * Text with line breaks and other whitespace taken out, remembering where each
 * remaining character sat in the document. Page breaks leave newlines (and
 * sometimes spaces) inside agency names and annotations (`市城管\n\n执法局`); the
 * parsers read the compact form and report spans in document offsets.
 */

import type { Span } from '../model.ts';

export interface CompactText {
  readonly text: string;
  /** offsets[i] is the document offset of text[i]. */
  readonly offsets: readonly number[];
}

const WHITESPACE = /\s/;

/**
 * Compacts `source`, which starts at document offset `offset`. With a
 * `separator` and an `isSeparator` test, a whitespace run becomes `separator`
 * when the test accepts it (e.g. a unit name just ended before it, or a new
 * phrase starts after it), and is dropped otherwise.
 */
export function compactText(
  source: string,
  offset = 0,
  options: {
    readonly separator?: string;
    /** `before`: the compact text up to the run (its last character is `previous`). */
    readonly isSeparator?: (previous: string, following: string, run: string, before: string) => boolean;
  } = {},
): CompactText {
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] as string;
    if (!WHITESPACE.test(char)) {
      text += char;
      offsets.push(offset + i);
      i += 1;
      continue;
    }
    const runStart = i;
    while (i < source.length && WHITESPACE.test(source[i] as string)) i += 1;
    const previous = text[text.length - 1];
    const { separator, isSeparator } = options;
    if (
      separator !== undefined &&
      isSeparator !== undefined &&
      previous !== undefined &&
      i < source.length &&
      isSeparator(previous, source.slice(i, i + 16), source.slice(runStart, i), text)
    ) {
      text += separator;
      offsets.push(offset + runStart);
    }
  }
  return { text, offsets };
}

/** Document span of compact characters [from, to). */
export function compactSpan(compact: CompactText, from: number, to: number): Span {
  const start = compact.offsets[from];
  const last = compact.offsets[to - 1];
  if (start === undefined || last === undefined || to <= from) {
    const at = compact.offsets[Math.min(from, compact.offsets.length - 1)] ?? 0;
    return { start: at, end: at };
  }
  return { start, end: last + 1 };
}

/** Removes line breaks (and the spaces around them) from a piece of prose. */
export function joinLines(text: string): string {
  return text.replace(/[ \t\u3000]*[\r\n]+[ \t\u3000]*/g, '').trim();
}
