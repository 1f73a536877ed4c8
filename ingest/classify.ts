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
import { InputError } from '../core/errors.ts';
import { DATE_LINE, DOC_NUMBER_LINE, isTitleLine, isoDate, normaliseTitle, stripMarkdown } from './document-lines.ts';
import type { DocumentHeader, DocumentKind, DocumentText } from './model.ts';

/** Lines from the top searched for title, date and number. */
const HEADER_LINES = 8;
/** Lines from the bottom searched for a signature date. */
const FOOTER_LINES = 6;

export function classifyDocument(doc: DocumentText): DocumentHeader {
  const lines = doc.text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const head = lines.slice(0, HEADER_LINES);

  const numberLine = head.map((line) => DOC_NUMBER_LINE.exec(line)).find((match) => match !== null);
  const docNo = numberLine?.[2] ?? null;
  const issuedOn = findIssueDate(head, lines.slice(-FOOTER_LINES), numberLine?.[1]);

  const firstLine = head[0] ?? '';
  const ownTitle = isTitleLine(firstLine) ? normaliseTitle(firstLine) : null;
  const foundTitle = ownTitle ?? (doc.contentsTitle ? normaliseTitle(doc.contentsTitle) : null);
  const kind = foundTitle !== null ? kindFromTitle(foundTitle, doc.text) : kindFromBody(doc.text);
  const year = findYear(kind, foundTitle, doc.text, issuedOn, docNo);
  if (year === null) {
    throw new InputError(
      'INPUT_UNRECOGNISED',
      doc.sourceFile,
      `document ${doc.ordinalInFile + 1} (${foundTitle ?? firstLine.slice(0, 30)}): no year found in its title, dates or text`,
    );
  }
  return { kind, year, title: foundTitle ?? inventedTitle(kind, year, docNo, firstLine), docNo, issuedOn };
}

// ---------------------------------------------------------------------------
// Kind

const TASK_DIVISION_TITLE = /重点工作.{0,4}分工|工作报告.{0,8}分工/u;
const LEADER_DIVISION_TITLE = /领导.{0,6}分工|分工.{0,6}领导/u;
const LIVELIHOOD_TITLE = /为民办实事|民生实事/u;
const WORK_REPORT_TITLE = /政府工作报告/u;

function kindFromTitle(title: string, text: string): DocumentKind {
  if (TASK_DIVISION_TITLE.test(title)) return 'TASK_DIVISION';
  if (LEADER_DIVISION_TITLE.test(title)) return 'LEADER_DIVISION';
  if (LIVELIHOOD_TITLE.test(title)) return 'LIVELIHOOD_PLAN';
  // The report itself, or the notice that publishes it (关于印发《政府工作报告》的通知).
  if (WORK_REPORT_TITLE.test(title)) return 'WORK_REPORT';
  // A generic title (…的通知) over a body of a known family.
  const fromBody = kindFromBody(text);
  return fromBody === 'WORK_REPORT' ? 'OTHER' : fromBody;
}

/** Task-division clauses close with `（市科技局牵头，12月底前完成）`. */
const LEAD_ANNOTATION = /[（〔][^（）〔〕\n]{0,60}(?:牵头|负责)[^（）〔〕\n]{0,40}(?:完成|推进)[^（）〔〕\n]{0,12}[）〕]/gu;
const WORK_REPORT_SIGNALS = [
  /各位代表/u,
  /我代表.{0,6}人民政府/u,
  /\d{4}\s*年工作回顾/u,
  /\d{4}\s*年工作安排/u,
  /主要预期目标/u,
  /一年来，我们/u,
];
const MIN_ANNOTATIONS = 5;
const MIN_LEADERS = 3;

function kindFromBody(text: string): DocumentKind {
  const sample = text.length > 400_000 ? text.slice(0, 400_000) : text;
  if (countMatches(sample, LEAD_ANNOTATION) >= MIN_ANNOTATIONS) return 'TASK_DIVISION';
  if (countMatches(sample, /^[\u3400-\u9fff]{2,4}同志$/gmu) >= MIN_LEADERS && countMatches(sample, /分管/gu) >= MIN_LEADERS) {
    return 'LEADER_DIVISION';
  }
  if (WORK_REPORT_SIGNALS.filter((signal) => signal.test(sample)).length >= 2) return 'WORK_REPORT';
  if (/^序号\t.*牵头单位/mu.test(sample) && /为民办实事|民生实事/u.test(sample)) return 'LIVELIHOOD_PLAN';
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
const PLAN_YEAR = new RegExp(`${YEAR}(?:工作安排|经济社会发展|主要预期目标|政府工作的总体要求|工作总体要求|重点工作)`, 'u');
/** The delivery line of a report: ——2020年1月19日在柳州市第十四届人民代表大会…上. */
const DELIVERY_DATE = /^[—―-]{1,2}\s*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日在/mu;
const REVIEW_YEAR = new RegExp(`${YEAR}工作回顾`, 'u');
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
      candidates.push(fromTitle, firstYear(PLAN_YEAR, text), deliveryYear, review === null ? null : review + 1, issuedYear);
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

/** The issue date under the title, else a signature date at the foot, else a report's delivery date. */
function findIssueDate(head: readonly string[], foot: readonly string[], numberLineDate: string | undefined): string | null {
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
  return null;
}

// ---------------------------------------------------------------------------

/**
 * A document without a title line gets a descriptive one, so lists and the
 * graph have something to show. It is made up here, not found in the source:
 * e.g. `政府工作报告（2024年）` for a report body scraped without its heading.
 */
function inventedTitle(kind: DocumentKind, year: number, docNo: string | null, firstLine: string): string {
  switch (kind) {
    case 'WORK_REPORT':
      return `政府工作报告（${year}年）`;
    case 'TASK_DIVISION':
      return `关于落实${year}年《政府工作报告》重点工作分工的意见`;
    case 'LIVELIHOOD_PLAN':
      return `${year}年为民办实事工作任务分工方案`;
    case 'LEADER_DIVISION':
      return `政府领导工作分工（${year}年）`;
    case 'OTHER': {
      if (docNo !== null) return docNo;
      const opening = stripMarkdown(firstLine);
      return opening.length > 30 ? `${opening.slice(0, 30)}…` : opening;
    }
  }
}
