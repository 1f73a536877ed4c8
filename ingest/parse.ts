/**
 * parse: the ingest stages up to typed, structured documents —
 * read → clean → split → classify → structure (per document kind).
 *
 * `parseDocuments` is pure. `parseFile` adds reading and never throws: a file
 * that cannot be used becomes `{ ok: false }` with a typed error naming it, and
 * `parseFiles` goes on with the other files.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { InputError, KgError, describeError } from '../core/errors.ts';
import { classifyDocument } from './classify.ts';
import { cleanText, type CleanRules } from './clean/index.ts';
import type { CleanedText, DocumentHeader, DocumentText, ParsedDocument, ParsedFile } from './model.ts';
import { readSource } from './read.ts';
import { splitDocuments } from './split.ts';
import { structureLeaderDivision } from './structure/leader-division.ts';
import { findLivelihoodRows } from './structure/livelihood.ts';
import { outline } from './structure/outline.ts';
import { splitParagraphs } from './structure/paragraphs.ts';
import { structureTaskDivision } from './structure/task-division.ts';
import { structureWorkReport } from './structure/work-report.ts';

/** Every document of a file, or the first reason one of them cannot be parsed. */
export function parseDocuments(cleaned: CleanedText): ParsedDocument[] {
  const { documents, problems } = parseDocumentsOf(cleaned);
  if (problems[0]) throw problems[0];
  return documents;
}

/** The documents of a file that parse, and the reasons the others do not. */
export function parseDocumentsOf(cleaned: CleanedText): { documents: ParsedDocument[]; problems: KgError[] } {
  const usedIds = new Set<string>();
  const documents: ParsedDocument[] = [];
  const problems: KgError[] = [];
  for (const document of splitDocuments(cleaned)) {
    try {
      const header = classifyDocument(document);
      const id = uniqueId(header.docNo ?? `${path.basename(document.sourceFile)}#${document.ordinalInFile}`, document, usedIds);
      documents.push(structureDocument(document, header, id));
    } catch (error) {
      problems.push(asKgError(cleaned.path, error));
    }
  }
  return { documents, problems };
}

/** The docNo can repeat inside one file (a document printed twice); ids must not. */
function uniqueId(candidate: string, document: DocumentText, used: Set<string>): string {
  const id = used.has(candidate) ? `${candidate}#${document.ordinalInFile}` : candidate;
  used.add(id);
  return id;
}

function structureDocument(document: DocumentText, header: DocumentHeader, id: string): ParsedDocument {
  const { text } = document;
  // Paragraphs and a work report's structure read the same outline.
  const structure = outline(text);
  const base = {
    id,
    sourceFile: document.sourceFile,
    ordinalInFile: document.ordinalInFile,
    contentHash: createHash('sha256').update(text).digest('hex'),
    text,
    paragraphs: splitParagraphs(text, structure),
    title: header.title,
    year: header.year,
    docNo: header.docNo,
    issuedOn: header.issuedOn,
  };
  switch (header.kind) {
    case 'TASK_DIVISION':
      return { ...base, kind: header.kind, ...structureTaskDivision(text) };
    case 'WORK_REPORT':
      // A report may carry its 为民办实事 table as an appendix.
      return { ...base, kind: header.kind, ...structureWorkReport(text, header.year, structure), livelihood: findLivelihoodRows(text) };
    case 'LIVELIHOOD_PLAN':
      return { ...base, kind: header.kind, livelihood: findLivelihoodRows(text) };
    case 'LEADER_DIVISION':
      return { ...base, kind: header.kind, ...structureLeaderDivision(text) };
    case 'OTHER':
      return { ...base, kind: header.kind };
  }
}

export async function parseFile(filePath: string, rules: CleanRules): Promise<ParsedFile> {
  try {
    const source = await readSource(filePath);
    const { documents, problems } = parseDocumentsOf(cleanText(source, rules));
    // A file none of whose documents can be used has failed as a whole.
    if (documents.length === 0 && problems[0]) return { ok: false, path: filePath, error: problems[0] };
    return { ok: true, path: filePath, documents, problems };
  } catch (error) {
    return { ok: false, path: filePath, error: asKgError(filePath, error) };
  }
}

/** Parses every file, also when some fail; results keep the order of `paths`. */
export async function parseFiles(paths: readonly string[], rules: CleanRules): Promise<ParsedFile[]> {
  return Promise.all(paths.map((filePath) => parseFile(filePath, rules)));
}

function asKgError(filePath: string, error: unknown): KgError {
  if (error instanceof KgError) return error;
  // A bug in a stage is still reported against the file that triggered it.
  return new InputError('INPUT_UNRECOGNISED', filePath, `cannot parse the file: ${describeError(error)}`, { cause: error });
}
