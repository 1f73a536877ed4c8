import type { ApiContext } from '../context.ts';

export const healthResolvers = {
  Query: {
    /** Never fails and never waits long: a down Neo4j is `ok: false` with the cause (never its address). */
    health: async (_parent: unknown, _args: unknown, context: ApiContext) => {
      const probe = await context.database.probe();
      return probe.ok
        ? { ok: true, neo4jVersion: probe.info.version, neo4jEdition: probe.info.edition, cause: null }
        : { ok: false, neo4jVersion: null, neo4jEdition: null, cause: probe.cause };
    },
  },
};
