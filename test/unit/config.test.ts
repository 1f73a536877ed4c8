import { describe, expect, it } from 'vitest';
import { connectionFor, DEFAULT_LOCAL_PASSWORD, loadConfig } from '../../core/config.ts';
import { ConfigError } from '../../core/errors.ts';

describe('loadConfig', () => {
  it('has working defaults for a local run', () => {
    const config = loadConfig({});
    expect(config.neo4jUri).toBeNull();
    expect(config.neo4j.password).toBe(DEFAULT_LOCAL_PASSWORD);
    expect(config.api).toMatchObject({ host: '127.0.0.1', port: 4000, maxPageSize: 100 });
    expect(connectionFor(config).uri).toBe('bolt://127.0.0.1:7687');
  });

  it('uses NEO4J_URI when set', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j://db.example:7687', NEO4J_PASSWORD: 'a-long-password' });
    expect(connectionFor(config).uri).toBe('neo4j://db.example:7687');
  });

  it.each([
    ['PORT', 'eighty', /PORT: expected a whole number/],
    ['PORT', '70000', /PORT: expected a number from 0 to 65535/],
    ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI: unsupported scheme "http:"/],
    ['NEO4J_URI', 'not a uri', /NEO4J_URI: not a URI/],
    ['NEO4J_PASSWORD', 'short', /NEO4J_PASSWORD: Neo4j requires at least 8 characters/],
    ['NEO4J_HEAP', 'lots', /NEO4J_HEAP: expected a size such as 512m or 2g/],
    ['KG_MAX_PAGE_SIZE', '0', /KG_MAX_PAGE_SIZE: expected a number from 1/],
  ])('names %s when it is %j', (key, value, message) => {
    let thrown: unknown;
    try {
      loadConfig({ [key]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).key).toBe(key);
    expect((thrown as ConfigError).code).toBe('CONFIG_INVALID');
    expect((thrown as Error).message).toMatch(message);
  });
});
