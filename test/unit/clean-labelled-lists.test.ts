/**
 * A labelled list on its own line (`联系单位：A、B`) ends at a blank line: the
 * cleaner does not glue the next leader's heading, or a closing remark, to it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NO_CLEAN_RULES, cleanText } from '../../ingest/clean/index.ts';

describe('rejoining lines after a labelled list', () => {
  it('keeps the next leader and the closing remark on their own lines', () => {
    const text = [
      '何某　常务副区长',
      '联系单位：区人大常委会办公室、区城市建设投资发展有限公司',
      '',
      '邓某　副区长（兼某市公安局某分局局长）',
      '联系单位：区人民法院、区消防救援大队',
      '',
      '区人民政府领导因公外出时，按照“AB角”互为补位的原则代为负责相关工作。',
    ].join('\n');
    const lines = cleanText({ path: 'division.txt', text }, NO_CLEAN_RULES).text.split('\n').filter((line) => line.trim().length > 0);
    expect(lines.some((line) => line.endsWith('区城市建设投资发展有限公司'))).toBe(true);
    expect(lines.some((line) => line.startsWith('邓某'))).toBe(true);
    expect(lines.some((line) => line.startsWith('区人民政府领导因公外出时'))).toBe(true);
  });

  it('never glues an item named with its number (项目二：, 任务3：) to the list before it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('项目', '事项', '任务', '实事'),
        fc.constantFrom('二', '十一', '3', '12'),
        fc.constantFrom('：', ':', '、', '．'),
        fc.constantFrom('配合单位：各乡（镇）人民政府，区财政局', '牵头单位：区交通运输局'),
        (word, number, mark, list) => {
          const head = `${word}${number}${mark}提升城区公共交通服务`;
          const text = `项目一：改善农房条件\n完成八十户农房改造。\n${list}\n\n${head}\n新增公交线路两条。\n`;
          const lines = cleanText({ path: 'plan.txt', text }, NO_CLEAN_RULES).text.split('\n');
          // Half-width marks may come back full-width; the head still opens its own line.
          return lines.includes(list) && lines.some((line) => line.startsWith(`${word}${number}`) && line.endsWith('提升城区公共交通服务'));
        },
      ),
    );
  });

  it('keeps a title ending in 分工 apart from the first leader line after a blank line', () => {
    fc.assert(
      fc.property(
        // Twenty characters and more: as long as a line of prose.
        fc.constantFrom('天津市某某区人民政府领导班子成员工作分工', '某某省某某市某某县人民政府领导同志工作分工'),
        fc.constantFrom('区长张某某：主持区政府全面工作，分管区审计局。', '县长李某：主持县政府全面工作，分管县审计局。'),
        (title, leader) => {
          const text = `${title}\n\n${leader}\n副区长王某某：负责工业方面工作，分管区科技局。\n`;
          const lines = cleanText({ path: 'division.txt', text }, NO_CLEAN_RULES).text.split('\n');
          return lines.includes(title) && lines.includes(leader);
        },
      ),
    );
  });

  it('still joins a list cut after 、 across a blank line', () => {
    const text = '分管单位：区教育局、\n\n区民政局、区财政局\n';
    expect(cleanText({ path: 'division.txt', text }, NO_CLEAN_RULES).text).toContain('分管单位：区教育局、区民政局、区财政局');
  });

  it('never joins a closing signature (a name line above a date line) to the last unit or marker', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('牵头单位：镇教育办；配合单位：镇财政所', '牵头单位：旗住房和城乡建设局；责任单位：鄂温克旗热电公司', '新建公园2处（区住建局牵头，区财政局配合）', '责任单位：区教育局'),
        fc.constantFrom('大瑶镇人民政府', '某某区人民政府办公室', '某某县发展和改革局'),
        fc.constantFrom('2024年3月5日', '二〇二四年三月五日'),
        (last, signer, date) => {
          const text = `1.建设跑道。\n${last}\n\n${signer}\n${date}\n`;
          const lines = cleanText({ path: 'plan.txt', text }, NO_CLEAN_RULES).text.split('\n').map((line) => line.trim());
          expect(lines).toContain(last);
          expect(lines).toContain(signer);
        },
      ),
    );
  });

  it('still joins a unit list cut after 、 across a blank line above a date', () => {
    const text = '责任单位：区教育局、\n\n区民政局\n2024年3月5日\n';
    expect(cleanText({ path: 'plan.txt', text }, NO_CLEAN_RULES).text).toContain('责任单位：区教育局、区民政局');
  });
});

describe('rejoining a sentence a page number cut after a semicolon', () => {
  it('joins across 第2页 共3页 and other page numbers, but never before a new item', () => {
    fc.assert(
      fc.property(fc.constantFrom('第2页 共3页', '第2页', '- 2 -', '2/3'), (pageNumber) => {
        const text = `各位代表：地区生产总值增长4.1%；规上工业增加值增长8.3%；\n${pageNumber}\n固定资产投资下降6.4%；社会消费品零售总额增长3.5%。\n`;
        expect(cleanText({ path: 'report.txt', text }, NO_CLEAN_RULES).text).toContain('增长8.3%；固定资产投资下降6.4%');
        const items = `1.新建学校2所；\n${pageNumber}\n2.改造道路3条。\n`;
        expect(cleanText({ path: 'report.txt', text: items }, NO_CLEAN_RULES).text).not.toContain('；2.');
      }),
    );
  });
});
