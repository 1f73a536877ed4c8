/**
 * Tables of indicators in a work report or a plan report (计划执行情况): one row
 * per metric, with columns such as 指标名称 | 预期目标 | 实际完成 | 备注, or
 * 指标 | 2026年预期目标. Written as tab rows (a web or spreadsheet table) or one
 * cell per line (a table copied out of a page), an empty line an empty cell.
 *
 * Each figure cell becomes a figure sentence of its own: the metric cell, then
 * the figure cell, with the cells between blanked out so that every offset still
 * points into the document. A 预期目标 column states TARGETs, 实际完成 and the
 * level in 备注 ACTUALs, for the year the column or the table's caption names
 * (`2026年预期目标`, `表1：2024年…主要指标完成情况`).
 */
import type { FigureSentence, Span } from '../model.ts';
import { splitLines, type Line } from './lines.ts';
import { tabCells, type TabCell } from './tab-cells.ts';

type IndicatorColumn = 'metric' | 'TARGET' | 'ACTUAL' | 'note' | 'other';

const METRIC_LABEL = /^(?:主要)?(?:指标|指标名称|指标项目|项目|名称)$/u;
const TARGET_LABEL = /预期目标|目标值?$|^计划$|^预期$/u;
const ACTUAL_LABEL = /实际完成|完成情况|^实际$|执行情况|完成值|^实绩$|^完成$/u;
const NOTE_LABEL = /^备注$/u;
const LABEL_YEAR = /((?:19|20)\d{2})\s*年/u;
/** How far above the header a caption (表1：2024年…完成情况) may stand. */
const CAPTION_LINES = 3;
const MAX_METRIC_CELL = 30;
/** A figure cell holds a number, or a target without one (与经济增长同步). */
const FIGURE_CELL = /\d|同步|正增长|下达/u;

function columnOf(label: string): IndicatorColumn | null {
  const words = label.replace(/\s+/gu, '');
  if (words.length === 0 || words.length > 16) return null;
  if (METRIC_LABEL.test(words)) return 'metric';
  if (ACTUAL_LABEL.test(words)) return 'ACTUAL';
  if (TARGET_LABEL.test(words)) return 'TARGET';
  if (NOTE_LABEL.test(words)) return 'note';
  return null;
}

interface Header {
  readonly columns: readonly IndicatorColumn[];
  readonly labels: readonly string[];
}

/** A header: the metric column first, then at least one column of targets or results. */
function headerOf(labels: readonly string[]): Header | null {
  const columns = labels.map((label) => columnOf(label) ?? 'other');
  if (columns[0] !== 'metric' || !columns.some((column) => column === 'TARGET' || column === 'ACTUAL')) return null;
  if (labels.some((label) => columnOf(label) === null)) return null;
  return { columns, labels };
}

type Cell = TabCell;

interface IndicatorTable {
  readonly header: Header;
  readonly rows: readonly (readonly Cell[])[];
  /** The table's lines in the document, header included. */
  readonly span: Span;
  readonly caption: string;
}

function cellOfLine(line: Line): Cell {
  const lead = line.text.length - line.text.trimStart().length;
  const text = line.text.trim();
  return { text, start: line.start + lead, end: line.start + lead + text.length };
}

function isRow(cells: readonly Cell[], width: number): boolean {
  const [metric, ...figures] = cells;
  if (metric === undefined || metric.text.length === 0 || metric.text.length > MAX_METRIC_CELL || /[。，；：]/u.test(metric.text)) return false;
  return cells.length <= width && figures.some((cell) => FIGURE_CELL.test(cell.text)) && figures.every((cell) => cell.text.length === 0 || FIGURE_CELL.test(cell.text));
}

function captionAbove(lines: readonly Line[], index: number): string {
  return lines
    .slice(Math.max(0, index - CAPTION_LINES), index)
    .map((line) => line.text)
    .join('\n');
}

/** Every indicator table of `text`, in either written form. */
export function findIndicatorTables(text: string): IndicatorTable[] {
  const lines = splitLines(text);
  const tables: IndicatorTable[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] as Line;
    const tabbed = line.text.includes('\t') ? headerOf(tabCells(line.text, line.start).map((cell) => cell.text)) : null;
    if (tabbed !== null) {
      const rows: Cell[][] = [];
      let next = index + 1;
      for (; next < lines.length; next += 1) {
        const cells = tabCells((lines[next] as Line).text, (lines[next] as Line).start);
        if (!(lines[next] as Line).text.includes('\t') || !isRow(cells, tabbed.columns.length)) break;
        rows.push(cells);
      }
      if (rows.length > 0) tables.push({ header: tabbed, rows, span: { start: line.start, end: (lines[next - 1] as Line).end }, caption: captionAbove(lines, index) });
      index = next - 1;
      continue;
    }
    const flattened = flattenedTableAt(lines, index);
    if (flattened !== null) {
      tables.push({ ...flattened.table, caption: captionAbove(lines, index) });
      index = flattened.next - 1;
    }
  }
  return tables;
}

/** A table one cell a line: its labels on consecutive lines, then rows of as many lines. */
function flattenedTableAt(lines: readonly Line[], index: number): { table: Omit<IndicatorTable, 'caption'>; next: number } | null {
  if (columnOf((lines[index] as Line).text) !== 'metric') return null;
  const labels: string[] = [];
  let at = index;
  while (at < lines.length && columnOf((lines[at] as Line).text) !== null && (labels.length === 0 || columnOf((lines[at] as Line).text) !== 'metric')) {
    labels.push((lines[at] as Line).text.trim());
    at += 1;
  }
  const header = headerOf(labels);
  if (header === null) return null;
  const width = labels.length;
  const rows: Cell[][] = [];
  while (at + width <= lines.length) {
    const cells = lines.slice(at, at + width).map(cellOfLine);
    if (cells.some((cell, k) => k > 0 && cell.text.includes('\t')) || !isRow(cells, width)) break;
    rows.push(cells);
    at += width;
  }
  if (rows.length === 0) return null;
  return { table: { header, rows, span: { start: (lines[index] as Line).start, end: (lines[at - 1] as Line).end } }, next: at };
}

/** The figure sentences of every indicator table, and the spans the tables take. */
export function indicatorTableFigures(text: string, planYear: number): { figures: FigureSentence[]; spans: Span[] } {
  const figures: FigureSentence[] = [];
  const spans: Span[] = [];
  for (const table of findIndicatorTables(text)) {
    spans.push(table.span);
    const captionYear = Number(LABEL_YEAR.exec(table.caption)?.[1] ?? Number.NaN);
    const hasActual = table.header.columns.includes('ACTUAL');
    for (const row of table.rows) {
      const metric = row[0] as Cell;
      row.forEach((cell, column) => {
        const role = table.header.columns[column];
        // 备注 holds the level reached, a result, where the table reports results.
        const kind = role === 'TARGET' ? 'TARGET' : role === 'ACTUAL' || (role === 'note' && hasActual) ? 'ACTUAL' : null;
        if (kind === null || cell.text.length === 0 || column === 0) return;
        const labelYear = Number(LABEL_YEAR.exec(table.header.labels[column] ?? '')?.[1] ?? Number.NaN);
        const year = Number.isFinite(labelYear) ? labelYear : Number.isFinite(captionYear) ? captionYear : kind === 'TARGET' ? planYear : planYear - 1;
        const between = text.slice(metric.end, cell.start).replace(/[^]/gu, ' ');
        figures.push({ text: `${metric.text}${between}${cell.text}`, span: { start: metric.start, end: cell.end }, kind, year });
      });
    }
  }
  return { figures, spans };
}
