/**
 * Step 5b of clean: text copied out of a PDF keeps the page's line breaks, so
 * a sentence — and any name in it (`区财` / `政局`, `规上工业增` / `加值`) — is cut
 * every N characters, with no blank line to tell where a paragraph ends.
 *
 * Such a copy shows itself by its line lengths: many lines are exactly as
 * long as the page is wide (give or take one, where the typesetter moved a
 * punctuation mark). A line of that width that does not end a sentence goes on
 * in the line right under it. Lines of other lengths, lines ending a sentence
 * and lines under which a new item or a label opens are left alone, so a
 * document that is not a fixed-width copy is not touched.
 */
import { BLOCK_START, type LineOrBreak } from './line-kinds.ts';

/** Lines shorter than this say nothing about the page width. */
const MIN_WIDTH = 16;
const MAX_WIDTH = 60;
/** How many lines must be of one width, and what share of the long lines, for a fixed-width copy. */
const MIN_FULL_LINES = 6;
const MIN_FULL_SHARE = 0.4;
const LEADING_NUMBER = /^[-+]?\d[\d.,]*[%％‰]?/u;
/** A sentence is complete at the line's end (a ； only ends a clause: the sentence goes on). */
const COMPLETE_END = /[。！？：!?:…）)〕】」』”]$/u;
/** The next line opens a label (`责任部门：`), a numbered item or a heading of its own. */
const OPENS_LINE = /^[\u4e00-\u9fff]{2,12}[：:]/u;

/** The page width of a fixed-width copy, or null when the lines show none. */
export function fixedLineWidth(lines: readonly LineOrBreak[]): number | null {
  const counts = new Map<number, number>();
  let long = 0;
  for (const line of lines) {
    if (line === null || line.includes('\t')) continue;
    const length = [...line].length;
    if (length < MIN_WIDTH || length > MAX_WIDTH) continue;
    long += 1;
    counts.set(length, (counts.get(length) ?? 0) + 1);
  }
  // The page width is the most common length (the longer on a tie); lines one off it are full too.
  let best: number | null = null;
  for (const [width, count] of counts) {
    if (best === null || count > (counts.get(best) ?? 0) || (count === counts.get(best) && width > best)) best = width;
  }
  if (best === null) return null;
  const full = (counts.get(best - 1) ?? 0) + (counts.get(best) ?? 0) + (counts.get(best + 1) ?? 0);
  return full >= MIN_FULL_LINES && full >= MIN_FULL_SHARE * long ? best : null;
}

/** Joins each line of the page's width to the line right under it where the sentence goes on. */
export function joinHardWraps(lines: readonly LineOrBreak[]): LineOrBreak[] {
  const width = fixedLineWidth(lines);
  if (width === null) return [...lines];
  const output: LineOrBreak[] = [];
  // The length of the last physical line in each output line: a joined line is judged by its last piece.
  let lastPiece = 0;
  for (const line of lines) {
    const previous = output[output.length - 1];
    if (typeof previous === 'string' && typeof line === 'string' && line.length > 0 && wrapsInto(previous, lastPiece, line, width)) {
      output[output.length - 1] = previous + line;
      lastPiece = [...line].length;
      continue;
    }
    output.push(line);
    lastPiece = line === null ? 0 : [...line].length;
  }
  return output;
}

function wrapsInto(previous: string, lastPiece: number, next: string, width: number): boolean {
  if (previous.includes('\t') || next.includes('\t')) return false;
  // A number is never split: a line may end short by the number that opens the next (`…，增长` / `5.6%；…`).
  const movedNumber = LEADING_NUMBER.exec(next)?.[0].length ?? 0;
  if (lastPiece + movedNumber < width - 1 || lastPiece > width + 1 || COMPLETE_END.test(previous)) return false;
  return !BLOCK_START.test(next) && !OPENS_LINE.test(next);
}
