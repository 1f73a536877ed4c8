/**
 * `kg audit overlaps …`: the responsibility-overlaps audit, run as a client of
 * the GraphQL API (the way any audit script would), then written as Markdown,
 * CSV or JSON. Exit code 0 when the report was written, 1 on any error.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createGraphqlClient, DEFAULT_API_URL, type FetchLike } from '../../audit/client.ts';
import { collectAuditData } from '../../audit/collect.ts';
import { formatCsv } from '../../audit/format-csv.ts';
import { formatJson } from '../../audit/format-json.ts';
import { formatMarkdown } from '../../audit/format-markdown.ts';
import { AUDIT_USAGE, parseAuditArgs, type AuditOptions } from '../../audit/options.ts';
import { buildAuditReport, type AuditReport } from '../../audit/report.ts';
import { loadConfig } from '../../core/config.ts';
import { describeWithCode } from '../../core/errors.ts';
import type { Command, CommandIo } from '../command.ts';

export interface AuditDependencies {
  readonly fetch: FetchLike;
  /** The endpoint used when --api is not given. */
  readonly defaultApiUrl: () => string;
  readonly now: () => Date;
  readonly writeFile: (file: string, content: string) => Promise<void>;
  readonly makeDirectory: (directory: string) => Promise<void>;
}

/** The local server `npm start` runs: HOST and PORT from the configuration, else 127.0.0.1:4000. */
function localApiUrl(): string {
  try {
    const { host, port } = loadConfig().api;
    const reachableHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    return `http://${reachableHost}:${port}/graphql`;
  } catch {
    // A configuration problem of the server (e.g. NEO4J_PASSWORD) must not stop a client that never uses it.
    return DEFAULT_API_URL;
  }
}

const defaultDependencies: AuditDependencies = {
  fetch: (url, init) => fetch(url, init),
  defaultApiUrl: localApiUrl,
  now: () => new Date(),
  writeFile: (file, content) => fs.writeFile(file, content, 'utf8'),
  makeDirectory: async (directory) => void (await fs.mkdir(directory, { recursive: true })),
};

const defaultIo: CommandIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

async function writeReport(report: AuditReport, options: AuditOptions, io: CommandIo, dependencies: AuditDependencies): Promise<void> {
  if (options.format === 'csv') {
    const directory = options.out ?? '.';
    await dependencies.makeDirectory(directory);
    const files = formatCsv(report);
    for (const file of files) await dependencies.writeFile(path.join(directory, file.name), file.content);
    io.stderr(`kg audit: wrote ${files.length} CSV files to ${directory}: ${files.map((file) => file.name).join(', ')}\n`);
    return;
  }
  const text = options.format === 'json' ? formatJson(report) : formatMarkdown(report);
  if (options.out === null) {
    io.stdout(text);
    return;
  }
  const directory = path.dirname(options.out);
  if (directory !== '.') await dependencies.makeDirectory(directory);
  await dependencies.writeFile(options.out, text);
  io.stderr(`kg audit: wrote ${options.out}\n`);
}

export async function runAuditCommand(
  args: readonly string[],
  io: CommandIo = defaultIo,
  dependencies: Partial<AuditDependencies> = {},
): Promise<number> {
  const use: AuditDependencies = { ...defaultDependencies, ...dependencies };
  try {
    const parsed = parseAuditArgs(args);
    if (parsed.kind === 'help') {
      io.stdout(AUDIT_USAGE);
      return 0;
    }
    const { options } = parsed;
    const client = createGraphqlClient({ url: options.apiUrl ?? use.defaultApiUrl(), fetch: use.fetch });
    const data = await collectAuditData(client, options.years);
    const report = buildAuditReport(data, use.now().toISOString());
    await writeReport(report, options, io, use);
    for (const note of report.meta.notes) io.stderr(`kg audit: note: ${note}\n`);
    return 0;
  } catch (error) {
    io.stderr(`kg audit: ${describeWithCode(error)}\n`);
    return 1;
  }
}

export const command: Command = {
  name: 'audit',
  summary: 'Audit responsibility overlaps through the GraphQL API (joint leads, drift, oversight, load)',
  usage: AUDIT_USAGE,
  run: (args, io) => runAuditCommand(args, io),
};
