/**
 * The explorer's GraphQL operations (explorer/src/operations.ts) are valid
 * against the schema, within the operation limits, listed verbatim in
 * docs/queries.md, where test/integration/readme-queries.test.ts runs them,
 * and named in the README's section on the explorer.
 */
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationLimitRules } from '../../api/limits.ts';
import { readTypeDefinitions } from '../../api/schema.ts';
import { loadConfig } from '../../core/config.ts';
import { EXPLORER_OPERATIONS } from '../../explorer/src/operations.ts';
import { readDoc } from '../user-docs.ts';

const schema = buildSchema(readTypeDefinitions().join('\n'));
const catalogue = readDoc('docs/queries.md');
const readmeExplorer = /^## The explorer\n[\s\S]*?(?=^## )/m.exec(readDoc('README.md'))?.[0] ?? '';
const operations = Object.entries(EXPLORER_OPERATIONS);

describe('the explorer operations', () => {
  it.each(operations)('%s is valid and within the limits', (name, text) => {
    const document = parse(text);
    const definition = document.definitions[0];
    expect(definition && 'name' in definition ? definition.name?.value : null).toBe(name);
    expect(validate(schema, document, [...specifiedRules, ...operationLimitRules(loadConfig({}).api)]).map((error) => error.message)).toEqual([]);
  });

  it.each(operations)('%s is in docs/queries.md, verbatim', (_name, text) => {
    expect(catalogue).toContain(`\`\`\`graphql\n${text}\n\`\`\``);
  });

  it.each(operations)('%s is named in the README on the explorer', (name) => {
    expect(readmeExplorer).toContain(`\`${name}\``);
  });
});
