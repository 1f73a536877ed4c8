import { describe, expect, it } from 'vitest';
import { parseAuditArgs, selectYears, type AuditCommand } from '../../audit/options.ts';
import { UserInputError } from '../../core/errors.ts';

function options(args: string[]) {
  const command: AuditCommand = parseAuditArgs(args);
  if (command.kind !== 'overlaps') throw new Error('expected overlaps');
  return command.options;
}

function failure(args: string[]): string {
  try {
    parseAuditArgs(args);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${args.join(' ')}`);
}

describe('kg audit arguments', () => {
  it('defaults to every year, Markdown, the local API and standard output', () => {
    expect(options(['overlaps'])).toEqual({ years: { kind: 'all' }, format: 'md', apiUrl: null, out: null });
  });

  it('reads one year, a range, or an open range, with --flag value and --flag=value', () => {
    expect(options(['overlaps', '--year', '2024']).years).toEqual({ kind: 'range', from: 2024, to: 2024 });
    expect(options(['overlaps', '--from=2023', '--to', '2026']).years).toEqual({ kind: 'range', from: 2023, to: 2026 });
    expect(options(['overlaps', '--from', '2024']).years).toEqual({ kind: 'from', from: 2024 });
    expect(options(['overlaps', '--to', '2024']).years).toEqual({ kind: 'to', to: 2024 });
  });

  it('reads the format, API URL and output', () => {
    expect(options(['overlaps', '--format', 'json', '--api', 'http://kg.example:8080/graphql', '--out', 'audit.json'])).toEqual({
      years: { kind: 'all' },
      format: 'json',
      apiUrl: 'http://kg.example:8080/graphql',
      out: 'audit.json',
    });
  });

  it('shows help for no arguments, help, -h and --help', () => {
    for (const args of [[], ['help'], ['--help'], ['overlaps', '-h']]) expect(parseAuditArgs(args)).toEqual({ kind: 'help' });
  });

  it('rejects years outside 1949–2100 and anything that is not a year', () => {
    expect(failure(['overlaps', '--year', '1948'])).toMatch(/--year 1948 is out of range: years from 1949 to 2100/);
    expect(failure(['overlaps', '--to', '2101'])).toMatch(/--to 2101 is out of range/);
    expect(failure(['overlaps', '--from', '24'])).toMatch(/--from expects a four-digit year, got "24"/);
    expect(failure(['overlaps', '--year', '2024.5'])).toMatch(/four-digit year/);
  });

  it('rejects a range that runs backwards, and --year with a range', () => {
    expect(failure(['overlaps', '--from', '2026', '--to', '2024'])).toBe('bad year range: --from 2026 is after --to 2024');
    expect(failure(['overlaps', '--year', '2024', '--from', '2023'])).toMatch(/--year cannot be combined with --from or --to/);
  });

  it('rejects unknown formats, bad URLs, unknown options, repeated and valueless flags', () => {
    expect(failure(['overlaps', '--format', 'xlsx'])).toBe('--format expects one of md, csv, json, got "xlsx"');
    expect(failure(['overlaps', '--api', 'localhost:4000'])).toMatch(/--api expects an http\(s\) URL/);
    expect(failure(['overlaps', '--api', 'not a url'])).toMatch(/--api expects an http\(s\) URL such as/);
    expect(failure(['overlaps', '--verbose'])).toMatch(/unknown option "--verbose"/);
    expect(failure(['overlaps', '-x'])).toMatch(/unknown option "-x"/);
    expect(failure(['overlaps', '2024'])).toMatch(/unexpected argument "2024"/);
    expect(failure(['overlaps', '--year', '2024', '--year', '2026'])).toBe('--year is given more than once');
    expect(failure(['overlaps', '--out'])).toBe('--out needs a value');
    expect(failure(['overlaps', '--out', '--format', 'md'])).toBe('--out needs a value');
    expect(failure(['drift'])).toMatch(/unknown audit "drift": the only audit is "overlaps"/);
  });

  it('needs a directory for CSV, which is one file per section', () => {
    expect(failure(['overlaps', '--format', 'csv'])).toMatch(/--format csv writes one file per section: give --out DIRECTORY/);
    expect(options(['overlaps', '--format', 'csv', '--out', 'audit-csv']).out).toBe('audit-csv');
  });
});

describe('selectYears', () => {
  const available = [2026, 2017, 2024, 2023, 2024, 2020];
  it('keeps the available years inside the selection, oldest first, once each', () => {
    expect(selectYears({ kind: 'all' }, available)).toEqual([2017, 2020, 2023, 2024, 2026]);
    expect(selectYears({ kind: 'range', from: 2021, to: 2025 }, available)).toEqual([2023, 2024]);
    expect(selectYears({ kind: 'from', from: 2024 }, available)).toEqual([2024, 2026]);
    expect(selectYears({ kind: 'to', to: 2020 }, available)).toEqual([2017, 2020]);
    expect(selectYears({ kind: 'range', from: 2025, to: 2025 }, available)).toEqual([]);
  });
});
