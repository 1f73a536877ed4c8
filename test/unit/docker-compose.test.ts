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

  it('publishes ports on the loopback interface only, Neo4j Browser (7474) among them', () => {
    for (const service of [neo4j, api]) {
      for (const port of service?.ports ?? []) expect(port.startsWith('127.0.0.1:')).toBe(true);
    }
    expect(neo4j?.ports).toContain('127.0.0.1:7474:7474');
  });
});

/** The Dockerfile's instructions, stage by stage (continuation lines joined). */
function dockerStages(text: string): { from: string; instructions: { keyword: string; argument: string }[] }[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: { from: string; instructions: { keyword: string; argument: string }[] }[] = [];
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(/\s+/);
    const argument = rest.join(' ');
    if (keyword.toUpperCase() === 'FROM') stages.push({ from: argument, instructions: [] });
    else stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), argument });
  }
  return stages;
}

describe('Dockerfile', () => {
  const stages = dockerStages(fs.readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8'));
  const build = stages[0];
  const run = stages.at(-1);
  const last = (keyword: string) => run?.instructions.filter((instruction) => instruction.keyword === keyword).at(-1)?.argument ?? '';

  it('is multi-stage: the C++ toolchain only in the build stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(build?.instructions.some((instruction) => instruction.keyword === 'RUN' && /g\+\+/.test(instruction.argument))).toBe(true);
    expect(run?.instructions.some((instruction) => /apt-get|g\+\+|python3|make/.test(instruction.argument))).toBe(false);
    expect(run?.instructions.some((instruction) => instruction.keyword === 'COPY' && instruction.argument.startsWith('--from='))).toBe(true);
  });

  it('runs as an unprivileged user, with node itself as PID 1 (exec form, not npm or a shell)', () => {
    expect(last('USER')).not.toBe('');
    expect(last('USER')).not.toMatch(/^(root|0)(:|$)/);
    const command = JSON.parse(last('CMD')) as string[];
    expect(command[0]).toBe('node');
    expect(command).toContain('app/main.ts');
    expect(last('ENTRYPOINT')).toBe('');
  });

  it('checks its health on /readiness', () => {
    expect(last('HEALTHCHECK')).toContain('/readiness');
  });
});
