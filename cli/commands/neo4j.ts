/**
 * `kg neo4j install|start|stop|status [--instance main|test|bench]`
 * (also `npm run neo4j -- …`): manages the local Neo4j Community server used
 * when NEO4J_URI is not set.
 */
import { loadConfig } from '../../core/config.ts';
import { install, start, status, stop } from '../../infra/neo4j/local-server.ts';
import { localInstanceConfig } from '../../infra/neo4j/instances.ts';
import { parseCommandArguments } from '../arguments.ts';
import type { Command } from '../command.ts';

const SUMMARY = 'Install, start, stop or check the local Neo4j server (used when NEO4J_URI is not set)';

const USAGE = `Usage: kg neo4j install|start|stop|status [--instance main|test|bench]
       (or: npm run neo4j -- install|start|stop|status …)

Manages the local Neo4j Community server, fetched once from Maven Central
(needs Java 17+ and Maven). Each instance has its own data, port and pid file
under .neo4j/instances/<name>; stop ends only the process of its pid file.

  install   fetch the server's jars (nothing is downloaded once installed)
  start     install if needed, start the instance and wait until Bolt answers
  stop      stop the instance
  status    print running (pid, Bolt address), stopped or not-installed

Options:
  --instance NAME  main (npm start, kg ingest), test (the test suite) or
                   bench (the benchmarks) (default: main)
  -h, --help       show this help

Exit status: 0 on success (status: running); 3 when status finds it not
running; 1 on any error; 2 on wrong usage.
`;

const ACTIONS = ['install', 'start', 'stop', 'status'] as const;
type Action = (typeof ACTIONS)[number];

function isAction(value: string | undefined): value is Action {
  return (ACTIONS as readonly (string | undefined)[]).includes(value);
}

export const command: Command = {
  name: 'neo4j',
  summary: SUMMARY,
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments(command, args, { instance: { type: 'string', default: 'main' } }, io);
    if (!parsed.ok) return parsed.exitCode;
    const [action, ...extra] = parsed.positionals;
    if (!isAction(action) || extra.length > 0) {
      const problem = action === undefined ? 'give install, start, stop or status' : `unexpected "${isAction(action) ? extra.join(' ') : action}"`;
      io.stderr(`kg neo4j: ${problem}\n\n${USAGE}`);
      return 2;
    }
    const instance = parsed.values.instance;
    const config = localInstanceConfig(loadConfig(), instance);
    const log = (line: string): void => io.stdout(`${line}\n`);
    switch (action) {
      case 'install':
        install(config, log);
        return 0;
      case 'start':
        await start(config, instance, log);
        return 0;
      case 'stop':
        await stop(config, instance, log);
        return 0;
      case 'status': {
        const current = status(config, instance);
        log(current.state === 'running' ? `running (pid ${current.pid}, bolt://127.0.0.1:${current.boltPort})` : current.state);
        return current.state === 'running' ? 0 : 3;
      }
    }
  },
};
