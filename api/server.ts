/**
 * Builds the graphql-yoga application. Stateless apart from the database
 * driver it is given, so several API processes can sit behind a load balancer.
 */
import { createYoga, maskError as defaultMaskError, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import type { ApiConfig } from '../core/config.ts';
import { KgError } from '../core/errors.ts';
import { createContext, type ApiContext, type ReadOnlyDatabase } from './context.ts';
import { EXAMPLE_OPERATIONS } from './examples.ts';
import { operationLimitRules } from './limits.ts';
import { buildSchema } from './schema.ts';

export interface ApiOptions {
  readonly database: ReadOnlyDatabase;
  readonly limits: ApiConfig;
  /** Example operations shown in GraphiQL. */
  readonly graphiqlDefaultQuery?: string;
}

/**
 * True for a GraphQLError from any copy of graphql (vitest may load the ESM
 * and the CommonJS build side by side, so instanceof is not enough).
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/** Errors we raise on purpose reach the client with their code; everything else is masked. */
function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = isGraphQLError(error) ? error.originalError : error;
  if (original instanceof KgError && original.code !== 'DATABASE_QUERY_FAILED') {
    // Keep where it happened (locations, path) so clients can tell which field failed.
    const located = isGraphQLError(error) ? { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path } : {};
    return new GraphQLError(original.message, { ...located, extensions: { code: original.code } });
  }
  return defaultMaskError(error, message, isDev);
}

/** Depth, alias and cost limits, checked with the standard validation rules. */
function operationLimits(limits: ApiConfig): Plugin {
  const rules = operationLimitRules(limits);
  return {
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}

export function createApi(options: ApiOptions): YogaServerInstance<Record<string, never>, ApiContext> {
  const schema = buildSchema();
  return createYoga<Record<string, never>, ApiContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    maskedErrors: { maskError },
    plugins: [operationLimits(options.limits)],
    graphiql: { title: 'Liuzhou government-work knowledge graph', defaultQuery: options.graphiqlDefaultQuery ?? EXAMPLE_OPERATIONS },
    context: (): ApiContext => createContext(options.database, options.limits),
  });
}
