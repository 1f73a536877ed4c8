/**
 * Step 0c of clean: every written form of a table becomes the one the table
 * readers know — one line per row, cells separated by tabs.
 *
 * - pipe / markdown tables (`| 序号 | 项目 | 牵头单位 |`, `|---|`) and rows
 *   written without the outer pipes;
 * - flattened tables, one cell per line (a PDF or web copy): a run of header
 *   labels (序号 / 主要任务 / 牵头单位 / 责任单位 / 完成时限 …) followed by rows
 *   that each open with their number on a line of its own. The lines of a row
 *   are given to the columns in order, by what they look like: a list of
 *   units goes to a unit column, a date to a deadline column, a person's name
 *   to a leader column, anything else to a text column. A cell that runs over
 *   several lines stays one cell;
 * - the same with the numbering lost, one line a cell (unnumbered-cell-tables.ts).
 */
import { columnOf, kindOfCell, type CellKind } from '../structure/table-columns.ts';
import { isHeaderRow } from './table-headers.ts';
import { unnumberedCellTableAt } from './unnumbered-cell-tables.ts';

/** Columns as the rebuilder needs them: a lead column holds one line of units, the others many. */
type ColumnType = 'number' | 'text' | 'lead-units' | 'units' | 'leader' | 'deadline' | 'other';

function headerType(line: string): ColumnType | null {
  const column = columnOf(line);
  switch (column) {
    case null:
      return null;
    case 'lead':
      return 'lead-units';
    case 'supporting':
    case 'responsible':
      return 'units';
    default:
      return column;
  }
}

const ROW_NUMBER = /^\s*(\d{1,3})\s*$/u;
/** The longest line taken as one half of a header label broken over two lines. */
const MAX_LABEL_PIECE = 6;
const FULL_DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/u;
const TABLE_STOP = /^(?:分享到|打印|关闭|附件|抄送|\d{4}年\d{1,2}月\d{1,2}日$|【|扫一扫|上一篇|下一篇|相关链接)/u;

export function normaliseTables(lines: readonly string[]): string[] {
  return rebuildFlattenedTables(joinBrokenTabRows(joinQuotedCells(lines.map(pipeRowToTabs).filter((line): line is string => line !== null))));
}

/**
 * A Word table saved as tab rows breaks a row where a cell holds two paragraphs:
 * `Y某某	常务副区长	负责常务工作。` / `负责发展改革…	区财政局	…`. Under a header of N
 * cells, a short row whose cells and the next line's make N together (the cut cell
 * counted once) is one row again, the cut cell's two paragraphs run on.
 */
export function joinBrokenTabRows(lines: readonly string[]): string[] {
  const output: string[] = [];
  let width = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as string;
    const cells = line.split('\t');
    if (cells.length >= 3 && isHeaderRow(cells)) width = cells.length;
    const next = lines[index + 1];
    if (width > 0 && cells.length >= 2 && cells.length < width && next !== undefined && next.includes('\t') && cells.length + next.split('\t').length - 1 === width) {
      output.push(`${line}${next}`);
      index += 1;
      continue;
    }
    output.push(line);
  }
  return output;
}

/** A gap that separates columns of a table aligned with spaces. */
const COLUMN_GAP = / {2,}|\u3000+|\t+/u;

/**
 * Tables aligned with spaces (a plain-text export): from a header line that
 * opens with 序号 and has three or more columns, every line with two or more
 * gaps becomes a tab row. Runs before spaces are collapsed, which would lose
 * the columns.
 */
export function spaceAlignedTablesToTabs(lines: readonly string[]): string[] {
  const output: string[] = [];
  // 'wide': columns apart by two or more spaces; 'single': a PDF copy with one space
  // between cells, trusted only when every header cell is a known label.
  let table: 'wide' | 'single' | null = null;
  for (const line of lines) {
    if (line.trim().length === 0 || line.includes('\t')) {
      table = null;
      output.push(line);
      continue;
    }
    const cells = line.trim().split(COLUMN_GAP).filter((cell) => cell.length > 0);
    const words = line.trim().split(/ +/u);
    if (table === null && cells.length >= 3 && headerType(cells[0] ?? '') === 'number' && cells.slice(1).some((cell) => headerType(cell) !== null)) {
      table = 'wide';
    } else if (table === null && words.length >= 3 && headerType(words[0] ?? '') === 'number' && words.filter((word) => headerType(word) !== null).length >= Math.max(3, words.length - 1)) {
      table = 'single';
    }
    if (table === 'wide' && cells.length >= 2) output.push(cells.join('\t'));
    else if (table === 'single' && words.length >= 2 && (headerType(words[0] ?? '') === 'number' || /^\d{1,3}$/u.test(words[0] ?? ''))) output.push(words.join('\t'));
    else output.push(line);
  }
  return output;
}

/** A spreadsheet export quotes a cell with line breaks (`"…\n…"`): the row is one line again. */
function joinQuotedCells(lines: readonly string[]): string[] {
  const output: string[] = [];
  let pending: string | null = null;
  for (const line of lines) {
    const current: string = pending === null ? line : `${pending}${line}`;
    const opensQuote = /(?:^|\t)"/u.test(current) && (current.match(/"/gu) ?? []).length % 2 === 1;
    if (opensQuote && current.length < 4_000) {
      pending = current;
      continue;
    }
    pending = null;
    output.push(current.includes('\t') ? current.split('\t').map((cell) => cell.replace(/^"([\s\S]*)"$/u, '$1')).join('\t') : current);
  }
  if (pending !== null) output.push(pending);
  return output;
}

/** A pipe row as a tab row; a separator row (`|---|:--:|`) is dropped (null). */
function pipeRowToTabs(raw: string): string | null {
  // A line break tag left in a plain-text table cell separates two entries of the cell.
  const line = raw.includes('<') ? raw.replace(/<br\s*\/?>/giu, ' ') : raw;
  if (!line.includes('|')) return line;
  const trimmed = line.trim();
  if (/^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/u.test(trimmed)) return null;
  const framed = trimmed.startsWith('|') || trimmed.endsWith('|');
  const inner = trimmed.replace(/^\|/u, '').replace(/\|$/u, '');
  const cells = inner.split('|').map((cell) => cell.trim());
  if (!framed && cells.length < 3) return line;
  return cells.join('\t');
}


function rebuildFlattenedTables(lines: readonly string[]): string[] {
  const output: string[] = [];
  let index = 0;
  while (index < lines.length) {
    const header = flattenedHeaderAt(lines, index);
    if (header !== null) {
      output.push(header.labels.join('\t'));
      const { rows, next } = readFlattenedRows(lines, index + header.lines, header.types);
      output.push(...rows);
      index = next;
      continue;
    }
    const spaced = blankSeparatedTableAt(lines, index);
    if (spaced !== null) {
      output.push(...spaced.rows, '');
      index = spaced.next;
      continue;
    }
    const unnumbered = unnumberedCellTableAt(lines, index);
    if (unnumbered !== null) {
      output.push(...unnumbered.rows, '');
      index = unnumbered.next;
      continue;
    }
    output.push(lines[index] as string);
    index += 1;
  }
  return output;
}

/**
 * A flattened table whose cells are paragraphs, a blank line after each (a web
 * page that gave every cell its own <p>): read on its non-blank lines. Nothing
 * but the numbering ends a row there, so the last row takes no more lines than
 * the longest row before it.
 */
function blankSeparatedTableAt(lines: readonly string[], index: number): { rows: string[]; next: number } | null {
  if (headerType(lines[index] ?? '') !== 'number' || (lines[index + 1] ?? '').trim().length > 0) return null;
  const compact: string[] = [];
  const origin: number[] = [];
  for (let i = index; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (line.trim().length === 0) {
      // Two blank lines in a row end the table.
      if ((lines[i + 1] ?? '').trim().length === 0) break;
      continue;
    }
    compact.push(line);
    origin.push(i);
  }
  const header = flattenedHeaderAt(compact, 0);
  if (header === null) return null;
  const { rows, next, lastRowEnd } = readFlattenedRows(compact, header.lines, header.types, 'bounded');
  if (rows.length === 0) return null;
  return { rows: [header.labels.join('\t'), ...rows], next: next < compact.length ? (origin[next] ?? lines.length) : (origin[lastRowEnd - 1] ?? index) + 1 };
}

/**
 * A run of ≥ 3 header labels, one a line, opening with 序号. A label the copy broke
 * over two lines (`总投资` / `（万元）`, `责任` / `单位`) is one label: a line that names
 * no column joins the label before it, or the line after it, where the two together name one.
 * `lines` counts the source lines the header takes.
 */
function flattenedHeaderAt(lines: readonly string[], index: number): { labels: string[]; types: ColumnType[]; lines: number } | null {
  if (headerType(lines[index] ?? '') !== 'number') return null;
  const labels: string[] = [];
  const types: ColumnType[] = [];
  let i = index;
  for (; i < lines.length; i += 1) {
    const line = (lines[i] as string).trim().replace(/\s+/gu, '');
    let type = headerType(line);
    let label = line;
    // Only a short piece is half a label; a row number ends the header.
    const piece = (text: string): boolean => text.length > 0 && text.length <= MAX_LABEL_PIECE && !ROW_NUMBER.test(text);
    if (type === null && i > index && piece(line)) {
      const previous = labels[labels.length - 1] ?? '';
      const backward = headerType(previous + line);
      const following = ((lines[i + 1] ?? '') as string).trim().replace(/\s+/gu, '');
      const forward = piece(following) ? headerType(line + following) : null;
      if (backward !== null && backward !== 'number' && /^[（(]/u.test(line)) {
        labels[labels.length - 1] = previous + line;
        types[types.length - 1] = backward;
        continue;
      }
      if (forward !== null && forward !== 'number') {
        type = forward;
        label = line + following;
        i += 1;
      } else if (backward !== null && backward !== 'number') {
        labels[labels.length - 1] = previous + line;
        types[types.length - 1] = backward;
        continue;
      }
    }
    if (type === null || (type === 'number' && i > index)) break;
    labels.push(label);
    types.push(type);
  }
  const hasUnits = types.includes('lead-units') || types.includes('units');
  return labels.length >= 3 && hasUnits && ROW_NUMBER.test(lines[i] ?? '') ? { labels, types, lines: i - index } : null;
}

/** `bounded`: no blank line ends a row, so a row (the last) never runs longer than the longest before it. */
function readFlattenedRows(
  lines: readonly string[],
  start: number,
  types: readonly ColumnType[],
  rowEnds: 'at-blank-line' | 'bounded' = 'at-blank-line',
): { rows: string[]; next: number; lastRowEnd: number } {
  const rows: string[] = [];
  let index = start;
  let expected = 1;
  let longest = types.length - 1;
  while (index < lines.length) {
    const number = ROW_NUMBER.exec(lines[index] ?? '');
    if (number === null || Number(number[1]) !== expected) break;
    let end = index + 1;
    const opensNextRow = (line: string): boolean => Number(ROW_NUMBER.exec(line)?.[1]) === expected + 1;
    // `2026年11月15日` closes a row as the date under a signature does, unless it is the
    // row's deadline cell: the last column is a deadline and the line stands in its place.
    const deadlineAt = index + types.length - 1;
    const closesRow = (line: string, at: number): boolean => {
      const next = ROW_NUMBER.exec(line);
      if (FULL_DATE.test(line) && at === deadlineAt && types[types.length - 1] === 'deadline') return false;
      return (next !== null && Number(next[1]) === expected + 1) || line.length === 0 || TABLE_STOP.test(line) || headerType(line) === 'number';
    };
    while (end < lines.length) {
      const line = (lines[end] as string).trim();
      // `社会事务科` / `` / `2024年10月底前`: a blank line is an empty cell where the row,
      // with it, has exactly one line a column and the numbering (or the table's end) follows.
      if (line.length === 0 && rowEnds === 'at-blank-line' && rowWithEmptyCell(lines, index, end, types.length - 1, closesRow, opensNextRow)) {
        end += 1;
        continue;
      }
      if (closesRow(line, end)) break;
      end += 1;
    }
    const closedByNumber = Number(ROW_NUMBER.exec(lines[end] ?? '')?.[1]) === expected + 1;
    // Only a row the numbering closed tells how long rows may be; the last one takes no more.
    if (closedByNumber) longest = Math.max(longest, end - index - 1);
    else if (rowEnds === 'bounded') {
      // The last row ends at its first line that fits no column (the text after the table).
      const overflow = columnsOf(lines.slice(index + 1, end).map((line) => line.trim()), types).findIndex((column) => column < 0);
      end = Math.min(overflow === -1 ? end : index + 1 + overflow, index + 1 + longest);
    }
    rows.push(assignCells(number[1] as string, lines.slice(index + 1, end).map((line) => line.trim()), types).join('\t'));
    expected += 1;
    index = end;
  }
  return { rows, next: index, lastRowEnd: index };
}

/**
 * Whether the row opened at `index` takes the blank line at `blank` as an empty cell
 * of its `cells` cells: lines follow it up to the row's end, or it is the row's last
 * cell and the next row's number comes right after it.
 */
function rowWithEmptyCell(
  lines: readonly string[],
  index: number,
  blank: number,
  cells: number,
  closesRow: (line: string, at: number) => boolean,
  opensNextRow: (line: string) => boolean,
): boolean {
  let end = blank + 1;
  while (end < lines.length && !closesRow((lines[end] as string).trim(), end)) end += 1;
  return end - index - 1 === cells && (end > blank + 1 || opensNextRow((lines[end] ?? '').trim()));
}

/** Gives a row's lines to its columns in order, by what each line looks like. */
function assignCells(number: string, rowLines: readonly string[], types: readonly ColumnType[]): string[] {
  const cells: string[][] = types.map(() => []);
  cells[0]?.push(number);
  // A row with exactly one line a column, each fitting its column, is one cell a line
  // (项目名称 / 建设内容 / 总投资 / 当年投资 / 责任单位), however alike two text cells look.
  // A short title (`道路改造`) looks like a person's name; without a leader column it can only be text.
  const fitsOwnColumn = (type: ColumnType | undefined, kind: CellKind): boolean =>
    accepts(type, kind) || (kind === 'person' && type === 'text' && !types.includes('leader'));
  const oneEach = rowLines.length === types.length - 1 && rowLines.every((line, index) => line.length === 0 || fitsOwnColumn(types[index + 1], kindOfCell(line)));
  const placed = oneEach ? rowLines.map((_line, index) => index + 1) : columnsOf(rowLines, types);
  rowLines.forEach((line, index) => cells[Math.abs(placed[index] ?? 1)]?.push(line));
  return cells.map((parts, index) => parts.join(types[index] === 'units' || types[index] === 'lead-units' ? '、' : ''));
}

function accepts(type: ColumnType | undefined, kind: CellKind): boolean {
  switch (type) {
    case 'text':
    case 'other':
      return kind === 'text' || kind === 'units' || kind === 'deadline';
    case 'lead-units':
    case 'units':
      return kind === 'units';
    case 'leader':
      return kind === 'person';
    case 'deadline':
      return kind === 'deadline';
    default:
      return false;
  }
}

/**
 * The column each line of a row goes to; negative (minus the column it is left
 * in) for a line that fits no column from where the row stands: it can only
 * continue the current cell, or be the text after the table.
 */
function columnsOf(rowLines: readonly string[], types: readonly ColumnType[]): number[] {
  const filled = types.map(() => false);
  const placed: number[] = [];
  let column = 1;
  // A text cell runs on over several lines, a unit cell over several lists; a lead cell holds one.
  const continues = (type: ColumnType | undefined, kind: CellKind): boolean =>
    (type === 'text' && kind === 'text') || (type === 'units' && kind === 'units') || (type === 'other' && kind === 'text');
  for (const line of rowLines) {
    const kind = kindOfCell(line);
    const current = types[column];
    if ((!filled[column] && accepts(current, kind)) || (filled[column] === true && continues(current, kind))) {
      filled[column] = true;
      placed.push(column);
      continue;
    }
    let target = column + 1;
    while (target < types.length && !accepts(types[target], kind)) target += 1;
    // Nowhere further to go: the line continues the current cell.
    if (target < types.length) {
      column = target;
      filled[column] = true;
      placed.push(column);
    } else {
      placed.push(-column);
    }
  }
  return placed;
}
