/**
 * `kg audit overlaps` arguments → validated options. Pure: every mistake is a
 * UserInputError whose message names the flag and says what would be accepted.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FIRST_YEAR, LAST_YEAR } from '../api/input.ts';
import { UserInputError } from '../core/errors.ts';

export const AUDIT_FORMATS = ['md', 'csv', 'json'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** Which years to audit: every year the API has data for, or a closed range. */
export type YearSelection =
  | { readonly kind: 'all' }
  | { readonly kind: 'range'; readonly from: number; readonly to: number }
  | { readonly kind: 'from'; readonly from: number }
  | { readonly kind: 'to'; readonly to: number };

export interface AuditOptions {
  readonly years: YearSelection;
  readonly format: AuditFormat;
  /** GraphQL endpoint; null means the default local server. */
  readonly apiUrl: string | null;
  /** File (md, json) or directory (csv) to write; null writes to standard output. */
  readonly out: string | null;
}

export type AuditCommand = { readonly kind: 'help' } | { readonly kind: 'overlaps'; readonly options: AuditOptions };

export const AUDIT_USAGE = `Usage: kg audit overlaps [--year Y | --from Y1 --to Y2] [--format md|csv|json] [--api URL] [--out FILE]

Audits responsibility overlaps through the GraphQL API:
joint leads, co-lead pairs, lead drift across years, agencies overseen by
several leaders, lead load per agency, and 为民办实事 overlaps.

  --year Y          one year (${FIRST_YEAR}–${LAST_YEAR})
  --from Y1         first year (default: the earliest year the API has data for)
  --to Y2           last year (default: the latest year the API has data for)
  --format F        md (default, for people), csv (one file per section,
                    UTF-8 with BOM for Excel) or json (for scripts)
  --api URL         GraphQL endpoint (default: the local server, http://127.0.0.1:4000/graphql)
  --out PATH        write to PATH instead of standard output; for csv PATH is
                    a directory (created if missing) and is required
  -h, --help        show this help

Exit codes: 0 the report was written, 1 an error (message on standard error).
`;

const VALUE_FLAGS = ['--year', '--from', '--to', '--format', '--api', '--out'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

/** The flags for node:util parseArgs; `multiple` so that a flag given twice is seen (and refused). */
const PARSE_OPTIONS = {
  year: { type: 'string', multiple: true },
  from: { type: 'string', multiple: true },
  to: { type: 'string', multiple: true },
  format: { type: 'string', multiple: true },
  api: { type: 'string', multiple: true },
  out: { type: 'string', multiple: true },
} as const satisfies ParseArgsConfig['options'];

function isValueFlag(flag: string): flag is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(flag);
}

export function parseYear(flag: string, raw: string): number {
  if (!/^\d{4}$/.test(raw)) throw new UserInputError(`${flag} expects a four-digit year, got "${raw}"`);
  const year = Number(raw);
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    throw new UserInputError(`${flag} ${year} is out of range: years from ${FIRST_YEAR} to ${LAST_YEAR} are accepted`);
  }
  return year;
}

function parseFormat(raw: string): AuditFormat {
  const format = AUDIT_FORMATS.find((candidate) => candidate === raw);
  if (format === undefined) throw new UserInputError(`--format expects one of ${AUDIT_FORMATS.join(', ')}, got "${raw}"`);
  return format;
}

function parseApiUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UserInputError(`--api expects an http(s) URL such as http://127.0.0.1:4000/graphql, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserInputError(`--api expects an http(s) URL, got the scheme "${url.protocol}"`);
  }
  return url.toString();
}

/**
 * `--flag value` and `--flag=value`, read by node:util parseArgs; its tokens
 * give the checks their words: an unknown option or a stray argument, a flag
 * without a value (or whose value is the next flag), a flag given twice —
 * each an error rather than a silent override.
 */
function readFlags(args: readonly string[]): Map<ValueFlag, string> {
  const { tokens } = parseArgs({ args: [...args], options: PARSE_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const values = new Map<ValueFlag, string>();
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') throw new UserInputError(`unexpected argument "${token.value}". Run "kg audit --help" for the options.`);
    const flag = `--${token.name}`;
    if (token.rawName !== flag || !isValueFlag(flag)) {
      throw new UserInputError(`unknown option "${args[token.index] ?? token.rawName}". Run "kg audit --help" for the options.`);
    }
    const value = token.value;
    if (value === undefined || value === '' || (value.startsWith('--') && !token.inlineValue)) throw new UserInputError(`${flag} needs a value`);
    if (values.has(flag)) throw new UserInputError(`${flag} is given more than once`);
    values.set(flag, value);
  }
  return values;
}

function yearSelection(flags: Map<ValueFlag, string>): YearSelection {
  const year = flags.get('--year');
  const fromRaw = flags.get('--from');
  const toRaw = flags.get('--to');
  if (year !== undefined) {
    if (fromRaw !== undefined || toRaw !== undefined) {
      throw new UserInputError('--year cannot be combined with --from or --to; use --from Y1 --to Y2 for a range');
    }
    const single = parseYear('--year', year);
    return { kind: 'range', from: single, to: single };
  }
  const from = fromRaw === undefined ? null : parseYear('--from', fromRaw);
  const to = toRaw === undefined ? null : parseYear('--to', toRaw);
  if (from !== null && to !== null) {
    if (from > to) throw new UserInputError(`bad year range: --from ${from} is after --to ${to}`);
    return { kind: 'range', from, to };
  }
  if (from !== null) return { kind: 'from', from };
  if (to !== null) return { kind: 'to', to };
  return { kind: 'all' };
}

/** `args` are the words after `kg audit`. */
export function parseAuditArgs(args: readonly string[]): AuditCommand {
  if (args.length === 0 || args.includes('--help') || args.includes('-h') || args[0] === 'help') return { kind: 'help' };
  const [subcommand, ...rest] = args;
  if (subcommand !== 'overlaps') {
    throw new UserInputError(`unknown audit "${subcommand ?? ''}": the only audit is "overlaps". Run "kg audit --help".`);
  }
  const flags = readFlags(rest);
  const format = parseFormat(flags.get('--format') ?? 'md');
  const apiRaw = flags.get('--api');
  const out = flags.get('--out') ?? null;
  if (format === 'csv' && out === null) {
    throw new UserInputError('--format csv writes one file per section: give --out DIRECTORY (created if missing)');
  }
  return {
    kind: 'overlaps',
    options: { years: yearSelection(flags), format, apiUrl: apiRaw === undefined ? null : parseApiUrl(apiRaw), out },
  };
}

/** The years of `available` that the selection keeps, oldest first. */
export function selectYears(selection: YearSelection, available: readonly number[]): number[] {
  const inSelection = (year: number): boolean => {
    switch (selection.kind) {
      case 'all':
        return true;
      case 'range':
        return year >= selection.from && year <= selection.to;
      case 'from':
        return year >= selection.from;
      case 'to':
        return year <= selection.to;
    }
  };
  return [...new Set(available)].filter(inSelection).sort((a, b) => a - b);
}

export function describeSelection(selection: YearSelection): string {
  switch (selection.kind) {
    case 'all':
      return 'all years';
    case 'range':
      return selection.from === selection.to ? String(selection.from) : `${selection.from}–${selection.to}`;
    case 'from':
      return `${selection.from} onwards`;
    case 'to':
      return `up to ${selection.to}`;
  }
}
