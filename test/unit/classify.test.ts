import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../ingest/classify.ts';
import { cleanText, NO_CLEAN_RULES } from '../../ingest/clean/index.ts';
import type { DocumentText } from '../../ingest/model.ts';

const doc = (text: string, contentsTitle?: string): DocumentText => ({
  sourceFile: 'f.txt',
  ordinalInFile: 0,
  text,
  ...(contentsTitle === undefined ? {} : { contentsTitle }),
});

describe('classifyDocument', () => {
  it('reads a task division with date and docNo', () => {
    const header = classifyDocument(
      doc('某市人民政府关于落实 2024年《政府工作 报告》重点工作分工的意见\n\n2024年2月8日 某政发〔2024〕3号\n\n正文。\n'),
    );
    expect(header).toEqual({
      kind: 'TASK_DIVISION',
      year: 2024,
      title: '某市人民政府关于落实2024年《政府工作报告》重点工作分工的意见',
      docNo: '某政发〔2024〕3号',
      issuedOn: '2024-02-08',
    });
  });

  it('reads a docNo followed by its date written in Chinese numerals, as documents signed before 2012 write it', () => {
    const text = cleanText({ path: 'old.txt', text: '某省人民政府\n关于落实《政府工作报告》重点工作部门分工的意见\n\n某府发〔2012〕8号　二○一二年三月十五日\n\n省政府各部门：\n\n正文。\n' }, NO_CLEAN_RULES).text;
    expect(classifyDocument(doc(text))).toMatchObject({ kind: 'TASK_DIVISION', year: 2012, docNo: '某府发〔2012〕8号', issuedOn: '2012-03-15' });
    // Only a full date is rewritten: 到二〇三五年 stays as written.
    expect(cleanText({ path: 'plan.txt', text: '到二〇三五年基本实现现代化。\n二〇二〇年十二月三十一日\n' }, NO_CLEAN_RULES).text).toBe('到二〇三五年基本实现现代化。\n2020年12月31日\n');
  });

  it('reads a division whose title names no family from an opening that says it divides the work', () => {
    const marker = (n: number): string => `任务${n}要抓好落实。（省财政厅牵头；省商务厅配合）`;
    const body = [1, 2, 3, 4, 5].map(marker).join('\n');
    const title = '某省人民政府关于做好2017年稳增长重点工作的意见';
    expect(classifyDocument(doc(`${title}\n\n各市人民政府：\n现就有关重点工作分工提出如下意见：\n${body}\n`)).kind).toBe('TASK_DIVISION');
    // Without the opening, closing groups alone under such a title are not enough.
    expect(classifyDocument(doc(`${title}\n\n各市人民政府：\n现提出如下意见：\n${body}\n`)).kind).toBe('OTHER');
  });

  it('reads a 计划执行情况与计划草案 report as a work report about its plan year, not a notice publishing a plan', () => {
    const title = '关于某市2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告';
    expect(classifyDocument(doc(`${title}\n\n一、2023年计划执行情况\n全市地区生产总值比上年增长5.6%。\n`))).toMatchObject({ kind: 'WORK_REPORT', year: 2024 });
    expect(classifyDocument(doc('关于某市2024年国民经济和社会发展计划草案的报告\n\n正文。\n')).kind).toBe('WORK_REPORT');
    expect(classifyDocument(doc('某市人民政府关于印发某市2024年国民经济和社会发展计划的通知\n\n正文。\n')).kind).toBe('OTHER');
  });

  it('reads a news headline announcing the year’s targets as a work report', () => {
    const page = '首页 > 新闻中心\n某新区2024年经济社会发展目标出炉\n2024-01-26 10:20　来源：某新区融媒体中心\n\n2024年，某新区将力争地区生产总值增长7%以上。\n';
    expect(classifyDocument(doc(page))).toMatchObject({ kind: 'WORK_REPORT', year: 2024 });
    expect(classifyDocument(doc('某市人民政府关于下达2024年经济社会发展目标责任的通知\n\n正文。\n')).kind).toBe('OTHER');
  });

  it('reads 民生计划 as a livelihood plan and a notice sending two families as its first attachment', () => {
    expect(classifyDocument(doc('某县人民政府办公室关于印发2025年民生计划的通知\n\n正文。\n')).kind).toBe('LIVELIHOOD_PLAN');
    const bundle = '某区人民政府办公室关于印发2023年重点工作分工和民生实事项目的通知\n\n各部门：\n现印发给你们。\n\n附件1\n\n2023年区政府重点工作分工方案\n\n一、任务。\n牵头单位：区财政局\n';
    expect(classifyDocument(doc(bundle)).kind).toBe('TASK_DIVISION');
  });

  it('reads a plan under a title that names no family as a task division when its table has a lead column and numbered rows', () => {
    const table = ['序号\t重点工作\t责任领导\t主办单位\t协办单位\t完成时限', '1\t推进甲工作。\tX某某\t区发改局\t区财政局\t2026年12月底', '2\t推进乙工作。\tX某某\t区商务局\t\t汛期前', '3\t推进丙工作。\tY某某\t区住建局\t区财政局\t2026年6月底'].join('\n');
    expect(classifyDocument(doc(`某区人民政府办公室关于印发某区2026年度政府重点工作计划的通知\n\n各单位：\n现印发给你们。\n\n${table}\n`)).kind).toBe('TASK_DIVISION');
    expect(classifyDocument(doc(`某区人民政府办公室关于印发某区2026年度政府重点工作计划的通知\n\n各单位：\n现印发给你们。\n\n${table.split('\n').slice(0, 3).join('\n')}\n`)).kind).toBe('OTHER');
  });

  it('reads a date and docNo on separate lines', () => {
    const header = classifyDocument(doc('某市人民政府关于政府领导工作分工调整的通知\n\n2024年2月28日\n\n某政发〔2024〕7号\n\n张壮同志\n'));
    expect(header).toMatchObject({ kind: 'LEADER_DIVISION', year: 2024, docNo: '某政发〔2024〕7号', issuedOn: '2024-02-28' });
  });

  it('treats a notice publishing the work report as a work report about the plan year', () => {
    const header = classifyDocument(
      doc('某市人民政府关于印发《政府工作报告》的通知\n\n2023年1月29日 某政发〔2023〕5号\n\n政府工作报告\n\n——2023年1月4日在某市人民代表大会上\n\n一、2022年工作回顾\n\n二、2023年工作安排\n'),
    );
    expect(header).toMatchObject({ kind: 'WORK_REPORT', year: 2023, issuedOn: '2023-01-29' });
  });

  it('takes a livelihood plan\'s title from the table of contents when its title line is missing', () => {
    const header = classifyDocument(
      doc('2022年2月18日\n\n某政发〔2022〕4号\n\n各单位：\n', '某市人民政府关于印发《2022年市政府为民办实事工作任务分工方案》的通知'),
    );
    expect(header).toMatchObject({ kind: 'LIVELIHOOD_PLAN', year: 2022, title: '某市人民政府关于印发《2022年市政府为民办实事工作任务分工方案》的通知' });
  });

  it('reads 民生工程 in a title as a livelihood plan, and a titled plan whose items carry bare role labels as a task division', () => {
    const works = classifyDocument(doc('某市2025年20项民生工程任务分解\n\n一、就业促进工程\n目标任务：城镇新增就业10万人。\n责任部门：市人力资源和社会保障局\n'));
    expect(works).toMatchObject({ kind: 'LIVELIHOOD_PLAN', year: 2025 });
    const items = Array.from({ length: 6 }, (_, index) => `${index + 1}. 推进第${index + 1}项工作。牵头：经济发展局；配合：各村（社区）。`).join('\n');
    expect(classifyDocument(doc(`某镇2024年重点工作安排\n\n一、经济发展\n${items}\n`))).toMatchObject({ kind: 'TASK_DIVISION', year: 2024 });
  });

  it('infers a headless work report and its plan year from the body', () => {
    const header = classifyDocument(
      doc('2021年是极不平凡的一年。\n\n一年来，我们主要做了以下工作：\n\n二、2022年工作安排\n\n今年经济社会发展的主要预期目标是：增长6%。\n'),
    );
    expect(header).toEqual({ kind: 'WORK_REPORT', year: 2022, title: '政府工作报告（2022年）', docNo: null, issuedOn: null });
  });

  it('dates a report by its delivery line when nothing else states the year', () => {
    const header = classifyDocument(doc('# 政府工作报告\n\n——2020年1月19日在某市人民代表大会第五次会议上\n\n各位代表：\n\n现在，我代表市人民政府作报告。\n'));
    expect(header).toMatchObject({ kind: 'WORK_REPORT', year: 2020, title: '政府工作报告', issuedOn: '2020-01-19' });
  });

  it('takes a work report\'s year from its title', () => {
    expect(classifyDocument(doc('2017年某市政府工作报告\n各位代表：\n2016年工作回顾\n'))).toMatchObject({ kind: 'WORK_REPORT', year: 2017 });
  });

  it('classifies other documents and ignores edition years', () => {
    const header = classifyDocument(doc('某市人民政府关于公布部门权责清单（2022年版）的通知\n\n2023年1月21日 某政发〔2023〕3号\n\n正文。\n'));
    expect(header).toMatchObject({ kind: 'OTHER', year: 2023 });
  });

  it('reads a document that states no year with year null instead of refusing it', () => {
    expect(classifyDocument(doc('某市人民政府关于某事的通知\n\n正文。\n'))).toMatchObject({ kind: 'OTHER', year: null, title: '某市人民政府关于某事的通知' });
  });
});
