import type { ApiContext } from '../context.ts';

export const healthResolvers = {
  Query: {
    health: async (_parent: unknown, _args: unknown, context: ApiContext) => {
      const info = await context.database.serverInfo();
      return { ok: true, neo4jVersion: info.version, neo4jEdition: info.edition };
    },
  },
};
