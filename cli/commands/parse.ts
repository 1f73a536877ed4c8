/**
 * `kg parse FILE… [--json] [--rules DIR]`: runs read → clean → split →
 * classify → structure on each file and prints the documents found, so a
 * wrong extraction can be traced to the stage that made it.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/config.ts';
import { ExtractionWarning, type KgError } from '../../core/errors.ts';
import { labelUnder } from '../../ingest/input-files.ts';
import type { ParsedDocument, ParsedFile } from '../../ingest/model.ts';
import { parseFiles } from '../../ingest/parse.ts';
import { qualifiedName } from '../../ingest/jurisdiction/index.ts';
import { DEFAULT_RULES_DIR, loadCleanRules, loadPlaceTable } from '../../ingest/rules.ts';
import type { Command } from '../command.ts';
import { parseCommandArguments } from '../arguments.ts';

const USAGE = `Usage: kg parse FILE… [--json] [--rules DIR] [--root DIR]

Parses each file into typed documents and prints, per file, the documents
found (docNo, kind, year, title) with counts of what was structured and the
jurisdiction (the place that issued it, its parents, and what told it).

Options:
  --json        print the full typed structure (ParsedFile[]) as JSON
  --rules DIR   the rule lists (default: ${DEFAULT_RULES_DIR})
  --root DIR    name files (and documents without a docNo) by their path
                under DIR, as kg ingest --root does (default: the project)
  -h, --help    show this help

Exit status: 0 when every file parsed and nothing was left unread; 1 when any
file or document failed (the others are still parsed and printed; errors go to
stderr, naming the file and the reason); 2 on wrong usage; 3 when everything
parsed but with warnings (stderr and, with --json, each file's "warnings"
name the document, the span and the reason): a document that states no year
(read with year null), text no clause was read from (a file cut off
mid-clause), a bracket never closed, responsibility markers outside every
task or item.
`;

/** \`kg parse\` exit statuses (see USAGE). */
export const PARSE_EXIT = { ok: 0, failed: 1, usage: 2, warnings: 3 } as const;

export const command: Command = {
  name: 'parse',
  summary: 'Parse files into typed documents and print what was found (--json for everything)',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseCommandArguments(
      command,
      args,
      {
        json: { type: 'boolean', default: false },
        rules: { type: 'string' },
        root: { type: 'string' },
      },
      io,
      { positionals: 'required' },
    );
    if (!parsed.ok) return parsed.exitCode;
    const { values, positionals } = parsed;
    const rulesDir = values.rules ?? DEFAULT_RULES_DIR;
    const root = path.resolve(values.root ?? PROJECT_ROOT);
    const files = await parseFiles(positionals, await loadCleanRules(rulesDir), await loadPlaceTable(rulesDir), (file) => labelUnder(root, path.resolve(file)));
    for (const file of files) {
      const errors = file.ok ? file.problems : [file.error];
      for (const error of errors) io.stderr(`kg parse: ${error.message} [${error.code}]\n`);
      // A warning names a gap (no year stated, text not read); the document is still read.
      for (const warning of file.ok ? file.warnings : []) io.stderr(`kg parse: warning: ${warning.message} [${warning.code}]\n`);
    }
    io.stdout(values.json ? `${JSON.stringify(files.map(toJson), null, 2)}\n` : renderSummary(files));
    if (!files.every((file) => file.ok && file.problems.length === 0)) return PARSE_EXIT.failed;
    return files.some((file) => file.ok && file.warnings.length > 0) ? PARSE_EXIT.warnings : PARSE_EXIT.ok;
  },
};

/** Errors are class instances; JSON gets their code and message, and the document and span when known. */
function toJson(file: ParsedFile): unknown {
  const plain = (problem: KgError) => ({
    code: problem.code,
    message: problem.message,
    ...(problem instanceof ExtractionWarning ? { documentId: problem.documentId, span: problem.span } : {}),
  });
  if (file.ok) return { ...file, problems: file.problems.map(plain), warnings: file.warnings.map(plain) };
  return { ok: false, path: file.path, error: { code: file.error.code, message: file.error.message } };
}

export function renderSummary(files: readonly ParsedFile[]): string {
  const out: string[] = [];
  for (const file of files) {
    if (!file.ok) {
      out.push(`${file.path}: FAILED ${file.error.code}`, '');
      continue;
    }
    const count = file.documents.length;
    const failed = file.problems.length > 0 ? `, ${file.problems.length} FAILED` : '';
    out.push(`${file.path}: ${count} document${count === 1 ? '' : 's'}${failed}`);
    for (const document of file.documents) {
      out.push(`  ${document.id}  ${document.kind}  ${document.year ?? 'year unknown'}  ${document.title}`);
      out.push(`    ${counts(document)}`);
      out.push(`    jurisdiction ${jurisdictionLine(document)}`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

/** 柳江区 (district, in 柳州市 → 广西壮族自治区; from the title). */
function jurisdictionLine(document: ParsedDocument): string {
  const place = document.jurisdiction;
  if (place === null) return 'unknown';
  const parents: string[] = [];
  for (let parent = place.parent; parent !== null; parent = parent.parent) parents.push(parent.name);
  const within = parents.length > 0 ? `, in ${parents.join(' → ')}` : '';
  return `${qualifiedName(place)} (${place.level}${within}; from the ${place.evidence})`;
}

function counts(document: ParsedDocument): string {
  const parts = [`paragraphs ${document.paragraphs.length}`];
  switch (document.kind) {
    case 'TASK_DIVISION': {
      const clauses = document.tasks.reduce((sum, task) => sum + task.clauses.length, 0);
      parts.push(`sections ${document.sections.length}`, `tasks ${document.tasks.length}`, `clauses ${clauses}`);
      break;
    }
    case 'WORK_REPORT':
      parts.push(
        `sections ${document.sections.length}`,
        `figures ${document.figures.length}`,
        `glossary terms ${document.glossary.length}`,
        `rows ${document.livelihood.length}`,
      );
      break;
    case 'LIVELIHOOD_PLAN':
      parts.push(`rows ${document.livelihood.length}`);
      break;
    case 'LEADER_DIVISION':
      parts.push(`leaders ${document.leaders.length}`);
      break;
    case 'OTHER':
      break;
  }
  if (document.issuedOn) parts.push(`issued ${document.issuedOn}`);
  return parts.join(', ');
}

