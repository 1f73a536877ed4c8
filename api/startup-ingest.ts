import type { Config } from '../core/config.ts';
import type { Database } from '../core/database.ts';

/** Builds the graph from the bundled corpus before serving (filled in by the ingest work). */
export async function ingestBundledCorpus(_database: Database, config: Config, log: (line: string) => void): Promise<void> {
  log(`Bundled corpus: ${config.corpusDir} (ingestion not wired yet).`);
}
