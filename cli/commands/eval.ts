/**
 * `kg eval [FOLDER] [--details] [--json] [--rules DIR]`: runs the pipeline on
 * every document of FOLDER that has an `*.expected.json` beside it and prints
 * precision / recall / F1 per family and per role, plus every miss and false
 * hit with its file and span.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/config.ts';
import { runEvaluation } from '../../evaluation/run.ts';
import { renderRun } from '../../evaluation/report.ts';
import { DEFAULT_RULES_DIR, loadCleanRules, loadMetricRules, loadPlaceTable } from '../../ingest/rules.ts';
import { parseCommandArguments } from '../arguments.ts';
import type { Command } from '../command.ts';

const DEFAULT_FOLDER = path.join(PROJECT_ROOT, 'test', 'fixtures', 'families');

const USAGE = `Usage: kg eval [FOLDER] [--details] [--json] [--rules DIR]

Runs read → clean → split → classify → structure → extract on every document
in FOLDER (default: test/fixtures/families) that has a NAME.expected.json
beside it, and scores the result per family and per role (lead, supporting,
responsible, deadline, livelihood units, leader facts, targets, actuals,
kind, year, jurisdiction).

Options:
  --details     also print every miss and false hit, with its file and span
  --json        print the scores and discrepancies as JSON
  --rules DIR   the rule lists (default: ${DEFAULT_RULES_DIR})
  -h, --help    show this help

Exit status: 0 when every fixture was scored; 1 when a fixture or an expected
file could not be read; 2 on wrong usage.
`;

export const command: Command = {
  name: 'eval',
  summary: 'Score extraction against hand-checked expected files (precision / recall / F1 per family and role)',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments(
      command,
      args,
      { details: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, rules: { type: 'string' } },
      io,
      { positionals: 'optional' },
    );
    if (!parsed.ok) return parsed.exitCode;
    const { values, positionals } = parsed;
    const rulesDir = values.rules ?? DEFAULT_RULES_DIR;
    const run = await runEvaluation({
      root: positionals[0] ?? DEFAULT_FOLDER,
      cleanRules: await loadCleanRules(rulesDir),
      metrics: await loadMetricRules(rulesDir),
      places: await loadPlaceTable(rulesDir),
    });
    if (values.json) {
      io.stdout(
        `${JSON.stringify(
          {
            files: run.files,
            rejected: run.rejected,
            byRole: Object.fromEntries(run.evaluation.byRole),
            byFamily: Object.fromEntries([...run.evaluation.byFamily].map(([family, roles]) => [family, Object.fromEntries(roles)])),
            discrepancies: run.evaluation.discrepancies,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      io.stdout(renderRun(run, { details: values.details }));
    }
    return 0;
  },
};
