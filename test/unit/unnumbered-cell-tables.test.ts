import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unnumberedCellTableAt } from '../../ingest/clean/unnumbered-cell-tables.ts';

describe('unnumberedCellTableAt', () => {
  const table = [
    '重点任务',
    '主责单位',
    '协办单位',
    '完成时限',
    '一、稳住经济基本盘',
    '全年地区生产总值增长6%左右。',
    '市发展改革委',
    '市工业和信息化局、市统计局',
    '12月底前',
    '推进国企改革三年行动收官。',
    '市国资委',
    '',
    '汛期前',
    '二、提升城市功能品质',
  ];

  it('reads one line a cell with the numbering lost, an empty line as an empty cell, group headings between rows', () => {
    expect(unnumberedCellTableAt([...table, '', '附件2'], 0)).toEqual({
      rows: [
        '序号\t重点任务\t主责单位\t协办单位\t完成时限',
        '一、稳住经济基本盘',
        '1\t全年地区生产总值增长6%左右。\t市发展改革委\t市工业和信息化局、市统计局\t12月底前',
        '2\t推进国企改革三年行动收官。\t市国资委\t\t汛期前',
      ],
      // The heading after the last row is left to the text after the table.
      next: 13,
    });
  });

  it('finds no table where the labels are no header or no row fits', () => {
    expect(unnumberedCellTableAt(['重点任务', '完成时限', '推进工作。'], 0)).toBeNull();
    expect(unnumberedCellTableAt(['重点任务', '牵头单位', '完成时限', '市财政局', '推进工作。', '6月底前'], 0)).toBeNull();
  });

  it('gives every row exactly its columns, whatever the cells (property)', () => {
    const unit = fc.constantFrom('市财政局', '市教育局、市民政局', '');
    const time = fc.constantFrom('6月底前', '长期坚持', '');
    const task = fc.constantFrom('推进甲工作。', '完成乙项目建设，新增学位1800个。');
    fc.assert(
      fc.property(fc.array(fc.tuple(task, unit, unit, time), { minLength: 1, maxLength: 6 }), (rows) => {
        const lines = ['重点任务', '牵头单位', '配合单位', '完成时限', ...rows.flat()];
        const read = unnumberedCellTableAt(lines, 0);
        expect(read?.rows.slice(1).map((row) => row.split('\t').length)).toEqual(rows.map(() => 5));
      }),
    );
  });
});
