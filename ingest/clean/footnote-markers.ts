/**
 * Step 7b of clean: footnote markers glued into the text (`规上工业（2）增加值`,
 * `“三中心一基地”（1）`, `高新技术企业[3]`) are the reader's pointers to a note at
 * the page foot or in a 名词解释 block, not part of the words they interrupt.
 *
 * A marker is removed only where the document has the note it points to — a
 * line opening with the same marker (`（2）规上工业：指…`) — and only where it
 * follows a word (an ideograph, a closing quote or bracket), so that a list
 * numbered inside a sentence (`：（1）…；（2）…`) stays as written.
 */
import type { RemovedFragment } from '../model.ts';

const MARKER = /[（(［[]\d{1,2}[）)］\]]/u;
const NOTE_LINE = /^\s*([（(［[]\d{1,2}[）)］\]])\s*[\u4e00-\u9fff“"][^\n]{0,40}?[：:]/u;
const GLUED_MARKER = /(?<=[\u4e00-\u9fff”’」』）)])[（(［[]\d{1,2}[）)］\]]/gu;

export function removeFootnoteMarkers(lines: readonly string[], removed: RemovedFragment[]): string[] {
  const notes = new Set(lines.map((line) => NOTE_LINE.exec(line)?.[1]).filter((marker): marker is string => marker !== undefined));
  if (notes.size === 0) return [...lines];
  return lines.map((line) => {
    if (NOTE_LINE.test(line) || !MARKER.test(line)) return line;
    return line.replace(GLUED_MARKER, (marker) => {
      if (!notes.has(marker)) return marker;
      removed.push({ reason: 'footnote-marker', text: marker });
      return '';
    });
  });
}
