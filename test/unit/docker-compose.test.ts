/**
 * docker-compose.yml cannot be run here (no Docker engine); this keeps it
 * consistent with the image documentation and with the API's configuration.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, loadConfig } from '../../core/config.ts';

interface Service {
  image?: string;
  build?: string;
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

const compose = parse(fs.readFileSync(path.join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};

describe('docker-compose.yml', () => {
  const neo4j = compose.services['neo4j'];
  const api = compose.services['api'];

  it('runs Neo4j 5.26 community with a named data volume and a healthcheck', () => {
    expect(neo4j?.image).toBe('neo4j:5.26-community');
    expect(neo4j?.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect(neo4j?.healthcheck?.test.join(' ')).toContain('cypher-shell');
    expect(neo4j?.environment?.['NEO4J_AUTH']).toMatch(/^neo4j\//);
  });

  it('starts the API from the Dockerfile once Neo4j is healthy, with a configuration core/config.ts accepts', () => {
    expect(api?.build).toBe('.');
    expect(fs.existsSync(path.join(PROJECT_ROOT, 'Dockerfile'))).toBe(true);
    expect(api?.depends_on?.['neo4j']?.condition).toBe('service_healthy');
    const environment = Object.fromEntries(
      Object.entries(api?.environment ?? {}).map(([key, value]) => [key, String(value).replace(/\$\{NEO4J_PASSWORD:-([^}]+)\}/, '$1')]),
    );
    const config = loadConfig(environment);
    expect(config.neo4jUri).toBe('bolt://neo4j:7687');
    expect(config.api).toMatchObject({ host: '0.0.0.0', port: 4000 });
  });

  it('publishes ports on the loopback interface only', () => {
    for (const service of [neo4j, api]) {
      for (const port of service?.ports ?? []) expect(port.startsWith('127.0.0.1:')).toBe(true);
    }
  });
});
