// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Keeps the layers honest: each outside-world library has exactly one door. */
const restricted = (allowedIn, name, message) => ({
  ignores: allowedIn,
  files: ['**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', { paths: [{ name, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', '.neo4j/**', 'bench/results/**', 'coverage/**'] },
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
  restricted(['core/database.ts', 'test/integration/**', 'bench/**'], 'neo4j-driver', 'Use core/database.ts: neo4j-driver is imported only there.'),
  restricted(['ingest/tokenise.ts', 'bench/**'], 'nodejieba', 'Use ingest/tokenise.ts: nodejieba is imported only there.'),
  {
    files: ['**/*.ts'],
    ignores: ['core/config.ts', 'test/**', 'bench/**', 'scripts/**', 'infra/neo4j/local-server.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in core/config.ts only.' }],
    },
  },
);
