import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTableTasks } from '../../ingest/structure/task-table.ts';

const HEADER = ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'];
const ROWS = [
  ['1', '推进老旧小区改造', '区住房城乡建委', '区财政局、各街道办事处', '2025年12月底前'],
  ['2', '建设口袋公园', '区城市管理局', '', '持续推进'],
  ['3', '开展农村人居环境整治', '区农业农村委', '各镇人民政府', '2025年11月底前'],
];

/** What a reader keeps of a task: its number, text, units and deadline. */
const summary = (text: string) =>
  findTableTasks(text).map((task) => {
    const annotation = task.clauses[0]?.annotation;
    return [
      task.number,
      task.title,
      annotation?.leads.map((unit) => unit.name),
      annotation?.supporters.map((unit) => unit.name),
      annotation?.deadline,
    ];
  });

const table = (rows: readonly (readonly string[])[]) => rows.map((row) => row.join('\t')).join('\n');

describe('findTableTasks: a merged grouping column before 序号', () => {
  it('reads the rows of a table whose first column is 类别, named in a group’s first row only', () => {
    const merged = table([['类别', ...HEADER], ['城市更新', ...ROWS[0]!], ['', ...ROWS[1]!], ['乡村振兴', ...ROWS[2]!]]);
    expect(summary(merged)).toEqual([
      [1, '推进老旧小区改造', ['区住房城乡建委'], ['区财政局', '各街道办事处'], '2025年12月底前'],
      [2, '建设口袋公园', ['区城市管理局'], [], '持续推进'],
      [3, '开展农村人居环境整治', ['区农业农村委'], ['各镇人民政府'], '2025年11月底前'],
    ]);
  });

  it('does not take a unit or task column before 序号 for a grouping column', () => {
    const unitsFirst = table([['牵头单位', ...HEADER], ['区财政局', ...ROWS[0]!]]);
    expect(findTableTasks(unitsFirst)).toEqual([]);
  });

  it('reads the same tasks whatever the grouping cells hold (a name or nothing)', () => {
    const plain = summary(table([HEADER, ...ROWS]));
    const groupCell = fc.oneof(fc.constant(''), fc.constantFrom('教育', '城建', '民生保障', '类别一', '（一）产业'));
    fc.assert(
      fc.property(fc.array(groupCell, { minLength: ROWS.length, maxLength: ROWS.length }), fc.constantFrom('类别', '领域', '板块', '分类'), (groups, label) => {
        const merged = table([[label, ...HEADER], ...ROWS.map((row, index) => [groups[index] ?? '', ...row])]);
        expect(summary(merged)).toEqual(plain);
      }),
    );
  });
});
