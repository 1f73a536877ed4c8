/** Step 5 of clean: page furniture, running headers and page numbers, each replaced by a page break. */
import type { RemovedFragment } from '../model.ts';
import { DATE_LINE } from '../document-lines.ts';
import type { CleanRules } from './clean-rules.ts';
import { normaliseLine } from './characters.ts';
import { BLOCK_START, PAGE_BREAK, SENTENCE_PUNCTUATION, type LineOrBreak } from './line-kinds.ts';

const DASHES = '—\\-－–';
const DASH_FRAMED = new RegExp(`^([${DASHES}]*)\\s*([^${DASHES}\\s][^${DASHES}]{0,28}?)\\s*([${DASHES}]*)$`, 'u');
const PAGE_NUMBER = [
  /^[—\-－–·•]?\s*\d{1,3}\s*[—\-－–·•]?$/u,
  /^第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^\d{1,4}\s*\/\s*\d{1,4}$/u,
];
const MAX_HEADER_LENGTH = 40;
const INLINE_PAGE_NUMBER = /(?<=[\u4e00-\u9fff])[·•]\s?\d{1,3}\s?[·•](?=[\u4e00-\u9fff])/gu;

/** A page number a print layout left inside a line (`市发展改·2·革委`) is not text. */
export function removeInlinePageNumbers(text: string): string {
  return text.replace(INLINE_PAGE_NUMBER, '');
}
const MIN_HEADER_REPEATS = 3;

/** The words of a dash-framed line, e.g. 柳州市人民政府 in ——柳州市人民政府——, or null. */
function dashFramedContent(line: string): { content: string; framed: boolean; dashed: boolean } | null {
  if (line.length > MAX_HEADER_LENGTH) return null;
  const match = DASH_FRAMED.exec(line);
  if (!match) return null;
  const [, leading = '', content = '', trailing = ''] = match;
  // A dash-led subtitle (——2020年1月19日在……会议上) or bullet (——经济稳中有进。) is text.
  if (SENTENCE_PUNCTUATION.test(content) || /^\d/u.test(content)) return null;
  return { content, framed: leading.length > 0 && trailing.length > 0, dashed: leading.length > 0 || trailing.length > 0 };
}

export function removePageFurniture(lines: readonly string[], rules: CleanRules, removed: RemovedFragment[]): LineOrBreak[] {
  const framedContents = new Set<string>();
  for (const line of lines) {
    const framed = dashFramedContent(line);
    if (framed?.framed) framedContents.add(framed.content);
  }
  const listed = new Set(rules.runningHeaderLines.map(normaliseLine));
  const repeated = repeatedIsolatedLines(lines);
  const pageTops = repeatedPageTopLines(lines);

  const nextNonBlank = (from: number): string => {
    for (let index = from + 1; index < lines.length; index++) {
      const line = lines[index] ?? '';
      if (line.length > 0) return line;
    }
    return '';
  };

  return lines.map((line, index) => {
    if (line.length === 0 || line.length > MAX_HEADER_LENGTH || line.includes('\t')) return line;
    if (PAGE_NUMBER.some((pattern) => pattern.test(line))) {
      removed.push({ reason: 'page-number', text: line });
      return PAGE_BREAK;
    }
    const framed = dashFramedContent(line);
    const isHeader =
      (framed !== null && framed.dashed && (framed.framed || framedContents.has(framed.content))) ||
      // A bare 柳州市人民政府 is a header unless it signs a document (a date follows).
      ((framedContents.has(line) || listed.has(line) || rules.runningHeaderPatterns.some((pattern) => pattern.test(line))) &&
        !DATE_LINE.test(nextNonBlank(index))) ||
      repeated.has(line) ||
      (pageTops.has(line) && opensPage(lines, index));
    if (!isHeader) return line;
    removed.push({ reason: 'running-header', text: line });
    return PAGE_BREAK;
  });
}

/**
 * Short lines that stand alone (blank lines around them) at least
 * MIN_HEADER_REPEATS times and are not headings, dates or sentences: the
 * running headers of a paginated source.
 */
function repeatedIsolatedLines(lines: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  const disqualified = new Set<string>();
  lines.forEach((line, index) => {
    if (line.length === 0 || line.length > MAX_HEADER_LENGTH) return;
    if (line.includes('\t') || SENTENCE_PUNCTUATION.test(line) || BLOCK_START.test(line) || DATE_LINE.test(line)) return;
    const isolated = (lines[index - 1] ?? '').length === 0 && (lines[index + 1] ?? '').length === 0;
    if (!isolated) disqualified.add(line);
    counts.set(line, (counts.get(line) ?? 0) + 1);
  });
  const result = new Set<string>();
  for (const [line, count] of counts) {
    if (count >= MIN_HEADER_REPEATS && !disqualified.has(line)) result.add(line);
  }
  return result;
}

/** The line at `index` is the first after a page number (blank lines between). */
function opensPage(lines: readonly string[], index: number): boolean {
  let before = index - 1;
  while (before >= 0 && (lines[before] ?? '').length === 0) before -= 1;
  const previous = lines[before];
  return previous !== undefined && PAGE_NUMBER.some((pattern) => pattern.test(previous));
}

/**
 * Short lines that open a page (right after a page number) at least twice: a
 * PDF copy's running header, repeated on every page and glued to the first line
 * of the page's text. Its first use, as the title above the text, is no page top
 * and stays.
 */
function repeatedPageTopLines(lines: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  lines.forEach((line, index) => {
    if (line.length === 0 || line.length > MAX_HEADER_LENGTH || line.includes('\t') || SENTENCE_PUNCTUATION.test(line) || BLOCK_START.test(line)) return;
    if (opensPage(lines, index)) counts.set(line, (counts.get(line) ?? 0) + 1);
  });
  return new Set([...counts].filter(([, count]) => count >= 2).map(([line]) => line));
}
