/**
 * Argument parsing shared by the `kg` commands: usage errors print the
 * command's usage and exit 2; `--help` / `-h`, which every command accepts,
 * prints it and exits 0.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeError } from '../core/errors.ts';
import type { Command, CommandIo } from './command.ts';

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>>;

const HELP_OPTION = { type: 'boolean', short: 'h', default: false } as const;

export type ArgumentsOutcome<T extends Options> =
  | { readonly ok: true; readonly values: Parsed<T>['values']; readonly positionals: string[] }
  | { readonly ok: false; readonly exitCode: number };

export function parseCommandArguments<T extends Options>(
  command: Pick<Command, 'name' | 'usage'>,
  args: readonly string[],
  options: T,
  io: CommandIo,
  requirement: { readonly positionals: 'required' | 'optional' } = { positionals: 'optional' },
): ArgumentsOutcome<T> {
  let parsed: Parsed<T>;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { ...options, help: HELP_OPTION } });
  } catch (error) {
    io.stderr(`kg ${command.name}: ${describeError(error)}\n\n${command.usage}`);
    return { ok: false, exitCode: 2 };
  }
  if ((parsed.values as Record<string, unknown>)['help'] === true) {
    io.stdout(command.usage);
    return { ok: false, exitCode: 0 };
  }
  if (requirement.positionals === 'required' && parsed.positionals.length === 0) {
    io.stderr(`kg ${command.name}: give at least one file\n\n${command.usage}`);
    return { ok: false, exitCode: 2 };
  }
  return { ok: true, values: parsed.values, positionals: parsed.positionals };
}
