/**
 * Keeps the README and docs/ true: every GraphQL operation in README.md and
 * docs/*.md (the full catalogue is docs/queries.md) runs against the bundled
 * corpus. Operations whose output in the text is an error must still fail
 * with that error code; all others must succeed and return data. The
 * examples GraphiQL opens with (api/examples.ts) run too.
 */
import { Kind, parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS } from '../../api/examples.ts';
import { createApi } from '../../api/server.ts';
import { loadConfig } from '../../core/config.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { userDocOperations } from '../user-docs.ts';
import { graphql, testDatabase, testLimits } from './helpers.ts';

const config = loadConfig();
const operations = userDocOperations();
const graphiqlExamples = parse(EXAMPLE_OPERATIONS).definitions.map((definition) => [
  definition.kind === Kind.OPERATION_DEFINITION ? (definition.name?.value ?? 'anonymous') : definition.kind,
  print(definition),
]);

describe('the operations of the README and docs/', () => {
  const database = testDatabase();
  const api = createApi({ database, limits: testLimits() });

  beforeAll(async () => {
    await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir });
  }, 300_000);
  afterAll(() => database.close());

  it('are all there: the catalogue\'s nineteen questions and the explorer\'s twelve, the README\'s among them', () => {
    expect(operations.length).toBeGreaterThanOrEqual(31);
  });

  it.each(operations.map((operation) => [`${operation.file}: ${operation.name}`, operation]))('%s runs as the text shows', async (_label, operation) => {
    const result = await graphql(api, operation.operation, operation.variables);
    if (operation.expectedError) {
      expect(result.errors?.[0]?.extensions?.['code']).toBe(operation.expectedError);
    } else {
      expect(result.errors).toBeUndefined();
      expect(Object.values(result.data ?? {}).some((value) => value !== null)).toBe(true);
    }
  });

  it.each(graphiqlExamples)('GraphiQL example %s runs', async (_name, operation) => {
    const result = await graphql(api, operation);
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data ?? {}).some((value) => value !== null)).toBe(true);
  });
});
