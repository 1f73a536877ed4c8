/**
 * check: the last parse stage. It reads what `structure` made of a document
 * against the document's text and reports what was not read, so a wrong
 * extraction never passes silently: each warning names the document, the
 * span (offsets into the document's cleaned text) and the reason.
 *
 * Pure and independent of the structure rules: it looks for the traces every
 * responsibility marker leaves (brackets, 牵头 / 负责 / 配合 groups), not for a
 * particular house style, so a rule that misses a new style is caught here.
 */
import { ExtractionWarning, type ExtractionWarningCode } from '../core/errors.ts';
import type { ParsedDocument, Span, TaskDivisionDocument } from './model.ts';
import { DATE_LINE } from './document-lines.ts';
import { findLeadAnnotations } from './structure/annotation.ts';

export { EXTRACTION_WARNING_CODES, type ExtractionWarningCode } from '../core/errors.ts';

/** Fewer CJK characters than this left unread are punctuation debris, not a clause. */
const MIN_UNREAD_CHARACTERS = 4;
/** Quoted in messages: enough to find the place. */
const QUOTE_LENGTH = 40;
/** A signature line closing a document: the issuing body, its date, 此件公开发布, 抄送. */
const SIGNATURE_LINE = /^(?:[\u4e00-\u9fff（）()]{2,30}(?:人民政府|办公室|办公厅|委员会|管委会|办事处)|[（(]此件[^）)]*[）)]|抄送[:：].*|附件[:：]?.*)$/u;
const OPENERS = new Set(['（', '(', '〔', '【', '[', '［']);
const CLOSERS = new Set(['）', ')', '〕', '】', ']', '］']);

/** What structure did not read in `document` (of the file `path`), each gap with its span and reason. */
export function checkDocument(document: ParsedDocument, path: string = document.sourceFile): ExtractionWarning[] {
  const found = ((): Found[] => {
    switch (document.kind) {
      case 'TASK_DIVISION':
        return checkTaskDivision(document);
      case 'LIVELIHOOD_PLAN':
        return checkUnreadMarkers(document, document.livelihood.map((row) => row.span));
      case 'LEADER_DIVISION':
        return checkUnreadMarkers(document, document.leaders.map((leader) => leader.span));
      case 'WORK_REPORT':
      case 'OTHER':
        // Prose: a bracketed 牵头 group in a report is a remark, not a marker to read.
        return [];
    }
  })();
  return found.map((gap) => new ExtractionWarning(gap.code, path, document.id, gap.span, `${document.id}: ${gap.reason}`));
}

interface Found {
  readonly code: ExtractionWarningCode;
  readonly span: Span;
  readonly reason: string;
}

function checkTaskDivision(document: TaskDivisionDocument): Found[] {
  const { text } = document;
  const warnings: Found[] = [];
  for (const task of document.tasks) {
    const last = task.clauses[task.clauses.length - 1];
    const unread = unreadSpan(text, last === undefined ? task.span.start : Math.max(last.annotation.span.end, task.span.start), task.span.end);
    if (unread !== null) {
      const unclosed = firstUnclosedBracket(text, unread.start, unread.end);
      const atEnd = text.slice(unread.end).trim().length === 0;
      const reason =
        unclosed !== null && atEnd
          ? `the document ends inside this clause (bracket opened at ${unclosed} is never closed): the file looks cut off`
          : unclosed !== null
            ? `its marker's bracket, opened at ${unclosed}, is never closed`
            : last === undefined
              ? 'no responsibility marker was understood in this task'
              : 'no responsibility marker follows this text';
      warnings.push(
        warning(
          'EXTRACT_UNREAD_CLAUSE',
          unread,
          `task ${task.number} ${quote(text, unread)} was not read as a clause: ${reason}`,
        ),
      );
    }
    for (const clause of task.clauses) {
      const unclosed = firstUnclosedBracket(text, clause.span.start, clause.span.end) ?? unclosedInside(text, clause.annotation.span);
      if (unclosed === null) continue;
      const leads = clause.annotation.leads.map((lead) => lead.name).join('、') || '(none)';
      warnings.push(
        warning(
          'EXTRACT_UNBALANCED_BRACKET',
          { start: clause.span.start, end: clause.annotation.span.end },
          `task ${task.number}, clause ${clause.ordinal} ${quote(text, clause.span)}: the bracket opened at ${unclosed} is never closed, so two clauses may have merged into one; the leads read for it (${leads}) may belong to its last part only`,
        ),
      );
    }
  }
  const lastTask = document.tasks[document.tasks.length - 1];
  const read = document.tasks.map((task) => task.span);
  warnings.push(...checkUnreadMarkers(document, read, lastTask?.span.end ?? 0));
  return warnings;
}

/**
 * Responsibility markers that lie outside every span that was read (after
 * `from`): a second document merged into this one, or a style the structure
 * rules do not know.
 */
function checkUnreadMarkers(document: ParsedDocument, read: readonly Span[], from = 0): Found[] {
  const { text } = document;
  const outside = findLeadAnnotations(text, from, text.length).filter(
    (marker) => marker.leads.length > 0 && !read.some((span) => marker.span.start >= span.start && marker.span.end <= span.end),
  );
  const first = outside[0];
  const last = outside[outside.length - 1];
  if (first === undefined || last === undefined) return [];
  const span = { start: first.span.start, end: last.span.end };
  return [
    warning(
      'EXTRACT_UNREAD_MARKERS',
      span,
      `${outside.length} responsibility marker(s) from ${quote(text, first.span)} on were not read as part of any ${document.kind === 'TASK_DIVISION' ? 'task' : 'item'}: a second document may be merged into this one, or its layout was not understood`,
    ),
  ];
}

/** The part of [start, end) that still holds words once signature lines and punctuation are set aside. */
function unreadSpan(text: string, start: number, end: number): Span | null {
  let from = start;
  let to = end;
  // Signature lines after the last task (百色市人民政府, 2024年1月5日) are the document's end, not a clause.
  for (;;) {
    const lineStart = text.lastIndexOf('\n', to - 1) + 1;
    const line = text.slice(Math.max(lineStart, from), to).trim();
    if (lineStart <= from || !(SIGNATURE_LINE.test(line) || DATE_LINE.test(line) || line.length === 0)) break;
    to = lineStart - 1;
  }
  while (from < to && /[\s，,；;。.、]/u.test(text[from] as string)) from += 1;
  while (to > from && /\s/u.test(text[to - 1] as string)) to -= 1;
  if (to <= from) return null;
  const words = text.slice(from, to).match(/[\u3400-\u9fff]/gu)?.length ?? 0;
  if (words < MIN_UNREAD_CHARACTERS || SIGNATURE_LINE.test(text.slice(from, to).trim())) return null;
  return { start: from, end: to };
}

/** An unclosed bracket inside a marker, its own enclosing pair (when it has one) set aside. */
function unclosedInside(text: string, span: Span): number | null {
  const enclosed = OPENERS.has(text[span.start] as string) && CLOSERS.has(text[span.end - 1] as string);
  return enclosed ? firstUnclosedBracket(text, span.start + 1, span.end - 1) : firstUnclosedBracket(text, span.start, span.end);
}

/** Offset of the first opening bracket in [start, end) that is not closed before `end`. */
function firstUnclosedBracket(text: string, start: number, end: number): number | null {
  const open: number[] = [];
  for (let index = start; index < end; index += 1) {
    const char = text[index] as string;
    if (OPENERS.has(char)) open.push(index);
    else if (CLOSERS.has(char)) open.pop();
  }
  return open[0] ?? null;
}

function quote(text: string, span: Span): string {
  const words = text.slice(span.start, span.end).replace(/\s+/gu, ' ').trim();
  const shown = words.length > QUOTE_LENGTH ? `${words.slice(0, QUOTE_LENGTH / 2)}…${words.slice(-QUOTE_LENGTH / 2)}` : words;
  return `[${span.start}–${span.end}] «${shown}»`;
}

function warning(code: ExtractionWarningCode, span: Span, reason: string): Found {
  return { code, span, reason };
}
