/**
 * Installs, starts and stops a Neo4j Community 5.26 server without Docker.
 *
 * Route: the real server distribution. Maven Central publishes
 * `org.neo4j.assembly:neo4j-community-standalone` as a POM whose dependencies
 * are exactly the server's class path; `mvn dependency:copy-dependencies` on
 * `infra/neo4j/pom.xml` copies them into `<home>/<version>/lib`, and the
 * server is started with its entry point `org.neo4j.server.CommunityEntryPoint`
 * and a generated `neo4j.conf`. The initial password is set with the server's
 * own admin entry point before the first start.
 *
 * Each named instance (`main` for `npm start`, `test` for the test suite) has
 * its own configuration, data, logs, port and pid file under
 * `<home>/instances/<name>`, so running the tests never touches the data a
 * user is exploring.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import { KgError } from '../../core/errors.ts';
import { PROJECT_ROOT, type LocalNeo4jConfig } from '../../core/config.ts';
import { classArchiveOptions, settleClassArchive } from './class-data-sharing.ts';

export const NEO4J_VERSION = '5.26.30';
const ENTRY_POINT = 'org.neo4j.server.CommunityEntryPoint';
const ADMIN_ENTRY_POINT = 'org.neo4j.server.startup.Neo4jAdminBoot';
const POM = path.join(PROJECT_ROOT, 'infra', 'neo4j', 'pom.xml');
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;

export type Log = (line: string) => void;

export interface InstancePaths {
  readonly lib: string;
  readonly root: string;
  readonly conf: string;
  readonly data: string;
  readonly logs: string;
  readonly pidFile: string;
  readonly consoleLog: string;
  readonly passwordMarker: string;
}

export function instancePaths(config: LocalNeo4jConfig, instance: string): InstancePaths {
  const root = path.join(config.homeDir, 'instances', instance);
  return {
    lib: path.join(config.homeDir, NEO4J_VERSION, 'lib'),
    root,
    conf: path.join(root, 'conf'),
    data: path.join(root, 'data'),
    logs: path.join(root, 'logs'),
    pidFile: path.join(root, 'neo4j.pid'),
    consoleLog: path.join(root, 'logs', 'console.log'),
    passwordMarker: path.join(root, 'data', '.initial-password-set'),
  };
}

function provisionError(message: string, cause?: unknown): KgError {
  return new KgError('NEO4J_PROVISION_FAILED', message, { cause });
}

function javaExecutable(config: LocalNeo4jConfig): string {
  return config.javaHome ? path.join(config.javaHome, 'bin', 'java') : 'java';
}

/** Fails with an actionable message unless Java 17 or 21 is available. */
export function checkJava(config: LocalNeo4jConfig): number {
  const java = javaExecutable(config);
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw provisionError(`Java not found (${java}): install Java 17 or 21, or set JAVA_HOME.`, result.error);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  const major = match?.[1] === '1' ? Number(match[2]) : Number(match?.[1]);
  if (!Number.isFinite(major)) throw provisionError(`Could not read the Java version from "${java} -version".`);
  if (major < 17) {
    throw provisionError(`Neo4j ${NEO4J_VERSION} needs Java 17 or 21; ${java} is Java ${major}. Set JAVA_HOME to a Java 17 JDK.`);
  }
  return major;
}

export function isInstalled(config: LocalNeo4jConfig): boolean {
  return fs.existsSync(path.join(config.homeDir, NEO4J_VERSION, '.complete'));
}

/** Resolves the server's jars from Maven Central once; later calls download nothing. */
export function install(config: LocalNeo4jConfig, log: Log): void {
  checkJava(config);
  const versionDir = path.join(config.homeDir, NEO4J_VERSION);
  if (isInstalled(config)) {
    log(`Neo4j ${NEO4J_VERSION} is already installed in ${versionDir}.`);
    return;
  }
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error) throw provisionError('Maven (mvn) not found: install Maven 3.6+ to fetch Neo4j from Maven Central.', mvn.error);
  const staging = `${versionDir}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  log(`Installing Neo4j Community ${NEO4J_VERSION} from Maven Central into ${versionDir} …`);
  const result = spawnSync(
    'mvn',
    [
      '-B',
      '--no-transfer-progress',
      '-f',
      POM,
      `-Dneo4j.version=${NEO4J_VERSION}`,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${path.join(staging, 'lib')}`,
      '-DincludeScope=runtime',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw provisionError(`Maven could not resolve Neo4j ${NEO4J_VERSION} (exit ${result.status}):\n${tail}`);
  }
  const jars = fs.readdirSync(path.join(staging, 'lib')).filter((name) => name.endsWith('.jar'));
  if (!jars.some((name) => name.startsWith('neo4j-server-'))) {
    throw provisionError(`Maven finished but neo4j-server-${NEO4J_VERSION}.jar is missing from ${staging}/lib.`);
  }
  fs.writeFileSync(path.join(staging, '.complete'), `${jars.length} jars\n`);
  fs.rmSync(versionDir, { recursive: true, force: true });
  fs.renameSync(staging, versionDir);
  log(`Installed ${jars.length} jars.`);
}

function neo4jConf(config: LocalNeo4jConfig, paths: InstancePaths): string {
  return [
    '# Generated by infra/neo4j/local-server.ts; edits are overwritten at each start.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${config.boltPort}`,
    'server.bolt.enabled=true',
    'server.http.enabled=false',
    'server.https.enabled=false',
    // Heap is set on the java command line (this launcher is not the neo4j script that reads it).
    `server.memory.pagecache.size=${config.pageCache}`,
    'dbms.security.auth_enabled=true',
    `server.directories.data=${paths.data}`,
    `server.directories.logs=${paths.logs}`,
    `server.directories.plugins=${path.join(paths.root, 'plugins')}`,
    `server.directories.import=${path.join(paths.root, 'import')}`,
    `server.directories.run=${paths.root}`,
    'dbms.usage_report.enabled=false',
    'db.tx_log.rotation.retention_policy=1 days',
    // Bolt's two Netty event-loop groups each wait a 5 s quiet period at shutdown, after
    // the databases are already stopped and checkpointed: 10 s of every stop (and of the
    // bulk build's restart) spent waiting for tasks that no closed connection can send.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period=0',
    '',
  ].join('\n');
}

/** Where the server's class-data sharing archive lives (see class-data-sharing.ts). */
function serverClassArchive(paths: InstancePaths): string {
  return path.join(paths.root, `server-classes-${NEO4J_VERSION}.jsa`);
}

function jvmOptions(config: LocalNeo4jConfig, paths: InstancePaths): string[] {
  return [
    ...classArchiveOptions(serverClassArchive(paths)),
    `-Xms${config.heap}`,
    `-Xmx${config.heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-cp',
    `${paths.lib}/*`,
  ];
}

function readPid(paths: InstancePaths): number | null {
  try {
    const pid = Number(fs.readFileSync(paths.pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** True when `pid` is alive and is the server of this instance (guards against pid reuse). */
function isOurProcess(pid: number, paths: InstancePaths): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return commandLine.includes(ENTRY_POINT) && commandLine.includes(paths.conf);
  } catch {
    // No /proc (macOS): trust the pid file.
    return true;
  }
}

export type InstanceStatus =
  | { readonly state: 'not-installed' }
  | { readonly state: 'stopped' }
  | { readonly state: 'running'; readonly pid: number; readonly boltPort: number };

export function status(config: LocalNeo4jConfig, instance: string): InstanceStatus {
  if (!isInstalled(config)) return { state: 'not-installed' };
  const paths = instancePaths(config, instance);
  const pid = readPid(paths);
  if (pid !== null && isOurProcess(pid, paths)) return { state: 'running', pid, boltPort: config.boltPort };
  return { state: 'stopped' };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log yet)';
  }
}

function likelyCause(logText: string): string {
  if (/Address already in use|BindException/.test(logText)) return 'the Bolt port is taken by another process';
  if (/UnsupportedClassVersionError|has been compiled by a more recent version/.test(logText)) return 'the Java version is too old';
  if (/OutOfMemoryError|Cannot allocate memory|Could not reserve enough space/.test(logText)) return 'not enough memory for the configured heap (NEO4J_HEAP)';
  if (/ClassNotFoundException|NoClassDefFoundError/.test(logText)) return 'the installation is incomplete: delete the install folder and run install again';
  if (/Permission denied|AccessDeniedException/.test(logText)) return 'the data or log folder is not writable';
  return 'see the log above';
}

function setInitialPassword(config: LocalNeo4jConfig, paths: InstancePaths, log: Log): void {
  if (fs.existsSync(paths.passwordMarker)) return;
  log('Setting the initial password (NEO4J_PASSWORD) …');
  const result = spawnSync(
    javaExecutable(config),
    ['-Xmx512m', '-cp', `${paths.lib}/*`, ADMIN_ENTRY_POINT, 'dbms', 'set-initial-password', config.password],
    { encoding: 'utf8', env: { ...process.env, NEO4J_HOME: paths.root, NEO4J_CONF: paths.conf } },
  );
  if (result.status !== 0) {
    throw provisionError(`Could not set the initial Neo4j password:\n${(result.stdout + result.stderr).trim()}`);
  }
  fs.mkdirSync(path.dirname(paths.passwordMarker), { recursive: true });
  fs.writeFileSync(paths.passwordMarker, 'The password was set from NEO4J_PASSWORD before the first start.\n');
}

export type StartResult = { readonly started: boolean; readonly pid: number; readonly boltPort: number };

/**
 * Starts the instance and resolves once Bolt accepts connections; resolves
 * with `started: false` when it was already running.
 */
export async function start(config: LocalNeo4jConfig, instance: string, log: Log): Promise<StartResult> {
  install(config, log);
  const paths = instancePaths(config, instance);
  const current = status(config, instance);
  if (current.state === 'running') {
    log(`Neo4j (${instance}) is already running (pid ${current.pid}, bolt://127.0.0.1:${config.boltPort}).`);
    return { started: false, pid: current.pid, boltPort: config.boltPort };
  }
  if (!(await isPortFree(config.boltPort))) {
    throw provisionError(
      `Port ${config.boltPort} on 127.0.0.1 is taken by another process, so Neo4j (${instance}) cannot listen there. ` +
        'Stop that process or choose another port with NEO4J_BOLT_PORT.',
    );
  }
  for (const dir of [paths.conf, paths.data, paths.logs, path.join(paths.root, 'plugins'), path.join(paths.root, 'import')]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(path.join(paths.conf, 'neo4j.conf'), neo4jConf(config, paths));
  setInitialPassword(config, paths, log);

  log(`Starting Neo4j ${NEO4J_VERSION} (${instance}) on bolt://127.0.0.1:${config.boltPort} …`);
  const output = fs.openSync(paths.consoleLog, 'a');
  const child = spawn(
    javaExecutable(config),
    [...jvmOptions(config, paths), ENTRY_POINT, `--home-dir=${paths.root}`, `--config-dir=${paths.conf}`],
    { cwd: paths.root, detached: true, stdio: ['ignore', output, output], env: { ...process.env, NEO4J_HOME: paths.root } },
  );
  fs.closeSync(output);
  const pid = child.pid;
  if (pid === undefined) throw provisionError(`Could not start ${javaExecutable(config)}.`);
  child.unref();
  fs.writeFileSync(paths.pidFile, `${pid}\n`);

  let exitCode: number | null = null;
  child.once('exit', (code) => {
    exitCode = code ?? -1;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== null) break;
    if (await canConnect(config.boltPort)) {
      log(`Neo4j (${instance}) is up (pid ${pid}).`);
      return { started: true, pid, boltPort: config.boltPort };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (exitCode === null) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  fs.rmSync(paths.pidFile, { force: true });
  const logText = `${tail(paths.consoleLog, 30)}\n${tail(path.join(paths.logs, 'neo4j.log'), 30)}`;
  const what = exitCode === null ? `did not accept Bolt connections within ${START_TIMEOUT_MS / 1000} s` : `exited with code ${exitCode}`;
  throw provisionError(`Neo4j (${instance}) ${what}; likely cause: ${likelyCause(logText)}.\n--- log tail ---\n${logText}`);
}

/** Stops the process recorded in this instance's pid file, never anything found by name. */
export async function stop(config: LocalNeo4jConfig, instance: string, log: Log): Promise<boolean> {
  const paths = instancePaths(config, instance);
  const pid = readPid(paths);
  if (pid === null || !isOurProcess(pid, paths)) {
    fs.rmSync(paths.pidFile, { force: true });
    log(`Neo4j (${instance}) is not running.`);
    return false;
  }
  log(`Stopping Neo4j (${instance}, pid ${pid}) …`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (Date.now() < deadline && isOurProcess(pid, paths)) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const endedByItself = !isOurProcess(pid, paths);
  if (!endedByItself) {
    log(`Neo4j (${instance}) did not stop within ${STOP_TIMEOUT_MS / 1000} s; killing it.`);
    process.kill(pid, 'SIGKILL');
  }
  settleClassArchive(serverClassArchive(paths), endedByItself);
  fs.rmSync(paths.pidFile, { force: true });
  log(`Neo4j (${instance}) stopped.`);
  return true;
}
