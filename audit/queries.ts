/**
 * The GraphQL operations the audit sends, with the shapes of their results.
 * Page sizes come in as `$first` (≤ the API's cap) and pages as `$after`.
 */
import type { DocumentKind } from '../ingest/index.ts';
import type { Connection } from './client.ts';

export interface AgencyRef {
  readonly id: string;
  readonly name: string;
  /** e.g. department, collective (several bodies addressed together); absent in older API answers. */
  readonly kind?: string | null;
}

export interface LeaderRef {
  readonly id: string;
  readonly name: string;
}

export interface DocumentRef {
  readonly id: string;
  readonly docNo: string | null;
  readonly title: string | null;
}

export interface AssignmentData {
  readonly id: string;
  readonly year: number | null;
  readonly ordinal: number | null;
  readonly text: string;
  readonly annotation: string | null;
  readonly joint: boolean;
  readonly leads: readonly AgencyRef[];
  readonly task: { readonly id: string; readonly number: number | null; readonly title: string | null };
  readonly source: { readonly start: number | null; readonly end: number | null; readonly document: DocumentRef };
}

export interface DocumentData {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly year: number | null;
  readonly title: string | null;
  readonly docNo: string | null;
}

export interface LeadChangeData {
  readonly score: number | null;
  readonly earlier: AssignmentData;
  readonly later: AssignmentData;
  readonly added: readonly AgencyRef[];
  readonly removed: readonly AgencyRef[];
}

export interface OversightData {
  readonly role: string;
  readonly aspect: string | null;
  readonly title: string | null;
  readonly year: number | null;
  /** Where the division of work says so: the words and their document. */
  readonly source: { readonly text: string | null; readonly document: DocumentRef } | null;
}

export interface SharedOversightData {
  readonly year: number | null;
  readonly agency: AgencyRef;
  readonly oversights: readonly (OversightData & { readonly leader: LeaderRef })[];
}

export interface LeaderOversightData extends LeaderRef {
  readonly oversees: readonly (OversightData & { readonly agency: AgencyRef })[];
}

export interface YearSummaryData {
  readonly year: number;
  readonly leadCount: number;
  readonly jointLeadCount: number;
  readonly livelihoodLeadCount: number;
  readonly supportCount: number;
}

export interface AgencyLoadData extends AgencyRef {
  readonly yearSummary: readonly YearSummaryData[];
}

export interface LivelihoodProjectData {
  readonly id: string;
  readonly year: number | null;
  readonly no: number | null;
  readonly title: string | null;
  readonly content: string | null;
  readonly leads: readonly AgencyRef[];
  readonly supporters: readonly AgencyRef[];
  readonly document: DocumentRef;
}

const ASSIGNMENT_FIELDS = `
fragment AuditAssignment on Assignment {
  id
  year
  ordinal
  text
  annotation
  joint
  leads { id name kind }
  task { id number title }
  source { start end document { id docNo title } }
}`;

const PAGE_INFO = 'totalCount pageInfo { hasNextPage endCursor }';

export const DOCUMENTS_QUERY = `
query AuditDocuments($yearFrom: Int, $yearTo: Int, $first: Int!, $after: String) {
  documents(filter: { yearFrom: $yearFrom, yearTo: $yearTo }, first: $first, after: $after) {
    ${PAGE_INFO}
    edges { node { id kind year title docNo } }
  }
}`;
export type DocumentsResult = { documents: Connection<DocumentData> };

/** Clauses with two or more leads, over a range of years in one paginated stream. */
export const JOINT_LEADS_QUERY = `
query AuditJointLeads($yearFrom: Int!, $yearTo: Int!, $first: Int!, $after: String) {
  assignments(filter: { jointOnly: true, yearFrom: $yearFrom, yearTo: $yearTo }, first: $first, after: $after) {
    ${PAGE_INFO}
    edges { node { ...AuditAssignment } }
  }
}
${ASSIGNMENT_FIELDS}`;
export type JointLeadsResult = { assignments: Connection<AssignmentData> };

/** Continued work whose leads changed; `$year` is the later year. Paged. */
export const LEAD_CHANGES_QUERY = `
query AuditLeadChanges($year: Int!, $first: Int!, $after: String) {
  overlaps(year: $year) {
    leadChanges(first: $first, after: $after) {
      ${PAGE_INFO}
      edges {
        node {
          score
          earlier { ...AuditAssignment }
          later { ...AuditAssignment }
          added { id name }
          removed { id name }
        }
      }
    }
  }
}
${ASSIGNMENT_FIELDS}`;
export type LeadChangesResult = { overlaps: { leadChanges: Connection<LeadChangeData> } };

/**
 * An independent way to the same answer as `leadChanges` (used to cross-check
 * it): every clause of the year with the clauses it continues. Its smaller pages (the `$first` default, which the
 * API's cost estimate reads) keep the nested lists within the cost limit.
 */
export const CONTINUATIONS_QUERY = `
query AuditContinuations($year: Int!, $first: Int = 50, $after: String) {
  assignments(filter: { years: [$year] }, first: $first, after: $after) {
    ${PAGE_INFO}
    edges { node { ...AuditAssignment continues { ...AuditAssignment } } }
  }
}
${ASSIGNMENT_FIELDS}`;
export type ContinuationsResult = { assignments: Connection<AssignmentData & { continues: AssignmentData[] }> };
export const CONTINUATIONS_PAGE_SIZE = 50;

/** Agencies overseen by more than one leader in `$year`. Paged. */
export const SHARED_OVERSIGHT_QUERY = `
query AuditSharedOversight($year: Int!, $first: Int!, $after: String) {
  overlaps(year: $year) {
    multiplyOverseen(first: $first, after: $after) {
      ${PAGE_INFO}
      edges {
        node {
          year
          agency { id name }
          oversights { role aspect title year leader { id name } source { text document { id docNo title } } }
        }
      }
    }
  }
}`;
export type SharedOversightResult = { overlaps: { multiplyOverseen: Connection<SharedOversightData> } };

/** Every oversight of the year, leader by leader: an independent way to the `multiplyOverseen` answer (used to cross-check it). */
export const LEADER_OVERSIGHT_QUERY = `
query AuditLeaderOversight($year: Int!) {
  leaders(year: $year) {
    id
    name
    oversees { role aspect title year agency { id name } source { text document { id docNo title } } }
  }
}`;
export type LeaderOversightResult = { leaders: LeaderOversightData[] };

/** Agencies with a role in any of `$years`, with their per-year counts (all years, for the change from the previous one). */
export const AGENCY_LOAD_QUERY = `
query AuditAgencyLoad($years: [Int!], $first: Int!, $after: String) {
  agencies(filter: { activeInYears: $years }, first: $first, after: $after) {
    ${PAGE_INFO}
    edges { node { id name yearSummary { year leadCount jointLeadCount livelihoodLeadCount supportCount } } }
  }
}`;
export type AgencyLoadResult = { agencies: Connection<AgencyLoadData> };

export const LIVELIHOOD_QUERY = `
query AuditLivelihood($year: Int!, $first: Int!, $after: String) {
  livelihoodProjects(year: $year, first: $first, after: $after) {
    ${PAGE_INFO}
    edges {
      node {
        id
        year
        no
        title
        content
        leads { id name kind }
        supporters { id name }
        document { id docNo title }
      }
    }
  }
}`;
export type LivelihoodResult = { livelihoodProjects: Connection<LivelihoodProjectData> };

/** Every operation, for the test that validates them against the SDL and the API's limits. */
export const AUDIT_OPERATIONS = {
  AuditDocuments: DOCUMENTS_QUERY,
  AuditJointLeads: JOINT_LEADS_QUERY,
  AuditLeadChanges: LEAD_CHANGES_QUERY,
  AuditContinuations: CONTINUATIONS_QUERY,
  AuditSharedOversight: SHARED_OVERSIGHT_QUERY,
  AuditLeaderOversight: LEADER_OVERSIGHT_QUERY,
  AuditAgencyLoad: AGENCY_LOAD_QUERY,
  AuditLivelihood: LIVELIHOOD_QUERY,
} as const;
