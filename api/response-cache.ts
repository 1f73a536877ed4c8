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
 * an LRU bounded by the bytes they hold, and are answered with the very bytes
 * first sent (no re-serialisation). An answer of a kilobyte or more is also
 * gzipped once, off the event loop, so the door can send a client that
 * accepts it a third of the bytes: writing a large answer to its socket was
 * the largest cost of a hit (measured with --cpu-prof), and it is the network
 * a remote client waits for.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { getOperationAST, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { versionOf } from '../core/graph-version.ts';
import type { ReadOnlyDatabase } from './context.ts';

export interface ResponseCacheOptions {
  /** Bound on what the cache holds, in bytes: each answer's UTF-8 and gzip bytes and its key (two bytes per character). */
  readonly maxBytes: number;
}

/** Below this an answer is sent as it is: gzip's framing and the client's inflating would cost more than the bytes saved. */
export const GZIP_MIN_BYTES = 1024;

const gzipAsync = promisify(gzip);

/** 64 MiB: a few thousand typical answers. */
export const DEFAULT_RESPONSE_CACHE: ResponseCacheOptions = { maxBytes: 64 * 2 ** 20 };

/**
 * Reads the graph's version with linearisable sharing: the promise returned
 * belongs to a read that started at or after the call.
 *
 * A read is not sent the moment it is asked for: it waits for the read under
 * way to end and then for the event loop's current turn, and every caller
 * arriving meanwhile joins it. A version read costs the server about as much
 * as a small query (a millisecond of CPU each on the bench machine), so the
 * fewer callers share one the more of a hit's cost it is; without the wait,
 * the first request of a burst started a read alone and the others waited for
 * the next.
 */
export class SharedVersionReader {
  readonly #read: () => Promise<string | null>;
  /** A read asked for and not sent yet: a caller may still join it. */
  #gathering: Promise<string | null> | null = null;
  /** The read sent and not answered: too early for anyone who arrives now. */
  #inFlight: Promise<string | null> | null = null;

  constructor(read: () => Promise<string | null>) {
    this.#read = read;
  }

  current(): Promise<string | null> {
    this.#gathering ??= this.#gatherThenRead();
    return this.#gathering;
  }

  async #gatherThenRead(): Promise<string | null> {
    // At most one read in flight: the next one waits for it, gathering callers.
    if (this.#inFlight !== null) await this.#inFlight.catch(() => undefined);
    await new Promise<void>((resolve) => setImmediate(resolve));
    // From here on a caller needs a later read: this one starts now, synchronously.
    this.#gathering = null;
    const read = this.#read();
    this.#inFlight = read;
    try {
      return await read;
    } finally {
      if (this.#inFlight === read) this.#inFlight = null;
    }
  }
}

/** A kept answer: its UTF-8 bytes, and the same gzipped once that is done (null while under way, or for a small answer). */
export interface CachedAnswer {
  readonly bytes: Buffer;
  readonly gzipped: Buffer | null;
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
   * The answer kept for these params under the graph's current version, or
   * null (not kept, not cacheable, or Neo4j unreachable): for a front door
   * that answers hits before yoga parses the request (api/http-listener.ts).
   */
  readonly answer: (params: CacheableParams) => Promise<CachedAnswer | null>;
  /** Answers served from the cache and operations executed with a cacheable key, since start. */
  readonly stats: { hits: number; misses: number; readonly entries: () => number; readonly bytes: () => number };
}

export function createResponseCache(database: ReadOnlyDatabase, options: ResponseCacheOptions = DEFAULT_RESPONSE_CACHE): ResponseCache {
  const cache = new LRUCache<string, CachedAnswer>({
    maxSize: Math.max(1, options.maxBytes),
    sizeCalculation: (entry, key) => entry.bytes.length + (entry.gzipped?.length ?? 0) + 2 * key.length,
  });
  // One auto-commit round trip where the database offers it: this read precedes every cached answer.
  const versions = new SharedVersionReader(async () => versionOf(await (database.readOnce ? database.readOnce('graph/version') : database.read('graph/version'))));
  const pending = new WeakMap<Request, Pending>();
  const stats = { hits: 0, misses: 0, entries: () => cache.size, bytes: () => cache.calculatedSize };

  /** The key of these params under the current version, with what is kept under it; null when nothing may be cached. */
  async function lookup(params: CacheableParams): Promise<{ key: string; hit: CachedAnswer | undefined } | null> {
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

  const answer = async (params: CacheableParams): Promise<CachedAnswer | null> => {
    const found = await lookup(params);
    if (found?.hit === undefined) return null;
    stats.hits += 1;
    return found.hit;
  };

  /** Adds the gzipped bytes to an entry still kept under its key; a failure only leaves the entry uncompressed. */
  async function compress(key: string, entry: CachedAnswer): Promise<void> {
    const gzipped = await gzipAsync(entry.bytes);
    if (cache.peek(key) === entry && gzipped.length < entry.bytes.length) cache.set(key, { bytes: entry.bytes, gzipped });
  }

  const plugin: Plugin = {
    async onParams({ params, request, setResult }) {
      const found = await lookup(params);
      if (found === null) return;
      const { key, hit } = found;
      if (hit !== undefined) {
        stats.hits += 1;
        // Only the bytes are kept (the objects of an answer weigh several times its JSON): this
        // path, which yoga takes for what the door hands it (GET, CORS), parses them again.
        const json = hit.bytes.toString('utf8');
        setResult({ ...(JSON.parse(json) as ExecutionResult), stringify: () => json } as ExecutionResult);
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
      const bytes = Buffer.from(JSON.stringify(plain), 'utf8');
      // One answer larger than a quarter of the budget would evict everything useful: not kept.
      if (bytes.length + 2 * entry.key.length > options.maxBytes / 4) return;
      const kept: CachedAnswer = { bytes, gzipped: null };
      cache.set(entry.key, kept);
      if (bytes.length >= GZIP_MIN_BYTES) compress(entry.key, kept).catch(() => undefined);
    },
  };
  return { plugin, answer, stats };
}
