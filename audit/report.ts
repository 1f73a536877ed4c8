/**
 * API data → the typed audit report. Pure and deterministic: the same data
 * gives the same report, ordered the same way, whatever order the API used.
 * The report is also the JSON output, so its keys are the documented contract.
 */
import type { AgencyLoadData, AgencyRef, AssignmentData, DocumentData, DocumentRef, LeadChangeData, LeaderRef, LivelihoodProjectData } from './queries.ts';

/** One leader's responsibility for an agency in one year, flattened from either API path. */
export interface OversightRow {
  readonly year: number;
  readonly leader: LeaderRef;
  readonly agency: AgencyRef;
  readonly role: string;
  readonly aspect: string | null;
  readonly title: string | null;
  /** The division of work's own words, and the document they are in. */
  readonly source: OversightSource | null;
}

export interface OversightSource {
  readonly docNo: string | null;
  readonly title: string | null;
  readonly text: string | null;
}

/** Everything the audit read from the API, for the selected years. */
export interface AuditData {
  readonly api: string;
  /** How the years were chosen, for people (e.g. "2023–2026"). */
  readonly selection: string;
  /** Selected years the API has documents for, oldest first. */
  readonly years: readonly number[];
  readonly documents: readonly DocumentData[];
  readonly jointLeads: readonly AssignmentData[];
  readonly leadChanges: readonly LeadChangeData[];
  readonly oversights: readonly OversightRow[];
  readonly agencies: readonly AgencyLoadData[];
  readonly livelihood: readonly LivelihoodProjectData[];
  /** Remarks on how the data was read (e.g. a capped list replaced by a paginated one). */
  readonly notes: readonly string[];
}

/** A cited document: the same fields the API gives for a document reference. */
export type DocumentCitation = DocumentRef;

/** A task-division clause as cited: where it is and what it says. */
export interface ClauseCitation {
  readonly id: string;
  /** Short reference for tables: "2024 #6.2" is clause 2 of task 6 of 2024. */
  readonly ref: string;
  readonly year: number | null;
  readonly taskNumber: number | null;
  readonly taskTitle: string | null;
  readonly ordinal: number | null;
  readonly leads: readonly string[];
  /** The source says 按职责分别牵头 (each lead within its remit). */
  readonly jointWording: boolean;
  readonly text: string;
  readonly annotation: string | null;
  readonly document: DocumentCitation;
  readonly start: number | null;
  readonly end: number | null;
}

export interface JointLeadTotal {
  readonly year: number;
  readonly clauses: number;
}

export interface CoLeadPair {
  readonly rank: number;
  readonly first: string;
  readonly second: string;
  readonly count: number;
  readonly years: readonly number[];
  /** Refs of the clauses they co-lead (cited in full under jointLeads). */
  readonly clauses: readonly string[];
}

export type DriftKind = 'added' | 'dropped' | 'replaced';

export interface LeadDrift {
  readonly kind: DriftKind;
  readonly added: readonly string[];
  readonly dropped: readonly string[];
  readonly kept: readonly string[];
  /** The linker's similarity of the two clauses (null when the API did not give it). */
  readonly score: number | null;
  readonly later: ClauseCitation;
  readonly earlier: ClauseCitation;
}

export interface OversightOverlap {
  readonly year: number;
  readonly agency: string;
  readonly leaders: readonly {
    readonly leader: string;
    readonly role: string;
    readonly aspect: string | null;
    readonly title: string | null;
    readonly source: OversightSource | null;
  }[];
}

export interface LoadRow {
  readonly rank: number;
  readonly agency: string;
  readonly clauseLeads: number;
  /** clauseLeads minus the agency's count in `previousClauseYear`; null when there is nothing to compare with. */
  readonly clauseChange: number | null;
  readonly jointClauseLeads: number;
  readonly livelihoodLeads: number;
  /** livelihoodLeads minus the agency's count in `previousLivelihoodYear`; null when there is nothing to compare with. */
  readonly livelihoodChange: number | null;
  /** clauseLeads + livelihoodLeads: the ranking key. */
  readonly total: number;
}

/**
 * Each measure is compared with the nearest earlier year that has the same
 * kind of data, so a year with a task division is never compared with one
 * that only has a 为民办实事 table (or the other way round).
 */
export interface LoadYear {
  readonly year: number;
  /** Null when this year has no task-division leads or no earlier year has any. */
  readonly previousClauseYear: number | null;
  /** Null when this year has no 为民办实事 leads or no earlier year has any. */
  readonly previousLivelihoodYear: number | null;
  readonly agencies: readonly LoadRow[];
}

export interface LivelihoodCitation {
  readonly id: string;
  readonly year: number | null;
  readonly no: number | null;
  readonly title: string | null;
  readonly content: string | null;
  readonly leads: readonly string[];
  readonly responsible: readonly string[];
  readonly document: DocumentCitation;
}

export interface AuditReport {
  readonly meta: {
    readonly api: string;
    readonly selection: string;
    readonly years: readonly number[];
    readonly generatedAt: string;
    readonly documents: readonly { readonly year: number | null; readonly kind: string; readonly id: string; readonly title: string | null }[];
    readonly notes: readonly string[];
  };
  readonly jointLeads: { readonly totals: readonly JointLeadTotal[]; readonly clauses: readonly ClauseCitation[] };
  readonly coLeadPairs: {
    readonly byYear: readonly { readonly year: number; readonly pairs: readonly CoLeadPair[] }[];
    readonly acrossYears: readonly CoLeadPair[];
  };
  readonly leadDrift: readonly LeadDrift[];
  readonly oversightOverlaps: readonly OversightOverlap[];
  readonly load: readonly LoadYear[];
  readonly livelihood: {
    /** Items where a unit is both 牵头单位 and 责任单位. */
    readonly leadAndResponsible: readonly (LivelihoodCitation & { readonly agencies: readonly string[] })[];
    /** Units leading items in more than one year. */
    readonly repeatedLeads: readonly { readonly agency: string; readonly years: readonly number[]; readonly projects: readonly LivelihoodCitation[] }[];
  };
}

/** The oversight roles that make an agency answer to a leader; 联系 (liaison) does not. */
export const OVERSIGHT_ROLES = ['主管', '分管', '协助分管'] as const;

/** Code-point order: stable across machines, unlike locale collation of Chinese names. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byNullableNumber(a: number | null, b: number | null): number {
  return (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER);
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(byText);
}

/** Copies the three fields, so the report carries no more than its contract whatever the API sent. */
function citeDocument(document: DocumentRef): DocumentCitation {
  return { id: document.id, docNo: document.docNo, title: document.title };
}

export function clauseRef(assignment: Pick<AssignmentData, 'id' | 'year' | 'ordinal' | 'task'>): string {
  if (assignment.task.number === null || assignment.ordinal === null) return assignment.id;
  return `${assignment.year ?? '?'} #${assignment.task.number}.${assignment.ordinal}`;
}

export function citeClause(assignment: AssignmentData): ClauseCitation {
  return {
    id: assignment.id,
    ref: clauseRef(assignment),
    year: assignment.year,
    taskNumber: assignment.task.number,
    taskTitle: assignment.task.title,
    ordinal: assignment.ordinal,
    leads: assignment.leads.map((agency) => agency.name),
    jointWording: assignment.joint,
    text: assignment.text,
    annotation: assignment.annotation,
    document: citeDocument(assignment.source.document),
    start: assignment.source.start,
    end: assignment.source.end,
  };
}

/** Where a clause stands: year, task number, ordinal, with the id breaking ties. */
type ClausePosition = Pick<ClauseCitation, 'year' | 'taskNumber' | 'ordinal' | 'id'>;

function compareClausePositions(a: ClausePosition, b: ClausePosition): number {
  return (
    byNullableNumber(a.year, b.year) ||
    byNullableNumber(a.taskNumber, b.taskNumber) ||
    byNullableNumber(a.ordinal, b.ordinal) ||
    byText(a.id, b.id)
  );
}

function compareClauses(a: AssignmentData, b: AssignmentData): number {
  const position = (clause: AssignmentData): ClausePosition => ({ year: clause.year, taskNumber: clause.task.number, ordinal: clause.ordinal, id: clause.id });
  return compareClausePositions(position(a), position(b));
}

/** Competition ranking ("1, 1, 3") over rows already sorted best first. */
function ranked<T>(rows: readonly T[], score: (row: T) => number): (T & { rank: number })[] {
  let rank = 0;
  let previous: number | null = null;
  return rows.map((row, index) => {
    const value = score(row);
    if (value !== previous) rank = index + 1;
    previous = value;
    return { ...row, rank };
  });
}

function jointLeadsSection(data: AuditData): AuditReport['jointLeads'] {
  const clauses = [...data.jointLeads].filter((clause) => clause.leads.length >= 2).sort(compareClauses);
  const counts = new Map<number, number>();
  for (const year of data.years) {
    if (data.documents.some((document) => document.year === year && document.kind === 'TASK_DIVISION')) counts.set(year, 0);
  }
  for (const clause of clauses) if (clause.year !== null) counts.set(clause.year, (counts.get(clause.year) ?? 0) + 1);
  const totals = [...counts].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, clauses: count }));
  return { totals, clauses: clauses.map(citeClause) };
}

interface PairTally {
  readonly first: string;
  readonly second: string;
  count: number;
  readonly years: Set<number>;
  readonly clauses: string[];
}

function rankPairs(tallies: Iterable<PairTally>): CoLeadPair[] {
  const sorted = [...tallies].sort((a, b) => b.count - a.count || byText(a.first, b.first) || byText(a.second, b.second));
  return ranked(sorted, (pair) => pair.count).map((pair) => ({
    rank: pair.rank,
    first: pair.first,
    second: pair.second,
    count: pair.count,
    years: [...pair.years].sort((a, b) => a - b),
    clauses: pair.clauses,
  }));
}

/** Every pair of leads of every multi-lead clause; the joint-lead clauses are all the clauses a pair can share. */
function coLeadPairsSection(data: AuditData): AuditReport['coLeadPairs'] {
  const perYear = new Map<number, Map<string, PairTally>>();
  const overall = new Map<string, PairTally>();
  const tally = (into: Map<string, PairTally>, first: string, second: string, year: number, ref: string) => {
    const key = `${first}\u0000${second}`;
    let entry = into.get(key);
    if (!entry) {
      entry = { first, second, count: 0, years: new Set(), clauses: [] };
      into.set(key, entry);
    }
    entry.count += 1;
    entry.years.add(year);
    entry.clauses.push(ref);
  };
  const clauses = [...data.jointLeads].sort(compareClauses);
  for (const clause of clauses) {
    if (clause.year === null) continue;
    // Collective addressees (各县区人民政府, 市人民政府各部门) are not one agency: they would top every ranking.
    const names = uniqueSorted(clause.leads.filter((agency) => agency.kind !== 'collective').map((agency) => agency.name));
    const ref = clauseRef(clause);
    let yearTallies = perYear.get(clause.year);
    if (!yearTallies) {
      yearTallies = new Map();
      perYear.set(clause.year, yearTallies);
    }
    for (let i = 0; i < names.length; i++) {
      for (let j = i + 1; j < names.length; j++) {
        const first = names[i] ?? '';
        const second = names[j] ?? '';
        tally(yearTallies, first, second, clause.year, ref);
        tally(overall, first, second, clause.year, ref);
      }
    }
  }
  return {
    byYear: [...perYear].sort(([a], [b]) => a - b).map(([year, tallies]) => ({ year, pairs: rankPairs(tallies.values()) })),
    acrossYears: rankPairs(overall.values()),
  };
}

function leadDriftSection(data: AuditData): LeadDrift[] {
  const drifts: LeadDrift[] = [];
  const seen = new Set<string>();
  for (const change of data.leadChanges) {
    const key = `${change.later.id}\u0000${change.earlier.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const added = uniqueSorted(change.added.map((agency) => agency.name));
    const dropped = uniqueSorted(change.removed.map((agency) => agency.name));
    if (added.length === 0 && dropped.length === 0) continue;
    const addedIds = new Set(change.added.map((agency) => agency.id));
    const kept = uniqueSorted(change.later.leads.filter((agency) => !addedIds.has(agency.id)).map((agency) => agency.name));
    const kind: DriftKind = added.length > 0 && dropped.length > 0 ? 'replaced' : added.length > 0 ? 'added' : 'dropped';
    drifts.push({ kind, added, dropped, kept, score: change.score, later: citeClause(change.later), earlier: citeClause(change.earlier) });
  }
  return drifts.sort((a, b) => compareClausePositions(a.later, b.later) || compareClausePositions(a.earlier, b.earlier));
}

function oversightSection(data: AuditData): OversightOverlap[] {
  const roles: readonly string[] = OVERSIGHT_ROLES;
  const groups = new Map<string, OversightRow[]>();
  for (const row of data.oversights) {
    if (!roles.includes(row.role)) continue;
    const key = `${row.year}\u0000${row.agency.id}`;
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  const overlaps: OversightOverlap[] = [];
  for (const rows of groups.values()) {
    if (new Set(rows.map((row) => row.leader.id)).size < 2) continue;
    const first = rows[0];
    if (!first) continue;
    const unique = new Map(rows.map((row) => [`${row.leader.id}\u0000${row.role}\u0000${row.aspect ?? ''}`, row]));
    const leaders = [...unique.values()]
      .sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role) || byText(a.leader.name, b.leader.name) || byText(a.aspect ?? '', b.aspect ?? ''))
      .map((row) => ({ leader: row.leader.name, role: row.role, aspect: row.aspect, title: row.title, source: row.source }));
    overlaps.push({ year: first.year, agency: first.agency.name, leaders });
  }
  return overlaps.sort((a, b) => a.year - b.year || byText(a.agency, b.agency));
}

function loadSection(data: AuditData): LoadYear[] {
  const clauseYears = new Set<number>();
  const livelihoodYears = new Set<number>();
  for (const agency of data.agencies) {
    for (const summary of agency.yearSummary) {
      if (summary.leadCount > 0) clauseYears.add(summary.year);
      if (summary.livelihoodLeadCount > 0) livelihoodYears.add(summary.year);
    }
  }
  const previousIn = (years: ReadonlySet<number>, year: number): number | null =>
    years.has(year) ? ([...years].filter((candidate) => candidate < year).sort((a, b) => b - a)[0] ?? null) : null;
  const countIn = (agency: AgencyLoadData, year: number | null, measure: 'leadCount' | 'livelihoodLeadCount'): number =>
    year === null ? 0 : (agency.yearSummary.find((summary) => summary.year === year)?.[measure] ?? 0);
  return data.years
    .filter((year) => clauseYears.has(year) || livelihoodYears.has(year))
    .map((year) => {
      const previousClauseYear = previousIn(clauseYears, year);
      const previousLivelihoodYear = previousIn(livelihoodYears, year);
      const rows = data.agencies.flatMap((agency) => {
        const clauseLeads = countIn(agency, year, 'leadCount');
        const livelihoodLeads = countIn(agency, year, 'livelihoodLeadCount');
        if (clauseLeads + livelihoodLeads === 0) return [];
        const current = agency.yearSummary.find((summary) => summary.year === year);
        return [
          {
            agency: agency.name,
            clauseLeads,
            clauseChange: previousClauseYear === null ? null : clauseLeads - countIn(agency, previousClauseYear, 'leadCount'),
            jointClauseLeads: current?.jointLeadCount ?? 0,
            livelihoodLeads,
            livelihoodChange: previousLivelihoodYear === null ? null : livelihoodLeads - countIn(agency, previousLivelihoodYear, 'livelihoodLeadCount'),
            total: clauseLeads + livelihoodLeads,
          },
        ];
      });
      rows.sort((a, b) => b.total - a.total || b.clauseLeads - a.clauseLeads || byText(a.agency, b.agency));
      const agencies: LoadRow[] = ranked(rows, (row) => row.total).map((row) => ({
        rank: row.rank,
        agency: row.agency,
        clauseLeads: row.clauseLeads,
        clauseChange: row.clauseChange,
        jointClauseLeads: row.jointClauseLeads,
        livelihoodLeads: row.livelihoodLeads,
        livelihoodChange: row.livelihoodChange,
        total: row.total,
      }));
      return { year, previousClauseYear, previousLivelihoodYear, agencies };
    });
}

function citeProject(project: LivelihoodProjectData): LivelihoodCitation {
  return {
    id: project.id,
    year: project.year,
    no: project.no,
    title: project.title,
    content: project.content,
    leads: project.leads.map((agency) => agency.name),
    responsible: project.supporters.map((agency) => agency.name),
    document: citeDocument(project.document),
  };
}

function livelihoodSection(data: AuditData): AuditReport['livelihood'] {
  const projects = [...data.livelihood].sort(
    (a, b) => byNullableNumber(a.year, b.year) || byNullableNumber(a.no, b.no) || byText(a.id, b.id),
  );
  const leadAndResponsible = projects.flatMap((project) => {
    const responsible = new Set(project.supporters.map((agency) => agency.id));
    const both = uniqueSorted(project.leads.filter((agency) => responsible.has(agency.id)).map((agency) => agency.name));
    return both.length > 0 ? [{ ...citeProject(project), agencies: both }] : [];
  });
  const byAgency = new Map<string, { name: string; projects: LivelihoodProjectData[] }>();
  for (const project of projects) {
    for (const lead of new Map(project.leads.map((agency) => [agency.id, agency])).values()) {
      const entry = byAgency.get(lead.id) ?? { name: lead.name, projects: [] };
      entry.projects.push(project);
      byAgency.set(lead.id, entry);
    }
  }
  const repeatedLeads = [...byAgency.values()]
    .map((entry) => ({
      agency: entry.name,
      years: [...new Set(entry.projects.flatMap((project) => (project.year === null ? [] : [project.year])))].sort((a, b) => a - b),
      projects: entry.projects.map(citeProject),
    }))
    .filter((entry) => entry.years.length >= 2)
    .sort((a, b) => b.years.length - a.years.length || b.projects.length - a.projects.length || byText(a.agency, b.agency));
  return { leadAndResponsible, repeatedLeads };
}

export function buildAuditReport(data: AuditData, generatedAt: string): AuditReport {
  const documents = [...data.documents]
    .sort((a, b) => byNullableNumber(a.year, b.year) || byText(a.kind, b.kind) || byText(a.id, b.id))
    .map((document) => ({ year: document.year, kind: document.kind, id: document.id, title: document.title }));
  return {
    meta: { api: data.api, selection: data.selection, years: [...data.years], generatedAt, documents, notes: [...data.notes] },
    jointLeads: jointLeadsSection(data),
    coLeadPairs: coLeadPairsSection(data),
    leadDrift: leadDriftSection(data),
    oversightOverlaps: oversightSection(data),
    load: loadSection(data),
    livelihood: livelihoodSection(data),
  };
}
