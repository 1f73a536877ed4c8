/**
 * `npm start`: the main job. Uses NEO4J_URI when set, otherwise provisions
 * and starts the local Neo4j; applies the schema; ingests the bundled corpus
 * (unchanged documents are skipped); serves the GraphQL API. Ctrl-C closes the
 * server, the driver and the Neo4j this process started.
 */
import { createServer } from 'node:http';
import { connectionFor, loadConfig } from '../core/config.ts';
import { loadCypherCatalog } from '../core/cypher.ts';
import { createDatabase } from '../core/database.ts';
import { describeError } from '../core/errors.ts';
import { leaseLocalInstance } from '../infra/neo4j/instances.ts';
import { localBulkBuilder } from './bulk-import.ts';
import { createHttpListener } from '../api/http-listener.ts';
import { DEFAULT_RESPONSE_CACHE, createResponseCache } from '../api/response-cache.ts';
import { createApi } from '../api/server.ts';
import { explorerPlugin } from './explorer.ts';
import { ingestBundledCorpus } from './startup-ingest.ts';
import { warmUp } from './warm-up.ts';
import { EXAMPLE_OPERATIONS } from '../api/examples.ts';

const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const config = loadConfig();
  const lease = config.neo4jUri === null ? await leaseLocalInstance(config, 'main', log) : null;
  const database = createDatabase(connectionFor(config), loadCypherCatalog());
  const shutdownSteps: (() => Promise<unknown>)[] = [() => database.close()];
  if (lease) shutdownSteps.push(() => lease.release());

  let shuttingDown = false;
  const shutdown = async (signal: string, exitCode = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log(`\n${signal}: shutting down …`);
    for (const step of shutdownSteps) {
      try {
        await step();
      } catch (error) {
        console.error(describeError(error));
      }
    }
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await database.verifyConnectivity();
    await database.applySchema();
    const info = await database.serverInfo();
    log(`Connected to ${info.name} ${info.version} (${info.edition}) at ${database.uri}.`);
    // A first build on the local server goes through the importer; a remote one's store files are out of reach.
    await ingestBundledCorpus(database, config, log, lease ? localBulkBuilder(config.localNeo4j, 'main', config.neo4j.database, log) : undefined);
  } catch (error) {
    console.error(describeError(error));
    await shutdown('error', 1);
    return;
  }

  const responseCache = createResponseCache(database, DEFAULT_RESPONSE_CACHE);
  const yoga = createApi({ database, limits: config.api, plugins: [explorerPlugin()], responseCache });
  const server = createServer(createHttpListener({ yoga, responseCache, limits: config.api }));
  shutdownSteps.unshift(() => new Promise((resolve) => server.close(resolve)));
  server.once('error', (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `port ${config.api.port} on ${config.api.host} is already in use (choose another with PORT)`
        : describeError(error);
    console.error(`Cannot serve the API: ${reason}`);
    void shutdown('error', 1);
  });
  server.listen(config.api.port, config.api.host, () => {
    const origin = `http://${config.api.host}:${config.api.port}`;
    log(`GraphQL API on ${origin}/graphql (GraphiQL in a browser), explorer on ${origin}/explorer. Ctrl-C stops.`);
    void warmUp(yoga, EXAMPLE_OPERATIONS).then((result) => {
      const done = `Query plans warmed: ${result.operations} example operations in ${result.seconds.toFixed(1)} s`;
      log(result.stoppedBecause === null ? `${done}.` : `${done}, then stopped: ${result.stoppedBecause}`);
    });
  });
}

main().catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(1);
});
