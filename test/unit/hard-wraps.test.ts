import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedLineWidth, joinHardWraps } from '../../ingest/clean/hard-wraps.ts';
import { joinBrokenTabRows } from '../../ingest/clean/tables.ts';

/** `text` cut every `width` characters, as a PDF copy cuts it. */
const wrap = (text: string, width: number): string[] => text.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [];

describe('joinHardWraps', () => {
  const paragraph = '负责区政府常务工作，负责发展改革、财政税务、统计、机构编制等方面工作。分管区政府办公室、区发展和改革委员会、区财政局、区统计局、区机关事务服务中心。联系科尔沁区税务局、人民银行通辽市中心支行、区工商联。';

  it('finds the page width of a fixed-width copy and joins the lines it cut, names included', () => {
    const lines = [...wrap(paragraph, 28), '', ...wrap(paragraph, 28)];
    expect(fixedLineWidth(lines)).toBe(28);
    expect(joinHardWraps(lines)).toEqual([paragraph, '', paragraph]);
  });

  it('leaves a line that ends a sentence, and a label or item under a full line, on lines of their own', () => {
    const lines = [...wrap(paragraph, 28), ...wrap(paragraph, 28), '责任部门：市工业和信息化局、市发展改革委、市科技局、市财政局', ...wrap('2.推进科创带建设，深化产学研合作，提升创新能力，强化人才支撑。', 28)];
    const joined = joinHardWraps(lines);
    expect(joined).toContain('责任部门：市工业和信息化局、市发展改革委、市科技局、市财政局');
    expect(joined[joined.length - 1]).toBe('2.推进科创带建设，深化产学研合作，提升创新能力，强化人才支撑。');
    expect(joined[0]).toBe(`${paragraph}${paragraph}`.slice(0, paragraph.length));
  });

  it('joins a line left short by a number the page could not split, and a line ending in ；', () => {
    const body = wrap('过去的一年，面对复杂严峻的外部环境，我们坚持稳中求进工作总基调，加快建设绿色低碳发展示范区，全年主要目标任务顺利完成。', 26);
    // 26 characters a line; a line ends early where the number after it did not fit.
    const cut = ['任务顺利完成。全市地区生产总值7712亿元，增长', '5.6%；一般公共预算收入466.3亿元，增长', '2.9%；规上工业增加值增长8.1%；社会消费品零售', '总额增长5.4%；居民消费价格涨幅2%左右；居民收入', '增长和经济增长同步；城镇调查失业率控制在5.5%；', '单位地区生产总值能耗完成省下达目标任务。'];
    const figures = cut.join('');
    const lines = [...body, ...body, ...cut];
    const joined = joinHardWraps(lines);
    expect(joined[joined.length - 1]).toBe(figures);
  });

  it('changes nothing in text whose lines show no common width (property)', () => {
    const line = fc.stringMatching(/^[工作推进落实发展，]{1,40}$/u);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        const output = joinHardWraps(lines);
        // Joining only ever concatenates neighbours: the characters stay, in order.
        expect(output.join('')).toBe(lines.join(''));
        if (fixedLineWidth(lines) === null) expect(output).toEqual(lines);
      }),
    );
  });
});

describe('joinBrokenTabRows', () => {
  it('puts a tab row broken by a two-paragraph cell back on one line, under a header of that width', () => {
    const lines = ['姓名\t职务\t分管工作\t分管部门\t联系单位', 'Y某某\t常务副区长\t负责常务工作。', '负责财政等方面工作。\t区财政局\t区税务局', 'Z某某\t副区长\t负责工业。\t区商务局\t区工商联'];
    expect(joinBrokenTabRows(lines)).toEqual([
      '姓名\t职务\t分管工作\t分管部门\t联系单位',
      'Y某某\t常务副区长\t负责常务工作。负责财政等方面工作。\t区财政局\t区税务局',
      'Z某某\t副区长\t负责工业。\t区商务局\t区工商联',
    ]);
  });

  it('keeps rows that are complete, or whose pieces do not add up to the header', () => {
    const lines = ['序号\t重点任务\t牵头单位\t完成时限', '1\t推进工作。\t市财政局\t6月底前', '2\t推进。', '3\t落实。\t市商务局\t年底前'];
    expect(joinBrokenTabRows(lines)).toEqual(lines);
  });
});
