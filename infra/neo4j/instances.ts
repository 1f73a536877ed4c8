import type { Config, LocalNeo4jConfig } from '../../core/config.ts';
import { start, stop, type Log } from './local-server.ts';
import { UserInputError } from '../../core/errors.ts';

/**
 * Named local servers, each with its own data under .neo4j/instances/<name>.
 * The test instance listens one port above the main one and gets a smaller
 * memory budget, so the suite can run while a user keeps `npm start` up.
 */
export function localInstanceConfig(config: Config, instance: string): LocalNeo4jConfig {
  switch (instance) {
    case 'main':
      return config.localNeo4j;
    case 'test':
      return { ...config.localNeo4j, boltPort: config.localNeo4j.boltPort + 1, heap: '1g', pageCache: '512m' };
    case 'bench':
      // Benchmarks load into an empty database of their own, sized like main.
      return { ...config.localNeo4j, boltPort: config.localNeo4j.boltPort + 2 };
    default:
      throw new UserInputError(`unknown Neo4j instance "${instance}" (expected main, test or bench)`);
  }
}

/** A local instance in use; `release` stops it only if `leaseLocalInstance` started it. */
export interface LocalInstanceLease {
  readonly uri: string;
  readonly password: string;
  release(): Promise<void>;
}

/** Starts the named local instance unless it is already running. */
export async function leaseLocalInstance(config: Config, instance: string, log: Log): Promise<LocalInstanceLease> {
  const local = localInstanceConfig(config, instance);
  const result = await start(local, instance, log);
  return {
    uri: `bolt://127.0.0.1:${result.boltPort}`,
    password: local.password,
    release: async () => {
      if (result.started) await stop(local, instance, log);
    },
  };
}
