/**
 * The bulk builder of a local instance: the pipeline's CSV build
 * (ingest/bulk/build.ts) with the importer of infra/neo4j/import.ts, which
 * stops and starts that instance's server. Only for this project's own
 * servers: a Neo4j reached by NEO4J_URI does not expose its store files.
 */
import path from 'node:path';
import type { LocalNeo4jConfig } from '../core/config.ts';
import { bulkPaths, importIntoLocal } from '../infra/neo4j/import.ts';
import { status } from '../infra/neo4j/local-server.ts';
import { createBulkBuilder, type BulkBuilder } from '../ingest/bulk/build.ts';

export function localBulkBuilder(config: LocalNeo4jConfig, instance: string, database: string, log: (line: string) => void): BulkBuilder {
  return createBulkBuilder(
    {
      csvDirectory: path.join(bulkPaths(config, instance).root, 'csv'),
      unavailable: () =>
        status(config, instance).state === 'running' ? null : `the Neo4j on port ${config.boltPort} is not this project's running ${instance} instance`,
      replace: (request) => importIntoLocal(config, instance, { ...request, database }, log),
    },
    log,
  );
}
