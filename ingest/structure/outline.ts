/**
 * The outline of one document's cleaned text: its title line, its headings with
 * their nesting level, its prose paragraphs and its table rows. Shared by
 * `splitParagraphs` (every document kind) and the work-report structure, so that
 * "what is a heading" is decided in one place.
 *
 * Chinese official documents number their levels 一、 → （一） → 1. → （1）, and some
 * add unnumbered part headings ("2016年工作回顾", "附注") or markdown marks
 * (`## 一、…`, `**（二）…**`). Levels are therefore assigned by numbering style, not
 * by markdown depth, which the seeds use inconsistently (`##`, `###`, `####` for
 * the same level).
 */

import type { Span } from '../model.ts';

export type HeadingStyle = 'chapter' | 'unnumbered' | 'numeral' | 'parenthesised';

export interface Heading {
  readonly style: HeadingStyle;
  /** As written (numbering kept), without markdown marks or a closing full stop. */
  readonly title: string;
  /** The number printed in front of the title (三 → 3), null when unnumbered. */
  readonly number: number | null;
  /** The whole heading line. */
  readonly line: Span;
  /** Prose that shares the heading's line: `（一）标题。正文……` keeps `正文……` here. */
  readonly inlineBody: Span | null;
  /** 1 = part (一、), 2 = section below it ((一)), 3 and deeper are not sections. */
  readonly level: number;
}

export interface ProseParagraph {
  readonly span: Span;
  /** Indices into `Outline.headings` of the enclosing level-1 and level-2 headings. */
  readonly partIndex: number | null;
  readonly sectionIndex: number | null;
}

export interface Outline {
  /** The document's own title line (`# 政府工作报告`, `2017年柳州市政府工作报告`), if any. */
  readonly title: Span | null;
  readonly headings: readonly Heading[];
  readonly paragraphs: readonly ProseParagraph[];
  readonly tableRows: readonly Span[];
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20, 二十三 → 23; null for anything else. */
export function parseChineseNumber(written: string): number | null {
  if (written.length === 0) return null;
  let total = 0;
  let digit: number | null = null;
  for (const character of written) {
    if (character === '十') {
      total += (digit ?? 1) * 10;
      digit = null;
    } else if (character === '百') {
      total += (digit ?? 1) * 100;
      digit = null;
    } else {
      const value = CHINESE_DIGITS[character];
      if (value === undefined) return null;
      digit = value;
    }
  }
  return total + (digit ?? 0);
}

const NUMERAL = '[一二三四五六七八九十百零〇两]+';
const CHAPTER_PREFIX = new RegExp(`^第(${NUMERAL})(?:部分|章|篇)[\\s、．.：:]*`, 'u');
const NUMERAL_PREFIX = new RegExp(`^(${NUMERAL})\\s*[、．.]\\s*`, 'u');
const PARENTHESISED_PREFIX = new RegExp(`^[（(]\\s*(${NUMERAL})\\s*[）)]\\s*`, 'u');

/**
 * Endings that make a short unnumbered line a part heading (`2016年工作回顾`,
 * `附注`) rather than a one-line paragraph or a fragment of a wrapped table cell.
 */
const UNNUMBERED_HEADING_ENDING = /(?:回顾|安排|要求|目标|任务|措施|方案|附注|注释|名词解释|附表|附件\s*\d*)$/u;
/** A date line (`2024年2月18日`) is neither a title nor a heading. */
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/u;
/** Punctuation that a heading line does not contain (a sentence or a salutation does). */
const SENTENCE_PUNCTUATION = /[。；：！？;:!?]/u;
const CLOSING_MARKS = /[”’」』*\s]+$/u;
const TERMINAL_PUNCTUATION = /[。！？；：.!?;:…）)]$/u;
/** Starts of lines that begin a new item even without a blank line before them. */
const ITEM_START =
  /^(?:[-*•·]\s|——|――|─|\d+\s*[.、．]|[（(]\s*\d+\s*[）)]|[\u2460-\u2487\u3251-\u325f\u32b1-\u32bf]|\*\*)/u;
const WHITESPACE = /[\s\u3000\ufeff]/u;

interface LineSpan {
  readonly start: number;
  readonly end: number;
}

/** Non-blank lines with their content trimmed; `gapBefore` marks a blank line before. */
function contentLines(text: string): { line: LineSpan; gapBefore: boolean }[] {
  const result: { line: LineSpan; gapBefore: boolean }[] = [];
  let lineStart = 0;
  let gap = false;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let start = lineStart;
    let end = lineEnd;
    while (start < end && WHITESPACE.test(text.charAt(start))) start += 1;
    while (end > start && WHITESPACE.test(text.charAt(end - 1))) end -= 1;
    if (start === end) {
      gap = true;
    } else {
      result.push({ line: { start, end }, gapBefore: gap });
      gap = false;
    }
    lineStart = lineEnd + 1;
  }
  return result;
}

function isTableRow(content: string): boolean {
  return content.includes('\t') || (content.startsWith('|') && content.endsWith('|'));
}

function stripMarkdown(value: string): string {
  return value.replace(/\*\*/gu, '').trim();
}

/** Heading title: markdown marks and a closing full stop removed. */
function cleanTitle(value: string): string {
  return stripMarkdown(value).replace(/[。.]$/u, '').trim();
}

interface Numbering {
  readonly style: Exclude<HeadingStyle, 'unnumbered'>;
  readonly number: number | null;
}

function numberingOf(content: string): Numbering | null {
  const chapter = CHAPTER_PREFIX.exec(content);
  if (chapter) return { style: 'chapter', number: parseChineseNumber(chapter[1] ?? '') };
  const parenthesised = PARENTHESISED_PREFIX.exec(content);
  if (parenthesised) return { style: 'parenthesised', number: parseChineseNumber(parenthesised[1] ?? '') };
  const numeral = NUMERAL_PREFIX.exec(content);
  // A bare 一、 must be followed by something: `一、二、三产业` is not a heading either.
  if (numeral && !NUMERAL_PREFIX.test(content.slice(numeral[0].length))) {
    return { style: 'numeral', number: parseChineseNumber(numeral[1] ?? '') };
  }
  return null;
}

function looksLikeShortHeading(content: string): boolean {
  const plain = stripMarkdown(content);
  return plain.length > 0 && plain.length <= 40 && !SENTENCE_PUNCTUATION.test(plain) && !/^[—―-]/u.test(plain);
}

type RawHeading = Omit<Heading, 'level'>;

/** The span between `start` and `end` without surrounding whitespace or markdown asterisks. */
function trimmedSpan(text: string, start: number, end: number): Span | null {
  let from = start;
  let to = end;
  while (from < to && (WHITESPACE.test(text.charAt(from)) || text.charAt(from) === '*')) from += 1;
  while (to > from && (WHITESPACE.test(text.charAt(to - 1)) || text.charAt(to - 1) === '*')) to -= 1;
  return from < to ? { start: from, end: to } : null;
}

/**
 * A numbered line: the title runs to the first full stop; what follows on the same
 * line is prose (`（一）聚力推进工业振兴，转型步伐更加坚实。传统产业优化升级。……`).
 */
function numberedHeading(text: string, line: LineSpan, numbering: Numbering): RawHeading {
  const content = text.slice(line.start, line.end);
  const stop = /[。！？]/u.exec(content);
  if (!stop || stop.index + 1 >= content.length) {
    return { ...numbering, title: cleanTitle(content), line, inlineBody: null };
  }
  const titleEnd = line.start + stop.index;
  return {
    ...numbering,
    title: cleanTitle(text.slice(line.start, titleEnd)),
    line,
    inlineBody: trimmedSpan(text, titleEnd + 1, line.end),
  };
}

function parseHeading(text: string, line: LineSpan): RawHeading | null {
  const content = text.slice(line.start, line.end);
  if (isTableRow(content)) return null;

  const markdown = /^#{1,6}[ \t]+/u.exec(content);
  if (markdown) {
    const inner = content.slice(markdown[0].length);
    const plain = stripMarkdown(inner);
    const numbering = numberingOf(plain);
    return {
      style: numbering?.style ?? 'unnumbered',
      number: numbering?.number ?? null,
      title: cleanTitle(inner),
      line,
      inlineBody: null,
    };
  }

  const wholeBold = /^\*\*([^*]+)\*\*$/u.exec(content);
  if (wholeBold) {
    const inner = (wholeBold[1] ?? '').trim();
    const numbering = numberingOf(inner);
    if (numbering) return { ...numbering, title: cleanTitle(inner), line, inlineBody: null };
    if (looksLikeShortHeading(inner)) {
      return { style: 'unnumbered', number: null, title: cleanTitle(inner), line, inlineBody: null };
    }
    return null;
  }

  // `**（二）标题**正文……`: the bold part is the heading, the rest is prose.
  const boldLead = /^\*\*([^*]+)\*\*/u.exec(content);
  if (boldLead) {
    const inner = (boldLead[1] ?? '').trim();
    const numbering = numberingOf(inner);
    // An unnumbered bold lead (`**决战决胜脱贫攻坚。**对照……`) opens a paragraph.
    if (!numbering) return null;
    return {
      ...numbering,
      title: cleanTitle(inner),
      line,
      inlineBody: trimmedSpan(text, line.start + boldLead[0].length, line.end),
    };
  }

  const numbering = numberingOf(content);
  if (numbering) return numberedHeading(text, line, numbering);

  if (looksLikeShortHeading(content) && UNNUMBERED_HEADING_ENDING.test(stripMarkdown(content)) && !DATE_LINE.test(content)) {
    return { style: 'unnumbered', number: null, title: cleanTitle(content), line, inlineBody: null };
  }
  return null;
}

/** The first line is the document's title when it reads like one and is not a numbered heading. */
function isTitleLine(text: string, line: LineSpan, heading: RawHeading | null): boolean {
  if (heading) return heading.style === 'unnumbered';
  const content = text.slice(line.start, line.end);
  const plain = stripMarkdown(content);
  return (
    !isTableRow(content) &&
    plain.length <= 60 &&
    !SENTENCE_PUNCTUATION.test(plain) &&
    !/[，,]/u.test(plain) &&
    !DATE_LINE.test(plain) &&
    !/^[—―-]/u.test(plain) &&
    /[\u4e00-\u9fff]/u.test(plain)
  );
}

/**
 * Unnumbered headings sit above 一、 when the first of them comes before the first
 * 一、 (the 2017 layout: "2017年工作安排" holding 一、…十、); otherwise they are parts
 * beside the numbered ones (a trailing "附注").
 */
function assignLevels(raw: readonly RawHeading[]): Heading[] {
  const firstIndex = (style: HeadingStyle): number => raw.findIndex((heading) => heading.style === style);
  const firstUnnumbered = firstIndex('unnumbered');
  const firstNumeral = firstIndex('numeral');
  const unnumberedAbove = firstUnnumbered !== -1 && firstNumeral !== -1 && firstUnnumbered < firstNumeral;
  const rankOf = (style: HeadingStyle): number => {
    switch (style) {
      case 'chapter':
        return 0;
      case 'unnumbered':
        return unnumberedAbove ? 1 : 2;
      case 'numeral':
        return 2;
      case 'parenthesised':
        return 3;
    }
  };
  const ranks = [...new Set(raw.map((heading) => rankOf(heading.style)))].sort((a, b) => a - b);
  return raw.map((heading) => ({ ...heading, level: ranks.indexOf(rankOf(heading.style)) + 1 }));
}

function endsParagraph(text: string, span: Span): boolean {
  const content = text.slice(span.start, span.end).replace(CLOSING_MARKS, '');
  return content.length === 0 || TERMINAL_PUNCTUATION.test(content);
}

/**
 * Builds the outline. Prose lines that follow each other without a blank line are
 * one paragraph when the first does not end a sentence (a hard-wrapped line);
 * paragraphs split by blank lines are left to the cleaner to rejoin.
 */
export function outline(text: string): Outline {
  const lines = contentLines(text);
  let title: Span | null = null;
  const rawHeadings: RawHeading[] = [];
  const tableRows: Span[] = [];
  type Piece = { span: Span; headingCount: number; gapBefore: boolean; startsParagraph: boolean };
  const pieces: Piece[] = [];

  lines.forEach(({ line, gapBefore }, index) => {
    const content = text.slice(line.start, line.end);
    if (isTableRow(content)) {
      tableRows.push(line);
      return;
    }
    const heading = parseHeading(text, line);
    if (index === 0 && isTitleLine(text, line, heading)) {
      title = line;
      return;
    }
    if (heading) {
      rawHeadings.push(heading);
      if (heading.inlineBody) {
        pieces.push({ span: heading.inlineBody, headingCount: rawHeadings.length, gapBefore: true, startsParagraph: true });
      }
      return;
    }
    pieces.push({ span: line, headingCount: rawHeadings.length, gapBefore, startsParagraph: ITEM_START.test(content) });
  });

  const headings = assignLevels(rawHeadings);
  const paragraphs: ProseParagraph[] = [];
  let current: { start: number; end: number; headingCount: number } | null = null;
  const flush = (): void => {
    if (!current) return;
    const { partIndex, sectionIndex } = enclosingHeadings(headings, current.headingCount);
    paragraphs.push({ span: { start: current.start, end: current.end }, partIndex, sectionIndex });
    current = null;
  };
  for (const piece of pieces) {
    const continues: boolean =
      current !== null &&
      !piece.gapBefore &&
      !piece.startsParagraph &&
      current.headingCount === piece.headingCount &&
      !endsParagraph(text, { start: current.start, end: current.end });
    if (continues && current) {
      current.end = piece.span.end;
    } else {
      flush();
      current = { start: piece.span.start, end: piece.span.end, headingCount: piece.headingCount };
    }
  }
  flush();
  return { title, headings, paragraphs, tableRows };
}

/** The level-1 and level-2 headings in force after the first `headingCount` headings. */
function enclosingHeadings(
  headings: readonly Heading[],
  headingCount: number,
): { partIndex: number | null; sectionIndex: number | null } {
  let partIndex: number | null = null;
  let sectionIndex: number | null = null;
  for (let index = 0; index < headingCount; index += 1) {
    const level = headings[index]?.level;
    if (level === 1) {
      partIndex = index;
      sectionIndex = null;
    } else if (level === 2) {
      sectionIndex = index;
    }
  }
  return { partIndex, sectionIndex };
}

/** The span a heading governs: up to the next heading of the same or a higher level. */
export function headingExtent(headings: readonly Heading[], index: number, textLength: number): Span {
  const heading = headings[index];
  if (!heading) throw new RangeError(`no heading at index ${index}`);
  const next = headings.slice(index + 1).find((other) => other.level <= heading.level);
  return { start: heading.line.start, end: next ? next.line.start : textLength };
}

/** Sentences of a span, each ending after 。！？ (and any closing quote) or at the span's end. */
export function sentenceSpans(text: string, span: Span): Span[] {
  const result: Span[] = [];
  let start = span.start;
  const pattern = /[。！？!?][”’」』）)]*(?:\*\*)?/gu;
  pattern.lastIndex = span.start;
  const content = text.slice(0, span.end);
  for (let match = pattern.exec(content); match; match = pattern.exec(content)) {
    const end = match.index + match[0].length;
    const trimmed = trimWhitespace(text, start, end);
    if (trimmed) result.push(trimmed);
    start = end;
  }
  const rest = trimWhitespace(text, start, span.end);
  if (rest) result.push(rest);
  return result;
}

function trimWhitespace(text: string, start: number, end: number): Span | null {
  let from = start;
  let to = end;
  while (from < to && WHITESPACE.test(text.charAt(from))) from += 1;
  while (to > from && WHITESPACE.test(text.charAt(to - 1))) to -= 1;
  return from < to ? { start: from, end: to } : null;
}
