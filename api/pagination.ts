/**
 * Relay connections over offset pages. Cursors are opaque to clients
 * (base64 of the row's offset) and checked when they come back.
 */
import { UserInputError } from '../core/errors.ts';
import { checkRange } from './input.ts';

const CURSOR_PREFIX = 'offset:';

export interface PageArguments {
  readonly first?: number | null;
  readonly after?: string | null;
}

/** Which slice of the ordered rows to fetch: rows `skip` … `skip + first - 1`. */
export interface PageRequest {
  readonly skip: number;
  readonly first: number;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;
  readonly startCursor: string | null;
  readonly endCursor: string | null;
}

export interface Connection<T> {
  readonly edges: readonly { readonly cursor: string; readonly node: T }[];
  readonly pageInfo: PageInfo;
  readonly totalCount: number;
}

/** Default page size when a client gives no `first` (the SDL declares the same default). */
export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64');
}

/** The offset a cursor stands for; anything not made by `encodeCursor` is a user error. */
export function decodeCursor(cursor: string, argumentName = 'after'): number {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  const digits = decoded.startsWith(CURSOR_PREFIX) ? decoded.slice(CURSOR_PREFIX.length) : '';
  if (!/^\d{1,9}$/.test(digits) || encodeCursor(Number(digits)) !== cursor) {
    throw new UserInputError(`${argumentName} is not a cursor returned by this API: "${cursor.slice(0, 40)}"`);
  }
  return Number(digits);
}

/** Validates `first` (1 … maxPageSize) and `after`, and turns them into a slice. */
export function pageRequest(args: PageArguments, maxPageSize: number): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  checkRange('first', first, 1, maxPageSize);
  const skip = args.after === undefined || args.after === null ? 0 : decodeCursor(args.after) + 1;
  return { skip, first };
}

/** Wraps one page of rows (already sliced by the database) as a connection. */
export function toConnection<T>(page: readonly T[], totalCount: number, request: PageRequest): Connection<T> {
  const edges = page.map((node, index) => ({ cursor: encodeCursor(request.skip + index), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: request.skip + page.length < totalCount,
      hasPreviousPage: request.skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
