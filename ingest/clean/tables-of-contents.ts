/** Step 4 of clean: tables of contents (a bulletin's 目录 is not a document). */
import type { RemovedFragment } from '../model.ts';
import { CONTENTS_HEADING, parseContentsEntry } from '../contents.ts';
import { PAGE_BREAK, type LineOrBreak } from './line-kinds.ts';

/** Runs after page furniture is gone, so a contents list spread over pages is one block. */
export function removeTablesOfContents(lines: readonly LineOrBreak[], removed: RemovedFragment[]): LineOrBreak[] {
  const result: LineOrBreak[] = [];
  let index = 0;
  while (index < lines.length) {
    // A page break is null: `?? ''` would turn it into a blank line and lose it.
    const line = lines[index] as LineOrBreak;
    if (line === PAGE_BREAK || !CONTENTS_HEADING.test(line.trim())) {
      result.push(line);
      index++;
      continue;
    }
    // The block runs over entries and blank lines up to the first other line.
    let end = index + 1;
    let lastEntry = -1;
    while (end < lines.length) {
      const candidate = lines[end] ?? '';
      if (candidate === PAGE_BREAK || candidate.trim().length === 0) {
        end++;
      } else if (parseContentsEntry(candidate) !== null) {
        lastEntry = end;
        end++;
      } else {
        break;
      }
    }
    if (lastEntry === -1) {
      result.push(line);
      index++;
      continue;
    }
    const block = lines.slice(index, lastEntry + 1).filter((entry): entry is string => entry !== PAGE_BREAK);
    removed.push({ reason: 'table-of-contents', text: block.join('\n') });
    index = lastEntry + 1;
  }
  return result;
}
