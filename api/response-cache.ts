/**
 * A response cache for read operations, keyed by the graph's version.
 *
 * The version is a token in Neo4j (`cypher/graph/version.cypher`) that every
 * write transaction replaces as its last statement (core/database.ts), so it
 * changes exactly when the graph does, and every API process behind a load
 * balancer reads the same one: nothing here can serve an answer the graph no
 * longer gives. The version is read once per request, but requests share
 * reads: a request joins the read that starts after it arrived (never one
 * already under way, which could predate a write it must see), so at most one
 * version read is in flight and a burst of requests costs two round trips.
 *
 * Only queries that executed without errors are kept; mutations,
 * subscriptions, failed or refused operations always run. Entries are held in
 * an LRU bounded by the size of their serialised answers and keys, and are
 * answered with the very bytes first sent (no re-serialisation).
 */
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { ReadOnlyDatabase } from './context.ts';

export interface ResponseCacheOptions {
  /** Bound on the cached answers and keys, in bytes (UTF-16: two per character). */
  readonly maxBytes: number;
}

/** 64 MiB: a few thousand typical answers. */
export const DEFAULT_RESPONSE_CACHE: ResponseCacheOptions = { maxBytes: 64 * 2 ** 20 };

/**
 * Reads the graph's version with linearisable sharing: the promise returned
 * belongs to a read that started at or after the call.
 */
export class SharedVersionReader {
  readonly #read: () => Promise<string | null>;
  #inFlight: Promise<string | null> | null = null;
  #next: Promise<string | null> | null = null;

  constructor(read: () => Promise<string | null>) {
    this.#read = read;
  }

  current(): Promise<string | null> {
    const inFlight = this.#inFlight;
    if (inFlight === null) return this.#start();
    // The read under way may have begun before a write this caller must see: wait for the next one.
    this.#next ??= inFlight
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        this.#next = null;
        return this.#start();
      });
    return this.#next;
  }

  #start(): Promise<string | null> {
    const read = this.#read().finally(() => {
      if (this.#inFlight === read) this.#inFlight = null;
    });
    this.#inFlight = read;
    return read;
  }
}

/** The version token from its rows; null when the graph has never been written (then nothing is cached). */
export function versionOf(rows: readonly Record<string, unknown>[]): string | null {
  const versions = rows.map((row) => row['version']).filter((value): value is string => typeof value === 'string' && value !== '');
  return versions.length === 0 ? null : versions.join('+');
}

interface Entry {
  readonly result: ExecutionResult;
  readonly json: string;
}

interface Pending {
  readonly key: string;
  cacheable: boolean;
}

/** The parts of a GraphQL request that key an answer. */
export interface CacheableParams {
  readonly query?: unknown;
  readonly operationName?: unknown;
  readonly variables?: unknown;
  readonly extensions?: unknown;
}

export interface ResponseCache {
  readonly plugin: Plugin;
  /**
   * The serialised answer kept for these params under the graph's current
   * version, or null (not kept, not cacheable, or Neo4j unreachable): for a
   * front door that answers hits before yoga parses the request (api/http-listener.ts).
   */
  readonly answer: (params: CacheableParams) => Promise<string | null>;
  /** Answers served from the cache and operations executed with a cacheable key, since start. */
  readonly stats: { hits: number; misses: number; readonly entries: () => number; readonly bytes: () => number };
}

export function createResponseCache(database: ReadOnlyDatabase, options: ResponseCacheOptions = DEFAULT_RESPONSE_CACHE): ResponseCache {
  const cache = new LRUCache<string, Entry>({ maxSize: Math.max(1, options.maxBytes), sizeCalculation: (entry, key) => 2 * (entry.json.length + key.length) });
  // One auto-commit round trip where the database offers it: this read precedes every cached answer.
  const versions = new SharedVersionReader(async () => versionOf(await (database.readOnce ? database.readOnce('graph/version') : database.read('graph/version'))));
  const pending = new WeakMap<Request, Pending>();
  const stats = { hits: 0, misses: 0, entries: () => cache.size, bytes: () => cache.calculatedSize };

  /** The key of these params under the current version, with what is kept under it; null when nothing may be cached. */
  async function lookup(params: CacheableParams): Promise<{ key: string; hit: Entry | undefined } | null> {
    if (typeof params.query !== 'string') return null;
    const extensions = params.extensions;
    if (typeof extensions === 'object' && extensions !== null && (extensions as Record<string, unknown>)['persistedQuery'] !== undefined) return null;
    let version: string | null;
    try {
      version = await versions.current();
    } catch {
      // Neo4j unreachable: the operation runs (and reports that) as without a cache.
      return null;
    }
    if (version === null) return null;
    const key = JSON.stringify([version, params.operationName ?? null, params.query, params.variables ?? null]);
    return { key, hit: cache.get(key) };
  }

  const answer = async (params: CacheableParams): Promise<string | null> => {
    const found = await lookup(params);
    if (found?.hit === undefined) return null;
    stats.hits += 1;
    return found.hit.json;
  };

  const plugin: Plugin = {
    async onParams({ params, request, setResult }) {
      const found = await lookup(params);
      if (found === null) return;
      const { key, hit } = found;
      if (hit !== undefined) {
        stats.hits += 1;
        setResult({ ...hit.result, stringify: () => hit.json } as ExecutionResult);
        return;
      }
      pending.set(request, { key, cacheable: false });
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const entry = request === undefined ? undefined : pending.get(request);
      if (entry !== undefined) entry.cacheable = getOperationAST(args.document, args.operationName)?.operation === 'query';
    },
    onExecutionResult({ request, result }) {
      const entry = pending.get(request);
      if (entry === undefined) return;
      pending.delete(request);
      if (!entry.cacheable || result === undefined || Symbol.asyncIterator in result) return;
      if (result.errors !== undefined && result.errors.length > 0) return;
      stats.misses += 1;
      const plain: ExecutionResult = { data: result.data, ...(result.extensions ? { extensions: result.extensions } : {}) };
      const json = JSON.stringify(plain);
      // One answer larger than a quarter of the budget would evict everything useful: not kept.
      if (2 * (json.length + entry.key.length) > options.maxBytes / 4) return;
      cache.set(entry.key, { result: plain, json });
    },
  };
  return { plugin, answer, stats };
}
