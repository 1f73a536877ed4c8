import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIndicatorTables, indicatorTableFigures } from '../../ingest/structure/indicator-table.ts';

describe('indicator tables of a work or plan report', () => {
  it('reads a table copied one cell a line: 预期目标 as TARGETs and 实际完成 / 备注 as ACTUALs of the caption’s year', () => {
    const text = ['表1：2024年全市主要指标完成情况', '指标名称', '预期目标', '实际完成', '备注', '1.地区生产总值', '增长6.5%左右', '增长4.9%', '1352.6亿元', '2.固定资产投资', '增长8%', '增长2.5%', '', '', '二、2025年主要目标'].join('\n');
    const { figures } = indicatorTableFigures(text, 2025);
    expect(figures.map((figure) => [figure.kind, figure.year, figure.text.replace(/\s+/gu, ' ')])).toEqual([
      ['TARGET', 2024, '1.地区生产总值 增长6.5%左右'],
      ['ACTUAL', 2024, '1.地区生产总值 增长4.9%'],
      ['ACTUAL', 2024, '1.地区生产总值 1352.6亿元'],
      ['TARGET', 2024, '2.固定资产投资 增长8%'],
      ['ACTUAL', 2024, '2.固定资产投资 增长2.5%'],
    ]);
    // Every figure's text is the document's own, the cells between blanked out.
    for (const figure of figures) expect(figure.text.replace(/\s/gu, '')).toBe(text.slice(figure.span.start, figure.span.end).split('\n').filter((_line, k, all) => k === 0 || k === all.length - 1).join(''));
  });

  it('reads a tab table whose column names the year of its targets', () => {
    const text = '2026年主要预期目标\n\n指标\t2026年预期目标\n地区生产总值\t增长5%左右\n居民人均可支配收入\t与经济增长同步\n\n正文。';
    expect(indicatorTableFigures(text, 2026).figures.map((figure) => [figure.kind, figure.year, figure.text])).toEqual([
      ['TARGET', 2026, '地区生产总值 增长5%左右'],
      ['TARGET', 2026, '居民人均可支配收入 与经济增长同步'],
    ]);
  });

  it('finds no table in prose or in a task table', () => {
    expect(findIndicatorTables('指标\n说明\n推进工作。')).toEqual([]);
    expect(findIndicatorTables('序号\t重点任务\t牵头单位\n1\t推进工作。\t市财政局')).toEqual([]);
  });

  it('keeps every figure inside the document and inside its table (property)', () => {
    const cell = fc.constantFrom('增长5%', '下降3.8%', '1352.6亿元', '', '与经济增长同步');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('地区生产总值', '固定资产投资'), cell, cell), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = ['指标名称\t预期目标\t实际完成', ...rows.map((row) => row.join('\t'))].join('\n');
        const { figures, spans } = indicatorTableFigures(text, 2025);
        for (const figure of figures) {
          expect(figure.span.end).toBeLessThanOrEqual(text.length);
          expect(spans.some((span) => figure.span.start >= span.start && figure.span.end <= span.end)).toBe(true);
          expect(figure.text.length).toBe(figure.span.end - figure.span.start);
        }
      }),
    );
  });
});
