/**
 * `kg`: the command-line entry point (`npm run kg -- …`, or `kg …` through
 * bin/kg.js).
 */
import type { CommandIo } from './command.ts';
import { runCli } from './run.ts';

const io: CommandIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

process.exitCode = await runCli(process.argv.slice(2), io);
