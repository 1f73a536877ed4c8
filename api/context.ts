import type { Database } from '../core/database.ts';
import type { ApiConfig } from '../core/config.ts';
import { createBatcher, type Batcher } from './loaders.ts';

/**
 * What resolvers may do with the database: read and probe, never write.
 * `readOnce` is optional so that test doubles need only `read`.
 */
export type ReadOnlyDatabase = Pick<Database, 'read' | 'serverInfo' | 'probe'> & Partial<Pick<Database, 'readOnce'>>;

/** What every resolver receives; built per request, holds no state across requests. */
export interface ApiContext {
  readonly database: ReadOnlyDatabase;
  readonly limits: ApiConfig;
  /** Batches nested-field statements of this request by parent id (one DataLoader per statement). */
  readonly batch: Batcher;
}

export function createContext(database: ReadOnlyDatabase, limits: ApiConfig): ApiContext {
  return { database, limits, batch: createBatcher((name, parameters) => database.read(name, parameters)) };
}
