/**
 * Loads the metric dictionary (`data/rules/metrics.tsv`) used by
 * `extractIndicators`. Reading the file is the only I/O here; parsing is pure.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.ts';
import type { MetricRule } from './extract/indicators.ts';

export const DEFAULT_METRIC_RULES_PATH = fileURLToPath(new URL('../data/rules/metrics.tsv', import.meta.url));

/**
 * `metric<TAB>alias|alias…` per line; `#` starts a comment line. A spelling that
 * belongs to two metrics is an error, since a mention of it could not be resolved.
 * @param source named in error messages.
 */
export function parseMetricRules(tsv: string, source: string): MetricRule[] {
  const rules: MetricRule[] = [];
  const owner = new Map<string, string>();
  tsv.split(/\r?\n/u).forEach((rawLine, index) => {
    const line = rawLine.replace(/^\ufeff/u, '').trim();
    if (line.length === 0 || line.startsWith('#')) return;
    const [metricField = '', aliasField = '', ...extra] = line.split('\t');
    const metric = metricField.trim();
    if (metric.length === 0 || extra.length > 0) {
      throw new InputError(
        'INPUT_UNRECOGNISED',
        source,
        `line ${index + 1}: expected "metric<TAB>alias|alias…", got "${rawLine}"`,
      );
    }
    const aliases = aliasField
      .split('|')
      .map((alias) => alias.trim())
      .filter((alias) => alias.length > 0 && alias !== metric);
    for (const spelling of [metric, ...aliases]) {
      const previous = owner.get(spelling);
      if (previous !== undefined && previous !== metric) {
        throw new InputError(
          'INPUT_UNRECOGNISED',
          source,
          `line ${index + 1}: "${spelling}" is already a spelling of ${previous}`,
        );
      }
      owner.set(spelling, metric);
    }
    rules.push({ metric, aliases: [...new Set(aliases)] });
  });
  return rules;
}

export function loadMetricRules(path: string = DEFAULT_METRIC_RULES_PATH): MetricRule[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError('INPUT_NOT_FOUND', path, 'cannot read the metric rules file', { cause: error });
  }
  return parseMetricRules(content, path);
}
