/**
 * `kg ingest` and the start-up ingestion: files → parsed documents → agency
 * registries over all of them (one per jurisdiction) → per-document graphs written one
 * transaction each → cross-document links → orphan clean-up.
 *
 * A file that cannot be read or parsed, or a document whose write fails, is
 * reported and skipped; everything else still goes in.
 */
import type { Database } from '../core/database.ts';
import { KgError, describeError } from '../core/errors.ts';
import { buildDocumentGraph } from './graph/build.ts';
import { createIngestContext } from './context.ts';
import { countRecords, type DocumentGraph } from './graph/records.ts';
import { expandInputPaths, hashFiles, sourceFileLabel } from './input-files.ts';
import {
  deleteOrphans,
  deleteStaleDocuments,
  graphCounts,
  loadedSources,
  loadedStates,
  readLinkInputs,
  readLinkVocabulary,
  resetGraph,
  writeDocumentGraph,
  writeLinks,
  writeRenames,
  writeSourceHashes,
  type GraphCounts,
} from './load.ts';
import type { ParsedDocument, ParsedFile } from './model.ts';
import { parseFiles } from './parse.ts';
import { loadCleanRules, loadPlaceTable, rulesFingerprint } from './rules.ts';
import { linkContinues, linkImplements } from './link/cross-document.ts';
import type { ContentFilter } from './link/similarity.ts';
import { createTokeniser } from './tokenise.ts';

/**
 * Bumped when extraction code changes what it produces, so unchanged files
 * are re-ingested; changes to `data/rules/*` are detected from their content.
 */
export const PIPELINE_CODE_VERSION = '2';

export type IngestProgress =
  | { readonly stage: 'parsed'; readonly files: number; readonly documents: number }
  | { readonly stage: 'document'; readonly index: number; readonly total: number; readonly documentId: string; readonly outcome: 'loaded' | 'skipped' | 'failed' }
  | { readonly stage: 'links' }
  | { readonly stage: 'done' };

export interface IngestOptions {
  readonly rulesDir: string;
  /** Delete the whole graph first. */
  readonly reset?: boolean;
  readonly onProgress?: (event: IngestProgress) => void;
}

export interface IngestProblem {
  readonly path: string;
  readonly documentId: string | null;
  readonly code: string;
  readonly message: string;
}

export interface IngestSummary {
  readonly files: number;
  readonly loaded: readonly string[];
  readonly skipped: readonly string[];
  readonly removed: readonly string[];
  readonly problems: readonly IngestProblem[];
  /** Documents loaded with a gap (no year stated): reported, not failed. */
  readonly warnings: readonly IngestProblem[];
  /** Nodes and relationships written this run (skipped documents excluded). */
  readonly written: { readonly nodes: number; readonly relationships: number };
  readonly links: { readonly implements: number; readonly continues: number } | null;
  readonly orphansRemoved: number;
  readonly counts: GraphCounts;
  readonly durationMs: number;
}

function problemOf(pathLabel: string, documentId: string | null, error: unknown): IngestProblem {
  return {
    path: pathLabel,
    documentId,
    code: error instanceof KgError ? error.code : 'UNEXPECTED',
    message: describeError(error),
  };
}

/**
 * The ids of the loaded documents when every file is loaded exactly as it is
 * now (same bytes, same rules); null when anything has to be (re)parsed.
 */
async function unchangedCorpus(
  database: Database,
  files: readonly string[],
  fileHashes: ReadonlyMap<string, string>,
  pipelineVersion: string,
): Promise<string[] | null> {
  if (files.length === 0) return null;
  const states = await loadedSources(database, files.map(sourceFileLabel));
  const ids: string[] = [];
  for (const file of files) {
    const state = states.get(sourceFileLabel(file));
    const hash = fileHashes.get(file);
    if (!state || hash === undefined) return null;
    if (state.sourceHashes.size !== 1 || !state.sourceHashes.has(hash)) return null;
    if (state.pipelineVersions.size !== 1 || !state.pipelineVersions.has(pipelineVersion)) return null;
    ids.push(...state.documentIds);
  }
  return ids;
}

function withSourceHash(graph: DocumentGraph, sourceHash: string | undefined): DocumentGraph {
  return { ...graph, document: { ...graph.document, properties: { ...graph.document.properties, sourceHash: sourceHash ?? null } } };
}

/** The documents of the parsed files, each id once; unusable files and duplicates become problems. */
function collectDocuments(
  parsed: readonly ParsedFile[],
  problems: IngestProblem[],
  warnings: IngestProblem[],
): { documents: ParsedDocument[]; documentPath: Map<string, string>; readableFiles: string[] } {
  const documents: ParsedDocument[] = [];
  const documentFile = new Map<string, string>();
  /** The absolute path each document came from, to find its file's hash. */
  const documentPath = new Map<string, string>();
  const readableFiles: string[] = [];
  for (const file of parsed) {
    const label = sourceFileLabel(file.path);
    if (!file.ok) {
      problems.push(problemOf(label, null, file.error));
      continue;
    }
    readableFiles.push(label);
    for (const problem of file.problems) problems.push(problemOf(label, null, problem));
    for (const warning of file.warnings) warnings.push(problemOf(label, null, warning));
    for (const document of file.documents) {
      const earlier = documentFile.get(document.id);
      if (earlier !== undefined) {
        problems.push({
          path: label,
          documentId: document.id,
          code: 'INPUT_DUPLICATE_DOCUMENT',
          message: `${label}: document ${document.id} is also in ${earlier}; kept the one in ${earlier}`,
        });
        continue;
      }
      documentFile.set(document.id, label);
      documentPath.set(document.id, file.path);
      documents.push({ ...document, sourceFile: label });
    }
  }
  return { documents, documentPath, readableFiles };
}

/** Recomputes every IMPLEMENTS and CONTINUES link from the graph as it now is. */
async function relink(database: Database, stopwords: ReadonlySet<string>): Promise<{ implements: number; continues: number }> {
  // Links are a function of the whole graph, not of this batch: vocabulary
  // and inputs come from the database, so any ingest order gives the same links.
  const [inputs, vocabulary] = await Promise.all([readLinkInputs(database), readLinkVocabulary(database)]);
  const tokeniser = createTokeniser([...vocabulary.agencyNames, ...vocabulary.entityNames]);
  // Both link kinds tokenise every clause: cut each text once.
  const tokens = new Map<string, string[]>();
  const tokenize = (text: string): string[] => {
    let cut = tokens.get(text);
    if (cut === undefined) {
      cut = tokeniser.cut(text);
      tokens.set(text, cut);
    }
    return cut;
  };
  const filter: ContentFilter = { stopwords, ignore: new Set(vocabulary.agencyNames) };
  const implementsLinks = linkImplements(inputs.assignments, inputs.passages, tokenize, { filter });
  const continuesLinks = linkContinues(inputs.assignments, tokenize, { filter });
  await writeLinks(database, implementsLinks, continuesLinks);
  return { implements: implementsLinks.length, continues: continuesLinks.length };
}

export async function ingestPaths(paths: readonly string[], database: Database, options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => undefined);
  const problems: IngestProblem[] = [];
  const warnings: IngestProblem[] = [];

  const files = await expandInputPaths(paths);
  const pipelineVersion = await rulesFingerprint(options.rulesDir, PIPELINE_CODE_VERSION);
  const fileHashes = await hashFiles(files);
  if (!options.reset) {
    const unchanged = await unchangedCorpus(database, files, fileHashes, pipelineVersion);
    if (unchanged) {
      // Every file is loaded as it is now, by these rules: nothing to parse or write.
      progress({ stage: 'parsed', files: files.length, documents: unchanged.length });
      progress({ stage: 'done' });
      return {
        files: files.length,
        loaded: [],
        skipped: unchanged,
        removed: [],
        problems,
        warnings,
        written: { nodes: 0, relationships: 0 },
        links: null,
        orphansRemoved: 0,
        counts: await graphCounts(database),
        durationMs: Math.round(performance.now() - started),
      };
    }
  }
  const parsed = await parseFiles(files, await loadCleanRules(options.rulesDir), await loadPlaceTable(options.rulesDir));
  const { documents, documentPath, readableFiles } = collectDocuments(parsed, problems, warnings);
  progress({ stage: 'parsed', files: files.length, documents: documents.length });

  const context = await createIngestContext(documents, options.rulesDir);

  if (options.reset) await resetGraph(database);
  const states = await loadedStates(database, documents.map((document) => document.id));
  const loaded: string[] = [];
  const skipped: string[] = [];
  const written = { nodes: 0, relationships: 0 };
  for (const [index, document] of documents.entries()) {
    const state = states.get(document.id);
    let outcome: 'loaded' | 'skipped' | 'failed';
    if (state && state.contentHash === document.contentHash && state.pipelineVersion === pipelineVersion) {
      skipped.push(document.id);
      outcome = 'skipped';
    } else {
      try {
        const graph = withSourceHash(buildDocumentGraph(document, context.graphContext, pipelineVersion), fileHashes.get(documentPath.get(document.id) ?? ''));
        await writeDocumentGraph(database, graph);
        const counted = countRecords(graph);
        written.nodes += counted.nodes;
        written.relationships += counted.relationships;
        loaded.push(document.id);
        outcome = 'loaded';
      } catch (error) {
        problems.push(problemOf(document.sourceFile, document.id, error));
        outcome = 'failed';
      }
    }
    progress({ stage: 'document', index: index + 1, total: documents.length, documentId: document.id, outcome });
  }

  await writeSourceHashes(
    database,
    skipped.map((id) => ({ id, sourceHash: fileHashes.get(documentPath.get(id) ?? '') ?? null })),
  );

  const holds = new Map(readableFiles.map((file) => [file, new Set<string>()]));
  for (const document of documents) holds.get(document.sourceFile)?.add(document.id);
  const removed = await deleteStaleDocuments(database, holds);

  // Renames between the ids of the graph (an agency's id names its jurisdiction).
  await writeRenames(database, context.renames);

  let links: IngestSummary['links'] = null;
  if (loaded.length > 0 || removed.length > 0 || options.reset) {
    progress({ stage: 'links' });
    links = await relink(database, context.stopwords);
  }
  const orphansRemoved = await deleteOrphans(database);
  const counts = await graphCounts(database);
  progress({ stage: 'done' });
  return {
    files: files.length,
    loaded,
    skipped,
    removed,
    problems,
    warnings,
    written,
    links,
    orphansRemoved,
    counts,
    durationMs: Math.round(performance.now() - started),
  };
}
