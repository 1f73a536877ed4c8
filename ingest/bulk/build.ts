/**
 * A build from scratch on the project's local Neo4j (`kg ingest --reset`, the
 * first `npm start`) through Neo4j's own importer: every document's graph
 * (ingest/graph/build.ts, the same records the transactional load writes) →
 * one merged graph with its renames and cross-document links → CSV →
 * `neo4j-admin database import full` (infra/neo4j/import.ts) → schema and
 * full-text index → what CSV cannot carry, the run records (IngestFile,
 * IngestState) and the orphan sweep, through the load's own statements.
 *
 * Only for a local instance: the importer writes store files, which a server
 * reached by NEO4J_URI does not expose.
 */
import path from 'node:path';
import type { LocalNeo4jConfig } from '../../core/config.ts';
import type { CypherName } from '../../core/cypher.ts';
import type { Database } from '../../core/database.ts';
import { importIntoLocal, bulkPaths } from '../../infra/neo4j/import.ts';
import { status, type Log } from '../../infra/neo4j/local-server.ts';
import type { IngestContext } from '../context.ts';
import { buildDocumentGraph } from '../graph/build.ts';
import { countRecords, type DocumentGraph } from '../graph/records.ts';
import { deleteOrphans, markStagesPending, writeFileRecords, type FileRecord } from '../load.ts';
import type { ParsedDocument } from '../model.ts';
import { ARRAY_DELIMITER_OPTION, writeCsv } from './csv.ts';
import { computeLinks } from './links.ts';
import { constraintConflict, mergeGraphs, withLinks } from './merge.ts';

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

export interface BulkBuilder {
  /**
   * Replaces the whole graph with `input`'s; null when this build cannot go
   * through the importer (the caller then uses the transactional path).
   */
  build(input: BulkBuildInput, database: Database): Promise<BulkBuildOutcome | null>;
}

/** Rows per statement for what is written after the import. */
const BATCH_SIZE = 2_000;

async function writeBatched(database: Database, statement: CypherName, rows: readonly unknown[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    await database.write((transaction) => transaction.run(statement, { rows: rows.slice(start, start + BATCH_SIZE) }));
  }
}

const seconds = (from: number): number => (performance.now() - from) / 1000;

/** The builder for one local instance (`main`, `test`, `bench`) whose server this process may stop and start. */
export function localBulkBuilder(config: LocalNeo4jConfig, instance: string, databaseName: string, log: Log): BulkBuilder {
  return {
    async build(input, database) {
      if (status(config, instance).state !== 'running') {
        log(`Bulk build skipped: the local Neo4j (${instance}) is not running as this project's server; loading through transactions.`);
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
      const graph = withLinks(merged, links);
      const linksSeconds = seconds(mark);
      mark = performance.now();
      const csv = writeCsv(graph, path.join(bulkPaths(config, instance).root, 'csv'));
      const csvSeconds = seconds(mark);
      log(`Wrote ${csv.nodes} nodes and ${csv.relationships} relationships as ${csv.sources.length} CSV file(s) (${Math.round(csv.bytes / 1e6)} MB).`);
      const imported = await importIntoLocal(
        config,
        instance,
        { database: databaseName, sources: csv.sources, arrayDelimiter: ARRAY_DELIMITER_OPTION, longestField: csv.longestField },
        log,
      );
      log(imported.summary);
      mark = performance.now();
      // The restarted server opens the database a moment after Bolt answers; the read retries until it is online.
      await database.read('graph/version');
      await database.applySchema();
      const schemaSeconds = seconds(mark);
      mark = performance.now();
      await writeBatched(database, 'bulk/node-properties', csv.deferred.nodeProperties);
      for (const [type, rows] of csv.deferred.relationships) await writeBatched(database, `load/relationships:${type}`, rows);
      await writeFileRecords(database, input.fileRecords);
      // Every graph-wide stage is done: the record says none is owed, as a finished transactional run leaves it.
      await markStagesPending(database, []);
      const orphansRemoved = await deleteOrphans(database);
      const afterSeconds = seconds(mark);
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
        orphansRemoved,
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
