/**
 * A Word table saved as text with one cell per line and its numbering lost:
 * the header labels one a line (重点任务 / 主责单位 / 协办单位 / 完成时限), then
 * every row as exactly one line per column — an empty cell an empty line —,
 * with group headings (一、稳住经济基本盘) on lines of their own between rows.
 *
 * With no row numbers to tell where a row starts, a row is read only where
 * each of its lines fits its column (a task text, a list of units or nothing,
 * a time phrase or nothing); the first row that does not fit ends the table.
 * The rows come out as tab rows under a 序号 column numbered in order, the
 * shape the task and livelihood readers know.
 */
import { columnOf, kindOfCell, type TableColumn } from '../structure/table-columns.ts';

const GROUP_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])[^\t]{1,40}$/u;
const MIN_COLUMNS = 3;
const MAX_CELL = 300;
const MAX_TIME_PHRASE = 12;

/** The header at `index`: ≥ 3 label lines, a text column first and a unit column among them. */
function headerAt(lines: readonly string[], index: number): TableColumn[] | null {
  const columns: TableColumn[] = [];
  for (let i = index; i < lines.length; i += 1) {
    const label = (lines[i] as string).trim();
    // A label carries no punctuation: `推进工作。` is a cell, however short.
    const column = /[，。；：、,.;:]/u.test(label) ? null : columnOf(label);
    if (column === null || column === 'number') break;
    columns.push(column);
  }
  const hasUnits = columns.some((column) => column === 'lead' || column === 'supporting' || column === 'responsible');
  return columns.length >= MIN_COLUMNS && columns[0] === 'text' && hasUnits ? columns : null;
}

function fits(column: TableColumn, cell: string): boolean {
  if (cell.length > MAX_CELL) return false;
  const kind = kindOfCell(cell);
  switch (column) {
    case 'text':
      // `全年…增长6%。` looks like a time phrase by its 全年; a sentence is a task all the same.
      return cell.length > 0 && !GROUP_HEADING.test(cell) && kind !== 'units' && (kind !== 'deadline' || /[，。；]/u.test(cell));
    case 'lead':
    case 'supporting':
    case 'responsible':
      return cell.length === 0 || kind === 'units';
    case 'deadline':
      // 12月底前 / 长期坚持 / 汛期前: a time phrase, or any short phrase that is no unit and no sentence.
      return cell.length === 0 || kind === 'deadline' || (cell.length <= MAX_TIME_PHRASE && kind !== 'units' && !/[，。；]/u.test(cell));
    case 'leader':
      return cell.length === 0 || kind === 'person';
    default:
      return !GROUP_HEADING.test(cell);
  }
}

/**
 * The table starting at `index` as tab rows, and the index after it; null when
 * no such table starts there (or not one row fits).
 */
export function unnumberedCellTableAt(lines: readonly string[], index: number): { rows: string[]; next: number } | null {
  const columns = headerAt(lines, index);
  if (columns === null) return null;
  const labels = lines.slice(index, index + columns.length).map((line) => line.trim());
  const rows: string[] = [['序号', ...labels].join('\t')];
  let number = 0;
  let at = index + columns.length;
  let end = at;
  while (at < lines.length) {
    const line = (lines[at] as string).trim();
    if (GROUP_HEADING.test(line)) {
      rows.push(line);
      at += 1;
      continue;
    }
    const cells = lines.slice(at, at + columns.length).map((cell) => cell.trim());
    // A repeated header is no row.
    if (cells.length < columns.length || cells.join('\t') === labels.join('\t') || !cells.every((cell, column) => fits(columns[column] as TableColumn, cell))) break;
    number += 1;
    rows.push([String(number), ...cells].join('\t'));
    at += columns.length;
    end = at;
  }
  if (number === 0) return null;
  // Group headings after the last row belong to the text after the table.
  return { rows: rows.slice(0, rows.length - (at - end)), next: end };
}
