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

  it('closes CORS and serves GraphiQL and introspection by default; each is switchable', () => {
    expect(loadConfig({}).api).toMatchObject({ corsOrigins: [], graphiql: true, introspection: true, maxTokens: 5000, maxDirectives: 50, maxBodyBytes: 100_000 });
    const production = loadConfig({ KG_CORS_ORIGINS: ' https://kg.example, http://localhost:5173/ ', KG_GRAPHIQL: 'off', KG_INTROSPECTION: 'false' }).api;
    expect(production).toMatchObject({ corsOrigins: ['https://kg.example', 'http://localhost:5173'], graphiql: false, introspection: false });
    expect(loadConfig({ KG_CORS_ORIGINS: '*' }).api.corsOrigins).toEqual(['*']);
    expect(loadConfig({}).neo4j.probeTimeoutMs).toBe(1500);
    expect(loadConfig({}).ingestHeldCharacters).toBe(4_000_000);
    expect(loadConfig({ KG_INGEST_HELD_CHARACTERS: '0' }).ingestHeldCharacters).toBe(0);
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
    ['KG_CORS_ORIGINS', 'kg.example', /KG_CORS_ORIGINS: "kg.example" is not an origin/],
    ['KG_CORS_ORIGINS', 'https://kg.example/graphql', /KG_CORS_ORIGINS: "https:\/\/kg.example\/graphql" is not an origin \(scheme, host and port only/],
    ['KG_CORS_ORIGINS', '*, https://kg.example', /KG_CORS_ORIGINS: "\*" allows every origin and cannot be combined/],
    ['KG_GRAPHIQL', 'maybe', /KG_GRAPHIQL: expected on or off/],
    ['KG_MAX_BODY_BYTES', '10', /KG_MAX_BODY_BYTES: expected a number from 1000/],
    ['KG_INGEST_HELD_CHARACTERS', '4e6', /KG_INGEST_HELD_CHARACTERS: expected a whole number/],
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
