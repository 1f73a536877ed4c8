/**
 * Reads what the audit needs from the API: one paginated stream per section
 * (per year where the API only answers one year at a time). The number of
 * requests grows with years and pages, never with rows.
 */
import { KgError } from '../core/errors.ts';
import type { GraphqlClient } from './client.ts';
import { describeSelection, selectYears, type YearSelection } from './options.ts';
import {
  AGENCY_LOAD_QUERY,
  CONTINUATIONS_PAGE_SIZE,
  CONTINUATIONS_QUERY,
  DOCUMENTS_QUERY,
  JOINT_LEADS_QUERY,
  LEAD_CHANGES_QUERY,
  LEADER_OVERSIGHT_QUERY,
  LIVELIHOOD_QUERY,
  SHARED_OVERSIGHT_QUERY,
  type AgencyLoadData,
  type AgencyLoadResult,
  type AssignmentData,
  type ContinuationsResult,
  type DocumentData,
  type DocumentsResult,
  type JointLeadsResult,
  type LeadChangeData,
  type LeadChangesResult,
  type LeaderOversightResult,
  type OversightData,
  type LivelihoodProjectData,
  type LivelihoodResult,
  type SharedOversightData,
  type SharedOversightResult,
} from './queries.ts';
import type { AuditData, OversightRow, OversightSource } from './report.ts';

function yearBounds(selection: YearSelection): { yearFrom: number | null; yearTo: number | null } {
  switch (selection.kind) {
    case 'all':
      return { yearFrom: null, yearTo: null };
    case 'range':
      return { yearFrom: selection.from, yearTo: selection.to };
    case 'from':
      return { yearFrom: selection.from, yearTo: null };
    case 'to':
      return { yearFrom: null, yearTo: selection.to };
  }
}

async function readDocuments(client: GraphqlClient, selection: YearSelection): Promise<DocumentData[]> {
  return client.readAll<DocumentData, DocumentsResult>('AuditDocuments', DOCUMENTS_QUERY, yearBounds(selection), (data) => data.documents);
}

/** Lead sets compared by agency id: the complete path computes what `leadChanges` would give. */
function diffLeads(later: AssignmentData, earlier: AssignmentData): Pick<LeadChangeData, 'added' | 'removed'> {
  const laterIds = new Set(later.leads.map((agency) => agency.id));
  const earlierIds = new Set(earlier.leads.map((agency) => agency.id));
  return {
    added: later.leads.filter((agency) => !earlierIds.has(agency.id)),
    removed: earlier.leads.filter((agency) => !laterIds.has(agency.id)),
  };
}

/** Lead drift of `year` from every clause of the year and the clauses it continues: complete, paginated. */
export async function readLeadChangesFromClauses(client: GraphqlClient, year: number): Promise<LeadChangeData[]> {
  const clauses = await client.readAll<AssignmentData & { continues: AssignmentData[] }, ContinuationsResult>(
    'AuditContinuations',
    CONTINUATIONS_QUERY,
    { year },
    (data) => data.assignments,
    CONTINUATIONS_PAGE_SIZE,
  );
  return clauses.flatMap((later) =>
    later.continues.map((earlier) => ({ score: null, earlier, later, ...diffLeads(later, earlier) })).filter((change) => change.added.length + change.removed.length > 0),
  );
}

async function readLeadChanges(client: GraphqlClient, year: number): Promise<LeadChangeData[]> {
  return client.readAll<LeadChangeData, LeadChangesResult>('AuditLeadChanges', LEAD_CHANGES_QUERY, { year }, (data) => data.overlaps.leadChanges);
}

async function readOversights(client: GraphqlClient, year: number): Promise<OversightRow[]> {
  const shared = await client.readAll<SharedOversightData, SharedOversightResult>(
    'AuditSharedOversight',
    SHARED_OVERSIGHT_QUERY,
    { year },
    (data) => data.overlaps.multiplyOverseen,
  );
  return shared.flatMap((entry) =>
    entry.oversights.map((oversight) => ({
      year: oversight.year ?? entry.year ?? year,
      leader: oversight.leader,
      agency: entry.agency,
      role: oversight.role,
      aspect: oversight.aspect,
      title: oversight.title,
      source: oversightSource(oversight),
    })),
  );
}

function oversightSource(oversight: OversightData): OversightSource | null {
  if (!oversight.source) return null;
  return { docNo: oversight.source.document.docNo, title: oversight.source.document.title, text: oversight.source.text };
}

/** Every oversight of `year`, leader by leader (the report keeps the agencies with several overseers). */
export async function readOversightsFromLeaders(client: GraphqlClient, year: number): Promise<OversightRow[]> {
  const leaders = await client.request<LeaderOversightResult>('AuditLeaderOversight', LEADER_OVERSIGHT_QUERY, { year });
  return leaders.leaders.flatMap((leader) =>
    leader.oversees.map((oversight) => ({
      year: oversight.year ?? year,
      leader: { id: leader.id, name: leader.name },
      agency: oversight.agency,
      role: oversight.role,
      aspect: oversight.aspect,
      title: oversight.title,
      source: oversightSource(oversight),
    })),
  );
}

function yearsWith(documents: readonly DocumentData[], years: readonly number[], kinds: readonly DocumentData['kind'][]): number[] {
  return years.filter((year) => documents.some((document) => document.year === year && kinds.includes(document.kind)));
}

/**
 * Reads the audit data for the selected years. Fails with NOT_FOUND when the
 * API has no documents in them, naming the years it does have.
 */
export async function collectAuditData(client: GraphqlClient, selection: YearSelection): Promise<AuditData> {
  const documents = await readDocuments(client, selection);
  const years = selectYears(
    selection,
    documents.flatMap((document) => (document.year === null ? [] : [document.year])),
  );
  if (years.length === 0) {
    const everything = selection.kind === 'all' ? documents : await readDocuments(client, { kind: 'all' });
    const available = [...new Set(everything.flatMap((document) => (document.year === null ? [] : [document.year])))].sort((a, b) => a - b);
    const has = available.length > 0 ? `it has documents for ${available.join(', ')}` : 'it has no documents at all: ingest some with "kg ingest" or start it with "npm start"';
    throw new KgError('NOT_FOUND', `No data for ${describeSelection(selection)} in the API at ${client.url}: ${has}.`);
  }
  const notes: string[] = [];
  const from = years[0] ?? 0;
  const to = years[years.length - 1] ?? 0;
  const taskYears = yearsWith(documents, years, ['TASK_DIVISION']);

  const jointLeads =
    taskYears.length === 0
      ? []
      : await client.readAll<AssignmentData, JointLeadsResult>('AuditJointLeads', JOINT_LEADS_QUERY, { yearFrom: from, yearTo: to }, (data) => data.assignments);
  const leadChanges: LeadChangeData[] = [];
  for (const year of taskYears) leadChanges.push(...(await readLeadChanges(client, year)));
  const oversights: OversightRow[] = [];
  for (const year of yearsWith(documents, years, ['LEADER_DIVISION'])) oversights.push(...(await readOversights(client, year)));
  const agencies = await client.readAll<AgencyLoadData, AgencyLoadResult>(
    'AuditAgencyLoad',
    AGENCY_LOAD_QUERY,
    { years },
    (data) => data.agencies,
  );
  const livelihood: LivelihoodProjectData[] = [];
  // 为民办实事 tables come in plans of their own and appended to work reports, so every year is asked.
  for (const year of years) {
    livelihood.push(...(await client.readAll<LivelihoodProjectData, LivelihoodResult>('AuditLivelihood', LIVELIHOOD_QUERY, { year }, (data) => data.livelihoodProjects)));
  }
  return {
    api: client.url,
    selection: describeSelection(selection),
    years,
    documents,
    jointLeads,
    leadChanges,
    oversights,
    agencies,
    livelihood,
    notes,
  };
}
