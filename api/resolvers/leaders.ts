/** `leaders(year)` and what each leader oversees. */
import type { ApiContext } from '../context.ts';
import { checkYear } from '../input.ts';
import { oversight } from './agencies.ts';
import { asRow, rowsForParent, sourceOf, type Row } from './support.ts';

/** The year a leader row was listed for by `leaders(year:)`; `oversees` defaults to it. */
const LISTED_YEAR = '_listedForYear';

export const leaderResolvers = {
  Query: {
    leaders: async (_parent: unknown, args: { year?: number | null }, context: ApiContext) => {
      const year = checkYear('year', args.year);
      const rows = await context.database.read('api/leaders', { year });
      return rows.map((row) => ({ ...asRow(row['leader']), [LISTED_YEAR]: year }));
    },
  },
  Leader: {
    oversees: async (parent: Row, args: { year?: number | null }, context: ApiContext) => {
      const listed = typeof parent[LISTED_YEAR] === 'number' ? parent[LISTED_YEAR] : null;
      const year = checkYear('year', args.year) ?? listed;
      return (await rowsForParent(context, 'api/leader-oversees', parent, { year })).map(oversight);
    },
  },
  Oversight: {
    source: (parent: Row) => sourceOf(parent),
  },
};
