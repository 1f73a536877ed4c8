/**
 * The explorer's GraphQL operations (explorer/src/operations.ts) are valid
 * against the schema, within the operation limits, and listed verbatim in
 * the README, where test/integration/readme-queries.test.ts runs them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationLimitRules } from '../../api/limits.ts';
import { readTypeDefinitions } from '../../api/schema.ts';
import { PROJECT_ROOT, loadConfig } from '../../core/config.ts';
import { EXPLORER_OPERATIONS } from '../../explorer/src/operations.ts';

const schema = buildSchema(readTypeDefinitions().join('\n'));
const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const operations = Object.entries(EXPLORER_OPERATIONS);

describe('the explorer operations', () => {
  it.each(operations)('%s is valid and within the limits', (name, text) => {
    const document = parse(text);
    const definition = document.definitions[0];
    expect(definition && 'name' in definition ? definition.name?.value : null).toBe(name);
    expect(validate(schema, document, [...specifiedRules, ...operationLimitRules(loadConfig({}).api)]).map((error) => error.message)).toEqual([]);
  });

  it.each(operations)('%s is in the README, verbatim', (_name, text) => {
    expect(readme).toContain(`\`\`\`graphql\n${text}\n\`\`\``);
  });
});
