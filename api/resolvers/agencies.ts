/** `agency(name)`, `agencies`, and the fields of Agency. */
import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { CypherName } from '../../core/cypher.ts';
import type { ApiContext } from '../context.ts';
import { checkOptionalText, checkYear, checkYears } from '../input.ts';
import { parametersKey } from '../loaders.ts';
import { pageRequest, type PageArguments } from '../pagination.ts';
import { childFields, selectsAny, type SelectionInfo } from '../selection.ts';
import { ASSIGNMENT_LINK_FIELDS, selectsTaskText } from './tasks.ts';
import { jurisdictionField } from './jurisdictions.ts';
import { agencyNameOf, asRow, asRows, chooseAgency, connectionOf, findAgency, idOf, jurisdictionIdFor, readPage, rowsForParent, type Row } from './support.ts';

type AgencyRole = 'LEAD' | 'SUPPORT';

interface AgencyFilter {
  readonly nameContains?: string | null;
  readonly kind?: string | null;
  readonly jurisdiction?: string | null;
  readonly activeInYears?: number[] | null;
}

/** The relationship types an optional role stands for. */
export function relationshipsFor(role: AgencyRole | null | undefined): string[] {
  if (role === 'LEAD') return ['LED_BY'];
  if (role === 'SUPPORT') return ['SUPPORTED_BY'];
  return ['LED_BY', 'SUPPORTED_BY'];
}

async function renames(parent: Row, context: ApiContext): Promise<Row | undefined> {
  const rows = await rowsForParent(context, 'api/agency-renames', parent);
  return rows[0];
}

/** An oversight row (leader, agency, role, year …) as the Oversight type. */
export function oversight(row: Row): Row {
  return { ...row, leader: asRow(row['leader']), agency: asRow(row['agency']) };
}

interface NestedPageArguments extends PageArguments {
  readonly role?: AgencyRole | null;
  readonly years?: number[] | null;
}

async function nestedPage(statementName: CypherName, parent: Row, args: NestedPageArguments, context: ApiContext) {
  const request = pageRequest(args, context.limits.maxPageSize);
  const rows = await rowsForParent(context, statementName, parent, {
    relationships: relationshipsFor(args.role),
    years: checkYears('years', args.years),
    ...request,
  });
  return connectionOf(rows[0], request);
}

/** The parameters of one page of an agency's clauses (api/agency-assignments-page, api/agency-with-fields). */
interface AssignmentsPage {
  readonly relationships: string[];
  readonly years: number[] | null;
  readonly skip: number;
  readonly first: number;
  readonly withLinks: boolean;
  readonly withTaskText: boolean;
}

function assignmentsPage(args: NestedPageArguments, maxPageSize: number, selection: SelectionInfo): AssignmentsPage {
  return {
    relationships: relationshipsFor(args.role),
    years: checkYears('years', args.years),
    ...pageRequest(args, maxPageSize),
    withLinks: selectsAny(selection, ASSIGNMENT_LINK_FIELDS),
    withTaskText: selectsTaskText(selection),
  };
}

const ASSIGNMENTS_PAGE_STATEMENT = 'api/agency-assignments-page' satisfies CypherName;

/** What api/agency-with-fields brought along with the agency, for the resolvers of its fields. */
const PREFETCHED = Symbol('fetched with the agency');

interface Prefetched {
  readonly yearSummary?: readonly Row[];
  /** The page, and the parameters (parametersKey) it was read with. */
  readonly assignments?: { readonly key: string; readonly row: Row | undefined };
}

/**
 * The page of clauses that the operation's one `assignments` field below
 * `agency` asks for, read from its arguments as execution will coerce them;
 * null when there is no such field, several (aliases), or arguments its
 * resolver will refuse with its own error.
 */
function wantedAssignmentsPage(info: GraphQLResolveInfo, maxPageSize: number): AssignmentsPage | null {
  const fields = childFields(info, 'assignments');
  const agencyType = info.schema.getType('Agency');
  const definition = isObjectType(agencyType) ? agencyType.getFields()['assignments'] : undefined;
  const field = fields[0];
  if (fields.length !== 1 || field === undefined || definition === undefined) return null;
  try {
    const args = getArgumentValues(definition, field, info.variableValues) as NestedPageArguments;
    return assignmentsPage(args, maxPageSize, { fieldNodes: [field], fragments: info.fragments });
  } catch {
    return null;
  }
}

/**
 * `agency(name)`: when the operation asks for the agency's year summary or
 * one page of its clauses, one statement (api/agency-with-fields) finds the
 * agency and reads those for the best match, which is the agency meant unless
 * agencies of several places answer to the name; then their resolvers read nothing.
 */
async function agency(_parent: unknown, args: { name: string; jurisdiction?: string | null }, context: ApiContext, info: GraphQLResolveInfo): Promise<Row | null> {
  const jurisdictionId = await jurisdictionIdFor(context, 'jurisdiction', args.jurisdiction);
  const withYearSummary = childFields(info, 'yearSummary').length > 0;
  const page = wantedAssignmentsPage(info, context.limits.maxPageSize);
  if (!withYearSummary && page === null) return findAgency(context, 'name', args.name, jurisdictionId);
  const { wanted, variants } = agencyNameOf('name', args.name);
  const rows = await context.database.read('api/agency-with-fields', {
    name: variants[0] ?? wanted,
    variants,
    jurisdictionId,
    withYearSummary,
    withAssignments: page !== null,
    relationships: page?.relationships ?? [],
    years: page?.years ?? null,
    skip: page?.skip ?? 0,
    first: page?.first ?? 0,
    withLinks: page?.withLinks ?? false,
    withTaskText: page?.withTaskText ?? false,
  });
  const chosen = chooseAgency('name', wanted, rows);
  const best = rows[0];
  if (chosen === null || best === undefined || idOf(asRow(best['agency'])) !== idOf(chosen)) return chosen;
  const prefetched: Prefetched = {
    ...(withYearSummary ? { yearSummary: asRows(best['yearSummary']) } : {}),
    ...(page === null ? {} : { assignments: { key: parametersKey(ASSIGNMENTS_PAGE_STATEMENT, { ...page }), row: best['assignments'] ? asRow(best['assignments']) : undefined } }),
  };
  return { ...chosen, [PREFETCHED]: prefetched };
}

function prefetchedOf(parent: Row): Prefetched {
  return ((parent as Record<symbol, unknown>)[PREFETCHED] as Prefetched | undefined) ?? {};
}

async function assignmentsField(parent: Row, args: NestedPageArguments, context: ApiContext, info: SelectionInfo) {
  const page = assignmentsPage(args, context.limits.maxPageSize, info);
  const request = { skip: page.skip, first: page.first };
  const prefetched = prefetchedOf(parent).assignments;
  if (prefetched !== undefined && prefetched.key === parametersKey(ASSIGNMENTS_PAGE_STATEMENT, { ...page })) return connectionOf(prefetched.row, request);
  const rows = await rowsForParent(context, ASSIGNMENTS_PAGE_STATEMENT, parent, { ...page });
  return connectionOf(rows[0], request);
}

interface YearSummary {
  year: number;
  leadCount: number;
  jointLeadCount: number;
  livelihoodLeadCount: number;
  supportCount: number;
  livelihoodSupportCount: number;
}

const MEASURE_FIELDS = {
  lead: 'leadCount',
  jointLead: 'jointLeadCount',
  livelihoodLead: 'livelihoodLeadCount',
  support: 'supportCount',
  livelihoodSupport: 'livelihoodSupportCount',
} as const;

/** Folds (year, measure, count) rows into one summary per year, oldest first. */
export function yearSummaries(rows: readonly Row[]): YearSummary[] {
  const byYear = new Map<number, YearSummary>();
  for (const row of rows) {
    const year = row['year'];
    const measure = row['measure'];
    if (typeof year !== 'number' || typeof measure !== 'string' || !(measure in MEASURE_FIELDS)) continue;
    const summary = byYear.get(year) ?? { year, leadCount: 0, jointLeadCount: 0, livelihoodLeadCount: 0, supportCount: 0, livelihoodSupportCount: 0 };
    summary[MEASURE_FIELDS[measure as keyof typeof MEASURE_FIELDS]] += Number(row['count'] ?? 0);
    byYear.set(year, summary);
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export const agencyResolvers = {
  Query: {
    agency,
    agencies: async (_parent: unknown, args: PageArguments & { filter?: AgencyFilter | null }, context: ApiContext) => {
      const request = pageRequest(args, context.limits.maxPageSize);
      const filter = args.filter ?? {};
      return readPage(context, 'api/agencies-page', request, {
        nameContains: checkOptionalText('filter.nameContains', filter.nameContains),
        kind: checkOptionalText('filter.kind', filter.kind),
        jurisdictionId: await jurisdictionIdFor(context, 'filter.jurisdiction', filter.jurisdiction),
        years: checkYears('filter.activeInYears', filter.activeInYears),
      });
    },
  },
  Agency: {
    jurisdiction: jurisdictionField,
    aliases: (parent: Row) => (Array.isArray(parent['aliases']) ? parent['aliases'] : [parent['name']]),
    renamedTo: async (parent: Row, _args: unknown, context: ApiContext) => {
      const link = (await renames(parent, context))?.['renamedTo'];
      return link ? asRow(asRow(link)['agency']) : null;
    },
    renamedToYear: async (parent: Row, _args: unknown, context: ApiContext) => {
      const link = (await renames(parent, context))?.['renamedTo'];
      return link ? (asRow(link)['year'] ?? null) : null;
    },
    renamedFrom: async (parent: Row, _args: unknown, context: ApiContext) => asRows((await renames(parent, context))?.['renamedFrom']),
    current: async (parent: Row, _args: unknown, context: ApiContext) => {
      const current = (await renames(parent, context))?.['current'];
      return current ? asRow(current) : parent;
    },
    assignments: assignmentsField,
    tasks: (parent: Row, args: NestedPageArguments, context: ApiContext) => nestedPage('api/agency-tasks-page', parent, args, context),
    yearSummary: async (parent: Row, _args: unknown, context: ApiContext) =>
      yearSummaries(prefetchedOf(parent).yearSummary ?? (await rowsForParent(context, 'api/agency-year-summary', parent))),
    overseenBy: async (parent: Row, args: { year?: number | null }, context: ApiContext) => {
      const rows = await rowsForParent(context, 'api/agency-overseers', parent, { year: checkYear('year', args.year) });
      return rows.map(oversight);
    },
    coLeads: async (parent: Row, args: { year?: number | null }, context: ApiContext) => {
      const rows = await rowsForParent(context, 'api/agency-co-leads', parent, { year: checkYear('year', args.year) });
      return rows.map((row) => ({ agency: asRow(row['agency']), count: row['count'] }));
    },
  },
};
