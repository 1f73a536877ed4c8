import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MetricRule, extractIndicators } from '../../ingest/extract/indicators.ts';
import { extractQualitativeStatements } from '../../ingest/extract/qualitative-targets.ts';
import type { FigureSentence } from '../../ingest/model.ts';
import { parseMetricRules } from '../../ingest/extract/metric-rules.ts';
import { loadMetricRules } from '../../ingest/rules.ts';
import { KgError } from '../../core/errors.ts';

const RULES: MetricRule[] = parseMetricRules(
  [
    '# test dictionary',
    '地区生产总值\tGDP|生产总值',
    '规上工业增加值\t规模以上工业增加值',
    '固定资产投资',
    '一般公共预算收入',
    '财政收入',
    '社会消费品零售总额',
    '城镇居民人均可支配收入',
    '农村居民人均可支配收入',
    '城乡居民人均可支配收入\t城乡居民收入\t城镇居民人均可支配收入|农村居民人均可支配收入',
    '城镇调查失业率',
    '居民消费价格\tCPI',
    '进出口总额\t外贸进出口',
  ].join('\n'),
  'test',
);

/** A figure sentence placed at `offset` in a document. */
function sentence(text: string, kind: 'TARGET' | 'ACTUAL', year: number, offset = 100): FigureSentence {
  return { text, span: { start: offset, end: offset + text.length }, kind, year };
}

/** Compact view: metric, measure, value, upTo, unit, qualifier. */
function summary(text: string, kind: 'TARGET' | 'ACTUAL' = 'TARGET', year = 2026): unknown[] {
  return extractIndicators(sentence(text, kind, year), RULES).map((statement) => [
    statement.metric,
    statement.measure,
    statement.value,
    statement.upTo,
    statement.unit,
    statement.qualifier,
  ]);
}

describe('extractIndicators', () => {
  it('reads a metric after a list number at the start of a line, not after a number mid-line', () => {
    const head = (text: string) => summary(text).map((row) => (row as unknown[]).slice(0, 3));
    expect(head('1.地区生产总值增长6%—6.5%；')).toEqual([['地区生产总值', 'growth', 6]]);
    expect(head('目标是：\n（2）规模以上工业增加值增长7%以上；\n3、固定资产投资增长3%左右；')).toEqual([['规上工业增加值', 'growth', 7], ['固定资产投资', 'growth', 3]]);
    expect(head('投入2.1地区生产总值增长6%')).toEqual([]);
  });

  it('reads a listed spelling written with a head noun after it (外贸进出口总值), with either punctuation', () => {
    const head = (text: string) => summary(text, 'ACTUAL', 2023).map((row) => (row as unknown[]).slice(0, 3));
    fc.assert(
      fc.property(fc.constantFrom('总值', '总额', '总量', ''), fc.constantFrom(['，', '；', '。'], [',', ';', '.']), (noun, [comma, semicolon, stop]) => {
        expect(head(`固定资产投资增长10.1%${semicolon}外贸进出口${noun}2650亿元${comma}下降4.2%${stop}`)).toEqual([
          ['固定资产投资', 'growth', 10.1],
          ['进出口总额', 'level', 2650],
          ['进出口总额', 'growth', -4.2],
        ]);
      }),
    );
    // A spelling with a head of its own takes none: 地区生产总值总量 is no new name.
    expect(head('地区生产总值2780亿元，增长6.8%。')).toEqual([['地区生产总值', 'level', 2780], ['地区生产总值', 'growth', 6.8]]);
  });

  it('reads a rate whose basis is stated (可比口径增长) or noted once for the figures after it (增长（下同）)', () => {
    const head = (text: string) => summary(text).map((row) => (row as unknown[]).slice(0, 3));
    expect(head('一般公共预算收入可比口径增长8%，')).toEqual([['一般公共预算收入', 'growth', 8]]);
    expect(head('地区生产总值达265亿元、同比增长（下同）5.2%；')).toEqual([['地区生产总值', 'level', 265], ['地区生产总值', 'growth', 5.2]]);
  });

  it('pairs metrics with 分别 values after a measure word (居民消费价格涨幅分别控制在…和…)', () => {
    expect(summary('城镇调查失业率、居民消费价格涨幅分别控制在5.5%和3%左右；').map((row) => (row as unknown[]).slice(0, 3))).toEqual([
      ['城镇调查失业率', 'level', 5.5],
      ['居民消费价格', 'level', 3],
    ]);
  });

  it('reads a second list of the same metrics without a second 分别, and stops at one that does not pair', () => {
    const head = (text: string) => summary(text, 'ACTUAL', 2022).map((row) => (row as unknown[]).slice(0, 3));
    expect(head('城乡居民人均可支配收入分别为72860元、43510元，增长3.1%、5.4%。')).toEqual([
      ['城镇居民人均可支配收入', 'level', 72860],
      ['城镇居民人均可支配收入', 'growth', 3.1],
      ['农村居民人均可支配收入', 'level', 43510],
      ['农村居民人均可支配收入', 'growth', 5.4],
    ]);
    expect(head('城乡居民人均可支配收入分别为72860元、43510元，增长4%。')).toEqual([
      ['城镇居民人均可支配收入', 'level', 72860],
      ['农村居民人均可支配收入', 'level', 43510],
    ]);
  });

  it('reads a metric after a markdown list bullet', () => {
    expect(summary('- 地区生产总值增长6%左右；').map((row) => (row as unknown[]).slice(0, 3))).toEqual([['地区生产总值', 'growth', 6]]);
    const qualitative = extractQualitativeStatements(sentence('- 一般公共预算收入与经济增长保持同步。', 'TARGET', 2026), RULES);
    expect(qualitative.map((statement) => statement.metric)).toEqual(['一般公共预算收入']);
    // Elsewhere `-` is a sign or a range, never a bullet: the metric still needs a clause start.
    expect(summary('全市-地区生产总值增长6%')).toEqual([]);
  });

  it('reads 同步 targets without a value: 同步增长 after the metric, and a combined metric kept whole', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '基本'), fc.constantFrom('；', '，', '。'), (basic, end) => {
        const stated = extractQualitativeStatements(sentence(`生产总值增长8.5%以上；财政收入${basic}同步增长${end}`, 'TARGET', 2017), RULES);
        return stated.length === 1 && stated[0]?.metric === '财政收入' && stated[0].value === null && stated[0].qualifier === `${basic}同步增长`;
      }),
    );
    // One phrase for 城乡居民收入 gives no figures of its own to 城镇 and 农村: the metric stays whole.
    const combined = extractQualitativeStatements(sentence('城乡居民收入与经济增长同步，粮食产量稳定在2.5亿斤以上。', 'TARGET', 2023), RULES);
    expect(combined.map((statement) => [statement.metric, statement.value])).toEqual([['城乡居民人均可支配收入', null]]);
  });

  it('reads a metric after a middle-dot bullet opening a line, whichever dot sign', () => {
    fc.assert(
      fc.property(fc.constantFrom('\u00b7', '\u30fb', '\u2027', '\u2219'), fc.constantFrom('', ' ', '\u3000', '  '), (dot, gap) => {
        expect(summary(`${dot}${gap}地区生产总值增长5%左右；`).map((row) => (row as unknown[]).slice(0, 3))).toEqual([['地区生产总值', 'growth', 5]]);
        const qualitative = extractQualitativeStatements(sentence(`${dot}${gap}一般公共预算收入与经济增长保持同步；`, 'TARGET', 2026), RULES);
        expect(qualitative.map((statement) => statement.metric)).toEqual(['一般公共预算收入']);
      }),
    );
    // Mid-line a middle dot joins the parts of a name and opens no clause.
    expect(summary('全市·地区生产总值增长6%')).toEqual([]);
  });

  it('reads a target sentence with qualifiers', () => {
    const text = '今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，规上工业增加值增长7.7%，一般公共预算收入增长4%以上，城镇调查失业率控制在5.5%以内。';
    const statements = extractIndicators(sentence(text, 'TARGET', 2026, 1000), RULES);
    expect(statements.map((statement) => [statement.metric, statement.value, statement.unit, statement.qualifier])).toEqual([
      ['地区生产总值', 5.5, '%', '左右'],
      ['规上工业增加值', 7.7, '%', null],
      ['一般公共预算收入', 4, '%', '以上'],
      ['城镇调查失业率', 5.5, '%', '以内'],
    ]);
    const gdp = statements[0];
    expect(gdp?.kind).toBe('TARGET');
    expect(gdp?.year).toBe(2026);
    expect(gdp?.measure).toBe('growth');
    expect(gdp?.text).toBe(text);
    // Spans are document offsets: the sentence starts at 1000.
    expect(gdp && text.slice(gdp.span.start - 1000, gdp.span.end - 1000)).toBe('增长5.5%左右');
    expect(gdp && text.slice(gdp.metricSpan.start - 1000, gdp.metricSpan.end - 1000)).toBe('地区生产总值');
    expect(statements[3]?.measure).toBe('level');
  });

  it('reads results: levels and changes, decreases as negative, 持平 as zero', () => {
    expect(
      summary('初步核算，实现地区生产总值3128.3亿元、增长2.4%；规模以上工业增加值下降1.9%；财政收入 436.3 亿元，与上年持平。', 'ACTUAL', 2019),
    ).toEqual([
      ['地区生产总值', 'level', 3128.3, null, '亿元', null],
      ['地区生产总值', 'growth', 2.4, null, '%', null],
      ['规上工业增加值', 'growth', -1.9, null, '%', null],
      ['财政收入', 'level', 436.3, null, '亿元', null],
      ['财政收入', 'growth', 0, null, '%', null],
    ]);
  });

  it('keeps both ends of a range', () => {
    expect(summary('**2020年主要预期目标是：**地区生产总值增长6%—6.5%，固定资产投资增长11%。')).toEqual([
      ['地区生产总值', 'growth', 6, 6.5, '%', null],
      ['固定资产投资', 'growth', 11, null, '%', null],
    ]);
  });

  it('distributes 分别 lists over the listed metrics, in order', () => {
    expect(summary('规上工业增加值、固定资产投资分别增长9%、3%，社会消费品零售总额增长6%。')).toEqual([
      ['规上工业增加值', 'growth', 9, null, '%', null],
      ['固定资产投资', 'growth', 3, null, '%', null],
      ['社会消费品零售总额', 'growth', 6, null, '%', null],
    ]);
  });

  it('distributes over metrics that share their ending (城镇居民、农村居民人均可支配收入)', () => {
    const text = '城镇居民、农村居民人均可支配收入分别为30733元、10347元，分别增长7%、9.5%。';
    const statements = extractIndicators(sentence(text, 'ACTUAL', 2016, 0), RULES);
    expect(statements.map((statement) => [statement.metric, statement.measure, statement.value, statement.unit])).toEqual([
      ['城镇居民人均可支配收入', 'level', 30733, '元'],
      ['城镇居民人均可支配收入', 'growth', 7, '%'],
      ['农村居民人均可支配收入', 'level', 10347, '元'],
      ['农村居民人均可支配收入', 'growth', 9.5, '%'],
    ]);
    expect(statements.map((statement) => text.slice(statement.span.start, statement.span.end))).toEqual([
      '30733元',
      '7%',
      '10347元',
      '9.5%',
    ]);
  });

  it('reads a collective name (城乡) as the metrics it lists, only with 分别', () => {
    expect(summary('城乡居民人均可支配收入分别为42479元、18411元，分别增长2.5%和6%。', 'ACTUAL', 2022)).toEqual([
      ['城镇居民人均可支配收入', 'level', 42479, null, '元', null],
      ['城镇居民人均可支配收入', 'growth', 2.5, null, '%', null],
      ['农村居民人均可支配收入', 'level', 18411, null, '元', null],
      ['农村居民人均可支配收入', 'growth', 6, null, '%', null],
    ]);
    expect(summary('城乡居民人均可支配收入增长5%。')).toEqual([]);
  });

  it('refuses a 分别 list whose values do not match the metrics one to one', () => {
    expect(summary('规上工业增加值、固定资产投资分别增长9%、3%、5%。')).toEqual([]);
    expect(summary('规上工业增加值、固定资产投资分别增长9%。')).toEqual([]);
  });

  it('ignores metrics that are part of a longer name or scoped to a district', () => {
    expect(summary('单位地区生产总值能耗下降2.5%。', 'ACTUAL')).toEqual([]);
    expect(summary('柳江区地区生产总值增长8%，工业固定资产投资增长10%。', 'ACTUAL')).toEqual([]);
    expect(summary('非税收入占一般公共预算收入的28%。', 'ACTUAL')).toEqual([]);
  });

  it('states nothing where the sentence states no number for the metric', () => {
    expect(summary('居民人均可支配收入与经济增长基本同步，稳增长30条落实到位。')).toEqual([]);
    expect(summary('地区生产总值增长较快。')).toEqual([]);
  });

  it('accepts aliases and scope words before the metric', () => {
    expect(summary('2019年全市GDP增长2.4%，全年CPI涨幅控制在3%左右。', 'ACTUAL', 2019)).toEqual([
      ['地区生产总值', 'growth', 2.4, null, '%', null],
      ['居民消费价格', 'growth', 3, null, '%', '左右'],
    ]);
  });

  it('returns nothing with an empty dictionary', () => {
    expect(extractIndicators(sentence('地区生产总值增长5%。', 'TARGET', 2026), [])).toEqual([]);
  });
});

describe('metric rules', () => {
  it('parses canonical names and aliases, skipping comments and blank lines', () => {
    expect(parseMetricRules('# c\n\n地区生产总值\tGDP|生产总值|GDP\n固定资产投资\n', 'x')).toEqual([
      { metric: '地区生产总值', aliases: ['GDP', '生产总值'] },
      { metric: '固定资产投资', aliases: [] },
    ]);
  });

  it('rejects a spelling claimed by two metrics, naming the file and line', () => {
    expect(() => parseMetricRules('地区生产总值\tGDP\n国内生产总值\tGDP', 'metrics.tsv')).toThrow(/metrics\.tsv:2: "GDP"/u);
    expect(() => parseMetricRules('a\tb\tc\td', 'metrics.tsv')).toThrow(KgError);
    expect(() => parseMetricRules('城乡\t\t城镇|农村\n城镇', 'metrics.tsv')).toThrow(/metrics\.tsv:1: "农村" is not a metric/u);
    expect(parseMetricRules('城镇\n农村\n城乡\t\t城镇|农村', 'x')[2]).toEqual({ metric: '城乡', aliases: [], parts: ['城镇', '农村'] });
  });

  it('loads the bundled dictionary', async () => {
    const rules = await loadMetricRules();
    const metrics = rules.map((rule) => rule.metric);
    expect(metrics).toEqual(expect.arrayContaining(['地区生产总值', '规上工业增加值', '固定资产投资', '一般公共预算收入']));
    expect(rules.find((rule) => rule.metric === '规上工业增加值')?.aliases).toContain('规模以上工业增加值');
  });

  it('names the file when it cannot be read', async () => {
    await expect(loadMetricRules('/nonexistent')).rejects.toThrow(/\/nonexistent/u);
  });
});
