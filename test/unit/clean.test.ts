import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, NO_CLEAN_RULES, normaliseLine, type CleanRules } from '../../ingest/clean/index.ts';
import type { CleanedText } from '../../ingest/model.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ingest');
const fixture = (name: string): string => readFileSync(path.join(fixtures, name), 'utf8');

/** The rules as shipped in data/rules, written out so the test stays pure. */
const RULES: CleanRules = {
  ...NO_CLEAN_RULES,
  noiseStrings: ['侯卫东官场笔记'],
  runningHeaderPatterns: [/^[\u4e00-\u9fff]{2,16}(?:人民政府|政府办公室|人民政府办公室)?公报(?:\s*\d{4}年第\d{1,3}期)?$/u],
  headingEndings: ['回顾', '安排', '目标', '要求'],
};

const clean = (text: string, rules: CleanRules = RULES): CleanedText => cleanText({ path: 'test.txt', text }, rules);
const reasons = (cleaned: CleanedText): string[] => cleaned.removed.map((fragment) => fragment.reason);

describe('normaliseLine', () => {
  it('normalises docNo brackets', () => {
    expect(normaliseLine('柳政发[2024]3号')).toBe('柳政发〔2024〕3号');
    expect(normaliseLine('柳政发(2024)3号')).toBe('柳政发〔2024〕3号');
    expect(normaliseLine('柳政发（2024）3号')).toBe('柳政发〔2024〕3号');
    expect(normaliseLine('柳政发【 2024 】 3 号')).toBe('柳政发〔2024〕3号');
  });

  it('widens half-width punctuation next to Chinese, in pairs for brackets', () => {
    expect(normaliseLine('(市交通运输局牵头,12月底前完成当年任务)')).toBe('（市交通运输局牵头，12月底前完成当年任务）');
    expect(normaliseLine('柳政发〔2024〕3号(3)')).toBe('柳政发〔2024〕3号（3）');
    expect(normaliseLine('(责任单位:市司法局;市财政局)')).toBe('（责任单位：市司法局；市财政局）');
  });

  it('leaves numbers and Latin text alone', () => {
    expect(normaliseLine('1,000 and 8:30 (a, b)')).toBe('1,000 and 8:30 (a, b)');
    expect(normaliseLine('增长1,000亿元')).toBe('增长1,000亿元');
  });

  it('normalises spaces but keeps table tabs', () => {
    expect(normaliseLine('\u3000\u3000各位代表：\u00a0')).toBe('各位代表：');
    expect(normaliseLine('改造 270 个以上')).toBe('改造270个以上');
    expect(normaliseLine('1\t改造一批老旧小区\t市住房城乡建设局')).toBe('1\t改造一批老旧小区\t市住房城乡建设局');
    expect(normaliseLine('\t\t\t柳城县\t柳城县文化馆')).toBe('\t\t\t柳城县\t柳城县文化馆');
    expect(normaliseLine('市长 张 壮')).toBe('市长 张 壮');
  });

  it('maps full-width digits and the horizontal bar', () => {
    expect(normaliseLine('２０２４年')).toBe('2024年');
    expect(normaliseLine('――经济发展稳中有进。')).toBe('——经济发展稳中有进。');
  });
});

describe('cleanText: page breaks', () => {
  const cleaned = clean(fixture('page-break.txt'));

  it('removes running headers and page numbers and records them', () => {
    expect(cleaned.text).not.toContain('——某市人民政府——');
    expect(reasons(cleaned).filter((reason) => reason === 'running-header')).toHaveLength(3);
    expect(cleaned.removed).toContainEqual({ reason: 'page-number', text: '12' });
  });

  it('rejoins an annotation cut by a page break', () => {
    expect(cleaned.text).toContain('（市工业和信息化局、市发展改革委按职责分别牵头，12月底前完成当年任务）');
  });

  it('rejoins a word cut by a page break and a page number', () => {
    expect(cleaned.text).toContain('支持市轨道集团、城建集团做大做强。');
  });

  it('rejoins a sentence cut before its annotation', () => {
    expect(cleaned.text).toContain('进一步提升项目落地转化率。（市投资促进局牵头');
  });

  it('rejoins a heading whose last word was cut, using the file\'s own vocabulary', () => {
    expect(cleaned.text).toContain('（一）坚定不移推进新型工业化，奋力建设现代制造城\n');
  });

  it('keeps separate paragraphs apart', () => {
    expect(cleaned.text).toContain('一、2022年工作安排\n\n（一）');
    expect(cleaned.text).toMatch(/当年任务）\n\n2\.持续狠抓招商引资/u);
  });

  it('does not join a heading to the paragraph under it', () => {
    const text = clean('（一）推进思想解放，强化争先进位\n\n各级各部门要把解放思想贯穿工作始终。\n').text;
    expect(text).toBe('（一）推进思想解放，强化争先进位\n\n各级各部门要把解放思想贯穿工作始终。\n');
  });

  it('does not join a title to its date line, nor a name to the duties under it', () => {
    const text = '某市人民政府关于印发某方案的通知\n\n2024年2月8日 某政发〔2024〕3号\n\n张壮同志\n\n领导市人民政府全面工作。\n';
    expect(clean(text).text).toBe(text);
  });

  it('keeps a bare issuer line that signs a document', () => {
    const text = '——某市人民政府——\n\n正文第一段。\n\n某市人民政府\n\n2024年2月8日\n';
    expect(clean(text).text).toBe('正文第一段。\n\n某市人民政府\n\n2024年2月8日\n');
  });

  it('removes a listed masthead', () => {
    const cleaned = clean('柳州市人民政府公报\n\n正文。\n');
    expect(cleaned.text).toBe('正文。\n');
    expect(cleaned.removed).toEqual([{ reason: 'running-header', text: '柳州市人民政府公报' }]);
  });
});

describe('cleanText: repeated bodies, contents and noise', () => {
  it('keeps one copy of a body repeated in the file', () => {
    const source = fixture('repeated-body.txt');
    const cleaned = clean(source);
    expect(cleaned.text.split('各位代表：').length - 1).toBe(1);
    expect(cleaned.text).toContain('2019年经济社会发展的主要预期目标是');
    expect(reasons(cleaned)).toContain('duplicate-body');
    expect(cleaned.text.length).toBeLessThan(source.length / 3);
  });

  it('removes a table of contents and keeps its entries in the record', () => {
    const cleaned = clean(fixture('bulletin.txt'));
    expect(cleaned.text).not.toContain('目 录');
    const contents = cleaned.removed.find((fragment) => fragment.reason === 'table-of-contents');
    expect(contents?.text).toContain('某政发〔2022〕4号（5）');
    expect(cleaned.text).toContain('某市人民政府关于落实2022年《政府工作报告》重点工作分工的意见');
  });

  it('removes a table of contents that a running header interrupts', () => {
    const cleaned = clean('目 录\n\n一号文件的通知\t某政发〔2024〕1号(3)\n\n——某市人民政府——\n\n二号文件的通知\t某政发〔2024〕2号(9)\n\n正文。\n');
    expect(cleaned.text).toBe('正文。\n');
    expect(reasons(cleaned)).toEqual(['running-header', 'table-of-contents']);
  });

  it('removes noise glued to a heading by the general rule, without a list entry', () => {
    const cleaned = clean(fixture('glued-noise.txt'), { ...RULES, noiseStrings: [] });
    expect(cleaned.text).toContain('\n2017年工作回顾\n');
    expect(cleaned.text).not.toContain('龙傲天');
    expect(cleaned.removed).toEqual([{ reason: 'noise', text: '龙傲天逆袭秘籍' }]);
    // Real headings with a tail of the file's own words stay whole.
    expect(cleaned.text).toContain('\n2018年工作总体要求与目标\n');
  });

  it('removes listed noise strings and patterns wherever they occur', () => {
    const cleaned = clean('2016年工作回顾侯卫东官场笔记\n正文【打印】一段。\n', { ...RULES, noisePatterns: [/【打印】/gu] });
    expect(cleaned.text).toBe('2016年工作回顾\n正文一段。\n');
    expect(cleaned.removed).toEqual([
      { reason: 'noise', text: '侯卫东官场笔记' },
      { reason: 'noise', text: '【打印】' },
    ]);
  });

  // Speed is the benchmark's business (npm run bench); this checks that such input is handled at all.
  it('handles a 10 MB single line', () => {
    const line = '柳州市推进工业振兴,加快(项目)建设；'.repeat(500_000);
    const cleaned = clean(line);
    expect(cleaned.text.length).toBe(line.length + 1);
    // A 10 MB line takes seconds on a loaded two-core machine; the test is about linear work, not speed.
  }, 30_000);
});

// ---------------------------------------------------------------------------
// Properties

const IDEOGRAPHS = [...'柳州市人民政府工业发展改革委局牵头完成任务年月日项目建设推进经济社会'];
const canonical: Readonly<Record<string, string>> = {
  '，': ',', '：': ':', '；': ';', '？': '?', '！': '!',
  '（': '(', '［': '(', '[': '(', '【': '(', '〔': '(',
  '）': ')', '］': ')', ']': ')', '】': ')', '〕': ')',
};
const nonWhiteSpace = (text: string): string =>
  [...text].filter((character) => !/\s/u.test(character)).map((character) => canonical[character] ?? character).join('');

/** Lines of Chinese, Latin, digits and punctuation, with no header, noise or contents shapes. */
const plainLine = fc
  .tuple(
    fc.constantFrom(...IDEOGRAPHS),
    fc.array(fc.constantFrom(...IDEOGRAPHS, 'a', 'B', '7', '0', ',', '，', '。', '、', '(', ')', '（', '）', '：', ':', ' ', '\t', '《', '》'), {
      minLength: 2,
      maxLength: 30,
    }),
  )
  .map(([first, rest]) => first + rest.join(''));
const plainText = fc.array(fc.oneof(plainLine, fc.constant('')), { maxLength: 30 }).map((lines) => lines.join('\n'));

/** Anything, including headers, page numbers, contents and docNo variants. */
const messyLine = fc.oneof(
  plainLine,
  fc.constantFrom('', '', '——某市人民政府——', '某市人民政府', '12', '目 录', '标题\t某政发〔2024〕3号(3)', '某政发[2024]3号', '（一）标题', '1.某项工作', '2024年2月8日'),
);
const messyText = fc.array(messyLine, { maxLength: 40 }).map((lines) => lines.join('\n'));

describe('cleanText properties', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        const once = clean(text).text;
        expect(clean(once).text).toBe(once);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps every non-white-space character of text without headers, noise or repeats, in order', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        const cleaned = clean(text, NO_CLEAN_RULES);
        expect(cleaned.removed).toEqual([]);
        expect(nonWhiteSpace(cleaned.text)).toBe(nonWhiteSpace(text));
      }),
      { numRuns: 400 },
    );
  });

  it('drops only what it records as removed, and invents nothing', () => {
    fc.assert(
      fc.property(messyText, (text) => {
        const cleaned = clean(text);
        const input = nonWhiteSpace(text);
        const output = nonWhiteSpace(cleaned.text);
        let cursor = 0;
        for (const character of output) {
          cursor = input.indexOf(character, cursor) + 1;
          expect(cursor).toBeGreaterThan(0);
        }
        const recorded = cleaned.removed.reduce((sum, fragment) => sum + nonWhiteSpace(fragment.text).length, 0);
        expect(input.length - output.length).toBe(recorded);
      }),
      { numRuns: 400 },
    );
  });
});

describe('cleanText: tables flattened to one paragraph per cell', () => {
  it('joins header labels broken over two lines and gives a row of one line a column one cell a line', () => {
    const source = [
      '民生实事项目实施计划表', '序号', '项目名称', '项目建设规模及内容', '总投资', '（万元）', '当年投资', '（万元）', '责任', '单位',
      '1', '城区燃气管网提升工程', '对28个老旧小区实施管道天然气改造', '1500', '1500', '城投集团',
      '2', '城乡公交一体化提升工程', '新增新能源公交车30辆', '2600', '2600', '交通运输局、交投集团',
    ].join('\n');
    const lines = cleanText({ path: 'flat.txt', text: source }, NO_CLEAN_RULES).text.split('\n');
    expect(lines).toContain('序号\t项目名称\t项目建设规模及内容\t总投资（万元）\t当年投资（万元）\t责任单位');
    expect(lines).toContain('1\t城区燃气管网提升工程\t对28个老旧小区实施管道天然气改造\t1500\t1500\t城投集团');
    expect(lines).toContain('2\t城乡公交一体化提升工程\t新增新能源公交车30辆\t2600\t2600\t交通运输局、交投集团');
  });

  it('reads a blank line inside a one-line-a-cell row as an empty cell, not the end of the table', () => {
    const source = [
      '督查台账', '', '序号', '工作任务', '责任领导', '责任科室', '配合单位', '完成时限',
      '1', '开展老年食堂星级评定', '童某某', '社会事务科', '', '2024年10月底前',
      '2', '整治沿山河水环境', '童某某', '城管科、农业农村科', '各社区', '2024年12月底前',
      '', '某街道办事处', '2024年1月22日',
    ].join('\n');
    const lines = cleanText({ path: 'ledger.txt', text: source }, NO_CLEAN_RULES).text.split('\n');
    expect(lines).toContain('1\t开展老年食堂星级评定\t童某某\t社会事务科\t\t2024年10月底前');
    expect(lines).toContain('2\t整治沿山河水环境\t童某某\t城管科、农业农村科\t各社区\t2024年12月底前');
  });

  it('takes a full date as the deadline cell of a row that lacks only that cell, and still stops at a signature date', () => {
    const source = [
      '某市2026年民心工程项目表', '', '序号', '项目', '目标任务', '牵头单位', '协办单位', '完成时间',
      '1', '城区集中供暖扩面', '新增集中供暖面积50万平方米', '市住房和城乡建设局', '市城市管理综合行政执法局', '2026年11月15日',
      '2', '农村道路养护', '完成农村公路大中修60公里', '市交通运输局', '', '2026年10月',
      '', '某市人民政府办公室', '2025年12月22日',
    ].join('\n');
    const lines = cleanText({ path: 'dated.txt', text: source }, NO_CLEAN_RULES).text.split('\n');
    expect(lines).toContain('1\t城区集中供暖扩面\t新增集中供暖面积50万平方米\t市住房和城乡建设局\t市城市管理综合行政执法局\t2026年11月15日');
    expect(lines).toContain('2\t农村道路养护\t完成农村公路大中修60公里\t市交通运输局\t\t2026年10月');
    expect(lines).toContain('2025年12月22日');
  });

  it('rebuilds every row whatever date its deadline cell holds, an empty 协办 cell included', () => {
    const date = fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.option(fc.integer({ min: 1, max: 28 }), { nil: undefined }))
      .map(([year, month, day]) => `${year}年${month}月${day === undefined ? '' : `${day}日`}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(date, fc.boolean()), { minLength: 1, maxLength: 4 }), (rows) => {
        const source = [
          '项目表', '', '序号', '项目', '目标任务', '牵头单位', '协办单位', '完成时间',
          ...rows.flatMap(([due, helped], index) => [String(index + 1), `民生项目${index + 1}`, `完成改造${index + 3}处`, '市民政局', helped ? '市财政局' : '', due]),
          '', '某市人民政府办公室', '2025年12月22日',
        ].join('\n');
        const lines = cleanText({ path: 'dates.txt', text: source }, NO_CLEAN_RULES).text.split('\n');
        rows.forEach(([due, helped], index) => {
          expect(lines).toContain([String(index + 1), `民生项目${index + 1}`, `完成改造${index + 3}处`, '市民政局', helped ? '市财政局' : '', due].join('\t'));
        });
      }),
      { numRuns: 60 },
    );
  });

  it('rebuilds their rows, and ends the last row where the text after the table starts', () => {
    const source = [
      '附件', '', '民生实事目标任务分解表', '', '序号', '', '民生实事', '', '责任单位', '', '完成时限', '',
      '1', '', '建成综合管廊一期。', '', '县住建局', '', '县城投公司', '', '12月底前', '',
      '2', '', '新建公共厕所10座。', '', '县城管局', '', '9月底前', '',
      '', '县人民政府办公室', '',
    ].join('\n');
    const lines = cleanText({ path: 'spaced.txt', text: source }, NO_CLEAN_RULES).text.split('\n');
    expect(lines).toContain('序号\t民生实事\t责任单位\t完成时限');
    expect(lines).toContain('1\t建成综合管廊一期。\t县住建局、县城投公司\t12月底前');
    expect(lines).toContain('2\t新建公共厕所10座。\t县城管局\t9月底前');
    expect(lines).toContain('县人民政府办公室');
  });
});

describe('cleanText: a news page\'s headline', () => {
  it('stays a line of its own before the publication line and before the dateline that opens the body', () => {
    const source = '某某市第十六届人民代表大会第三次会议隆重开幕\n\n发布日期:2024-01-18 09:20　来源:某某市融媒体中心\n\n1月17日上午，某某市第十六届人民代表大会第三次会议开幕。\n\n某某市政府工作报告提出2024年主要预期目标\n\n1月9日，市长代表市人民政府作政府工作报告。\n';
    const lines = cleanText({ path: 'news.txt', text: source }, NO_CLEAN_RULES).text.split('\n').filter((line) => line.length > 0);
    expect(lines[0]).toBe('某某市第十六届人民代表大会第三次会议隆重开幕');
    expect(lines[1]?.startsWith('发布日期')).toBe(true);
    expect(lines).toContain('某某市政府工作报告提出2024年主要预期目标');
  });
});

describe('cleanText: a PDF extract that gave each number a line of its own', () => {
  it('joins the numbers back into their sentences, and no line opens with closing punctuation', () => {
    const source = '一、工作回顾\n全年完成地区生产总值\n186.5\n亿元，同比增长\n5.2%\n；一般公共预算收入完成\n8.76\n亿元，增长\n11.3%\n。\n联系电话：4221530\n县人民政府办公室\n';
    const lines = cleanText({ path: 'pdf.txt', text: source }, NO_CLEAN_RULES).text.split('\n');
    expect(lines).toContain('全年完成地区生产总值186.5亿元，同比增长5.2%；一般公共预算收入完成8.76亿元，增长11.3%。');
    expect(lines).toContain('县人民政府办公室');
  });
});

describe('cleanText: a PDF copy whose running header opens every page', () => {
  it('removes the header at each page top, keeps its first use as a title, and never joins a footnote to the text above', () => {
    const source = [
      '附件',
      '重点工作任务清单',
      '',
      '1.推进产业集群建设。',
      '协同部门：市财政局',
      '',
      '— 1 —',
      '',
      '重点工作任务清单',
      '责任主体：各县（市、区）政府',
      '2.推进科创带建设。',
      '责任部门：市科技局、市财政局',
      '',
      '— 2 —',
      '',
      '重点工作任务清单',
      '责任主体：崇川区政府',
      '',
      '注：任务中涉及的数据以统计部门发布为准。',
    ].join('\n');
    const text = clean(source).text;
    expect(text).toContain('重点工作任务清单\n');
    expect(text.split('重点工作任务清单')).toHaveLength(2);
    expect(text).toContain('协同部门：市财政局\n');
    expect(text).not.toContain('政府注：');
  });
});

describe('normaliseLine: symbol-font bullets', () => {
  it('reads a private-use bullet and the tab after it as a bullet sign, never a table cell', () => {
    expect(normaliseLine('\uf0d8\t全市生产总值2513.6亿元，增长8.3%；')).toBe('● 全市生产总值2513.6亿元，增长8.3%；');
    expect(normaliseLine('生产\uf0b7总值')).toBe('生产总值');
  });
});
