/**
 * Step 6 of clean: lines a page break cut (inside a sentence, an annotation or
 * a word) are joined back.
 */
import { DATE_LINE, DOC_NUMBER_LINE, TITLE_END } from '../document-lines.ts';
import { IDEOGRAPH, isIdeograph } from './characters.ts';
import { BLOCK_START, PAGE_BREAK, type LineOrBreak } from './line-kinds.ts';
import { PairCounts } from './pair-counts.ts';

/** A line that ends a sentence, clause, heading or parenthetical. */
const TERMINAL_END = /(?:[。！？；：!?;:…）)〕】」』]|[。！？]["”’』」]|\*\*)$/u;
const ENDS_MID_SENTENCE = /[，、“‘（《〔【—]$/u;
const INTERNAL_PUNCTUATION = /[，、。；：“”（）《》]/u;
/** A label and a list of names on one line: `分管单位：区教育局、区民政局`. */
const LABELLED_LIST = /^[\u4e00-\u9fff]{1,8}[：:][^。！？!?，,；;]*$/u;
const SENTENCE_INSIDE = /[。！？；]/u;
/** Names and cover lines are spaced out (张 壮, 柳州 市 人 民): such a line is not prose. */
const SPACED_IDEOGRAPHS = /[\u3400-\u9fff] [\u3400-\u9fff]/u;
const PROSE_LENGTH = 20;
const LINE_CANNOT_START = /^[，。；：、！？）)%％]/u;
/** What follows a number inside its sentence: a unit, a measure word, 左右 / 以上 / 以内. */
const UNIT_AFTER_NUMBER = /^(?:亿|万|千|百|元|年|月|日|个|人|户|所|公里|千米|平方|立方|吨|辆|家|项|座|斤|亩|倍|次|名|套|台|张|条|份|间|处|米|度|天|小时|左右|以上|以内|以下|多|余)/u;
const BARE_NUMBER = /^-?\d+(?:\.\d+)?\s*[%％]?$/u;
const NEWS_DATELINE = /^(?:\d{1,2}月\d{1,2}日(?:上午|下午|晚|晚间)?[，,]|本报讯|本网讯|[\u4e00-\u9fff]{2,6}(?:社|网|报)[\u4e00-\u9fff]{2,4}\d{1,2}月\d{1,2}日电)/u;
/** A page's publication line (发布日期：… 来源：…) opens a line of its own, never continues a headline. */
const PUBLICATION_LINE = /^(?:发布(?:日期|时间)|信息来源|来源|作者|编辑|责任编辑|日期|时间)\s*[:：]/u;
/** A footnote or glossary block (注：…, 注释：, 名词解释) opens a line of its own, never continues the text above. */
const NOTE_LINE = /^(?:注|注释|说明|名词解释)\s*[:：]|^(?:注释|名词解释)$/u;
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

interface JoinContext {
  /** Character pairs of the whole text, for evidence that a break cut a word. */
  readonly pairs: PairCounts;
  /** True when a header or page number stood between the two lines. */
  readonly acrossPageBreak: boolean;
  /** True when the lines were adjacent (no blank line between them). */
  readonly adjacent: boolean;
  /** True when `next` opens a closing signature: a short name line right above a date line. */
  readonly opensSignature: boolean;
}

/** A signature's date, in figures or in Chinese numerals (二〇二四年三月五日). */
const SIGNATURE_DATE = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日$/u;
const SIGNATURE_NAME = /^[\u4e00-\u9fff（）()·]{2,40}$/u;

/**
 * `大瑶镇人民政府` / `2024年3月5日` after a blank line close the document: the name
 * signs it and is never the rest of the list or sentence above (`配合单位：镇财政所`).
 */
export function opensSignature(line: string, following: string | undefined): boolean {
  return SIGNATURE_NAME.test(line.trim()) && following !== undefined && (SIGNATURE_DATE.test(following.trim()) || DATE_LINE.test(following.trim()));
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
  if (!context.adjacent && context.opensSignature && !hasUnclosedBracket(previous) && !ENDS_MID_SENTENCE.test(previous)) return false;
  // A PDF extract that gave each number a line of its own (完成 / 186.5 / 亿元，增长 / 5.2% / ；):
  // no line opens with closing punctuation, and a bare number sits inside its sentence.
  if (context.adjacent && !context.acrossPageBreak) {
    if (LINE_CANNOT_START.test(next) && !TERMINAL_END.test(previous)) return true;
    if (BARE_NUMBER.test(next) && /[\u3400-\u9fff]$/u.test(previous) && !BLOCK_START.test(previous + next)) return true;
    if (BARE_NUMBER.test(previous) && /^[\u3400-\u9fff]/u.test(next) && !BLOCK_START.test(next)) return true;
    if (/[\u3400-\u9fff]-?\d+(?:\.\d+)?[%％]?$/u.test(previous) && UNIT_AFTER_NUMBER.test(next)) return true;
  }
  // A task-division clause and its lead annotation belong together, and the
  // text after an annotation continues the same task, whatever cut them apart.
  if (!context.adjacent && !isHeading(previous)) {
    if (LEAD_ANNOTATION_START.test(next) && !BLOCK_START.test(next)) return true;
    if (LEAD_ANNOTATION_END.test(previous) && !BLOCK_START.test(next)) return true;
  }
  // `…增长8.3%；` / 第2页 共3页 / `固定资产投资…`: a semicolon ends a clause, not the
  // sentence, so a page break after it cut the sentence (a new item opens with its marker).
  if (context.acrossPageBreak && /[；;]$/u.test(previous) && /^[\u3400-\u9fff]/u.test(next) && !BLOCK_START.test(next) && !PUBLICATION_LINE.test(next) && !LABELLED_LIST.test(next)) return true;
  if (TERMINAL_END.test(previous)) return false;
  const shortPlain = (line: string): boolean => line.length <= 60 && !/[，。；]/u.test(line);
  // A title wrapped over two lines: 柳州市人民政府关于落实 / 2026年《政府工作报告》重点工作分工的意见.
  if (shortPlain(previous) && previous.includes('关于') && !TITLE_END.test(previous) && shortPlain(next) && TITLE_END.test(next)) {
    return !BLOCK_START.test(next) || /^\d{4}年(?!\d{1,2}月)/u.test(next);
  }
  if (BLOCK_START.test(next) || PUBLICATION_LINE.test(next) || NOTE_LINE.test(next)) return false;
  // `协同部门：A` / page break / `责任主体：B`: a labelled list, then the next label — two lines.
  if (LABELLED_LIST.test(previous) && !ENDS_MID_SENTENCE.test(previous) && LABELLED_LIST.test(next)) return false;
  // A document number or a date line (its header, its signature) is complete.
  if (DOC_NUMBER_LINE.test(previous) || DATE_LINE.test(previous)) return false;
  if (shortPlain(previous) && TITLE_END.test(previous)) return false;
  if (next.length < PROSE_LENGTH && SPACED_IDEOGRAPHS.test(next)) return false;

  if (hasUnclosedBracket(previous) || ENDS_MID_SENTENCE.test(previous)) return true;
  // A news body opens with its dateline (1月9日，… / 本报讯): the line above is its headline.
  if (!context.adjacent && NEWS_DATELINE.test(next)) return false;
  if (SPACED_IDEOGRAPHS.test(previous)) return false;
  // `联系单位：A、B` followed by a blank line: a labelled list is complete; what
  // comes after the gap (the next leader, a closing remark) is not part of it.
  if (!context.adjacent && !context.acrossPageBreak && LABELLED_LIST.test(previous)) return false;
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
export function rejoinUntilStable(lines: readonly LineOrBreak[]): string[] {
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
  for (const [index, line] of lines.entries()) {
    if (line === PAGE_BREAK || line.length === 0) {
      if (line === PAGE_BREAK) acrossPageBreak = true;
      gapLines++;
      continue;
    }
    const previous = open >= 0 ? output[open] : undefined;
    const following = lines[index + 1];
    const signature = following !== undefined && following !== PAGE_BREAK && opensSignature(line, following);
    if (previous !== undefined && continuesLine(previous, line, { pairs, acrossPageBreak, adjacent: gapLines === 0, opensSignature: signature })) {
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
