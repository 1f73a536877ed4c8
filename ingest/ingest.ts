/**
 * `kg ingest` and the start-up ingestion: files → parsed documents → agency
 * registries over all of them (one per jurisdiction) → document graphs written in
 * batches, one transaction per batch and one per document for a batch that fails
 * (ingest/write-batches.ts) → cross-document links → orphan clean-up.
 *
 * A file that cannot be read or parsed, or a document whose write fails, is
 * reported and skipped; everything else still goes in. A document that no
 * longer parses keeps the version already loaded.
 *
 * A run records what it completed, so that the next run finishes the rest:
 * before writing documents it records, per source file, the bytes it parsed
 * and the documents they hold (`IngestFile`), and marks the graph-wide stages
 * (renames, links, orphan sweep) as owed (`IngestState`); each stage clears
 * its mark when done. A file counts as unchanged only when its record matches
 * its bytes and every document it holds is loaded from it as recorded; the
 * whole corpus is skipped without parsing only when every file is unchanged
 * and no stage is owed. When Neo4j becomes unreachable, the run stops at the
 * first failure and says what it completed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config.ts';
import type { Database } from '../core/database.ts';
import { ExtractionWarning, InputError, KgError, describeError } from '../core/errors.ts';
import type { BulkBuilder } from './bulk/build.ts';
import { buildDocumentGraph } from './graph/build.ts';
import { createIngestContextFrom, resolutionInputOf, type IngestContext, type ResolutionInput } from './context.ts';
import type { DocumentGraph } from './graph/records.ts';
import { BatchWriter, DEFAULT_BATCH_LIMITS, type BatchLimits } from './write-batches.ts';
import { findInputFiles, hashFiles, labelUnder } from './input-files.ts';
import {
  GRAPH_STAGES,
  completeStage,
  deleteDocuments,
  deleteOrphans,
  documentsWithContent,
  fileStates,
  graphCounts,
  isComplete,
  isConnectionFailure,
  loadedStates,
  markStagesPending,
  pendingStages,
  readLinkInputs,
  readLinkVocabulary,
  resetGraph,
  writeFileRecords,
  writeLinks,
  writeRenames,
  type FileRecord,
  type FileState,
  type GraphCounts,
  type GraphStage,
} from './load.ts';
import type { ParsedDocument, ParsedFile } from './model.ts';
import { parseFile } from './parse.ts';
import type { CleanRules } from './clean/index.ts';
import type { PlaceTable } from './jurisdiction/index.ts';
import { loadCleanRules, loadPlaceTable, rulesFingerprint } from './rules.ts';
import { continuesIn, implementsIn, type LinkCorpus } from './link/cross-document.ts';
import { linkCorpusFrom } from './link/link-inputs.ts';

/**
 * Bumped when extraction code changes what it produces, so unchanged files
 * are re-ingested; changes to `data/rules/*` are detected from their content.
 * 3: ids of documents without a docNo name the file's path, not its base name.
 */
export const PIPELINE_CODE_VERSION = '3';

export type IngestProgress =
  | { readonly stage: 'parsed'; readonly files: number; readonly documents: number }
  /** Agencies resolved over the run's documents: graphs are built and written next. */
  | { readonly stage: 'resolved' }
  | { readonly stage: 'document'; readonly index: number; readonly total: number; readonly documentId: string; readonly outcome: 'loaded' | 'skipped' | 'failed' }
  | { readonly stage: GraphStage }
  | { readonly stage: 'done' };

export interface IngestOptions {
  readonly rulesDir: string;
  /** Delete the whole graph first. */
  readonly reset?: boolean;
  /**
   * The ingest root: files are named (and documents without a docNo
   * identified) by their path relative to it; default: the project.
   */
  readonly root?: string;
  /** How many documents one write transaction carries (default: DEFAULT_BATCH_LIMITS). */
  readonly batch?: BatchLimits;
  readonly onProgress?: (event: IngestProgress) => void;
  /**
   * With `reset`: build the graph through Neo4j's importer instead of
   * transactions (ingest/bulk/build.ts); only for a local server.
   */
  readonly bulk?: BulkBuilder;
  /**
   * Characters of document text kept parsed between the run's two passes
   * (KG_INGEST_HELD_CHARACTERS, core/config.ts; default HELD_CHARACTERS); the
   * files after them are parsed again when their graphs are built. 0: every
   * file is parsed twice (tests).
   */
  readonly heldCharacters?: number;
}

export interface IngestProblem {
  readonly path: string;
  readonly documentId: string | null;
  readonly code: string;
  readonly message: string;
  /** Where in the document's cleaned text, for a warning about part of a document. */
  readonly span?: { readonly start: number; readonly end: number } | null;
}

/** Why a run stopped before the end, what it completed and what a rerun will do. */
export interface IngestInterruption {
  readonly message: string;
  /** Documents this run still had to write. */
  readonly remainingDocuments: readonly string[];
  /** Graph-wide stages still owed. */
  readonly pendingStages: readonly GraphStage[];
}

export interface IngestSummary {
  readonly files: number;
  readonly loaded: readonly string[];
  readonly skipped: readonly string[];
  readonly removed: readonly string[];
  readonly problems: readonly IngestProblem[];
  /** Documents loaded with a gap (no year stated, text or markers not read): reported, not failed. */
  readonly warnings: readonly IngestProblem[];
  /** Nodes and relationships written this run (skipped documents excluded). */
  readonly written: { readonly nodes: number; readonly relationships: number };
  readonly links: { readonly implements: number; readonly continues: number } | null;
  readonly orphansRemoved: number;
  /** The graph after the run (empty when the run was interrupted: Neo4j could not be asked). */
  readonly counts: GraphCounts;
  readonly durationMs: number;
  /** Set when Neo4j became unreachable: the run stopped there, and a rerun finishes the rest. */
  readonly interrupted: IngestInterruption | null;
}

function problemOf(pathLabel: string, documentId: string | null, error: unknown): IngestProblem {
  if (error instanceof ExtractionWarning) {
    return { path: pathLabel, documentId: error.documentId, code: error.code, message: error.message, span: error.span };
  }
  return {
    path: pathLabel,
    documentId,
    code: error instanceof KgError ? error.code : 'UNEXPECTED',
    message: describeError(error),
  };
}

/**
 * A document of this run between parsing and writing. The run does not keep
 * every parsed document: it keeps their ids and hashes, and what resolving agencies
 * needs (until the context is made), and parses each file again when it builds
 * that file's graphs — so memory holds one file's documents and two batches of
 * graphs, not the corpus. Measured at ×100 of the bench corpus (2,290
 * documents): holding every ParsedDocument is ≈190 MB of heap, the resolution
 * inputs are the text's size (≈50 MB, released before linking), and the second
 * parse costs ≈20 s of CPU that runs while Neo4j writes the batch before.
 * A bulk build keeps the parsed documents: it needs them all at once.
 *
 * The second parse is CPU that hides behind Neo4j's writes only when a core is
 * free; on a machine where both cores are busy it adds its full cost (the ×10
 * bench: about +13 s of a 125 s run under a load average of 11). So the first
 * `HELD_CHARACTERS` of text are kept parsed (≈8 bytes of heap per character)
 * and only the files after them are parsed again: a corpus of that size is
 * parsed once, a larger one holds a bounded amount.
 */
interface RunDocument {
  readonly id: string;
  readonly contentHash: string;
  /** The label of its file. */
  readonly sourceFile: string;
  /** Kept for a bulk build, and for the first HELD_CHARACTERS of text of a transactional run; released once built. */
  parsed: ParsedDocument | null;
  /** Dropped once the run's context is made. */
  resolution: ResolutionInput | null;
}

/** Characters of documents kept parsed between the two passes: ≈32 MB of heap, the ×10 bench corpus (2.4 M) whole. */
const HELD_CHARACTERS = 4_000_000;

/** One source file in this run: what was parsed from it and what of it can be used. */
interface SourceFile {
  readonly file: string;
  readonly label: string;
  readonly hash: string | undefined;
  /** Its documents that go into the graph, in file order. */
  documents: RunDocument[];
  /** Parts that could not be used (a document that does not parse, a duplicate): the file stays incomplete. */
  unusable: number;
  /** When part of the file does not parse, the documents it held stay as loaded (their ids are unknown). */
  keepLoaded: boolean;
  readonly warnings: IngestProblem[];
}

/** The documents of the parsed files, each id and each text once; unusable files and duplicates become problems. */
class DocumentCollector {
  private readonly byId = new Map<string, string>();
  private readonly byText = new Map<string, { id: string; label: string }>();
  /** Characters of documents kept parsed so far. */
  private held = 0;

  /** `keepAll`: keep every parsed document (a bulk build); else the first `heldCharacters`' worth, whole files. */
  constructor(
    private readonly problems: IngestProblem[],
    private readonly keepAll: boolean,
    private readonly heldCharacters: number,
  ) {}

  add(file: ParsedFile, source: SourceFile): void {
    const { label } = source;
    if (!file.ok) {
      this.problems.push(problemOf(label, null, file.error));
      source.unusable += 1;
      source.keepLoaded = true;
      return;
    }
    for (const problem of file.problems) this.problems.push(problemOf(label, null, problem));
    source.unusable += file.problems.length;
    source.keepLoaded = file.problems.length > 0;
    for (const warning of file.warnings) source.warnings.push(problemOf(label, null, warning));
    const characters = file.documents.reduce((sum, document) => sum + document.text.length, 0);
    const keep = this.keepAll || this.held + characters <= this.heldCharacters;
    if (keep) this.held += characters;
    for (const document of file.documents) {
      const sameId = this.byId.get(document.id);
      const sameText = this.byText.get(document.contentHash);
      if (sameId !== undefined || sameText !== undefined) {
        this.problems.push(duplicateProblem(label, document.id, sameId !== undefined ? { id: document.id, label: sameId } : (sameText as { id: string; label: string }), sameId === undefined));
        source.unusable += 1;
        continue;
      }
      this.byId.set(document.id, label);
      this.byText.set(document.contentHash, { id: document.id, label });
      source.documents.push({
        id: document.id,
        contentHash: document.contentHash,
        sourceFile: label,
        parsed: keep ? { ...document, sourceFile: label } : null,
        resolution: resolutionInputOf(document),
      });
    }
  }
}

function duplicateProblem(label: string, documentId: string, kept: { id: string; label: string }, sameText: boolean): IngestProblem {
  const what = sameText
    ? `holds the same text as document ${kept.id} of ${kept.label}: it is one document, kept as ${kept.id}`
    : `document ${documentId} is also in ${kept.label}; kept the one in ${kept.label}`;
  return { path: label, documentId, code: 'INPUT_DUPLICATE_DOCUMENT', message: `${label}: ${what}` };
}

/** Recomputes every IMPLEMENTS and CONTINUES link from the graph as it now is. */
async function relink(database: Database, stopwords: ReadonlySet<string>): Promise<{ implements: number; continues: number }> {
  const corpus = await linkCorpusOf(database, stopwords);
  const implementsLinks = implementsIn(corpus);
  const continuesLinks = continuesIn(corpus);
  await writeLinks(database, implementsLinks, continuesLinks);
  return { implements: implementsLinks.length, continues: continuesLinks.length };
}

/**
 * The link inputs, tokenised. In a function of its own: the texts and the
 * tokeniser's dictionary are garbage once it returns, before the vectors are made.
 */
async function linkCorpusOf(database: Database, stopwords: ReadonlySet<string>): Promise<LinkCorpus> {
  // The dictionaries load (seconds of work that block the thread) only
  // once the reads are done: loading them while a read is open kept its
  // transaction open past the query time limit on a loaded machine.
  // Links are a function of the whole graph, not of this batch: vocabulary
  // and inputs come from the database, so any ingest order gives the same links.
  const [inputs, vocabulary] = await Promise.all([readLinkInputs(database), readLinkVocabulary(database)]);
  return linkCorpusFrom(inputs, vocabulary, stopwords);
}

/** The warnings recorded for unchanged files, to report them again. */
function recordedWarnings(record: FileRecord): IngestProblem[] {
  return record.warnings.flatMap((json) => {
    try {
      return [JSON.parse(json) as IngestProblem];
    } catch {
      return [];
    }
  });
}

/** What the run has done so far: the summary, also when it stops early. */
class Run {
  readonly problems: IngestProblem[] = [];
  readonly warnings: IngestProblem[] = [];
  readonly loaded: string[] = [];
  readonly skipped: string[] = [];
  readonly removed: string[] = [];
  readonly written = { nodes: 0, relationships: 0 };
  links: IngestSummary['links'] = null;
  orphansRemoved = 0;
  counts: GraphCounts = { labels: {}, types: {} };
  files = 0;
  /** What the run is doing, for the message when Neo4j goes away. */
  step = 'reading what the graph holds';
  /** Documents still to write, stages still owed, stages done this run. */
  readonly remaining = new Set<string>();
  readonly pending = new Set<GraphStage>();
  readonly stagesDone: GraphStage[] = [];
  interrupted: IngestInterruption | null = null;

  constructor(private readonly started: number) {}

  fail(sourceFile: string, documentId: string, error: unknown): void {
    this.problems.push(problemOf(sourceFile, documentId, error));
  }

  interrupt(error: unknown): void {
    const done = [
      `${this.loaded.length} document(s) written`,
      `${this.skipped.length} unchanged`,
      ...(this.removed.length > 0 ? [`${this.removed.length} removed`] : []),
      ...this.stagesDone.map((stage) => STAGE_NAMES[stage]),
    ];
    const owed = [
      ...(this.remaining.size > 0 ? [`${this.remaining.size} document(s)`] : []),
      ...GRAPH_STAGES.filter((stage) => this.pending.has(stage)).map((stage) => STAGE_NAMES[stage]),
    ];
    const message =
      `Stopped: Neo4j became unreachable while ${this.step} (${describeError(error)}). ` +
      `Completed: ${done.join(', ')}. ` +
      (owed.length > 0 ? `Not done yet: ${owed.join(', ')}. ` : '') +
      'Each document is written whole in one transaction (alone or with others of its batch), so none is in the graph in part. ' +
      'Run the same command again once Neo4j is back: it finishes the rest.';
    this.interrupted = { message, remainingDocuments: [...this.remaining], pendingStages: GRAPH_STAGES.filter((stage) => this.pending.has(stage)) };
  }

  summary(): IngestSummary {
    return {
      files: this.files,
      loaded: this.loaded,
      skipped: this.skipped,
      removed: this.removed,
      problems: this.problems,
      warnings: this.warnings,
      written: this.written,
      links: this.links,
      orphansRemoved: this.orphansRemoved,
      counts: this.counts,
      durationMs: Math.round(performance.now() - this.started),
      interrupted: this.interrupted,
    };
  }
}

const STAGE_NAMES: Readonly<Record<GraphStage, string>> = {
  renames: 'agency renames',
  links: 'cross-document links',
  orphans: 'the orphan sweep',
};

export async function ingestPaths(paths: readonly string[], database: Database, options: IngestOptions): Promise<IngestSummary> {
  const run = new Run(performance.now());
  try {
    await ingestInto(run, paths, database, options);
  } catch (error) {
    // One lost connection stops the run: every later statement would wait for
    // the same server. What was written stays; the rerun finishes the rest.
    if (!isConnectionFailure(error)) throw error;
    run.interrupt(error);
  }
  return run.summary();
}

async function ingestInto(run: Run, paths: readonly string[], database: Database, options: IngestOptions): Promise<void> {
  const progress = options.onProgress ?? (() => undefined);
  const root = options.root ?? PROJECT_ROOT;
  const labelOf = (file: string): string => labelUnder(root, file);

  const inputs = await findInputFiles(paths);
  for (const problem of inputs.problems) run.problems.push(problemOf(problem.path, null, problem));
  // The folder's text documents still go in: an office or PDF file beside them is named, not failed.
  for (const notice of inputs.notRead) run.warnings.push(problemOf(labelOf(notice.path), null, notice));
  const files = inputs.files;
  run.files = files.length;
  const labels = files.map(labelOf);
  const pipelineVersion = await rulesFingerprint(options.rulesDir, PIPELINE_CODE_VERSION);
  const fileHashes = await hashFiles(files);

  let states: Map<string, FileState> | null = null;
  if (!options.reset) {
    const [read, pending] = await Promise.all([fileStates(database, labels), pendingStages(database)]);
    states = read;
    for (const stage of pending) run.pending.add(stage);
    const complete = files.length > 0 && files.every((file, index) => isComplete(read.get(labels[index] as string), fileHashes.get(file), pipelineVersion));
    if (complete && pending.size === 0) {
      // Every file is loaded as it is now, by these rules, and no stage is owed: nothing to parse or write.
      for (const label of labels) {
        const record = read.get(label)?.record;
        if (!record) continue;
        run.skipped.push(...record.documentIds);
        run.warnings.push(...recordedWarnings(record));
      }
      progress({ stage: 'parsed', files: files.length, documents: run.skipped.length });
      run.counts = await graphCounts(database);
      progress({ stage: 'done' });
      return;
    }
  }

  const rules = await loadCleanRules(options.rulesDir);
  const places = await loadPlaceTable(options.rulesDir);
  const sources: SourceFile[] = files.map((file, index) => ({
    file,
    label: labels[index] as string,
    hash: fileHashes.get(file),
    documents: [],
    unusable: 0,
    keepLoaded: false,
    warnings: [],
  }));
  // One file at a time: only its text and documents are alive while it is parsed.
  const collector = new DocumentCollector(run.problems, Boolean(options.reset && options.bulk), options.heldCharacters ?? HELD_CHARACTERS);
  for (const source of sources) collector.add(await parseFile(source.file, rules, places, source.label), source);
  for (const source of sources) run.warnings.push(...source.warnings);

  if (options.reset && options.bulk && (await bulkBuild(run, options.bulk, sources, database, options.rulesDir, pipelineVersion, progress))) return;
  if (options.reset) {
    run.step = 'deleting the graph (--reset)';
    await resetGraph(database);
    run.pending.clear();
    states = new Map();
  }
  // In a function of its own: the context, the parsed files and the graphs are garbage once it returns, before linking loads the tokeniser.
  const finishing = await writeDocuments(run, database, options, { sources, labels, states, root, rules, places, pipelineVersion, progress });
  run.step = 'removing documents their files no longer hold';
  for (const documentId of finishing.removals) {
    await deleteDocuments(database, [documentId]);
    run.removed.push(documentId);
  }

  await finishStages(run, database, finishing, progress);
  run.step = 'counting the graph';
  run.counts = await graphCounts(database);
  progress({ stage: 'done' });
}

interface DocumentPass {
  readonly sources: readonly SourceFile[];
  readonly labels: readonly string[];
  readonly states: Map<string, FileState> | null;
  readonly root: string;
  readonly rules: CleanRules;
  readonly places: PlaceTable;
  readonly pipelineVersion: string;
  readonly progress: (event: IngestProgress) => void;
}

/** What the graph-wide stages need of the run's context. */
interface Finishing {
  readonly renames: IngestContext['renames'];
  readonly stopwords: IngestContext['stopwords'];
  /** Documents to delete: their files no longer hold them, or they moved. */
  readonly removals: readonly string[];
}

/** Resolves the run's agencies, then builds and writes the documents that changed, file by file. */
async function writeDocuments(run: Run, database: Database, options: IngestOptions, pass: DocumentPass): Promise<Finishing> {
  const { sources, labels, root, rules, places, pipelineVersion, progress } = pass;
  let states = pass.states;
  run.step = 'reading what the graph holds';
  const replaced = await dropLoadedElsewhere(database, sources, root, run.problems);
  const documents = sources.flatMap((source) => source.documents);
  progress({ stage: 'parsed', files: sources.length, documents: documents.length });
  const context = await contextOf(documents, options.rulesDir);
  progress({ stage: 'resolved' });

  states ??= await fileStates(database, labels);
  const existing = await loadedStates(database, documents.map((document) => document.id));
  const toWrite = new Set(
    documents
      .filter((document) => {
        const state = existing.get(document.id);
        return !(state && state.contentHash === document.contentHash && state.pipelineVersion === pipelineVersion && state.sourceFile === document.sourceFile);
      })
      .map((document) => document.id),
  );
  const held = new Set(documents.map((document) => document.id));
  const stale = sources
    .filter((source) => !source.keepLoaded)
    .flatMap((source) => (states?.get(source.label)?.loaded ?? []).map((document) => document.id))
    .filter((id) => !held.has(id));
  const removals = [...new Set([...replaced, ...stale])];

  if (toWrite.size > 0 || removals.length > 0 || options.reset) {
    // Marked before the first change: a run that stops after it leaves the stages owed.
    run.step = 'recording the stages this run owes';
    await markStagesPending(database, GRAPH_STAGES);
    for (const stage of GRAPH_STAGES) run.pending.add(stage);
  }
  run.step = 'recording the source files';
  await writeFileRecords(database, sources.flatMap((source) => recordOf(source, pipelineVersion)));

  for (const id of toWrite) run.remaining.add(id);
  const batches = new BatchWriter(run, database, options.batch ?? DEFAULT_BATCH_LIMITS, progress);
  let index = 0;
  for (const source of sources) {
    // Parsed again only when one of its documents is written and was not kept; then released with its graphs.
    const reparse = source.documents.some((document) => toWrite.has(document.id) && document.parsed === null);
    const parsed = documentsToBuild(source, reparse ? await parseFile(source.file, rules, places, source.label) : null);
    for (const document of source.documents) {
      index += 1;
      const event = { index, total: documents.length, documentId: document.id };
      if (!toWrite.has(document.id)) {
        run.skipped.push(document.id);
        batches.report({ ...event, outcome: 'skipped' });
        continue;
      }
      // Built before any write of its batch: a document that cannot be built is rejected alone.
      let graph: DocumentGraph;
      try {
        graph = buildDocumentGraph(builtFrom(document, parsed), context.graphContext, pipelineVersion);
      } catch (error) {
        run.problems.push(problemOf(document.sourceFile, document.id, error));
        run.remaining.delete(document.id);
        batches.report({ ...event, outcome: 'failed' });
        continue;
      }
      document.parsed = null;
      await batches.add(graph, document.sourceFile, event, existing.has(document.id));
    }
  }
  await batches.flush();

  return { renames: context.renames, stopwords: context.stopwords, removals };
}

/** A --reset build through the importer; false when it cannot take this run (then the transactional path does). */
async function bulkBuild(run: Run, bulk: BulkBuilder, sources: readonly SourceFile[], database: Database, rulesDir: string, pipelineVersion: string, progress: (event: IngestProgress) => void): Promise<boolean> {
  const documents = sources.flatMap((source) => source.documents.flatMap((document) => (document.parsed ? [document.parsed] : [])));
  run.step = 'building the graph with the Neo4j importer';
  const context = await createIngestContextFrom(sources.flatMap((source) => source.documents.map(resolutionOf)), rulesDir);
  const fileRecords = sources.flatMap((source) => recordOf(source, pipelineVersion));
  const outcome = await bulk.build({ documents, context, pipelineVersion, fileRecords }, database);
  if (outcome === null) return false;
  progress({ stage: 'parsed', files: run.files, documents: documents.length });
  run.loaded.push(...outcome.loaded);
  for (const { document, error } of outcome.failed) run.problems.push(problemOf(document.sourceFile, document.id, error));
  run.written.nodes += outcome.written.nodes;
  run.written.relationships += outcome.written.relationships;
  run.links = outcome.links;
  run.orphansRemoved = outcome.orphansRemoved;
  run.step = 'counting the graph';
  run.counts = await graphCounts(database);
  progress({ stage: 'done' });
  return true;
}

/** The graph-wide stages this run or a stopped one owes, each cleared when done. */
async function finishStages(run: Run, database: Database, context: Omit<Finishing, 'removals'>, progress: (event: IngestProgress) => void): Promise<void> {
  for (const stage of GRAPH_STAGES) {
    if (!run.pending.has(stage)) continue;
    progress({ stage });
    switch (stage) {
      case 'renames':
        run.step = 'recording agency renames';
        // Renames between the ids of the graph (an agency's id names its jurisdiction).
        await writeRenames(database, context.renames);
        break;
      case 'links':
        run.step = 'linking clauses across documents';
        run.links = await relink(database, context.stopwords);
        break;
      case 'orphans':
        run.step = 'removing entities no document refers to';
        run.orphansRemoved = await deleteOrphans(database);
        break;
    }
    await completeStage(database, stage);
    run.pending.delete(stage);
    run.stagesDone.push(stage);
  }
}

function resolutionOf(document: RunDocument): ResolutionInput {
  if (document.resolution) return document.resolution;
  throw new Error(`document ${document.id}: its resolution inputs were released before the context was made`);
}

/** The run's context; then the resolution inputs are dropped (the paragraphs' texts): the context holds what it needs. */
async function contextOf(documents: RunDocument[], rulesDir: string): Promise<IngestContext> {
  const context = await createIngestContextFrom(documents.map(resolutionOf), rulesDir);
  for (const document of documents) document.resolution = null;
  return context;
}

/**
 * The parsed documents of a file, by id, for building: those kept from the
 * first parse, and those of `reparsed` (null when every one was kept). A document whose text is no longer
 * what was parsed first (the file changed during the run) is left out, and
 * `builtFrom` reports it: the file's record was written from the first parse.
 */
function documentsToBuild(source: SourceFile, reparsed: ParsedFile | null): Map<string, ParsedDocument> {
  const byId = new Map<string, ParsedDocument>();
  for (const document of source.documents) if (document.parsed) byId.set(document.id, document.parsed);
  if (reparsed === null || !reparsed.ok) return byId;
  for (const document of reparsed.documents) if (!byId.has(document.id)) byId.set(document.id, { ...document, sourceFile: source.label });
  return byId;
}

function builtFrom(document: RunDocument, parsed: ReadonlyMap<string, ParsedDocument>): ParsedDocument {
  const found = document.parsed ?? parsed.get(document.id);
  if (found === undefined || found.contentHash !== document.contentHash) {
    throw new InputError('INPUT_CHANGED', document.sourceFile, `changed while it was being ingested (document ${document.id} is not what was read first); it keeps the version loaded — run the ingest again`);
  }
  return found;
}

function recordOf(source: SourceFile, pipelineVersion: string): FileRecord[] {
  // A file that could not be read has no hash: nothing to record, and it is never complete.
  if (source.hash === undefined) return [];
  return [
    {
      path: source.label,
      hash: source.hash,
      pipelineVersion,
      documentIds: source.documents.map((document) => document.id),
      contentHashes: source.documents.map((document) => document.contentHash),
      unusable: source.unusable,
      warnings: source.warnings.map((warning) => JSON.stringify(warning)),
    },
  ];
}

/**
 * Documents of this run that the graph already holds from a file outside the
 * run: the same docNo, or the same text under another name. While that file
 * still exists, it keeps the document and this one is reported as a
 * duplicate; a file that is gone was moved or renamed, and its copy is
 * replaced (returned: ids to delete).
 */
async function dropLoadedElsewhere(database: Database, sources: readonly SourceFile[], root: string, problems: IngestProblem[]): Promise<string[]> {
  const documents = sources.flatMap((source) => source.documents);
  if (documents.length === 0) return [];
  const [byId, byText] = await Promise.all([
    loadedStates(database, documents.map((document) => document.id)),
    documentsWithContent(database, documents.map((document) => document.contentHash)),
  ]);
  const inRun = new Set(sources.map((source) => source.label));
  const exists = (label: string): boolean => fs.existsSync(path.isAbsolute(label) ? label : path.join(root, label));
  const replaced: string[] = [];
  for (const source of sources) {
    source.documents = source.documents.filter((document) => {
      const sameId = byId.get(document.id);
      if (sameId && sameId.sourceFile !== source.label && !inRun.has(sameId.sourceFile) && exists(sameId.sourceFile)) {
        problems.push({
          path: source.label,
          documentId: document.id,
          code: 'INPUT_DUPLICATE_DOCUMENT',
          message: `${source.label}: document ${document.id} is already loaded from ${sameId.sourceFile}, which still holds it; not replaced (ingest both files together to choose, or remove it from one)`,
        });
        source.unusable += 1;
        return false;
      }
      for (const other of byText.filter((candidate) => candidate.contentHash === document.contentHash && candidate.id !== document.id)) {
        if (inRun.has(other.sourceFile)) continue;
        if (exists(other.sourceFile)) {
          problems.push(duplicateProblem(source.label, document.id, { id: other.id, label: other.sourceFile }, true));
          source.unusable += 1;
          return false;
        }
        replaced.push(other.id);
      }
      return true;
    });
  }
  return replaced;
}
