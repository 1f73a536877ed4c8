/**
 * The report as Markdown for people: a summary table per section, then the
 * cited source text. Short facts go in tables; clause texts, which run to
 * several hundred characters, go in quoted lists under their reference.
 */
import type { AuditReport, ClauseCitation, CoLeadPair, LivelihoodCitation } from './report.ts';

const LIST_SEPARATOR = '、';
const NONE = '—';

/**
 * Text inside a line of Markdown (never at its start, where # - + would
 * matter): inline markup characters are escaped, line breaks become spaces.
 */
export function markdownText(value: string): string {
  return value
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|]/g, (character) => `\\${character}`)
    .trim();
}

/** Text in a table cell: as `markdownText`, so `|` cannot end the cell. */
export function markdownCell(value: string | number | null): string {
  if (value === null) return NONE;
  const text = markdownText(String(value));
  return text === '' ? NONE : text;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header.map(markdownCell)), line(header.map(() => '---')), ...rows.map((row) => line(row.map(markdownCell)))].join('\n');
}

function names(values: readonly string[]): string {
  return values.length === 0 ? NONE : values.join(LIST_SEPARATOR);
}

function signed(value: number | null): string {
  if (value === null) return NONE;
  return value > 0 ? `+${value}` : String(value);
}

function source(document: ClauseCitation['document']): string {
  const parts = [document.title, document.docNo].filter((part): part is string => part !== null && part !== '');
  return parts.length > 0 ? parts.join(' ') : document.id;
}

/** The lead annotation as the documents print it, in full-width brackets. */
function bracketed(annotation: string): string {
  return /^[（(].*[）)]$/.test(annotation) ? annotation : `（${annotation}）`;
}

function quotedClause(clause: ClauseCitation): string[] {
  const task = clause.taskTitle ? `（${clause.taskTitle}）` : '';
  return [
    `- **${markdownText(clause.ref)}** ${markdownText(task)} — ${markdownText(names(clause.leads))} — ${markdownText(source(clause.document))}`,
    `  > ${markdownText(clause.text)}${clause.annotation ? ` ${markdownText(bracketed(clause.annotation))}` : ''}`,
  ];
}

function quotedProject(project: LivelihoodCitation): string[] {
  const heading = `${project.year ?? '?'} 第${project.no ?? '?'}项 ${project.title ?? ''}`.trim();
  return [
    `- **${markdownText(heading)}** — 牵头 ${markdownText(names(project.leads))}；责任 ${markdownText(names(project.responsible))} — ${markdownText(source(project.document))}`,
    ...(project.content ? [`  > ${markdownText(project.content)}`] : []),
  ];
}

function pairTable(pairs: readonly CoLeadPair[], withYears: boolean): string {
  return markdownTable(
    ['Rank', 'Agency', 'Agency', 'Clauses co-led', ...(withYears ? ['Years'] : []), 'Clause refs'],
    pairs.map((pair) => [pair.rank, pair.first, pair.second, pair.count, ...(withYears ? [pair.years.join(', ')] : []), pair.clauses.join(', ')]),
  );
}

function empty(what: string): string {
  return `_No ${what}._`;
}

/** A section's table, or a line saying there is nothing of `what` when it has no rows. */
function tableOrNone(what: string, header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return rows.length === 0 ? empty(what) : markdownTable(header, rows);
}

export function formatMarkdown(report: AuditReport): string {
  const { meta } = report;
  const out: string[] = [];
  out.push('# Responsibility overlaps audit', '');
  out.push(`- API: ${markdownText(meta.api)}`);
  out.push(`- Years: ${markdownText(meta.selection)} (with data: ${meta.years.join(', ')})`);
  out.push(`- Generated: ${markdownText(meta.generatedAt)}`);
  const kinds = new Map<string, number>();
  for (const document of meta.documents) {
    const kind = document.kind.toLowerCase().replace(/_/g, ' ');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const byKind = [...kinds].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, count]) => `${kind} ${count}`).join(', ');
  out.push(`- Documents read: ${meta.documents.length}${byKind ? ` (${markdownText(byKind)})` : ''}`);
  for (const note of meta.notes) out.push(`- Note: ${markdownText(note)}`);
  out.push('');

  out.push('## 1. Joint leads', '', 'Task-division clauses with two or more lead agencies.', '');
  out.push(tableOrNone('task divisions in these years', ['Year', 'Joint-lead clauses'], report.jointLeads.totals.map((total) => [total.year, total.clauses])));
  for (const total of report.jointLeads.totals) {
    const clauses = report.jointLeads.clauses.filter((clause) => clause.year === total.year);
    if (clauses.length === 0) continue;
    out.push('', `### ${total.year}`, '');
    for (const clause of clauses) out.push(...quotedClause(clause));
  }
  out.push('');

  out.push('## 2. Co-lead pairs', '', 'Agency pairs ranked by the number of clauses they lead together (collective addressees such as 各县区人民政府 left out: they are not one agency).', '');
  if (report.coLeadPairs.acrossYears.length === 0) out.push(empty('co-lead pairs'));
  else {
    // With one year the ranking across years would repeat that year's table.
    if (report.coLeadPairs.byYear.length > 1) out.push('### All years', '', pairTable(report.coLeadPairs.acrossYears, true), '');
    for (const year of report.coLeadPairs.byYear) out.push(`### ${year.year}`, '', pairTable(year.pairs, false), '');
  }
  out.push('');

  out.push('## 3. Lead drift', '', 'Work continued from an earlier task division (CONTINUES) whose lead agencies changed.', '');
  out.push(
    tableOrNone(
      'continued work with changed leads',
      ['Later', 'Earlier', 'Change', 'Added', 'Dropped', 'Kept', 'Score'],
      report.leadDrift.map((drift) => [
        drift.later.ref,
        drift.earlier.ref,
        drift.kind,
        names(drift.added),
        names(drift.dropped),
        names(drift.kept),
        drift.score === null ? null : drift.score.toFixed(2),
      ]),
    ),
    '',
  );
  for (const drift of report.leadDrift) {
    out.push(`### ${markdownText(drift.later.ref)} ← ${markdownText(drift.earlier.ref)} (${drift.kind})`, '');
    out.push(...quotedClause(drift.later), ...quotedClause(drift.earlier), '');
  }
  out.push('');

  out.push('## 4. Oversight overlaps', '', 'Agencies overseen (主管 / 分管 / 协助分管) by more than one leader in the same year.', '');
  out.push(
    tableOrNone(
      'agencies overseen by more than one leader',
      ['Year', 'Agency', 'Leader', 'Role', 'Aspect', 'Leader title', 'Source'],
      report.oversightOverlaps.flatMap((overlap) =>
        overlap.leaders.map((leader) => [overlap.year, overlap.agency, leader.leader, leader.role, leader.aspect, leader.title, leader.source ? `“${leader.source.text ?? ''}” ${leader.source.docNo ?? leader.source.title ?? ''}` : null]),
      ),
    ),
  );
  out.push('');

  out.push(
    '## 5. Load',
    '',
    'Leads per agency: task-division clauses and 为民办实事 items, ranked by their sum. Each change (Δ) is against the nearest earlier year with the same kind of data.',
    '',
  );
  if (report.load.length === 0) out.push(empty('leads in these years'), '');
  for (const year of report.load) {
    const compared = [
      year.previousClauseYear === null ? null : `clauses with ${year.previousClauseYear}`,
      year.previousLivelihoodYear === null ? null : `为民办实事 with ${year.previousLivelihoodYear}`,
    ].filter((part): part is string => part !== null);
    out.push(`### ${year.year}${compared.length > 0 ? ` (compared: ${compared.join('; ')})` : ''}`, '');
    out.push(
      markdownTable(
        ['Rank', 'Agency', 'Clauses', 'Δ', 'of which joint', '为民办实事', 'Δ', 'Total'],
        year.agencies.map((row) => [
          row.rank,
          row.agency,
          row.clauseLeads,
          signed(row.clauseChange),
          row.jointClauseLeads,
          row.livelihoodLeads,
          signed(row.livelihoodChange),
          row.total,
        ]),
      ),
      '',
    );
  }

  out.push('## 6. Livelihood overlaps', '');
  out.push('### One unit both lead and responsible', '');
  out.push(
    tableOrNone(
      '为民办实事 item with the same unit as lead and responsible',
      ['Year', 'No.', 'Item', 'Unit in both roles'],
      report.livelihood.leadAndResponsible.map((project) => [project.year, project.no, project.title, names(project.agencies)]),
    ),
    '',
  );
  for (const project of report.livelihood.leadAndResponsible) out.push(...quotedProject(project));
  out.push('', '### Units leading items in several years', '');
  out.push(
    tableOrNone(
      'unit leading 为民办实事 items in more than one year',
      ['Unit', 'Years', 'Items'],
      report.livelihood.repeatedLeads.map((entry) => [entry.agency, entry.years.join(', '), entry.projects.length]),
    ),
  );
  for (const entry of report.livelihood.repeatedLeads) {
    out.push('', `#### ${markdownText(entry.agency)}`, '');
    for (const project of entry.projects) out.push(...quotedProject(project));
  }
  out.push('');
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}`;
}
