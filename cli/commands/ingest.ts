/**
 * `kg ingest [PATH…] [--reset]`: builds the graph from files and folders
 * (default: the bundled corpus) in the Neo4j of NEO4J_URI, or the local one.
 */
import { connectionFor, loadConfig } from '../../core/config.ts';
import { loadCypherCatalog } from '../../core/cypher.ts';
import { createDatabase } from '../../core/database.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { formatSummary, progressReporter } from '../../ingest/summary.ts';
import type { Command } from '../command.ts';
import { parseCommandArguments } from '../arguments.ts';

const USAGE = `Usage: kg ingest [PATH…] [--reset]

Parses the files (folders are read recursively; default: the bundled corpus,
KG_CORPUS_DIR), links their entities and loads them into Neo4j — NEO4J_URI
when set, else the local server (start it with "npm run neo4j -- start").
Unchanged documents are skipped; a changed one replaces its own subgraph; one
bad file or document is reported and the others still go in.

Options:
  --reset       delete the whole graph first and rebuild it
  -h, --help    show this help

Exit status: 0 when everything was ingested, 1 when any file or document failed.
`;

export const command: Command = {
  name: 'ingest',
  summary: 'Load files or folders (default: the bundled corpus) into Neo4j; --reset rebuilds',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments(
      command,
      args,
      { reset: { type: 'boolean', default: false } },
      io,
    );
    if (!parsed.ok) return parsed.exitCode;
    const { values, positionals } = parsed;
    const config = loadConfig();
    const paths = positionals.length > 0 ? positionals : [config.corpusDir];
    const database = createDatabase(connectionFor(config), loadCypherCatalog());
    try {
      await database.verifyConnectivity();
      await database.applySchema();
      const summary = await ingestPaths(paths, database, {
        rulesDir: config.rulesDir,
        reset: values.reset,
        onProgress: progressReporter(io.stderr, process.stderr.isTTY === true),
      });
      io.stdout(`${formatSummary(summary)}\n`);
      return summary.problems.length > 0 ? 1 : 0;
    } finally {
      await database.close();
    }
  },
};
