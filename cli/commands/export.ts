/**
 * `kg export [--format graphml|jsonl|csv] [--year YEAR …] [--jurisdiction NAME|ID …] [--out PATH] [--with-text]`:
 * the graph, or the part of it reached from some documents, for Gephi,
 * networkx or a spreadsheet, streamed from Neo4j page by page (see cli/export/).
 */
import path from 'node:path';
import type { Writable } from 'node:stream';
import { connectionFor, loadConfig, type ApiConfig } from '../../core/config.ts';
import { loadCypherCatalog } from '../../core/cypher.ts';
import { createDatabase, type Database } from '../../core/database.ts';
import { describeWithCode, UserInputError } from '../../core/errors.ts';
import { graphSource } from '../export/read-graph.ts';
import { parseYear, selectDocuments } from '../export/select-documents.ts';
import { fileSink, isClosedPipe, streamSink, type TextSink } from '../export/sink.ts';
import { EXPORT_FORMATS, writeGraph, type ExportCounts, type ExportFormat, type OpenSink } from '../export/write-graph.ts';
import { parseCommandArguments } from '../arguments.ts';
import type { Command, CommandIo } from '../command.ts';

const SUMMARY = 'Export the graph, or the part reached from some years or places, as GraphML, JSON Lines or CSV';

const USAGE = `Usage: kg export [--format graphml|jsonl|csv] [--year YEAR …] [--jurisdiction NAME|ID …]
                 [--out PATH] [--with-text]

Writes the graph in the Neo4j of NEO4J_URI (else the local server) for Gephi,
networkx, yEd or a spreadsheet. Nodes keep their own stable ids, labels and
properties; relationships their type and properties.

Formats:
  graphml   one file (default: standard output); typed keys for the properties
            present; node attribute "labels" (:Agency), edge attribute "type",
            and "label" for Gephi to show
  jsonl     one JSON object a line, nodes first ({"kind":"node",…}), then
            relationships ({"kind":"relationship",…}) (default: standard output)
  csv       --out DIR is required: DIR/nodes.csv and DIR/relationships.csv
            (RFC 4180, header row, UTF-8 with a byte-order mark for Excel)

Filters (repeat an option for several values; both options together keep the
documents that pass both):
  --year YEAR            documents of that year
  --jurisdiction NAME|ID documents issued in that place or a place within it
                         (柳州市 includes 柳江区), by name, full name or id
A filtered export holds those documents, what they own (sections, tasks,
clauses, passages, livelihood projects), the shared entities one relationship
away from them (agencies, leaders, indicators, places, companies, parks,
projects, terms) and every relationship between two exported nodes.

Options:
  --format FORMAT  graphml (default), jsonl or csv
  --out PATH       the file (graphml, jsonl) or folder (csv) to write; a file
                   is written under PATH.partial and renamed when complete
  --with-text      include each document's full text (left out by default: it
                   is most of the bytes of the graph, up to hundreds of KB a
                   document, and the passages and clauses carry the same text)
  -h, --help       show this help

An export is one state of the graph: when an ingest writes while it reads,
it fails with EXPORT_GRAPH_CHANGED and keeps no file (run it again after).

Exit status: 0 when the export was written (or its reader closed the pipe,
as \`kg export | head\` does); 1 on an error (an unknown year or place,
Neo4j unreachable, a write failure, the graph written to meanwhile), with the
error and its [CODE] on stderr; 2 on wrong usage.
`;

type ExportDatabase = Pick<Database, 'read' | 'serverInfo' | 'probe' | 'verifyConnectivity' | 'close'>;

export interface ExportDependencies {
  readonly openDatabase: () => ExportDatabase;
  /** Name lookups use the API's own rules and limits. */
  readonly limits: () => ApiConfig;
  /** Where graphml and jsonl go without --out. */
  readonly stdout: Writable;
}

function defaultDependencies(): ExportDependencies {
  return {
    openDatabase: () => createDatabase(connectionFor(loadConfig()), loadCypherCatalog()),
    limits: () => loadConfig().api,
    stdout: process.stdout,
  };
}

interface ExportRequest {
  readonly format: ExportFormat;
  readonly years: readonly number[];
  readonly jurisdictions: readonly string[];
  readonly out: string | null;
  readonly withText: boolean;
}

function formatOf(text: string): ExportFormat {
  const format = EXPORT_FORMATS.find((candidate) => candidate === text);
  if (format === undefined) throw new UserInputError(`--format: "${text}" is not a format; use ${EXPORT_FORMATS.join(', ')}`);
  return format;
}

function openerFor(request: ExportRequest, stdout: Writable): OpenSink {
  const { out } = request;
  if (request.format === 'csv') {
    if (out === null) throw new UserInputError('--format csv writes two files: give the folder with --out DIR');
    return (name) => fileSink(path.join(out, name));
  }
  if (out !== null) return () => fileSink(out);
  return async (): Promise<TextSink> => streamSink(stdout, { target: 'standard output', end: false });
}

function describeCounts(counts: ExportCounts): string {
  const list = (entries: Readonly<Record<string, number>>): string =>
    Object.entries(entries)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, count]) => `${name} ${count}`)
      .join(', ');
  return `${counts.nodes} nodes (${list(counts.byLabel) || 'none'}) and ${counts.relationships} relationships (${list(counts.byType) || 'none'})`;
}

async function runExport(request: ExportRequest, io: CommandIo, use: ExportDependencies): Promise<number> {
  const open = openerFor(request, use.stdout);
  const database = use.openDatabase();
  try {
    await database.verifyConnectivity();
    const documentIds = await selectDocuments(database, use.limits(), { years: request.years, jurisdictions: request.jurisdictions });
    if (documentIds !== null && documentIds.length === 0) io.stderr('kg export: note: no document passes all the filters; the export is empty\n');
    const counts = await writeGraph(graphSource(database, { documentIds, withText: request.withText }), request.format, open);
    const target = request.out ?? 'standard output';
    io.stderr(`kg export: wrote ${describeCounts(counts)} to ${target}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

export async function runExportCommand(args: readonly string[], io: CommandIo, dependencies: Partial<ExportDependencies> = {}): Promise<number> {
  const use: ExportDependencies = { ...defaultDependencies(), ...dependencies };
  const parsed = parseCommandArguments(
    command,
    args,
    {
      format: { type: 'string', default: 'graphml' },
      year: { type: 'string', multiple: true, default: [] },
      jurisdiction: { type: 'string', multiple: true, default: [] },
      out: { type: 'string' },
      'with-text': { type: 'boolean', default: false },
    },
    io,
  );
  if (!parsed.ok) return parsed.exitCode;
  const { values, positionals } = parsed;
  if (positionals.length > 0) {
    io.stderr(`kg export: unexpected argument "${positionals[0] ?? ''}"\n\n${USAGE}`);
    return 2;
  }
  try {
    const request: ExportRequest = {
      format: formatOf(values.format),
      years: values.year.map(parseYear),
      jurisdictions: values.jurisdiction,
      out: values.out ?? null,
      withText: values['with-text'],
    };
    return await runExport(request, io, use);
  } catch (error) {
    // `kg export | head`: the reader has what it wanted; nothing went wrong.
    if (isClosedPipe(error) || isClosedPipe((error as { cause?: unknown }).cause)) return 0;
    io.stderr(`kg export: ${describeWithCode(error)}\n`);
    return 1;
  }
}

export const command: Command = {
  name: 'export',
  summary: SUMMARY,
  usage: USAGE,
  run: (args, io) => runExportCommand(args, io),
};
