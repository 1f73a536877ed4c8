/**
 * split: one cleaned file → its documents.
 *
 * A document of a bulletin starts with its title line, followed by the issue
 * date and the document number (`2024年2月8日 柳政发〔2024〕3号`, on one line
 * or two). Those number lines are the anchors: each document runs from its
 * title (or, when the source lost the title, its date or number line) to the
 * next document's start. A file without such lines is one document. The front
 * matter before the first document (cover, masthead) is not a document unless
 * it holds prose; the table of contents was already removed by `clean`, and its
 * entries give the titles of documents whose title line is missing.
 *
 * Documents without a number line (a task division published on a web page)
 * can still be printed one after another in one file: a title line that
 * follows the previous document's signature (its date line, then only
 * 此件公开发布 / 抄送 / 印发 lines), or that the addressees follow, starts a
 * document too.
 */
import { parseContentsEntry } from './contents.ts';
import { DATE_LINE, DOC_NUMBER_LINE, TITLE_END, isTitleLine, normaliseTitle } from './document-lines.ts';
import type { CleanedText, DocumentText } from './model.ts';

/** An untitled segment shorter than this after its header is a stray number line (a signature), not a document. */
const MIN_DOCUMENT_BODY = 100;
/** Front matter with this much prose is kept as a document of its own. */
const MIN_FRONT_MATTER_PROSE = 200;

export function splitDocuments(cleaned: CleanedText): DocumentText[] {
  const lines = cleaned.text.split('\n');
  const offsets: number[] = [];
  let offset = 0;
  for (const line of lines) {
    offsets.push(offset);
    offset += line.length + 1;
  }
  const offsetOf = (line: number): number => offsets[line] ?? cleaned.text.length;

  const numbered: { line: number; docNo: string | null; titled: boolean }[] = [];
  let previousAnchor = -1;
  lines.forEach((line, index) => {
    const match = DOC_NUMBER_LINE.exec(line.trim());
    if (!match?.[2]) return;
    const start = documentStart(lines, index, previousAnchor);
    numbered.push({ ...start, docNo: match[2] });
    previousAnchor = index;
  });
  const numberedLines = new Set(numbered.map((start) => start.line));
  const titled = [...titleStarts(lines), ...attachmentStarts(lines)].filter((line) => !numberedLines.has(line));
  const starts = [...numbered, ...[...new Set(titled)].map((line) => ({ line, docNo: null, titled: true }))].sort((a, b) => a.line - b.line);

  const contents = contentsTitles(cleaned);
  const documents: { text: string; contentsTitle: string | undefined }[] = [];
  const front = cleaned.text.slice(0, offsetOf(starts[0]?.line ?? lines.length));
  // A title start comes after a body of its own: what precedes it is a document, not a masthead.
  if (starts.length === 0 || isProse(front) || starts[0]?.docNo === null) documents.push({ text: front, contentsTitle: undefined });
  starts.forEach((start, index) => {
    const next = starts[index + 1];
    const text = cleaned.text.slice(offsetOf(start.line), offsetOf(next?.line ?? lines.length));
    const last = documents[documents.length - 1];
    if (last !== undefined && !start.titled && bodyLength(text) < MIN_DOCUMENT_BODY) {
      // A number line at the foot of the previous document (its signature block).
      documents[documents.length - 1] = { ...last, text: last.text + text };
      return;
    }
    documents.push({ text, contentsTitle: start.docNo === null ? undefined : contents.get(start.docNo) });
  });

  return documents
    .map((document) => ({ ...document, text: trimDocument(document.text) }))
    .filter((document) => document.text.length > 0)
    .map((document, ordinalInFile) => ({
      sourceFile: cleaned.path,
      ordinalInFile,
      text: document.text,
      ...(document.contentsTitle === undefined ? {} : { contentsTitle: document.contentsTitle }),
    }));
}

/** The first line of the document whose number line is `anchor`. */
function documentStart(lines: readonly string[], anchor: number, previousAnchor: number): { line: number; titled: boolean } {
  let start = anchor;
  let candidate = previousNonBlank(lines, anchor);
  if (candidate > previousAnchor && DATE_LINE.test((lines[candidate] ?? '').trim())) {
    start = candidate;
    candidate = previousNonBlank(lines, candidate);
  }
  if (candidate > previousAnchor && isTitleLine((lines[candidate] ?? '').trim())) {
    // The issuer printed above its title (赞皇县人民政府 / 关于印发…的通知) is the document's, not the one before's.
    const above = previousNonBlank(lines, candidate);
    const issuer = above > previousAnchor && ISSUER_LINE.test((lines[above] ?? '').trim());
    return { line: issuer ? above : candidate, titled: true };
  }
  return { line: start, titled: false };
}

/** A line that is only an issuer: a government, its office or a department, perhaps with 文件. */
const ISSUER_LINE = /^[\u4e00-\u9fff]{2,30}(?:人民政府|政府|管理委员会|管委会|办事处)(?:办公室|办公厅)?(?:文件)?$/u;

/** Lines a document ends with after its signature date. */
const FOOTER_LINE = /^(?:[（(]此件[^）)]*[）)]|抄送[:：]|印发|[\u4e00-\u9fff]{2,20}(?:办公室|办公厅)?\s*\d{4}年\d{1,2}月\d{1,2}日\s*印发)/u;
/** The addressees that open an official document: `各县、区人民政府，市直机关各有关委、办、局：`. */
const ADDRESSEE_LINE = /^各[^。！？]{1,160}[:：]$/u;
/** Body a document must have before a following title can start another. */
const MIN_BODY_BEFORE_TITLE = 200;
/** Lines from the top searched for the file's own title. */
const FIRST_TITLE_SEARCH_LINES = 30;

/**
 * Title lines that start a document without a number line: a title (possibly
 * broken over two lines: `柳州市人民政府关于落实` / `2026年《政府工作报告》重点工作分工的意见`)
 * after the previous document's signature date (and its footer lines), or
 * followed by the addressees, after a body of some length. A title that the
 * document before it publishes (关于印发《X》的通知 … X) is that document's attachment.
 */
function titleStarts(lines: readonly string[]): number[] {
  const titles: number[] = [];
  // The file's own title, below any page metadata (索引号, 发布日期 …) a web copy opens with.
  const firstTitle = lines.slice(0, FIRST_TITLE_SEARCH_LINES).findIndex((line) => isTitleLine(line.trim()));
  let documentTitle = (lines[firstTitle === -1 ? nextNonBlank(lines, -1) : firstTitle] ?? '').trim();
  let bodyLength = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    const titleEnd = bodyLength < MIN_BODY_BEFORE_TITLE ? null : titleEndAt(lines, index);
    if (titleEnd !== null) {
      const title = lines.slice(index, titleEnd + 1).map((part) => part.trim()).join('');
      const afterSignature = DATE_LINE.test((lines[previousNonFooter(lines, index)] ?? '').trim());
      const addressed = ADDRESSEE_LINE.test((lines[nextNonBlank(lines, titleEnd)] ?? '').trim());
      if ((afterSignature || addressed) && !publishes(documentTitle, title)) {
        titles.push(index);
        documentTitle = title;
        bodyLength = 0;
        index = titleEnd;
        continue;
      }
    }
    bodyLength += line.length;
  }
  return titles;
}

/** `附件2` on a line of its own, the number of a later attachment. */
const LATER_ATTACHMENT = /^附件\s*(?:[2-9]|[二三四五六七八九])\s*[:：]?$/u;
const FIRST_ATTACHMENT = /^附件\s*(?:1|一)?\s*[:：]?$/u;
/** Titles of the families a notice bundles as attachments. */
const FAMILY_TITLE = /分工|分解|任务清单|责任清单|实事|工作要点|政府工作报告|工作分工/u;

/**
 * A notice that sends several documents (附件1 the county's task division, 附件2 the
 * city's items for the county) holds one document per attachment after the first:
 * each later attachment whose title names a family starts a document of its own.
 */
function attachmentStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let firstTitle: string | null = null;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    const title = (lines[nextNonBlank(lines, index)] ?? '').trim();
    if (FIRST_ATTACHMENT.test(line) && firstTitle === null) firstTitle = title;
    if (firstTitle === null || !LATER_ATTACHMENT.test(line)) return;
    if (title.length <= 80 && FAMILY_TITLE.test(title) && !sameDocument(firstTitle, title)) starts.push(index);
  });
  return starts;
}

/**
 * Two attachments are parts of one document (主要指标分解表 and 重点任务分解表 of the
 * same report) unless they belong to different families or to different
 * governments' reports (县《政府工作报告》 and 市《政府工作报告》).
 */
function sameDocument(first: string, later: string): boolean {
  const family = (title: string): string => (/实事(?!求是)/u.test(title) ? 'livelihood' : /领导.{0,8}分工/u.test(title) ? 'leaders' : 'tasks');
  const owner = (title: string): string => /([省市县区州旗])\s*[《〈]?\s*政府工作报告/u.exec(title)?.[1] ?? '';
  return family(first) === family(later) && owner(first) === owner(later);
}

/** The last line of a title starting at `index`, or null when no title starts there. */
function titleEndAt(lines: readonly string[], index: number): number | null {
  const first = (lines[index] ?? '').trim();
  if (first.length === 0) return null;
  if (isTitleLine(first)) return index;
  if (!/关于/u.test(first) || TITLE_END.test(first)) return null;
  const second = nextNonBlank(lines, index);
  return isTitleLine(first + (lines[second] ?? '').trim()) ? second : null;
}

/** True when `title` is the document that a notice titled `notice` publishes (印发 / 转发 / 发布). */
function publishes(notice: string, title: string): boolean {
  if (!/印发|转发|发布|公布/u.test(notice)) return false;
  const bare = (text: string): string => normaliseTitle(text).replace(/[《》〈〉“”"]/gu, '');
  return bare(notice).includes(bare(title));
}

function previousNonFooter(lines: readonly string[], from: number): number {
  for (let index = from - 1; index >= 0; index--) {
    const line = (lines[index] ?? '').trim();
    if (line.length > 0 && !FOOTER_LINE.test(line)) return index;
  }
  return -1;
}

function nextNonBlank(lines: readonly string[], from: number): number {
  for (let index = from + 1; index < lines.length; index++) {
    if ((lines[index] ?? '').trim().length > 0) return index;
  }
  return lines.length;
}

function previousNonBlank(lines: readonly string[], from: number): number {
  for (let index = from - 1; index >= 0; index--) {
    if ((lines[index] ?? '').trim().length > 0) return index;
  }
  return -1;
}

function contentsTitles(cleaned: CleanedText): Map<string, string> {
  const titles = new Map<string, string>();
  for (const fragment of cleaned.removed) {
    if (fragment.reason !== 'table-of-contents') continue;
    for (const line of fragment.text.split('\n')) {
      const entry = parseContentsEntry(line);
      if (entry?.docNo && !titles.has(entry.docNo)) titles.set(entry.docNo, normaliseTitle(entry.title));
    }
  }
  return titles;
}

/** Text beyond the title, date and number lines. */
function bodyLength(text: string): number {
  return text
    .split('\n')
    .filter((line) => !DOC_NUMBER_LINE.test(line.trim()) && !DATE_LINE.test(line.trim()) && !isTitleLine(line.trim()))
    .join('').length;
}

/** Front matter counts as a document when it holds sentences, not only a masthead. */
function isProse(text: string): boolean {
  const sentences = text.split('\n').filter((line) => /[。！？]$/u.test(line.trim()));
  return sentences.join('').length >= MIN_FRONT_MATTER_PROSE;
}

function trimDocument(text: string): string {
  const trimmed = text.replace(/^\n+/u, '').trimEnd();
  return trimmed.length === 0 ? '' : `${trimmed}\n`;
}
