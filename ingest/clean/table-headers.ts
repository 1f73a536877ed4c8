/**
 * Header rows of tables in any written form (CSV, tab rows): which cells name
 * a known column of a task, livelihood or leaders' table. Shared by the
 * cleaner steps that must find a table before they can mend its rows.
 */
import { columnOf } from '../structure/table-columns.ts';

export type HeaderRole = 'number' | 'units' | 'text' | 'other';

/** What a header label says its column holds, in a task or a leaders' table. */
export function headerRole(label: string): HeaderRole | null {
  const words = label.replace(/\s+/gu, '');
  const column = columnOf(words);
  if (column === 'number') return 'number';
  if (column === 'lead' || column === 'supporting' || column === 'responsible') return 'units';
  if (column !== null) return column === 'text' ? 'text' : 'other';
  if (/^(?:分管|联系|协助分管|主管|包联|挂点联系)(?:单位|部门|领域|街道|镇街|村|社区|企业)?$/u.test(words)) return 'units';
  if (/^(?:姓名|领导姓名|职务|工作职责|工作分工|分管工作|职责分工)$/u.test(words)) return 'other';
  return null;
}

/** A header row: three or more cells, two or more naming a known column, one of them a unit column. */
export function isHeaderRow(cells: readonly string[]): boolean {
  const roles = cells.map(headerRole);
  const known = roles.filter((role) => role !== null).length;
  return cells.length >= 3 && known >= 2 && roles.includes('units');
}

/** A second header row: the 序号 cell empty, every written cell a known label. */
export function isHeaderContinuation(cells: readonly string[]): boolean {
  const written = cells.filter((cell) => cell.trim().length > 0);
  return (cells[0] ?? '').trim().length === 0 && written.length > 0 && written.every((cell) => headerRole(cell) !== null);
}

