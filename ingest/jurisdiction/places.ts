/**
 * The place table (`data/rules/jurisdictions.tsv`): every listed place with
 * its level, parent, document-number abbreviations and short names, parsed
 * into the lookups jurisdiction finding needs.
 */
import { KgError } from '../../core/errors.ts';
import { JURISDICTION_LEVELS, type Jurisdiction, type JurisdictionLevel } from '../model.ts';

export interface PlaceTable {
  /** Full name → the place with its whole parent chain. */
  readonly byName: ReadonlyMap<string, Jurisdiction>;
  /** docNo abbreviation (桂, 国, 柳南) → full name. */
  readonly byAbbreviation: ReadonlyMap<string, string>;
  /** Short name (柳州, 广西, 融水) → full name. */
  readonly byAlias: ReadonlyMap<string, string>;
  /** Every full name, longest first, for matching at a position. */
  readonly namesLongestFirst: readonly string[];
  /** Every short name, longest first. */
  readonly aliasesLongestFirst: readonly string[];
}

export const NO_PLACES: PlaceTable = { byName: new Map(), byAbbreviation: new Map(), byAlias: new Map(), namesLongestFirst: [], aliasesLongestFirst: [] };

interface Row {
  readonly name: string;
  readonly level: JurisdictionLevel;
  readonly parent: string | null;
  readonly line: number;
}

export function parsePlaceTable(source: string, file: string): PlaceTable {
  const rows = new Map<string, Row>();
  const byAbbreviation = new Map<string, string>();
  const byAlias = new Map<string, string>();
  const fail = (line: number, reason: string): never => {
    throw new KgError('CONFIG_INVALID', `${file}:${line}: ${reason}`);
  };
  source.split(/\r?\n/u).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim().length === 0 || raw.trimStart().startsWith('#')) return;
    const [name = '', level = '', parent = '', abbreviations = '', aliases = ''] = raw.split('\t').map((cell) => cell.trim());
    if (name.length === 0) fail(line, 'a place needs a name');
    if (!(JURISDICTION_LEVELS as readonly string[]).includes(level)) fail(line, `level must be one of ${JURISDICTION_LEVELS.join(', ')}`);
    if (rows.has(name)) fail(line, `${name} is listed twice`);
    rows.set(name, { name, level: level as JurisdictionLevel, parent: parent.length > 0 ? parent : null, line });
    // One abbreviation or alias names one place, or it would tell nothing.
    for (const abbreviation of listOf(abbreviations)) {
      const other = byAbbreviation.get(abbreviation);
      if (other !== undefined) fail(line, `docNo abbreviation ${abbreviation} is already ${other}'s`);
      byAbbreviation.set(abbreviation, name);
    }
    for (const alias of listOf(aliases)) {
      const other = byAlias.get(alias);
      if (other !== undefined) fail(line, `short name ${alias} is already ${other}'s`);
      byAlias.set(alias, name);
    }
  });

  const byName = new Map<string, Jurisdiction>();
  const resolve = (row: Row, seen: ReadonlySet<string>): Jurisdiction => {
    const done = byName.get(row.name);
    if (done !== undefined) return done;
    if (seen.has(row.name)) fail(row.line, `${row.name} is its own ancestor`);
    let parent: Jurisdiction | null = null;
    if (row.parent !== null) {
      const parentRow = rows.get(row.parent);
      if (parentRow === undefined) return fail(row.line, `parent ${row.parent} is not listed`);
      parent = resolve(parentRow, new Set([...seen, row.name]));
    }
    const place: Jurisdiction = { name: row.name, level: row.level, parent };
    byName.set(row.name, place);
    return place;
  };
  for (const row of rows.values()) resolve(row, new Set());
  return {
    byName,
    byAbbreviation,
    byAlias,
    namesLongestFirst: longestFirst(byName.keys()),
    aliasesLongestFirst: longestFirst(byAlias.keys()),
  };
}

function longestFirst(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => b.length - a.length || a.localeCompare(b));
}

function listOf(cell: string): string[] {
  return cell
    .split(/[,，、]/u)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** The place, then its parent, … up to the top. */
export function ancestry(place: Jurisdiction | null): Jurisdiction[] {
  const chain: Jurisdiction[] = [];
  for (let at = place; at !== null; at = at.parent) chain.push(at);
  return chain;
}
