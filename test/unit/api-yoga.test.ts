/**
 * The API in process, without Neo4j: requests through `yoga.fetch`, the
 * database a fake that records statements and answers with canned rows.
 * Resolvers, input errors, masking, limits, health, readiness, CORS and the
 * production switches are checked here; test/integration/ does end to end.
 */
import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../api/bounded-cache.ts';
import { DatabaseError, LIMIT_ERROR_CODES } from '../../core/errors.ts';
import { fakeApi, fakeDatabase, post, type Api } from './helpers/fake-database.ts';

const DOCUMENT = { id: 'doc:1', title: '2024年政府工作报告', kind: 'WORK_REPORT', year: 2024, _labels: ['Node', 'Document'] };

const indicatorRows = [
  { indicator: { id: 'indicator:gdp', metric: '地区生产总值', unit: '亿元', _labels: ['Node', 'Indicator'] } },
  { indicator: { id: 'indicator:income', metric: '居民人均可支配收入', unit: '元', _labels: ['Node', 'Indicator'] } },
];

function seriesRows(parameters: Record<string, unknown>) {
  return (parameters['ids'] as string[]).map((parentId, index) => ({
    parentId,
    statement: { year: 2024, kind: 'TARGET', value: 5.5 + index, unit: '%', measure: 'growth', qualifier: '左右', text: '增长5.5%左右' },
    document: DOCUMENT,
  }));
}

function chainedFragments(levels: number): string {
  const fragments = ['fragment F0 on Agency { name renamedTo { name } }'];
  for (let level = 1; level <= levels; level++) fragments.push(`fragment F${level} on Agency { ...F${level - 1} renamedTo { ...F${level - 1} } }`);
  return `{ agency(name: "市财政局") { ...F${levels} } } ${fragments.join(' ')}`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('resolvers against canned rows', () => {
  it('answers indicators with their series, the nested field batched into one statement for all parents', async () => {
    const database = fakeDatabase({ 'api/indicators': indicatorRows, 'api/indicator-series': seriesRows });
    const answer = await post(fakeApi(database), '{ indicators { metric unit series { year kind value qualifier document { title } } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['indicators']).toEqual([
      { metric: '地区生产总值', unit: '亿元', series: [{ year: 2024, kind: 'TARGET', value: 5.5, qualifier: '左右', document: { title: '2024年政府工作报告' } }] },
      { metric: '居民人均可支配收入', unit: '元', series: [{ year: 2024, kind: 'TARGET', value: 6.5, qualifier: '左右', document: { title: '2024年政府工作报告' } }] },
    ]);
    expect(database.names()).toEqual(['api/indicators', 'api/indicator-series']);
    expect(database.statements[1]?.parameters).toEqual({ ids: ['indicator:gdp', 'indicator:income'] });
  });

  it('passes arguments to the statement as parameters, never into its text', async () => {
    const database = fakeDatabase({ 'api/indicator-by-metric': [] });
    const answer = await post(fakeApi(database), 'query ($m: String!) { indicator(metric: $m) { id } }', { m: "GDP'}) DETACH DELETE n //" });
    expect(answer.data).toEqual({ indicator: null });
    expect(database.statements).toEqual([{ name: 'api/indicator-by-metric', parameters: { metric: "GDP'}) DETACH DELETE n //", withSeries: false } }]);
  });
});

describe('input errors', () => {
  it('rejects a page larger than the cap with BAD_USER_INPUT, naming the argument, before any statement runs', async () => {
    const database = fakeDatabase();
    const answer = await post(fakeApi(database), '{ documents(first: 100000) { totalCount } }');
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toMatch(/first/);
    expect(answer.errors?.[0]?.path).toEqual(['documents']);
    expect(database.names()).toEqual([]);
  });

  it('rejects a blank name', async () => {
    const answer = await post(fakeApi(fakeDatabase()), '{ indicator(metric: "   ") { id } }');
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

describe('masking', () => {
  const failingWith = (error: Error): Api => fakeApi(fakeDatabase({ 'api/indicators': () => Promise.reject(error) }));

  it('masks a bug as INTERNAL: no message, stack or path of the server reaches the client', async () => {
    const answer = await post(failingWith(new Error('connection to 10.0.0.7 failed at /srv/secret/path.ts:12')), '{ indicators { metric } }');
    expect(answer.errors).toEqual([{ message: 'Unexpected error.', locations: [{ line: 1, column: 3 }], path: ['indicators'], extensions: { code: 'INTERNAL' } }]);
    expect(JSON.stringify(answer)).not.toContain('secret');
  });

  it('masks the text of a failed statement (it would leak the Cypher) and keeps its code', async () => {
    const answer = await post(failingWith(new DatabaseError('DATABASE_QUERY_FAILED', 'Statement "api/indicators" failed: near MATCH (i:Indicator)')), '{ indicators { metric } }');
    expect(answer.errors?.[0]).toMatchObject({ message: 'A database statement failed on the server.', extensions: { code: 'DATABASE_QUERY_FAILED' } });
    expect(JSON.stringify(answer)).not.toContain('MATCH');
  });

  it('never tells the client the Bolt URI of an unreachable Neo4j', async () => {
    const unreachable = new DatabaseError('DATABASE_UNAVAILABLE', 'Neo4j at bolt://db.internal:7687 is not reachable (ServiceUnavailable).');
    const answer = await post(failingWith(unreachable), '{ indicators { metric } }');
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'DATABASE_UNAVAILABLE' } });
    expect(JSON.stringify(answer)).not.toMatch(/bolt:|db\.internal|7687/);
  });
});

describe('limits', () => {
  it('has a code in core/errors.ts for every refusal', () => {
    expect(LIMIT_ERROR_CODES).toEqual(['REQUEST_TOO_LARGE', 'QUERY_TOO_LARGE', 'QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'TOO_MANY_DIRECTIVES', 'QUERY_TOO_COSTLY']);
  });

  it('refuses a 3 MB body with 413 before parsing it', async () => {
    const database = fakeDatabase();
    const query = `{ ${'health { ok } '.repeat(200_000)} }`;
    const { result, ms } = await timed(() => post(fakeApi(database), query));
    expect(result.status).toBe(413);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('REQUEST_TOO_LARGE');
    expect(ms).toBeLessThan(1_000);
    expect(database.names()).toEqual([]);
  });

  it('refuses a body streamed without a length as soon as it passes the limit', async () => {
    const chunk = new TextEncoder().encode(`{"query":"{ ${'health { ok } '.repeat(1_000)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        if (sent > 1_000) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await fakeApi(fakeDatabase()).fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    // It stopped reading at about the limit (100 kB), far from the 14 MB offered.
    expect(sent).toBeLessThan(20);
  });

  it('stops parsing a million-token document at the token limit, cheaply (bodies allowed up to 10 MB here)', async () => {
    const database = fakeDatabase();
    const api = fakeApi(database, { maxBodyBytes: 10_000_000 });
    const query = `{ ${'a '.repeat(1_000_000)} }`;
    expect(query.length).toBeGreaterThan(2_000_000);
    const { result, ms } = await timed(() => post(api, query));
    expect(result.status).toBe(400);
    expect(result.errors?.[0]).toEqual({
      message: 'The document is longer than 5000 tokens (names, punctuation and values); the limit is 5000.',
      extensions: { code: 'QUERY_TOO_LARGE' },
    });
    expect(ms).toBeLessThan(1_500);
    expect(database.names()).toEqual([]);
  });

  it('validates 30 chained fragments (each spreading the previous one twice) in linear time', async () => {
    const database = fakeDatabase();
    const { result, ms } = await timed(() => post(fakeApi(database, { maxDepth: 100, maxCost: 1_000_000 }), chainedFragments(30)));
    expect(result.errors?.map((error) => error.extensions?.['code'])).toEqual(['QUERY_TOO_COSTLY']);
    expect(ms).toBeLessThan(1_000);
    expect(database.names()).toEqual([]);
  });

  it('counts aliases of introspection fields: 200 __schema aliases are refused', async () => {
    const query = `{ ${Array.from({ length: 200 }, (_, index) => `s${index}: __schema { types { name fields { name } } }`).join(' ')} }`;
    const answer = await post(fakeApi(fakeDatabase()), query);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toEqual([{ message: 'Operation uses 200 aliases; the limit is 30.', extensions: { code: 'TOO_MANY_ALIASES' } }]);
  });

  it.each([
    ['QUERY_TOO_DEEP', `{ agency(name: "x") { ${'renamedTo { '.repeat(18)}name${' }'.repeat(18)} } }`, 'Operation is nested 20 levels deep; the limit is 10.'],
    ['TOO_MANY_ALIASES', `{ ${Array.from({ length: 500 }, (_, index) => `a${index}: health { ok }`).join(' ')} }`, 'Operation uses 500 aliases; the limit is 30.'],
    ['TOO_MANY_DIRECTIVES', `{ health { ${'ok @skip(if: false) '.repeat(51)} } }`, 'Operation uses 51 directives; the limit is 50.'],
  ])('refuses %s before any statement runs', async (code, query, message) => {
    const database = fakeDatabase();
    const answer = await post(fakeApi(database), query);
    expect(answer.errors).toEqual([{ message, extensions: { code } }]);
    expect(database.names()).toEqual([]);
  });

  it('refuses an operation estimated too costly, with the estimate', async () => {
    const answer = await post(fakeApi(fakeDatabase()), '{ agencies(first: 100) { edges { node { assignments(first: 100) { edges { node { leads { name } } } } } } } }');
    expect(answer.errors?.[0]?.extensions).toEqual({ code: 'QUERY_TOO_COSTLY', cost: 30301 });
  });

  it('keeps GraphiQL\'s introspection query within the limits', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const answer = await post(fakeApi(fakeDatabase()), getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
    expect(answer.errors).toBeUndefined();
  });
});

describe('the parse cache', () => {
  it('is bounded by the total size of the documents it keys, not only their number', () => {
    const cache = new BoundedCache<number>({ maxEntries: 100, maxKeyCharacters: 1_000 });
    for (let index = 0; index < 10; index++) cache.set(`${index}`.padEnd(200, 'x'), index);
    expect(cache.characters).toBeLessThanOrEqual(1_000);
    expect(cache.size).toBe(5);
    expect(cache.get('0'.padEnd(200, 'x'))).toBeUndefined();
    expect(cache.get('9'.padEnd(200, 'x'))).toBe(9);
  });

  it('keeps the most recently used and never holds one huge document', () => {
    const cache = new BoundedCache<number>({ maxEntries: 2, maxKeyCharacters: 1_000 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    cache.set('x'.repeat(600), 4);
    expect(cache.get('x'.repeat(600))).toBeUndefined();
  });
});

describe('health and readiness', () => {
  it('reports the Neo4j version when it answers', async () => {
    const answer = await post(fakeApi(fakeDatabase()), '{ health { ok neo4jVersion neo4jEdition cause } }');
    expect(answer.data).toEqual({ health: { ok: true, neo4jVersion: '5.26.0', neo4jEdition: 'community', cause: null } });
  });

  it('reports ok: false with the cause, not an error, when Neo4j is down', async () => {
    const api = fakeApi(fakeDatabase({}, { ok: false, cause: 'Neo4j is not reachable (ServiceUnavailable)' }));
    const answer = await post(api, '{ health { ok neo4jVersion cause } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ health: { ok: false, neo4jVersion: null, cause: 'Neo4j is not reachable (ServiceUnavailable)' } });
  });

  it('answers /readiness 200 when Neo4j answers and 503 with the cause when not; /health is liveness only', async () => {
    const up = await fakeApi(fakeDatabase()).fetch('http://localhost/readiness');
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ ok: true, neo4jVersion: '5.26.0' });
    const downApi = fakeApi(fakeDatabase({}, { ok: false, cause: 'Neo4j did not answer within 1500 ms' }));
    const down = await downApi.fetch('http://localhost/readiness');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ ok: false, cause: 'Neo4j did not answer within 1500 ms' });
    expect((await downApi.fetch('http://localhost/health')).status).toBe(200);
  });
});

describe('CORS', () => {
  const preflight = (api: Api, origin: string) =>
    api.fetch('http://localhost/graphql', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });

  it('is closed by default: no page of another origin may read answers', async () => {
    const api = fakeApi(fakeDatabase());
    const answer = await api.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
      body: JSON.stringify({ query: '{ health { ok } }' }),
    });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(api, 'https://elsewhere.example')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows the origins listed in KG_CORS_ORIGINS, without credentials', async () => {
    const api = fakeApi(fakeDatabase(), { corsOrigins: ['https://kg.example', 'http://localhost:5173'] });
    const allowed = await preflight(api, 'http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await preflight(api, 'https://elsewhere.example')).headers.get('access-control-allow-origin')).not.toBe('https://elsewhere.example');
  });
});

describe('production switches', () => {
  it('refuses __schema and __type with introspection off, and still answers __typename', async () => {
    const api = fakeApi(fakeDatabase(), { introspection: false });
    const refused = await post(api, '{ __schema { queryType { name } } }');
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
    expect((await post(api, '{ __type(name: "Query") { name } }')).errors).toBeDefined();
    expect((await post(api, '{ __typename health { ok } }')).data).toEqual({ __typename: 'Query', health: { ok: true } });
  });

  it('serves GraphiQL to browsers unless KG_GRAPHIQL is off', async () => {
    const asBrowser = { headers: { accept: 'text/html' } };
    const on = await fakeApi(fakeDatabase()).fetch('http://localhost/graphql', asBrowser);
    expect(on.headers.get('content-type')).toMatch(/text\/html/);
    const off = await fakeApi(fakeDatabase(), { graphiql: false }).fetch('http://localhost/graphql', asBrowser);
    expect(off.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });
});
