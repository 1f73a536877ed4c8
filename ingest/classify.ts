/**
 * classify: one document's text → its header facts (kind, year, title, docNo,
 * issue date).
 *
 * The title decides the kind when there is one; a document without a title
 * (a scraped report body, a bulletin document whose title line was lost and
 * that the table of contents does not name) is classified by what its body
 * contains. The year is the year the document is about: a plan's year, a work
 * report's plan year (a report delivered early in year Y reviews Y-1 and plans
 * Y).
 */
import { DATE_LINE, DOC_NUMBER_LINE, isTitleLine, isoDate, normaliseTitle, stripMarkdown } from './document-lines.ts';
import type { DocumentHeader, DocumentKind, DocumentText } from './model.ts';

/** Lines from the top searched for title, date and number. */
const HEADER_LINES = 8;
/** Lines from the top searched for a line naming the family, after page furniture. */
const TITLE_SEARCH_LINES = 30;
/** A web page's metadata fields name a category, not the document. */
const METADATA_LINE = /^(?:索\s*引\s*号|组配分类|发布机构|主题分类|信息分类|发布日期|成文日期|生成日期|公开日期|公开范围|来源|文号|发文字号|有\s*效\s*性|政策咨询|所属栏目|关键词)\s*[:：|\t]/u;
/** Lines from the bottom searched for a signature date. */
const FOOTER_LINES = 6;

/**
 * `furniture`: page furniture the cleaner removed from the document's file
 * (发布时间：2024-03-05 …), read for a publication date only.
 */
export function classifyDocument(doc: DocumentText, furniture: readonly string[] = []): DocumentHeader {
  const lines = doc.text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const head = lines.slice(0, HEADER_LINES);

  const numberLine = head.map((line) => DOC_NUMBER_LINE.exec(line)).find((match) => match !== null);
  const docNo = numberLine?.[2] ?? null;
  const issuedOn = findIssueDate(head, lines.slice(-FOOTER_LINES), numberLine?.[1] ?? numberLine?.[3], [...lines.slice(0, PUBLICATION_LINES), ...furniture]);

  const firstLine = head[0] ?? '';
  const ownTitle = isTitleLine(firstLine) ? normaliseTitle(firstLine) : null;
  const foundTitle = ownTitle ?? (doc.contentsTitle ? normaliseTitle(doc.contentsTitle) : null);
  // A title line further down (after an issuer line, 附件, web furniture) still names the family.
  // A web page may carry a metadata block (索引号, 发布机构 …) above it: look further down.
  const familyTitle =
    foundTitle ??
    lines
      .slice(0, TITLE_SEARCH_LINES)
      .map(stripMarkdown)
      .map((line) =>
        line
          .replace(/^(?:标\s*题|名\s*称|文件名称)\s*[:：|\t]\s*/u, '')
          .replace(/[|\t].*$|\s+(?:文号|发文字号|索引号|发布日期)\s*[:：].*$/u, '')
          .trim(),
      )
      .find((line) => line.length >= 6 && line.length <= 80 && !/[。；！？]$/u.test(line) && !METADATA_LINE.test(line) && kindFromTitle(line) !== null) ??
    null;
  const kind = kindOf(firstAttachmentTitle(familyTitle, doc.text) ?? familyTitle, doc.text);
  // A document that states no year is still read: its year is null (parse warns).
  // The title below an issuer line (…办公室 / 关于印发2026年…的通知) names the year as the
  // first line's title would: a plan written in December is about the year it names.
  const year = findYear(kind, foundTitle ?? familyTitle, doc.text, issuedOn, docNo);
  return { kind, year, title: foundTitle ?? familyTitle ?? inventedTitle(kind, year, docNo, firstLine), docNo, issuedOn };
}

// ---------------------------------------------------------------------------
// Kind

/** Words that make a title a task division by themselves (分工, 分解, 任务清单 …). */
const DIVISION_TITLE = /分工|分解|任务清单|责任清单|工作清单|任务台账|重点任务|目标任务|落实.{0,16}政府工作报告/u;
/** A 计划执行情况 / 计划草案 report (not a notice publishing a plan). */
const PLAN_REPORT_TITLE = /计划(?:执行情况|草案)[^。；]{0,60}报告$/u;
/** Title wording of each family, checked in this order: a 民生实事任务分解表 is a livelihood plan. */
const FAMILY_TITLES: readonly (readonly [RegExp, DocumentKind])[] = [
  // 为民办实事, 民生实事, 惠民实事, 民盼实事, 十件实事 …, not 实事求是.
  [/实事(?!求是)|民生工程|民心工程|惠民工程|民生计划/u, 'LIVELIHOOD_PLAN'],
  [/领导.{0,8}分工|分工.{0,6}领导|(?:班子成员|组成人员).{0,6}分工|(?:省长|主席|市长|区长|县长|旗长|镇长|乡长).{0,10}分工/u, 'LEADER_DIVISION'],
  [DIVISION_TITLE, 'TASK_DIVISION'],
  [/工作要点|实施意见|行动方案|工作方案|重点工作任务|工作任务清单|年度任务/u, 'TASK_DIVISION'],
  // A news headline announcing the year's targets (…经济社会发展目标出炉) summarises the report.
  [/政府工作报告|工作报告|主要预期目标|预期目标|预期增长|目标定了|发展(?:主要)?目标(?:出炉|发布|公布|敲定|确定|定了)/u, 'WORK_REPORT'],
  // The 发改委's report to the congress on last year's plan and this year's draft states
  // the same actuals and targets as the work report (关于…计划执行情况与…计划草案的报告).
  [PLAN_REPORT_TITLE, 'WORK_REPORT'],
];
/** Titles of a family that is only a frame: their body decides (工作要点 with markers is a task division). */
const FRAME_TITLE = /工作要点|实施意见|行动方案|工作方案|重点工作任务|工作任务清单|年度任务/u;
/** A notice that publishes a document (…的通知) is not the document, unless its body is one. */
const NOTICE_TITLE = /(?:通知|通报|决定|批复|函)$/u;

/** The family a title names, or null. */
function kindFromTitle(title: string): DocumentKind | null {
  // A notice sending the report's task list together with its 实事 list is the task division first.
  if (/政府工作报告/u.test(title) && DIVISION_TITLE.test(title)) return 'TASK_DIVISION';
  return FAMILY_TITLES.find(([pattern]) => pattern.test(title))?.[1] ?? null;
}

/** `附件1` (or `附件`) on a line of its own, then the attachment's title. */
const FIRST_ATTACHMENT_TITLE = /^附件\s*(?:1|一)?\s*[:：]?\n+([^\n]{6,80})$/mu;

/**
 * A notice that sends documents of several families (…重点工作分工和民生实事项目的通知)
 * names no one kind; the document it opens is its first attachment, whose own
 * title does (the later attachments are documents of their own, cut by split).
 */
function firstAttachmentTitle(title: string | null, text: string): string | null {
  if (title === null || !NOTICE_TITLE.test(title)) return null;
  const families = new Set(FAMILY_TITLES.filter(([pattern]) => pattern.test(title)).map(([, kind]) => kind));
  if (families.size < 2) return null;
  const attachment = FIRST_ATTACHMENT_TITLE.exec(text)?.[1]?.trim() ?? null;
  return attachment !== null && kindFromTitle(attachment) !== null ? attachment : null;
}

/** Resolves the kind from the title's family (if any) and what the body holds. */
function kindOf(title: string | null, text: string): DocumentKind {
  const fromTitle = title === null ? null : kindFromTitle(title);
  // A document with a title of its own that names no family (若干措施, 实施方案 …) is
  // a task division or plan only on strong evidence: many closing groups, or a table.
  const fromBody = kindFromBody(text, title !== null && fromTitle === null ? 'strict' : 'loose');
  if (fromTitle === null) {
    // A generic notice over a report body publishes the report; it is not one.
    return fromBody === 'WORK_REPORT' && title !== null && NOTICE_TITLE.test(title) ? 'OTHER' : fromBody;
  }
  if (title !== null && FRAME_TITLE.test(title) && !DIVISION_TITLE.test(title) && fromTitle === 'TASK_DIVISION') return fromBody === 'TASK_DIVISION' || fromBody === 'LIVELIHOOD_PLAN' ? 'TASK_DIVISION' : 'OTHER';
  // A notice about the report's work (关于明确政府工作报告提出的重点工作责任单位的通知)
  // whose items carry many markers divides the work; it is not the report.
  if (fromTitle === 'WORK_REPORT' && title !== null && NOTICE_TITLE.test(title) && hasManyMarkers(text)) return 'TASK_DIVISION';
  return fromTitle;
}

function hasManyMarkers(text: string): boolean {
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  return countMatches(sample, LEAD_ANNOTATION) >= MIN_ANNOTATIONS || countMatches(sample, RESPONSIBILITY_LABEL) >= MIN_MARKERS;
}

/** Responsibility markers: labels (`牵头单位：`) and trailing groups (`（A牵头，…）`). */
const RESPONSIBILITY_LABEL = /(?:牵头|责任|配合|协办|主办|协同)(?:责任)?(?:单位|部门|科室)\s*[:：]|部门分工\s*[:：]|(?<=^|[。；;\s])(?:牵头|配合|协办|主办)[:：]/gmu;
const LEAD_ANNOTATION = /[（(〔【[][^（）()〔〕【】\n]{0,80}?(?:牵头|负责|配合)[^（）()〔〕【】\n]{0,40}[）)〕】\]]/gu;
/** `基础教育处牵头，发展规划处、财务处配合。` on a line of its own. */
const VERB_LINE = /^[^，。；\n（(]{2,40}(?:牵头|主办)[，,][^。\n]{2,80}(?:配合|参与|协办|负责)[。.]?$/gmu;
const TABLE_HEADER = /^(?:序号|编号)\t.*(?:牵头|责任|配合)/mu;
const LEAD_TABLE_HEADER = /^(?:序号|编号)\t.*\t(?:牵头|主办)(?:责任)?(?:单位|部门)(?:\t|$)/mu;
const NUMBERED_TAB_ROW = /^\d{1,3}\t/gmu;
const MIN_TABLE_ROWS = 3;
const LIVELIHOOD_WORDS = /为民办实事|民生实事|惠民实事|民盼实事|民心实事|民生工程|民心工程|惠民工程|民生计划/u;
const LEADER_TITLES = /(?:常务)?副(?:省长|主席|市长|区长|县长|旗长|镇长|乡长)|秘书长|[\u4e00-\u9fff]{2,3}同志/gu;
const WORK_REPORT_SIGNALS = [
  /各位代表/u,
  /我代表.{0,6}人民政府/u,
  /\d{4}\s*年工作回顾/u,
  /\d{4}\s*年工作安排/u,
  /主要预期目标|预期目标/u,
  /一年来，我们|过去一年/u,
  /政府工作报告/u,
];
const MIN_ANNOTATIONS = 5;
/** Wording of an opening that announces a division of the work. */
const STATES_DIVISION = /(?:任务|工作|责任)(?:分工|分解)|分工(?:如下|意见|方案)/u;
/** Characters from the top read as the document's opening (title, addressees, preamble). */
const OPENING_CHARACTERS = 600;
const MIN_MARKERS = 3;
const MIN_LEADERS = 3;

/** Closing groups with a deadline: the strict evidence of a task division. */
const DATED_ANNOTATION = /[（〔][^（）〔〕\n]{0,60}(?:牵头|负责)[^（）〔〕\n]{0,40}(?:完成|推进)[^（）〔〕\n]{0,12}[）〕]/gu;

function kindFromBody(text: string, evidence: 'strict' | 'loose'): DocumentKind {
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const strict = evidence === 'strict';
  const labels = strict ? 0 : countMatches(sample, RESPONSIBILITY_LABEL) + countMatches(sample, VERB_LINE);
  const annotations = countMatches(sample, strict ? DATED_ANNOTATION : LEAD_ANNOTATION);
  const table = strict ? /^序号\t.*牵头单位/mu.test(sample) : TABLE_HEADER.test(sample);
  const livelihood = strict ? /为民办实事|民生实事/u.test(sample) : LIVELIHOOD_WORDS.test(sample.slice(0, 2_000));
  const reportSignals = WORK_REPORT_SIGNALS.filter((signal) => signal.test(sample)).length;
  // Under a title of its own, prose that reads like a report outweighs a table in it.
  if (strict && reportSignals >= 2 && annotations < MIN_ANNOTATIONS) return 'WORK_REPORT';
  // A titled document that does not call itself a livelihood plan is not one, whatever tables it holds.
  if (!strict && livelihood && (table || labels + annotations >= 2)) return 'LIVELIHOOD_PLAN';
  const leaderLines = countMatches(sample, /分管/gu);
  if (leaderLines >= MIN_LEADERS && countMatches(sample, LEADER_TITLES) >= 2 && labels < MIN_MARKERS && annotations < MIN_ANNOTATIONS) {
    return 'LEADER_DIVISION';
  }
  if (annotations >= MIN_ANNOTATIONS || labels >= MIN_MARKERS || (table && !strict)) return 'TASK_DIVISION';
  // Under a title that names no family (…重点工作计划), a table with a lead column
  // (牵头单位, 主办单位) and numbered rows divides the work all the same.
  if (strict && LEAD_TABLE_HEADER.test(sample) && countMatches(sample, NUMBERED_TAB_ROW) >= MIN_TABLE_ROWS) return 'TASK_DIVISION';
  // Under a title that names no family, an opening that says it divides the work
  // (现就有关重点工作分工提出如下意见) is the strong evidence, with closing groups after it.
  if (strict && STATES_DIVISION.test(sample.slice(0, OPENING_CHARACTERS)) && countMatches(sample, LEAD_ANNOTATION) >= MIN_ANNOTATIONS) return 'TASK_DIVISION';
  if (/^[\u3400-\u9fff]{2,4}同志$/mu.test(sample) && leaderLines >= MIN_LEADERS) return 'LEADER_DIVISION';
  if (reportSignals >= 2) return 'WORK_REPORT';
  if (/(?:预期|目标).{0,12}增长\s*\d/u.test(sample)) return 'WORK_REPORT';
  if (!strict && livelihood && /^(?:[一二三四五六七八九十]+、|\d{1,2}[.．、])/mu.test(sample)) return 'LIVELIHOOD_PLAN';
  return 'OTHER';
}

function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) count++;
  return count;
}

// ---------------------------------------------------------------------------
// Year and dates

const YEAR = '((?:19|20)\\d{2})\\s*年';
/** A year in a title, not an edition (`（2022年版）`). */
const TITLE_YEAR = new RegExp(`${YEAR}(?!版)`, 'u');
/** The plan year a work report or task division states: 二、2024年工作安排, 2024年主要预期目标 … */
const PLAN_YEAR = new RegExp(`${YEAR}(?:全[国省市区县州旗镇乡])?(?:工作安排|经济社会发展|主要预期目标|政府工作的总体要求|工作总体要求|重点工作|[\u3400-\u9fff]{0,8}工作要点)`, 'u');
/** The delivery line of a report: ——2020年1月19日在柳州市第十四届人民代表大会…上. */
const DELIVERY_DATE = /^[—―-]{1,2}\s*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日在/mu;
const REVIEW_YEAR = new RegExp(`${YEAR}工作回顾`, 'u');
/**
 * `关于2024年…计划执行情况及2025年…计划草案的报告`: a report on last year's plan and
 * this year's is about this year, the one its plan part names.
 */
const PLAN_AFTER_REVIEW_TITLE = new RegExp(`(?:执行情况|完成情况)[^，。]{0,12}?[和及与暨、][^，。]{0,4}?${YEAR}[^，。]{0,30}?(?:计划|草案|预算|安排)`, 'u');
const LIVELIHOOD_YEAR = new RegExp(`${YEAR}(?:市政府|市政务)?为民办实事`, 'u');
/** A report delivered after this month plans for the next year. */
const LAST_PLANNING_MONTH = 6;

function findYear(kind: DocumentKind, title: string | null, text: string, issuedOn: string | null, docNo: string | null): number | null {
  const fromTitle = title === null ? null : firstYear(TITLE_YEAR, title);
  const issuedYear = issuedOn === null ? null : Number(issuedOn.slice(0, 4));
  const docNoYear = docNo === null ? null : Number(/〔(\d{4})〕/u.exec(docNo)?.[1] ?? Number.NaN) || null;
  const candidates: (number | null)[] = [];
  switch (kind) {
    case 'WORK_REPORT':
    case 'TASK_DIVISION': {
      const delivery = DELIVERY_DATE.exec(text);
      const deliveryYear = delivery ? Number(delivery[1]) + (Number(delivery[2]) > LAST_PLANNING_MONTH ? 1 : 0) : null;
      const review = firstYear(REVIEW_YEAR, text);
      const planInTitle = title === null ? null : firstYear(PLAN_AFTER_REVIEW_TITLE, title);
      candidates.push(planInTitle, fromTitle, firstYear(PLAN_YEAR, text), deliveryYear, review === null ? null : review + 1, issuedYear);
      break;
    }
    case 'LIVELIHOOD_PLAN':
      candidates.push(fromTitle, firstYear(LIVELIHOOD_YEAR, text), issuedYear);
      break;
    case 'LEADER_DIVISION':
      // A division of work holds from its issue date on.
      candidates.push(issuedYear, docNoYear, fromTitle);
      break;
    case 'OTHER':
      candidates.push(fromTitle, issuedYear);
      break;
  }
  candidates.push(issuedYear, docNoYear, mostFrequentYear(text));
  return candidates.find((year): year is number => year !== null) ?? null;
}

function firstYear(pattern: RegExp, text: string): number | null {
  const match = pattern.exec(text);
  return match?.[1] ? Number(match[1]) : null;
}

function mostFrequentYear(text: string): number | null {
  const counts = new Map<number, number>();
  const pattern = new RegExp(YEAR, 'gu');
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const year = Number(match[1]);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [year, count] of counts) {
    if (best === null || count > (counts.get(best) ?? 0)) best = year;
  }
  return best;
}

/** Lines from the top searched for a web page's publication date (after breadcrumbs and menus). */
const PUBLICATION_LINES = 30;
/**
 * A publication date in a page's furniture or metadata: 发布时间：2024-03-05,
 * 成文日期：2023年2月14日, 2024-01-24 08:31 来源：…, （2024年3月）.
 */
const PUBLICATION_DATE =
  /(?:(?:发布|成文|发文|印发|更新)(?:时间|日期)\s*[:：\t]?\s*|^|[\s\u3000]|(?=\d{4}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}))((?:19|20)\d{2})(?:[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)|年(\d{1,2})月(\d{1,2})日)/u;
/** A month without a day under a title: （2024年3月）. */
const MONTH_LINE = /^[（(]((?:19|20)\d{2})年(\d{1,2})月[）)]$/u;

/**
 * The issue date under the title, else a signature date at the foot, else a
 * report's delivery date, else a page's publication date.
 */
function findIssueDate(head: readonly string[], foot: readonly string[], numberLineDate: string | undefined, top: readonly string[]): string | null {
  const fromLine = (line: string | undefined): string | null => {
    const match = line === undefined ? null : /^(\d{4})年(\d{1,2})月(\d{1,2})日/u.exec(line);
    return match?.[1] && match[2] && match[3] ? isoDate(match[1], match[2], match[3]) : null;
  };
  const headDate = fromLine(numberLineDate) ?? fromLine(head.find((line) => DATE_LINE.test(line)));
  if (headDate !== null) return headDate;
  const footDate = fromLine([...foot].reverse().find((line) => DATE_LINE.test(line)));
  if (footDate !== null) return footDate;
  for (const line of head) {
    const delivery = DELIVERY_DATE.exec(stripMarkdown(line));
    if (delivery?.[1] && delivery[2] && delivery[3]) return isoDate(delivery[1], delivery[2], delivery[3]);
  }
  for (const line of top) {
    const published = PUBLICATION_DATE.exec(line);
    const month = published?.[2] ?? published?.[4];
    const day = published?.[3] ?? published?.[5];
    const date = published?.[1] && month && day ? isoDate(published[1], month, day) : null;
    if (date !== null) return date;
    const monthOnly = MONTH_LINE.exec(line);
    if (monthOnly?.[1] && monthOnly[2]) return isoDate(monthOnly[1], monthOnly[2], '1');
  }
  return null;
}

// ---------------------------------------------------------------------------

/**
 * A document without a title line gets a descriptive one, so lists and the
 * graph have something to show. It is made up here, not found in the source:
 * e.g. `政府工作报告（2024年）` for a report body scraped without its heading.
 */
function inventedTitle(kind: DocumentKind, year: number | null, docNo: string | null, firstLine: string): string {
  switch (kind) {
    case 'WORK_REPORT':
      return year === null ? '政府工作报告' : `政府工作报告（${year}年）`;
    case 'TASK_DIVISION':
      return `关于落实${year === null ? '' : `${year}年`}《政府工作报告》重点工作分工的意见`;
    case 'LIVELIHOOD_PLAN':
      return `${year === null ? '' : `${year}年`}为民办实事工作任务分工方案`;
    case 'LEADER_DIVISION':
      return year === null ? '政府领导工作分工' : `政府领导工作分工（${year}年）`;
    case 'OTHER': {
      if (docNo !== null) return docNo;
      const opening = stripMarkdown(firstLine);
      return opening.length > 30 ? `${opening.slice(0, 30)}…` : opening;
    }
  }
}
