/**
 * Builds the graphql-yoga application. Stateless apart from the database
 * driver it is given, so several API processes can sit behind a load balancer.
 *
 * Besides /graphql: /health is the liveness of the process (yoga's, always
 * 200 while it serves), /readiness says whether Neo4j answers (200, or 503
 * with the cause within KG_PROBE_TIMEOUT_MS), for load balancers and
 * Docker's HEALTHCHECK.
 */
import { createYoga, maskError as defaultMaskError, useReadinessCheck, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type DocumentNode } from 'graphql';
import type { ApiConfig } from '../core/config.ts';
import { KgError } from '../core/errors.ts';
import { BoundedCache, DOCUMENT_CACHE_BOUNDS } from './bounded-cache.ts';
import { createContext, type ApiContext, type ReadOnlyDatabase } from './context.ts';
import { EXAMPLE_OPERATIONS } from './examples.ts';
import { graphiqlAssetsPlugin, renderOfflineGraphiQL } from './graphiql.ts';
import { limitPlugins } from './limits.ts';
import type { ResponseCache } from './response-cache.ts';
import { buildSchema } from './schema.ts';

export interface ApiOptions {
  readonly database: ReadOnlyDatabase;
  readonly limits: ApiConfig;
  /** Example operations shown in GraphiQL. */
  readonly graphiqlDefaultQuery?: string;
  /** More yoga plugins, e.g. the process's static pages (app/explorer.ts). */
  readonly plugins?: readonly Plugin[];
  /**
   * Cache answers to read operations under the graph's version (api/response-cache.ts);
   * off unless given. Safe with several processes: the version lives in Neo4j.
   * The same cache is given to api/http-listener.ts, which answers hits before yoga.
   */
  readonly responseCache?: ResponseCache;
}

export const READINESS_ENDPOINT = '/readiness';

/** What clients see instead of the message of an error that would tell them about the server. */
const MASKED_MESSAGES: Partial<Record<KgError['code'], string>> = {
  // The statement's text would leak the Cypher.
  DATABASE_QUERY_FAILED: 'A database statement failed on the server.',
  // The driver's message names the Bolt URI.
  DATABASE_UNAVAILABLE: 'The graph database is not reachable; try again later.',
};

/** Errors we raise on purpose reach the client with their code; everything else is masked as INTERNAL. */
function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  // Keep where it happened (locations, path) so clients can tell which field failed.
  const located = error instanceof GraphQLError ? { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path } : {};
  if (original instanceof KgError) {
    return new GraphQLError(MASKED_MESSAGES[original.code] ?? original.message, { ...located, extensions: { code: original.code } });
  }
  const masked = defaultMaskError(error, message, isDev);
  if (masked instanceof GraphQLError && masked.extensions['code'] === 'INTERNAL_SERVER_ERROR') {
    return new GraphQLError(masked.message, { ...located, extensions: { ...masked.extensions, code: 'INTERNAL' } });
  }
  return masked;
}

/** 200 `{"ok":true}` when Neo4j answers, else 503 `{"ok":false,"cause":…}`; never the Bolt URI. */
function readinessPlugin(database: ReadOnlyDatabase): Plugin {
  return useReadinessCheck({
    endpoint: READINESS_ENDPOINT,
    check: async ({ fetchAPI }) => {
      const probe = await database.probe();
      const body = probe.ok ? { ok: true, neo4jVersion: probe.info.version } : { ok: false, cause: probe.cause };
      return new fetchAPI.Response(JSON.stringify(body), {
        status: probe.ok ? 200 : 503,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      });
    },
  });
}

/** `__schema` and `__type` refused (KG_INTROSPECTION=off); `__typename` still answers. */
const noIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

/** Closed unless KG_CORS_ORIGINS lists origins (or `*`): same-origin pages (GraphiQL, the explorer) need none. */
function corsOptions(origins: readonly string[]) {
  if (origins.length === 0) return false as const;
  return { origin: origins.includes('*') ? '*' : [...origins], methods: ['GET', 'POST'], credentials: false, maxAge: 600 };
}

export function createApi(options: ApiOptions): YogaServerInstance<Record<string, never>, ApiContext> {
  const schema = buildSchema();
  const { limits } = options;
  return createYoga<Record<string, never>, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maskedErrors: { maskError },
    cors: corsOptions(limits.corsOrigins),
    // yoga's parse cache keys documents by their text: bounded by size, not only by count.
    parserAndValidationCache: {
      documentCache: new BoundedCache<DocumentNode>(DOCUMENT_CACHE_BOUNDS),
      errorCache: new BoundedCache<unknown>(DOCUMENT_CACHE_BOUNDS),
      validationCache: true,
    },
    plugins: [
      ...limitPlugins(limits),
      ...(limits.introspection ? [] : [noIntrospection]),
      readinessPlugin(options.database),
      ...(limits.graphiql ? [graphiqlAssetsPlugin()] : []),
      ...(options.plugins ?? []),
      ...(options.responseCache ? [options.responseCache.plugin] : []),
    ],
    // GraphiQL from the package's own assets (api/graphiql.ts), never from a CDN.
    graphiql: limits.graphiql ? { title: 'Liuzhou government-work knowledge graph', defaultQuery: options.graphiqlDefaultQuery ?? EXAMPLE_OPERATIONS } : false,
    renderGraphiQL: renderOfflineGraphiQL,
    context: (): ApiContext => createContext(options.database, limits),
  });
}
