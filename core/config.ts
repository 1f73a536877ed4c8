/**
 * The only module that reads the environment. Everything else receives a
 * `Config` (or a part of it) as an argument, so tests can pass their own.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from './errors.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Documented default for a local, loopback-only server; set NEO4J_PASSWORD for anything else. */
export const DEFAULT_LOCAL_PASSWORD = 'liuzhou-kg-local';

export interface Neo4jConnectionConfig {
  /** bolt:// or neo4j:// URI. */
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
  /** Per-transaction timeout for API queries. */
  readonly queryTimeoutMs: number;
  /**
   * How long the readiness probe and the `health` field wait for Neo4j
   * (connecting included) before they report it down.
   */
  readonly probeTimeoutMs: number;
}

export interface LocalNeo4jConfig {
  /** Where the server's jars, configuration, data and logs are cached (git-ignored). */
  readonly homeDir: string;
  readonly boltPort: number;
  readonly heap: string;
  readonly pageCache: string;
  readonly password: string;
  readonly javaHome: string | null;
}

export interface ApiConfig {
  readonly host: string;
  readonly port: number;
  readonly maxPageSize: number;
  readonly maxDepth: number;
  /** Aliases per operation, introspection fields included. */
  readonly maxAliases: number;
  readonly maxCost: number;
  /** Lexical tokens per document, counted while parsing: the parser stops at the limit. */
  readonly maxTokens: number;
  readonly maxDirectives: number;
  /** Request body size in bytes; a larger body is refused (HTTP 413) before it is parsed. */
  readonly maxBodyBytes: number;
  /** Origins a browser may call the API from (KG_CORS_ORIGINS); empty: none but the API's own. */
  readonly corsOrigins: readonly string[];
  /** Serve GraphiQL at /graphql to browsers (KG_GRAPHIQL). */
  readonly graphiql: boolean;
  /** Answer `__schema` / `__type` (KG_INTROSPECTION); GraphiQL needs it. */
  readonly introspection: boolean;
}

export interface Config {
  /** Null when NEO4J_URI is unset: the local server is provisioned and used instead. */
  readonly neo4jUri: string | null;
  readonly neo4j: Omit<Neo4jConnectionConfig, 'uri'>;
  readonly localNeo4j: LocalNeo4jConfig;
  readonly api: ApiConfig;
  readonly corpusDir: string;
  readonly rulesDir: string;
  /** Documents and records per ingest write transaction (KG_INGEST_BATCH_DOCUMENTS, KG_INGEST_BATCH_RECORDS). */
  readonly ingestBatch: { readonly documents: number; readonly records: number };
  /**
   * Characters of document text an ingest keeps parsed between its two passes
   * (KG_INGEST_HELD_CHARACTERS): ≈8 bytes of heap a character; the files
   * after them are parsed a second time when their graphs are built.
   */
  readonly ingestHeldCharacters: number;
}

type Environment = Readonly<Record<string, string | undefined>>;

function text(env: Environment, key: string, fallback: string): string {
  const value = env[key];
  if (value === undefined || value === '') return fallback;
  if (value.trim() !== value) throw new ConfigError(key, 'must not start or end with white space');
  return value;
}

function integer(env: Environment, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(key, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(key, `expected a number from ${min} to ${max}, got ${value}`);
  return value;
}

function memorySize(env: Environment, key: string, fallback: string): string {
  const value = text(env, key, fallback);
  if (!/^\d+[kmg]$/i.test(value)) throw new ConfigError(key, `expected a size such as 512m or 2g, got "${value}"`);
  return value.toLowerCase();
}

function boltUri(env: Environment, key: string): string | null {
  const value = env[key];
  if (value === undefined || value === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch (cause) {
    throw new ConfigError(key, `not a URI: "${value}" (expected e.g. bolt://localhost:7687)`, { cause });
  }
  const schemes = ['bolt:', 'bolt+s:', 'bolt+ssc:', 'neo4j:', 'neo4j+s:', 'neo4j+ssc:'];
  if (!schemes.includes(parsed.protocol)) {
    throw new ConfigError(key, `unsupported scheme "${parsed.protocol}" (use bolt:// or neo4j://)`);
  }
  return value;
}

function flag(env: Environment, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.toLowerCase();
  if (['1', 'true', 'on', 'yes'].includes(value)) return true;
  if (['0', 'false', 'off', 'no'].includes(value)) return false;
  throw new ConfigError(key, `expected on or off (true/false, 1/0), got "${raw}"`);
}

/** `https://a.example, http://localhost:5173` → origins; `*` allows every origin. */
function origins(env: Environment, key: string): string[] {
  const raw = env[key];
  if (raw === undefined || raw.trim() === '') return [];
  const listed = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (listed.includes('*')) {
    if (listed.length > 1) throw new ConfigError(key, '"*" allows every origin and cannot be combined with a list');
    return ['*'];
  }
  return listed.map((item) => {
    let url: URL;
    try {
      url = new URL(item);
    } catch (cause) {
      throw new ConfigError(key, `"${item}" is not an origin such as https://kg.example or http://localhost:5173`, { cause });
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== item.replace(/\/$/, '')) {
      throw new ConfigError(key, `"${item}" is not an origin (scheme, host and port only, e.g. https://kg.example)`);
    }
    return url.origin;
  });
}

function directory(env: Environment, key: string, fallback: string): string {
  return path.resolve(PROJECT_ROOT, text(env, key, fallback));
}

/** Reads and validates the environment once; throws ConfigError naming the bad key. */
export function loadConfig(env: Environment = process.env): Config {
  const password = text(env, 'NEO4J_PASSWORD', DEFAULT_LOCAL_PASSWORD);
  if (password.length < 8) throw new ConfigError('NEO4J_PASSWORD', 'Neo4j requires at least 8 characters');
  const javaHome = env['JAVA_HOME'];
  return {
    neo4jUri: boltUri(env, 'NEO4J_URI'),
    neo4j: {
      user: text(env, 'NEO4J_USER', 'neo4j'),
      password,
      database: text(env, 'NEO4J_DATABASE', 'neo4j'),
      queryTimeoutMs: integer(env, 'KG_QUERY_TIMEOUT_MS', 15_000, 100, 600_000),
      probeTimeoutMs: integer(env, 'KG_PROBE_TIMEOUT_MS', 1_500, 100, 60_000),
    },
    localNeo4j: {
      homeDir: directory(env, 'KG_NEO4J_HOME', '.neo4j'),
      boltPort: integer(env, 'NEO4J_BOLT_PORT', 7687, 1, 65_535),
      heap: memorySize(env, 'NEO4J_HEAP', '2g'),
      pageCache: memorySize(env, 'NEO4J_PAGECACHE', '2g'),
      password,
      javaHome: javaHome === undefined || javaHome === '' ? null : javaHome,
    },
    api: {
      host: text(env, 'HOST', '127.0.0.1'),
      port: integer(env, 'PORT', 4000, 0, 65_535),
      maxPageSize: integer(env, 'KG_MAX_PAGE_SIZE', 100, 1, 10_000),
      maxDepth: integer(env, 'KG_MAX_DEPTH', 10, 2, 100),
      maxAliases: integer(env, 'KG_MAX_ALIASES', 30, 1, 1_000),
      maxCost: integer(env, 'KG_MAX_COST', 5_000, 10, 1_000_000),
      maxTokens: integer(env, 'KG_MAX_TOKENS', 5_000, 100, 1_000_000),
      maxDirectives: integer(env, 'KG_MAX_DIRECTIVES', 50, 1, 10_000),
      maxBodyBytes: integer(env, 'KG_MAX_BODY_BYTES', 100_000, 1_000, 100_000_000),
      corsOrigins: origins(env, 'KG_CORS_ORIGINS'),
      graphiql: flag(env, 'KG_GRAPHIQL', true),
      introspection: flag(env, 'KG_INTROSPECTION', true),
    },
    corpusDir: directory(env, 'KG_CORPUS_DIR', 'data/corpus'),
    rulesDir: directory(env, 'KG_RULES_DIR', 'data/rules'),
    ingestBatch: {
      documents: integer(env, 'KG_INGEST_BATCH_DOCUMENTS', 500, 1, 100_000),
      records: integer(env, 'KG_INGEST_BATCH_RECORDS', 20_000, 1, 10_000_000),
    },
    ingestHeldCharacters: integer(env, 'KG_INGEST_HELD_CHARACTERS', 4_000_000, 0, 1_000_000_000),
  };
}

/** The URI to connect to: NEO4J_URI, else the local server's loopback Bolt port. */
export function connectionFor(config: Config): Neo4jConnectionConfig {
  return { ...config.neo4j, uri: config.neo4jUri ?? `bolt://127.0.0.1:${config.localNeo4j.boltPort}` };
}
