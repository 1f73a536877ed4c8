/**
 * The one module that reads the editable rule files of `data/rules/` (or
 * KG_RULES_DIR), once per run. Every stage receives its rules as plain data
 * and stays pure; each rule family's parser lives next to the code using it.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config.ts';
import { KgError } from '../core/errors.ts';
import type { CleanRules } from './clean/index.ts';
import {
  parseEntityList,
  parseEntityPatterns,
  parseGenericNames,
  parseStopWords,
  parseWordList,
  type Gazetteer,
} from './extract/gazetteer.ts';
import type { MetricRule } from './extract/indicators.ts';
import { parseMetricRules } from './extract/metric-rules.ts';
import { parseAgencyFacts, type AgencyFacts } from './resolve/agency-facts.ts';
import { parsePlaceTable, type PlaceTable } from './jurisdiction/index.ts';

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

/**
 * The text of one rule file. An optional list the user deleted means "no such
 * rules"; a required file that is missing is a configuration error naming it.
 */
async function readRuleFile(dir: string, name: string, presence: 'required' | 'optional'): Promise<string> {
  const file = path.join(dir, name);
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    if (presence === 'optional' && cause instanceof Error && 'code' in cause && cause.code === 'ENOENT') return '';
    throw new KgError('CONFIG_INVALID', `${file}: cannot read the rule file`, { cause });
  }
}

/**
 * The texts of several required rule files, read concurrently. When some
 * cannot be read, the error names the first of them in `names` order, not
 * whichever read happened to fail first.
 */
async function readRequiredFiles(dir: string, names: readonly string[]): Promise<string[]> {
  const results = await Promise.allSettled(names.map((name) => readRuleFile(dir, name, 'required')));
  return results.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
}

async function readList(dir: string, name: string, flags: string): Promise<RuleEntry[]> {
  return parseRuleList(await readRuleFile(dir, name, 'optional'), path.join(dir, name), flags);
}

async function checkRulesDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new KgError('CONFIG_INVALID', `${dir}: the rules directory does not exist`);
}

const literals = (entries: readonly RuleEntry[]): string[] =>
  entries.flatMap((entry) => (entry.kind === 'literal' ? [entry.text] : []));
const patterns = (entries: readonly RuleEntry[]): RegExp[] =>
  entries.flatMap((entry) => (entry.kind === 'pattern' ? [entry.pattern] : []));

/** The cleaner's lists: noise strings, running headers, heading endings. */
export async function loadCleanRules(dir: string = DEFAULT_RULES_DIR): Promise<CleanRules> {
  await checkRulesDirectory(dir);
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

/** Companies, parks, projects, entity patterns and the word lists that trim pattern hits. */
export async function loadGazetteer(dir: string = DEFAULT_RULES_DIR): Promise<Gazetteer> {
  await checkRulesDirectory(dir);
  const [companies = '', parks = '', projects = '', patterns = '', stopWords = '', genericNames = '', placeUnits = ''] = await readRequiredFiles(dir, [
    'companies.txt',
    'parks.txt',
    'projects.txt',
    'entity-patterns.tsv',
    'name-stop-words.txt',
    'generic-names.txt',
    'place-units.txt',
  ]);
  return {
    companies: parseEntityList(companies, path.join(dir, 'companies.txt')),
    parks: parseEntityList(parks, path.join(dir, 'parks.txt')),
    projects: parseEntityList(projects, path.join(dir, 'projects.txt')),
    terms: [],
    patterns: parseEntityPatterns(patterns, path.join(dir, 'entity-patterns.tsv')),
    stopWords: parseStopWords(stopWords),
    genericNames: parseGenericNames(genericNames),
    placeUnits: parseWordList(placeUnits),
  };
}

/** Curated agency facts (`agency-facts.tsv`) and the name rules (`agency-names.tsv`). */
export async function loadAgencyFacts(dir: string = DEFAULT_RULES_DIR): Promise<AgencyFacts> {
  await checkRulesDirectory(dir);
  const [facts = '', names = ''] = await readRequiredFiles(dir, ['agency-facts.tsv', 'agency-names.tsv']);
  return parseAgencyFacts(facts, names, path.join(dir, 'agency-facts.tsv'), path.join(dir, 'agency-names.tsv'));
}

/** The metric dictionary of indicator extraction (`metrics.tsv`). */
export async function loadMetricRules(dir: string = DEFAULT_RULES_DIR): Promise<MetricRule[]> {
  await checkRulesDirectory(dir);
  return parseMetricRules(await readRuleFile(dir, 'metrics.tsv', 'required'), path.join(dir, 'metrics.tsv'));
}

/**
 * The place table (`jurisdictions.tsv`). Optional: without it places are still
 * read from their names, only without the table's parents and abbreviations.
 */
export async function loadPlaceTable(dir: string = DEFAULT_RULES_DIR): Promise<PlaceTable> {
  await checkRulesDirectory(dir);
  return parsePlaceTable(await readRuleFile(dir, 'jurisdictions.tsv', 'optional'), path.join(dir, 'jurisdictions.tsv'));
}

/** Stop words of cross-document linking (`stopwords.txt`): one word per line. */
export async function loadStopwords(dir: string = DEFAULT_RULES_DIR): Promise<Set<string>> {
  await checkRulesDirectory(dir);
  return new Set(parseWordList(await readRuleFile(dir, 'stopwords.txt', 'required')));
}

/**
 * A short fingerprint of the extraction code version and every rule file:
 * documents loaded under another fingerprint are re-processed.
 */
export async function rulesFingerprint(dir: string, codeVersion: string): Promise<string> {
  await checkRulesDirectory(dir);
  const hash = createHash('sha256').update(`code:${codeVersion}\n`);
  for (const name of (await readdir(dir)).sort()) {
    hash.update(`${name}\n`);
    hash.update(await readFile(path.join(dir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}
