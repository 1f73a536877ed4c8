/** `overlaps(year, agency)`: responsibility overlaps for audit scripts. */
import type { ApiContext } from '../context.ts';
import { checkRange, checkYear } from '../input.ts';
import { DEFAULT_PAGE_SIZE, pageRequest, type PageArguments } from '../pagination.ts';
import { oversight } from './agencies.ts';
import { agencyIdFor, asRow, asRows, connectionOf, pageParameters, type Row } from './support.ts';

interface OverlapScope {
  readonly year: number | null;
  readonly agencyId: string | null;
}

function limitOf(args: { first?: number | null }, context: ApiContext): number {
  return checkRange('first', args.first ?? DEFAULT_PAGE_SIZE, 1, context.limits.maxPageSize);
}

export const overlapResolvers = {
  Query: {
    overlaps: async (_parent: unknown, args: { year?: number | null; agency?: string | null }, context: ApiContext): Promise<OverlapScope> => ({
      year: checkYear('year', args.year),
      agencyId: await agencyIdFor(context, 'agency', args.agency),
    }),
  },
  OverlapReport: {
    multiLeadAssignments: async (scope: OverlapScope, args: PageArguments, context: ApiContext) => {
      const request = pageRequest(args, context.limits.maxPageSize);
      const rows = await context.database.read('api-overlap-multi-lead', { ...scope, ...pageParameters(request) });
      return connectionOf(rows[0], request);
    },
    coLeadPairs: async (scope: OverlapScope, args: { first?: number | null }, context: ApiContext) => {
      const rows = await context.database.read('api-overlap-co-lead-pairs', { ...scope, first: limitOf(args, context) });
      return rows.map((row) => ({
        first: asRow(row['first']),
        second: asRow(row['second']),
        count: row['count'],
        years: (Array.isArray(row['years']) ? (row['years'] as unknown[]) : []).filter((year) => typeof year === 'number').sort(),
      }));
    },
    leadChanges: async (scope: OverlapScope, args: { first?: number | null }, context: ApiContext) => {
      const rows = await context.database.read('api-overlap-lead-changes', { ...scope, first: limitOf(args, context) });
      return rows.map((row) => ({
        earlier: asRow(row['earlier']),
        later: asRow(row['later']),
        score: row['score'] ?? null,
        earlierLeads: asRows(row['earlierLeads']),
        laterLeads: asRows(row['laterLeads']),
        added: asRows(row['added']),
        removed: asRows(row['removed']),
      }));
    },
    multiplyOverseen: async (scope: OverlapScope, args: { first?: number | null }, context: ApiContext) => {
      const rows = await context.database.read('api-overlap-multi-overseen', { ...scope, first: limitOf(args, context) });
      return rows.map((row: Row) => ({ agency: asRow(row['agency']), year: row['year'] ?? null, oversights: asRows(row['oversights']).map(oversight) }));
    },
  },
};
