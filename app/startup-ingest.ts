import type { Config } from '../core/config.ts';
import type { Database } from '../core/database.ts';
import type { BulkBuilder } from '../ingest/bulk/build.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import { graphCounts } from '../ingest/load.ts';
import { formatSummary, progressReporter } from '../ingest/summary.ts';

/**
 * Builds the graph from the bundled corpus before serving. Unchanged documents
 * are skipped, so a restart costs about as much as hashing the corpus; a
 * document that fails is reported and the API still starts. On an empty
 * graph of the local server (`bulk` given), the first build goes through
 * Neo4j's importer.
 */
export async function ingestBundledCorpus(database: Database, config: Config, log: (line: string) => void, bulk?: BulkBuilder): Promise<void> {
  log(`Ingesting ${config.corpusDir} …`);
  const empty = bulk !== undefined && Object.keys((await graphCounts(database)).labels).length === 0;
  const summary = await ingestPaths([config.corpusDir], database, {
    rulesDir: config.rulesDir,
    batch: config.ingestBatch,
    heldCharacters: config.ingestHeldCharacters,
    onProgress: progressReporter((text) => log(text.trimEnd()), false),
    ...(empty && bulk !== undefined ? { reset: true, bulk } : {}),
  });
  log(formatSummary(summary));
}
