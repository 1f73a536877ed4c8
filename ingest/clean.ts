/**
 * clean: one file's decoded text → normalised text plus a record of what was
 * removed. Pure: the editable rule lists arrive as `CleanRules` (see
 * `rules.ts`, which loads them from `data/rules/`).
 *
 * Steps, in order:
 *  1. characters and punctuation (`normaliseLine`): odd spaces, full-width
 *     digits, half-width punctuation next to Chinese text, docNo brackets;
 *  2. noise strings and patterns from the rule list;
 *  3. a document body repeated in the same file (kept once);
 *  4. tables of contents (a bulletin's 目录 is not a document);
 *  5. page furniture: running headers and page numbers;
 *  6. lines a page break cut (inside a sentence, an annotation or a word) are
 *     joined back;
 *  7. noise glued to a heading that the list does not name (a tail made of
 *     character pairs that occur nowhere else in the file).
 *
 * Every step works line by line with bounded or linear regular expressions,
 * so a 10 MB single-line file costs linear time.
 */
import type { CleanedText, RemovedFragment } from './model.ts';
import { CONTENTS_HEADING, parseContentsEntry } from './contents.ts';
import { DATE_LINE, TITLE_END } from './document-lines.ts';

export interface CleanRules {
  /** Literal strings removed wherever they occur (`data/rules/noise.txt`). */
  readonly noiseStrings: readonly string[];
  /** Patterns (global) removed wherever they match (`re:` lines of `data/rules/noise.txt`). */
  readonly noisePatterns: readonly RegExp[];
  /** Lines removed as running headers (`data/rules/running-headers.txt`): literal lines. */
  readonly runningHeaderLines: readonly string[];
  /** Lines removed as running headers: patterns matched against the whole trimmed line. */
  readonly runningHeaderPatterns: readonly RegExp[];
  /**
   * Words a section heading ends with (回顾, 安排 …; `data/rules/heading-endings.txt`):
   * where glued noise after a heading may begin.
   */
  readonly headingEndings: readonly string[];
}

export const NO_CLEAN_RULES: CleanRules = {
  noiseStrings: [],
  noisePatterns: [],
  runningHeaderLines: [],
  runningHeaderPatterns: [],
  headingEndings: [],
};

export function cleanText(input: { readonly path: string; readonly text: string }, rules: CleanRules): CleanedText {
  const removed: RemovedFragment[] = [];
  // A form feed is a page break: make it a blank line so the rejoin step sees it.
  const lines = input.text.replace(/\r\n?|\f/g, '\n').split('\n').map(normaliseLine);
  // Removing noise can leave spaces or punctuation to normalise on the lines it touched.
  const denoised = removeNoise(lines, rules, removed).map((line, index) => (line === lines[index] ? line : normaliseLine(line)));
  const deduplicated = removeRepeatedBlocks(denoised, removed);
  const withoutFurniture = removePageFurniture(deduplicated, rules, removed);
  const withoutContents = removeTablesOfContents(withoutFurniture, removed);
  const rejoined = rejoinUntilStable(withoutContents);
  const withoutTails = removeForeignHeadingTails(rejoined, rules, removed);
  return { path: input.path, text: collapseBlankLines(withoutTails.map(normaliseLine)), removed };
}

// ---------------------------------------------------------------------------
// 1. Characters and punctuation

const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** Full-width punctuation next to which a space is a typesetting artefact. */
const FULL_WIDTH_PUNCTUATION = '，。、；：？！（）《》〔〕【】“”‘’「」『』';
// Not after markdown markers: `### （三）…` and `- “绿盾”…` keep their syntax.
const SPACE_BY_FULL_WIDTH = new RegExp(`(?<=[${FULL_WIDTH_PUNCTUATION}]) |(?<![#*+>\\-]) (?=[${FULL_WIDTH_PUNCTUATION}])`, 'gu');
const SPACE_BETWEEN_LATIN_AND_IDEOGRAPH =
  /(?<=[0-9A-Za-z%])[ ](?=[\u3400-\u9fff\uf900-\ufaff])|(?<=[\u3400-\u9fff\uf900-\ufaff])[ ](?=[0-9A-Za-z%])/gu;
/** 柳政发[2024]3号, 柳政发(2024)3号, 柳政发【2024】3号 … → 柳政发〔2024〕3号 */
const DOC_NUMBER_BRACKETS = /(?<=[\u3400-\u9fff])\s*[[［(（【〔﹝]\s*((?:19|20)\d{2})\s*[\]］)）】〕﹞]\s*(\d{1,5})\s*号/gu;

function isIdeograph(character: string | undefined): boolean {
  return character !== undefined && IDEOGRAPH.test(character);
}

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

/** Idempotent: normaliseLine(normaliseLine(x)) === normaliseLine(x). */
export function normaliseLine(line: string): string {
  let text = line
    // Spaces of every width become one kind; zero-width characters and stray controls go.
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/gu, ' ')
    // eslint-disable-next-line no-control-regex -- stray control characters are exactly what this removes
    .replace(/[\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000b-\u001f\u007f]/gu, '')
    // Full-width ASCII letters and digits (２０２４) → ASCII.
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a％．]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    // ―― (horizontal bar) is used as a dash in some sources; the rest use ——.
    .replace(/\u2015/gu, '\u2014')
    .replace(/ {2,}/g, ' ');
  text = trimSpaces(text);
  text = text.replace(DOC_NUMBER_BRACKETS, '〔$1〕$2号');
  text = widenPunctuation(text);
  return text.replace(SPACE_BY_FULL_WIDTH, '').replace(SPACE_BETWEEN_LATIN_AND_IDEOGRAPH, '');
}

/** Trims spaces but keeps tabs, which separate table columns (also empty leading ones). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return text.slice(start, end);
}

const WIDE: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * Half-width , : ; ? ! ( ) next to a Chinese character become full-width.
 * Brackets are decided per pair, so `(3)` after `号` becomes `（3）` as a whole.
 * Only ideographs count as context (never punctuation this step could change),
 * which keeps the step idempotent.
 */
function widenPunctuation(text: string): string {
  const replacements = new Map<number, string>();
  const openers: number[] = [];
  const pattern = /[,:;?!()]/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const index = match.index;
    const character = match[0];
    const before = text[index - 1];
    const after = text[index + 1];
    const nextToChinese = isIdeograph(before) || isIdeograph(after);
    if (character === '(') {
      openers.push(index);
    } else if (character === ')') {
      const opener = openers.pop();
      if (opener === undefined) {
        if (nextToChinese) replacements.set(index, '）');
      } else if (nextToChinese || isIdeograph(text[opener - 1]) || isIdeograph(text[opener + 1])) {
        replacements.set(opener, '（');
        replacements.set(index, '）');
      }
    } else if (nextToChinese && !(isDigit(before) && isDigit(after))) {
      replacements.set(index, WIDE[character] ?? character);
    }
  }
  for (const opener of openers) {
    if (isIdeograph(text[opener - 1]) || isIdeograph(text[opener + 1])) replacements.set(opener, '（');
  }
  if (replacements.size === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const index of [...replacements.keys()].sort((a, b) => a - b)) {
    parts.push(text.slice(last, index), replacements.get(index) ?? '');
    last = index + 1;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

// ---------------------------------------------------------------------------
// 2. Listed noise

function removeNoise(lines: readonly string[], rules: CleanRules, removed: RemovedFragment[]): string[] {
  const strings = rules.noiseStrings.map(normaliseLine).filter((noise) => noise.length > 0);
  if (strings.length === 0 && rules.noisePatterns.length === 0) return [...lines];
  return lines.map((line) => {
    let text = line;
    for (const noise of strings) {
      if (!text.includes(noise)) continue;
      const parts = text.split(noise);
      for (let index = 1; index < parts.length; index++) removed.push({ reason: 'noise', text: noise });
      text = parts.join('');
    }
    for (const pattern of rules.noisePatterns) {
      text = text.replace(pattern, (match) => {
        if (match.length > 0) removed.push({ reason: 'noise', text: match });
        return '';
      });
    }
    return text;
  });
}

// ---------------------------------------------------------------------------
// 3. Repeated bodies

/** A repeat shorter than this many non-blank lines may be legitimate (a table header, a refrain). */
const MIN_REPEATED_LINES = 6;
const MIN_REPEATED_CHARACTERS = 200;

/**
 * Drops every later copy of a run of at least MIN_REPEATED_LINES non-blank
 * lines that already occurred earlier in the file. Lines are compared as whole
 * strings through integer ids, and runs are found by hashing windows of ids,
 * so the cost is linear in the number of lines.
 */
function removeRepeatedBlocks(lines: readonly string[], removed: RemovedFragment[]): string[] {
  const positions: number[] = [];
  const ids: number[] = [];
  const idOf = new Map<string, number>();
  lines.forEach((line, index) => {
    if (line.trim().length === 0) return;
    positions.push(index);
    let id = idOf.get(line);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(line, id);
    }
    ids.push(id);
  });
  if (ids.length < 2 * MIN_REPEATED_LINES) return [...lines];

  const firstWindow = new Map<string, number>();
  const drop = new Set<number>();
  let cursor = 0;
  while (cursor + MIN_REPEATED_LINES <= ids.length) {
    const key = ids.slice(cursor, cursor + MIN_REPEATED_LINES).join(',');
    const earlier = firstWindow.get(key);
    if (earlier === undefined) {
      firstWindow.set(key, cursor);
      cursor++;
      continue;
    }
    let length = 0;
    while (earlier + length < cursor && cursor + length < ids.length && ids[earlier + length] === ids[cursor + length]) {
      length++;
    }
    const copy = positions.slice(cursor, cursor + length).map((position) => lines[position] ?? '');
    const characters = copy.reduce((sum, line) => sum + line.length, 0);
    if (length >= MIN_REPEATED_LINES && characters >= MIN_REPEATED_CHARACTERS) {
      const first = positions[cursor] ?? 0;
      const last = positions[cursor + length - 1] ?? first;
      for (let index = first; index <= last; index++) drop.add(index);
      removed.push({ reason: 'duplicate-body', text: lines.slice(first, last + 1).join('\n') });
      cursor += length;
    } else {
      cursor++;
    }
  }
  return drop.size === 0 ? [...lines] : lines.filter((_, index) => !drop.has(index));
}

// ---------------------------------------------------------------------------
// 4. Tables of contents

/** Runs after page furniture is gone, so a contents list spread over pages is one block. */
function removeTablesOfContents(lines: readonly LineOrBreak[], removed: RemovedFragment[]): LineOrBreak[] {
  const result: LineOrBreak[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? '';
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

// ---------------------------------------------------------------------------
// 5. Page furniture

/** Marks where running headers or page numbers stood: a page break. */
const PAGE_BREAK = null;
type LineOrBreak = string | typeof PAGE_BREAK;

const DASHES = '—\\-－–';
const DASH_FRAMED = new RegExp(`^([${DASHES}]*)\\s*([^${DASHES}\\s][^${DASHES}]{0,28}?)\\s*([${DASHES}]*)$`, 'u');
const SENTENCE_PUNCTUATION = /[，。；：！？、,.;:!?]/u;
const PAGE_NUMBER = [
  /^[—\-－–]?\s*\d{1,3}\s*[—\-－–]?$/u,
  /^第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^\d{1,4}\s*\/\s*\d{1,4}$/u,
];
const MAX_HEADER_LENGTH = 40;
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

function removePageFurniture(lines: readonly string[], rules: CleanRules, removed: RemovedFragment[]): LineOrBreak[] {
  const framedContents = new Set<string>();
  for (const line of lines) {
    const framed = dashFramedContent(line);
    if (framed?.framed) framedContents.add(framed.content);
  }
  const listed = new Set(rules.runningHeaderLines.map(normaliseLine));
  const repeated = repeatedIsolatedLines(lines);

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
      repeated.has(line);
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

// ---------------------------------------------------------------------------
// 6. Rejoining lines a page break cut

/** A line that opens a new block: list and heading markers, annexes, dates, table rows. */
const BLOCK_START = new RegExp(
  [
    '^(?:',
    '[一二三四五六七八九十百]+[、.．]',
    '|[（(][一二三四五六七八九十百]+[）)]',
    '|[（(]\\d{1,3}[）)]',
    '|\\d{1,3}[.．、](?!\\d)',
    '|[\\u2460-\\u2473\\u3251-\\u325f]',
    '|第[一二三四五六七八九十百零\\d]+[章节条款部分]',
    '|附件|附表|附注|附录|抄送|抄报|主题词|序号',
    '|#|[-*+] |\\*\\*',
    '|[—―－]',
    '|目\\s*[录次]$',
    '|\\d{4}年\\d{1,2}月\\d{1,2}日(?:\\s|$)',
    '|[\\u3400-\\u9fff]{1,12}〔\\d{4}〕\\d{1,5}号$',
    '|[\\u3400-\\u9fff]{2,20}(?:人民政府|办公室|办公厅)\\s*关于',
    ')',
  ].join(''),
  'u',
);
/** A line that ends a sentence, clause, heading or parenthetical. */
const TERMINAL_END = /(?:[。！？；：!?;:…）)〕】」』]|[。！？]["”’』」]|\*\*)$/u;
const ENDS_MID_SENTENCE = /[，、“‘（《〔【—]$/u;
const INTERNAL_PUNCTUATION = /[，、。；：“”（）《》]/u;
const SENTENCE_INSIDE = /[。！？；]/u;
/** Names and cover lines are spaced out (张 壮, 柳州 市 人 民): such a line is not prose. */
const SPACED_IDEOGRAPHS = /[\u3400-\u9fff] [\u3400-\u9fff]/u;
const PROSE_LENGTH = 20;
const OPENING = '（(〔【《“‘[';
const CLOSING = '）)〕】》”’]';

/** `（市工业和信息化局牵头，12月底前完成当年任务）` opening a line. */
const LEAD_ANNOTATION_START = /^[（(〔][^。]{0,120}?(?:牵头|负责)/u;
/** …and closing one. */
const LEAD_ANNOTATION_END = /(?:牵头|负责)[^。（(〔]{0,60}[）)〕]$/u;
/** Headings carry at most one comma and no full stop; longer lines under a marker are body text. */
const MAX_HEADING_COMMAS = 1;
const MAX_MARKED_HEADING_LENGTH = 36;

/** A line that opens with a list or heading marker and reads like a heading, not body text. */
function isHeading(line: string): boolean {
  if (!BLOCK_START.test(line) || SENTENCE_INSIDE.test(line.slice(0, -1))) return false;
  const commas = line.split('，').length - 1;
  return commas <= MAX_HEADING_COMMAS && line.length < MAX_MARKED_HEADING_LENGTH;
}

function hasUnclosedBracket(line: string): boolean {
  let depth = 0;
  for (const character of line) {
    if (OPENING.includes(character)) depth++;
    else if (CLOSING.includes(character) && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * How often each pair of adjacent Chinese characters occurs in a text, counted
 * in one pass so that the many look-ups of the rejoin and noise steps stay
 * linear overall. Keys are the two UTF-16 code units packed into one number.
 */
class PairCounts {
  private readonly counts = new Map<number, number>();

  constructor(text: string) {
    for (let index = 0; index + 1 < text.length; index++) {
      const first = text.charCodeAt(index);
      const second = text.charCodeAt(index + 1);
      if (!isIdeographCode(first) || !isIdeographCode(second)) continue;
      const key = first * 0x10000 + second;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }

  /** Occurrences of the two-character string `pair` (0 unless both are ideographs). */
  of(pair: string): number {
    return this.counts.get(pair.charCodeAt(0) * 0x10000 + pair.charCodeAt(1)) ?? 0;
  }
}

function isIdeographCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

interface JoinContext {
  /** Character pairs of the whole text, for evidence that a break cut a word. */
  readonly pairs: PairCounts;
  /** True when a header or page number stood between the two lines. */
  readonly acrossPageBreak: boolean;
  /** True when the lines were adjacent (no blank line between them). */
  readonly adjacent: boolean;
}

/**
 * True when the pair of characters around the break is common in this very
 * file (高|质量 where 高质量 occurs often): the break most likely cut a word.
 */
function pairIsCommon(before: string, after: string, context: JoinContext, minimum: number): boolean {
  const last = before[before.length - 1];
  const first = after[0];
  if (!isIdeograph(last) || !isIdeograph(first)) return false;
  return context.pairs.of(`${last}${first}`) >= minimum;
}

/** Decides whether `next` continues `previous` across a blank line, header or page number. */
function continuesLine(previous: string, next: string, context: JoinContext): boolean {
  if (previous.includes('\t') || next.includes('\t') || previous.startsWith('#')) return false;
  // A task-division clause and its lead annotation belong together, and the
  // text after an annotation continues the same task, whatever cut them apart.
  if (!context.adjacent && !isHeading(previous)) {
    if (LEAD_ANNOTATION_START.test(next) && !BLOCK_START.test(next)) return true;
    if (LEAD_ANNOTATION_END.test(previous) && !BLOCK_START.test(next)) return true;
  }
  if (TERMINAL_END.test(previous)) return false;
  const shortPlain = (line: string): boolean => line.length <= 60 && !/[，。；]/u.test(line);
  // A title wrapped over two lines: 柳州市人民政府关于落实 / 2026年《政府工作报告》重点工作分工的意见.
  if (shortPlain(previous) && previous.includes('关于') && !TITLE_END.test(previous) && shortPlain(next) && TITLE_END.test(next)) {
    return !BLOCK_START.test(next) || /^\d{4}年(?!\d{1,2}月)/u.test(next);
  }
  if (BLOCK_START.test(next)) return false;
  if (shortPlain(previous) && TITLE_END.test(previous)) return false;
  if (next.length < PROSE_LENGTH && SPACED_IDEOGRAPHS.test(next)) return false;

  if (hasUnclosedBracket(previous) || ENDS_MID_SENTENCE.test(previous)) return true;
  if (SPACED_IDEOGRAPHS.test(previous)) return false;
  if (context.adjacent) {
    // Lines without a blank between them are joined only on strong evidence.
    return INTERNAL_PUNCTUATION.test(previous) && previous.length >= 15 && !BLOCK_START.test(previous) && pairIsCommon(previous, next, context, 3);
  }
  if (BLOCK_START.test(previous)) {
    // A heading or list item: body text inside it, or a cut word, means it goes on.
    return !isHeading(previous) || pairIsCommon(previous, next, context, 2);
  }
  if (!IDEOGRAPH.test(previous) || /[A-Za-z]$/u.test(previous)) return false;
  if (INTERNAL_PUNCTUATION.test(previous) || previous.length >= PROSE_LENGTH) return true;
  return context.acrossPageBreak && pairIsCommon(previous, next, context, 2);
}

/**
 * A join can enable another one (an annotation cut by a page break is only
 * recognisable once its two halves are joined), so the step is repeated until
 * nothing changes; each round only shortens the list, so it ends.
 */
function rejoinUntilStable(lines: readonly LineOrBreak[]): string[] {
  // The vocabulary is taken once, from the lines as the source cut them.
  const pairs = new PairCounts(lines.filter((line): line is string => line !== PAGE_BREAK).join('\n'));
  let current = rejoinBrokenLines(lines, pairs);
  for (let round = 0; round < MAX_REJOIN_ROUNDS; round++) {
    const next = rejoinBrokenLines(current, pairs);
    if (next.length === current.length) return next;
    current = next;
  }
  return current;
}

const MAX_REJOIN_ROUNDS = 8;

function rejoinBrokenLines(lines: readonly LineOrBreak[], pairs: PairCounts): string[] {
  const output: string[] = [];
  /** Index in `output` of the last non-blank line, when only blank lines or breaks followed it. */
  let open = -1;
  let gapLines = 0;
  let acrossPageBreak = false;
  for (const line of lines) {
    if (line === PAGE_BREAK || line.length === 0) {
      if (line === PAGE_BREAK) acrossPageBreak = true;
      gapLines++;
      continue;
    }
    const previous = open >= 0 ? output[open] : undefined;
    if (previous !== undefined && continuesLine(previous, line, { pairs, acrossPageBreak, adjacent: gapLines === 0 })) {
      output[open] = joinParts(previous, line);
    } else {
      // Keep one blank line where there was a gap (or a page break) so paragraphs stay apart.
      if (open >= 0 && gapLines > 0) output.push('');
      output.push(line);
      open = output.length - 1;
    }
    gapLines = 0;
    acrossPageBreak = false;
  }
  return output;
}

/** Chinese is written without spaces; only two Latin words keep one between them. */
function joinParts(before: string, after: string): string {
  const last = before[before.length - 1] ?? '';
  const first = after[0] ?? '';
  return /[A-Za-z]/u.test(last) && /[A-Za-z]/u.test(first) ? `${before} ${after}` : `${before}${after}`;
}

// ---------------------------------------------------------------------------
// 7. Noise glued to a heading

/** Below this size a file has too little vocabulary to call anything foreign. */
const MIN_TEXT_FOR_VOCABULARY = 1000;
const MIN_FOREIGN_TAIL = 4;
const MAX_HEADING_LENGTH = 40;

/**
 * A heading such as `2016年工作回顾侯卫东官场笔记`: a part that ends like a
 * heading (…回顾, a word from `CleanRules.headingEndings`) followed by a tail
 * of Chinese characters whose every character pair, including the pair across
 * the cut, occurs nowhere else in the file. Such a tail was pasted in (a
 * scraper's advert, a novel's title) and is removed. The vocabulary test keeps
 * real headings (`2017年工作总体要求与目标`: 目标 occurs elsewhere) intact.
 */
function removeForeignHeadingTails(lines: readonly string[], rules: CleanRules, removed: RemovedFragment[]): string[] {
  const text = lines.join('\n');
  if (text.length < MIN_TEXT_FOR_VOCABULARY || rules.headingEndings.length === 0) return [...lines];
  const pairs = new PairCounts(text);
  const lineCounts = new Map<string, number>();
  for (const line of lines) lineCounts.set(line, (lineCounts.get(line) ?? 0) + 1);
  return lines.map((line) => {
    if (line.length > MAX_HEADING_LENGTH || line.length < MIN_FOREIGN_TAIL + 2 || SENTENCE_PUNCTUATION.test(line) || line.includes('\t')) {
      return line;
    }
    // A pair is foreign when it occurs only in the copies of this very line.
    const copies = lineCounts.get(line) ?? 1;
    const foreign = (pair: string): boolean => pairs.of(pair) <= copies;
    // The shortest tail that qualifies: scan cut points from the right.
    for (let cut = line.length - MIN_FOREIGN_TAIL; cut >= 2; cut--) {
      const head = line.slice(0, cut);
      const tail = line.slice(cut);
      if (![...tail].every(isIdeograph)) break;
      if (!rules.headingEndings.some((ending) => head.endsWith(ending))) continue;
      let isForeign = foreign(line.slice(cut - 1, cut + 1));
      for (let index = 0; isForeign && index + 2 <= tail.length; index++) isForeign = foreign(tail.slice(index, index + 2));
      if (!isForeign) continue;
      removed.push({ reason: 'noise', text: tail });
      return head;
    }
    return line;
  });
}

// ---------------------------------------------------------------------------

function collapseBlankLines(lines: readonly string[]): string {
  const output: string[] = [];
  for (const line of lines) {
    if (line.length === 0 && (output.length === 0 || output[output.length - 1] === '')) continue;
    output.push(line);
  }
  while (output.length > 0 && output[output.length - 1] === '') output.pop();
  return output.length === 0 ? '' : `${output.join('\n')}\n`;
}
