/**
 * Line shapes that split and classify both recognise: the date and document
 * number printed under a title, and title lines themselves.
 */

/** `柳政发〔2024〕3号`, alone or after the issue date: `2024年2月8日 柳政发〔2024〕3号`. */
export const DOC_NUMBER_LINE = /^(?:(\d{4}年\d{1,2}月\d{1,2}日)\s*)?([\u3400-\u9fff]{1,12}〔\d{4}〕\d{1,5}号)(?:\s*(\d{4}年\d{1,2}月\d{1,2}日))?$/u;
/** An issue date alone on its line. */
export const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/u;
/** Words a document title ends with (…的通知, …的意见, 政府工作报告). */
export const TITLE_END =
  /(?:通知|意见|决定|报告|方案|办法|规定|细则|批复|公告|通告|通报|函|计划|要点|规划|纲要|名单|名录|目录|清单|条例|措施|分工)$/u;
const MAX_TITLE_LENGTH = 80;

/** Markdown emphasis and heading marks around a title (`# 政府工作报告`, `**…**`). */
export function stripMarkdown(line: string): string {
  return line.replace(/^#{1,6}\s*/u, '').replace(/^\*\*|\*\*$/gu, '').trim();
}

/** Spaces left inside a title by the typesetting (`政府工作 报告`, `关于 废止`) go. */
export function normaliseTitle(title: string): string {
  return stripMarkdown(title).replace(/\s+(?=[^\p{ASCII}])|(?<=[^\p{ASCII}])\s+/gu, '');
}

/** A line that reads as a document title: short, no sentence punctuation, a title word. */
export function isTitleLine(line: string): boolean {
  const text = stripMarkdown(line);
  if (text.length === 0 || text.length > MAX_TITLE_LENGTH || /[。；：，！？]/u.test(text)) return false;
  if (DOC_NUMBER_LINE.test(text) || DATE_LINE.test(text)) return false;
  return TITLE_END.test(normaliseTitle(text)) || /关于|政府工作报告/u.test(text);
}

/** ISO date from `2024年2月8日`, or null when it is not a calendar date. */
export function isoDate(year: string, month: string, day: string): string | null {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
