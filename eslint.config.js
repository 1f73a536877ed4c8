// @ts-check
import js from '@eslint/js';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries, each its own copy of ESLint's `no-restricted-imports`:
 * flat config replaces a rule's options for a file wholesale, so two
 * boundaries sharing one rule id would silently drop each other.
 */
const restrictImports = builtinRules.get('no-restricted-imports');
if (restrictImports === undefined) throw new Error('ESLint has no no-restricted-imports rule');
const boundaries = { rules: { 'neo4j-driver': restrictImports, nodejieba: restrictImports, scripts: restrictImports, layers: restrictImports } };

/** Keeps the layers honest: each outside-world library has exactly one door. */
const door = (rule, allowedIn, name, message) => ({
  ignores: allowedIn,
  files: ['**/*.ts'],
  rules: { [`boundaries/${rule}`]: ['error', { paths: [{ name, message }] }] },
});

/** A layer may not import the folders listed (`ingest/index.ts` is the pipeline's public surface). */
const layer = (folder, forbidden, message) => ({
  files: [`${folder}/**/*.ts`],
  rules: {
    'boundaries/layers': [
      'error',
      {
        patterns: forbidden.map((target) => ({
          group: target === 'ingest' ? ['**/ingest/**', '!**/ingest/index.ts'] : [`**/${target}/**`],
          message: `${message} (${folder}/ must not import ${target === 'ingest' ? 'ingest/ internals: use ingest/index.ts' : `${target}/`}).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', '.neo4j/**', 'bench/results/**', 'coverage/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { plugins: { boundaries } },
  door('neo4j-driver', ['core/database.ts', 'test/integration/**', 'bench/**'], 'neo4j-driver', 'Use core/database.ts: neo4j-driver is imported only there.'),
  door('nodejieba', ['ingest/tokenise.ts', 'bench/**'], 'nodejieba', 'Use ingest/tokenise.ts: nodejieba is imported only there.'),
  {
    files: ['**/*.ts'],
    rules: {
      'boundaries/scripts': ['error', { patterns: [{ group: ['**/scripts/**'], message: 'scripts/ holds shell entry points only: import from infra/, core/ or the layer itself.' }] }],
    },
  },
  // The layers (cli/ and app/ may import all of them; tests and bench too).
  layer('core', ['ingest', 'api', 'app', 'cli', 'infra', 'audit'], 'core/ is the bottom layer: configuration, errors, the database'),
  layer('infra', ['ingest', 'api', 'app', 'cli', 'audit'], 'infra/ provisions Neo4j on top of core/ only'),
  layer('ingest', ['api', 'app', 'cli', 'infra', 'audit'], 'The pipeline knows nothing of the API, the process or the command line'),
  layer('api', ['ingest', 'app', 'cli', 'infra', 'audit'], 'The GraphQL layer reads the graph, never the pipeline'),
  layer('audit', ['ingest', 'app', 'cli', 'infra'], 'The audit is a client of the GraphQL API'),
  // shared/ runs both in the API process and in the browser bundle: it imports nothing.
  layer('shared', ['core', 'ingest', 'api', 'app', 'cli', 'infra', 'audit', 'explorer'], 'shared/ holds plain modules the API and the explorer both import'),
  // The explorer is a browser client of /graphql: of the server's code it may import shared/ only.
  layer('explorer', ['core', 'ingest', 'api', 'app', 'cli', 'infra', 'audit'], 'The explorer talks to the API over /graphql'),
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', '*', '!./*'], message: 'shared/ modules import nothing but each other (they are bundled for the browser too).' }] }] },
  },
  {
    files: ['**/*.ts'],
    ignores: ['core/config.ts', 'test/**', 'bench/**', 'scripts/**', 'infra/neo4j/local-server.ts', 'infra/neo4j/import.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in core/config.ts only.' }],
    },
  },
);
