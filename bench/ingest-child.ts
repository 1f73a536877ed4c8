/**
 * One incremental ingest (`ingestPaths` without `bulk`) in a process of its
 * own, for the bench: `node --import tsx bench/ingest-child.ts <corpus dir>`
 * with NEO4J_URI and NEO4J_PASSWORD in the environment. Prints one JSON line
 * on stdout (`IngestChildResult`).
 *
 * Its own process so that the peak RSS is the ingest's alone: the bench
 * process also holds the synthetic corpus as strings (×100 ≈ 140 MB of V8
 * strings) and the ceiling's graphs, which no real ingest holds.
 */
import fs from 'node:fs';

import { loadConfig } from '../core/config.ts';
import { loadCypherCatalog } from '../core/cypher.ts';
import { createDatabase } from '../core/database.ts';
import { ingestPaths, type IngestProgress } from '../ingest/ingest.ts';

export interface IngestChildResult {
  readonly seconds: number;
  readonly loaded: number;
  readonly nodes: number;
  readonly relationships: number;
  readonly problems: number;
  readonly interrupted: string | null;
  /** When each stage was first reported, seconds after the start ('lastDocument': the last document event). */
  readonly marks: Readonly<Record<string, number>>;
  /** The high-water mark of this process's own memory since it started (peakRssMegabytes), in MB. */
  readonly peakRssMb: number;
  /** The highest RSS sampled (every 100 ms) while each stage was the latest reported, in MB: where the peak is. */
  readonly rssByStageMb: Readonly<Record<string, number>>;
  /** process.memoryUsage() at each stage's highest RSS sample, in MB: V8 heap (used / committed), external, array buffers. */
  readonly memoryByStageMb: Readonly<Record<string, StageMemory>>;
  /** With `--expose-gc` only: the heap still in use after a full GC when each stage is first reported, in MB (what is live, not what is garbage). */
  readonly liveHeapAtStageMb?: Readonly<Record<string, number>>;
}

export interface StageMemory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

/**
 * The process's peak RSS since its exec, in MB. Not `resourceUsage().maxRSS`:
 * on Linux that high-water mark survives execve, and a spawned child starts as
 * a fork of the bench, whose pages count as the child's until the exec, so
 * maxRSS reported the bench's own RSS whenever it was the larger (measured: a
 * 543 MB parent, a 40 MB child, maxRSS 504). VmHWM belongs to the memory map
 * the exec made.
 */
function peakRssMegabytes(): number {
  // Only Linux has /proc; elsewhere a spawned process starts clean and maxRSS (kB) is its own.
  const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
  const highWater = /^VmHWM:\s+(\d+)\s+kB$/mu.exec(status)?.[1];
  return highWater === undefined ? process.resourceUsage().maxRSS / 1024 : Number(highWater) / 1024;
}

async function main(): Promise<void> {
  const directory = process.argv[2];
  if (directory === undefined) throw new Error('usage: bench/ingest-child.ts <corpus directory>');
  const config = loadConfig();
  const uri = config.neo4jUri;
  if (uri === null) throw new Error('bench/ingest-child.ts: NEO4J_URI must be set');
  const database = createDatabase({ ...config.neo4j, uri }, loadCypherCatalog());
  const marks: Record<string, number> = {};
  const rssByStage: Record<string, number> = {};
  const memoryByStage: Record<string, StageMemory> = {};
  let stage = 'start';
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  const sample = () => {
    const usage = process.memoryUsage();
    const rss = mb(usage.rss);
    if (rss < (rssByStage[stage] ?? 0)) return;
    rssByStage[stage] = rss;
    memoryByStage[stage] = { rss, heapUsed: mb(usage.heapUsed), heapTotal: mb(usage.heapTotal), external: mb(usage.external), arrayBuffers: mb(usage.arrayBuffers) };
  };
  const sampler = setInterval(sample, 100);
  try {
    const started = performance.now();
    const gc = (globalThis as { gc?: () => void }).gc;
    const liveHeap: Record<string, number> = {};
    const mark = (event: IngestProgress) => {
      const at = (performance.now() - started) / 1000;
      sample();
      if (gc !== undefined && !(event.stage in liveHeap)) {
        gc();
        liveHeap[event.stage] = mb(process.memoryUsage().heapUsed);
      }
      stage = event.stage;
      if (!(event.stage in marks)) marks[event.stage] = at;
      if (event.stage === 'document') marks['lastDocument'] = at;
    };
    const summary = await ingestPaths([directory], database, { rulesDir: config.rulesDir, batch: config.ingestBatch, heldCharacters: config.ingestHeldCharacters, onProgress: mark });
    const seconds = (performance.now() - started) / 1000;
    sample();
    const result: IngestChildResult = {
      seconds,
      loaded: summary.loaded.length,
      nodes: summary.written.nodes,
      relationships: summary.written.relationships,
      problems: summary.problems.length,
      interrupted: summary.interrupted?.message ?? null,
      marks,
      peakRssMb: peakRssMegabytes(),
      rssByStageMb: rssByStage,
      memoryByStageMb: memoryByStage,
      ...(gc !== undefined ? { liveHeapAtStageMb: liveHeap } : {}),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    clearInterval(sampler);
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
