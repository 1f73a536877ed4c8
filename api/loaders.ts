/**
 * Per-request batching with DataLoader: field resolvers ask for the rows of
 * one parent; every ask for the same statement and parameters made during
 * the current step of execution goes to the database as one statement with
 * all parent ids (`$ids`, at most `maxBatchSize` of them; more make several
 * statements). Created per request, so nothing is cached across requests or
 * users, and a request's cache is bounded by what it asks for.
 *
 * Statements used this way take `$ids` and return a `parentId` column.
 */
import DataLoader from 'dataloader';
import type { CypherName } from '../core/cypher.ts';
import type { Parameters, Row } from '../core/database.ts';

export type ReadStatement = (statementName: CypherName, parameters: Parameters) => Promise<Row[]>;

export interface Batcher {
  /** The rows of `statementName` whose `parentId` is `parentId`. */
  rowsFor(statementName: CypherName, parameters: Parameters, parentId: string): Promise<Row[]>;
}

/** Parent ids per statement: large enough for any page (KG_MAX_PAGE_SIZE ≤ this is one statement), small enough for one Cypher list. */
export const MAX_BATCH_SIZE = 1_000;

/** A stable text for parameters, so `{a, b}` and `{b, a}` share a loader. */
export function parametersKey(statementName: string, parameters: Parameters): string {
  const sorted = Object.keys(parameters)
    .sort()
    .map((key) => [key, parameters[key]]);
  return `${statementName}\u0000${JSON.stringify(sorted)}`;
}

/** Groups the rows of one batch by `parentId`, in the order of `ids`; a parent without rows gets []. */
export function rowsByParent(ids: readonly string[], rows: readonly Row[]): Row[][] {
  const byParent = new Map<string, Row[]>();
  for (const row of rows) {
    const parentId = String(row['parentId']);
    const list = byParent.get(parentId);
    if (list) list.push(row);
    else byParent.set(parentId, [row]);
  }
  return ids.map((id) => byParent.get(id) ?? []);
}

export interface BatcherOptions {
  readonly maxBatchSize?: number;
}

export function createBatcher(read: ReadStatement, options: BatcherOptions = {}): Batcher {
  /** One loader per statement and parameters, made when first asked for. */
  const loaders = new Map<string, DataLoader<string, Row[]>>();
  const maxBatchSize = options.maxBatchSize ?? MAX_BATCH_SIZE;

  function loaderFor(statementName: CypherName, parameters: Parameters): DataLoader<string, Row[]> {
    const key = parametersKey(statementName, parameters);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, Row[]>(async (ids) => rowsByParent(ids, await read(statementName, { ...parameters, ids: [...ids] })), {
        name: statementName,
        maxBatchSize,
        // setImmediate runs after every pending promise callback, so all
        // sibling resolvers of this execution step have asked by then.
        batchScheduleFn: (callback) => void setImmediate(callback),
      });
      loaders.set(key, loader);
    }
    return loader;
  }

  return {
    rowsFor: (statementName, parameters, parentId) => loaderFor(statementName, parameters).load(parentId),
  };
}
