/**
 * Keeps the README true: every GraphQL operation in it runs against the
 * bundled corpus. Operations whose README output is an error must still fail
 * with that error code; all others must succeed and return data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/server.ts';
import { loadConfig } from '../../core/config.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { graphql, testDatabase, testLimits } from './helpers.ts';
import { exampleName, readmeExamples } from './readme-examples.ts';

const config = loadConfig();
const examples = readmeExamples();

describe('the README operations', () => {
  const database = testDatabase();
  const api = createApi({ database, limits: testLimits() });

  beforeAll(async () => {
    await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir });
  }, 300_000);
  afterAll(() => database.close());

  it('has at least ten of them', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples.map((example) => [exampleName(example), example]))(
    '%s runs as the README shows',
    async (_name, example) => {
      const result = await graphql(api, example.operation, example.variables);
      if (example.expectedError) {
        expect(result.errors?.[0]?.extensions?.['code']).toBe(example.expectedError);
      } else {
        expect(result.errors).toBeUndefined();
        expect(Object.values(result.data ?? {}).some((value) => value !== null)).toBe(true);
      }
    },
  );
});
