/**
 * `kg schema print|check`: prints the schema as the server sees it to
 * schema/generated/printed.graphql, or checks that the checked-in copy matches the code
 * (run by the test command).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema, PRINTED_SCHEMA } from '../../api/schema.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { parseCommandArguments } from '../arguments.ts';
import type { Command } from '../command.ts';

const SHOWN = path.relative(PROJECT_ROOT, PRINTED_SCHEMA);

const SUMMARY = `Print the served GraphQL schema to ${SHOWN} (print) or check that it is current (check)`;

const USAGE = `Usage: kg schema print|check
       (or: npm run schema:print, npm run schema:check)

The SDL files of schema/ joined with the resolvers, sorted and printed:

  print   write it to ${SHOWN} (commit the result)
  check   fail when ${SHOWN} differs from what the code serves

Options:
  -h, --help    show this help

Exit status: 0 on success; 1 when check finds the file out of date; 2 on
wrong usage.
`;

function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(buildSchema()))}\n`;
}

async function readIfPresent(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return '';
  }
}

export const command: Command = {
  name: 'schema',
  summary: SUMMARY,
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments(command, args, {}, io);
    if (!parsed.ok) return parsed.exitCode;
    const [action, ...extra] = parsed.positionals;
    if ((action !== 'print' && action !== 'check') || extra.length > 0) {
      const problem = action === undefined ? 'give print or check' : `unexpected "${action === 'print' || action === 'check' ? extra.join(' ') : action}"`;
      io.stderr(`kg schema: ${problem}\n\n${USAGE}`);
      return 2;
    }
    const printed = printedSchema();
    if (action === 'print') {
      await fs.mkdir(path.dirname(PRINTED_SCHEMA), { recursive: true });
      await fs.writeFile(PRINTED_SCHEMA, printed);
      io.stdout(`wrote ${SHOWN}\n`);
      return 0;
    }
    if ((await readIfPresent(PRINTED_SCHEMA)) !== printed) {
      io.stderr(`kg schema: ${SHOWN} is out of date: run "npm run schema:print" (kg schema print) and commit it.\n`);
      return 1;
    }
    io.stdout(`${SHOWN} matches the code.\n`);
    return 0;
  },
};
