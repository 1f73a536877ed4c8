/**
 * The sentences of a work report that state figures: the main targets for the plan
 * year (TARGET) and the results reported in the review of the year before (ACTUAL).
 * Which metric each figure belongs to is decided later by `extractIndicators`; this
 * stage only finds the sentences, by cues every report of the family uses — also
 * in a news summary of a report, which has no review heading and often lists the
 * targets one per line (`主要预期目标是：` / `◆地区生产总值增长5%；` / …).
 */

import type { FigureSentence, Span } from '../model.ts';
import { type Outline, headingExtent, sentenceSpans } from './outline.ts';

/** `主要预期目标是：`, `预期目标建议为`, `**……主要目标是：**`. */
const TARGET_CUE =
  /(?:预期目标|主要目标|发展目标)(?:建议|初步|拟)?(?:确定|安排|设定|定)?(?:是|为)|(?:预期目标|主要目标)\s*(?:\*\*)?\s*[：:]/u;
/** A section or part that holds the targets (`（一）经济社会发展的主要预期目标`). */
const TARGET_HEADING = /预期目标|主要目标/u;
/** Units that make a number a reported figure (`稳增长30条` is not one). */
const FIGURE_UNIT = '(?:%|％|个百分点|倍|万亿元|亿元|万元|元|亿美元|万美元)';
/** Inside a list of targets or results, counts and quantities are figures too (`◆粮食产量1280万吨。`). */
const LIST_FIGURE = /\d\s*(?:%|％|个百分点|倍|万亿元|亿元|万元|元|亿美元|万美元|万人次|万人|人|万亿斤|亿斤|万斤|万吨|吨|万辆|万平方米|万亩|万户|万标箱)/u;
/** A change stated with a number: `增长6%`, `下降 1.9%`, `控制在3%以内`. */
const CHANGE_FIGURE = new RegExp(
  `(?:增长|增速|下降|提高|降低|减少|回落|增加|上涨|涨幅|控制在)\\s*(?:约|近|超过?)?\\s*[-－]?\\d+(?:\\.\\d+)?\\s*(?:[%％]?\\s*[—－–~～至到-]\\s*\\d+(?:\\.\\d+)?\\s*)?${FIGURE_UNIT}`,
  'u',
);
/** A line opened by a bullet sign. */
const BULLETED = /^\s*[●◆■▲►•·・‧∙※★☆◇○□]/u;
/** A number with a unit. */
const AMOUNT_FIGURE = new RegExp(`\\d\\s*${FIGURE_UNIT}`, 'u');
/**
 * A target stated without a number: `与经济增长基本同步`, `完成市下达任务`,
 * `控制在自治区下达指标以内`, `高于全省平均水平`.
 */
export const QUALITATIVE_TARGET =
  /经济增长(?:基本|保持)*同步|(?:实现|保持|力争|确保)正增长|下达的?[\u4e00-\u9fff]{0,4}?(?:目标|任务|指标)|(?:高于|快于|不低于)(?:全(?:国|省|区|市|州|县)(?:平均)?水平|经济增长)/u;
/** Review headings: `一、2019年工作回顾`, `过去一年工作`, a plan report's `一、2023年计划执行情况`. */
const REVIEW_HEADING = /回顾|过去一年|工作总结|(?:计划)?(?:执行|完成)情况/u;
const PLAN_HEADING = /安排|目标|要求|任务|计划|打算/u;
/** Statements about several years (five-year reviews), not about the year before. */
const SEVERAL_YEARS = /年均|累计|五年来|过去五年|时期|期间/u;
/** Headline results in a report, or a news summary of one, that has no review heading. */
const ESTIMATE_CUE = /初步(?:核算|统计|预计|测算)|预计全年/u;
/** A paragraph of a news summary that reports on the year before. */
const REVIEW_CUE = /回顾|过去一年|去年|一年来|刚刚过去|报告显示|初步(?:核算|统计|预计|测算)|预计全年/u;
/** One item of a list of figures, one a line: `◆地区生产总值增长5%；`, `——粮食产量稳定在11万吨以上；`. */
const LIST_ITEM_LENGTH = 90;
/** What ends a review carried over paragraphs: the plan year's aims (`今年`, `将`, `预期目标`). */
const PLAN_CUE = /今年|预期目标|主要目标|将|力争/u;

/** A paragraph that opens the review of the year before: `2016年，全市上下…`, `过去一年，…`. */
function opensReview(paragraph: string, planYear: number): boolean {
  return new RegExp(`^\\s*(?:${planYear - 1}\\s*年|过去的?一年|去年|一年来)`, 'u').test(paragraph);
}

/** A sentence that opens with the plan year (or 今年) and an aim: `2024年，…将力争…`, `今年全市力争…`. */
function aimOfYear(planYear: number): RegExp {
  return new RegExp(`^\\s*(?:${planYear}\\s*年|今年)[，,]?[^。；，,]{0,16}?(?:将|力争|确保|计划|预期|预计)`, 'u');
}

/** A quantity reached (`粮食总产量达到186.2万吨`): a figure in prose too, not only in a list. */
const QUANTITY_REACHED = /(?:达到|达|突破|稳定在)\s*\d+(?:\.\d+)?\s*(?:万亿斤|亿斤|万斤|万吨|亿吨)/u;

function hasFigure(sentence: string): boolean {
  return CHANGE_FIGURE.test(sentence) || AMOUNT_FIGURE.test(sentence) || QUANTITY_REACHED.test(sentence);
}

function isReviewTitle(title: string, year: number): boolean {
  if (REVIEW_HEADING.test(title)) return true;
  return title.includes(`${year - 1}年`) && !PLAN_HEADING.test(title);
}

function isPlanTitle(title: string, year: number): boolean {
  return !REVIEW_HEADING.test(title) && (PLAN_HEADING.test(title) || title.includes(`${year}年`));
}

/**
 * The review of last year: parts titled as a review, or, in a report that starts
 * without its first heading (the review's), everything before the first plan part.
 */
function reviewRegions(text: string, structure: Outline, year: number): Span[] {
  const parts = structure.headings
    .map((heading, index) => ({ heading, index }))
    .filter(({ heading }) => heading.level === 1);
  const titled = parts
    .filter(({ heading }) => isReviewTitle(heading.title, year))
    .map(({ index }) => headingExtent(structure.headings, index, text.length));
  if (titled.length > 0) return titled;
  const firstPart = parts[0];
  if (firstPart && isPlanTitle(firstPart.heading.title, year)) {
    return [{ start: 0, end: firstPart.heading.line.start }];
  }
  return [];
}

function within(span: Span, regions: readonly Span[]): boolean {
  return regions.some((region) => span.start >= region.start && span.end <= region.end);
}

/** A line of a list of figures: short, or opened by a bullet, and stating a figure. */
function isListItem(paragraph: string): boolean {
  const item = paragraph.replace(/^[\s●◆■▲►•·※★☆◇○□—–\-*]+/u, '');
  const bulleted = item.length < paragraph.trimStart().length;
  return (bulleted || item.length <= LIST_ITEM_LENGTH) && (LIST_FIGURE.test(item) || QUALITATIVE_TARGET.test(item));
}

/** A paragraph that announces a list (`主要预期目标是：`, `报告指出，过去一年：`). */
function opensList(paragraph: string): boolean {
  return /[：:]\s*(?:\*\*)?\s*$/u.test(paragraph);
}

/**
 * @param bodyEnd where the report's body ends (the glossary's start), so that
 *   definitions and appended tables are not read as results.
 */
export function findFigureSentences(text: string, structure: Outline, year: number, bodyEnd: number): FigureSentence[] {
  // The classifier's year: a report's plan year; its review is about the year before.
  const planYear = year;
  const reviews = reviewRegions(text, structure, planYear);
  const figures: FigureSentence[] = [];
  const titleAt = (index: number | null): string => (index === null ? '' : (structure.headings[index]?.title ?? ''));
  let openList: 'TARGET' | 'ACTUAL' | null = null;
  // A report without a review heading may open its review with a paragraph of the
  // year before (`2016年，全市上下…`) and go on in paragraphs that each open with a
  // short summary (`经济总量迈上新台阶。…`) until the plan year's aims.
  let carriedReview = false;

  for (const paragraph of structure.paragraphs) {
    if (paragraph.span.end > bodyEnd) break;
    const paragraphText = text.slice(paragraph.span.start, paragraph.span.end);
    const partTitle = titleAt(paragraph.partIndex);
    const sectionTitle = titleAt(paragraph.sectionIndex);
    const underTargetHeading =
      [partTitle, sectionTitle].some((title) => TARGET_HEADING.test(title)) &&
      !isReviewTitle(partTitle, planYear);
    const listed = openList !== null && isListItem(paragraphText) ? openList : null;
    if (listed === null) openList = null;
    // A news summary names the year it reviews (报告指出，2023年全市…) as often as it says 过去一年.
    if (reviews.length === 0 && opensReview(paragraphText, planYear)) carriedReview = true;
    else if (PLAN_CUE.test(paragraphText) || paragraphText.includes(`${planYear}年`)) carriedReview = false;
    const reviewParagraph =
      reviews.length === 0 && (carriedReview || REVIEW_CUE.test(paragraphText) || paragraphText.includes(`${planYear - 1}年`));
    let continuingTargets = false;

    for (const span of sentenceSpans(text, paragraph.span)) {
      const sentence = text.slice(span.start, span.end);
      // A bulleted line is a list item whatever opened it (■ 2023年成绩单 / ● 粮食总产量达到837亿斤).
      const listItem = listed !== null || BULLETED.test(sentence);
      const states = hasFigure(sentence) || QUALITATIVE_TARGET.test(sentence) || (listItem && LIST_FIGURE.test(sentence));
      // A news summary without headings states the plan year's aims in a sentence of its own
      // (`2024年，某新区将力争地区生产总值增长7%以上，…`).
      const statedAim = reviews.length === 0 && aimOfYear(planYear).test(sentence) && (CHANGE_FIGURE.test(sentence) || QUALITATIVE_TARGET.test(sentence));
      const isTarget: boolean =
        listed === 'TARGET' ||
        statedAim ||
        (TARGET_CUE.test(sentence) && states) ||
        (continuingTargets && CHANGE_FIGURE.test(sentence)) ||
        (underTargetHeading && (CHANGE_FIGURE.test(sentence) || QUALITATIVE_TARGET.test(sentence)));
      const previous = figures[figures.length - 1];
      if (!isTarget && continuingTargets && previous !== undefined && QUALITATIVE_TARGET.test(sentence)) {
        // `…增长10%。城镇登记失业率和单位生产总值能耗控制在自治区下达指标以内。`: a
        // closing sentence without a number belongs to the targets before it.
        figures[figures.length - 1] = { ...previous, text: text.slice(previous.span.start, span.end), span: { start: previous.span.start, end: span.end } };
        continue;
      }
      continuingTargets = isTarget;
      if (isTarget) {
        figures.push({ text: sentence, span, kind: 'TARGET', year: planYear });
        continue;
      }
      const inReview =
        listed === 'ACTUAL' ||
        (reviews.length > 0 ? within(span, reviews) : ESTIMATE_CUE.test(sentence) || (reviewParagraph && !TARGET_CUE.test(text.slice(paragraph.span.start, span.end))));
      if (inReview && states && !SEVERAL_YEARS.test(sentence)) {
        figures.push({ text: sentence, span, kind: 'ACTUAL', year: planYear - 1 });
      }
    }
    if (opensList(paragraphText)) {
      if (TARGET_CUE.test(paragraphText)) openList = 'TARGET';
      // A review with its own heading is read by its region; a list of results
      // is what a news summary opens with `报告指出，过去一年：`.
      else if (reviews.length === 0 && REVIEW_CUE.test(paragraphText)) openList = 'ACTUAL';
    }
  }
  return figures;
}
