/**
 * The operations GraphiQL opens with (api/examples.ts) are valid against the
 * schema and within the operation limits, so the first thing a visitor runs
 * works; each has a name, so GraphiQL's run button can choose between them.
 */
import { buildSchema, Kind, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS } from '../../api/examples.ts';
import { operationLimitRules } from '../../api/limits.ts';
import { readTypeDefinitions } from '../../api/schema.ts';
import { loadConfig } from '../../core/config.ts';

describe('the GraphiQL example operations', () => {
  const document = parse(EXAMPLE_OPERATIONS);

  it('are several named operations', () => {
    const names = document.definitions.map((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? definition.name?.value : undefined));
    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(names.every((name) => typeof name === 'string')).toBe(true);
  });

  it('are valid against the schema and within the limits', () => {
    const schema = buildSchema(readTypeDefinitions().join('\n'));
    const rules = [...specifiedRules, ...operationLimitRules(loadConfig({}).api)];
    expect(validate(schema, document, rules).map((error) => error.message)).toEqual([]);
  });
});
