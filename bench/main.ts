/**
 * `npm run bench [-- --quick]`: measures parsing, ingestion, loading, the
 * API, each next to its limit in the same run (raw jieba, raw Cypher), and the
 * explorer drawing a 500-node neighbourhood in headless Chromium (bench/explorer.ts), and
 * writes bench/results/<date>.json plus a Markdown table on stdout.
 * Benchmarks never fail on a threshold; they report.
 *
 * Runs against the local `bench` Neo4j instance (its own empty database),
 * started here if needed and stopped afterwards if it was started here.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import nodejieba from 'nodejieba';
import { createApi } from '../api/server.ts';
import { createHttpListener } from '../api/http-listener.ts';
import { DEFAULT_RESPONSE_CACHE, createResponseCache } from '../api/response-cache.ts';
import { PROJECT_ROOT, loadConfig } from '../core/config.ts';
import { loadCypherCatalog, type CypherName } from '../core/cypher.ts';
import { createDatabase, toDriverValue, type Parameters } from '../core/database.ts';
import { buildDocumentGraph } from '../ingest/graph/build.ts';
import { createIngestContext } from '../ingest/context.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import type { IngestChildResult } from './ingest-child.ts';
import { readLinkInputs, readLinkVocabulary, resetGraph } from '../ingest/load.ts';
import { continuesIn, implementsIn, prepareLinks } from '../ingest/link/cross-document.ts';
import { linkCorpusFrom } from '../ingest/link/link-inputs.ts';
import { loadStopwords } from '../ingest/rules.ts';
import { createTokeniser } from '../ingest/tokenise.ts';
import type { DocumentGraph } from '../ingest/graph/records.ts';
import { bulkMarkdown, bulkSizes, type BulkSizeResult } from './bulk.ts';
import { ceilingRecords, measureCeiling } from './ceiling.ts';
import { measureTextStorage, type TextStorageResult } from './text-storage.ts';
import { cleanText } from '../ingest/clean/index.ts';
import { decodeSource } from '../ingest/decode.ts';
import { parseDocuments } from '../ingest/parse.ts';
import { loadCleanRules } from '../ingest/rules.ts';
import { leaseLocalInstance } from '../infra/neo4j/instances.ts';
import { growthExponent, measured, round, runConcurrently } from './measure.ts';
import { explorerMarkdown, explorerSection } from './explorer.ts';
import { API_OPERATIONS } from './operations.ts';
import { startLoadClient } from './load-client.ts';
import { syntheticCorpus, type SyntheticFile } from './synthetic.ts';

const quick = process.argv.includes('--quick');
// `--only ingest|api|bulk`: one section alone — the ingest (ingest, ceiling, linking time), the
// API (on the corpus), or the bulk build (bench/bulk.ts) — for working on one path.
const onlyArgument = process.argv.indexOf('--only');
const only = onlyArgument >= 0 ? process.argv[onlyArgument + 1] : undefined;
if (only !== undefined && only !== 'ingest' && only !== 'api' && only !== 'bulk') throw new Error(`--only ${only}: the sections are "ingest", "api" and "bulk"`);
const ingestOnly = only === 'ingest';
const onlyBulk = only === 'bulk';
// `--sizes 1,10`: a documented smaller run when ×100 takes too long on the machine.
const sizesArgument = process.argv.indexOf('--sizes');
const sizes = sizesArgument >= 0 ? (process.argv[sizesArgument + 1] ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) : null;
const settings = {
  ...(quick
    ? { repeats: 1, sizes: [1, 2], concurrency: 4, requests: 40, seconds: 2, linkingScales: [2, 4], warmPathWarmUpSeconds: 2 }
    : { repeats: 5, sizes: [1, 10, 100], concurrency: 8, requests: 5_000, seconds: 10, linkingScales: [10, 100], warmPathWarmUpSeconds: 20 }),
  ...(sizes && sizes.length > 0 ? { sizes } : {}),
};

const config = loadConfig();
const log = (line: string) => process.stderr.write(`${line}\n`);

function seedFiles(): SyntheticFile[] {
  const directory = config.corpusDir;
  return fs
    .readdirSync(directory)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(directory, name), 'utf8') }));
}

/** The graphs of `files` as the pipeline builds them (for the ceiling's records). */
async function buildGraphs(files: readonly SyntheticFile[]): Promise<DocumentGraph[]> {
  const rules = await loadCleanRules(config.rulesDir);
  const encoder = new TextEncoder();
  const documents = files.flatMap((file) => parseDocuments(cleanText(decodeSource(file.name, encoder.encode(file.text)), rules), undefined, file.name));
  const context = await createIngestContext(documents, config.rulesDir);
  return documents.map((document) => buildDocumentGraph(document, context.graphContext, 'bench'));
}

/**
 * The pure part of linking (what `relink` in ingest/ingest.ts does between
 * reading its inputs and writing the links): tokenising and candidate search.
 */
async function linkingTime(database: ReturnType<typeof createDatabase>) {
  const [inputs, vocabulary, stopwords] = await Promise.all([readLinkInputs(database), readLinkVocabulary(database), loadStopwords(config.rulesDir)]);
  const started = performance.now();
  // As relink does: the dictionary loads and every distinct text is cut once (tokenising), then both link kinds.
  const corpus = linkCorpusFrom(inputs, vocabulary, stopwords);
  const cut = performance.now();
  const implementsLinks = implementsIn(corpus);
  const continuesLinks = continuesIn(corpus);
  const finished = performance.now();
  return {
    inputs: inputs.assignments.length + inputs.passages.length,
    assignments: inputs.assignments.length,
    passages: inputs.passages.length,
    seconds: round((finished - started) / 1000, 3),
    tokeniseSeconds: round((cut - started) / 1000, 3),
    candidateSeconds: round((finished - cut) / 1000, 3),
    implementsLinks: implementsLinks.length,
    continuesLinks: continuesLinks.length,
  };
}

/**
 * Linking alone at the scales ×10 and ×100 of the corpus' own link inputs
 * (read after the ×1 ingest): variant `i` of every clause and paragraph moves
 * `i mod 60` years and to another city, as the synthetic corpus does, so each
 * year's block fills up as it would with many places. No database: this is
 * the growth of the linking algorithm itself.
 */
async function linkingScaling(database: ReturnType<typeof createDatabase>) {
  const [inputs, vocabulary, stopwords] = await Promise.all([readLinkInputs(database), readLinkVocabulary(database), loadStopwords(config.rulesDir)]);
  const tokeniser = createTokeniser([...vocabulary.agencyNames, ...vocabulary.entityNames]);
  const filter = { stopwords, ignore: new Set(vocabulary.agencyNames) };
  const cities = ['桂', '梧', '钦', '贺', '崇', '河', '来', '百', '玉', '防', '北', '南', '湘', '沅', '澧', '资'];
  const scaled = (texts: readonly { id: string; year: number; text: string }[], factor: number) =>
    Array.from({ length: factor }, (_, index) =>
      texts.map((item) => ({ id: `${item.id}#${index}`, year: item.year + (index % 60), text: index === 0 ? item.text : item.text.replace(/柳州/g, `${cities[index % 16]}${cities[Math.floor(index / 16) % 16]}州`) })),
    ).flat();
  const results = [];
  for (const factor of settings.linkingScales) {
    const assignments = scaled(inputs.assignments, factor);
    const passages = scaled(inputs.passages, factor);
    // The tokeniser is made once for every scale: what grows is cutting the texts and the candidate search.
    const started = performance.now();
    const corpus = prepareLinks(assignments, passages, (text) => tokeniser.cut(text), filter);
    const cut = performance.now();
    const implementsLinks = implementsIn(corpus);
    const continuesLinks = continuesIn(corpus);
    const finished = performance.now();
    results.push({
      factor,
      inputs: assignments.length + passages.length,
      seconds: round((finished - started) / 1000, 3),
      tokeniseSeconds: round((cut - started) / 1000, 3),
      candidateSeconds: round((finished - cut) / 1000, 3),
      implementsLinks: implementsLinks.length,
      continuesLinks: continuesLinks.length,
    });
    log(`linking ×${factor}: ${assignments.length + passages.length} texts in ${round((finished - started) / 1000, 2)} s`);
  }
  const [small, large] = results;
  const exponent = small && large ? round(growthExponent(small.inputs, small.seconds, large.inputs, large.seconds)) : Number.NaN;
  const candidateExponent = small && large ? round(growthExponent(small.inputs, small.candidateSeconds, large.inputs, large.candidateSeconds)) : Number.NaN;
  return { scales: results, growthExponent: exponent, candidateGrowthExponent: candidateExponent };
}

async function parseAndExtract(files: readonly SyntheticFile[]) {
  const rules = await loadCleanRules(config.rulesDir);
  const encoder = new TextEncoder();
  const bytes = files.map((file) => ({ name: file.name, bytes: encoder.encode(file.text) }));
  const totalBytes = bytes.reduce((sum, file) => sum + file.bytes.length, 0);
  const totalChars = files.reduce((sum, file) => sum + file.text.length, 0);

  const pipelineTimes: number[] = [];
  const jiebaTimes: number[] = [];
  nodejieba.load();
  for (let round_ = 0; round_ < settings.repeats; round_ += 1) {
    let begin = performance.now();
    const documents = bytes.flatMap((file) => parseDocuments(cleanText(decodeSource(file.name, file.bytes), rules)));
    const context = await createIngestContext(documents, config.rulesDir);
    for (const document of documents) buildDocumentGraph(document, context.graphContext, 'bench');
    pipelineTimes.push((performance.now() - begin) / 1000);

    begin = performance.now();
    for (const file of files) nodejieba.cut(file.text);
    jiebaTimes.push((performance.now() - begin) / 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const pipeline = median(pipelineTimes);
  const jieba = median(jiebaTimes);
  return {
    bytes: totalBytes,
    chars: totalChars,
    pipeline: { seconds: round(pipeline, 4), mbPerSecond: round(totalBytes / 1e6 / pipeline), charsPerSecond: Math.round(totalChars / pipeline) },
    jieba: { seconds: round(jieba, 4), mbPerSecond: round(totalBytes / 1e6 / jieba), charsPerSecond: Math.round(totalChars / jieba) },
    ratio: round(pipeline / jieba),
  };
}

function writeCorpus(files: readonly SyntheticFile[]): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-'));
  for (const file of files) fs.writeFileSync(path.join(directory, file.name), file.text);
  return directory;
}

interface SizeResult {
  readonly factor: number;
  readonly files: number;
  readonly documents: number;
  readonly megabytes: number;
  readonly records: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
  readonly peakRssMb: number;
  /** The highest RSS sampled while each stage was the latest reported (bench/ingest-child.ts): where the peak is. */
  readonly rssByStageMb: Readonly<Record<string, number>>;
  /** process.memoryUsage() at each stage's highest RSS sample: V8 heap used / committed, external, array buffers (MB). */
  readonly memoryByStageMb: IngestChildResult['memoryByStageMb'];
  readonly reingestUnchangedSeconds: number;
  readonly hashSeconds: number;
  readonly problems: number;
  /** The same records written by plain UNWIND batches, on the same server, in the same run (bench/ceiling.ts). */
  readonly ceilingRecords: number;
  readonly ceilingSeconds: number;
  readonly ceilingRecordsPerSecond: number;
  readonly ceilingNodesPerSecond: number;
  readonly ceilingRelationshipsPerSecond: number;
  /** ceilingSeconds / seconds: the same graph's records written by the ceiling and by the ingest (shared entities once in both). */
  readonly ratioToCeiling: number;
  /** parse (read→structure, change detection), resolve (agency registries), build + write, graph-wide stages (links among them). */
  readonly phases: { parseSeconds: number; resolveSeconds: number; buildAndWriteSeconds: number; stagesSeconds: number; linkSeconds: number };
  /** The Document records written with their full text, without it, and without it plus a file store (bench/text-storage.ts). */
  readonly textStorage: TextStorageResult;
  /** ceilingSeconds / buildAndWriteSeconds: the write phase alone against the ceiling. */
  readonly writeRatioToCeiling: number;
  readonly ceilingStatements: number;
  readonly ceilingPlanningSeconds: number;
  readonly linking: Awaited<ReturnType<typeof linkingTime>>;
}

/**
 * One ingest of `directory` in a child process (bench/ingest-child.ts): its
 * time, counts, phases and its own peak RSS. BENCH_CHILD_NODE_OPTIONS adds
 * node flags to the child (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
 */
async function ingestInChild(directory: string, uri: string, password: string): Promise<IngestChildResult> {
  const flags = (process.env['BENCH_CHILD_NODE_OPTIONS'] ?? '').split(' ').filter((flag) => flag !== '');
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'ingest-child.ts'), directory], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: password },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    output += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const line = output.trim().split('\n').pop() ?? '';
  if (code !== 0 || line === '') throw new Error(`bench/ingest-child.ts exited with ${code}: ${output.slice(-2000)}`);
  return JSON.parse(line) as IngestChildResult;
}

async function ingestSizes(database: ReturnType<typeof createDatabase>, seeds: readonly SyntheticFile[], uri: string, password: string) {
  const results: SizeResult[] = [];
  // A freshly started server is several times slower until its JIT and plan
  // cache are warm (measured: the same ×3 ingest took 176 s cold, 48 s warm).
  // The ceiling runs after the ingest, on a warm server: so the ingest gets an
  // untimed warm-up run first, or the ratio would measure the JVM's warm-up.
  log('warming the server up: one untimed ingest of the seeds …');
  await resetGraph(database);
  await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir, batch: config.ingestBatch });
  for (const factor of settings.sizes) {
    const files = syntheticCorpus(seeds, factor);
    const directory = writeCorpus(files);
    try {
      log(`ingest ×${factor}: ${files.length} files …`);
      await resetGraph(database);
      // In a process of its own, so that its peak RSS is the ingest's (bench/ingest-child.ts).
      const first = await ingestInChild(directory, uri, password);
      if (first.interrupted !== null) throw new Error(`ingest ×${factor} was interrupted: ${first.interrupted}`);
      log(`ingest ×${factor} (own process): ${JSON.stringify(first)}`);
      // Where the ingest's time goes: the moment each stage starts, from the progress events.
      const at = (stage: string, fallback: number) => first.marks[stage] ?? fallback;
      const phases = {
        parseSeconds: round(at('parsed', 0), 2),
        resolveSeconds: round(at('resolved', 0) - at('parsed', 0), 2),
        buildAndWriteSeconds: round(at('lastDocument', 0) - at('resolved', 0), 2),
        stagesSeconds: round(first.seconds - at('lastDocument', 0), 2),
        linkSeconds: round(at('orphans', 0) - at('links', 0), 2),
      };
      const records = first.nodes + first.relationships;
      const again = await measured(() => ingestPaths([directory], database, { rulesDir: config.rulesDir, batch: config.ingestBatch }));
      const hashStart = performance.now();
      for (const file of files) createHash('sha256').update(fs.readFileSync(path.join(directory, file.name))).digest('hex');
      const hashSeconds = (performance.now() - hashStart) / 1000;
      log(`linking ×${factor} …`);
      const linking = await linkingTime(database);
      // The ceiling after the ingest, so that its records do not weigh on the ingest's peak RSS.
      log(`ceiling ×${factor} …`);
      await resetGraph(database);
      const graphs = await buildGraphs(files);
      const ceiling = await measureCeiling(uri, config.neo4j.user, password, config.neo4j.database, ceilingRecords(graphs));
      log(`text storage ×${factor} …`);
      const textStorage = await measureTextStorage(uri, config.neo4j.user, password, config.neo4j.database, graphs, () => resetGraph(database));
      log(`text storage ×${factor}: ${JSON.stringify(textStorage)}`);
      await resetGraph(database);
      const recordsPerSecond = records / first.seconds;
      results.push({
        factor,
        files: files.length,
        documents: first.loaded,
        megabytes: round(files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) / 1e6),
        records,
        seconds: round(first.seconds),
        recordsPerSecond: Math.round(records / first.seconds),
        peakRssMb: Math.round(first.peakRssMb),
        rssByStageMb: first.rssByStageMb,
        memoryByStageMb: first.memoryByStageMb,
        reingestUnchangedSeconds: round(again.seconds, 3),
        hashSeconds: round(hashSeconds, 4),
        problems: first.problems,
        ceilingRecords: ceiling.records,
        ceilingSeconds: round(ceiling.seconds),
        ceilingRecordsPerSecond: Math.round(ceiling.recordsPerSecond),
        ceilingNodesPerSecond: Math.round(ceiling.nodesPerSecond),
        ceilingRelationshipsPerSecond: Math.round(ceiling.relationshipsPerSecond),
        ratioToCeiling: round(ceiling.seconds / first.seconds, 3),
        phases,
        textStorage,
        writeRatioToCeiling: round(ceiling.seconds / phases.buildAndWriteSeconds, 3),
        ceilingStatements: ceiling.statements,
        ceilingPlanningSeconds: round(ceiling.planningSeconds, 2),
        linking,
      });
      log(`ingest ×${factor} phases: ${JSON.stringify(phases)}; RSS by stage (MB): ${JSON.stringify(first.rssByStageMb)}`);
      log(`ingest ×${factor}: ${round(first.seconds)} s, ${Math.round(recordsPerSecond)} records/s; the ceiling writes the same graph in ${round(ceiling.seconds)} s (${Math.round(ceiling.recordsPerSecond)} records/s): ratio ${round(ceiling.seconds / first.seconds, 3)}; peak RSS ${Math.round(first.peakRssMb)} MB; linking ${linking.seconds} s`);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  }
  const exponents = results.slice(1).map((result, index) => {
    const previous = results[index];
    return previous ? round(growthExponent(previous.records, previous.seconds, result.records, result.seconds)) : Number.NaN;
  });
  const linkingExponents = results.slice(1).map((result, index) => {
    const previous = results[index];
    return previous ? round(growthExponent(previous.linking.inputs, previous.linking.seconds, result.linking.inputs, result.linking.seconds)) : Number.NaN;
  });
  // Issue 14: the ingest's memory must not grow with the corpus (peak RSS ×100 / ×10 ≤ 1.3).
  const peakRssRatios = results.slice(1).map((result, index) => {
    const previous = results[index] as SizeResult;
    return { from: previous.factor, to: result.factor, ratio: round(result.peakRssMb / previous.peakRssMb, 3) };
  });
  return { sizes: results, growthExponents: exponents, linkingGrowthExponents: linkingExponents, peakRssRatios };
}

/** Issue 14's goal for warm (cached) throughput; every warm figure is printed next to it. */
const WARM_GOAL_PER_SECOND = 2_000;
/** Issue 14's goal for the API's p50 over the same Cypher. */
const OVERHEAD_GOAL = 1.3;

/** Milliseconds of this process's CPU (user + system) per request of a run. */
function cpuMsPerRequest(usage: NodeJS.CpuUsage, requests: number): number {
  return round((usage.user + usage.system) / 1000 / Math.max(1, requests), 2);
}

async function apiSection(uri: string, password: string) {
  const catalog = loadCypherCatalog();
  // The statements of one request, captured while `capturing`: the load runs after it are not kept.
  let captured: { name: CypherName; parameters: Parameters }[] = [];
  let capturing = false;
  const database = createDatabase({ ...config.neo4j, uri, password }, catalog, {
    onStatement: (name, parameters) => {
      if (capturing) captured.push({ name, parameters });
    },
  });
  const yoga = createApi({ database, limits: config.api });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/graphql`;
  // The same API with its response cache, served as npm start serves it: the warm figure.
  const responseCache = createResponseCache(database, DEFAULT_RESPONSE_CACHE);
  const cachedYoga = createApi({ database, limits: config.api, responseCache });
  const cachedServer = createServer(createHttpListener({ yoga: cachedYoga, responseCache, limits: config.api }));
  await new Promise<void>((resolve) => cachedServer.listen(0, '127.0.0.1', resolve));
  const cachedUrl = `http://127.0.0.1:${(cachedServer.address() as AddressInfo).port}/graphql`;
  const driver = neo4j.driver(uri, neo4j.auth.basic(config.neo4j.user, password), { disableLosslessIntegers: true });
  // The HTTP load comes from another process, so the API's process does only the API's work.
  const client = startLoadClient();
  const load = async (operation: string, target: string, body: string, requests = settings.requests, concurrency = settings.concurrency, seconds = settings.seconds) => {
    try {
      return await client.run({ url: target, body, concurrency, requests, seconds });
    } catch (error) {
      throw new Error(`${operation}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
  const results = [];
  try {
    for (const operation of API_OPERATIONS) {
      const request = JSON.stringify({ query: operation.query });
      captured = [];
      capturing = true;
      await load(operation.name, url, request, 1, 1);
      capturing = false;
      const statements = captured;
      // The same statements straight through the driver, all at once (the API
      // runs those of one level concurrently): the floor for this operation.
      // Auto-commit, as core/database.ts sends reads.
      const runDirect = (requests: number) =>
        runConcurrently(
          async () => {
            await Promise.all(
              statements.map(async (statement) => {
                const session = driver.session({ database: config.neo4j.database, defaultAccessMode: neo4j.session.READ });
                try {
                  await session.run(catalog.statement(statement.name), toDriverValue(statement.parameters) as Parameters);
                } finally {
                  await session.close();
                }
              }),
            );
          },
          settings.concurrency,
          requests,
          settings.seconds,
        );
      // Each path first runs untimed: the first thousands of requests of a path
      // run while the JIT compilers of node and of Neo4j are still at work on
      // it, and the path measured first paid for the other's warm-up (measured:
      // three 5 s warm runs in a row gave 2,594, 3,303 and 3,749 req/s).
      const warmUpRequests = Math.ceil(settings.requests / 5);
      await load(operation.name, url, request, warmUpRequests);
      await runDirect(warmUpRequests);
      // CPU of this process per request: the API's own work (the load comes from the child), then the driver's alone.
      let cpu = process.cpuUsage();
      const api = await load(operation.name, url, request);
      const apiCpu = cpuMsPerRequest(process.cpuUsage(cpu), api.requests);
      cpu = process.cpuUsage();
      const direct = await runDirect(settings.requests);
      const directCpu = cpuMsPerRequest(process.cpuUsage(cpu), direct.requests);
      // The first request fills the cache; the warm-up run and the measured run are hits.
      // The warm path is warmed up by time, not by a count of requests: its hits are so
      // cheap that warmUpRequests took about a second, while a fresh process (server and
      // load client) needs tens of seconds of hits to settle (measured on the cached
      // server alone, six 5 s runs in a row under load average 7: 485, 541, 832, 1,073,
      // 1,142, 1,471 req/s, the API's CPU per hit 0.50 → 0.19 ms). The door's code is the
      // same for every operation, so the first operation's warm-up is the long one.
      await load(operation.name, cachedUrl, request, 1, 1);
      await load(operation.name, cachedUrl, request, Number.MAX_SAFE_INTEGER, settings.concurrency, results.length === 0 ? settings.warmPathWarmUpSeconds : settings.warmPathWarmUpSeconds / 4);
      const warm = await load(operation.name, cachedUrl, request);
      results.push({
        operation: operation.name,
        roundTrips: statements.length,
        // What "direct" runs: the statements the API sent for one request, by name.
        statements: statements.map((statement) => statement.name),
        api: { perSecond: round(api.perSecond, 1), p50: round(api.p50), p95: round(api.p95), p99: round(api.p99), requests: api.requests, cpuMsPerRequest: apiCpu },
        direct: { perSecond: round(direct.perSecond, 1), p50: round(direct.p50), p95: round(direct.p95), p99: round(direct.p99), cpuMsPerRequest: directCpu },
        overhead: round(api.p50 / direct.p50),
        warm: { perSecond: round(warm.perSecond, 1), p50: round(warm.p50), p95: round(warm.p95), p99: round(warm.p99), requests: warm.requests, ratioToGoal: round(warm.perSecond / WARM_GOAL_PER_SECOND) },
      });
      log(`api: ${operation.name} done`);
    }
  } finally {
    client.close();
    await driver.close();
    await new Promise((resolve) => server.close(resolve));
    await new Promise((resolve) => cachedServer.close(resolve));
    await database.close();
  }
  return { concurrency: settings.concurrency, results };
}

function apiMarkdown(api: Awaited<ReturnType<typeof apiSection>>): string[] {
  const lines: string[] = [];
  lines.push(`### API at concurrency ${api.concurrency} on loopback vs the same Cypher through neo4j-driver`, '');
  lines.push(`| operation | round trips | API req/s | API p50 / p95 / p99 ms | direct req/s | direct p50 / p95 / p99 ms | p50 overhead (goal ≤ ${OVERHEAD_GOAL}×) | CPU ms / request: API / driver alone | warm (cached) req/s | warm / ${WARM_GOAL_PER_SECOND} req/s goal | warm p50 / p99 ms |`);
  lines.push('| --- | ---: | ---: | --- | ---: | --- | ---: | --- | ---: | ---: | --- |');
  for (const result of api.results) {
    lines.push(`| ${result.operation} | ${result.roundTrips} | ${result.api.perSecond} | ${result.api.p50} / ${result.api.p95} / ${result.api.p99} | ${result.direct.perSecond} | ${result.direct.p50} / ${result.direct.p95} / ${result.direct.p99} | ${result.overhead}× | ${result.api.cpuMsPerRequest} / ${result.direct.cpuMsPerRequest} | ${result.warm.perSecond} | ${result.warm.ratioToGoal}× | ${result.warm.p50} / ${result.warm.p99} |`);
  }
  lines.push('', `Direct: the statements the API sends for one request of the operation (captured through the database's onStatement hook, with their parameters), run straight through neo4j-driver, all at once, in auto-commit READ sessions: ${api.results.map((result) => `${result.operation}: ${result.statements.join(', ')}`).join('; ')}.`);
  lines.push('', 'Warm: the same operation against the API with its response cache (keyed by the graph version in Neo4j, one shared version read per burst of requests; hits answered at the HTTP door, api/http-listener.ts). The HTTP load comes from a child process; CPU per request is the API process\'s own, next to what the driver alone spends running the same statements.');
  return lines;
}

function markdown(report: Awaited<ReturnType<typeof runBenchmarks>>): string {
  const lines: string[] = [];
  const p = report.parse;
  lines.push(`### Parse + extract vs raw jieba (${(p.bytes / 1e6).toFixed(2)} MB, ${p.chars} chars)`, '');
  lines.push('| | seconds | MB/s | chars/s |', '| --- | ---: | ---: | ---: |');
  lines.push(`| parse + extract (read→…→graph records) | ${p.pipeline.seconds} | ${p.pipeline.mbPerSecond} | ${p.pipeline.charsPerSecond} |`);
  lines.push(`| nodejieba.cut, same text | ${p.jieba.seconds} | ${p.jieba.mbPerSecond} | ${p.jieba.charsPerSecond} |`);
  lines.push(`| ratio (pipeline / jieba time) | ${p.ratio}× | | |`, '');
  lines.push('### Ingest into an empty Neo4j (parse, resolve, write, link)', '');
  lines.push('| corpus | files | docs | MB | records | seconds | records/s | ceiling records/s | ratio to ceiling | peak RSS MB | re-ingest unchanged s | hashing s |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of report.ingest.sizes) {
    lines.push(`| ×${size.factor} | ${size.files} | ${size.documents} | ${size.megabytes} | ${size.records} | ${size.seconds} | ${size.recordsPerSecond} | ${size.ceilingRecordsPerSecond} | ${size.ratioToCeiling} | ${size.peakRssMb} | ${size.reingestUnchangedSeconds} | ${size.hashSeconds} |`);
  }
  lines.push('', `Growth exponent of time vs records between sizes: ${report.ingest.growthExponents.join(', ')} (1.0 = linear).`, '');
  for (const growth of report.ingest.peakRssRatios) lines.push(`Peak RSS of the ingest's own process ×${growth.to} / ×${growth.from}: ${growth.ratio}.`, '');
  lines.push('Ceiling: the same records (same labels, types and property sizes, shared entities once) written by plain `UNWIND $rows … CREATE` batches of 2,000 on the same server in the same run (bench/ceiling.ts).', '');
  lines.push('### Linking (IMPLEMENTS / CONTINUES): tokenising and blocked candidate search, no database', '');
  lines.push('| corpus | clauses | paragraphs | seconds | tokenise s | candidates + scoring s | IMPLEMENTS | CONTINUES |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of report.ingest.sizes) {
    const link = size.linking;
    lines.push(`| ×${size.factor} | ${link.assignments} | ${link.passages} | ${link.seconds} | ${link.tokeniseSeconds} | ${link.candidateSeconds} | ${link.implementsLinks} | ${link.continuesLinks} |`);
  }
  lines.push('', `Growth exponent of linking time vs inputs between sizes: ${report.ingest.linkingGrowthExponents.join(', ')} (1.0 = linear).`, '');
  lines.push(`Linking alone on the corpus' link inputs scaled ×${settings.linkingScales.join(' and ×')} (variants moved in years and places, no database):`, '');
  lines.push('| scale | texts | seconds | tokenise s | candidates + scoring s | IMPLEMENTS | CONTINUES |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const scale of report.linking.scales) {
    lines.push(`| ×${scale.factor} | ${scale.inputs} | ${scale.seconds} | ${scale.tokeniseSeconds} | ${scale.candidateSeconds} | ${scale.implementsLinks} | ${scale.continuesLinks} |`);
  }
  lines.push('', `Growth exponent of linking time ×${settings.linkingScales.join(' → ×')}: ${report.linking.growthExponent} (candidate search and scoring alone: ${report.linking.candidateGrowthExponent}; goal ≤ 1.2).`, '');
  lines.push(...apiMarkdown(report.api));
  lines.push('', ...bulkMarkdown(report.bulk));
  lines.push('', ...explorerMarkdown(report.explorer));
  return lines.join('\n');
}

async function runIngestOnly(uri: string, password: string) {
  const database = createDatabase({ ...config.neo4j, uri, password }, loadCypherCatalog());
  try {
    await database.applySchema();
    return { ingest: await ingestSizes(database, seedFiles(), uri, password) };
  } finally {
    await database.close();
  }
}

async function runBulk(uri: string, password: string, onSize: (sizes: readonly BulkSizeResult[]) => void) {
  const database = createDatabase({ ...config.neo4j, uri, password }, loadCypherCatalog());
  try {
    return await bulkSizes(database, { config, instance: 'bench', uri, password, seeds: seedFiles(), sizes: settings.sizes, buildGraphs, log, onSize });
  } finally {
    await database.close();
  }
}

function ingestMarkdown(ingest: Awaited<ReturnType<typeof ingestSizes>>): string {
  const lines = ['| corpus | docs | MB | records | seconds | records/s | ceiling records/s | ratio to ceiling | peak RSS MB | re-ingest unchanged s |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const size of ingest.sizes) {
    lines.push(`| ×${size.factor} | ${size.documents} | ${size.megabytes} | ${size.records} | ${size.seconds} | ${size.recordsPerSecond} | ${size.ceilingRecordsPerSecond} | ${size.ratioToCeiling} | ${size.peakRssMb} | ${size.reingestUnchangedSeconds} |`);
  }
  for (const growth of ingest.peakRssRatios) lines.push('', `Peak RSS ×${growth.to} / ×${growth.from}: ${growth.ratio}.`);
  for (const size of ingest.sizes) lines.push('', `Phases ×${size.factor} (s): ${JSON.stringify(size.phases)}.`);
  return lines.join('\n');
}

async function runApiOnly(uri: string, password: string) {
  const database = createDatabase({ ...config.neo4j, uri, password }, loadCypherCatalog());
  try {
    await database.applySchema();
    log('loading the corpus for the API …');
    await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir, reset: true });
  } finally {
    await database.close();
  }
  return { api: await apiSection(uri, password) };
}

async function runBenchmarks(uri: string, password: string) {
  const seeds = seedFiles();
  log('parse + extract …');
  const parse = await parseAndExtract(seeds);
  const database = createDatabase({ ...config.neo4j, uri, password }, loadCypherCatalog());
  try {
    await database.applySchema();
    const ingest = await ingestSizes(database, seeds, uri, password);
    const bulk = await bulkSizes(database, { config, instance: 'bench', uri, password, seeds, sizes: settings.sizes, buildGraphs, log });
    log('loading the corpus for the API …');
    await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir, reset: true });
    const linking = await linkingScaling(database);
    const api = await apiSection(uri, password);
    log('explorer: a 500-node neighbourhood in headless Chromium …');
    const explorer = await explorerSection(uri, password, quick ? 1 : settings.repeats, process.env['CHROMIUM_PATH']);
    return { parse, ingest, bulk, linking, api, explorer };
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const lease = await leaseLocalInstance(config, 'bench', log);
  try {
    if (ingestOnly) {
      const report = await runIngestOnly(lease.uri, lease.password);
      const file = path.join(PROJECT_ROOT, 'bench', 'results', `${new Date().toISOString().slice(0, 10)}.ingest.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify({ settings, ...report }, null, 2)}\n`);
      console.log(ingestMarkdown(report.ingest));
      console.log(`\nResults: ${path.relative(PROJECT_ROOT, file)}`);
      return;
    }
    if (onlyBulk) {
      const date = new Date().toISOString().slice(0, 10);
      const file = path.join(PROJECT_ROOT, 'bench', 'results', `${date}.bulk-import.json`);
      const save = (sizes: readonly BulkSizeResult[]) => {
        const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg() };
        fs.writeFileSync(file, `${JSON.stringify({ date, machine, settings, bulk: { sizes } }, null, 2)}\n`);
      };
      const bulk = await runBulk(lease.uri, lease.password, save);
      console.log(bulkMarkdown(bulk).join('\n'));
      console.log(`\nResults: ${path.relative(PROJECT_ROOT, file)}`);
      return;
    }
    const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
    const date = new Date().toISOString().slice(0, 10);
    if (only === 'api') {
      const report = await runApiOnly(lease.uri, lease.password);
      const file = path.join(PROJECT_ROOT, 'bench', 'results', `${date}${quick ? '.quick' : ''}.api.json`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify({ date, quick, only, machine, settings, ...report }, null, 2)}\n`);
      console.log(apiMarkdown(report.api).join('\n'));
      console.log(`\nResults: ${path.relative(PROJECT_ROOT, file)}`);
      return;
    }
    const report = await runBenchmarks(lease.uri, lease.password);
    const file = path.join(PROJECT_ROOT, 'bench', 'results', `${date}${quick ? '.quick' : ''}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ date, quick, machine, settings, ...report }, null, 2)}\n`);
    console.log(markdown(report));
    console.log(`\nResults: ${path.relative(PROJECT_ROOT, file)}`);
  } finally {
    await lease.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
