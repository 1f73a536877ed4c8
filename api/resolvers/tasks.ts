/** `tasks`, `assignments`, and the fields of Task, Assignment, Section and Passage. */
import type { CypherName } from '../../core/cypher.ts';
import { KgError } from '../../core/errors.ts';
import type { DocumentKind } from '../../ingest/index.ts';
import type { ApiContext } from '../context.ts';
import { checkOptionalText, checkYear, checkYears, checkYearSpan } from '../input.ts';
import { pageRequest, type PageArguments } from '../pagination.ts';
import { selectsAny, selectsBelow, type SelectionInfo } from '../selection.ts';
import { agencyIdFor, agencyNameOf, asRow, asRows, chooseAgency, connectionOf, documentOf, idOf, jurisdictionIdFor, readPage, rowsForParent, sourceOf, unknownAgency, type Row } from './support.ts';

export interface WorkFilter {
  readonly leadAgency?: string | null;
  readonly anyAgency?: string | null;
  readonly years?: number[] | null;
  readonly yearFrom?: number | null;
  readonly yearTo?: number | null;
  readonly text?: string | null;
  readonly documentKind?: DocumentKind | null;
  readonly jointOnly?: boolean | null;
  readonly includeRenamed?: boolean | null;
  readonly jurisdiction?: string | null;
}

/** The ids an agency filter matches: the agency, and with `includeRenamed` its former and later names. */
async function agencyIdsFor(
  context: ApiContext,
  argumentName: string,
  name: string | null | undefined,
  includeRenamed: boolean,
  jurisdictionId: string | null,
): Promise<string[] | null> {
  const id = await agencyIdFor(context, argumentName, name, jurisdictionId);
  if (id === null) return null;
  if (!includeRenamed) return [id];
  const rows = await context.database.read('api/agency-rename-family', { id });
  const ids = rows[0]?.['ids'];
  return Array.isArray(ids) ? [...new Set(ids.map(String))] : [id];
}

/** Validates a task or assignment filter and resolves its agency names to ids. */
async function filterParameters(filter: WorkFilter, context: ApiContext): Promise<Row> {
  const yearFrom = checkYear('filter.yearFrom', filter.yearFrom);
  const yearTo = checkYear('filter.yearTo', filter.yearTo);
  checkYearSpan(yearFrom, yearTo);
  // The filter's jurisdiction also tells whose 市财政局 leadAgency means.
  const jurisdictionId = await jurisdictionIdFor(context, 'filter.jurisdiction', filter.jurisdiction);
  return {
    jurisdictionId,
    years: checkYears('filter.years', filter.years),
    yearFrom,
    yearTo,
    text: checkOptionalText('filter.text', filter.text),
    documentKind: filter.documentKind ?? null,
    jointOnly: filter.jointOnly ?? false,
    leadAgencyIds: await agencyIdsFor(context, 'filter.leadAgency', filter.leadAgency, filter.includeRenamed ?? false, jurisdictionId),
    anyAgencyIds: await agencyIdsFor(context, 'filter.anyAgency', filter.anyAgency, filter.includeRenamed ?? false, jurisdictionId),
  };
}

type FilteredPageArguments = PageArguments & { filter?: WorkFilter | null };

function filteredPage(statementName: CypherName) {
  return async (_parent: unknown, args: FilteredPageArguments, context: ApiContext, info: SelectionInfo) => {
    const request = pageRequest(args, context.limits.maxPageSize);
    const parameters = await filterParameters(args.filter ?? {}, context);
    return readPage(context, statementName, request, { ...parameters, withLinks: selectsAny(info, ASSIGNMENT_LINK_FIELDS) });
  };
}

/** api/assignments-page's own lead lookup ($leadName, $leadVariants), unused. */
const NO_LEAD_NAME = { leadName: null, leadVariants: null } as const;

/**
 * `assignments`: a lead agency given by name alone (no includeRenamed, no
 * anyAgency) is looked up by the page statement itself, which reads the
 * clauses of the best match: one round trip rather than two in a row. When the
 * agency meant is another (the place its name starts with chooses), the page is
 * read again for that one.
 */
async function assignmentsPage(_parent: unknown, args: FilteredPageArguments, context: ApiContext, info: SelectionInfo) {
  const request = pageRequest(args, context.limits.maxPageSize);
  const filter = args.filter ?? {};
  const withLinks = selectsAny(info, ASSIGNMENT_LINK_FIELDS);
  const withTaskText = selectsTaskText(info);
  const leadName = filter.leadAgency;
  if (leadName === null || leadName === undefined || filter.includeRenamed === true || (filter.anyAgency !== null && filter.anyAgency !== undefined)) {
    return readPage(context, 'api/assignments-page', request, { ...(await filterParameters(filter, context)), withLinks, withTaskText, ...NO_LEAD_NAME });
  }
  const parameters = await filterParameters({ ...filter, leadAgency: null }, context);
  const { wanted, variants } = agencyNameOf('filter.leadAgency', leadName);
  const rows = await context.database.read('api/assignments-page', { ...parameters, ...request, withLinks, withTaskText, leadName: variants[0] ?? wanted, leadVariants: variants });
  const leads = asRows(rows[0]?.['leads']);
  const chosen = chooseAgency('filter.leadAgency', wanted, leads);
  if (chosen === null) throw unknownAgency('filter.leadAgency', leadName, typeof parameters['jurisdictionId'] === 'string' ? parameters['jurisdictionId'] : null);
  if (idOf(chosen) === idOf(asRow(leads[0]?.['agency']))) return connectionOf(rows[0], request);
  return readPage(context, 'api/assignments-page', request, { ...parameters, leadAgencyIds: [idOf(chosen)], withLinks, withTaskText, ...NO_LEAD_NAME });
}

/** The fields of Assignment that page statements can answer inline (`$withLinks`, see cypher/api/assignments-page). */
export const ASSIGNMENT_LINK_FIELDS: ReadonlySet<string> = new Set(['leads', 'leadsInferred', 'supporters', 'responsible', 'task']);

/**
 * Whether a clause's `task { text }` is asked for: page statements leave the
 * task's text out otherwise ($withTaskText), which was half of what
 * "agency across years" read from the database (69 of 145 KB).
 */
export function selectsTaskText(info: SelectionInfo): boolean {
  return selectsBelow(info, 'task', TASK_TEXT_FIELDS);
}

const TASK_TEXT_FIELDS: ReadonlySet<string> = new Set(['text']);

/** A clause's LED_BY / SUPPORTED_BY rows: fetched with its page ($withLinks), else batched per request. */
async function responsibilityRows(parent: Row, context: ApiContext): Promise<Row[]> {
  return Array.isArray(parent['_agencies']) ? asRows(parent['_agencies']) : rowsForParent(context, 'api/led-and-supported', parent);
}

async function agenciesOf(parent: Row, context: ApiContext, relationship: 'LED_BY' | 'SUPPORTED_BY' | 'RESPONSIBLE'): Promise<Row[]> {
  const rows = await responsibilityRows(parent, context);
  const wanted = relationship === 'RESPONSIBLE' ? (row: Row) => row['role'] === 'RESPONSIBLE' : (row: Row) => row['relationship'] === relationship;
  return rows.filter(wanted).map((row) => asRow(row['agency']));
}

async function leadsInferred(parent: Row, context: ApiContext): Promise<boolean> {
  const rows = await responsibilityRows(parent, context);
  const leads = rows.filter((row) => row['relationship'] === 'LED_BY');
  return leads.length > 0 && leads.every((row) => row['inferred'] === true);
}

/** Leads, supporters and responsible units of a clause or a livelihood project, from one batched statement. */
const responsibilityFields = {
  leads: (parent: Row, _args: unknown, context: ApiContext) => agenciesOf(parent, context, 'LED_BY'),
  leadsInferred: (parent: Row, _args: unknown, context: ApiContext) => leadsInferred(parent, context),
  supporters: (parent: Row, _args: unknown, context: ApiContext) => agenciesOf(parent, context, 'SUPPORTED_BY'),
  responsible: (parent: Row, _args: unknown, context: ApiContext) => agenciesOf(parent, context, 'RESPONSIBLE'),
};

async function links(parent: Row, context: ApiContext, key: 'implements' | 'continues' | 'continuedBy'): Promise<Row[]> {
  const rows = await rowsForParent(context, 'api/assignment-links', parent);
  return asRows(rows[0]?.[key]);
}

const documentField = (parent: Row, _args: unknown, context: ApiContext) => documentOf(context, parent);
const sourceField = (parent: Row) => sourceOf(parent);
/** Joins the parts of a span key; a control character no document id contains. */
const SPAN_KEY_SEPARATOR = '\u001f';
const sourceTextField = async (parent: Row, _args: unknown, context: ApiContext): Promise<string | null> => {
  const { documentId, start, end } = parent;
  if (typeof documentId !== 'string' || typeof start !== 'number' || typeof end !== 'number') return null;
  const key = [documentId, start, end].join(SPAN_KEY_SEPARATOR);
  const rows = await context.batch.rowsFor('api/source-text', { separator: SPAN_KEY_SEPARATOR }, key);
  const text = rows[0]?.['text'];
  return typeof text === 'string' ? text : null;
};

export const taskResolvers = {
  Query: {
    tasks: filteredPage('api/tasks-page'),
    assignments: assignmentsPage,
  },
  Task: {
    section: async (parent: Row, _args: unknown, context: ApiContext) => {
      const rows = await rowsForParent(context, 'api/task-section', parent);
      return rows[0] ? asRow(rows[0]['section']) : null;
    },
    document: documentField,
    source: sourceField,
    assignments: async (parent: Row, _args: unknown, context: ApiContext) =>
      (await rowsForParent(context, 'api/task-assignments', parent)).map((row) => asRow(row['assignment'])),
  },
  Section: { document: documentField },
  Passage: { document: documentField, source: sourceField },
  SourceSpan: { document: documentField, text: sourceTextField },
  Assignment: {
    joint: (parent: Row) => parent['joint'] === true,
    text: (parent: Row) => (typeof parent['text'] === 'string' ? parent['text'] : ''),
    task: async (parent: Row, _args: unknown, context: ApiContext) => {
      // Fetched with the page this clause came from ($withLinks): no round trip.
      const task = Array.isArray(parent['_task']) ? parent['_task'][0] : (await rowsForParent(context, 'api/assignment-task', parent))[0]?.['task'];
      if (task === undefined || task === null) throw new KgError('NOT_FOUND', `Assignment ${idOf(parent)} has no task`);
      return asRow(task);
    },
    ...responsibilityFields,
    mentions: async (parent: Row, _args: unknown, context: ApiContext) =>
      (await rowsForParent(context, 'api/mentions', parent)).map((row) => asRow(row['entity'])),
    implements: (parent: Row, _args: unknown, context: ApiContext) => links(parent, context, 'implements'),
    continues: (parent: Row, _args: unknown, context: ApiContext) => links(parent, context, 'continues'),
    continuedBy: (parent: Row, _args: unknown, context: ApiContext) => links(parent, context, 'continuedBy'),
    source: sourceField,
  },
  LivelihoodProject: {
    ...responsibilityFields,
    document: documentField,
  },
};
