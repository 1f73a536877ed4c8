/**
 * The four work reports of the seed corpus, through the real cleaner and splitter,
 * pinned to values read by hand in the seed files. Skipped when the seeds are not
 * checked out next to the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { classifyDocument } from '../../ingest/classify.ts';
import { cleanText } from '../../ingest/clean/index.ts';
import { type IndicatorStatement, type MetricRule, extractIndicators } from '../../ingest/extract/indicators.ts';
import { loadMetricRules } from '../../ingest/rules.ts';
import { loadCleanRules } from '../../ingest/rules.ts';
import { splitDocuments } from '../../ingest/split.ts';
import { splitParagraphs } from '../../ingest/structure/paragraphs.ts';
import { structureWorkReport } from '../../ingest/structure/work-report.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The bundled copy of the seeds (data/corpus) is always there, so these tests never skip.
const SEEDS = path.resolve(REPO_ROOT, 'data', 'corpus');

interface Report {
  readonly text: string;
  readonly year: number;
}

/** The work report of a seed file (the n-th one when a bulletin holds several). */
async function report(file: string): Promise<Report> {
  const rules = await loadCleanRules();
  const cleaned = cleanText({ path: file, text: readFileSync(path.join(SEEDS, file), 'utf8') }, rules);
  const found = splitDocuments(cleaned)
    .map((document) => ({ document, header: classifyDocument(document) }))
    .find(({ header }) => header.kind === 'WORK_REPORT');
  if (!found || found.header.year === null) throw new Error(`${file}: no work report with a year found`);
  return { text: found.document.text, year: found.header.year };
}

function indicators(text: string, year: number, metrics: readonly MetricRule[]): IndicatorStatement[] {
  return structureWorkReport(text, year).figures.flatMap((figure) => extractIndicators(figure, metrics));
}

function gdp(statements: readonly IndicatorStatement[], kind: 'TARGET' | 'ACTUAL', measure: 'growth' | 'level'): unknown[] {
  return statements
    .filter((statement) => statement.metric === '地区生产总值' && statement.kind === kind && statement.measure === measure)
    .map((statement) => [statement.year, statement.value, statement.upTo, statement.unit, statement.qualifier]);
}

describe.skipIf(!existsSync(SEEDS))('seed work reports', () => {
  let metrics: MetricRule[] = [];
  beforeAll(async () => {
    metrics = await loadMetricRules();
  });

  it('000: 2020 report — 28 glossary terms linked to their markers, GDP target 6%—6.5%, 2019 actual 2.4%', async () => {
    const { text, year } = await report('000_ec90f7d5dd38cba8.txt');
    expect(year).toBe(2020);
    const { sections, glossary } = structureWorkReport(text, year);
    expect(sections.filter((section) => section.part === null).map((section) => section.title)).toEqual([
      '一、2019年工作回顾',
      '二、2020年经济社会发展总体要求和主要目标',
      '三、2020年工作安排',
      '附注',
      '附表',
      '2020年市政府为民办实事项目',
    ]);
    expect(sections.filter((section) => section.part === '三、2020年工作安排')).toHaveLength(8);

    // ① … ㉘ counted in the 附注 by hand.
    expect(glossary).toHaveLength(28);
    expect(glossary[0]).toMatchObject({ marker: '①', name: '“5+5”产业体系' });
    expect(glossary[27]).toMatchObject({ marker: '㉘', name: '“1521”康养基地' });
    expect(glossary.map((term) => term.occurrences.length)).toEqual(Array.from({ length: 28 }, () => 1));
    // ⑱ is printed ® in the body; the term's name links it.
    const ipo = glossary.find((term) => term.name === 'IPO');
    expect(ipo && text.slice((ipo.occurrences[0]?.start ?? 0) - 8, ipo.occurrences[0]?.end)).toBe('IPO<sup>®');

    const statements = indicators(text, year, metrics);
    expect(gdp(statements, 'TARGET', 'growth')).toEqual([[2020, 6, 6.5, '%', null]]);
    expect(gdp(statements, 'ACTUAL', 'growth')).toEqual([[2019, 2.4, null, '%', null]]);
    expect(gdp(statements, 'ACTUAL', 'level')).toEqual([[2019, 3128.3, null, '亿元', null]]);
  });

  it('001: 2017 report (repeated body kept once) — GDP target 7.5% 左右, 2016 actual 7.2%', async () => {
    const { text, year } = await report('001_60ced526a38720ec.txt');
    expect(year).toBe(2017);
    const { sections, figures } = structureWorkReport(text, year);
    expect(sections.filter((section) => section.part === null).map((section) => section.title)).toEqual([
      '2016年工作回顾',
      '2017年工作总体要求与目标',
      '2017年工作安排',
    ]);
    expect(sections.filter((section) => section.part === '2017年工作安排')).toHaveLength(10);
    expect(figures.filter((figure) => figure.kind === 'TARGET')).toHaveLength(1);

    const statements = indicators(text, year, metrics);
    expect(gdp(statements, 'TARGET', 'growth')).toEqual([[2017, 7.5, null, '%', '左右']]);
    expect(gdp(statements, 'ACTUAL', 'growth')).toEqual([[2016, 7.2, null, '%', null]]);
    expect(gdp(statements, 'ACTUAL', 'level')).toEqual([[2016, 2401, null, '亿元', null]]);
  });

  it('002: 2024 report without its first heading — GDP target 4% 以上, 2023 actual 2.8%', async () => {
    const { text, year } = await report('002_b0fe9b2ffaffa634.txt');
    expect(year).toBe(2024);
    const { sections, glossary } = structureWorkReport(text, year);
    expect(sections.filter((section) => section.part === null && section.title.includes('、'))).toEqual(
      expect.arrayContaining([expect.objectContaining({ ordinal: 2, title: '二、2024年工作安排' })]),
    );
    expect(glossary).toEqual([]);

    const statements = indicators(text, year, metrics);
    expect(gdp(statements, 'TARGET', 'growth')).toEqual([[2024, 4, null, '%', '以上']]);
    expect(gdp(statements, 'ACTUAL', 'growth')).toEqual([[2023, 2.8, null, '%', null]]);
    const targets = statements.filter((statement) => statement.kind === 'TARGET').map((statement) => statement.metric);
    expect(targets).toEqual(['地区生产总值', '规上工业增加值', '固定资产投资', '一般公共预算收入', '社会消费品零售总额', '进出口总额']);
  });

  it('003: 2023 report inside notice 柳政发〔2023〕5号 — GDP target 6%, 2022 actual 0.3%, 17 numbered glossary terms', async () => {
    const { text, year } = await report('003_5dd11dd00263b247.txt');
    expect(year).toBe(2023);
    const { sections, glossary } = structureWorkReport(text, year);
    expect(sections.filter((section) => section.part === null).map((section) => section.title)).toEqual([
      '一、2022年工作回顾',
      '二、2023年工作安排',
      '三、全面加强政府自身建设',
      '附注',
    ]);
    expect(glossary).toHaveLength(17);
    expect(glossary[0]).toMatchObject({ marker: '1', name: '“链长制”招商' });

    const statements = indicators(text, year, metrics);
    expect(gdp(statements, 'TARGET', 'growth')).toEqual([[2023, 6, null, '%', null]]);
    expect(gdp(statements, 'ACTUAL', 'growth')).toEqual([[2022, 0.3, null, '%', null]]);
    expect(gdp(statements, 'ACTUAL', 'level')).toEqual([[2022, 3127.8, null, '亿元', null]]);
  });

  it('paragraphs of every report slice back to their text and carry no headings', async () => {
    for (const file of ['000_ec90f7d5dd38cba8.txt', '001_60ced526a38720ec.txt', '002_b0fe9b2ffaffa634.txt', '003_5dd11dd00263b247.txt']) {
      const { text } = await report(file);
      const paragraphs = splitParagraphs(text);
      expect(paragraphs.length).toBeGreaterThan(40);
      for (const paragraph of paragraphs) {
        expect(text.slice(paragraph.span.start, paragraph.span.end)).toBe(paragraph.text);
        expect(paragraph.text).not.toMatch(/^#|^[一二三四五六七八九十]+、\d{4}年工作/u);
        expect(paragraph.text).not.toContain('\t');
      }
    }
  });
});
