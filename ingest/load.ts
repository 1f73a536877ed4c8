/**
 * Writes document graphs into Neo4j. Each document is written in ONE write
 * transaction (delete its old subgraph, then batched UNWIND creates), so a
 * failure leaves nothing of that document and the previous version intact.
 */
import type { CypherName } from '../core/cypher.ts';
import type { Database, WriteTransaction } from '../core/database.ts';
import { KgError } from '../core/errors.ts';
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

/** Shared entities with a name, a kind and spellings: their aliases accumulate across documents. */
const NAMED_SHARED_LABELS = ['Agency', 'Company', 'Park', 'Project'] as const satisfies readonly SharedLabel[];
type NamedSharedLabel = (typeof NAMED_SHARED_LABELS)[number];
type PlainSharedLabel = Exclude<SharedLabel, NamedSharedLabel>;

function isNamedShared(label: SharedLabel): label is NamedSharedLabel {
  return (NAMED_SHARED_LABELS as readonly SharedLabel[]).includes(label);
}

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
}

/** What is loaded already for these document ids. */
export async function loadedStates(database: Database, ids: readonly string[]): Promise<Map<string, LoadedState>> {
  const rows = await database.read('load/document-states', { ids });
  return new Map(
    rows.map((row) => [String(row['id']), { contentHash: String(row['contentHash']), pipelineVersion: String(row['pipelineVersion']) }]),
  );
}

export interface SourceState {
  readonly documentIds: readonly string[];
  readonly sourceHashes: ReadonlySet<string | null>;
  readonly pipelineVersions: ReadonlySet<string | null>;
}

/** What is loaded from each source file (files with nothing loaded are absent). */
export async function loadedSources(database: Database, sourceFiles: readonly string[]): Promise<Map<string, SourceState>> {
  const rows = await database.read('load/source-states', { sourceFiles });
  const states = new Map<string, { documentIds: string[]; sourceHashes: Set<string | null>; pipelineVersions: Set<string | null> }>();
  for (const row of rows) {
    const sourceFile = String(row['sourceFile']);
    const state = states.get(sourceFile) ?? { documentIds: [], sourceHashes: new Set(), pipelineVersions: new Set() };
    state.documentIds.push(String(row['id']));
    state.sourceHashes.add(typeof row['sourceHash'] === 'string' ? row['sourceHash'] : null);
    state.pipelineVersions.add(typeof row['pipelineVersion'] === 'string' ? row['pipelineVersion'] : null);
    states.set(sourceFile, state);
  }
  return states;
}

/** Replaces one document's subgraph atomically. */
export async function writeDocumentGraph(database: Database, graph: DocumentGraph): Promise<void> {
  try {
    await database.write(async (transaction) => {
      await deleteDocumentIn(transaction, graph.document.id);
      await transaction.run('load/document', { id: graph.document.id, properties: graph.document.properties });
      for (const label of OWNED_LABELS) await runBatched(transaction, ownedStatement(label), graph.owned[label]);
      for (const label of SHARED_LABELS) await runBatched(transaction, sharedStatement(label), graph.shared[label]);
      for (const type of RELATIONSHIP_TYPES) await runBatched(transaction, relationshipStatement(type), graph.relationships[type]);
      for (const type of SHARED_RELATIONSHIP_TYPES) await runBatched(transaction, sharedRelationshipStatement(type), graph.sharedRelationships[type]);
    });
  } catch (error) {
    throw new KgError('LOAD_FAILED', `Could not load document ${graph.document.id}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export async function writeSourceHashes(database: Database, rows: readonly { id: string; sourceHash: string | null }[]): Promise<void> {
  if (rows.length === 0) return;
  await database.write((transaction) => runBatched(transaction, 'load/document-source-hashes', rows));
}

/**
 * Removes documents source files held before but no longer hold; `holds` maps
 * each file to the ids of the documents it holds now. One read for all files.
 */
export async function deleteStaleDocuments(database: Database, holds: ReadonlyMap<string, ReadonlySet<string>>): Promise<string[]> {
  if (holds.size === 0) return [];
  const loaded = await loadedSources(database, [...holds.keys()]);
  const stale = [...holds].flatMap(([sourceFile, keep]) => (loaded.get(sourceFile)?.documentIds ?? []).filter((id) => !keep.has(id)));
  for (const documentId of stale) {
    await database.write((transaction) => deleteDocumentIn(transaction, documentId));
  }
  return stale;
}

export async function resetGraph(database: Database): Promise<number> {
  let total = 0;
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
