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
import { cleanText, type CleanRules } from './clean.ts';
import type { CleanedText, DocumentHeader, DocumentText, ParsedDocument, ParsedFile } from './model.ts';
import { readSource } from './read.ts';
import { splitDocuments } from './split.ts';
import { structureLeaderDivision } from './structure/leader-division.ts';
import { findLivelihoodRows } from './structure/livelihood.ts';
import { splitParagraphs } from './structure/paragraphs.ts';
import { structureTaskDivision } from './structure/task-division.ts';
import { structureWorkReport } from './structure/work-report.ts';

export function parseDocuments(cleaned: CleanedText): ParsedDocument[] {
  const usedIds = new Set<string>();
  return splitDocuments(cleaned).map((document) => {
    const header = classifyDocument(document);
    const id = uniqueId(header.docNo ?? `${path.basename(document.sourceFile)}#${document.ordinalInFile}`, document, usedIds);
    return structureDocument(document, header, id);
  });
}

/** The docNo can repeat inside one file (a document printed twice); ids must not. */
function uniqueId(candidate: string, document: DocumentText, used: Set<string>): string {
  const id = used.has(candidate) ? `${candidate}#${document.ordinalInFile}` : candidate;
  used.add(id);
  return id;
}

function structureDocument(document: DocumentText, header: DocumentHeader, id: string): ParsedDocument {
  const { text } = document;
  const base = {
    id,
    sourceFile: document.sourceFile,
    ordinalInFile: document.ordinalInFile,
    contentHash: createHash('sha256').update(text).digest('hex'),
    text,
    paragraphs: splitParagraphs(text),
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
      return { ...base, kind: header.kind, ...structureWorkReport(text, header.year), livelihood: findLivelihoodRows(text) };
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
    const documents = parseDocuments(cleanText(source, rules));
    return { ok: true, path: filePath, documents };
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
