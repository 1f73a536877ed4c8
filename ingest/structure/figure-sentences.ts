/**
 * The sentences of a work report that state figures: the main targets for the plan
 * year (TARGET) and the results reported in the review of the year before (ACTUAL).
 * Which metric each figure belongs to is decided later by `extractIndicators`; this
 * stage only finds the sentences, by cues every report of the family uses.
 */

import type { FigureSentence, Span } from '../model.ts';
import { type Outline, headingExtent, sentenceSpans } from './outline.ts';

/** `主要预期目标是：`, `预期目标为`, `**……主要目标是：**`. */
const TARGET_CUE = /(?:预期目标|主要目标|发展目标)(?:是|为)|(?:预期目标|主要目标)\s*(?:\*\*)?\s*[：:]/u;
/** A section or part that holds the targets (`（一）经济社会发展的主要预期目标`). */
const TARGET_HEADING = /预期目标|主要目标/u;
/** Units that make a number a reported figure (`稳增长30条` is not one). */
const FIGURE_UNIT = '(?:%|％|个百分点|倍|万亿元|亿元|万元|元|亿美元|万美元)';
/** A change stated with a number: `增长6%`, `下降 1.9%`, `控制在3%以内`. */
const CHANGE_FIGURE = new RegExp(
  `(?:增长|增速|下降|提高|降低|减少|回落|增加|上涨|涨幅|控制在)\\s*(?:约|近|超过?)?\\s*\\d+(?:\\.\\d+)?\\s*(?:[—－–~～至到-]\\s*\\d+(?:\\.\\d+)?\\s*)?${FIGURE_UNIT}`,
  'u',
);
/** A number with a unit. */
const AMOUNT_FIGURE = new RegExp(`\\d\\s*${FIGURE_UNIT}`, 'u');
/** Review headings: `一、2019年工作回顾`, `过去一年工作`. */
const REVIEW_HEADING = /回顾|过去一年|工作总结/u;
const PLAN_HEADING = /安排|目标|要求|任务|计划|打算/u;
/** Statements about several years (five-year reviews), not about the year before. */
const SEVERAL_YEARS = /年均|累计|五年来|过去五年|时期|期间/u;
/** Headline results in a report that has no review heading. */
const ESTIMATE_CUE = /初步(?:核算|统计|预计|测算)|预计全年/u;

function hasFigure(sentence: string): boolean {
  return CHANGE_FIGURE.test(sentence) || AMOUNT_FIGURE.test(sentence);
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

/**
 * @param bodyEnd where the report's body ends (the glossary's start), so that
 *   definitions and appended tables are not read as results.
 */
export function findFigureSentences(text: string, structure: Outline, year: number, bodyEnd: number): FigureSentence[] {
  const reviews = reviewRegions(text, structure, year);
  const figures: FigureSentence[] = [];
  const titleAt = (index: number | null): string => (index === null ? '' : (structure.headings[index]?.title ?? ''));

  for (const paragraph of structure.paragraphs) {
    if (paragraph.span.end > bodyEnd) break;
    const partTitle = titleAt(paragraph.partIndex);
    const sectionTitle = titleAt(paragraph.sectionIndex);
    const underTargetHeading =
      [partTitle, sectionTitle].some((title) => TARGET_HEADING.test(title)) &&
      !isReviewTitle(partTitle, year);
    let continuingTargets = false;

    for (const span of sentenceSpans(text, paragraph.span)) {
      const sentence = text.slice(span.start, span.end);
      const isTarget: boolean =
        (TARGET_CUE.test(sentence) && hasFigure(sentence)) ||
        (continuingTargets && CHANGE_FIGURE.test(sentence)) ||
        (underTargetHeading && CHANGE_FIGURE.test(sentence));
      continuingTargets = isTarget;
      if (isTarget) {
        figures.push({ text: sentence, span, kind: 'TARGET', year });
        continue;
      }
      const inReview = reviews.length > 0 ? within(span, reviews) : ESTIMATE_CUE.test(sentence);
      if (inReview && hasFigure(sentence) && !SEVERAL_YEARS.test(sentence)) {
        figures.push({ text: sentence, span, kind: 'ACTUAL', year: year - 1 });
      }
    }
  }
  return figures;
}
