/** Helpers shared by the resolvers: rows, pages, documents, agency names, node types. */
import type { CypherName } from '../../core/cypher.ts';
import type { Row } from '../../core/database.ts';
import { KgError, UserInputError } from '../../core/errors.ts';
import type { ApiContext } from '../context.ts';
import { nameVariants, normaliseName } from '../agency-names.ts';
import { checkText } from '../input.ts';
import { toConnection, type Connection, type PageRequest } from '../pagination.ts';

export type { Row };

/** The node labels that are GraphQL types implementing `Node`. */
const NODE_TYPES = [
  'Document',
  'Section',
  'Task',
  'Assignment',
  'Passage',
  'LivelihoodProject',
  'Agency',
  'Leader',
  'Company',
  'Park',
  'Project',
  'Term',
  'Indicator',
  'Jurisdiction',
] as const;

export function asRow(value: unknown): Row {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new KgError('DATABASE_QUERY_FAILED', `Expected a map from the database, got ${JSON.stringify(value)}`);
  }
  return value as Row;
}

export function asRows(value: unknown): Row[] {
  return Array.isArray(value) ? value.map(asRow) : [];
}

export function idOf(row: Row): string {
  return String(row['id']);
}

/** The GraphQL type of a node row (its own label besides `:Node`). */
export function nodeTypeName(row: Row): string | null {
  const labels = Array.isArray(row['_labels']) ? (row['_labels'] as unknown[]) : [];
  return NODE_TYPES.find((type) => labels.includes(type)) ?? null;
}

/** A page statement returns one row: `totalCount` and `page` (the slice). */
export function connectionOf(row: Row | undefined, request: PageRequest): Connection<Row> {
  const totalCount = typeof row?.['totalCount'] === 'number' ? row['totalCount'] : 0;
  return toConnection(asRows(row?.['page']), totalCount, request);
}

/** Runs a top-level page statement with the slice of `request` (`$skip`, `$first`) and wraps its row as a connection. */
export async function readPage(context: ApiContext, statementName: CypherName, request: PageRequest, parameters: Row): Promise<Connection<Row>> {
  const rows = await context.database.read(statementName, { ...parameters, ...request });
  return connectionOf(rows[0], request);
}

/** Nested list fields: the rows of `statementName` for this parent, batched per request. */
export function rowsForParent(context: ApiContext, statementName: CypherName, parent: Row, parameters: Row = {}): Promise<Row[]> {
  return context.batch.rowsFor(statementName, parameters, idOf(parent));
}

/** Any node by id, batched: documents come without their full text. */
export async function nodeById(context: ApiContext, id: string): Promise<Row | null> {
  const rows = await context.batch.rowsFor('api/nodes-by-id', {}, id);
  const node = rows[0]?.['node'];
  return node ? asRow(node) : null;
}

/** The document a row belongs to (its `documentId`), for non-null `document` fields. */
export async function documentOf(context: ApiContext, row: Row): Promise<Row> {
  if (row['document'] && typeof row['document'] === 'object') return asRow(row['document']);
  const documentId = row['documentId'];
  if (typeof documentId !== 'string') throw new KgError('NOT_FOUND', `${idOf(row)} has no documentId`);
  const document = await nodeById(context, documentId);
  if (!document) throw new KgError('NOT_FOUND', `Document ${documentId} (of ${idOf(row)}) is not in the graph`);
  return document;
}

/**
 * The agency a user means by `name` (canonical, alias, with or without city
 * prefix, former name), or null; in `jurisdictionId` when given. A name that
 * agencies of several places answer to is ambiguous (an error listing them)
 * unless the name itself starts with one of the places (福州市财政局).
 */
export async function findAgency(context: ApiContext, argumentName: string, name: string, jurisdictionId: string | null = null): Promise<Row | null> {
  const { wanted, variants } = agencyNameOf(argumentName, name);
  const rows = await context.database.read('api/agency-by-name', { name: variants[0] ?? wanted, variants, jurisdictionId });
  return chooseAgency(argumentName, wanted, rows);
}

/** The name asked for (checked) and the spellings it is looked up by, itself first (api/agency-by-name's $variants). */
export function agencyNameOf(argumentName: string, name: string): { wanted: string; variants: string[] } {
  const wanted = checkText(argumentName, name);
  return { wanted, variants: nameVariants(wanted) };
}

/** The place of a candidate row, or null. */
function placeOfRow(row: Row): Row | null {
  const place = row['jurisdiction'];
  return place && typeof place === 'object' ? asRow(place) : null;
}

export function chooseAgency(argumentName: string, wanted: string, rows: readonly Row[]): Row | null {
  if (rows.length === 0) return null;
  const places = new Map<string, Row>();
  for (const row of rows) {
    const place = placeOfRow(row);
    if (place !== null) places.set(idOf(place), place);
  }
  if (places.size <= 1) return asRow(rows[0]?.['agency']);
  // 柳州市工业和信息化局: the place the name starts with decides.
  const named = rows.filter((row) => {
    const place = placeOfRow(row);
    return place !== null && [place['fullName'], place['name']].some((written) => typeof written === 'string' && written.length > 0 && wanted.startsWith(written));
  });
  if (named.length > 0 && new Set(named.map((row) => idOf(asRow(placeOfRow(row))))).size === 1) return asRow(named[0]?.['agency']);
  const candidates = rows.map((row) => {
    const agency = asRow(row['agency']);
    const place = placeOfRow(row);
    return `${String(agency['name'])} (${place === null ? 'place unknown' : String(place['fullName'] ?? place['name'])})`;
  });
  throw new UserInputError(
    `${argumentName}: "${wanted}" names agencies of ${places.size} places: ${[...new Set(candidates)].join(', ')}; give the jurisdiction (or write the place before the name) to choose one`,
  );
}

/**
 * Like findAgency, for filters: an unknown name is an error rather than an
 * empty result. `jurisdictionId` (the filter's own jurisdiction) chooses the place.
 */
export async function agencyIdFor(context: ApiContext, argumentName: string, name: string | null | undefined, jurisdictionId: string | null = null): Promise<string | null> {
  if (name === null || name === undefined) return null;
  const agency = await findAgency(context, argumentName, name, jurisdictionId);
  if (!agency) throw unknownAgency(argumentName, name, jurisdictionId);
  return idOf(agency);
}

/** The error for a filter's agency name that no agency answers to. */
export function unknownAgency(argumentName: string, name: string, jurisdictionId: string | null): UserInputError {
  return new UserInputError(`${argumentName}: no agency is known as "${name.trim()}"${jurisdictionId === null ? '' : ' in that jurisdiction'}`);
}

/** The jurisdictions a name may mean: full-name matches first (see api/jurisdiction-by-name). */
export async function findJurisdiction(context: ApiContext, argumentName: string, name: string): Promise<Row | null> {
  const wanted = normaliseName(checkText(argumentName, name));
  const rows = await context.database.read('api/jurisdiction-by-name', { name: wanted });
  const exact = rows.find((row) => row['exact'] === true);
  if (exact) return asRow(exact['jurisdiction']);
  if (rows.length > 1) {
    const names = rows.map((row) => String(asRow(row['jurisdiction'])['fullName']));
    throw new UserInputError(`${argumentName}: "${wanted}" is the name of ${rows.length} places: ${names.join(', ')}; give the full name`);
  }
  return rows[0] ? asRow(rows[0]['jurisdiction']) : null;
}

/** The id of the jurisdiction a filter names; an unknown name is an error. */
export async function jurisdictionIdFor(context: ApiContext, argumentName: string, name: string | null | undefined): Promise<string | null> {
  if (name === null || name === undefined) return null;
  const place = await findJurisdiction(context, argumentName, name);
  if (!place) throw new UserInputError(`${argumentName}: no jurisdiction is known as "${name.trim()}" (see the jurisdictions query)`);
  return idOf(place);
}

/**
 * A node by id, also by an agency id of the form before agencies had a
 * jurisdiction (`agency:市工业和信息化局`): the one agency of that name, or
 * an error listing the candidates when several places have one.
 */
export async function nodeByIdOrFormerId(context: ApiContext, argumentName: string, id: string): Promise<Row | null> {
  const name = formerAgencyName(id);
  if (name === null) return nodeById(context, id);
  // Both at once: a former id costs one round trip rather than two in a row. The
  // agency lookup's failure matters only when the id names no node.
  const former = context.database.read('api/agency-by-name', { name, variants: [name], jurisdictionId: null }).then(
    (rows) => ({ rows }),
    (error: unknown) => ({ error }),
  );
  const node = await nodeById(context, id);
  if (node !== null) return node;
  const lookup = await former;
  if ('error' in lookup) throw lookup.error;
  return chooseAgency(argumentName, name, lookup.rows.filter((row) => row['rank'] === 0 || row['rank'] === 1));
}

const FORMER_AGENCY_ID_PREFIX = 'agency:';

/** The agency name of an id of the form before agencies had a jurisdiction (`agency:市工业和信息化局`), else null. */
export function formerAgencyName(id: string): string | null {
  const name = id.startsWith(FORMER_AGENCY_ID_PREFIX) ? id.slice(FORMER_AGENCY_ID_PREFIX.length) : '';
  return name.length === 0 || name.includes(':') ? null : name;
}

/** A source span of a row that has documentId, start and end. */
export function sourceOf(row: Row): Row {
  return { documentId: row['documentId'], id: row['id'], start: row['start'] ?? null, end: row['end'] ?? null };
}
