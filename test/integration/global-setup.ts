/**
 * Gives the integration project a real Neo4j, in this order of preference:
 * NEO4J_URI when set; a testcontainers Neo4j when a Docker engine answers;
 * otherwise the project's local server (`test` instance), started here if it
 * was not running and stopped afterwards only if it was started here.
 */
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../core/config.ts';
import { leaseLocalInstance } from '../../infra/neo4j/instances.ts';
import { loadCypherCatalog } from '../../core/cypher.ts';
import { createDatabase } from '../../core/database.ts';
import { dockerEngineReachable, startNeo4jContainer } from './containers.ts';

/** Constraints and indexes are part of what every integration test relies on. */
async function applySchema(uri: string, password: string): Promise<void> {
  const config = loadConfig();
  const database = createDatabase({ ...config.neo4j, uri, password }, loadCypherCatalog());
  try {
    await database.applySchema();
  } finally {
    await database.close();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig();
  const log = (line: string) => console.log(`[neo4j] ${line}`);
  if (config.neo4jUri !== null) {
    log(`using NEO4J_URI=${config.neo4jUri}`);
    project.provide('neo4jUri', config.neo4jUri);
    project.provide('neo4jPassword', config.neo4j.password);
    await applySchema(config.neo4jUri, config.neo4j.password);
    return async () => undefined;
  }
  if (await dockerEngineReachable()) {
    const container = await startNeo4jContainer();
    log(`using a testcontainers Neo4j at ${container.uri}`);
    project.provide('neo4jUri', container.uri);
    project.provide('neo4jPassword', container.password);
    await applySchema(container.uri, container.password);
    return container.stop;
  }
  const lease = await leaseLocalInstance(config, 'test', log);
  project.provide('neo4jUri', lease.uri);
  project.provide('neo4jPassword', lease.password);
  try {
    await applySchema(lease.uri, lease.password);
  } catch (error) {
    await lease.release();
    throw error;
  }
  return () => lease.release();
}
