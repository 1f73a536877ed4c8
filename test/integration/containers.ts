import fs from 'node:fs';

const NEO4J_IMAGE = 'neo4j:5.26-community';

/** True when a Docker engine socket exists and answers; the client alone is not enough. */
export async function dockerEngineReachable(): Promise<boolean> {
  const socket = '/var/run/docker.sock';
  if (!process.env['DOCKER_HOST'] && !fs.existsSync(socket)) return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

export async function startNeo4jContainer(): Promise<{ uri: string; password: string; stop: () => Promise<void> }> {
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const password = 'liuzhou-kg-test';
  const container = await new Neo4jContainer(NEO4J_IMAGE).withPassword(password).start();
  return {
    uri: container.getBoltUri(),
    password,
    stop: async () => {
      await container.stop();
    },
  };
}
