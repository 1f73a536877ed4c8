import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationLimitRules } from '../../api/limits.ts';
import { loadConfig, PROJECT_ROOT } from '../../core/config.ts';
import { MAX_PAGE_SIZE } from '../../audit/client.ts';
import { AUDIT_OPERATIONS } from '../../audit/queries.ts';

/** The SDL alone (no resolvers): the contract the audit client is written against. */
function contractSchema() {
  const directory = path.join(PROJECT_ROOT, 'schema');
  const typeDefinitions = fs
    .readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => fs.readFileSync(path.join(directory, file), 'utf8'));
  return buildSchema(typeDefinitions.join('\n'));
}

describe('audit GraphQL operations', () => {
  const schema = contractSchema();
  const limits = loadConfig({}).api;

  it.each(Object.entries(AUDIT_OPERATIONS))('%s is valid against schema/*.graphql and within the default limits', (name, document) => {
    const parsed = parse(document);
    const errors = validate(schema, parsed, [...specifiedRules, ...operationLimitRules(limits)]);
    expect(errors.map((error) => error.message)).toEqual([]);
    const operation = parsed.definitions.find((definition) => definition.kind === 'OperationDefinition');
    expect(operation && 'name' in operation ? operation.name?.value : null).toBe(name);
  });

  it('never asks for pages larger than the API allows', () => {
    expect(MAX_PAGE_SIZE).toBeLessThanOrEqual(loadConfig({}).api.maxPageSize);
  });
});
