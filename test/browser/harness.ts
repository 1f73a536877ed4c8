/**
 * What the browser tests need around Chromium: the API process's HTTP server
 * (GraphQL, GraphiQL and the built explorer) on 127.0.0.1 over the test
 * Neo4j holding the bundled corpus, a headless Chromium (Debian's, through
 * playwright-core), and a guard that records every request leaving
 * 127.0.0.1 (and aborts it) and every console error.
 */
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApi } from '../../api/server.ts';
import { EXPLORER_DIST, explorerPlugin } from '../../app/explorer.ts';
import { PROJECT_ROOT, loadConfig } from '../../core/config.ts';
import { findChromium, launchChromium } from '../../infra/chromium.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { graphql, testDatabase, testLimits } from '../integration/helpers.ts';

export const ARTIFACTS = path.join(PROJECT_ROOT, 'test', 'artifacts');

export interface Served {
  readonly origin: string;
  readonly api: ReturnType<typeof createApi>;
  /** Runs an operation in process, for the figures the page must match. */
  query<T = Record<string, unknown>>(text: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** The corpus in the test Neo4j and the API process serving it on a free port of 127.0.0.1. */
export async function serveCorpus(): Promise<Served> {
  if (!fs.existsSync(path.join(EXPLORER_DIST, 'index.html'))) {
    throw new Error(`The explorer is not built (${path.relative(PROJECT_ROOT, EXPLORER_DIST)}/index.html is missing): run "bash scripts/setup.sh" first (npm test does).`);
  }
  const config = loadConfig();
  const database = testDatabase();
  // Unchanged documents are skipped, so this is quick when the integration tests loaded the corpus already.
  await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir });
  const api = createApi({ database, limits: testLimits(), plugins: [explorerPlugin()] });
  const server: Server = createServer(api);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    api,
    async query<T>(text: string, variables: Record<string, unknown> = {}) {
      const result = await graphql(api, text, variables);
      if (result.errors) throw new Error(`${text.slice(0, 80)}: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    },
  };
}

export interface Watched {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests to anywhere but 127.0.0.1 (aborted). */
  readonly external: string[];
  /** Console errors and uncaught page errors. */
  readonly errors: string[];
  close(): Promise<void>;
}

function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:' || parsed.protocol === 'about:') return true;
  return parsed.hostname === '127.0.0.1';
}

/** Headless Chromium at 1280×800 with the network guard and the console watched. */
export async function openBrowser(): Promise<Watched> {
  const browser = await launchChromium(findChromium(process.env['CHROMIUM_PATH']));
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', serviceWorkers: 'block' });
  const external: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => {
    if (!isLocal(request.url())) external.push(request.url());
  });
  await context.route(
    (url) => !isLocal(url.href),
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return {
    browser,
    context,
    page,
    external,
    errors,
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file });
  return file;
}
