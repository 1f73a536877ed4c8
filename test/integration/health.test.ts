import net from 'node:net';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApi } from '../../api/server.ts';
import { loadConfig } from '../../core/config.ts';
import { loadCypherCatalog } from '../../core/cypher.ts';
import { createDatabase } from '../../core/database.ts';
import { graphql, testDatabase, testLimits, uniqueMarker } from './helpers.ts';

/** A loopback port nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A loopback server that accepts connections and never says a word: a hung Neo4j. */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function apiAt(uri: string) {
  const config = loadConfig();
  const database = createDatabase({ ...config.neo4j, uri, password: inject('neo4jPassword') }, loadCypherCatalog());
  return { database, api: createApi({ database, limits: config.api }) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('a real Neo4j behind the API', () => {
  const database = testDatabase();
  afterAll(() => database.close());

  it('reports the server version through GraphQL', async () => {
    const api = createApi({ database, limits: testLimits() });
    const result = await graphql(api, '{ health { ok neo4jVersion neo4jEdition } }');
    expect(result.errors).toBeUndefined();
    const health = result.data?.['health'] as { ok: boolean; neo4jVersion: string; neo4jEdition: string };
    expect(health.ok).toBe(true);
    expect(health.neo4jVersion).toMatch(/^5\.26\.\d+/);
    expect(health.neo4jEdition).toBe('community');
  });

  it('applies the schema idempotently', async () => {
    await database.applySchema();
    await database.applySchema();
    const constraints = await database.read('test-constraint-names');
    expect(constraints.map((row) => row['name'])).toContain('agency_name');
  });

  it('reads back nodes written with neo4j-driver', async () => {
    const marker = uniqueMarker('health');
    const driver = neo4j.driver(inject('neo4jUri'), neo4j.auth.basic('neo4j', inject('neo4jPassword')));
    const session = driver.session();
    try {
      await session.run('UNWIND range(1, 3) AS i CREATE (:TestProbe {marker: $marker, i: i})', { marker });
      const rows = await database.read('test-probe-count', { marker });
      expect(rows[0]?.['count']).toBe(3);
    } finally {
      await session.run('MATCH (n:TestProbe {marker: $marker}) DETACH DELETE n', { marker });
      await session.close();
      await driver.close();
    }
  });

  it('is ready: /readiness answers 200 with the version', async () => {
    const api = createApi({ database, limits: testLimits() });
    const response = await api.fetch('http://localhost/readiness');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { neo4jVersion: string }).neo4jVersion).toMatch(/^5\.26\./);
  });
});

describe('Neo4j down or hung', () => {
  for (const [situation, start] of [
    ['nothing listens on its port', async () => ({ port: await closedPort(), close: async () => undefined })],
    ['it accepts connections and never answers', silentServer],
  ] as const) {
    it(`when ${situation}: /readiness is 503 and health ok: false with the cause, each within 2 s, never naming the Bolt URI`, async () => {
      const server = await start();
      const uri = `bolt://127.0.0.1:${server.port}`;
      const { database: down, api } = apiAt(uri);
      try {
        const readiness = await timed(async () => api.fetch('http://localhost/readiness'));
        expect(readiness.result.status).toBe(503);
        expect(readiness.ms).toBeLessThan(2_000);
        const readinessBody = await readiness.result.text();
        expect(JSON.parse(readinessBody)).toMatchObject({ ok: false, cause: expect.stringMatching(/^Neo4j /) });

        const health = await timed(() => graphql(api, '{ health { ok neo4jVersion cause } }'));
        expect(health.ms).toBeLessThan(2_000);
        expect(health.result.errors).toBeUndefined();
        expect(health.result.data?.['health']).toMatchObject({ ok: false, neo4jVersion: null, cause: expect.stringMatching(/^Neo4j /) });
        for (const text of [readinessBody, JSON.stringify(health.result)]) {
          expect(text).not.toContain(uri);
          expect(text).not.toContain(String(server.port));
        }
        // Liveness stays 200: the process itself is fine.
        expect((await api.fetch('http://localhost/health')).status).toBe(200);
      } finally {
        await server.close();
        await down.close();
      }
    });
  }
});

