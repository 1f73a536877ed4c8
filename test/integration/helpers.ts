/**
 * Integration-test access to the real Neo4j chosen by the global setup.
 * Each test creates its own data under a unique marker and removes it in
 * `finally`, so files never depend on each other's data.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig, PROJECT_ROOT, type ApiConfig } from '../../core/config.ts';
import { CYPHER_DIR, loadCypherCatalog, type CypherName } from '../../core/cypher.ts';
import { createDatabase, type Database, type DatabaseOptions } from '../../core/database.ts';
import type { TestCypherName } from '../fixtures/cypher/names.generated.ts';

/** The statements only the tests run (test/fixtures/cypher/), next to the product's. */
const TEST_CYPHER_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'cypher');

export type TestStatement = CypherName | TestCypherName;

export function testDatabase(options: DatabaseOptions<TestStatement> = {}): Database<TestStatement> {
  const config = loadConfig();
  return createDatabase(
    { ...config.neo4j, uri: inject('neo4jUri'), password: inject('neo4jPassword') },
    loadCypherCatalog<TestStatement>([CYPHER_DIR, TEST_CYPHER_DIR]),
    options,
  );
}

export function testLimits(): ApiConfig {
  return loadConfig().api;
}

/** A marker unique to one test, used to tag and later delete the nodes it writes. */
export function uniqueMarker(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

export async function graphql(
  yoga: { fetch: (url: string, init: RequestInit) => Response | Promise<Response> },
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const response = await yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
}
