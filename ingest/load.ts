/**
 * Writes document graphs into Neo4j. A batch of documents is written in ONE
 * write transaction (delete their old subgraphs, then one UNWIND statement
 * per label and relationship type across the whole batch), so a failure
 * leaves nothing of any of them and their previous versions intact; the
 * caller falls back to one document per transaction for a batch that fails.
 */
import type { CypherName } from '../core/cypher.ts';
import type { Database, WriteTransaction } from '../core/database.ts';
import { KgError } from '../core/errors.ts';
import { isNamedShared, mergeGraphs, NAMED_SHARED_LABELS, type NamedSharedLabel } from './graph/merge.ts';
import {
  OWNED_LABELS,
  RELATIONSHIP_TYPES,
  SHARED_LABELS,
  SHARED_RELATIONSHIP_TYPES,
  type DocumentGraph,
  type OwnedLabel,
  type RelationshipType,
  type SharedLabel,
  type SharedRelationshipType,
} from './graph/records.ts';

/** Rows per UNWIND statement: large enough to amortise round trips, small enough for memory. */
const BATCH_SIZE = 2_000;

type PlainSharedLabel = Exclude<SharedLabel, NamedSharedLabel>;

const PLAIN_SHARED_LABELS = SHARED_LABELS.filter((label): label is PlainSharedLabel => !isNamedShared(label));

/**
 * The load statements written once per label or type: each template of
 * `cypher/load/*.template.cypher` and the constants it is expanded for
 * (`load/owned-nodes:Task` …). Read by the generator of the statement names.
 */
export const LOAD_TEMPLATES = {
  'load/owned-nodes': OWNED_LABELS,
  'load/shared-named-nodes': NAMED_SHARED_LABELS,
  'load/shared-nodes': PLAIN_SHARED_LABELS,
  'load/relationships': RELATIONSHIP_TYPES,
  'load/shared-relationships': SHARED_RELATIONSHIP_TYPES,
} as const;

function ownedStatement(label: OwnedLabel): CypherName {
  return `load/owned-nodes:${label}`;
}

function sharedStatement(label: SharedLabel): CypherName {
  return isNamedShared(label) ? `load/shared-named-nodes:${label}` : `load/shared-nodes:${label}`;
}

function relationshipStatement(type: RelationshipType): CypherName {
  return `load/relationships:${type}`;
}

function sharedRelationshipStatement(type: SharedRelationshipType): CypherName {
  return `load/shared-relationships:${type}`;
}

async function runBatched(transaction: WriteTransaction, statement: CypherName, rows: readonly unknown[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await transaction.run(statement, { rows: rows.slice(start, start + BATCH_SIZE) });
  }
}

async function deleteDocumentIn(transaction: WriteTransaction, documentId: string): Promise<void> {
  await transaction.run('load/delete-document-oversight', { documentId });
  await transaction.run('load/delete-document', { documentId });
}

export interface LoadedState {
  readonly contentHash: string;
  readonly pipelineVersion: string;
  readonly sourceFile: string;
}

/** What is loaded already for these document ids. */
export async function loadedStates(database: Database, ids: readonly string[]): Promise<Map<string, LoadedState>> {
  const rows = await database.read('load/document-states', { ids });
  return new Map(
    rows.map((row) => [
      String(row['id']),
      { contentHash: String(row['contentHash']), pipelineVersion: String(row['pipelineVersion']), sourceFile: String(row['sourceFile']) },
    ]),
  );
}

/** What a run recorded for one source file (`IngestFile`): see `cypher/load/file-state.cypher`. */
export interface FileRecord {
  readonly path: string;
  /** sha256 of the bytes that were parsed. */
  readonly hash: string;
  readonly pipelineVersion: string;
  /** The documents the file holds, in order, and the content hash of each. */
  readonly documentIds: readonly string[];
  readonly contentHashes: readonly string[];
  /** Parts of the file that could not be used (a document that does not parse, a duplicate): the file is never complete. */
  readonly unusable: number;
  /** Warnings of its documents, as JSON (`IngestProblem`), repeated while the file is unchanged. */
  readonly warnings: readonly string[];
}

export interface LoadedDocument {
  readonly id: string;
  readonly contentHash: string;
  readonly pipelineVersion: string;
}

/** A source file as the graph holds it: its record (null when no run recorded it) and the documents loaded from it. */
export interface FileState {
  readonly record: FileRecord | null;
  readonly loaded: readonly LoadedDocument[];
}

/** The state of each source file, in one read. */
export async function fileStates(database: Database, sourceFiles: readonly string[]): Promise<Map<string, FileState>> {
  const rows = await database.read('load/file-states', { sourceFiles });
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
  return new Map(
    rows.map((row) => {
      const path = String(row['sourceFile']);
      const record: FileRecord | null = row['recorded']
        ? {
            path,
            hash: String(row['hash']),
            pipelineVersion: String(row['pipelineVersion']),
            documentIds: strings(row['documentIds']),
            contentHashes: strings(row['contentHashes']),
            unusable: Number(row['unusable'] ?? 0),
            warnings: strings(row['warnings']),
          }
        : null;
      const loaded = (row['loaded'] as Record<string, unknown>[]).map((document) => ({
        id: String(document['id']),
        contentHash: String(document['contentHash']),
        pipelineVersion: String(document['pipelineVersion']),
      }));
      return [path, { record, loaded }];
    }),
  );
}

/**
 * True when the file is loaded exactly as it is now: recorded with these
 * bytes and this pipeline, every part of it usable, and every document it
 * holds loaded from it with the recorded content — no more, no fewer.
 */
export function isComplete(state: FileState | undefined, hash: string | undefined, pipelineVersion: string): boolean {
  const record = state?.record;
  if (!state || !record || hash === undefined) return false;
  if (record.hash !== hash || record.pipelineVersion !== pipelineVersion || record.unusable !== 0) return false;
  if (state.loaded.length !== record.documentIds.length) return false;
  const loaded = new Map(state.loaded.map((document) => [document.id, document]));
  return record.documentIds.every((id, index) => {
    const document = loaded.get(id);
    return document !== undefined && document.contentHash === record.contentHashes[index] && document.pipelineVersion === pipelineVersion;
  });
}

export async function writeFileRecords(database: Database, rows: readonly FileRecord[]): Promise<void> {
  if (rows.length === 0) return;
  await database.write((transaction) => runBatched(transaction, 'load/file-state', rows));
}

/** The graph-wide stages that follow the documents, in the order a run does them. */
export const GRAPH_STAGES = ['renames', 'links', 'orphans'] as const;
export type GraphStage = (typeof GRAPH_STAGES)[number];

/** The graph-wide stages a run that stopped early still owes. */
export async function pendingStages(database: Database): Promise<Set<GraphStage>> {
  const rows = await database.read('load/pending-stages');
  const pending = (rows[0]?.['pending'] as unknown[] | undefined) ?? [];
  return new Set(GRAPH_STAGES.filter((stage) => pending.includes(stage)));
}

export async function markStagesPending(database: Database, stages: readonly GraphStage[]): Promise<void> {
  await database.write((transaction) => transaction.run('load/mark-stages-pending', { stages }));
}

export async function completeStage(database: Database, stage: GraphStage): Promise<void> {
  await database.write((transaction) => transaction.run('load/complete-stage', { stage }));
}

/** Documents already loaded with these content hashes. */
export async function documentsWithContent(database: Database, contentHashes: readonly string[]): Promise<{ contentHash: string; id: string; sourceFile: string }[]> {
  if (contentHashes.length === 0) return [];
  const rows = await database.read('load/documents-by-content-hash', { contentHashes });
  return rows.map((row) => ({ contentHash: String(row['contentHash']), id: String(row['id']), sourceFile: String(row['sourceFile']) }));
}

/**
 * Replaces the subgraphs of these documents in one transaction: all of them
 * or none. Documents are ids of distinct documents (the run collects each id
 * once). `replacing`: the ids among them that may be loaded already, whose
 * old subgraphs are deleted first (default: all of them); a run passes only
 * those the graph held when it started, so a first load into an empty graph
 * sends no deletes. Errors are passed on as they are: the caller tells a lost
 * connection from a batch to retry document by document.
 */
export async function writeDocumentGraphs(database: Database, graphs: readonly DocumentGraph[], replacing: readonly string[] = graphs.map((graph) => graph.document.id)): Promise<void> {
  if (graphs.length === 0) return;
  const batch = mergeGraphs(graphs);
  await database.write(async (transaction) => {
    if (replacing.length > 0) {
      await transaction.run('load/delete-documents-oversight', { documentIds: replacing });
      await transaction.run('load/delete-documents', { documentIds: replacing });
    }
    await runBatched(transaction, 'load/documents', batch.documents);
    for (const label of OWNED_LABELS) await runBatched(transaction, ownedStatement(label), batch.owned[label]);
    for (const label of SHARED_LABELS) await runBatched(transaction, sharedStatement(label), batch.shared[label]);
    for (const type of RELATIONSHIP_TYPES) await runBatched(transaction, relationshipStatement(type), batch.relationships[type]);
    for (const type of SHARED_RELATIONSHIP_TYPES) await runBatched(transaction, sharedRelationshipStatement(type), batch.sharedRelationships[type]);
  });
}

/**
 * Replaces one document's subgraph atomically. A lost connection is passed on
 * as it is (DATABASE_UNAVAILABLE), so the run can stop instead of trying every
 * other document against a server that is gone.
 */
export async function writeDocumentGraph(database: Database, graph: DocumentGraph): Promise<void> {
  try {
    await writeDocumentGraphs(database, [graph]);
  } catch (error) {
    if (isConnectionFailure(error)) throw error;
    throw new KgError('LOAD_FAILED', `Could not load document ${graph.document.id}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** Deletes documents by id, one transaction each (each is removed whole or not at all). */
export async function deleteDocuments(database: Database, documentIds: readonly string[]): Promise<void> {
  for (const documentId of documentIds) {
    await database.write((transaction) => deleteDocumentIn(transaction, documentId));
  }
}

/** Driver codes that mean the server is gone, not that a statement was wrong. */
const CONNECTION_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** True when `error` (or what caused it) is a lost or refused connection to Neo4j. */
export function isConnectionFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth += 1) {
    if (current instanceof KgError && current.code === 'DATABASE_UNAVAILABLE') return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  }
  return false;
}

/** Deletes the whole graph and the run records that describe it. */
export async function resetGraph(database: Database): Promise<number> {
  let total = 0;
  await database.write((transaction) => transaction.run('load/reset-bookkeeping'));
  for (;;) {
    const deleted = await database.write(async (transaction) => {
      const rows = await transaction.run('load/reset-batch', { batchSize: 10_000 });
      return Number(rows[0]?.['deleted'] ?? 0);
    });
    total += deleted;
    if (deleted === 0) return total;
  }
}

export async function deleteOrphans(database: Database): Promise<number> {
  return database.write(async (transaction) => {
    const rows = await transaction.run('load/delete-orphans');
    return Number(rows[0]?.['deleted'] ?? 0);
  });
}

export interface RenameRow {
  readonly from: string;
  readonly to: string;
  readonly year: number;
}

export async function writeRenames(database: Database, renames: readonly RenameRow[]): Promise<void> {
  if (renames.length === 0) return;
  await database.write((transaction) => runBatched(transaction, 'load/renames', renames));
}

export interface LinkText {
  readonly id: string;
  readonly year: number;
  readonly text: string;
}

export async function readLinkInputs(database: Database): Promise<{ assignments: LinkText[]; passages: LinkText[] }> {
  const toText = (row: Record<string, unknown>): LinkText => ({ id: String(row['id']), year: Number(row['year']), text: String(row['text']) });
  const [assignments, passages] = await Promise.all([
    database.read('load/link-inputs-assignments'),
    database.read('load/link-inputs-passages'),
  ]);
  return { assignments: assignments.map(toText), passages: passages.map(toText) };
}

/** Entity names in the graph: agency spellings, and other entities' names. */
export async function readLinkVocabulary(database: Database): Promise<{ agencyNames: string[]; entityNames: string[] }> {
  const rows = await database.read('load/link-vocabulary');
  const agencyNames = new Set<string>();
  const entityNames = new Set<string>();
  for (const row of rows) {
    const names = (row['names'] as unknown[]).map(String);
    for (const name of names) (row['isAgency'] ? agencyNames : entityNames).add(name);
  }
  return { agencyNames: [...agencyNames].sort(), entityNames: [...entityNames].sort() };
}

export interface ScoredLinkRow {
  readonly from: string;
  readonly to: string;
  readonly score: number;
}

/** Replaces every cross-document link in one transaction. */
export async function writeLinks(database: Database, implementsLinks: readonly ScoredLinkRow[], continuesLinks: readonly ScoredLinkRow[]): Promise<void> {
  await database.write(async (transaction) => {
    await transaction.run('load/delete-links');
    await runBatched(transaction, 'load/links-implements', implementsLinks);
    await runBatched(transaction, 'load/links-continues', continuesLinks);
  });
}

export interface GraphCounts {
  readonly labels: Record<string, number>;
  readonly types: Record<string, number>;
}

export async function graphCounts(database: Database): Promise<GraphCounts> {
  const [labels, types] = await Promise.all([database.read('graph/counts-by-label'), database.read('graph/counts-by-type')]);
  return {
    labels: Object.fromEntries(labels.map((row) => [String(row['label']), Number(row['count'])])),
    types: Object.fromEntries(types.map((row) => [String(row['type']), Number(row['count'])])),
  };
}

/** Creates relationships of one type between nodes already in the graph (what a bulk build's CSV cannot carry). */
export async function writeRelationships(database: Database, type: RelationshipType, rows: readonly { from: string; to: string; properties: Record<string, unknown> }[]): Promise<void> {
  if (rows.length === 0) return;
  await database.write((transaction) => runBatched(transaction, relationshipStatement(type), rows));
}
