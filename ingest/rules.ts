/**
 * Loads the cleaner's editable rule lists from `data/rules/` (I/O, once per
 * run); `cleanText` itself stays pure and receives them as `CleanRules`.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config.ts';
import { KgError } from '../core/errors.ts';
import type { CleanRules } from './clean.ts';

export const DEFAULT_RULES_DIR = path.join(PROJECT_ROOT, 'data', 'rules');

/** One entry of a rule list: a literal, or a `re:` pattern. */
type RuleEntry = { readonly kind: 'literal'; readonly text: string } | { readonly kind: 'pattern'; readonly pattern: RegExp };

/**
 * Parses a rule list: one entry per line, `#` comments, blank lines ignored,
 * `re:` prefix for a regular expression compiled with `flags`.
 */
export function parseRuleList(source: string, file: string, flags: string): RuleEntry[] {
  const entries: RuleEntry[] = [];
  source.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith('#')) return;
    if (!line.startsWith('re:')) {
      entries.push({ kind: 'literal', text: line });
      return;
    }
    try {
      entries.push({ kind: 'pattern', pattern: new RegExp(line.slice(3), flags) });
    } catch (cause) {
      throw new KgError('CONFIG_INVALID', `${file}:${index + 1}: invalid regular expression (${String(cause)})`, { cause });
    }
  });
  return entries;
}

async function readList(dir: string, name: string, flags: string): Promise<RuleEntry[]> {
  const file = path.join(dir, name);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (cause) {
    // A list the user deleted means "no such rules".
    if (cause instanceof Error && 'code' in cause && cause.code === 'ENOENT') return [];
    throw new KgError('CONFIG_INVALID', `${file}: cannot read the rule list`, { cause });
  }
  return parseRuleList(source, file, flags);
}

const literals = (entries: readonly RuleEntry[]): string[] =>
  entries.flatMap((entry) => (entry.kind === 'literal' ? [entry.text] : []));
const patterns = (entries: readonly RuleEntry[]): RegExp[] =>
  entries.flatMap((entry) => (entry.kind === 'pattern' ? [entry.pattern] : []));

export async function loadCleanRules(dir: string = DEFAULT_RULES_DIR): Promise<CleanRules> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new KgError('CONFIG_INVALID', `${dir}: the rules directory does not exist`);
  const [noise, headers, endings] = await Promise.all([
    readList(dir, 'noise.txt', 'gu'),
    readList(dir, 'running-headers.txt', 'u'),
    readList(dir, 'heading-endings.txt', 'u'),
  ]);
  return {
    noiseStrings: literals(noise),
    noisePatterns: patterns(noise),
    runningHeaderLines: literals(headers),
    runningHeaderPatterns: patterns(headers),
    headingEndings: literals(endings),
  };
}
