/**
 * The explorer's drawing speed in headless Chromium (Debian's, through
 * playwright-core): a 500-node neighbourhood — depth 3 around
 * 市工业和信息化局, limit 500, over the bundled corpus — fetched from the API,
 * laid out (radially: over 250 nodes the explorer does not run fcose, see
 * explorer/src/radial-layout.ts) and rendered, timed inside the page by the
 * explorer itself (window.__kgExplorer.graph.lastDraw). Printed, never asserted.
 * Wall-clock figures follow the machine's load; the main-thread CPU column
 * does much less so.
 *
 * Part of `npm run bench`; alone: `node --import tsx bench/explorer.ts`
 * (the local `bench` Neo4j, the corpus loaded into it when missing).
 */
import { createServer } from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApi } from '../api/server.ts';
import { explorerPlugin } from '../app/explorer.ts';
import { loadConfig } from '../core/config.ts';
import { loadCypherCatalog } from '../core/cypher.ts';
import { createDatabase } from '../core/database.ts';
import { ChromiumMissingError, findChromium, launchChromium } from '../infra/chromium.ts';
import { leaseLocalInstance } from '../infra/neo4j/instances.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import type { DrawTiming } from '../explorer/src/types.ts';
import { round } from './measure.ts';

/** The agency whose neighbourhood is drawn (its node id is asked of the API). */
export const EXPLORER_BENCH_AGENCY = '市工业和信息化局';

/** One drawing as the bench measured it: the page's own timings, and the whole navigation around them. */
export interface DrawRun extends DrawTiming {
  /** Navigation to the drawn graph (page, bundle, request, layout, render). */
  readonly pageMs: number;
  /**
   * CPU time of the page's main thread over the same span (Chromium's
   * ThreadTime metric): what the drawing costs whatever else the machine runs.
   */
  readonly pageCpuMs: number;
}

export type ExplorerReport =
  | { readonly skipped: string }
  | {
      readonly url: string;
      readonly viewport: string;
      readonly runs: readonly DrawRun[];
      /** Medians over the runs after the first (which also compiles the bundle). */
      readonly median: {
        readonly nodes: number;
        readonly addMs: number;
        readonly layoutMs: number;
        readonly renderMs: number;
        /** Elements added, laid out and painted: from the data in hand to pixels. */
        readonly drawMs: number;
        readonly pageMs: number;
        readonly pageCpuMs: number;
        /** The main-thread CPU of the drawing: the page's, less that of the same page with nothing to draw. */
        readonly drawCpuMs: number;
      };
      /** Main-thread CPU of loading the page with nothing to draw. */
      readonly emptyPageCpuMs: number;
      /** The load average while measuring (two cores: above 2 the page waits for a core). */
      readonly loadAverage: number;
    };

interface PageGlobals {
  readonly __kgExplorer?: { readonly graph: { readonly lastDraw: DrawTiming | null } };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Draws the neighbourhood `repeats` times (plus one warm-up) against the API over the database at `uri`. */
export async function explorerSection(uri: string, password: string, repeats: number, chromiumPath?: string): Promise<ExplorerReport> {
  let executable: string;
  try {
    executable = findChromium(chromiumPath);
  } catch (error) {
    if (error instanceof ChromiumMissingError) return { skipped: error.message };
    throw error;
  }
  const config = loadConfig();
  const database = createDatabase({ ...config.neo4j, uri, password }, loadCypherCatalog());
  const api = createApi({ database, limits: config.api, plugins: [explorerPlugin()] });
  const server = createServer(api);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const answer = await api.fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query ($name: String!) { agency(name: $name) { id } }', variables: { name: EXPLORER_BENCH_AGENCY } }),
  });
  const id = ((await answer.json()) as { data?: { agency?: { id?: string } | null } }).data?.agency?.id;
  if (!id) throw new Error(`${EXPLORER_BENCH_AGENCY} is not in the graph: load the corpus first`);
  const url = `${origin}/explorer?node=${encodeURIComponent(id)}&depth=3&limit=500`;
  const browser = await launchChromium(executable);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const metrics = await page.context().newCDPSession(page);
    await metrics.send('Performance.enable');
    // The metric counts from the page's navigation.
    const threadMs = async () => {
      const { metrics: values } = await metrics.send('Performance.getMetrics');
      return Math.round((values.find((metric) => metric.name === 'ThreadTime')?.value ?? Number.NaN) * 1000);
    };
    const empty: number[] = [];
    for (let run = 0; run <= repeats; run += 1) {
      await page.goto(`${origin}/explorer`);
      await page.waitForFunction(() => (globalThis as unknown as { document: { getElementById(id: string): { textContent: string | null } | null } }).document.getElementById('graph-status')?.textContent !== '');
      empty.push(await threadMs());
    }
    const emptyPageCpuMs = median(empty.slice(1));
    const runs: DrawRun[] = [];
    for (let run = 0; run <= repeats; run += 1) {
      const start = performance.now();
      await page.goto(url);
      await page.waitForSelector('#graph-canvas[data-state="ready"]', { timeout: 120_000 });
      const pageMs = performance.now() - start;
      const pageCpuMs = await threadMs();
      const draw = await page.evaluate(() => (globalThis as unknown as PageGlobals).__kgExplorer?.graph.lastDraw ?? null);
      if (!draw) throw new Error('the explorer reported no drawing (window.__kgExplorer.graph.lastDraw)');
      runs.push({ ...draw, pageMs: Math.round(pageMs), pageCpuMs });
    }
    const measured = runs.length > 1 ? runs.slice(1) : runs;
    const pageCpuMs = median(measured.map((run) => run.pageCpuMs));
    return {
      url: url.slice(origin.length),
      viewport: '1280×800',
      runs,
      median: {
        nodes: median(measured.map((run) => run.nodes)),
        addMs: median(measured.map((run) => run.addMs)),
        layoutMs: median(measured.map((run) => run.layoutMs)),
        renderMs: median(measured.map((run) => run.renderMs)),
        drawMs: median(measured.map((run) => run.addMs + run.layoutMs + run.renderMs)),
        pageMs: median(measured.map((run) => run.pageMs)),
        pageCpuMs,
        drawCpuMs: pageCpuMs - emptyPageCpuMs,
      },
      emptyPageCpuMs,
      loadAverage: round(os.loadavg()[0] ?? 0, 1),
    };
  } finally {
    await browser.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  }
}

export function explorerMarkdown(report: ExplorerReport): string[] {
  const lines = ['### Explorer: a 500-node neighbourhood in headless Chromium', ''];
  if ('skipped' in report) return [...lines, `Skipped: ${report.skipped}`];
  const m = report.median;
  const edges = median(report.runs.map((run) => run.edges));
  lines.push(
    `\`${decodeURIComponent(report.url)}\` at ${report.viewport}, median of ${Math.max(report.runs.length - 1, 1)} runs after a warm-up; load average ${report.loadAverage} on ${os.cpus().length} cores.`,
    '',
    '| nodes | edges | add ms | layout ms | render ms | draw (add + layout + render) ms | page to drawn graph ms | main-thread CPU: page / of which the drawing ms |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${m.nodes} | ${edges} | ${m.addMs} | ${m.layoutMs} | ${m.renderMs} | ${m.drawMs} | ${m.pageMs} | ${m.pageCpuMs} / ${m.drawCpuMs} |`,
  );
  return lines;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const lease = await leaseLocalInstance(config, 'bench', log);
  try {
    const database = createDatabase({ ...config.neo4j, uri: lease.uri, password: lease.password }, loadCypherCatalog());
    try {
      await database.applySchema();
      await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir });
    } finally {
      await database.close();
    }
    const quick = process.argv.includes('--quick');
    const report = await explorerSection(lease.uri, lease.password, quick ? 1 : 5, process.env['CHROMIUM_PATH']);
    console.log(explorerMarkdown(report).join('\n'));
    if (!('skipped' in report)) console.log(`\nRuns: ${JSON.stringify(report.runs)}`);
  } finally {
    await lease.release();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
