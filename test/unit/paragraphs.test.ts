import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitParagraphs } from '../../ingest/structure/paragraphs.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/work-report/${name}`, import.meta.url), 'utf8');

describe('splitParagraphs', () => {
  it('numbers prose paragraphs and records the enclosing part and section', () => {
    const text = [
      '政府工作报告',
      '',
      '各位代表：',
      '',
      '一、2025年工作回顾',
      '',
      '过去一年，全市地区生产总值增长3%。',
      '',
      '（一）着力稳工业，产业发展持续向好。新能源汽车产量增长20%。',
      '',
      '二、2026年工作安排',
      '',
      '**（一）坚定不移推进新型工业化**  ',
      '柳州一定要发展好工业。',
      '',
      '**决战决胜脱贫攻坚。**对照目标任务和考核标准。',
    ].join('\n');
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((paragraph) => [paragraph.ordinal, paragraph.text, paragraph.part, paragraph.section])).toEqual([
      [1, '各位代表：', null, null],
      [2, '过去一年，全市地区生产总值增长3%。', '一、2025年工作回顾', null],
      [3, '新能源汽车产量增长20%。', '一、2025年工作回顾', '（一）着力稳工业，产业发展持续向好'],
      [4, '柳州一定要发展好工业。', '二、2026年工作安排', '（一）坚定不移推进新型工业化'],
      [5, '**决战决胜脱贫攻坚。**对照目标任务和考核标准。', '二、2026年工作安排', '（一）坚定不移推进新型工业化'],
    ]);
    for (const paragraph of paragraphs) {
      expect(text.slice(paragraph.span.start, paragraph.span.end)).toBe(paragraph.text);
    }
  });

  it('leaves out headings, the title line and tab-separated table rows', () => {
    const paragraphs = splitParagraphs(fixture('glossary-circled.md'));
    const texts = paragraphs.map((paragraph) => paragraph.text);
    expect(texts.some((text) => text.includes('政府工作报告'))).toBe(false);
    expect(texts.some((text) => text.startsWith('## ') || text === '附表')).toBe(false);
    expect(texts.some((text) => text.includes('\t'))).toBe(false);
    // The glossary entries are prose of the 附注 part.
    const entry = paragraphs.find((paragraph) => paragraph.text.startsWith('①'));
    expect(entry?.part).toBe('附注');
  });

  it('keeps a hard-wrapped sentence together but starts a new paragraph after a full stop', () => {
    const text = '全市上下承压前行，\n迎难而上。\n一年来，我们主要做了以下工作。';
    expect(splitParagraphs(text).map((paragraph) => paragraph.text)).toEqual([
      '全市上下承压前行，\n迎难而上。',
      '一年来，我们主要做了以下工作。',
    ]);
  });

  it('puts sections that come before the first part under no part (a report missing its first heading)', () => {
    const paragraphs = splitParagraphs(fixture('headless-2025.txt'));
    const first = paragraphs[0];
    expect(first?.part).toBeNull();
    const underSection = paragraphs.find((paragraph) => paragraph.text.startsWith('新能源汽车产量'));
    expect(underSection?.part).toBeNull();
    expect(underSection?.section).toBe('（一）着力稳工业、促转型，产业发展持续向好');
    const plan = paragraphs.find((paragraph) => paragraph.text.startsWith('今年经济社会发展'));
    expect(plan?.part).toBe('二、2025年工作安排');
  });

  it('treats unnumbered part headings as parts above 一、 when they come first', () => {
    const paragraphs = splitParagraphs(fixture('unnumbered-parts-2017.txt'));
    const task = paragraphs.find((paragraph) => paragraph.text.startsWith('优化提升传统产业'));
    expect(task?.part).toBe('2017年工作安排');
    expect(task?.section).toBe('一、实施创新驱动发展战略，打好产业转型升级攻坚战');
    const review = paragraphs.find((paragraph) => paragraph.text.startsWith('过去一年'));
    expect(review?.part).toBe('2016年工作回顾');
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs('\n \n\t\n')).toEqual([]);
  });

  const line = fc.oneof(
    fc.constantFrom(
      '一、2025年工作回顾',
      '（二）着力稳工业，产业发展持续向好。新能源汽车产量增长20%。',
      '## 附注',
      '**（三）坚定不移扩大有效投资**  ',
      '序号\t标题\t牵头单位',
      '全市地区生产总值增长3%，',
      '固定资产投资增长5%。',
      '①**双百双新**：重大产业项目。',
      '',
      '  ',
      '附表',
    ),
    fc.string({ maxLength: 30 }),
    fc.stringMatching(/^[一二（）、。，\n\t #*①\u3000a-z0-9]{0,20}$/),
  );
  const separator = fc.constantFrom('\n', '\r\n', '\n\n', '\n\n\n');

  it('property: spans are ordered, disjoint, in range and slice to the paragraph text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(line, separator), { maxLength: 30 }), (pieces) => {
        const text = pieces.map(([content, gap]) => content + gap).join('');
        const paragraphs = splitParagraphs(text);
        let previousEnd = 0;
        paragraphs.forEach((paragraph, index) => {
          expect(paragraph.ordinal).toBe(index + 1);
          expect(paragraph.span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(paragraph.span.end).toBeGreaterThan(paragraph.span.start);
          expect(paragraph.span.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(paragraph.span.start, paragraph.span.end)).toBe(paragraph.text);
          expect(paragraph.text.trim()).toBe(paragraph.text);
          previousEnd = paragraph.span.end;
        });
      }),
      { numRuns: 500 },
    );
  });
});
