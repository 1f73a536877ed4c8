/**
 * Step 0b of clean: a spreadsheet exported as CSV (comma-separated, RFC 4180)
 * becomes the tab rows the table readers know.
 *
 * A CSV block is found by its header record: three or more cells, two or more
 * of which name a known column (序号 / 重点任务 / 牵头单位 / 责任单位 / 完成时限 …,
 * or a leaders' table's 姓名 / 职务 / 分管单位 / 联系单位). Around it:
 * - title and category rows (`芜湖市…分解表,,,,` / `一、…,,,,`) with trailing
 *   empty cells become plain lines, so the readers see a title or a group heading;
 * - a header spread over two rows (`责任单位` over `牵头单位` / `配合单位`) is one
 *   header: the lower label names the column where it is written;
 * - a quoted cell holding line breaks stays one cell: its lines are joined with
 *   `、` in a unit column (one unit a line) and run on in any other column;
 * - numbering written `(1)` / `（1）` / `1.` becomes the bare number the task
 *   readers expect.
 *
 * The cells themselves are read by csv-parse (quotes, doubled quotes, commas
 * and line breaks inside quotes); this module only finds where a table starts
 * and ends, because a document may hold prose around it that is no CSV.
 */
import { parse } from 'csv-parse/sync';
import { headerRole, isHeaderContinuation, isHeaderRow, type HeaderRole } from './table-headers.ts';

/** A record longer than this is no spreadsheet row (an unbalanced quote in prose). */
const MAX_RECORD_LINES = 40;
const MAX_RECORD_CHARS = 8_000;

/** Physical lines grouped into records: a record goes on while a quote is open. */
interface CsvRecord {
  readonly text: string;
  /** The record's first physical line, and the line after its last. */
  readonly first: number;
  readonly next: number;
}

function records(lines: readonly string[]): CsvRecord[] {
  const output: CsvRecord[] = [];
  let index = 0;
  while (index < lines.length) {
    let text = lines[index] as string;
    let next = index + 1;
    while (quotesOpen(text) && next < lines.length && next - index < MAX_RECORD_LINES && text.length < MAX_RECORD_CHARS) {
      text = `${text}\n${lines[next] as string}`;
      next += 1;
    }
    output.push({ text, first: index, next });
    index = next;
  }
  return output;
}

function quotesOpen(text: string): boolean {
  let count = 0;
  for (const character of text) if (character === '"') count += 1;
  return count % 2 === 1;
}

/** The cells of one record, or null when it is no well-formed CSV record. */
function cellsOf(record: string): string[] | null {
  if (!record.includes(',')) return null;
  try {
    const rows = parse(record, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
    return rows.length === 1 ? (rows[0] ?? null) : null;
  } catch {
    return null;
  }
}

function withoutTrailingEmpty(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && (cells[end - 1] ?? '').trim().length === 0) end -= 1;
  return cells.slice(0, end);
}

/** One cell's text on one line, joined as its column reads it. */
function cellText(cell: string, role: HeaderRole | null): string {
  const parts = cell
    .split(/\r?\n/u)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  if (role === 'number') return (parts.join('').match(/^[（(]?(\d{1,3})[)）.．、]?$/u)?.[1] ?? parts.join('')).trim();
  if (role !== 'units') return parts.join('');
  // `协助分管：` / `区城市管理局`: a part ending in a label mark runs on into the next.
  return parts
    .map((part) => part.replace(/,/gu, '、'))
    .reduce((joined, part) => (joined.length === 0 ? part : /[：:、，；;]$/u.test(joined) ? joined + part : `${joined}、${part}`), '');
}

/**
 * Every CSV table in `lines` as tab rows (one line each); all other lines as
 * they are.
 */
export function csvTablesToTabs(lines: readonly string[]): string[] {
  if (!lines.some((line) => line.includes(','))) return [...lines];
  const grouped = records(lines);
  const output: string[] = [];
  // Physical lines before `copied` are in `output` already.
  let copied = 0;
  let index = 0;
  while (index < grouped.length) {
    const headerCells = cellsOf((grouped[index] as CsvRecord).text);
    if (headerCells === null || !isHeaderRow(headerCells)) {
      index += 1;
      continue;
    }
    // Title rows right above the header: records of the same width with one cell written.
    let first = index;
    while (first > 0 && (grouped[first - 1] as CsvRecord).first >= copied) {
      const above = cellsOf((grouped[first - 1] as CsvRecord).text);
      if (above === null || above.length !== headerCells.length || withoutTrailingEmpty(above).length !== 1) break;
      first -= 1;
    }
    output.push(...lines.slice(copied, (grouped[first] as CsvRecord).first));
    for (let title = first; title < index; title += 1) output.push((withoutTrailingEmpty(cellsOf((grouped[title] as CsvRecord).text) ?? [])[0] ?? '').trim());
    const { rows, next } = readTable(grouped, index, headerCells);
    output.push(...rows);
    copied = (grouped[next - 1] as CsvRecord).next;
    index = next;
  }
  output.push(...lines.slice(copied));
  return output;
}

/** The header record at `index` and the rows after it, until a record that is no row of the table. */
function readTable(grouped: readonly CsvRecord[], index: number, headerCells: readonly string[]): { rows: string[]; next: number } {
  const labels = headerCells.map((cell) => cell.trim());
  let next = index + 1;
  const second = next < grouped.length ? cellsOf((grouped[next] as CsvRecord).text) : null;
  if (second !== null && isHeaderContinuation(second)) {
    second.forEach((cell, column) => {
      if (cell.trim().length > 0) labels[column] = cell.trim();
    });
    next += 1;
  }
  const roles = labels.map(headerRole);
  const rows: string[] = [withoutTrailingEmpty(labels).join('\t')];
  for (; next < grouped.length; next += 1) {
    const cells = cellsOf((grouped[next] as CsvRecord).text);
    if (cells === null || cells.length < 2 || cells.length > labels.length + 1) break;
    const written = withoutTrailingEmpty(cells);
    if (written.length === 0) continue;
    // A category or closing row: one cell written, read as a line of its own.
    if (written.length === 1) rows.push(cellText(written[0] as string, 'text'));
    else rows.push(written.map((cell, column) => cellText(cell, roles[column] ?? null)).join('\t'));
  }
  return { rows, next };
}
