import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../ingest/model.ts';
import { circledValue, markerValue } from '../../ingest/structure/glossary.ts';
import { structureWorkReport } from '../../ingest/structure/work-report.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/work-report/${name}`, import.meta.url), 'utf8');

const slice = (text: string, span: Span): string => text.slice(span.start, span.end);

describe('structureWorkReport: sections', () => {
  it('lists parts and the sections below them, ordinals restarting within each part', () => {
    const text = fixture('glossary-circled.md');
    const { sections } = structureWorkReport(text, 2026);
    expect(sections.map((section) => [section.ordinal, section.title, section.part])).toEqual([
      [1, '一、2025年工作回顾', null],
      [2, '二、2026年工作安排', null],
      [3, '附注', null],
      [4, '附表', null],
    ]);
    const review = sections[0];
    expect(review && slice(text, review.span)).toMatch(/^## 一、2025年工作回顾[\s\S]*项目，建成“四好农村路”<sup>①<\/sup>。\n\n$/u);
  });

  it('keeps the printed part number of a report that lacks its first heading', () => {
    const { sections } = structureWorkReport(fixture('headless-2025.txt'), 2025);
    expect(sections.map((section) => [section.ordinal, section.title, section.part])).toEqual([
      [1, '（一）着力稳工业、促转型，产业发展持续向好', null],
      [2, '（二）着力惠民生、保安全，人民生活持续改善', null],
      [2, '二、2025年工作安排', null],
      [1, '（一）坚定不移推进新型工业化', '二、2025年工作安排'],
      [2, '（二）坚定不移扩大有效投资', '二、2025年工作安排'],
    ]);
  });

  it('nests 一、 sections under unnumbered part headings that come first', () => {
    const { sections } = structureWorkReport(fixture('unnumbered-parts-2017.txt'), 2017);
    expect(sections.map((section) => [section.ordinal, section.title, section.part])).toEqual([
      [1, '2016年工作回顾', null],
      [2, '2017年工作总体要求与目标', null],
      [3, '2017年工作安排', null],
      [1, '一、实施创新驱动发展战略，打好产业转型升级攻坚战', '2017年工作安排'],
      [2, '二、提高农业现代化发展水平，统筹推进城乡协调发展', '2017年工作安排'],
    ]);
  });
});

describe('structureWorkReport: figure sentences', () => {
  it('finds the targets (plan year) and the review results (year before) of a headless report', () => {
    const text = fixture('headless-2025.txt');
    const { figures } = structureWorkReport(text, 2025);
    const targets = figures.filter((figure) => figure.kind === 'TARGET');
    const actuals = figures.filter((figure) => figure.kind === 'ACTUAL');

    expect(targets.map((figure) => figure.text)).toEqual([
      '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右，规上工业增加值、固定资产投资分别增长7%、3%，一般公共预算收入增长4%以上。',
      '城镇调查失业率控制在5.5%以内。',
    ]);
    expect(targets.every((figure) => figure.year === 2025)).toBe(true);

    expect(actuals.map((figure) => figure.text)).toEqual([
      '初步核算，全市地区生产总值增长3.1%，规模以上工业增加值增长5%，固定资产投资下降2.4%；社会消费品零售总额1350亿元、增长4.2%。',
      '新能源汽车产量增长20%，工业投资增长8.6%。',
    ]);
    expect(actuals.every((figure) => figure.year === 2024)).toBe(true);
    for (const figure of figures) expect(slice(text, figure.span)).toBe(figure.text);
  });

  it('does not read a five-year average or a plan-year aim as last year’s result', () => {
    const { figures } = structureWorkReport(fixture('headless-2025.txt'), 2025);
    expect(figures.some((figure) => figure.text.includes('年均'))).toBe(false);
    expect(figures.some((figure) => figure.text.includes('新增规上工业企业'))).toBe(false);
    expect(figures.some((figure) => figure.text.includes('实现5%的目标仍然不容易'))).toBe(false);
  });

  it('uses unnumbered review and target headings', () => {
    const { figures } = structureWorkReport(fixture('unnumbered-parts-2017.txt'), 2017);
    expect(figures.map((figure) => [figure.kind, figure.year, figure.text.slice(0, 12)])).toEqual([
      ['ACTUAL', 2016, '初步统计，全市实现地区生'],
      ['ACTUAL', 2016, '城镇居民、农村居民人均可'],
      ['TARGET', 2017, '2017年柳州经济社会发'],
    ]);
  });

  it('reads a plan report: its 计划执行情况 part is the review, its 计划草案 part the plan', () => {
    const text = [
      '关于某市2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告',
      '',
      '一、2023年计划执行情况',
      '全市地区生产总值完成738.5亿元，比上年增长5.6%。一般公共预算收入完成41.8亿元，与上年持平。',
      '',
      '二、2024年计划草案',
      '2024年主要预期目标是：地区生产总值增长6%左右。',
      '',
    ].join('\n');
    const { figures } = structureWorkReport(text, 2024);
    expect(figures.map((figure) => [figure.kind, figure.year, figure.text.slice(0, 8)])).toEqual([
      ['ACTUAL', 2023, '全市地区生产总值'],
      ['ACTUAL', 2023, '一般公共预算收入'],
      ['TARGET', 2024, '2024年主要预'],
    ]);
  });
});

describe('structureWorkReport: a news summary without headings', () => {
  it('reads a sentence opening with the plan year (or 今年) and an aim as targets, the year before as results', () => {
    for (const opening of ['2024年，某新区将力争', '今年全区力争', '2024年某新区计划']) {
      const text = `某新区2024年经济社会发展目标出炉\n\n记者获悉，2023年某新区实现地区生产总值4950亿元，增长6.8%。\n${opening}地区生产总值增长7%以上，实际利用外资实现正增长。\n`;
      const { figures } = structureWorkReport(text, 2024);
      expect(figures.map((figure) => [figure.kind, figure.year]), opening).toEqual([
        ['ACTUAL', 2023],
        ['TARGET', 2024],
      ]);
    }
    // A sentence about the plan year that states no aim is no target.
    const { figures } = structureWorkReport('某新区新闻\n\n2024年1月，某新区地区生产总值增长7%的消息传来。\n', 2024);
    expect(figures.filter((figure) => figure.kind === 'TARGET')).toEqual([]);
  });
});

describe('structureWorkReport: glossary', () => {
  it('parses circled-marker entries and links each to its markers in the body', () => {
    const text = fixture('glossary-circled.md');
    const { glossary } = structureWorkReport(text, 2026);
    expect(glossary.map((term) => [term.marker, term.name])).toEqual([
      ['①', '“5+5”产业体系'],
      ['②', '双百双新'],
      ['㉑', '四好农村路'],
      ['㉓', '“十三五”十大城市建设工程'],
      ['㉗', '一事通办'],
      ['㊱', '“三微”平台'],
    ]);
    const byName = new Map(glossary.map((term) => [term.name, term]));
    // A definition cut by a page break is joined back.
    expect(byName.get('双百双新')?.definition).toBe(
      '总投资100亿元、年产值100亿元以上的重大产业项目；总投资1亿元以上的新产业、新技术类型重大项目。',
    );
    const markersOf = (name: string): string[] =>
      (byName.get(name)?.occurrences ?? []).map((span) => `${slice(text, span)}@${span.start}`);
    const at = (needle: string): number => text.indexOf(needle) + '<sup>'.length;
    expect(markersOf('“5+5”产业体系')).toEqual([`①@${at('<sup>①</sup>，推进')}`]);
    expect(markersOf('双百双新')).toEqual([`②@${at('<sup>②</sup>')}`]);
    // The marker printed ① after 四好农村路 belongs to ㉑ by its name.
    expect(markersOf('四好农村路')).toEqual([`①@${at('<sup>①</sup>。')}`]);
    // Two-digit markers written as two characters.
    expect(markersOf('“十三五”十大城市建设工程')).toEqual([`②③@${at('<sup>②③</sup>')}`]);
    expect(markersOf('一事通办')).toEqual([`②7@${at('<sup>②7</sup>')}`]);
    // A bare marker from the ㊱–㊿ block.
    expect(markersOf('“三微”平台')).toEqual([`㊱@${text.indexOf('㊱')}`]);
    for (const term of glossary) {
      expect(slice(text, term.span)).toContain(term.name.replace(/“|”/gu, '').slice(0, 2));
      for (const occurrence of term.occurrences) expect(occurrence.end).toBeLessThan(text.indexOf('## 附注'));
    }
  });

  it('parses numbered entries without body markers and links them to where the name appears', () => {
    const text = fixture('glossary-numbered.txt');
    const { glossary } = structureWorkReport(text, 2026);
    expect(glossary.map((term) => [term.marker, term.name, term.definition])).toEqual([
      ['1', '“链长制”招商', '是指通过招商实现产业链上下游的建链延链补链强链。'],
      ['2', '柳州企业日、柳州工匠日', '是指每年的4月26日。'],
      ['3', '绿柳通', '是指柳州绿色金融综合服务平台。'],
    ]);
    expect(glossary[0]?.occurrences.map((span) => slice(text, span))).toEqual(['链长制”招商']);
    expect(glossary[2]?.occurrences.map((span) => slice(text, span))).toEqual(['绿柳通']);
  });

  it('returns no glossary for a report without one', () => {
    expect(structureWorkReport(fixture('headless-2025.txt'), 2025).glossary).toEqual([]);
  });

  it('reads circled markers across the three Unicode blocks and their OCR forms', () => {
    expect(circledValue('①')).toBe(1);
    expect(circledValue('⑳')).toBe(20);
    expect(circledValue('㉑')).toBe(21);
    expect(circledValue('㉟')).toBe(35);
    expect(circledValue('㊱')).toBe(36);
    expect(circledValue('㊿')).toBe(50);
    expect(circledValue('A')).toBeNull();
    expect(markerValue('②③')).toBe(23);
    expect(markerValue('②7')).toBe(27);
    expect(markerValue('®')).toBeNull();
  });
});

describe('structureWorkReport: any input', () => {
  const line = fc.oneof(
    fc.constantFrom(
      '一、2025年工作回顾',
      '二、2026年工作安排',
      '（一）着力稳工业。全市地区生产总值增长3%。',
      '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。',
      '## 附注',
      '①**双百双新**：重大项目。',
      '“双百双新”<sup>①</sup>',
      '- 1.绿柳通：平台。',
      '',
    ),
    fc.string({ maxLength: 40 }),
  );

  it('property: never throws, and every span slices to what it describes', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.integer({ min: 1990, max: 2100 }), (lines, year) => {
        const text = lines.join('\n');
        const { sections, figures, glossary } = structureWorkReport(text, year);
        for (const section of sections) {
          expect(section.span.start).toBeLessThan(section.span.end);
          expect(section.span.end).toBeLessThanOrEqual(text.length);
        }
        for (const figure of figures) {
          expect(slice(text, figure.span)).toBe(figure.text);
          expect(figure.year).toBe(figure.kind === 'TARGET' ? year : year - 1);
        }
        for (const term of glossary) {
          expect(term.span.end).toBeLessThanOrEqual(text.length);
          for (const occurrence of term.occurrences) expect(occurrence.end).toBeLessThanOrEqual(term.span.start);
        }
      }),
      { numRuns: 300 },
    );
  });
});
