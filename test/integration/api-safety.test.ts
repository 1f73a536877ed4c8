/**
 * The API's guards against a real Neo4j: operation limits, page-size caps,
 * input validation, masked errors, read-only sessions, GraphiQL, and a number
 * of database round trips that does not grow with the number of rows.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/server.ts';
import type { Database } from '../../core/database.ts';
import { DatabaseError } from '../../core/errors.ts';
import { writeFixtureGraph, type FixtureGraph } from '../fixtures/graph/api-graph.ts';
import { graphql, testDatabase, testLimits, uniqueMarker } from './helpers.ts';

type Json = Record<string, unknown>;

describe('API safety', () => {
  const statements: string[] = [];
  const database = testDatabase({ onStatement: (name) => statements.push(name) });
  const limits = testLimits();
  const api = createApi({ database, limits });
  let fixture: FixtureGraph;

  beforeAll(async () => {
    fixture = await writeFixtureGraph('apisafety');
  });
  afterAll(async () => {
    await fixture?.remove();
    await database.close();
  });

  async function errorOf(query: string, variables: Json = {}): Promise<{ message: string; code: unknown }> {
    const result = await graphql(api, query, variables);
    const error = result.errors?.[0];
    expect(error, query.slice(0, 200)).toBeDefined();
    return { message: error?.message ?? '', code: error?.extensions?.['code'] };
  }

  describe('operation limits', () => {
    it('rejects an operation nested 20 levels deep', async () => {
      const nested = `${'renamedTo { '.repeat(18)}name${' }'.repeat(18)}`;
      const error = await errorOf(`{ agency(name: "市工业和信息化局") { ${nested} } }`);
      expect(error.code).toBe('QUERY_TOO_DEEP');
      expect(error.message).toBe(`Operation is nested 20 levels deep; the limit is ${limits.maxDepth}.`);
    });

    it('counts depth through fragments', async () => {
      const error = await errorOf(`
        query Deep { agency(name: "x") { ...A } }
        fragment A on Agency { renamedTo { ...B } }
        fragment B on Agency { renamedTo { renamedTo { renamedTo { renamedTo { renamedTo { renamedTo { renamedTo { renamedTo { renamedTo { name } } } } } } } } } }`);
      expect(error.code).toBe('QUERY_TOO_DEEP');
      expect(error.message).toBe(`Operation is nested 12 levels deep; the limit is ${limits.maxDepth}.`);
    });

    it('rejects an operation with 500 aliases', async () => {
      const fields = Array.from({ length: 500 }, (_, index) => `a${index}: health { ok }`).join(' ');
      const error = await errorOf(`{ ${fields} }`);
      expect(error.code).toBe('TOO_MANY_ALIASES');
      expect(error.message).toBe(`Operation uses 500 aliases; the limit is ${limits.maxAliases}.`);
    });

    it('rejects first: 100000 and other page sizes out of range', async () => {
      const top = await errorOf('{ assignments(first: 100000) { totalCount } }');
      expect(top).toEqual({ code: 'BAD_USER_INPUT', message: `first must be between 1 and ${limits.maxPageSize}, got 100000` });
      const nested = await errorOf('query ($name: String!) { agency(name: $name) { assignments(first: 100000) { totalCount } } }', {
        name: fixture.name('市科技局'),
      });
      expect(nested.message).toBe(`first must be between 1 and ${limits.maxPageSize}, got 100000`);
      expect((await errorOf('{ search(text: "螺蛳粉", first: 0) { totalCount } }')).message).toBe(`first must be between 1 and ${limits.maxPageSize}, got 0`);
      expect((await errorOf('{ documents(first: -1) { totalCount } }')).code).toBe('BAD_USER_INPUT');
    });

    it('rejects an operation whose estimated cost is too high', async () => {
      const error = await errorOf(`{
        agencies(first: 100) { edges { node {
          assignments(first: 100) { edges { node { leads { name } task { title } } } }
        } } }
      }`);
      expect(error.code).toBe('QUERY_TOO_COSTLY');
      expect(error.message).toMatch(/^Operation is estimated to cost \d+; the limit is 5000\. Ask for smaller pages/);
    });

    it('still answers GraphiQL\'s introspection query', async () => {
      const result = await graphql(api, getIntrospectionQuery());
      expect(result.errors).toBeUndefined();
      expect(((result.data?.['__schema'] as Json)['queryType'] as Json)['name']).toBe('Query');
    });
  });

  describe('input validation', () => {
    const cases: [string, Json, string][] = [
      ['{ leaders(year: 1800) { name } }', {}, 'year must be between 1949 and 2100, got 1800'],
      ['{ livelihoodProjects(year: 2101) { totalCount } }', {}, 'year must be between 1949 and 2100, got 2101'],
      ['{ assignments(filter: { years: [2024, 3000] }) { totalCount } }', {}, 'filter.years[1] must be between 1949 and 2100, got 3000'],
      ['{ tasks(filter: { yearFrom: 2025, yearTo: 2020 }) { totalCount } }', {}, 'yearFrom (2025) must not be after yearTo (2020)'],
      ['{ agency(name: "   ") { id } }', {}, 'name must not be empty'],
      ['{ indicator(metric: "") { id } }', {}, 'metric must not be empty'],
      ['{ search(text: " ") { totalCount } }', {}, 'text must not be empty'],
      [`{ search(text: "${'长'.repeat(201)}") { totalCount } }`, {}, 'text must be at most 200 characters, got 201'],
      ['{ neighborhood(id: "x", depth: 4) { truncated } }', {}, 'depth must be between 1 and 3, got 4'],
      ['{ neighborhood(id: "x", limit: 501) { truncated } }', {}, 'limit must be between 1 and 500, got 501'],
      ['{ assignments(after: "bm90IGEgY3Vyc29y") { totalCount } }', {}, 'after is not a cursor returned by this API: "bm90IGEgY3Vyc29y"'],
      ['{ assignments(filter: { leadAgency: "没有这个单位zz" }) { totalCount } }', {}, 'filter.leadAgency: no agency is known as "没有这个单位zz"'],
    ];
    for (const [query, variables, message] of cases) {
      it(`says what is wrong: ${message}`, async () => {
        expect(await errorOf(query, variables)).toEqual({ code: 'BAD_USER_INPUT', message });
      });
    }

    it('says which field the bad input was given to', async () => {
      const result = await graphql(api, '{ health { ok } agency(name: " ") { id } }');
      expect(result.errors).toEqual([{ message: 'name must not be empty', locations: [{ line: 1, column: 17 }], path: ['agency'], extensions: { code: 'BAD_USER_INPUT' } }]);
      expect(result.data?.['health']).toEqual({ ok: true });
    });

    it('reports a missing node by id', async () => {
      expect(await errorOf('{ neighborhood(id: "no-such-node-zz") { truncated } }')).toEqual({ code: 'NOT_FOUND', message: 'No node with id "no-such-node-zz"' });
    });
  });

  describe('errors', () => {
    function failingApi(error: Error) {
      const failing: Pick<Database, 'read' | 'serverInfo' | 'probe'> = {
        read: (name, parameters) => (name === 'api/indicators' ? Promise.reject(error) : database.read(name, parameters)),
        serverInfo: () => database.serverInfo(),
        probe: () => database.probe(),
      };
      return createApi({ database: failing, limits });
    }

    it('masks unexpected errors: no message, path or stack of the server reaches the client', async () => {
      const secret = new Error('connection to 10.0.0.7 failed at /srv/secret/path.ts:12');
      const result = await graphql(failingApi(secret), '{ indicators { metric } }');
      expect(result.errors).toEqual([{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['indicators'], extensions: { code: 'INTERNAL' } }]);
      expect(JSON.stringify(result)).not.toContain('secret');
    });

    it('masks failed statements (their text would leak the Cypher)', async () => {
      const failed = new DatabaseError('DATABASE_QUERY_FAILED', 'Statement "api/indicators" failed: syntax error near MATCH (i:Indicator)');
      const result = await graphql(failingApi(failed), '{ indicators { metric } }');
      expect(result.errors?.[0]).toMatchObject({ message: 'A database statement failed on the server.', extensions: { code: 'DATABASE_QUERY_FAILED' } });
      expect(JSON.stringify(result)).not.toContain('MATCH');
    });
  });

  it('runs every statement in a READ session: a write is refused', async () => {
    const marker = uniqueMarker('api-write');
    await expect(database.read('test-api-write-attempt', { marker })).rejects.toThrow(/Writing in read access mode not allowed|read access mode/i);
    const rows = await database.read('test-probe-count', { marker });
    expect(rows[0]?.['count']).toBe(0);
  });

  it('keeps the number of round trips independent of the number of rows', async () => {
    const NESTED = `query ($lead: String!, $first: Int!) {
      assignments(filter: { leadAgency: $lead }, first: $first) {
        totalCount
        edges { node {
          id text
          task { title number section { title } document { title year } assignments { id } }
          leads { name renamedTo { name } current { name } }
          supporters { name yearSummary { year leadCount } }
          mentions { __typename }
          implements { id }
          continues { id }
          source { document { title } start }
        } }
      }
    }`;
    const counts: number[] = [];
    for (const first of [2, 10, 40]) {
      statements.length = 0;
      const result = await graphql(api, NESTED, { lead: fixture.name('市科技局'), first });
      expect(result.errors).toBeUndefined();
      expect(((result.data?.['assignments'] as Json)['edges'] as unknown[]).length).toBe(first);
      counts.push(statements.length);
    }
    // One lookup for the agency filter, one page, then one statement per nested field level.
    expect(counts[0]).toBe(counts[2]);
    expect(counts[1]).toBe(counts[2]);
    expect(counts[2]).toBeLessThanOrEqual(14);
  });

  it('bounds the round trips of nested connections under a list of agencies', async () => {
    const NESTED = `query ($tag: String!, $first: Int!) {
      agencies(filter: { nameContains: $tag }, first: $first) {
        edges { node {
          name
          assignments(first: 10) { totalCount edges { node { id leads { name } task { id } } } }
          tasks(first: 5) { totalCount }
          coLeads { count }
        } }
      }
    }`;
    const counts: number[] = [];
    for (const first of [1, 4]) {
      statements.length = 0;
      const result = await graphql(api, NESTED, { tag: fixture.tag, first });
      expect(result.errors).toBeUndefined();
      counts.push(statements.length);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it('serves GraphiQL at /graphql preloaded with example operations', async () => {
    const response = await api.fetch('http://localhost/graphql', { method: 'GET', headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const name of ['AgencyAcrossYears', 'GdpTargetVersusActual', 'Leaders2024', 'SearchLuosifen', 'Overlaps2024']) expect(html).toContain(name);
  });
});
