/**
 * `kg entities FILE… [--suspicious] [--json]`: parses the files, collects every
 * agency name their annotations, livelihood tables and leader lists carry, and
 * prints the agencies they resolve to (canonical name, kind, aliases, renames),
 * or with `--suspicious` the look-alike names that were NOT merged, for a human
 * to settle by adding an alias or rename to data/rules/agency-facts.tsv.
 */
import { documentAgencyMentions } from '../../extract/dictionary.ts';
import type { ParsedFile } from '../../model.ts';
import { parseFiles } from '../../parse.ts';
import { expandInputPaths } from '../../input-files.ts';
import { resolveAgencies, type AgencyRegistry, type ObservedAgencyName } from '../../resolve/agencies.ts';
import { DEFAULT_RULES_DIR, loadAgencyFacts, loadCleanRules } from '../../rules.ts';
import { parseCommandArguments } from '../arguments.ts';
import type { Command, CommandIo } from '../command.ts';

const SUMMARY = 'Resolve the agency names in files to one agency per organisation (--suspicious: look-alikes not merged)';

const USAGE = `Usage: kg entities FILE… [--suspicious] [--json] [--rules DIR] [--facts FILE] [--names FILE]

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

/** Every agency name the parsed documents carry, with the document's year. */
export function observedAgencyNames(files: readonly ParsedFile[]): ObservedAgencyName[] {
  return files.flatMap((file) =>
    file.ok
      ? file.documents.flatMap((document) =>
          documentAgencyMentions(document).map((mention) => ({
            name: mention.name,
            written: mention.written,
            year: document.year,
          })),
        )
      : [],
  );
}

function yearRange(years: readonly number[]): string {
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return 'not observed';
  return first === last ? String(first) : `${first}–${last}`;
}

export function renderAgencies(registry: AgencyRegistry): string {
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

export function renderSuspicious(registry: AgencyRegistry): string {
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
    const [rules, facts] = await Promise.all([loadCleanRules(rulesDir), loadAgencyFacts(rulesDir)]);
    const files = await parseFiles(await expandInputPaths(positionals), rules);
    for (const file of files) {
      if (!file.ok) io.stderr(`kg entities: ${file.error.message} [${file.error.code}]\n`);
    }
    const registry = resolveAgencies(observedAgencyNames(files), facts);
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

const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Runs `kg entities` with the process's output streams; returns the exit code. */
export async function runEntitiesCommand(args: string[]): Promise<number> {
  return command.run(args, processIo);
}
