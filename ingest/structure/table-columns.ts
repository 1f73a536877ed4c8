/**
 * The vocabulary of tables, shared by the cleaner (which rebuilds tables
 * written one cell per line) and the table readers: what a header label says
 * its column holds, and what a cell looks like when its column is unknown.
 */
import { isResponsibleUnit, splitAgencyList } from './agency-list.ts';

export type TableColumn = 'number' | 'text' | 'lead' | 'supporting' | 'responsible' | 'leader' | 'deadline' | 'other';

/** Header wording → column, spaces removed. Checked in order. */
const HEADER_RULES: readonly (readonly [RegExp, TableColumn])[] = [
  [/^(?:序号|编号|序)$/u, 'number'],
  [/领导|责任人$/u, 'leader'],
  // 牵头单位, 主办科室, 责任办（站、所）, 配合部门: the opening word gives the role.
  // 主责单位 is no lead word: its units are responsible unless the document says
  // they lead (主责单位为牵头单位, lead-convention.ts).
  [/^(?:牵头|主办)(?:责任)?(?:单位|部门|科室|办|处室)?(?:[（(].*[）)])?$/u, 'lead'],
  [/^(?:配合|协办|参与|协同|协助)(?:责任)?(?:单位|部门|科室|办|处室)(?:[（(].*[）)])?$/u, 'supporting'],
  [/^(?:责任|主责|承办|实施|落实|负责)(?:单位|部门|科室|主体|办|处室)(?:[（(].*[）)])?$|^(?:牵头|责任)(?:单位|部门)及.{0,6}$/u, 'responsible'],
  [/^(?:完成)?(?:时限|时间|期限)$|^(?:计划)?完成时间$|^时间(?:节点|要求|安排)$|^进度安排$/u, 'deadline'],
  [/^(?:备注|目标|预期目标|工作目标|年度目标|指标值)$/u, 'other'],
  // 总投资（万元） / 当年投资 / 资金来源: money columns, neither text nor units.
  [/^(?:总|当年|年度|计划|预计)?(?:投资|资金|预算|金额|投资额|投入)(?:来源|规模)?(?:[（(].*[）)])?$/u, 'other'],
  [/任务|工作|事项|项目|内容|措施|指标|名称|实事/u, 'text'],
];
const MAX_HEADER_CELL = 12;

/** The column a header label names, or null when the label is not a table header's. */
export function columnOf(label: string): TableColumn | null {
  if (label.length > 3 * MAX_HEADER_CELL) return null;
  const cell = label.replace(/\s+/gu, '');
  if (cell.length === 0 || cell.length > MAX_HEADER_CELL) return null;
  return HEADER_RULES.find(([pattern]) => pattern.test(cell))?.[1] ?? null;
}

export type CellKind = 'units' | 'person' | 'deadline' | 'text';

const DEADLINE_CELL =
  /^(?:\d{4}\s*年)?(?:\d{1,2}\s*月)?(?:[上中下]旬|底|末|中)?前?(?:完成|投入使用|建成)?$|^\d{4}[-./]\d{1,2}|\d+\s*月|年内|年底|全年|长期|持续|每(?:季度|月|年)|按(?:季度|月)|季度|底前|\d{4}\s*年/u;
const PERSON_CELL = /^[\u4e00-\u9fff]{2,4}(?:同志)?(?:[、，,][\u4e00-\u9fff]{2,4}(?:同志)?)*$/u;
const UNIT_ENDING = /[局委办室会厅部处所站院馆心]$/u;

/** What a cell (or a line of a cell) looks like: a list of units, a person, a date, or text. */
export function kindOfCell(text: string): CellKind {
  if (text.length <= 24 && DEADLINE_CELL.test(text) && !/[局委办厅]/u.test(text)) return 'deadline';
  const units = splitAgencyList(text);
  if (units.length > 0 && units.every((unit) => isResponsibleUnit(unit.written) || isResponsibleUnit(unit.name))) return 'units';
  if (PERSON_CELL.test(text) && !UNIT_ENDING.test(text)) return 'person';
  return 'text';
}

/** The cell kinds a column accepts when cells must be placed by their look. */
export const COLUMN_ACCEPTS: Readonly<Record<TableColumn, readonly CellKind[]>> = {
  number: [],
  text: ['text', 'units', 'deadline', 'person'],
  other: ['text', 'deadline', 'units'],
  lead: ['units'],
  supporting: ['units'],
  responsible: ['units'],
  leader: ['person'],
  deadline: ['deadline', 'text'],
};
