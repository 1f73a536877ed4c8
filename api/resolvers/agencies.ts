/** `agency(name)`, `agencies`, and the fields of Agency. */
import type { CypherName } from '../../core/cypher.ts';
import type { ApiContext } from '../context.ts';
import { checkOptionalText, checkYear, checkYears } from '../input.ts';
import { pageRequest, type PageArguments } from '../pagination.ts';
import { selectsAny, type SelectionInfo } from '../selection.ts';
import { ASSIGNMENT_LINK_FIELDS } from './tasks.ts';
import { jurisdictionField } from './jurisdictions.ts';
import { asRow, asRows, connectionOf, findAgency, jurisdictionIdFor, readPage, rowsForParent, type Row } from './support.ts';

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

async function nestedPage(statementName: CypherName, parent: Row, args: NestedPageArguments, context: ApiContext, extra: Row = {}) {
  const request = pageRequest(args, context.limits.maxPageSize);
  const rows = await rowsForParent(context, statementName, parent, {
    relationships: relationshipsFor(args.role),
    years: checkYears('years', args.years),
    ...request,
    ...extra,
  });
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
    agency: async (_parent: unknown, args: { name: string; jurisdiction?: string | null }, context: ApiContext) =>
      findAgency(context, 'name', args.name, await jurisdictionIdFor(context, 'jurisdiction', args.jurisdiction)),
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
    assignments: (parent: Row, args: NestedPageArguments, context: ApiContext, info: SelectionInfo) =>
      nestedPage('api/agency-assignments-page', parent, args, context, { withLinks: selectsAny(info, ASSIGNMENT_LINK_FIELDS) }),
    tasks: (parent: Row, args: NestedPageArguments, context: ApiContext) => nestedPage('api/agency-tasks-page', parent, args, context),
    yearSummary: async (parent: Row, _args: unknown, context: ApiContext) => yearSummaries(await rowsForParent(context, 'api/agency-year-summary', parent)),
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
