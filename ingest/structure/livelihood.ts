/**
 * Rows of 为民办实事 (livelihood project) tables: a standalone plan
 * (市政府为民办实事工作任务分工方案) or a table appended to a work report.
 *
 * Columns are tab-separated and found by their header names, never by
 * position (序号 / 标题 or 项目 / 内容 / 牵头单位 / 责任单位 / 完成标准 or 完成时限 …).
 * A header repeated after a page break continues the table. A row may run
 * over several lines: a cell with a line break, a page break mid-row, or a
 * continuation row whose leading cells are empty.
 */

import type { AgencyMention, LivelihoodRow } from '../model.ts';
import { separateLeadFlags, splitAgencyList } from './agency-list.ts';
import { joinLines } from './compact-text.ts';
import { splitLines, type Line } from './lines.ts';
import { conventionalLeads, statedLeadConvention } from './lead-convention.ts';
import { structureTaskDivision } from './task-division.ts';

type Column = 'no' | 'title' | 'content' | 'leads' | 'responsible' | 'supporters' | 'standard' | 'leader';

/** Header wording → column. Checked in order: `项目内容` is content, `项目名称` a title. */
const HEADER_RULES: readonly (readonly [RegExp, Column])[] = [
  [/序号|编号/u, 'no'],
  // 责任领导 / 牵头领导 / 分管领导 name people, not units.
  [/领导|责任人/u, 'leader'],
  [/牵头|^主办/u, 'leads'],
  [/配合|协办|参与|协同/u, 'supporters'],
  [/责任/u, 'responsible'],
  [/标准|时限|时间|进度/u, 'standard'],
  [/内容|任务|措施|目标/u, 'content'],
  [/标题|项目|名称|事项|实事/u, 'title'],
];

/** Lines after which a table cannot go on: signature date, 抄送, publication note, a new attachment. */
const STOP_LINE = /^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$|抄送|[（(]此件|附件|主题词|.{0,15}人民政府(?:办公室)?关于)/u;
/**
 * Web-page furniture after a table (`主办：某市人民政府办公室 【打印本页】`, `版权所有`):
 * it ends the table even when the last row's trailing cells came out empty.
 */
const PAGE_FURNITURE = /^(?:(?:主办|承办|协办)(?:单位)?[:：]|版权所有|网站标识码|【打印本页】|【关闭窗口】)|ICP备\d/u;
const ROW_NUMBER = /^\s*(\d{1,3})\s*$/u;
const NUMBERED_CELL = /^\s*(\d{1,3})\s*[.．、]\s*\S/u;

interface Fragment {
  readonly text: string;
  readonly start: number;
}

interface RowDraft {
  readonly no: number;
  readonly start: number;
  end: number;
  /** Cells by header position; each cell keeps the fragments it was written in. */
  readonly cells: Fragment[][];
}

type Header = ReadonlyMap<Column, readonly number[]>;

/**
 * The rows of a livelihood plan: its tables, or — for a plan written as a
 * numbered list whose items carry their own markers (`1.新建社区食堂10个。
 * （牵头单位：区民政局；责任单位：各街道）`) — its items, read with the
 * task-division grammar.
 */
export function findLivelihoodRows(text: string): LivelihoodRow[] {
  const tableRows = findTableRows(text);
  const rows = tableRows.length > 0 ? tableRows : listRows(text);
  // 责任单位中列第一位的为牵头单位: a table without a lead column still names its leads.
  const convention = statedLeadConvention(text);
  if (convention === null) return rows;
  return rows.map((row) => {
    const inferred = row.leads.length === 0 ? conventionalLeads(convention, row.responsible, text) : null;
    return inferred === null ? row : { ...row, ...inferred };
  });
}

function listRows(text: string): LivelihoodRow[] {
  return structureTaskDivision(text).tasks.flatMap((task) => {
    const annotations = task.clauses.map((clause) => clause.annotation);
    if (annotations.length === 0) return [];
    const last = annotations[annotations.length - 1];
    return [
      {
        no: task.number,
        title: task.title,
        content: task.text,
        leads: annotations.flatMap((annotation) => annotation.leads),
        responsible: annotations.flatMap((annotation) => annotation.responsible),
        supporters: annotations.flatMap((annotation) => annotation.supporters),
        standard: last?.deadline ?? '',
        span: task.span,
      },
    ];
  });
}

function findTableRows(text: string): LivelihoodRow[] {
  const lines = splitLines(text);
  const rows: LivelihoodRow[] = [];
  let header: { readonly map: Header; readonly width: number } | null = null;
  let current: RowDraft | null = null;
  let lastNo = 0;
  let blankSinceRow = false;
  let autoNumbered = false;

  const finish = (): void => {
    if (current !== null && header !== null) rows.push(toRow(current, header.map));
    current = null;
  };

  for (const line of lines) {
    const cells = splitCells(line);
    const headerMap = cells.length >= 3 ? readHeader(cells.map((cell) => cell.text)) : null;
    if (headerMap !== null) {
      // A new header: a new table, or the same one repeated after a page break.
      finish();
      header = { map: headerMap, width: cells.length };
      autoNumbered = false;
      blankSinceRow = false;
      continue;
    }
    if (header === null) continue;

    if (line.text.trim().length === 0) {
      blankSinceRow = true;
      continue;
    }
    // Without a 序号 column the number opens the first cell (`1.城市人居环境提升`).
    const numberPattern = header.map.has('no') ? ROW_NUMBER : NUMBERED_CELL;
    const no = cells.length >= 2 ? numberPattern.exec(cells[0]?.text ?? '') : null;
    const written = no ? Number(no[1]) : null;
    // A Word table whose auto-numbered 序号 cells came out empty: a full row with an empty
    // number cell and a title of its own is the next row (one without a title continues
    // the project above, as merged cells export).
    if (written === null && lastNo === 0 && current === null && startsUnnumberedRow(cells, header)) autoNumbered = true;
    const number = written ?? (autoNumbered && startsUnnumberedRow(cells, header) ? lastNo + 1 : null);
    if (number !== null && (number === lastNo + 1 || (current === null && lastNo === 0) || number === 1)) {
      finish();
      current = { no: number, start: line.start + leadingSpace(line.text), end: line.end, cells: cells.map((cell) => [cell]) };
      lastNo = number;
      blankSinceRow = false;
      continue;
    }
    if (current === null) {
      // Prose between header and first row, or after the table: not ours.
      if (STOP_LINE.test(line.text.trim())) header = null;
      continue;
    }
    if (PAGE_FURNITURE.test(line.text.trim())) {
      finish();
      header = null;
      lastNo = 0;
      continue;
    }
    const incomplete = current.cells.length < header.width;
    if (!incomplete && cells.length < 2 && (blankSinceRow || STOP_LINE.test(line.text.trim()))) {
      // The table has ended; a later header may start another one.
      finish();
      header = null;
      lastNo = 0;
      continue;
    }
    continueRow(current, cells, header.width);
    current.end = line.end;
    blankSinceRow = false;
  }
  finish();
  return rows;
}

/** A row of the header's width whose 序号 cell is empty and whose title cell is not. */
function startsUnnumberedRow(cells: readonly Fragment[], header: { readonly map: Header; readonly width: number }): boolean {
  const numberColumn = header.map.get('no')?.[0];
  const titleColumn = header.map.get('title')?.[0] ?? header.map.get('content')?.[0];
  if (numberColumn === undefined || titleColumn === undefined || cells.length !== header.width) return false;
  return (cells[numberColumn]?.text.trim() ?? '') === '' && (cells[titleColumn]?.text.trim() ?? '') !== '';
}

/**
 * Adds a continuation line to a row. An unfinished row (fewer cells than the
 * header) was cut mid-cell: the first fragment continues its last cell. A
 * finished row receives the fragments cell by cell (`\t\t\t柳城县\t…`).
 */
function continueRow(row: RowDraft, cells: readonly Fragment[], width: number): void {
  if (row.cells.length < width) {
    const [first, ...rest] = cells;
    if (first !== undefined && first.text.trim().length > 0) lastOf(row.cells).push(first);
    for (const cell of rest) row.cells.push([cell]);
    return;
  }
  if (cells.length === 1) {
    const only = cells[0] as Fragment;
    lastOf(row.cells).push(only);
    return;
  }
  cells.forEach((cell, index) => {
    if (cell.text.trim().length === 0) return;
    const target = row.cells[Math.min(index, row.cells.length - 1)];
    target?.push(cell);
  });
}

function lastOf(cells: Fragment[][]): Fragment[] {
  let last = cells[cells.length - 1];
  if (last === undefined) {
    last = [];
    cells.push(last);
  }
  return last;
}

function toRow(draft: RowDraft, header: Header): LivelihoodRow {
  const textOf = (column: Column): string =>
    (header.get(column) ?? [])
      .map((index) => (draft.cells[index] ?? []).map((fragment) => joinLines(fragment.text)).join(''))
      .filter((cell) => cell.length > 0)
      .join('；');
  const agenciesOf = (column: Column): AgencyMention[] =>
    (header.get(column) ?? []).flatMap((index) =>
      (draft.cells[index] ?? []).flatMap((fragment) => splitAgencyList(fragment.text, fragment.start, { whitespace: 'separate' })),
    );
  // `区教育局（牵头）` inside a 责任单位 or 配合单位 cell: the flagged unit leads.
  const responsible = separateLeadFlags(agenciesOf('responsible'));
  const supporters = separateLeadFlags(agenciesOf('supporters'));
  return {
    no: draft.no,
    title: textOf('title'),
    content: textOf('content'),
    leads: [...agenciesOf('leads'), ...responsible.flagged, ...supporters.flagged],
    responsible: responsible.others,
    supporters: supporters.others,
    standard: textOf('standard'),
    span: { start: draft.start, end: draft.end },
  };
}

/** Column map of a header row, or null when the line is not a 为民办实事 header. */
function readHeader(cells: readonly string[]): Header | null {
  const map = new Map<Column, number[]>();
  cells.forEach((raw, index) => {
    const cell = raw.replace(/\s+/gu, '');
    if (cell.length === 0 || cell.length > 12) return;
    const rule = HEADER_RULES.find(([pattern]) => pattern.test(cell));
    if (rule === undefined) return;
    const column = rule[1];
    map.set(column, [...(map.get(column) ?? []), index]);
  });
  const hasAgencyColumn = map.has('leads') || map.has('responsible') || map.has('supporters');
  const numbered = map.has('no') || map.get('title')?.[0] === 0;
  return numbered && hasAgencyColumn && (map.has('title') || map.has('content')) ? map : null;
}

function splitCells(line: Line): Fragment[] {
  if (!line.text.includes('\t')) return [{ text: line.text, start: line.start }];
  const fragments: Fragment[] = [];
  let start = 0;
  for (let i = 0; i <= line.text.length; i += 1) {
    if (i === line.text.length || line.text[i] === '\t') {
      fragments.push({ text: line.text.slice(start, i), start: line.start + start });
      start = i + 1;
    }
  }
  return fragments;
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length;
}
