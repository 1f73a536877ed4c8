/**
 * A ReadOnlyDatabase without a database: it records the statements the
 * resolvers run (name and parameters) and answers each with canned rows, so
 * the API — resolvers, input errors, masking, limits — is tested in process
 * through `yoga.fetch` (the idea of neo4j/graphql's TCK). A statement without
 * canned rows is an error naming it, so a test says what it expects to run.
 */
import type { ReadOnlyDatabase } from '../../../api/context.ts';
import { createApi } from '../../../api/server.ts';
import { loadConfig, type ApiConfig } from '../../../core/config.ts';
import type { CypherName } from '../../../core/cypher.ts';
import type { Parameters, ProbeResult, Row } from '../../../core/database.ts';

export interface RecordedStatement {
  readonly name: CypherName;
  readonly parameters: Parameters;
}

/** Canned rows, or a function of the parameters (for batched `$ids`), or a failure. */
export type Canned = readonly Row[] | ((parameters: Parameters) => readonly Row[] | Promise<readonly Row[]>);

export interface FakeDatabase extends ReadOnlyDatabase {
  readonly statements: RecordedStatement[];
  /** Names of the statements run, in order. */
  names(): CypherName[];
}

export const HEALTHY: ProbeResult = { ok: true, info: { name: 'Neo4j Kernel', version: '5.26.0', edition: 'community' } };

export function fakeDatabase(canned: Partial<Record<CypherName, Canned>> = {}, probe: ProbeResult | (() => Promise<ProbeResult>) = HEALTHY): FakeDatabase {
  const statements: RecordedStatement[] = [];
  return {
    statements,
    names: () => statements.map((statement) => statement.name),
    async read(name, parameters = {}) {
      statements.push({ name, parameters });
      const answer = canned[name];
      if (answer === undefined) throw new Error(`fake database: no rows canned for "${name}"`);
      const rows = typeof answer === 'function' ? await answer(parameters) : answer;
      return rows.map((row) => ({ ...row }));
    },
    async serverInfo() {
      const result = typeof probe === 'function' ? await probe() : probe;
      if (!result.ok) throw new Error(result.cause);
      return result.info;
    },
    probe: async () => (typeof probe === 'function' ? probe() : probe),
  };
}

/** The default limits (as `npm start` has them), with overrides. */
export function apiConfig(overrides: Partial<ApiConfig> = {}): ApiConfig {
  return { ...loadConfig({}).api, ...overrides };
}

export interface GraphqlAnswer {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

export type Api = ReturnType<typeof createApi>;

export function fakeApi(database: ReadOnlyDatabase, overrides: Partial<ApiConfig> = {}): Api {
  return createApi({ database, limits: apiConfig(overrides) });
}

/** POSTs one operation to /graphql in process and reads the JSON answer. */
export async function post(api: Api, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphqlAnswer> {
  const response = await api.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphqlAnswer, 'status'>;
  return { status: response.status, ...body };
}
