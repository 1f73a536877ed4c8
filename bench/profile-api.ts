/**
 * `node --cpu-prof --cpu-prof-dir DIR --import tsx bench/profile-api.ts [--load] [--only N] [--seconds S] [--answers FILE]`:
 * the cold API (no response cache) served over HTTP in this process, loaded
 * from the bench's child client at concurrency 8, one bench operation after
 * the other, so that a CPU profile of this process holds the API's work
 * alone. Prints this process's CPU per request for each operation; with
 * `--answers FILE` it writes every operation's answer (to compare two builds
 * byte for byte). Uses the bench instance; `--load` ingests the corpus first.
 */
import fs from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApi } from '../api/server.ts';
import { loadConfig } from '../core/config.ts';
import { loadCypherCatalog } from '../core/cypher.ts';
import { createDatabase } from '../core/database.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import { leaseLocalInstance } from '../infra/neo4j/instances.ts';
import { API_OPERATIONS } from './operations.ts';
import { startLoadClient } from './load-client.ts';
import { round } from './measure.ts';

const argument = (name: string): string | undefined => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const seconds = Number(argument('--seconds') ?? 8);
const onlyIndex = argument('--only');
const answersFile = argument('--answers');
const config = loadConfig();
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const lease = await leaseLocalInstance(config, 'bench', log);
  const database = createDatabase({ ...config.neo4j, uri: lease.uri, password: lease.password }, loadCypherCatalog());
  const client = startLoadClient();
  const server = createServer(createApi({ database, limits: config.api }));
  try {
    if (process.argv.includes('--load')) {
      await database.applySchema();
      await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir, reset: true });
    }
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const answers: Record<string, unknown> = {};
    for (const [index, operation] of API_OPERATIONS.entries()) {
      if (onlyIndex !== undefined && Number(onlyIndex) !== index) continue;
      const body = JSON.stringify({ query: operation.query });
      const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      answers[operation.name] = await answer.text();
      await client.run({ url, body, concurrency: 8, requests: 200, seconds: 2 });
      const cpu = process.cpuUsage();
      const summary = await client.run({ url, body, concurrency: 8, requests: 100_000, seconds });
      const used = process.cpuUsage(cpu);
      log(`${operation.name}: ${round(summary.perSecond, 1)} req/s, p50 ${round(summary.p50)} ms, CPU ${round((used.user + used.system) / 1000 / summary.requests)} ms/request`);
    }
    if (answersFile !== undefined) fs.writeFileSync(answersFile, `${JSON.stringify(answers, null, 2)}\n`);
  } finally {
    client.close();
    await new Promise((resolve) => server.close(resolve));
    await database.close();
    await lease.release();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
