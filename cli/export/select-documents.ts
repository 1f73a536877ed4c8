/**
 * The filters of `kg export` turned into the documents an export starts from:
 * `--year` keeps documents of those years, `--jurisdiction` documents issued
 * in those places or a place within them (a name is looked up as the API
 * looks it up); both together keep documents that pass both. A year no
 * document is of, or a place the graph does not know, is an error naming it.
 */
import { createContext } from '../../api/context.ts';
import { findJurisdiction } from '../../api/resolvers/support.ts';
import type { ApiConfig } from '../../core/config.ts';
import type { Database, Row } from '../../core/database.ts';
import { UserInputError } from '../../core/errors.ts';

export interface ExportFilters {
  readonly years: readonly number[];
  /** Names (柳江区, 柳州市柳江区) or ids of jurisdictions. */
  readonly jurisdictions: readonly string[];
}

type Reader = Pick<Database, 'read' | 'serverInfo' | 'probe'>;

/** `2024` → 2024; anything else is refused by name. */
export function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text.trim())) throw new UserInputError(`--year: "${text}" is not a year (write it with four digits, e.g. 2024)`);
  return Number(text.trim());
}

async function checkYears(database: Reader, years: readonly number[]): Promise<void> {
  if (years.length === 0) return;
  const rows = await database.read('export/known-years', { years: [...years] });
  const known = new Set(rows.map((row) => Number(row['year'])));
  const unknown = years.filter((year) => !known.has(year));
  if (unknown.length > 0) {
    throw new UserInputError(`--year: no document of ${unknown.join(', ')} is in the graph (ingest it first, or leave the year out)`);
  }
}

async function jurisdictionId(database: Reader, limits: ApiConfig, wanted: string): Promise<string> {
  const byId = await database.read('export/jurisdiction-by-id', { id: wanted.trim() });
  const found = byId[0]?.['jurisdiction'] as Row | undefined;
  if (found !== undefined) return String(found['id']);
  const place = await findJurisdiction(createContext(database, limits), '--jurisdiction', wanted);
  if (place === null) throw new UserInputError(`--jurisdiction: no jurisdiction is known as "${wanted.trim()}" (by name, full name or id)`);
  return String(place['id']);
}

/** The ids of the documents the filters keep, or null for no filter (the whole graph). */
export async function selectDocuments(database: Reader, limits: ApiConfig, filters: ExportFilters): Promise<string[] | null> {
  if (filters.years.length === 0 && filters.jurisdictions.length === 0) return null;
  await checkYears(database, filters.years);
  const jurisdictionIds: string[] = [];
  for (const wanted of filters.jurisdictions) jurisdictionIds.push(await jurisdictionId(database, limits, wanted));
  const rows = await database.read('export/documents', {
    years: filters.years.length === 0 ? null : [...filters.years],
    jurisdictionIds: jurisdictionIds.length === 0 ? null : jurisdictionIds,
  });
  return rows.map((row) => String(row['id']));
}
