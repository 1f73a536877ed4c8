/**
 * The year of a document that does not print one under its title: from its
 * number, publication date, plan year or a page's removed furniture — and
 * null, with a warning from parse, when nothing states it.
 */
import { describe, expect, it } from 'vitest';
import { classifyDocument } from '../../ingest/classify.ts';
import { cleanText, NO_CLEAN_RULES } from '../../ingest/clean/index.ts';
import type { DocumentText } from '../../ingest/model.ts';
import { parseDocumentsOf } from '../../ingest/parse.ts';

const doc = (text: string): DocumentText => ({ sourceFile: 'f.txt', ordinalInFile: 0, text });

describe('the year of a document', () => {
  it('comes from the document number when nothing else dates it', () => {
    expect(classifyDocument(doc('某县人民政府关于调整县人民政府领导工作分工的通知\n某政发〔2019〕11号\n正文。\n')).year).toBe(2019);
  });

  it('comes from a publication date with a label or a time', () => {
    expect(classifyDocument(doc('某县领导分工\n发布时间：2023-04-03 16:05\n正文。\n')).year).toBe(2023);
    expect(classifyDocument(doc('某区领导班子调整分工\n来源：某区融媒体中心2024-06-21 10:12本网讯 正文。\n')).year).toBe(2024);
    expect(classifyDocument(doc('某市为民办实事项目\n成文日期：2022年2月14日\n正文。\n')).year).toBe(2022);
  });

  it('is the year a plan written in December names in its title under the issuer line', () => {
    const notice = (title: string) => `某市人民政府办公室\n${title}\n\n各县区人民政府：\n现印发给你们。\n\n某市人民政府办公室\n2025年12月26日\n`;
    expect(classifyDocument(doc(notice('关于印发《2026年市政府重点工作分工方案》的通知')))).toMatchObject({ kind: 'TASK_DIVISION', year: 2026, issuedOn: '2025-12-26' });
    expect(classifyDocument(doc(notice('关于印发某市2026年民心工程实施方案的通知')))).toMatchObject({ kind: 'LIVELIHOOD_PLAN', year: 2026 });
  });

  it('comes from the furniture the cleaner removed from a page', () => {
    expect(classifyDocument(doc('某县人民政府领导工作分工\n正文。\n'), ['发布时间：2023-04-03 16:05来源：县政府办']).year).toBe(2023);
  });

  it('comes from the plan year of a news report that speaks of 今年', () => {
    const text = '某市人大会议开幕　今年全市地区生产总值预期增长5.5%左右\n报告显示，2024年全市实现地区生产总值3086亿元。2024年工业增长。\n报告提出，2025年全市经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。\n';
    expect(classifyDocument(doc(text)).year).toBe(2025);
  });

  it('comes from the plan year of a 工作要点', () => {
    expect(classifyDocument(doc('某区政务公开工作要点\n一、总体要求\n2024年政务公开工作要点如下。\n（一）推进公开。（区政府办牵头）\n')).year).toBe(2024);
  });

  it('is null when nothing states it, and parse warns naming the document', () => {
    const cleaned = cleanText({ path: 'dir/liunan.txt', text: '柳南区民生实事项目责任分工\n为确保今年民生实事项目按期完成，现明确如下。\n项目一：菜市场提质改造\n牵头单位：区商务局\n' }, NO_CLEAN_RULES);
    const { documents, problems, warnings } = parseDocumentsOf(cleaned);
    expect(problems).toEqual([]);
    expect(documents.map((document) => document.year)).toEqual([null]);
    // (check also reports the 牵头单位 line no livelihood row holds: EXTRACT_UNREAD_MARKERS.)
    const yearWarnings = warnings.filter((warning) => warning.code === 'INPUT_YEAR_UNKNOWN');
    expect(yearWarnings).toHaveLength(1);
    expect(yearWarnings[0]?.message).toMatch(/dir\/liunan\.txt: document 1 \(柳南区民生实事项目责任分工\): no year stated/u);
  });
});
