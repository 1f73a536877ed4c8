/**
 * Builds the graphql-yoga application. Stateless apart from the database
 * driver it is given, so several API processes can sit behind a load balancer.
 */
import { createYoga, maskError as defaultMaskError, type YogaServerInstance } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import type { ApiConfig } from '../core/config.ts';
import type { Database } from '../core/database.ts';
import { KgError } from '../core/errors.ts';
import type { ApiContext } from './context.ts';
import { buildSchema } from './schema.ts';

export interface ApiOptions {
  readonly database: Database;
  readonly limits: ApiConfig;
  /** Example operations shown in GraphiQL. */
  readonly graphiqlDefaultQuery?: string;
}

/** Errors we raise on purpose reach the client with their code; everything else is masked. */
function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof KgError && original.code !== 'DATABASE_QUERY_FAILED') {
    return new GraphQLError(original.message, { extensions: { code: original.code } });
  }
  return defaultMaskError(error, message, isDev);
}

export function createApi(options: ApiOptions): YogaServerInstance<Record<string, never>, ApiContext> {
  const schema = buildSchema();
  return createYoga<Record<string, never>, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maskedErrors: { maskError },
    graphiql: { title: 'Liuzhou government-work knowledge graph', defaultQuery: options.graphiqlDefaultQuery ?? '{ health { ok neo4jVersion } }' },
    context: (): ApiContext => ({ database: options.database, limits: options.limits }),
  });
}
