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
 */
import { parseContentsEntry } from './contents.ts';
import { DATE_LINE, DOC_NUMBER_LINE, isTitleLine, normaliseTitle } from './document-lines.ts';
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

  const starts: { line: number; docNo: string; titled: boolean }[] = [];
  let previousAnchor = -1;
  lines.forEach((line, index) => {
    const match = DOC_NUMBER_LINE.exec(line.trim());
    if (!match?.[2]) return;
    const start = documentStart(lines, index, previousAnchor);
    starts.push({ ...start, docNo: match[2] });
    previousAnchor = index;
  });

  const contents = contentsTitles(cleaned);
  const documents: { text: string; contentsTitle: string | undefined }[] = [];
  const front = cleaned.text.slice(0, offsetOf(starts[0]?.line ?? lines.length));
  if (starts.length === 0 || isProse(front)) documents.push({ text: front, contentsTitle: undefined });
  starts.forEach((start, index) => {
    const next = starts[index + 1];
    const text = cleaned.text.slice(offsetOf(start.line), offsetOf(next?.line ?? lines.length));
    const last = documents[documents.length - 1];
    if (last !== undefined && !start.titled && bodyLength(text) < MIN_DOCUMENT_BODY) {
      // A number line at the foot of the previous document (its signature block).
      documents[documents.length - 1] = { ...last, text: last.text + text };
      return;
    }
    documents.push({ text, contentsTitle: contents.get(start.docNo) });
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
  if (candidate > previousAnchor && isTitleLine((lines[candidate] ?? '').trim())) return { line: candidate, titled: true };
  return { line: start, titled: false };
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
