/**
 * `kg entities FILE… [--suspicious] [--json]`: parses the files, resolves their
 * agency names exactly as `kg ingest` does (annotations, livelihood tables,
 * leader lists and agencies named in prose), and prints the agencies they resolve to (canonical name, kind, aliases, renames),
 * or with `--suspicious` the look-alike names that were NOT merged, for a human
 * to settle by adding an alias or rename to data/rules/agency-facts.tsv.
 */
import { createIngestContext } from '../../ingest/context.ts';
import { parseFiles } from '../../ingest/parse.ts';
import { expandInputPaths } from '../../ingest/input-files.ts';
import type { AgencyRegistry } from '../../ingest/resolve/agencies/index.ts';
import { DEFAULT_RULES_DIR, loadCleanRules, loadPlaceTable } from '../../ingest/rules.ts';
import { parseCommandArguments } from '../arguments.ts';
import type { Command } from '../command.ts';

const SUMMARY = 'Resolve the agency names in files to one agency per organisation (--suspicious: look-alikes not merged)';

const USAGE = `Usage: kg entities FILE… [--suspicious] [--json] [--rules DIR]

Parses each file, collects the agency names of lead annotations, livelihood
tables and leaders' lists, and prints one line per agency: canonical name,
kind, mentions, years, aliases and rename.

Options:
  --suspicious  print instead the pairs of agencies whose names look alike but
                were not merged (similar spelling, one name inside the other,
                possible rename), most alike first
  --json        print the agencies (or pairs) as JSON
  --rules DIR   the rule files: cleaner lists, agency-facts.tsv (curated aliases
                and renames), agency-names.tsv (suffixes, infixes, kinds)
                (default: ${DEFAULT_RULES_DIR})
  -h, --help    show this help

Exit status: 0 when every file parsed; 1 when any failed (the others are still
used; errors go to stderr); 2 on wrong usage.
`;

function yearRange(years: readonly number[]): string {
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return 'not observed';
  return first === last ? String(first) : `${first}–${last}`;
}

function renderAgencies(registry: AgencyRegistry): string {
  const byId = new Map(registry.agencies.map((agency) => [agency.id, agency]));
  const lines = registry.agencies.map((agency) => {
    const parts = [`${agency.name}  [${agency.kind}]  ${agency.mentions}×  ${yearRange(agency.years)}`];
    if (agency.aliases.length > 0) parts.push(`aliases: ${agency.aliases.join('、')}`);
    if (agency.renamedTo !== null) {
      parts.push(`renamed ${agency.renamedTo.year} → ${byId.get(agency.renamedTo.id)?.name ?? agency.renamedTo.id}`);
    }
    return parts.join('  ');
  });
  return `${lines.join('\n')}\n${registry.agencies.length} agencies\n`;
}

function renderSuspicious(registry: AgencyRegistry): string {
  const lines = registry.suspicious.map(
    (pair) =>
      `${pair.similarity.toFixed(2)}  ${pair.reason.padEnd(16)}  ${pair.a.name} (${pair.a.mentions}×, ${yearRange(pair.a.years)})  ~  ${pair.b.name} (${pair.b.mentions}×, ${yearRange(pair.b.years)})`,
  );
  return `${lines.join('\n')}\n${registry.suspicious.length} look-alike pairs not merged\n`;
}

export const command: Command = {
  name: 'entities',
  summary: SUMMARY,
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments(
      command,
      args,
      {
        suspicious: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        rules: { type: 'string' },
      },
      io,
      { positionals: 'required' },
    );
    if (!parsed.ok) return parsed.exitCode;
    const { values, positionals } = parsed;
    const rulesDir = values.rules ?? DEFAULT_RULES_DIR;
    const files = await parseFiles(await expandInputPaths(positionals), await loadCleanRules(rulesDir), await loadPlaceTable(rulesDir));
    for (const file of files) {
      const errors = file.ok ? file.problems : [file.error];
      for (const error of errors) io.stderr(`kg entities: ${error.message} [${error.code}]\n`);
    }
    const documents = files.flatMap((file) => (file.ok ? file.documents : []));
    const { registry } = await createIngestContext(documents, rulesDir);
    if (values.json) {
      const payload = values.suspicious
        ? registry.suspicious.map((pair) => ({ a: pair.a.id, b: pair.b.id, reason: pair.reason, similarity: pair.similarity }))
        : registry.agencies;
      io.stdout(`${JSON.stringify(payload, null, 2)}\n`);
    } else {
      io.stdout(values.suspicious ? renderSuspicious(registry) : renderAgencies(registry));
    }
    return files.every((file) => file.ok) ? 0 : 1;
  },
};
