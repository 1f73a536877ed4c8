/**
 * The project's local test instance as a process the fault tests can kill:
 * by the pid of its own pid file (checked against /proc to be that server),
 * never by name, and started again the way the global setup started it.
 */
import fs from 'node:fs';
import { inject } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { localInstanceConfig } from '../../infra/neo4j/instances.ts';
import { start, status } from '../../infra/neo4j/local-server.ts';

export interface KillableNeo4j {
  /** SIGKILL to the server's pid; resolves once the process is gone, with its pid. */
  kill(): Promise<number>;
  /** Starts the instance again and resolves once Bolt answers (after crash recovery). */
  restart(): Promise<void>;
}

const INSTANCE = 'test';

function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  // A killed child not reaped yet is a zombie: as good as gone.
  try {
    return /^\d+ \(.*\) Z/u.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

/**
 * The local test instance, when the integration tests run against it (not
 * NEO4J_URI, not a container) and it is running; otherwise null, and the
 * tests that kill it are skipped.
 */
export function localTestInstance(): KillableNeo4j | null {
  const config = localInstanceConfig(loadConfig(), INSTANCE);
  if (inject('neo4jUri') !== `bolt://127.0.0.1:${config.boltPort}`) return null;
  if (status(config, INSTANCE).state !== 'running') return null;
  return {
    async kill() {
      const current = status(config, INSTANCE);
      if (current.state !== 'running') throw new Error('the local test Neo4j is not running');
      process.kill(current.pid, 'SIGKILL');
      while (!gone(current.pid)) await new Promise((resolve) => setTimeout(resolve, 50));
      return current.pid;
    },
    async restart() {
      await start(config, INSTANCE, (line) => console.log(`[neo4j] ${line}`));
    },
  };
}
