/**
 * Keeps the README true: every GraphQL operation in it runs against the
 * bundled corpus. Operations whose README output is an error must still fail
 * with that error code; all others must succeed and return data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/server.ts';
import { PROJECT_ROOT, loadConfig } from '../../core/config.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { graphql, testDatabase, testLimits } from './helpers.ts';

interface Example {
  readonly operation: string;
  /** The variables the README gives it (a line `Variables: \`{…}\`` right after the block). */
  readonly variables: Record<string, unknown>;
  /** The error code the README shows for it, if its output is an error. */
  readonly expectedError: string | null;
}

function readmeExamples(): Example[] {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const examples: Example[] = [];
  const block = /```graphql\n([\s\S]*?)```([\s\S]*?)(?=```graphql|$)/g;
  for (const match of readme.matchAll(block)) {
    const operation = match[1] ?? '';
    const after = match[2] ?? '';
    const shownError = /"errors"[\s\S]*?"code":\s*"([A-Z_]+)"/.exec(after.split('\n### ')[0] ?? '');
    const variables = /^Variables: `(\{.*\})`$/m.exec(after.split('```')[0] ?? '')?.[1];
    examples.push({ operation, variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : {}, expectedError: shownError?.[1] ?? null });
  }
  return examples;
}

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

  it.each(examples.map((example) => [/(?:query|mutation)\s+(\w+)/.exec(example.operation)?.[1] ?? example.operation.slice(0, 40), example]))(
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
