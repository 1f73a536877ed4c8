/** `jurisdiction(name)`, `jurisdictions`, the fields of Jurisdiction, and the jurisdiction of a document or agency. */
import { UserInputError } from '../../core/errors.ts';
import { JURISDICTION_LEVELS, type JurisdictionLevel } from '../../ingest/index.ts';
import type { ApiContext } from '../context.ts';
import { checkOptionalText } from '../input.ts';
import { pageRequest, type PageArguments } from '../pagination.ts';
import { asRow, asRows, findJurisdiction, jurisdictionIdFor, readPage, rowsForParent, type Row } from './support.ts';

interface JurisdictionFilter {
  readonly level?: string | null;
  readonly nameContains?: string | null;
  readonly within?: string | null;
}

/** The graph stores levels as the pipeline names them (city); the API's enum is upper case (CITY). */
function graphLevel(level: string | null | undefined): JurisdictionLevel | null {
  if (level === null || level === undefined) return null;
  const lower = level.toLowerCase();
  if (!(JURISDICTION_LEVELS as readonly string[]).includes(lower)) throw new UserInputError(`filter.level must be one of ${JURISDICTION_LEVELS.join(', ').toUpperCase()}`);
  return lower as JurisdictionLevel;
}

async function details(parent: Row, context: ApiContext): Promise<Row | undefined> {
  return (await rowsForParent(context, 'api/jurisdiction-details', parent))[0];
}

/** `jurisdiction` of a Document or an Agency: the place it was issued in or is a body of. */
export async function jurisdictionField(parent: Row, _args: unknown, context: ApiContext): Promise<Row | null> {
  const rows = await rowsForParent(context, 'api/node-jurisdiction', parent);
  return rows[0] ? asRow(rows[0]['jurisdiction']) : null;
}

export const jurisdictionResolvers = {
  Query: {
    jurisdiction: (_parent: unknown, args: { name: string }, context: ApiContext) => findJurisdiction(context, 'name', args.name),
    jurisdictions: async (_parent: unknown, args: PageArguments & { filter?: JurisdictionFilter | null }, context: ApiContext) => {
      const request = pageRequest(args, context.limits.maxPageSize);
      const filter = args.filter ?? {};
      return readPage(context, 'api/jurisdictions-page', request, {
        level: graphLevel(filter.level),
        nameContains: checkOptionalText('filter.nameContains', filter.nameContains),
        withinId: await jurisdictionIdFor(context, 'filter.within', filter.within),
      });
    },
  },
  Jurisdiction: {
    fullName: (parent: Row) => (typeof parent['fullName'] === 'string' ? parent['fullName'] : parent['name']),
    level: (parent: Row) => (typeof parent['level'] === 'string' ? parent['level'].toUpperCase() : null),
    parent: async (parent: Row, _args: unknown, context: ApiContext) => {
      const above = (await details(parent, context))?.['parent'];
      return above ? asRow(above) : null;
    },
    children: async (parent: Row, _args: unknown, context: ApiContext) => asRows((await details(parent, context))?.['children']),
    documentCount: async (parent: Row, _args: unknown, context: ApiContext) => Number((await details(parent, context))?.['documentCount'] ?? 0),
    agencyCount: async (parent: Row, _args: unknown, context: ApiContext) => Number((await details(parent, context))?.['agencyCount'] ?? 0),
  },
};
