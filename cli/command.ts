/**
 * The shape of a `kg` subcommand. Each lives in its own module under
 * `commands/` and is listed in `registry.ts`; it gets its arguments (after the
 * command name) and output streams, and returns the process exit code.
 */

export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface Command {
  readonly name: string;
  /** One line for `kg --help`. */
  readonly summary: string;
  /** Full usage text for `kg <name> --help`. */
  readonly usage: string;
  run(args: readonly string[], io: CommandIo): Promise<number>;
}
