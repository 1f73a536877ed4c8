/**
 * Dispatch of `kg <command>` to the subcommands listed in `registry.ts`,
 * separate from `main.ts` so that tests can run it without a process.
 */
import { describeWithCode } from '../core/errors.ts';
import type { CommandIo } from './command.ts';
import { COMMANDS } from './registry.ts';

function overview(): string {
  const width = Math.max(...COMMANDS.map((entry) => entry.name.length));
  return [
    'Usage: kg <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((entry) => `  ${entry.name.padEnd(width)}  ${entry.summary}`),
    '',
    'Run `kg <command> --help` for the options of a command.',
    '',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  if (!entry) {
    io.stderr(`kg: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  const { command } = await entry.load();
  try {
    return await command.run(rest, io);
  } catch (error) {
    // `[CODE]` from core/errors.ts; INTERNAL for an error nobody raised on purpose (a bug).
    io.stderr(`kg ${name}: ${describeWithCode(error)}\n`);
    return 1;
  }
}
