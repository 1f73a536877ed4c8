import type { Config } from '../core/config.ts';
import type { Database } from '../core/database.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import { formatSummary, progressReporter } from '../ingest/summary.ts';

/**
 * Builds the graph from the bundled corpus before serving. Unchanged documents
 * are skipped, so a restart costs about as much as hashing the corpus; a
 * document that fails is reported and the API still starts.
 */
export async function ingestBundledCorpus(database: Database, config: Config, log: (line: string) => void): Promise<void> {
  log(`Ingesting ${config.corpusDir} …`);
  const summary = await ingestPaths([config.corpusDir], database, {
    rulesDir: config.rulesDir,
    batch: config.ingestBatch,
    onProgress: progressReporter((text) => log(text.trimEnd()), false),
  });
  log(formatSummary(summary));
}
