/**
 * The report as CSV for spreadsheets: one file per section, RFC 4180 quoting,
 * CRLF line ends, and a UTF-8 byte-order mark so Excel reads the Chinese
 * names as UTF-8 instead of the system code page.
 */
import type { AuditReport, ClauseCitation, LivelihoodCitation } from './report.ts';

export const BYTE_ORDER_MARK = '\uFEFF';

export type CsvCell = string | number | boolean | null;

export interface CsvFile {
  /** File name without directory, e.g. `joint-leads.csv`. */
  readonly name: string;
  readonly content: string;
}

/** Several names in one cell, in the documents' own list separator. */
const LIST_SEPARATOR = '、';

/**
 * One cell. Text that a spreadsheet would run as a formula (= + - @ at the
 * start) gets a leading apostrophe; numbers are written as they are.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${BYTE_ORDER_MARK}${lines.join('\r\n')}\r\n`;
}

function list(values: readonly (string | number)[]): string {
  return values.join(LIST_SEPARATOR);
}

function documentLabel(clause: Pick<ClauseCitation, 'document'>): string {
  return clause.document.docNo ?? clause.document.title ?? clause.document.id;
}

function projectCells(project: LivelihoodCitation): CsvCell[] {
  return [project.year, project.no, project.title, project.content, list(project.leads), list(project.responsible), project.document.docNo ?? project.document.title, project.id];
}

export function formatCsv(report: AuditReport): CsvFile[] {
  const clauseHeader = ['ref', 'task_title', 'leads', 'clause', 'document', 'assignment_id'];
  const clauseCells = (clause: ClauseCitation): CsvCell[] => [clause.ref, clause.taskTitle, list(clause.leads), clause.text, documentLabel(clause), clause.id];
  const projectHeader = ['year', 'no', 'title', 'content', 'leads', 'responsible', 'document', 'project_id'];
  return [
    {
      name: 'joint-lead-totals.csv',
      content: csvDocument(
        ['year', 'joint_lead_clauses'],
        report.jointLeads.totals.map((total) => [total.year, total.clauses]),
      ),
    },
    {
      name: 'joint-leads.csv',
      content: csvDocument(
        ['year', 'lead_count', 'joint_wording', ...clauseHeader],
        report.jointLeads.clauses.map((clause) => [clause.year, clause.leads.length, clause.jointWording, ...clauseCells(clause)]),
      ),
    },
    {
      name: 'co-lead-pairs.csv',
      content: csvDocument(['scope', 'rank', 'first', 'second', 'count', 'years', 'clauses'], [
        ...report.coLeadPairs.byYear.flatMap((year) =>
          year.pairs.map((pair) => [String(year.year), pair.rank, pair.first, pair.second, pair.count, list(pair.years), list(pair.clauses)]),
        ),
        ...report.coLeadPairs.acrossYears.map((pair) => ['all years', pair.rank, pair.first, pair.second, pair.count, list(pair.years), list(pair.clauses)]),
      ]),
    },
    {
      name: 'lead-drift.csv',
      content: csvDocument(
        ['later_year', 'earlier_year', 'change', 'added', 'dropped', 'kept', 'score', ...clauseHeader.map((name) => `later_${name}`), ...clauseHeader.map((name) => `earlier_${name}`)],
        report.leadDrift.map((drift) => [
          drift.later.year,
          drift.earlier.year,
          drift.kind,
          list(drift.added),
          list(drift.dropped),
          list(drift.kept),
          drift.score,
          ...clauseCells(drift.later),
          ...clauseCells(drift.earlier),
        ]),
      ),
    },
    {
      name: 'oversight-overlaps.csv',
      content: csvDocument(
        ['year', 'agency', 'leader_count', 'leader', 'role', 'aspect', 'leader_title', 'source_text', 'source_doc_no'],
        report.oversightOverlaps.flatMap((overlap) =>
          overlap.leaders.map((leader) => [
            overlap.year,
            overlap.agency,
            new Set(overlap.leaders.map((entry) => entry.leader)).size,
            leader.leader,
            leader.role,
            leader.aspect,
            leader.title,
            leader.source?.text ?? null,
            leader.source?.docNo ?? null,
          ]),
        ),
      ),
    },
    {
      name: 'load.csv',
      content: csvDocument(
        ['year', 'rank', 'agency', 'clause_leads', 'previous_clause_year', 'clause_change', 'joint_clause_leads', 'livelihood_leads', 'previous_livelihood_year', 'livelihood_change', 'total'],
        report.load.flatMap((year) =>
          year.agencies.map((row) => [
            year.year,
            row.rank,
            row.agency,
            row.clauseLeads,
            year.previousClauseYear,
            row.clauseChange,
            row.jointClauseLeads,
            row.livelihoodLeads,
            year.previousLivelihoodYear,
            row.livelihoodChange,
            row.total,
          ]),
        ),
      ),
    },
    {
      name: 'livelihood.csv',
      content: csvDocument(['finding', 'agency', 'agency_years', ...projectHeader], [
        ...report.livelihood.leadAndResponsible.map((project) => ['lead and responsible', list(project.agencies), null, ...projectCells(project)]),
        ...report.livelihood.repeatedLeads.flatMap((entry) =>
          entry.projects.map((project) => ['leads in several years', entry.agency, list(entry.years), ...projectCells(project)]),
        ),
      ]),
    },
  ];
}
