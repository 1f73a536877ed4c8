import { describe, expect, it } from 'vitest';
import { SharedVersionReader, createResponseCache } from '../../api/response-cache.ts';
import { versionOf } from '../../core/graph-version.ts';
import { createApi } from '../../api/server.ts';
import { apiConfig, fakeDatabase, post } from './helpers/fake-database.ts';

const QUERY = '{ indicators { metric } }';

function cachedApi(version: () => string | null, metrics: () => string[], maxBytes = 1_000_000) {
  const database = fakeDatabase({
    'graph/version': () => {
      const value = version();
      return value === null ? [] : [{ version: value }];
    },
    'api/indicators': () => metrics().map((metric) => ({ indicator: { metric } })),
  });
  return { database, api: createApi({ database, limits: apiConfig(), responseCache: createResponseCache(database, { maxBytes }) }) };
}

const executions = (names: string[]) => names.filter((name) => name === 'api/indicators').length;

describe('the response cache (keyed by the graph version held in Neo4j)', () => {
  it('answers a repeated query from the cache while the version stays, and asks again once it changes', async () => {
    let version = 'v1';
    let metrics = ['地区生产总值'];
    const { database, api } = cachedApi(() => version, () => metrics);
    expect((await post(api, QUERY)).data).toEqual({ indicators: [{ metric: '地区生产总值' }] });
    expect((await post(api, QUERY)).data).toEqual({ indicators: [{ metric: '地区生产总值' }] });
    expect(executions(database.names())).toBe(1);

    // A write replaced the version token: the next answer is the new graph's.
    version = 'v2';
    metrics = ['地区生产总值', '财政收入'];
    expect((await post(api, QUERY)).data).toEqual({ indicators: [{ metric: '地区生产总值' }, { metric: '财政收入' }] });
    expect(executions(database.names())).toBe(2);
  });

  it('keys by variables and operation name, and never caches errors or a graph without a version', async () => {
    let version: string | null = null;
    const { database, api } = cachedApi(() => version, () => ['x']);
    await post(api, QUERY);
    await post(api, QUERY);
    expect(executions(database.names())).toBe(2);

    version = 'v1';
    await post(api, 'query A { indicators { metric } }');
    await post(api, 'query B { indicators { metric } }');
    expect(executions(database.names())).toBe(4);

    const failing = (await post(api, '{ indicator(metric: "x") { metric } }')).errors;
    expect(failing).toBeDefined();
    const again = (await post(api, '{ indicator(metric: "x") { metric } }')).errors;
    expect(again).toBeDefined();
    // The fake database has no rows for it: both attempts ran and failed; neither was kept.
    expect(database.names().filter((name) => name === 'api/indicator-by-metric')).toHaveLength(2);
  });

  it('is bounded by size: an answer bigger than a quarter of the budget is not kept', async () => {
    const { database, api } = cachedApi(() => 'v1', () => Array.from({ length: 200 }, (_, index) => `指标${index}`), 4_000);
    await post(api, QUERY);
    await post(api, QUERY);
    expect(executions(database.names())).toBe(2);
  });
});

describe('SharedVersionReader', () => {
  it('shares reads, but never hands a caller a read that began before it asked', async () => {
    const releases: ((value: string) => void)[] = [];
    let started = 0;
    const reader = new SharedVersionReader(
      () =>
        new Promise<string>((resolve) => {
          started += 1;
          releases.push(resolve);
        }),
    );
    const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
    // Callers of one turn gather into one read, sent on the next turn.
    const first = reader.current();
    const second = reader.current();
    expect(started).toBe(0);
    await nextTurn();
    expect(started).toBe(1);
    // These arrive while that read is under way: they must wait for a later one.
    const third = reader.current();
    const fourth = reader.current();
    await nextTurn();
    expect(started).toBe(1);
    releases[0]?.('a');
    expect(await first).toBe('a');
    expect(await second).toBe('a');
    await nextTurn();
    await nextTurn();
    expect(started).toBe(2);
    releases[1]?.('b');
    expect(await third).toBe('b');
    expect(await fourth).toBe('b');
    // A failed read fails its callers only; the next caller gets a fresh read.
    const failing = new SharedVersionReader(() => (started++ === 2 ? Promise.reject(new Error('lost')) : Promise.resolve('c')));
    await expect(failing.current()).rejects.toThrow('lost');
    expect(await failing.current()).toBe('c');
  });

  it('joins version tokens of several nodes and gives null without any', () => {
    expect(versionOf([])).toBeNull();
    expect(versionOf([{ version: 'a' }, { version: 'b' }])).toBe('a+b');
  });
});
