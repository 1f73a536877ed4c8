/**
 * `npm run neo4j -- install|start|stop|status [--instance main|test|bench]`
 * Manages the local Neo4j Community server used when NEO4J_URI is not set.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../core/config.ts';
import { describeError } from '../../core/errors.ts';
import { install, start, status, stop } from './local-server.ts';
import { localInstanceConfig } from './instances.ts';

const USAGE = 'usage: npm run neo4j -- install|start|stop|status [--instance main|test|bench]';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { instance: { type: 'string', default: 'main' }, help: { type: 'boolean', short: 'h' } },
  });
  const command = positionals[0];
  if (values.help || command === undefined) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const instance = values.instance;
  const config = localInstanceConfig(loadConfig(), instance);
  const log = (line: string) => console.log(line);
  switch (command) {
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
      console.log(
        current.state === 'running'
          ? `running (pid ${current.pid}, bolt://127.0.0.1:${current.boltPort})`
          : current.state,
      );
      return current.state === 'running' ? 0 : 3;
    }
    default:
      console.error(`unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describeError(error));
    process.exit(1);
  },
);
