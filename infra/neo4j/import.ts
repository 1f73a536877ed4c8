/**
 * Replaces the database of a local instance with CSV files loaded by Neo4j's
 * own importer (`neo4j-admin database import full`), run as the admin entry
 * point from the same class path as the server (infra/neo4j/pom.xml brings
 * neo4j-import-tool and neo4j-command-line).
 *
 * Crash safety: the importer writes into a staging data directory of the
 * instance (`<instance>/bulk/data`) while the server keeps serving the old
 * database; only after it succeeded is the server stopped, the old store
 * moved aside, the new one moved in and the server started. If the new store
 * does not start, the old one is moved back and started. A run that died
 * between the two moves leaves the old store in `<instance>/bulk/previous`;
 * the next run puts it back first, so a rerun always starts from a database.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { LocalNeo4jConfig } from '../../core/config.ts';
import { KgError, describeError } from '../../core/errors.ts';
import { NEO4J_VERSION, instancePaths, start, status, stop, type Log } from './local-server.ts';
import { classArchiveOptions, settleClassArchive } from './class-data-sharing.ts';

/**
 * The admin tool itself, not its launcher (`Neo4jAdminBoot`): the launcher only
 * works out a command line and starts a second JVM with this class, a few
 * seconds of start-up (more on a loaded machine) that the import pays for
 * nothing. The launcher's command line for it is the class path with the
 * configuration folder first and `-Dfile.encoding=UTF-8`; the same is given here.
 */
const ADMIN_TOOL = 'org.neo4j.cli.AdminTool';
/** The store of one database lives in these two folders under the data directory. */
const STORE_FOLDERS = ['databases', 'transactions'] as const;

export interface ImportSource {
  readonly kind: 'nodes' | 'relationships';
  /**
   * Labels joined by `:` for nodes (`Node:Task`), the type for relationships;
   * absent when the file says them (a `:LABEL` or `:TYPE` column).
   */
  readonly name?: string;
  readonly file: string;
  /** Some field holds a line break: the importer reads such a file in one piece (the others it splits between its threads). */
  readonly multiline?: boolean;
}

export interface ImportRequest {
  /** The database to replace (NEO4J_DATABASE). */
  readonly database: string;
  readonly sources: readonly ImportSource[];
  /** As the importer spells it: `U+001F`. */
  readonly arrayDelimiter: string;
  /** Bytes of the longest field: the importer's read buffer must hold it. */
  readonly longestField: number;
  /** Memory for the importer's own structures (`--max-off-heap-memory`). */
  readonly offHeapMemory?: string;
  /**
   * What the `:ID` columns hold (`--id-type`): `integer` spares the importer
   * the string id map (encoding, sorting, collision checks); default `string`.
   */
  readonly idType?: 'string' | 'integer';
}

/**
 * `--multiline-fields`: `true` makes the importer read every file as one
 * sequential stream, `false` lets it split files between its threads, so it
 * is `true` only when some field holds a line break. Format v2, which names
 * just those files, is not used: its chunker stops at a carriage return
 * inside a quoted cell ("Weird input data, found CR outside a text cell",
 * seen at ×100 of the bench corpus).
 */
export function multilineOptions(sources: readonly ImportSource[]): string[] {
  return [`--multiline-fields=${sources.some((source) => source.multiline === true)}`];
}

export interface ImportResult {
  readonly importSeconds: number;
  readonly restartSeconds: number;
  /** What the importer printed at the end (IMPORT DONE …, counts). */
  readonly summary: string;
}

function importError(message: string, cause?: unknown): KgError {
  return new KgError('BULK_IMPORT_FAILED', message, { cause });
}

interface BulkPaths {
  readonly root: string;
  readonly conf: string;
  readonly data: string;
  readonly logs: string;
  readonly previous: string;
  readonly report: string;
}

export function bulkPaths(config: LocalNeo4jConfig, instance: string): BulkPaths {
  const root = path.join(instancePaths(config, instance).root, 'bulk');
  return {
    root,
    conf: path.join(root, 'conf'),
    data: path.join(root, 'data'),
    logs: path.join(root, 'logs'),
    previous: path.join(root, 'previous'),
    report: path.join(root, 'import.report'),
  };
}

function storeFolders(dataDir: string, database: string): { folder: string; path: string }[] {
  return STORE_FOLDERS.map((folder) => ({ folder, path: path.join(dataDir, folder, database) }));
}

/**
 * A run that stopped between moving the old store aside and moving the new
 * one in: the old store goes back. A run that stopped after both moves: the
 * new store is in place, and the old one is dropped.
 */
export function recoverInterruptedSwap(config: LocalNeo4jConfig, instance: string, database: string, log: Log): void {
  const bulk = bulkPaths(config, instance);
  const live = storeFolders(instancePaths(config, instance).data, database);
  const previous = storeFolders(bulk.previous, database);
  if (!fs.existsSync(bulk.previous)) return;
  if (live.some((store) => !fs.existsSync(store.path))) {
    log(`A bulk build stopped while swapping stores: putting the previous "${database}" database back.`);
    moveStore(previous, live);
  }
  fs.rmSync(bulk.previous, { recursive: true, force: true });
}

function stagingConf(bulk: BulkPaths): string {
  return [
    '# Generated by infra/neo4j/import.ts for the bulk importer; edits are overwritten.',
    `server.directories.data=${bulk.data}`,
    `server.directories.logs=${bulk.logs}`,
    `server.directories.run=${bulk.root}`,
    '',
  ].join('\n');
}

function javaExecutable(config: LocalNeo4jConfig): string {
  return config.javaHome ? path.join(config.javaHome, 'bin', 'java') : 'java';
}

function tailOf(text: string, lines: number): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** The importer's own account of a failure: from IMPORT FAILED on, without progress bars and stack frames. */
export function failureReport(output: string, lines = 20): string {
  const all = output.split('\n');
  const failed = all.findIndex((line) => line.startsWith('IMPORT FAILED'));
  const kept = all
    .slice(failed >= 0 ? failed : Math.max(0, all.length - 40))
    // The launcher's own echo of the child JVM's command line is thousands of characters of class path.
    .filter((line) => !/^\s+at |^\s+\.\.\. \d+ more|∆|^\s*$|^Executing command line/.test(line));
  return kept.slice(0, lines).join('\n');
}

/** IMPORT DONE, the counts and the peak memory: what the JVM may print after them is not the importer's. */
export function importSummary(output: string): string {
  return output.slice(output.lastIndexOf('IMPORT DONE')).split('\n').slice(0, 6).join('\n').trimEnd();
}

async function runImporter(config: LocalNeo4jConfig, instance: string, request: ImportRequest, bulk: BulkPaths, log: Log): Promise<string> {
  fs.rmSync(bulk.data, { recursive: true, force: true });
  fs.rmSync(bulk.report, { force: true });
  // The admin launcher lists the plugins folder of its home (NEO4J_HOME) and fails without one.
  for (const dir of [bulk.conf, bulk.data, bulk.logs, path.join(bulk.root, 'plugins')]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(bulk.conf, 'neo4j.conf'), stagingConf(bulk));
  const readBuffer = Math.max(4 << 20, 2 ** Math.ceil(Math.log2(request.longestField + 1024)));
  // Class-data sharing, as for the server: the first import records the classes it loads.
  const archive = path.join(bulk.root, `importer-classes-${NEO4J_VERSION}.jsa`);
  const args = [
    ...classArchiveOptions(archive),
    // No -Xmx: the launcher gives the tool's JVM none either (the importer's caches are off the heap, --max-off-heap-memory).
    '-Dfile.encoding=UTF-8',
    '-cp',
    `${bulk.conf}/*${path.delimiter}${instancePaths(config, instance).lib}/*`,
    ADMIN_TOOL,
    'database',
    'import',
    'full',
    // First: the file options take several values each and would swallow a name after them.
    request.database,
    '--overwrite-destination=true',
    // Without it a failure says only "Error in input data", not which record and why.
    '--verbose',
    `--array-delimiter=${request.arrayDelimiter}`,
    ...multilineOptions(request.sources),
    `--read-buffer-size=${readBuffer}`,
    `--report-file=${bulk.report}`,
    `--max-off-heap-memory=${request.offHeapMemory ?? '1g'}`,
    '--bad-tolerance=0',
    `--id-type=${request.idType ?? 'string'}`,
    ...request.sources.map((source) => `--${source.kind}=${source.name === undefined ? '' : `${source.name}=`}${source.file}`),
  ];
  log(`Importing ${request.sources.length} CSV file(s) with neo4j-admin database import full …`);
  const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    const child = spawn(javaExecutable(config), args, {
      cwd: bulk.root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NEO4J_HOME: bulk.root, NEO4J_CONF: bulk.conf },
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, text: Buffer.concat(chunks).toString('utf8') }));
  }).catch((error: unknown) => {
    throw importError(`Could not run the Neo4j importer (${javaExecutable(config)}): ${describeError(error)}. The database was not changed.`, error);
  });
  // Kept whole next to the store: the summary holds only the last lines, the stages' times are above them.
  fs.writeFileSync(path.join(bulk.logs, 'import.log'), output.text);
  // Only a whole import's record is kept: a failed one loaded fewer classes.
  settleClassArchive(archive, output.code === 0);
  if (output.code !== 0 || !/IMPORT DONE/.test(output.text)) {
    let report = '';
    try {
      report = tailOf(fs.readFileSync(bulk.report, 'utf8'), 15);
    } catch {
      // No report: the importer stopped before it read any input.
    }
    throw importError(
      `neo4j-admin database import failed (exit ${output.code}); the "${request.database}" database was not changed.\n` +
        `--- importer output ---\n${failureReport(output.text)}` +
        (report === '' ? '' : `\n--- import report (${bulk.report}) ---\n${report}`),
    );
  }
  return importSummary(output.text);
}

function moveStore(from: { path: string }[], to: { path: string }[]): void {
  for (const [index, source] of from.entries()) {
    const target = to[index];
    if (target === undefined || !fs.existsSync(source.path)) continue;
    fs.rmSync(target.path, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target.path), { recursive: true });
    fs.renameSync(source.path, target.path);
  }
}

/**
 * Imports `request.sources` as the whole of `request.database` of the local
 * instance and leaves the instance running on the new store. On any failure
 * the previous store is what the instance serves.
 */
export async function importIntoLocal(config: LocalNeo4jConfig, instance: string, request: ImportRequest, log: Log): Promise<ImportResult> {
  const bulk = bulkPaths(config, instance);
  const release = lockInstance(bulk);
  try {
    return await importLocked(config, instance, request, bulk, log);
  } finally {
    release();
  }
}

/**
 * One bulk build per instance at a time: two would swap each other's stores
 * (one store's files next to the other's transaction logs). The lock names
 * its pid, so a lock left by a process that died is taken over.
 */
function lockInstance(bulk: BulkPaths): () => void {
  const lock = path.join(bulk.root, 'lock');
  fs.mkdirSync(bulk.root, { recursive: true });
  try {
    const holder = Number(fs.readFileSync(lock, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid) {
      let alive = true;
      try {
        process.kill(holder, 0);
      } catch {
        alive = false;
      }
      if (alive) throw importError(`Another bulk build (pid ${holder}) is replacing this instance's database; wait for it to finish and run again.`);
    }
  } catch (error) {
    if (error instanceof KgError) throw error;
    // No lock file: nobody holds it.
  }
  fs.writeFileSync(lock, `${process.pid}\n`);
  return () => fs.rmSync(lock, { force: true });
}

async function importLocked(config: LocalNeo4jConfig, instance: string, request: ImportRequest, bulk: BulkPaths, log: Log): Promise<ImportResult> {
  recoverInterruptedSwap(config, instance, request.database, log);
  const importStarted = performance.now();
  const summary = await runImporter(config, instance, request, bulk, log);
  const imported = performance.now();

  const live = storeFolders(instancePaths(config, instance).data, request.database);
  const staged = storeFolders(bulk.data, request.database);
  const previous = storeFolders(bulk.previous, request.database);
  if (status(config, instance).state === 'running') await stop(config, instance, log);
  moveStore(live, previous);
  moveStore(staged, live);
  try {
    await start(config, instance, log);
  } catch (error) {
    log(`The imported database did not start (${describeError(error)}); putting the previous one back.`);
    fs.rmSync(path.join(bulk.root, 'failed'), { recursive: true, force: true });
    moveStore(live, storeFolders(path.join(bulk.root, 'failed'), request.database));
    moveStore(previous, live);
    fs.rmSync(bulk.previous, { recursive: true, force: true });
    await start(config, instance, log);
    throw importError(`The imported "${request.database}" database did not start; the previous one is back in place (the failed store is in ${path.join(bulk.root, 'failed')}).`, error);
  }
  fs.rmSync(bulk.previous, { recursive: true, force: true });
  fs.rmSync(bulk.data, { recursive: true, force: true });
  return { importSeconds: (imported - importStarted) / 1000, restartSeconds: (performance.now() - imported) / 1000, summary };
}
