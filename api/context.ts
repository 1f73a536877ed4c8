import type { Database } from '../core/database.ts';
import type { ApiConfig } from '../core/config.ts';

/** What every resolver receives; built per request, holds no state across requests. */
export interface ApiContext {
  readonly database: Database;
  readonly limits: ApiConfig;
}
