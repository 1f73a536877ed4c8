import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvTablesToTabs } from '../../ingest/clean/csv-tables.ts';

const convert = (text: string): string[] => csvTablesToTabs(text.split('\n'));

describe('csvTablesToTabs', () => {
  it('reads a task table exported as CSV: title row, two-row header, category rows, quoted multi-line unit cells', () => {
    const csv = [
      '某市2025年重点工作任务分解表,,,,',
      '序号,目标任务,责任单位,,完成时限',
      ',,牵头责任单位,责任单位,',
      '一、主要预期目标,,,,',
      '(1),地区生产总值增长6%左右。,市发展改革委,"甲县政府',
      '乙区管委会",12月底前',
      '(2),完成"双百"工程，提质增效。,市财政局,"市商务局,市市场监管局",按季度',
    ].join('\n');
    expect(convert(csv)).toEqual([
      '某市2025年重点工作任务分解表',
      '序号\t目标任务\t牵头责任单位\t责任单位\t完成时限',
      '一、主要预期目标',
      '1\t地区生产总值增长6%左右。\t市发展改革委\t甲县政府、乙区管委会\t12月底前',
      '2\t完成"双百"工程，提质增效。\t市财政局\t市商务局、市市场监管局\t按季度',
    ]);
  });

  it('reads a leaders’ table: one unit a line, a label ending in a colon runs on into its unit', () => {
    const csv = ['姓名,职务,工作职责,分管单位,联系单位', 'T某某,副区长,"协助负责城市管理工作。","协助分管：', '区城市管理局",'].join('\n');
    expect(convert(csv)).toEqual(['姓名\t职务\t工作职责\t分管单位\t联系单位', 'T某某\t副区长\t协助负责城市管理工作。\t协助分管：区城市管理局']);
  });

  it('keeps doubled quotes as one quote and text cells joined without a separator', () => {
    const csv = ['序号,项目名称,牵头单位,配合单位', '1,"""温暖工程""：改造20万平方米，', '整治人行道3万平方米",区城建局,'].join('\n');
    expect(convert(csv)[1]).toBe('1\t"温暖工程"：改造20万平方米，整治人行道3万平方米\t区城建局');
  });

  it('leaves prose and tables that name no known column alone', () => {
    const prose = ['根据安排,现将有关事项通知如下:', '一、总体要求', '甲,乙,丙', 'a,b,c'];
    expect(csvTablesToTabs(prose)).toEqual(prose);
  });

  it('never loses or reorders the lines around a table (property)', () => {
    const proseLine = fc.stringMatching(/^[一二三四五六七八九十年月日工作推进落实，。]{0,12}$/u);
    fc.assert(
      fc.property(fc.array(proseLine, { maxLength: 4 }), fc.array(proseLine, { maxLength: 4 }), (before, after) => {
        const table = ['序号,重点任务,牵头单位,完成时限', '1,推进工作。,市财政局,6月底前'];
        const output = csvTablesToTabs([...before, ...table, '', ...after]);
        expect(output.slice(0, before.length)).toEqual(before);
        expect(output.slice(before.length, before.length + 2)).toEqual(['序号\t重点任务\t牵头单位\t完成时限', '1\t推进工作。\t市财政局\t6月底前']);
        expect(output.slice(output.length - after.length)).toEqual(after);
      }),
    );
  });

  it('survives an unbalanced quote in any line without throwing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 12 }), (lines) => {
        expect(() => csvTablesToTabs(['序号,任务,牵头单位', ...lines])).not.toThrow();
      }),
    );
  });
});
