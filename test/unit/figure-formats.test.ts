/**
 * Figures as provinces, cities, districts, counties and news summaries write
 * them: ranges, signed and declining changes, metrics the dictionary does not
 * list, qualitative targets, one target a line. The texts are written for the tests.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanText, NO_CLEAN_RULES } from '../../ingest/clean/index.ts';
import type { MetricRule } from '../../ingest/extract/indicators.ts';
import { extractIndicators } from '../../ingest/extract/indicators.ts';
import { extractFigureStatements } from '../../ingest/extract/qualitative-targets.ts';
import type { FigureSentence } from '../../ingest/model.ts';
import { loadMetricRules } from '../../ingest/rules.ts';
import { structureWorkReport } from '../../ingest/structure/work-report.ts';

let metrics: MetricRule[] = [];
beforeAll(async () => {
  metrics = await loadMetricRules();
});

function sentence(text: string, kind: 'TARGET' | 'ACTUAL' = 'TARGET', year = 2025): FigureSentence {
  return { text, span: { start: 0, end: text.length }, kind, year };
}

/** `metric=value` per statement, `—` for a qualitative one. */
function read(text: string, kind: 'TARGET' | 'ACTUAL' = 'TARGET'): string[] {
  return extractFigureStatements(sentence(text, kind), metrics).map((statement) => `${statement.metric}=${statement.value ?? '—'}`);
}

describe("the document's own place before a metric", () => {
  const statementsIn = (text: string, ownPlace: string | null): string[] =>
    extractFigureStatements(sentence(text, 'ACTUAL', 2023), metrics, ownPlace).map((statement) => `${statement.metric}=${statement.value ?? '—'}`);

  it('reads its own name as a scope (as 全市), another place before the metric still as that place’s figure', () => {
    const text = '2023年某某新区实现地区生产总值4950亿元、增长6.8%。';
    expect(statementsIn(text, '某某新区')).toEqual(['地区生产总值=4950', '地区生产总值=6.8']);
    expect(statementsIn(text, null)).toEqual([]);
    expect(statementsIn(text, '某某市')).toEqual([]);
  });
});

describe('numbers', () => {
  it('reads the amount reached after 突破, not the round threshold passed', () => {
    expect(read('全市生产总值突破900亿元，达到912.4亿元，比上年增长6.8%。', 'ACTUAL')).toEqual(['地区生产总值=912.4', '地区生产总值=6.8']);
    expect(read('全市居民人均可支配收入突破4万元，达到40150元。', 'ACTUAL')).toEqual(['居民人均可支配收入=40150']);
    // Alone, 突破 states the figure.
    expect(read('社会消费品零售总额突破500亿元。', 'ACTUAL')).toEqual(['社会消费品零售总额=500']);
  });

  it('keeps exactly the reached amount whatever the threshold and amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9000 }), fc.integer({ min: 1, max: 999 }), (threshold, extra) => {
        const reached = threshold + extra;
        return read(`全年地区生产总值突破${threshold}亿元，达到${reached}亿元。`, 'ACTUAL').join() === `地区生产总值=${reached}`;
      }),
    );
  });

  it('reads every way of writing a range from its lower end', () => {
    expect(read('规上工业增加值增长8%-10%；固定资产投资增长6—8%；社会消费品零售总额增长5%至6%；国内生产总值增长4.5%至5%。')).toEqual([
      '规上工业增加值=8',
      '固定资产投资=6',
      '社会消费品零售总额=5',
      '地区生产总值=4.5',
    ]);
  });

  it('reads declines, signed changes, percentage points and 同口径 growth', () => {
    expect(
      read('全区完成地区生产总值548.2亿元，下降4.8%；固定资产投资增长-2.3%；一般公共预算收入9.4亿元，同口径增长5.1%；常住人口城镇化率达到46.3%，提高1.1个百分点。', 'ACTUAL'),
    ).toEqual(['地区生产总值=548.2', '地区生产总值=-4.8', '固定资产投资=-2.3', '一般公共预算收入=9.4', '一般公共预算收入=5.1', '常住人口城镇化率=46.3', '常住人口城镇化率=1.1']);
  });

  it('reads a figure after a short remark and past a footnote marker', () => {
    expect(read('固定资产投资止跌回稳、增长2%；规上工业增加值②增长7.4%；全镇农林牧渔业总产值力争达到5.6亿元。')).toEqual([
      '固定资产投资=2',
      '规上工业增加值=7.4',
      '农林牧渔业总产值=5.6',
    ]);
  });

  it('reads past a bracketed alias and a note on prices, and not a stretch goal as a second target', () => {
    expect(read('地区生产总值（GDP）增长5%左右、力争6%。')).toEqual(['地区生产总值=5']);
    expect(read('全年地区生产总值完成1234.5亿元，按可比价格计算，增长6.2%。', 'ACTUAL')).toEqual(['地区生产总值=1234.5', '地区生产总值=6.2']);
  });

  it('maps short and regional spellings through metrics.tsv', () => {
    expect(read('地方一般公共预算收入增长2%，三产增加值增长10.2%，单位国内生产总值能耗降低2%左右。')).toEqual([
      '一般公共预算收入=2',
      '第三产业增加值=10.2',
      '单位地区生产总值能耗=-2',
    ]);
  });

  it('keeps a metric the dictionary does not list as written, but never a clause or a compound of a listed one', () => {
    expect(read('粮食产量保持在1390万吨以上，城镇新增就业人数110万人以上，粮食产量1.4万亿斤左右，粮食播种面积稳定在1000万亩以上。')).toEqual([
      '粮食产量=1390',
      '城镇新增就业人数=110',
      '粮食产量=1.4',
      '粮食播种面积=1000',
    ]);
    expect(read('统筹落实各级财政衔接资金21.6亿元，柳江区地区生产总值增长8%，全年新引进项目656个。', 'ACTUAL')).toEqual([]);
    // The dictionary-only reader keeps its contract.
    expect(extractIndicators(sentence('粮食播种面积稳定在1000万亩以上。'), metrics)).toEqual([]);
  });
});

describe('qualitative targets', () => {
  it('states a target without a number as value null, for each metric of a list', () => {
    expect(
      read('居民人均可支配收入增长与经济增长基本同步；一般公共预算收入完成市下达任务；城镇调查失业率控制在自治区下达指标以内；单位地区生产总值能耗和主要污染物排放量完成自治区下达任务。'),
    ).toEqual([
      '居民人均可支配收入=—',
      '一般公共预算收入=—',
      '城镇调查失业率=—',
      '单位地区生产总值能耗=—',
      '主要污染物排放量=—',
    ]);
    const [statement] = extractFigureStatements(sentence('居民收入增长和经济增长同步。'), metrics);
    expect(statement).toMatchObject({ metric: '居民人均可支配收入', value: null, measure: 'qualitative', qualifier: '和经济增长同步' });
  });

  it('reads comparisons with the province and tasks handed down with their wording', () => {
    expect(read('城镇居民人均可支配收入增长高于全省平均水平，主要污染物排放量完成省下达的减排任务。')).toEqual([
      '城镇居民人均可支配收入=—',
      '主要污染物排放量=—',
    ]);
  });

  it('lets a number win over a phrase for the same metric, and ignores phrases about no metric', () => {
    expect(read('规上工业增加值实现正增长、增长2%以上；完成国家下达的节能降碳目标任务；主要指标增速高于全市平均水平。')).toEqual(['规上工业增加值=2']);
  });

  it('reads 实现正增长 as a qualitative target, and a numbered target line without its list number', () => {
    expect(read('一般公共预算收入增长4%；进出口总额实现正增长；城镇登记失业率控制在3%以内')).toEqual(['一般公共预算收入=4', '进出口总额=—', '城镇登记失业率=3']);
    for (const opener of ['5.', '5、', '（5）', '⑤', '']) expect(read(`${opener}一般公共预算收入与经济增长同步；`), opener).toEqual(['一般公共预算收入=—']);
  });

  it('reads each bulleted line of a list as its own clause', () => {
    expect(read('● 居民消费价格涨幅3%左右\n● 居民收入增长与经济增长同步')).toEqual(['居民消费价格=3', '居民人均可支配收入=—']);
  });

  it('keeps every span inside the sentence, on any input', () => {
    const piece = fc.constantFrom('地区生产总值', '粮食产量', '增长', '5%', '下降', '以上', '，', '、', '和', '完成市下达任务', '与经济增长同步', '1390万吨', '②', '-');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }).map((pieces) => pieces.join('')), (text) => {
        for (const statement of extractFigureStatements(sentence(text), metrics)) {
          expect(statement.span.start).toBeGreaterThanOrEqual(0);
          expect(statement.span.end).toBeLessThanOrEqual(text.length);
          expect(statement.metricSpan.end).toBeLessThanOrEqual(statement.span.start + 1);
          if (statement.measure === 'qualitative') expect(statement.value).toBeNull();
        }
      }),
    );
  });
});

describe('news summaries of a report', () => {
  const news = [
    '某市人大会议开幕　今年地区生产总值预期增长5.5%左右',
    '',
    '　　报告显示，过去一年全市经济运行回升向好。2024年，全市实现地区生产总值3086.4亿元、增长4.9%。',
    '',
    '　　报告提出，2025年全市经济社会发展的主要预期目标是：',
    '　　地区生产总值增长5.5%左右；',
    '　　一般公共预算收入完成市下达任务；',
    '　　◆粮食产量1280万吨。',
    '',
    '　　报告指出，今年是“十四五”规划收官之年。会议应到代表450人，实到代表421人。',
  ].join('\n');

  it('reads the review paragraph as results and the lines after 主要预期目标是： as targets', () => {
    const { figures } = structureWorkReport(news, 2025);
    const statements = figures.flatMap((figure) =>
      extractFigureStatements(figure, metrics).map((statement) => `${statement.kind} ${statement.year} ${statement.metric}=${statement.value ?? '—'}`),
    );
    expect(statements).toEqual([
      'ACTUAL 2024 地区生产总值=3086.4',
      'ACTUAL 2024 地区生产总值=4.9',
      'TARGET 2025 地区生产总值=5.5',
      'TARGET 2025 一般公共预算收入=—',
      'TARGET 2025 粮食产量=1280',
    ]);
  });

  it('reads ■ headed bullet lists after cleaning: the last bullet stays apart from the next ■ heading', () => {
    const bullets = ['某省政府工作报告摘要', '', '■ 2024年成绩单', '● 地区生产总值增长6.3%', '● 粮食总产量达到837亿斤，创历史新高', '', '■ 2025年主要预期目标', '● 地区生产总值增长5%以上', '● 居民收入增长与经济增长同步', ''].join('\n');
    const cleaned = cleanText({ path: 'news.txt', text: bullets }, NO_CLEAN_RULES).text;
    const statements = structureWorkReport(cleaned, 2025).figures.flatMap((figure) =>
      extractFigureStatements(figure, metrics).map((statement) => `${statement.kind} ${statement.year} ${statement.metric}=${statement.value ?? '—'}`),
    );
    expect(statements).toEqual(['ACTUAL 2024 地区生产总值=6.3', 'ACTUAL 2024 粮食产量=837', 'TARGET 2025 地区生产总值=5', 'TARGET 2025 居民人均可支配收入=—']);
  });

  it('reads a paragraph that names the year before (报告指出，2024年全市…) as its results', () => {
    const dated = ['某市人大会议开幕', '', '　　报告指出，2024年全市地区生产总值完成118亿元，增长7.2%。', '', '　　报告提出，2025年主要预期目标是：地区生产总值增长6.5%左右。'].join('\n');
    const statements = structureWorkReport(dated, 2025).figures.flatMap((figure) =>
      extractFigureStatements(figure, metrics).map((statement) => `${statement.kind} ${statement.year} ${statement.metric}=${statement.value ?? '—'}`),
    );
    expect(statements).toEqual(['ACTUAL 2024 地区生产总值=118', 'ACTUAL 2024 地区生产总值=7.2', 'TARGET 2025 地区生产总值=6.5']);
  });

  const statementsOf = (text: string, year: number): string[] =>
    structureWorkReport(text, year).figures.flatMap((figure) =>
      extractFigureStatements(figure, metrics).map((statement) => `${statement.kind} ${statement.year} ${statement.metric}=${statement.value ?? '—'}`),
    );

  it('carries a review opened by the year before over the paragraphs after it, up to the aims', () => {
    const report = [
      '某市政府工作报告（摘要）',
      '',
      '2019年，全市上下攻坚克难，经济运行总体平稳。',
      '',
      '经济实力稳步提升。全市生产总值达到845.2亿元，比上年增长6.1%。',
      '',
      '发展动能不断增强。规模以上工业增加值增长7.3%。',
      '',
      '2020年全市经济社会发展的主要预期目标是：生产总值增长6%左右。',
      '',
      '重点项目加快推进。新开工项目投资增长12%。',
    ].join('\n');
    expect(statementsOf(report, 2020)).toEqual([
      'ACTUAL 2019 地区生产总值=845.2',
      'ACTUAL 2019 地区生产总值=6.1',
      'ACTUAL 2019 规上工业增加值=7.3',
      'TARGET 2020 地区生产总值=6',
    ]);
  });

  it('reads the results before 主要预期目标是 in the same paragraph as results, those after it as targets', () => {
    const paragraph = '某县政府工作报告（节选）\n\n过去一年，全县生产总值完成312亿元，增长7.4%。今年全县主要预期目标是：生产总值增长7%左右，固定资产投资增长10%。';
    expect(statementsOf(paragraph, 2021)).toEqual([
      'ACTUAL 2020 地区生产总值=312',
      'ACTUAL 2020 地区生产总值=7.4',
      'TARGET 2021 地区生产总值=7',
      'TARGET 2021 固定资产投资=10',
    ]);
  });

  it('reads a harvest reached in prose (万吨 / 亿斤), after a lead clause, as a result', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.constantFrom('万吨', '亿斤'), (tenths, unit) => {
        const value = tenths / 10;
        const text = ['某市政府工作报告', '', `过去一年，全市经济运行总体平稳。农业基础继续巩固，粮食总产量达到${value}${unit}，连续多年保持稳定。`].join('\n');
        return statementsOf(text, 2024).join() === `ACTUAL 2023 粮食产量=${value}`;
      }),
    );
  });

  it('never reads a paragraph after the aims as a result, whatever it opens with', () => {
    fc.assert(
      fc.property(fc.constantFrom('重点项目加快推进。', '城乡面貌持续改善。', ''), fc.integer({ min: 1, max: 30 }), (lead, rate) => {
        const text = ['2019年，全市经济平稳。', '', '今年主要预期目标是：生产总值增长6%左右。', '', `${lead}固定资产投资增长${rate}%。`].join('\n');
        return statementsOf(text, 2020).every((statement) => !statement.startsWith('ACTUAL'));
      }),
    );
  });
});
