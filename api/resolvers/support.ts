/** Helpers shared by the resolvers: rows, pages, documents, agency names, node types. */
import type { CypherName } from '../../core/cypher.ts';
import type { Row } from '../../core/database.ts';
import { KgError, UserInputError } from '../../core/errors.ts';
import type { ApiContext } from '../context.ts';
import { nameVariants } from '../agency-names.ts';
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

/** The agency a user means by `name` (canonical, alias, with or without city prefix, former name), or null. */
export async function findAgency(context: ApiContext, argumentName: string, name: string): Promise<Row | null> {
  const wanted = checkText(argumentName, name);
  const variants = nameVariants(wanted);
  const rows = await context.database.read('api/agency-by-name', { name: variants[0] ?? wanted, variants });
  const agency = rows[0]?.['agency'];
  return agency ? asRow(agency) : null;
}

/** Like findAgency, for filters: an unknown name is an error rather than an empty result. */
export async function agencyIdFor(context: ApiContext, argumentName: string, name: string | null | undefined): Promise<string | null> {
  if (name === null || name === undefined) return null;
  const agency = await findAgency(context, argumentName, name);
  if (!agency) throw new UserInputError(`${argumentName}: no agency is known as "${name.trim()}"`);
  return idOf(agency);
}

/** A source span of a row that has documentId, start and end. */
export function sourceOf(row: Row): Row {
  return { documentId: row['documentId'], id: row['id'], start: row['start'] ?? null, end: row['end'] ?? null };
}
