import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApi } from '../../api/server.ts';
import { graphql, testDatabase, testLimits, uniqueMarker } from './helpers.ts';

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
});
