import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanText, NO_CLEAN_RULES } from '../../ingest/clean/index.ts';
import type { CleanedText } from '../../ingest/model.ts';
import { splitDocuments } from '../../ingest/split.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ingest');
const cleanFixture = (name: string): CleanedText =>
  cleanText({ path: name, text: readFileSync(path.join(fixtures, name), 'utf8') }, NO_CLEAN_RULES);

describe('splitDocuments', () => {
  it('gives one document for a file without document numbers', () => {
    const documents = splitDocuments(cleanFixture('headless-report.txt'));
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ sourceFile: 'headless-report.txt', ordinalInFile: 0 });
    expect(documents[0]?.text.startsWith('2021年是极不平凡的一年。')).toBe(true);
  });

  describe('a bulletin with a table of contents', () => {
    const documents = splitDocuments(cleanFixture('bulletin.txt'));

    it('splits at each title, date and number, and drops the masthead', () => {
      expect(documents).toHaveLength(3);
      expect(documents.map((document) => document.ordinalInFile)).toEqual([0, 1, 2]);
      expect(documents[0]?.text.startsWith('某市人民政府关于落实2022年《政府工作报告》重点工作分工的意见\n')).toBe(true);
      expect(documents.some((document) => document.text.includes('公报'))).toBe(false);
    });

    it('starts a document whose title line is missing at its date, and names it from the contents', () => {
      expect(documents[1]?.text.startsWith('2022年2月18日\n\n某政发〔2022〕4号\n')).toBe(true);
      expect(documents[1]?.contentsTitle).toBe('某市人民政府关于印发《2022年市政府为民办实事工作任务分工方案》的通知');
    });

    it('keeps a notice and the report it publishes together', () => {
      expect(documents[2]?.text).toContain('某政发〔2022〕1号');
      expect(documents[2]?.text).toContain('二、2022年工作安排');
    });

    it('ends each document where the next begins', () => {
      expect(documents[0]?.text).not.toContain('某政发〔2022〕4号');
      expect(documents[0]?.text.trimEnd().endsWith('12月底前完成当年任务）')).toBe(true);
    });
  });

  it('keeps a number line at the foot of a document with that document', () => {
    const text = '某市人民政府关于某事的通知\n\n' + '正文内容说明。'.repeat(20) + '\n\n某政发〔2024〕9号\n';
    const documents = splitDocuments({ path: 'one.txt', text, removed: [] });
    expect(documents).toHaveLength(1);
    expect(documents[0]?.text).toContain('某政发〔2024〕9号');
  });
});

describe('documents without number lines, one after another', () => {
  const documents = splitDocuments(cleanFixture('two-divisions.txt'));

  it('starts a document at a title after the previous one\'s signature', () => {
    expect(documents).toHaveLength(2);
    expect(documents[0]?.text.startsWith('某市人民政府关于落实2030年')).toBe(true);
    expect(documents[0]?.text.trimEnd().endsWith('（此件公开发布）')).toBe(true);
    expect(documents[1]?.text.startsWith('某市人民政府关于落实2031年')).toBe(true);
  });

  it('keeps a notice and the attachment it publishes together', () => {
    const notice =
      '某市人民政府办公室关于印发2030年重点工作责任分解的通知\n\n各区县人民政府，市政府各部门：\n\n' +
      '《2030年重点工作责任分解》已经市政府同意，现印发给你们，请认真贯彻执行。'.repeat(4) +
      '\n\n某市人民政府办公室\n2030年2月1日\n\n2030年重点工作责任分解\n\n1.推进园区建设。（市发改委牵头）\n';
    expect(splitDocuments({ path: 'notice.txt', text: notice, removed: [] })).toHaveLength(1);
  });
});
