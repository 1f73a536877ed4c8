import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findInputFiles, labelUnder } from '../../ingest/input-files.ts';

describe('finding the files to ingest', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-inputs-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const write = (name: string, text = '正文。'): string => {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };

  it('reports a missing path and goes on with the others', async () => {
    const good = write('a.txt');
    const { files, problems } = await findInputFiles([path.join(root, 'missing.txt'), good]);
    expect(files).toEqual([good]);
    expect(problems.map((problem) => [problem.code, problem.message])).toEqual([
      ['INPUT_NOT_FOUND', `${path.join(root, 'missing.txt')}: no such file or folder`],
    ]);
  });

  it('follows a symbolic link to a file once, and reports dangling links and loops', async () => {
    const real = write('real/report.txt');
    fs.symlinkSync(real, path.join(root, 'linked.txt'));
    fs.symlinkSync(path.join(root, 'nowhere.txt'), path.join(root, 'dangling.txt'));
    fs.symlinkSync(path.join(root, 'self.txt'), path.join(root, 'self.txt'));
    fs.symlinkSync(root, path.join(root, 'real', 'back'));
    const { files, problems } = await findInputFiles([root]);
    // linked.txt comes first in name order; real/report.txt is the same file and is not read twice.
    expect(files).toEqual([path.join(root, 'linked.txt')]);
    const reasons = problems.map((problem) => problem.message.replace(root, 'ROOT'));
    expect(reasons).toEqual([
      expect.stringMatching(/^ROOT\/dangling\.txt: dangling symbolic link \(→ .*nowhere\.txt, which does not exist\)/u),
      expect.stringMatching(/^ROOT\/real\/back: symbolic link loop: leads back to /u),
      expect.stringMatching(/^ROOT\/self\.txt: symbolic link loop/u),
    ]);
  });

  it('reports a dangling symbolic link given on the command line', async () => {
    const link = path.join(root, 'gone.txt');
    fs.symlinkSync(path.join(root, 'deleted.txt'), link);
    const { files, problems } = await findInputFiles([link]);
    expect(files).toEqual([]);
    expect(problems[0]?.message).toMatch(/gone\.txt: dangling symbolic link/u);
  });

  it('takes saved web pages, names office and PDF files as not read, and passes over the rest', async () => {
    const page = write('news/报告.html', '<html><body><p>正文。</p></body></html>');
    const shtml = write('news/分工.shtml', '<p>正文。</p>');
    const text = write('分工.txt');
    write('附件1.docx', 'PK');
    write('附件2.PDF', '%PDF-1.7');
    write('logo.png', 'png');
    write('style.css', 'p {}');
    const { files, problems, notRead } = await findInputFiles([root]);
    expect(files).toEqual([shtml, page, text]);
    expect(problems).toEqual([]);
    expect(notRead.map((notice) => [notice.code, path.basename(notice.path)])).toEqual([
      ['INPUT_UNSUPPORTED_FORMAT', '附件1.docx'],
      ['INPUT_UNSUPPORTED_FORMAT', '附件2.PDF'],
    ]);
    expect(notRead[0]?.message).toContain('a Word document (.docx), which is not read: open it and save it as plain text');
  });

  it('labels a file by its path under the root, never by its base name alone', () => {
    expect(labelUnder(root, path.join(root, '2026', '分工意见.txt'))).toBe('2026/分工意见.txt');
    expect(labelUnder(root, path.join(root, '2027', '分工意见.txt'))).toBe('2027/分工意见.txt');
    expect(labelUnder(root, '/elsewhere/分工意见.txt')).toBe('/elsewhere/分工意见.txt');
  });
});
