/**
 * Task divisions written as tables: 序号 | 主要任务 | 分管领导 | 牵头单位 |
 * 责任单位 | 配合单位 | 完成时限. The cleaner has already turned every table form
 * (pipe, HTML, space-aligned, one cell per line) into tab rows, so one reader
 * serves them all. Columns are found by their header words, never by position;
 * each numbered row is a task with one clause whose responsibility comes from
 * the unit columns.
 *
 * A row with fewer cells than its header has lost a cell somewhere: the cells
 * are then placed by what they look like (a person's name is not a target, a
 * list of units is not a deadline), not by position.
 */
import type { AgencyMention, Clause, LeadAnnotation, Task } from '../model.ts';
import { isPlaceholder, isResponsibleUnit, separateLeadFlags, splitAgencyList } from './agency-list.ts';
import { COLUMN_ACCEPTS, columnOf, kindOfCell, type TableColumn } from './table-columns.ts';
import { splitLines } from './lines.ts';
import { tabCells, type TabCell } from './tab-cells.ts';

const ROW_NUMBER = /^\s*(\d{1,3})\s*$/u;
const GROUP_HEADING = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])[^\t]{0,40}\t*\s*$/u;

type Cell = TabCell;

interface Header {
  readonly columns: readonly TableColumn[];
  /**
   * Cells before the 序号 column: a merged 类别 / 领域 column, whose name stands
   * in a group's first row only and is empty in the rows after it. Every row
   * drops that many cells, so the number is always the first.
   */
  readonly skip: number;
}

/** At most this many grouping columns (类别, 领域, 板块) stand before 序号. */
const MAX_LEADING_GROUP_COLUMNS = 2;

function readHeader(cells: readonly Cell[]): Header | null {
  if (cells.length < 3) return null;
  const all = cells.map((cell) => columnOf(cell.text) ?? 'other');
  const skip = all.indexOf('number');
  // Only columns no reader wants may stand before the number: a grouping name, not a task or unit.
  if (skip < 0 || skip > MAX_LEADING_GROUP_COLUMNS || all.slice(0, skip).some((column) => column !== 'other')) return null;
  const columns = all.slice(skip);
  const known = cells.slice(skip).filter((cell) => columnOf(cell.text) !== null).length;
  const hasUnits = columns.includes('lead') || columns.includes('responsible') || columns.includes('supporting');
  return columns.includes('text') && hasUnits && known >= 3 ? { columns, skip } : null;
}

/** The last unit column of a row that holds something, or -1. */
function lastFilledUnitColumn(cells: readonly Cell[][], columns: readonly TableColumn[]): number {
  for (let index = Math.min(cells.length, columns.length) - 1; index >= 0; index -= 1) {
    const column = columns[index];
    if ((column === 'lead' || column === 'supporting' || column === 'responsible') && (cells[index]?.length ?? 0) > 0) return index;
  }
  return -1;
}

/** Tasks of every task table in `text`, numbered as the rows are. */
export function findTableTasks(text: string): Task[] {
  const tasks: Task[] = [];
  let header: Header | null = null;
  let expected = 1;
  let current: { number: number; start: number; end: number; cells: Cell[][] } | null = null;
  let blankSinceRow = false;
  const finish = (): void => {
    if (current !== null && header !== null) {
      const task = toTask(text, current, header);
      if (task !== null) tasks.push(task);
    }
    current = null;
  };
  for (const line of splitLines(text)) {
    // A group heading inside a table (一、主要预期目标) closes a row, not the table.
    if (header !== null && GROUP_HEADING.test(line.text)) {
      finish();
      continue;
    }
    if (line.text.trim().length === 0) {
      blankSinceRow = current !== null;
      continue;
    }
    if (!line.text.includes('\t')) {
      // A row cut by a page break goes on in the next line of text; prose, an
      // attachment heading or anything after a blank line ends the table.
      if (current !== null && !blankSinceRow && line.text.trim().length < 40 && !/^附件|^《|^\d{4}年/u.test(line.text.trim())) {
        // A unit on a line of its own continues the row's unit cell; other text its last cell.
        const [piece] = tabCells(line.text, line.start) as [Cell];
        const unitColumn = kindOfCell(piece.text) === 'units' ? lastFilledUnitColumn(current.cells, header?.columns ?? []) : -1;
        const target = unitColumn >= 0 ? current.cells[unitColumn] : current.cells[current.cells.length - 1];
        target?.push(piece);
        current.end = line.end;
        continue;
      }
      finish();
      header = null;
      continue;
    }
    blankSinceRow = false;
    let cells = tabCells(line.text, line.start);
    const newHeader = readHeader(cells);
    if (newHeader !== null) {
      finish();
      header = newHeader;
      continue;
    }
    if (header === null) continue;
    // A grouping column's cell (the category's name or nothing) is no part of the task.
    if (header.skip > 0) cells = cells.slice(header.skip);
    const number = ROW_NUMBER.exec(cells[0]?.text ?? '');
    // Numbering runs on across a repeated header (一、… 二、… each with its own header row).
    if (number !== null && (Number(number[1]) === expected || Number(number[1]) === 1 || (current === null && Number(number[1]) > expected))) {
      finish();
      current = { number: Number(number[1]), start: line.start, end: line.end, cells: cells.slice(0, header.columns.length).map((cell) => [cell]) };
      for (const extra of cells.slice(header.columns.length)) current.cells[current.cells.length - 1]?.push(extra);
      expected = Number(number[1]) + 1;
      continue;
    }
    if (current === null) continue;
    // A continuation row: its non-empty cells go on in the same columns.
    cells.forEach((cell, index) => {
      if (cell.text.length === 0 || current === null) return;
      const target = current.cells[Math.min(index, current.cells.length - 1)];
      target?.push(cell);
    });
    current.end = line.end;
  }
  finish();
  return tasks;
}

/**
 * Columns for a row's cells. A full row keeps its positions; a short row
 * (a cell lost) places each cell in the first remaining column that fits it.
 */
function placeCells(row: readonly Cell[][], columns: readonly TableColumn[]): (Cell[] | undefined)[] {
  const filled = row.filter((cell) => cell.some((part) => part.text.length > 0)).length;
  if (row.length >= columns.length || filled >= columns.length) return [...row];
  const placed: (Cell[] | undefined)[] = columns.map(() => undefined);
  placed[0] = row[0];
  let column = 1;
  for (const cell of row.slice(1)) {
    const text = cell.map((part) => part.text).join('');
    if (text.length === 0) {
      column += 1;
      continue;
    }
    const kind = kindOfCell(text);
    let target = column;
    while (target < columns.length && !COLUMN_ACCEPTS[columns[target] as TableColumn].includes(kind)) target += 1;
    if (target >= columns.length) target = Math.min(column, columns.length - 1);
    placed[target] = cell;
    column = target + 1;
  }
  return placed;
}

function toTask(text: string, row: { number: number; start: number; end: number; cells: Cell[][] }, header: Header): Task | null {
  const placed = placeCells(row.cells, header.columns);
  const textOf = (column: TableColumn): string =>
    header.columns
      .map((name, index) => (name === column ? (placed[index] ?? []).map((part) => part.text).join('') : ''))
      .filter((cell) => cell.length > 0)
      .join('；');
  // An empty cell is often written — or 无; only names count.
  const unitsOf = (column: TableColumn): AgencyMention[] =>
    header.columns.flatMap((name, index) =>
      name === column
        ? (placed[index] ?? [])
            .flatMap((part) => splitAgencyList(part.text, part.start, { whitespace: 'separate' }))
            .filter((unit) => isResponsibleUnit(unit.written) || isResponsibleUnit(unit.name))
        : [],
    );
  const title = textOf('text');
  if (title.length === 0) return null;
  const textCells = header.columns.flatMap((name, index) => (name === 'text' ? (placed[index] ?? []) : []));
  const first = textCells[0];
  const last = textCells[textCells.length - 1];
  const clauseSpan = first !== undefined && last !== undefined ? { start: first.start, end: last.start + last.text.length } : { start: row.start, end: row.end };
  const leaders = textOf('leader')
    .split(/[、，,；;\s]+/u)
    .map((name) => name.replace(/同志$/u, ''))
    .filter((name) => name.length > 0);
  const deadline = textOf('deadline');
  // A unit flagged （牵头） in any unit column leads.
  const supporting = separateLeadFlags(unitsOf('supporting'));
  const responsible = separateLeadFlags(unitsOf('responsible'));
  const annotation: LeadAnnotation = {
    text: text.slice(row.start, row.end),
    span: { start: row.start, end: row.end },
    convention: 'table-row',
    leads: [...unitsOf('lead'), ...supporting.flagged, ...responsible.flagged],
    inferredLeads: false,
    supporters: supporting.others,
    responsible: responsible.others,
    leaders,
    joint: false,
    deadline: isPlaceholder(deadline) ? null : deadline,
  };
  if (annotation.leads.length + annotation.supporters.length + annotation.responsible.length === 0) return null;
  const clause: Clause = { ordinal: 1, text: title, span: clauseSpan, annotation };
  return { number: row.number, title, text: title, span: { start: row.start, end: row.end }, sectionIndex: null, clauses: [clause] };
}
