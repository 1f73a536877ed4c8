/**
 * `kg ingest [PATH…] [--reset] [--root DIR]`: builds the graph from files and folders
 * (default: the bundled corpus) in the Neo4j of NEO4J_URI, or the local one.
 */
import path from 'node:path';
import { connectionFor, loadConfig } from '../../core/config.ts';
import { loadCypherCatalog } from '../../core/cypher.ts';
import { createDatabase } from '../../core/database.ts';
import { describeError } from '../../core/errors.ts';
import { localBulkBuilder } from '../../app/bulk-import.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { isConnectionFailure } from '../../ingest/load.ts';
import { formatSummary, progressReporter } from '../../ingest/summary.ts';
import type { Command } from '../command.ts';
import { parseCommandArguments } from '../arguments.ts';

const USAGE = `Usage: kg ingest [PATH…] [--reset] [--root DIR]

Parses the files (folders are read recursively, symbolic links followed once;
default: the bundled corpus, KG_CORPUS_DIR), links their entities and loads
them into Neo4j — NEO4J_URI when set, else the local server (start it with
"npm run neo4j -- start"). Unchanged documents are skipped; a changed one
replaces its own subgraph; one bad file, path or document is reported and the
others still go in; a document that no longer parses keeps its loaded version.
Each run records what it completed, so a run that was stopped (Neo4j or the
process killed) is finished by running the same command again.

Options:
  --reset       delete the whole graph first and rebuild it; on the local
                server (NEO4J_URI unset) the graph is written as CSV and loaded
                with Neo4j's importer (neo4j-admin database import), which
                stops and restarts the server; the previous database is kept
                until the import succeeded
  --root DIR    name files (and documents without a docNo) by their path
                under DIR (default: the project folder)
  -h, --help    show this help

Exit status:
  0  everything was ingested
  1  some file, path or document could not be used (the others went in)
  2  wrong usage
  3  everything was loaded, with warnings: a document read with a gap (no
     year stated, text no clause was read from, a bracket never closed,
     responsibility markers outside every task), each warning naming the
     document, the span and the reason
  4  stopped early: Neo4j became unreachable; what was completed is kept and
     the same command run again finishes the rest
`;

/** `kg ingest` exit statuses (see USAGE). */
export const INGEST_EXIT = { ok: 0, failed: 1, usage: 2, warnings: 3, interrupted: 4 } as const;

export const command: Command = {
  name: 'ingest',
  summary: 'Load files or folders (default: the bundled corpus) into Neo4j; --reset rebuilds',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments(
      command,
      args,
      { reset: { type: 'boolean', default: false }, root: { type: 'string' } },
      io,
    );
    if (!parsed.ok) return parsed.exitCode;
    const { values, positionals } = parsed;
    const config = loadConfig();
    const paths = positionals.length > 0 ? positionals : [config.corpusDir];
    const database = createDatabase(connectionFor(config), loadCypherCatalog());
    try {
      try {
        await database.verifyConnectivity();
        await database.applySchema();
      } catch (error) {
        if (!isConnectionFailure(error)) throw error;
        io.stderr(`kg ingest: ${describeError(error)} Nothing was ingested; run the same command again once Neo4j is up.\n`);
        return INGEST_EXIT.interrupted;
      }
      // The importer writes store files: only a server of this project's own, never one reached by NEO4J_URI.
      const bulk = values.reset && config.neo4jUri === null ? localBulkBuilder(config.localNeo4j, 'main', config.neo4j.database, (line) => io.stderr(`${line}\n`)) : undefined;
      const summary = await ingestPaths(paths, database, {
        rulesDir: config.rulesDir,
        batch: config.ingestBatch,
        heldCharacters: config.ingestHeldCharacters,
        reset: values.reset,
        ...(bulk === undefined ? {} : { bulk }),
        ...(values.root === undefined ? {} : { root: path.resolve(values.root) }),
        onProgress: progressReporter(io.stderr, process.stderr.isTTY === true),
      });
      io.stdout(`${formatSummary(summary)}\n`);
      if (summary.interrupted) {
        io.stderr(`kg ingest: ${summary.interrupted.message}\n`);
        return INGEST_EXIT.interrupted;
      }
      if (summary.problems.length > 0) return INGEST_EXIT.failed;
      return summary.warnings.length > 0 ? INGEST_EXIT.warnings : INGEST_EXIT.ok;
    } finally {
      await database.close();
    }
  },
};
