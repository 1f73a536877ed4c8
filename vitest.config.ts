import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/*
 * One copy of graphql: Node loads its CommonJS build for graphql-yoga and
 * graphql-armor, while vite would hand test and source files the ESM build
 * (`module` field), and graphql's instanceof checks reject values of the other
 * copy. Pointing vite at the file Node loads keeps a single realm.
 */
const graphql = createRequire(import.meta.url).resolve('graphql');
const resolve = { alias: [{ find: /^graphql$/, replacement: graphql }] };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // Some unit tests run the whole pipeline over fixture corpora; the
          // timeout guards against hangs, it is not a speed limit (benchmarks are).
          testTimeout: 30_000,
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/integration/global-setup.ts'],
          // One Neo4j server is shared; files run one after another so that
          // counts taken by one test are not disturbed by another file's writes.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        resolve,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          // Debian's Chromium against the API process over the test Neo4j
          // (the same server as the integration tests), after the unit and
          // integration projects have finished, so it never runs beside them.
          globalSetup: ['test/integration/global-setup.ts'],
          sequence: { groupOrder: 1 },
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
