import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanText, NO_CLEAN_RULES } from '../../ingest/clean/index.ts';
import { findLivelihoodRows } from '../../ingest/structure/livelihood.ts';

const fixture = readFileSync(new URL('../fixtures/structure/livelihood.txt', import.meta.url), 'utf8');
const rows = findLivelihoodRows(fixture);
const row = (no: number) => {
  const found = rows.find((candidate) => candidate.no === no);
  if (found === undefined) throw new Error(`row ${no} not found`);
  return found;
};
const names = (mentions: readonly { readonly name: string }[]) => mentions.map((mention) => mention.name);

describe('findLivelihoodRows', () => {
  it('reads every row across a header repeated after a page break', () => {
    expect(rows.map((r) => r.no)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads a unit flagged （牵头） in a 责任单位 cell as the lead, the rest responsible', () => {
    const table = '序号\t项目名称\t责任单位\t完成时限\n1\t公办幼儿园扩容\t区教育局（牵头）各镇（街道）\t2022年12月\n2\t城市积水点整治\t区水务局\t2022年6月\n';
    const rows = findLivelihoodRows(table);
    expect(rows.map((row) => [row.leads.map((unit) => unit.name), row.responsible.map((unit) => unit.name)])).toEqual([
      [['区教育局'], ['各镇（街道）']],
      [[], ['区水务局']],
    ]);
  });

  it('maps columns by header names', () => {
    expect(row(1)).toMatchObject({
      title: '改造老旧小区',
      content: '改造 100 个以上城镇老旧小区（完成 50 个以上）。',
      standard: '12月31日',
    });
    expect(names(row(1).leads)).toEqual(['市住房城乡建设局']);
  });

  it('splits unit cells and hands the shared suffix to each park', () => {
    expect(names(row(1).responsible)).toEqual([
      '各县（区）人民政府',
      '柳东新区管委会',
      '阳和工业新区（北部生态新区）管委会',
      '市财政局',
    ]);
    expect(names(row(5).responsible)).toEqual(['融安县人民政府', '融水县人民政府', '三江县人民政府', '市财政局']);
  });

  it('reads several leads separated by a space, and restores an implied 市', () => {
    expect(names(row(3).leads)).toEqual(['市体育局', '市林业和园林局']);
    expect(names(row(2).responsible)).toEqual(['市发展改革委', '市财政局']);
    expect(row(2).responsible[1]?.written).toBe('财政局');
  });

  it('joins a cell broken over two lines', () => {
    expect(row(2).content).toBe('多渠道筹建 400 个普惠托位。');
    expect(names(row(2).leads)).toEqual(['市卫生健康委']);
  });

  it('continues a row cut by a page break in its unit cell', () => {
    expect(names(row(4).responsible)).toEqual(['各县（区）人民政府', '市教育局']);
    expect(row(4).standard).toBe('12月31日');
  });

  it('adds a continuation row with empty leading cells to the right columns', () => {
    expect(names(row(5).leads)).toEqual(['市民政局']);
    expect(row(5).standard).toBe('年底前');
  });

  it('keeps an empty cell empty', () => {
    expect(row(6).responsible).toEqual([]);
    expect(row(6).standard).toBe('12月31日');
  });

  it('gives every row and unit a span into the text', () => {
    for (const r of rows) {
      expect(fixture.slice(r.span.start).startsWith(`${r.no}\t`)).toBe(true);
      for (const unit of [...r.leads, ...r.responsible]) {
        expect(fixture.slice(unit.span.start, unit.span.end)).toBe(unit.written);
      }
    }
    expect(fixture.slice(row(4).span.start, row(4).span.end)).toContain('市教育局\t12月31日');
  });

  it('reads 完成标准 and 完成时限 columns together, and a 项目名称 header', () => {
    const text = [
      '序号\t项目名称\t建设内容\t牵头单位\t配合单位\t完成标准\t完成时限',
      '1\t建设口袋公园\t新建 10 个口袋公园。\t市林业和园林局\t各城区人民政府\t建成开放\t11月底前',
    ].join('\n');
    const [only] = findLivelihoodRows(text);
    expect(only).toMatchObject({ no: 1, title: '建设口袋公园', content: '新建 10 个口袋公园。', standard: '建成开放；11月底前' });
    // A 配合单位 column names supporting units, kept apart from 责任单位 (responsible).
    expect(names(only?.supporters ?? [])).toEqual(['各城区人民政府']);
    expect(only?.responsible).toEqual([]);
  });

  it('finds the table appended to a work report and ignores the prose around it', () => {
    const report = `各位代表，我们将认真执行市人大的决议。\n\n附表\n\n${fixture}\n\n各位代表，让我们团结奋斗！`;
    expect(findLivelihoodRows(report).map((r) => r.no)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('returns [] when there is no 为民办实事 table', () => {
    expect(findLivelihoodRows('')).toEqual([]);
    expect(findLivelihoodRows('一、加强组织领导\n各单位要加强对为民办实事项目的组织领导。')).toEqual([]);
    const heritage = ['序号\t项目类别\t项目名称\t申报地区或单位\t保护单位', '1\t民间文学\t刘三姐传说\t柳州市\t柳州市群众艺术馆'].join('\n');
    expect(findLivelihoodRows(heritage)).toEqual([]);
  });
});

describe('findLivelihoodRows on arbitrary input', () => {
  it('never throws, numbers rows from the text and keeps spans inside it', () => {
    const piece = fc.constantFrom(
      '序号\t标题\t内容\t牵头单位\t责任单位\t完成时限\n', '1\t', '2\t', '3\t', '\t', '\n', '\n\n', '改造老旧小区', '市财政局',
      '市体育局 市教育局', '各县（区）人民政府，', '12月31日', '2030年1月1日\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join('')), (text) => {
        for (const row of findLivelihoodRows(text)) {
          expect(row.span.start).toBeGreaterThanOrEqual(0);
          expect(row.span.end).toBeLessThanOrEqual(text.length);
          // A row starts at its number (after at most two merged grouping cells such as 类别), or,
          // its 序号 cell empty and numbered in order, right after that empty cell.
          const leadingCells = (text.slice(row.span.start).split('\n')[0] as string).split('\t').slice(0, 3);
          const startsAtNumber = leadingCells.includes(String(row.no));
          const afterEmptyNumberCell = text[row.span.start - 1] === '\t' && (row.span.start === 1 || text[row.span.start - 2] === '\n');
          expect(startsAtNumber || afterEmptyNumberCell).toBe(true);
        }
      }),
    );
  });
});

describe('livelihood tables: 主办单位 leads, and a last empty cell before the next row number', () => {
  it('reads a one-cell-a-line table whose row ends in an empty 协办 cell, and 主办单位 as the lead', () => {
    const text = cleanText({ path: 'x', text: ['某区2019年民生工程十件实事', '', '序号', '实事项目', '主要内容', '主办单位', '协办单位', '1', '道路改造', '改造道路8条', '区住建局', '', '2', '公厕新建', '新建公厕30座', '区城管局', '各乡镇（街道）', ''].join('\n') }, NO_CLEAN_RULES).text;
    const rows = findLivelihoodRows(text);
    expect(rows.map((row) => [row.title, row.leads.map((unit) => unit.name), row.supporters.map((unit) => unit.name)])).toEqual([
      ['道路改造', ['区住建局'], []],
      ['公厕新建', ['区城管局'], ['各乡镇（街道）']],
    ]);
  });
});

describe('livelihood tab tables whose 序号 cells came out empty', () => {
  it('reads each full row with a title of its own as the next row, 责任主体 as responsible', () => {
    const text = ['某区2021年十件实事', '序号\t实事项目\t主要内容\t牵头单位\t责任主体\t完成时限', '\t学前教育扩容\t新增学位900个\t区教育局\t甲街道、乙街道\t9月底前', '\t困难群众就医保障\t落实医疗救助政策\t区医疗保障局\t\t12月底前', ''].join('\n');
    const rows = findLivelihoodRows(text);
    expect(rows.map((row) => [row.no, row.title, row.leads.map((unit) => unit.name), row.responsible.map((unit) => unit.name)])).toEqual([
      [1, '学前教育扩容', ['区教育局'], ['甲街道', '乙街道']],
      [2, '困难群众就医保障', ['区医疗保障局'], []],
    ]);
  });
});

describe('livelihood tables followed by web-page furniture', () => {
  const furniture = ['主办：某市人民政府办公室　【打印本页】【关闭窗口】', '承办单位：某市大数据中心', '版权所有：某市人民政府', '【打印本页】'];

  it('ends the table at a 主办 / 版权所有 footer, even after a last row with an empty trailing cell', () => {
    fc.assert(
      fc.property(fc.constantFrom(...furniture), fc.boolean(), (footer, emptyLast) => {
        const last = emptyLast ? '2\t道路改造\t改造道路3条\t市住建局\t' : '2\t道路改造\t改造道路3条\t市住建局\t各街道办事处';
        const text = ['序号\t项目名称\t建设内容\t牵头单位\t责任单位', '1\t食堂建设\t新建食堂5个\t市民政局\t各镇人民政府', last, footer, ''].join('\n');
        const rows = findLivelihoodRows(text);
        const names = rows.flatMap((row) => [...row.leads, ...row.responsible, ...row.supporters].map((unit) => unit.name));
        return rows.length === 2 && names.every((name) => !furniture.some((line) => line.includes(name)));
      }),
    );
  });
});
