/**
 * Leaders' divisions of work published as a table (领导班子成员工作分工一览表):
 * one row per leader with columns such as 姓名 | 职务 | 工作分工 | 分管单位 |
 * 联系单位, tab-separated or as a pipe (markdown) table. This module only finds
 * the rows and the cells with their offsets; what a cell says is read by the
 * same phrase reader as the prose form.
 */

import type { OversightRole } from '../model.ts';
import type { Line } from './lines.ts';

/** What a column holds. */
export type LeaderColumn = 'name' | 'title' | 'duties' | OversightRole | 'other';

export interface Cell {
  readonly column: LeaderColumn;
  /** Document offsets of the cell's text (separators excluded). */
  readonly start: number;
  readonly end: number;
}

export interface LeaderRow {
  readonly line: number;
  readonly cells: readonly Cell[];
}

export interface LeaderTable {
  /** Lines [firstLine, endLine) belong to the table, its header included. */
  readonly firstLine: number;
  readonly endLine: number;
  readonly rows: readonly LeaderRow[];
}

/** Header labels, read by their words so that 分管单位, 分管部门 and 分管领域 are one column. */
function columnOf(label: string): LeaderColumn {
  const words = label.replace(/\s+/gu, '');
  // `姓名及职务`: the cell holds both, read like a heading (`张某（副市长）`).
  if (/^(?:姓名|领导(?:姓名)?|名字)$|姓名/u.test(words)) return 'name';
  if (/职务|职位/u.test(words)) return 'title';
  if (/协助分管/u.test(words)) return '协助分管';
  if (/^主管/u.test(words)) return '主管';
  if (/分管/u.test(words)) return '分管';
  // 包联街道 / 包保企业 / 挂点村: the villages, streets or companies a leader answers for.
  if (/联系|包联|包保|挂点/u.test(words)) return '联系';
  if (/分工|职责|负责/u.test(words)) return 'duties';
  return 'other';
}

function cellsOf(line: Line): { start: number; end: number }[] {
  const { text, start } = line;
  const separator = text.includes('\t') ? '\t' : '|';
  const cells: { start: number; end: number }[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i < text.length && text[i] !== separator) continue;
    cells.push({ start: start + from, end: start + i });
    from = i + 1;
  }
  // A pipe row opens and closes with `|`: the empty cells outside are not columns.
  if (separator === '|') {
    if (text.trimStart().startsWith('|')) cells.shift();
    if (text.trimEnd().endsWith('|')) cells.pop();
  }
  return cells;
}

function isTableLine(text: string): boolean {
  return text.includes('\t') || /^\s*\|.*\|\s*$/u.test(text);
}

/** `|---|:---:|`: a markdown alignment row. */
function isRuleLine(text: string): boolean {
  return /^[\s|:：\-—]+$/u.test(text) && text.includes('-');
}

/**
 * Tables whose header row names a person column (姓名) and at least one column
 * of work (分管 / 联系 / 分工). Rows follow the header until a line that is not
 * a table line.
 */
export function findLeaderTables(lines: readonly Line[], source: string): LeaderTable[] {
  const tables: LeaderTable[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const header = lines[index] as Line;
    if (!isTableLine(header.text)) continue;
    const columns = cellsOf(header).map((cell) => columnOf(source.slice(cell.start, cell.end)));
    if (!columns.includes('name') || !columns.some((column) => column === '分管' || column === '联系' || column === 'duties')) continue;
    const rows: LeaderRow[] = [];
    let next = index + 1;
    for (; next < lines.length; next += 1) {
      const line = lines[next] as Line;
      if (!isTableLine(line.text)) break;
      if (isRuleLine(line.text)) continue;
      const cells = cellsOf(line).flatMap((cell, k) => {
        const column = columns[k];
        return column === undefined ? [] : [{ column, ...trimmed(source, cell) }];
      });
      rows.push({ line: next, cells });
    }
    tables.push({ firstLine: index, endLine: next, rows });
    index = next - 1;
  }
  return tables;
}

function trimmed(source: string, cell: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = cell;
  while (start < end && /\s/u.test(source[start] as string)) start += 1;
  while (end > start && /\s/u.test(source[end - 1] as string)) end -= 1;
  return { start, end };
}
