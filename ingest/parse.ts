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
import { InputError, InputWarning, KgError, describeError } from '../core/errors.ts';
import { checkDocument } from './check.ts';
import { classifyDocument } from './classify.ts';
import { cleanText, type CleanRules } from './clean/index.ts';
import { findJurisdiction, NO_PLACES, type PlaceTable } from './jurisdiction/index.ts';
import { sourceFileLabel } from './input-files.ts';
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
export function parseDocuments(cleaned: CleanedText, places: PlaceTable = NO_PLACES, label: string = cleaned.path): ParsedDocument[] {
  const { documents, problems } = parseDocumentsOf(cleaned, places, label);
  if (problems[0]) throw problems[0];
  return documents;
}

/**
 * The documents of a file that parse, the reasons the others do not, and the
 * gaps of those read all the same (no year stated; text, brackets or markers
 * the structure stages did not read, from `check`).
 *
 * `label` names the file in ids: a document without a docNo is
 * `<label>#<place in the file>`, the label being the file's path under the
 * ingest root, never its base name alone (two 分工意见.txt in 2026/ and 2027/
 * are two files).
 */
export function parseDocumentsOf(
  cleaned: CleanedText,
  places: PlaceTable = NO_PLACES,
  label: string = cleaned.path,
): { documents: ParsedDocument[]; problems: KgError[]; warnings: KgError[] } {
  const usedIds = new Set<string>();
  const documents: ParsedDocument[] = [];
  const problems: KgError[] = [];
  const warnings: KgError[] = [];
  const split = splitDocuments(cleaned);
  // A page's furniture (发布时间：…) dates the page: only a one-document file's.
  const furniture = split.length === 1 ? cleaned.removed.filter((fragment) => fragment.reason === 'noise').map((fragment) => fragment.text) : [];
  for (const document of split) {
    try {
      const header = classifyDocument(document, furniture);
      const id = uniqueId(header.docNo ?? `${label}#${document.ordinalInFile}`, document, usedIds);
      const parsed = structureDocument(document, header, id, places);
      documents.push(parsed);
      warnings.push(...checkDocument(parsed, label));
      if (header.year === null) {
        warnings.push(
          new InputWarning('INPUT_YEAR_UNKNOWN', cleaned.path, `document ${document.ordinalInFile + 1} (${openingOf(document.text)}): no year stated; read with year null`),
        );
      }
    } catch (error) {
      problems.push(asKgError(cleaned.path, error));
    }
  }
  return { documents: withFileJurisdiction(documents), problems, warnings };
}

/**
 * A document that names no place of its own (附件2 of a county's notice, the
 * second piece of a bulletin) was issued with the documents around it: it takes
 * the place of the one before it in the file, else of the first that names one.
 */
function withFileJurisdiction(documents: readonly ParsedDocument[]): ParsedDocument[] {
  let previous = documents.find((document) => document.jurisdiction !== null)?.jurisdiction ?? null;
  return documents.map((document) => {
    if (document.jurisdiction !== null) {
      previous = document.jurisdiction;
      return document;
    }
    return previous === null ? document : { ...document, jurisdiction: { ...previous, evidence: 'file' } };
  });
}

/** A document's first line, short, to name it in a message (its title may be made up). */
function openingOf(text: string): string {
  const line = text.split('\n').map((candidate) => candidate.trim()).find((candidate) => candidate.length > 0) ?? '';
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

/** The docNo can repeat inside one file (a document printed twice); ids must not. */
function uniqueId(candidate: string, document: DocumentText, used: Set<string>): string {
  const id = used.has(candidate) ? `${candidate}#${document.ordinalInFile}` : candidate;
  used.add(id);
  return id;
}

function structureDocument(document: DocumentText, header: DocumentHeader, id: string, places: PlaceTable): ParsedDocument {
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
    jurisdiction: findJurisdiction(text, header, places),
  };
  switch (header.kind) {
    case 'TASK_DIVISION':
      return { ...base, kind: header.kind, ...structureTaskDivision(text) };
    case 'WORK_REPORT': {
      // A report may carry its 为民办实事 table as an appendix. Its figures are
      // dated from its year (targets: the year, results: the year before), so a
      // report that states no year keeps its text and sections but no figures.
      const report = structureWorkReport(text, header.year ?? 0, structure);
      return { ...base, kind: header.kind, ...report, figures: header.year === null ? [] : report.figures, livelihood: findLivelihoodRows(text) };
    }
    case 'LIVELIHOOD_PLAN':
      return { ...base, kind: header.kind, livelihood: findLivelihoodRows(text) };
    case 'LEADER_DIVISION':
      return { ...base, kind: header.kind, ...structureLeaderDivision(text) };
    case 'OTHER':
      return { ...base, kind: header.kind };
  }
}

/** One file's documents; `places` is the jurisdiction table (`loadPlaceTable`). */
export async function parseFile(
  filePath: string,
  rules: CleanRules,
  places: PlaceTable = NO_PLACES,
  label: string = sourceFileLabel(path.resolve(filePath)),
): Promise<ParsedFile> {
  try {
    const source = await readSource(filePath);
    const { documents, problems, warnings } = parseDocumentsOf(cleanText(source, rules), places, label);
    // A file none of whose documents can be used has failed as a whole.
    if (documents.length === 0 && problems[0]) return { ok: false, path: filePath, error: problems[0] };
    return { ok: true, path: filePath, documents, problems, warnings };
  } catch (error) {
    return { ok: false, path: filePath, error: asKgError(filePath, error) };
  }
}

/** Parses every file, also when some fail; results keep the order of `paths`. */
export async function parseFiles(
  paths: readonly string[],
  rules: CleanRules,
  places: PlaceTable = NO_PLACES,
  labelOf: (filePath: string) => string = (filePath) => sourceFileLabel(path.resolve(filePath)),
): Promise<ParsedFile[]> {
  return Promise.all(paths.map((filePath) => parseFile(filePath, rules, places, labelOf(filePath))));
}

function asKgError(filePath: string, error: unknown): KgError {
  if (error instanceof KgError) return error;
  // A bug in a stage is still reported against the file that triggered it.
  return new InputError('INPUT_UNRECOGNISED', filePath, `cannot parse the file: ${describeError(error)}`, { cause: error });
}
