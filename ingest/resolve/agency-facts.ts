/**
 * The curated knowledge agency resolution needs but cannot infer from names:
 * `data/rules/agency-facts.tsv` (cities, explicit aliases, renames) and the
 * general name-shape rules in `data/rules/agency-names.tsv` (generic suffixes,
 * droppable infixes, kind patterns). Parsing is pure (`parseAgencyFacts`);
 * `ingest/rules.ts` reads the files (`loadAgencyFacts`).
 */

import { KgError } from '../../core/errors.ts';
import { dataLines } from '../extract/gazetteer.ts';

export const AGENCY_KINDS = [
  'department',
  'district-government',
  'park-committee',
  'mass-organisation',
  'state-company',
  'central-unit',
  /** Several bodies addressed together (各县区人民政府, 市人民政府各部门). */
  'collective',
  'other',
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Two spellings of one organisation that the general rules cannot join. */
export interface AliasFact {
  readonly alias: string;
  readonly canonical: string;
  readonly note: string | null;
}

/** `from` was renamed `to`; `year` is the first plan year using the new name. */
export interface RenameFact {
  readonly from: string;
  readonly to: string;
  readonly year: number;
  readonly note: string | null;
}

export interface KindRule {
  readonly kind: AgencyKind;
  readonly pattern: RegExp;
}

export interface AgencyFacts {
  /** City names that may precede 市 (柳州 in 柳州市财政局). */
  readonly cities: readonly string[];
  readonly aliases: readonly AliasFact[];
  readonly renames: readonly RenameFact[];
  /** Generic endings (局, 管委会, 人民政府 …), longest first. */
  readonly suffixes: readonly string[];
  /** Words official short names may drop (管理 in 市应急管理局 → 市应急局). */
  readonly optionalInfixes: readonly string[];
  /** First match wins; no match means `other`. */
  readonly kindRules: readonly KindRule[];
}

interface Line {
  readonly number: number;
  readonly fields: readonly string[];
}

/** The data lines of a TAB-separated rule file, fields trimmed. */
function fieldLines(text: string): Line[] {
  return dataLines(text).map(({ line, lineNumber }) => ({ number: lineNumber, fields: line.split('\t').map((field) => field.trim()) }));
}

function invalid(source: string, line: number, reason: string): KgError {
  return new KgError('CONFIG_INVALID', `${source}:${line}: ${reason}`);
}

function isAgencyKind(value: string): value is AgencyKind {
  return (AGENCY_KINDS as readonly string[]).includes(value);
}

function required(fields: readonly string[], index: number, what: string, source: string, line: number): string {
  const value = fields[index];
  if (value === undefined || value === '') throw invalid(source, line, `missing ${what}`);
  return value;
}

/**
 * Parses the two rule files. `factsSource` and `namesSource` name the files in
 * error messages. Throws a `KgError` with code CONFIG_INVALID naming the file
 * and line of the first malformed entry.
 */
export function parseAgencyFacts(
  factsText: string,
  namesText: string,
  factsSource = 'agency-facts.tsv',
  namesSource = 'agency-names.tsv',
): AgencyFacts {
  const cities: string[] = [];
  const aliases: AliasFact[] = [];
  const renames: RenameFact[] = [];
  for (const { number, fields } of fieldLines(factsText)) {
    const type = fields[0];
    if (type === 'city') {
      cities.push(required(fields, 1, 'city name', factsSource, number));
    } else if (type === 'alias') {
      const alias = required(fields, 1, 'alias', factsSource, number);
      const canonical = required(fields, 2, 'canonical name', factsSource, number);
      if (alias === canonical) throw invalid(factsSource, number, `alias ${alias} is its own canonical name`);
      aliases.push({ alias, canonical, note: fields[3] || null });
    } else if (type === 'rename') {
      const from = required(fields, 1, 'old name', factsSource, number);
      const to = required(fields, 2, 'new name', factsSource, number);
      const yearText = required(fields, 3, 'year', factsSource, number);
      if (!/^\d{4}$/.test(yearText)) throw invalid(factsSource, number, `year must be four digits, got ${yearText}`);
      if (from === to) throw invalid(factsSource, number, `rename of ${from} to itself`);
      renames.push({ from, to, year: Number(yearText), note: fields[4] || null });
    } else {
      throw invalid(factsSource, number, `unknown fact type ${type ?? ''} (expected city, alias or rename)`);
    }
  }

  const suffixes: string[] = [];
  const optionalInfixes: string[] = [];
  const kindRules: KindRule[] = [];
  for (const { number, fields } of fieldLines(namesText)) {
    const type = fields[0];
    if (type === 'suffix') {
      suffixes.push(required(fields, 1, 'suffix', namesSource, number));
    } else if (type === 'infix') {
      optionalInfixes.push(required(fields, 1, 'infix', namesSource, number));
    } else if (type === 'kind') {
      const kind = required(fields, 1, 'kind', namesSource, number);
      if (!isAgencyKind(kind)) throw invalid(namesSource, number, `unknown kind ${kind} (expected one of ${AGENCY_KINDS.join(', ')})`);
      const source = required(fields, 2, 'regular expression', namesSource, number);
      let pattern: RegExp;
      try {
        pattern = new RegExp(source, 'u');
      } catch (cause) {
        throw new KgError('CONFIG_INVALID', `${namesSource}:${number}: invalid regular expression ${source}`, { cause });
      }
      kindRules.push({ kind, pattern });
    } else {
      throw invalid(namesSource, number, `unknown rule type ${type ?? ''} (expected suffix, infix or kind)`);
    }
  }
  suffixes.sort((a, b) => b.length - a.length);
  return { cities, aliases, renames, suffixes, optionalInfixes, kindRules };
}
