/** `overlaps(year, agency)`: responsibility overlaps for audit scripts. */
import type { CypherName } from '../../core/cypher.ts';
import type { ApiContext } from '../context.ts';
import { checkYear } from '../input.ts';
import { pageRequest, type PageArguments } from '../pagination.ts';
import { oversight } from './agencies.ts';
import { agencyIdFor, asRow, asRows, readPage, type Row } from './support.ts';

interface OverlapScope {
  readonly year: number | null;
  readonly agencyId: string | null;
}

/** One page of an overlap list as a connection; `toNode`, when given, shapes each row for its GraphQL type. */
async function overlapPage(statementName: CypherName, scope: OverlapScope, args: PageArguments, context: ApiContext, toNode?: (row: Row) => Row) {
  const request = pageRequest(args, context.limits.maxPageSize);
  const page = await readPage(context, statementName, request, { ...scope });
  return toNode ? { ...page, edges: page.edges.map((edge) => ({ ...edge, node: toNode(edge.node) })) } : page;
}

export const overlapResolvers = {
  Query: {
    overlaps: async (_parent: unknown, args: { year?: number | null; agency?: string | null }, context: ApiContext): Promise<OverlapScope> => ({
      year: checkYear('year', args.year),
      agencyId: await agencyIdFor(context, 'agency', args.agency),
    }),
  },
  OverlapReport: {
    multiLeadAssignments: (scope: OverlapScope, args: PageArguments, context: ApiContext) => overlapPage('api/overlap-multi-lead', scope, args, context),
    coLeadPairs: (scope: OverlapScope, args: PageArguments, context: ApiContext) =>
      overlapPage('api/overlap-co-lead-pairs', scope, args, context, (row) => ({
        first: asRow(row['first']),
        second: asRow(row['second']),
        count: row['count'],
        years: (Array.isArray(row['years']) ? (row['years'] as unknown[]) : []).filter((year) => typeof year === 'number').sort(),
      })),
    leadChanges: (scope: OverlapScope, args: PageArguments, context: ApiContext) =>
      overlapPage('api/overlap-lead-changes', scope, args, context, (row) => ({
        earlier: asRow(row['earlier']),
        later: asRow(row['later']),
        score: row['score'] ?? null,
        earlierLeads: asRows(row['earlierLeads']),
        laterLeads: asRows(row['laterLeads']),
        added: asRows(row['added']),
        removed: asRows(row['removed']),
      })),
    multiplyOverseen: (scope: OverlapScope, args: PageArguments, context: ApiContext) =>
      overlapPage('api/overlap-multi-overseen', scope, args, context, (row) => ({
        agency: asRow(row['agency']),
        year: row['year'] ?? null,
        oversights: asRows(row['oversights']).map(oversight),
      })),
  },
};
