/**
 * Parses the metric dictionary (`data/rules/metrics.tsv`) used by
 * `extractIndicators`; `ingest/rules.ts` reads the file.
 */

import { KgError } from '../../core/errors.ts';
import type { MetricRule } from './indicators.ts';

/**
 * `metric<TAB>alias|alias…[<TAB>part|part…]` per line; `#` starts a comment line.
 * The optional third field makes the line a collective name for the listed
 * metrics (which must be defined too). A spelling that belongs to two metrics is
 * an error, since a mention of it could not be resolved.
 * @param source named in error messages.
 */
export function parseMetricRules(tsv: string, source: string): MetricRule[] {
  const rules: MetricRule[] = [];
  const owner = new Map<string, string>();
  const partsToCheck: { line: number; parts: string[] }[] = [];
  tsv.split(/\r?\n/u).forEach((rawLine, index) => {
    const line = rawLine.replace(/^\ufeff/u, '').trim();
    if (line.length === 0 || line.startsWith('#')) return;
    const [metricField = '', aliasField = '', partsField = '', ...extra] = line.split('\t');
    const metric = metricField.trim();
    if (metric.length === 0 || extra.length > 0) {
      throw new KgError(
        'CONFIG_INVALID',
        `${source}:${index + 1}: expected "metric<TAB>alias|alias…[<TAB>part|part…]", got "${rawLine}"`,
      );
    }
    const parts = partsField
      .split('|')
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
    if (parts.length > 0) partsToCheck.push({ line: index + 1, parts });
    const aliases = aliasField
      .split('|')
      .map((alias) => alias.trim())
      .filter((alias) => alias.length > 0 && alias !== metric);
    for (const spelling of [metric, ...aliases]) {
      const previous = owner.get(spelling);
      if (previous !== undefined && previous !== metric) {
        throw new KgError('CONFIG_INVALID', `${source}:${index + 1}: "${spelling}" is already a spelling of ${previous}`);
      }
      owner.set(spelling, metric);
    }
    rules.push(parts.length > 0 ? { metric, aliases: [...new Set(aliases)], parts } : { metric, aliases: [...new Set(aliases)] });
  });
  for (const { line, parts } of partsToCheck) {
    const unknown = parts.find((part) => !rules.some((rule) => rule.metric === part && rule.parts === undefined));
    if (unknown !== undefined) {
      throw new KgError('CONFIG_INVALID', `${source}:${line}: "${unknown}" is not a metric defined in this file`);
    }
  }
  return rules;
}
