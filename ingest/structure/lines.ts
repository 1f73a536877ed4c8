/** Lines of a document with their offsets, for parsers that read line by line. */

export interface Line {
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character, line break excluded. */
  readonly end: number;
  readonly text: string;
}

/**
 * A line after which a document's body has ended: the signature date, 抄送, the
 * publication note `（此件公开发布）`, an attachment, 主题词.
 */
export const BODY_END_LINE = /^\s*(?:\d{4}年\d{1,2}月\d{1,2}日\s*$|抄送|[（(]此件|附件[:：]|主题词)/u;

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const match of text.matchAll(/\r\n|\n|\r/gu)) {
    const end = match.index ?? 0;
    lines.push({ start, end, text: text.slice(start, end) });
    start = end + match[0].length;
  }
  lines.push({ start, end: text.length, text: text.slice(start) });
  return lines;
}

/** `end` moved back over trailing whitespace, not before `start`. */
export function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/u.test(text[at - 1] as string)) at -= 1;
  return at;
}
