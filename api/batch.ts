/**
 * A per-request batcher (the idea of DataLoader, small enough to own): field
 * resolvers ask for the rows of one parent; every request for the same
 * statement and parameters made while the current step of execution runs is
 * sent as one statement with all parent ids. Created per request, so nothing
 * is cached across requests or users.
 *
 * Statements used this way take `$ids` and return a `parentId` column.
 */
import type { CypherName } from '../core/cypher.ts';
import type { Parameters, Row } from '../core/database.ts';

export type ReadStatement = (statementName: CypherName, parameters: Parameters) => Promise<Row[]>;

export interface Batcher {
  /** The rows of `statementName` whose `parentId` is `parentId`. */
  rowsFor(statementName: CypherName, parameters: Parameters, parentId: string): Promise<Row[]>;
}

interface Waiter {
  readonly resolve: (rows: Row[]) => void;
  readonly reject: (error: unknown) => void;
}

interface PendingBatch {
  readonly statementName: CypherName;
  readonly parameters: Parameters;
  /** One waiter per parent id: a second ask for the same parent gets the first promise. */
  readonly waiting: Map<string, Waiter>;
}

/** A stable text for parameters, so `{a, b}` and `{b, a}` share a batch. */
export function parametersKey(statementName: string, parameters: Parameters): string {
  const sorted = Object.keys(parameters)
    .sort()
    .map((key) => [key, parameters[key]]);
  return `${statementName}\u0000${JSON.stringify(sorted)}`;
}

export function createBatcher(read: ReadStatement): Batcher {
  const pending = new Map<string, PendingBatch>();
  /** Promises already handed out, by statement, parameters and parent: the request's own cache. */
  const asked = new Map<string, Promise<Row[]>>();
  let scheduled = false;

  async function run(batch: PendingBatch): Promise<void> {
    const ids = [...batch.waiting.keys()];
    try {
      const rows = await read(batch.statementName, { ...batch.parameters, ids });
      const byParent = new Map<string, Row[]>();
      for (const row of rows) {
        const parentId = String(row['parentId']);
        const list = byParent.get(parentId);
        if (list) list.push(row);
        else byParent.set(parentId, [row]);
      }
      for (const [id, waiter] of batch.waiting) waiter.resolve(byParent.get(id) ?? []);
    } catch (error) {
      for (const waiter of batch.waiting.values()) waiter.reject(error);
    }
  }

  function flush(): void {
    scheduled = false;
    const batches = [...pending.values()];
    pending.clear();
    for (const batch of batches) void run(batch);
  }

  return {
    rowsFor(statementName, parameters, parentId) {
      const key = parametersKey(statementName, parameters);
      const cacheKey = `${key}\u0000${parentId}`;
      const known = asked.get(cacheKey);
      if (known) return known;
      const promise = new Promise<Row[]>((resolve, reject) => {
        let batch = pending.get(key);
        if (!batch) {
          batch = { statementName, parameters, waiting: new Map() };
          pending.set(key, batch);
        }
        batch.waiting.set(parentId, { resolve, reject });
        // setImmediate runs after every pending promise callback, so all
        // sibling resolvers of this execution step have asked by then.
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
      asked.set(cacheKey, promise);
      return promise;
    },
  };
}
