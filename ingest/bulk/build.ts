/**
 * A build from scratch on the project's local Neo4j (`kg ingest --reset`, the
 * first `npm start`) through Neo4j's own importer: every document's graph
 * (ingest/graph/build.ts, the same records the transactional load writes) →
 * one merged graph with its renames and cross-document links → CSV →
 * `neo4j-admin database import full` (infra/neo4j/import.ts) → schema and
 * full-text index → what CSV cannot carry and the run records (IngestFile,
 * IngestState), through the load's own statements. The orphan sweep is done
 * on the merged graph before the CSV (./orphans.ts), so the importer never
 * writes what it would delete.
 *
 * Only for a local instance: the importer writes store files, which a server
 * reached by NEO4J_URI does not expose. The pipeline does not run the
 * importer itself: it is given a `StoreImporter` (app/bulk-import.ts wires in
 * infra/neo4j/import.ts).
 */
import type { CypherName } from '../../core/cypher.ts';
import type { Database } from '../../core/database.ts';
import { KgError } from '../../core/errors.ts';
import type { IngestContext } from '../context.ts';
import { buildDocumentGraph } from '../graph/build.ts';
import { countRecords, type DocumentGraph } from '../graph/records.ts';
import { markStagesPending, writeFileRecords, writeRelationships, type FileRecord } from '../load.ts';
import type { ParsedDocument } from '../model.ts';
import { ARRAY_DELIMITER_OPTION, writeCsv, type CsvSource } from './csv.ts';
import { computeLinks } from './links.ts';
import { constraintConflict, mergeGraphs, withLinks } from './merge.ts';
import { sweepOrphans } from './orphans.ts';

export interface BulkBuildInput {
  /** The run's documents, in the order the transactional path writes them. */
  readonly documents: readonly ParsedDocument[];
  readonly context: IngestContext;
  readonly pipelineVersion: string;
  /** The run records of the source files, as the transactional path writes them. */
  readonly fileRecords: readonly FileRecord[];
}

/** Seconds spent in each step, for the bench. */
export interface BulkTimings {
  readonly graphs: number;
  readonly merge: number;
  readonly links: number;
  readonly csv: number;
  readonly import: number;
  readonly restart: number;
  readonly schema: number;
  readonly after: number;
}

export interface BulkBuildOutcome {
  readonly loaded: readonly string[];
  /** Documents whose graph could not be built: reported, left out, as the transactional path does. */
  readonly failed: readonly { readonly document: ParsedDocument; readonly error: unknown }[];
  /** Counted as the transactional path counts them: per document, shared entities once in each. */
  readonly written: { readonly nodes: number; readonly relationships: number };
  /** What the graph holds after the build (shared entities once, links included). */
  readonly imported: { readonly nodes: number; readonly relationships: number };
  readonly links: { readonly implements: number; readonly continues: number };
  readonly orphansRemoved: number;
  readonly timings: BulkTimings;
}

/** Replaces the whole database with CSV files, keeping the old one until the new one is in place. */
export interface StoreImporter {
  /** Where the CSV files go (emptied first). */
  readonly csvDirectory: string;
  /** Why the importer cannot be used now (e.g. the server is not this project's), or null. */
  unavailable(): string | null;
  replace(request: {
    readonly sources: readonly CsvSource[];
    readonly arrayDelimiter: string;
    readonly longestField: number;
    readonly idType: 'integer';
  }): Promise<{ readonly importSeconds: number; readonly restartSeconds: number; readonly summary: string }>;
}

export interface BulkBuilder {
  /**
   * Replaces the whole graph with `input`'s; null when this build cannot go
   * through the importer (the caller then uses the transactional path).
   */
  build(input: BulkBuildInput, database: Database): Promise<BulkBuildOutcome | null>;
}

/** Rows per statement for what is written after the import. */
const BATCH_SIZE = 2_000;

async function writeBatched(database: Database, statement: CypherName, rows: readonly unknown[], parameters: Record<string, unknown> = {}): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await database.write((transaction) => transaction.run(statement, { ...parameters, rows: rows.slice(start, start + BATCH_SIZE) }));
  }
}

const seconds = (from: number): number => (performance.now() - from) / 1000;

/** How long a restarted server may take to open the imported database. */
const ONLINE_TIMEOUT_MS = 180_000;

/** How long the indexes of an imported store may take to populate. */
const INDEXES_TIMEOUT_MS = 900_000;

/** Asks until every index is online; an index that failed to populate fails the build. */
async function waitForIndexes(database: Database): Promise<void> {
  const deadline = Date.now() + INDEXES_TIMEOUT_MS;
  for (;;) {
    const rows = await database.read('bulk/indexes-not-online');
    if (rows.length === 0) return;
    const failed = rows.find((row) => row['state'] === 'FAILED');
    if (failed !== undefined) throw new KgError('BULK_IMPORT_FAILED', `The index ${String(failed['name'])} of the imported database failed to populate; see the server's debug.log.`);
    if (Date.now() > deadline) {
      throw new KgError('BULK_IMPORT_FAILED', `The indexes of the imported database were not online within ${INDEXES_TIMEOUT_MS / 1000} s (${rows.map((row) => `${String(row['name'])} ${String(row['populationPercent'])} %`).join(', ')}).`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The restarted server opens the database a while after Bolt answers: asks until it does. */
async function waitUntilOnline(database: Database): Promise<void> {
  const deadline = Date.now() + ONLINE_TIMEOUT_MS;
  for (;;) {
    const probe = await database.probe();
    if (probe.ok) return;
    if (Date.now() > deadline) {
      throw new KgError('BULK_IMPORT_FAILED', `The imported database did not come online within ${ONLINE_TIMEOUT_MS / 1000} s (${probe.cause}); see the server's neo4j.log.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export function createBulkBuilder(importer: StoreImporter, log: (line: string) => void): BulkBuilder {
  return {
    async build(input, database) {
      const unavailable = importer.unavailable();
      if (unavailable !== null) {
        log(`Bulk build skipped: ${unavailable}; loading through transactions.`);
        return null;
      }
      let mark = performance.now();
      const graphs: DocumentGraph[] = [];
      const loaded: string[] = [];
      const failed: { document: ParsedDocument; error: unknown }[] = [];
      for (const document of input.documents) {
        try {
          graphs.push(buildDocumentGraph(document, input.context.graphContext, input.pipelineVersion));
          loaded.push(document.id);
        } catch (error) {
          failed.push({ document, error });
        }
      }
      const graphsSeconds = seconds(mark);
      mark = performance.now();
      const merged = mergeGraphs(graphs, input.context.renames);
      const conflict = constraintConflict(merged);
      if (conflict !== null) {
        // The transactional path fails only the documents that break a constraint; the importer cannot.
        log(`Bulk build skipped: ${conflict}; loading through transactions.`);
        return null;
      }
      const mergeSeconds = seconds(mark);
      mark = performance.now();
      const links = computeLinks(merged, input.context.stopwords);
      // After the links, as a transactional run sweeps after linking (the link vocabulary holds orphans' names).
      const swept = sweepOrphans(withLinks(merged, links));
      const graph = swept.graph;
      const linksSeconds = seconds(mark);
      mark = performance.now();
      const csv = writeCsv(graph, importer.csvDirectory);
      const csvSeconds = seconds(mark);
      log(`Wrote ${csv.nodes} nodes and ${csv.relationships} relationships as ${csv.sources.length} CSV file(s) (${Math.round(csv.bytes / 1e6)} MB).`);
      const imported = await importer.replace({ sources: csv.sources, arrayDelimiter: ARRAY_DELIMITER_OPTION, longestField: csv.longestField, idType: 'integer' });
      log(imported.summary);
      mark = performance.now();
      await waitUntilOnline(database);
      const onlineSeconds = seconds(mark);
      const afterStarted = performance.now();
      const afterSteps: string[] = [];
      let schemaSeconds = onlineSeconds;
      const timed = async <T>(name: string, work: () => Promise<T>, schema = false): Promise<T> => {
        const from = performance.now();
        const result = await work();
        afterSteps.push(`${name} ${seconds(from).toFixed(1)} s`);
        if (schema) schemaSeconds += seconds(from);
        return result;
      };
      // Two independent chains on two sessions: on a server that has just started, each
      // statement's first run is mostly its planning on a cold JVM (seconds under load,
      // tens of milliseconds later), and two plan at once on two cores. The run records
      // touch only IngestFile and IngestState nodes, which no index of the graph needs.
      await Promise.all([
        (async () => {
          // Constraints are online when this returns (the writes below look nodes up by id);
          // the other indexes, the full-text ones above all, go on populating meanwhile.
          await timed('schema', () => database.applySchema({ awaitIndexes: false, indexesTogether: true }), true);
          await timed('deferred', async () => {
            await writeBatched(database, 'bulk/node-properties', csv.deferred.nodeProperties);
            for (const [type, rows] of csv.deferred.relationships) await writeRelationships(database, type, rows);
          });
        })(),
        timed('run records', async () => {
          await writeFileRecords(database, input.fileRecords);
          // Every graph-wide stage is done: the record says none is owed, as a finished transactional run leaves it.
          await markStagesPending(database, []);
        }),
      ]);
      // Only now is the graph ready for the API's searches.
      await timed('indexes', () => waitForIndexes(database), true);
      // The steps overlap: what is not the schema's own time is the writes'.
      const afterSeconds = seconds(afterStarted) - (schemaSeconds - onlineSeconds);
      log(`After the import: online ${onlineSeconds.toFixed(1)} s, ${afterSteps.join(', ')}.`);
      const deferredRelationships = [...csv.deferred.relationships.values()].reduce((sum, rows) => sum + rows.length, 0);
      const written = { nodes: 0, relationships: 0 };
      for (const built of graphs) {
        const counted = countRecords(built);
        written.nodes += counted.nodes;
        written.relationships += counted.relationships;
      }
      return {
        loaded,
        failed,
        written,
        imported: { nodes: csv.nodes, relationships: csv.relationships + deferredRelationships },
        links: { implements: links.implements.length, continues: links.continues.length },
        orphansRemoved: swept.removed,
        timings: {
          graphs: graphsSeconds,
          merge: mergeSeconds,
          links: linksSeconds,
          csv: csvSeconds,
          import: imported.importSeconds,
          restart: imported.restartSeconds,
          schema: schemaSeconds,
          after: afterSeconds,
        },
      };
    },
  };
}
