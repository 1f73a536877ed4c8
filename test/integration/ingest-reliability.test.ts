/**
 * What an ingest promises when runs stop, files collide or input is odd
 * (issue 11, items 1, 2, 4, 10, 11 and 12), each against the real Neo4j with
 * documents of its own (years 2096–2098, numbers 测政发〔2098〕…), removed
 * in `finally`. Item 3 is in ingest-parse-failure.test.ts (it replaces the
 * classifier), item 9 and the killed runs in faults.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { runCli } from '../../cli/run.ts';
import { ingestPaths, type IngestSummary } from '../../ingest/ingest.ts';
import { deleteOrphans } from '../../ingest/load.ts';
import { testDatabase } from './helpers.ts';

const config = loadConfig();
const options = { rulesDir: config.rulesDir };
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ingest');

const notice = (number: number, body: string): string =>
  `测试市人民政府关于开展第${number}项可靠性测试工作的通知\n\n2098年2月${number}日 测政发〔2098〕${number}号\n\n各有关单位：\n\n${body}\n`;

const division = (year: number, clauses: readonly string[]): string =>
  `测试市人民政府关于落实\n\n${year}年《政府工作报告》重点工作分工的意见\n\n各县区人民政府，市直各部门：\n\n现就${year}年重点工作提出分工意见如下。\n\n一、重点工作\n\n` +
  clauses.map((clause, index) => `${index + 1}.${clause}\n\n`).join('');

describe('ingest runs that stop, files that collide, odd input', () => {
  const database = testDatabase();
  const folders: string[] = [];
  const documents = new Set<string>();

  function folder(files: Record<string, string | Buffer>): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-reliability-'));
    folders.push(root);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    }
    return root;
  }

  async function ingest(given: readonly string[], more: Partial<Parameters<typeof ingestPaths>[2]> = {}): Promise<IngestSummary> {
    const summary = await ingestPaths(given, database, { ...options, ...more });
    for (const id of [...summary.loaded, ...summary.skipped]) documents.add(id);
    return summary;
  }

  async function has(documentId: string): Promise<boolean> {
    const rows = await database.read('api/nodes-by-id', { ids: [documentId] });
    return rows.length > 0;
  }

  afterAll(async () => {
    try {
      for (const documentId of documents) await database.write((transaction) => transaction.run('load/delete-document', { documentId }));
      await database.write((transaction) => transaction.run('test-delete-orphan-ingest-files'));
      await deleteOrphans(database);
    } finally {
      for (const root of folders) fs.rmSync(root, { recursive: true, force: true });
      await database.close();
    }
  });

  describe('a run records what it completed, and the next run finishes the rest (item 1)', () => {
    it('loads a document its file holds that is missing from the graph, instead of calling the file unchanged', async () => {
      const root = folder({
        'bulletin.txt': [1, 2, 3].map((number) => notice(number, `现就第${number}项可靠性测试工作通知如下，请认真组织实施。`)).join('\n'),
      });
      const first = await ingest([root]);
      expect([...first.loaded].sort()).toEqual(['测政发〔2098〕1号', '测政发〔2098〕2号', '测政发〔2098〕3号']);
      // As a run that died while writing it would have left it: the other two are in, this one is not.
      await database.write((transaction) => transaction.run('test-delete-document-node', { documentId: '测政发〔2098〕2号' }));
      const second = await ingest([root]);
      expect(second.loaded).toEqual(['测政发〔2098〕2号']);
      expect([...second.skipped].sort()).toEqual(['测政发〔2098〕1号', '测政发〔2098〕3号']);
      expect(await has('测政发〔2098〕2号')).toBe(true);
      const third = await ingest([root]);
      expect(third.loaded).toEqual([]);
      expect(third.links).toBeNull();
    });

    it('computes the links a run stopped before, although every document is loaded', async () => {
      const sentence = '推进测试产业园区基础设施建设，完成投资二十亿元，打造测试新能源材料产业集群。';
      const root = folder({
        'report.txt':
          '测试市人民政府工作报告\n\n——2098年1月10日在测试市第一届人民代表大会第一次会议上\n\n各位代表：\n\n现在，我代表市人民政府，向大会报告工作，请予审议。\n\n' +
          `一、2097年工作回顾\n\n过去一年，我们统筹推进各项工作，经济运行稳中向好。\n\n二、2098年工作安排\n\n${sentence}\n`,
        'division.txt': `测试市人民政府关于落实2098年《政府工作报告》重点工作分工的意见\n\n测政发〔2098〕21号\n\n各县区人民政府，市直各部门：\n\n现就报告确定的重点工作提出分工意见如下。\n\n一、重点工作\n\n1.${sentence}（市测试局牵头，12月底前完成）\n`,
      });
      // The process dies as linking starts: documents are in, links are not.
      const stopped = ingest([root], {
        onProgress: (event) => {
          if (event.stage === 'links') throw new Error('killed while linking');
        },
      });
      await expect(stopped).rejects.toThrow('killed while linking');
      documents.add('测政发〔2098〕21号');
      expect(await database.read('test-implements-of-document', { documentId: '测政发〔2098〕21号' })).toEqual([{ count: 0 }]);
      const rerun = await ingest([root]);
      expect(rerun.loaded).toEqual([]);
      expect(rerun.links).not.toBeNull();
      expect(await database.read('test-implements-of-document', { documentId: '测政发〔2098〕21号' })).toEqual([{ count: 1 }]);
    });
  });

  describe('files parsed twice (a corpus larger than what a run keeps parsed)', () => {
    it('builds each file from its second parse, and skips the unchanged one next time', async () => {
      const root = folder({
        'twice/a.txt': notice(71, '一、做好第七十一项测试工作。（测试市发展改革委牵头）'),
        'twice/b.txt': notice(72, '一、做好第七十二项测试工作。（测试市财政局牵头）'),
      });
      const first = await ingest([root], { root, heldCharacters: 0 });
      expect(first.problems).toEqual([]);
      expect(first.interrupted).toBeNull();
      expect(first.loaded).toHaveLength(2);
      for (const id of first.loaded) expect(await has(id)).toBe(true);
      fs.writeFileSync(path.join(root, 'twice/b.txt'), notice(72, '一、做好第七十二项测试工作，按期完成。（测试市财政局牵头）'));
      const second = await ingest([root], { root, heldCharacters: 0 });
      expect(second.problems).toEqual([]);
      expect(second.loaded).toHaveLength(1);
      expect(second.skipped).toHaveLength(1);
    });

    it('reports a file that changed between its two parses, writes the others, and loads it on the rerun', async () => {
      const root = folder({
        'changing/a.txt': notice(73, '一、做好第七十三项测试工作。（测试市发展改革委牵头）'),
        'changing/b.txt': notice(74, '一、做好第七十四项测试工作。（测试市财政局牵头）'),
      });
      const changed = notice(74, '一、做好第七十四项测试工作，提前完成。（测试市财政局牵头）');
      // Resolution is done and the graphs are about to be built from the second parse: the file changes now.
      const onProgress = (event: { stage: string }) => {
        if (event.stage === 'resolved') fs.writeFileSync(path.join(root, 'changing/b.txt'), changed);
      };
      const first = await ingest([root], { root, heldCharacters: 0, onProgress });
      expect(first.problems.map((problem) => [problem.path, problem.code])).toEqual([['changing/b.txt', 'INPUT_CHANGED']]);
      expect(first.loaded).toHaveLength(1);
      for (const id of first.loaded) expect(await has(id)).toBe(true);
      const again = await ingest([root], { root, heldCharacters: 0 });
      expect(again.problems).toEqual([]);
      expect(again.loaded).toHaveLength(1);
      expect(again.skipped).toEqual(first.loaded);
    });
  });

  describe('document ids never come from a base name alone (item 2)', () => {
    const files = {
      '2026/分工意见.txt': division(2096, ['推进测试港口扩能改造，吞吐量达到一千万吨。（市测试交通局牵头，12月底前完成）']),
      '2027/分工意见.txt': division(2097, ['建设测试职业教育实训基地，培训技能人才五千人次。（市测试人社局牵头，12月底前完成）']),
    };

    it('keeps two files of the same name in two folders as two documents', async () => {
      const root = folder(files);
      const summary = await ingest([root], { root });
      expect(summary.problems).toEqual([]);
      expect([...summary.loaded].sort()).toEqual(['2026/分工意见.txt#0', '2027/分工意见.txt#0']);
    });

    it('does not replace one with the other when the second is ingested alone', async () => {
      const root = folder(files);
      await ingest([root], { root });
      const alone = await ingest([path.join(root, '2027', '分工意见.txt')], { root });
      expect(alone.problems).toEqual([]);
      expect(alone.removed).toEqual([]);
      expect(await has('2026/分工意见.txt#0')).toBe(true);
      expect(await has('2027/分工意见.txt#0')).toBe(true);
    });
  });

  describe('wrong extraction never passes silently (item 4)', () => {
    it('reads two task divisions in one file as two documents, and warns of a cut-off clause and an unclosed bracket, exiting 3', async () => {
      const root = folder(
        Object.fromEntries(['two-divisions.txt', 'truncated-division.txt', 'unbalanced-bracket.txt'].map((name) => [name, fs.readFileSync(path.join(FIXTURES, name))])),
      );
      let stdout = '';
      const saved = { uri: process.env['NEO4J_URI'], password: process.env['NEO4J_PASSWORD'] };
      process.env['NEO4J_URI'] = inject('neo4jUri');
      process.env['NEO4J_PASSWORD'] = inject('neo4jPassword');
      let code: number;
      try {
        code = await runCli(['ingest', '--root', root, root], { stdout: (text) => (stdout += text), stderr: () => undefined });
      } finally {
        for (const [key, value] of [['NEO4J_URI', saved.uri], ['NEO4J_PASSWORD', saved.password]] as const) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      }
      for (const id of ['two-divisions.txt#0', 'two-divisions.txt#1', '某政发〔2033〕4号', '某政发〔2032〕9号']) documents.add(id);
      expect(code).toBe(3);
      const clauses = async (documentId: string) => (await database.read('test-count-owned-with-label', { documentId, label: 'Assignment' }))[0]?.['count'];
      expect(await clauses('two-divisions.txt#0')).toBe(3);
      expect(await clauses('two-divisions.txt#1')).toBe(4);
      expect(stdout).toContain('Warnings (loaded all the same):');
      expect(stdout).toMatch(/\[EXTRACT_UNREAD_CLAUSE\] truncated-division\.txt: 某政发〔2033〕4号: task 3 \[\d+–\d+\] «3\.推进市人民医院.*the document ends inside this clause/u);
      expect(stdout).toMatch(/\[EXTRACT_UNBALANCED_BRACKET\] unbalanced-bracket\.txt: 某政发〔2032〕9号: task 1, clause 1 \[\d+–\d+\].*never closed/u);
      // Unchanged files repeat their warnings, and the exit status stays the same.
      const again = await ingest([root], { root });
      expect(again.loaded).toEqual([]);
      expect(again.warnings.map((warning) => [warning.code, warning.documentId, warning.span !== null && warning.span !== undefined])).toEqual([
        ['EXTRACT_UNREAD_CLAUSE', '某政发〔2033〕4号', true],
        ['EXTRACT_UNBALANCED_BRACKET', '某政发〔2032〕9号', true],
      ]);
    });
  });

  describe('odd input is reported and the rest goes in (items 10, 11, 12)', () => {
    it('reports a missing path, a dangling link, a link loop and invalid UTF-8 by byte offset, and follows a linked file once', async () => {
      const outside = folder({ 'real.txt': notice(31, '现就经由符号链接读取的可靠性测试工作通知如下。') });
      const head = Buffer.from(notice(32, '现就编码可靠性测试工作通知如下，请各单位认真执行并按时报送。'));
      const root = folder({
        'good.txt': notice(33, '现就可靠性测试工作通知如下，请认真组织实施。'),
        'bad-utf8.txt': Buffer.concat([head, Buffer.from([0xff]), Buffer.from('后续正文。\n')]),
      });
      fs.symlinkSync(path.join(outside, 'real.txt'), path.join(root, 'linked.txt'));
      fs.symlinkSync(path.join(outside, 'real.txt'), path.join(root, 'linked-again.txt'));
      fs.symlinkSync(path.join(root, 'nowhere.txt'), path.join(root, 'dangling.txt'));
      fs.mkdirSync(path.join(root, 'sub'));
      fs.symlinkSync(root, path.join(root, 'sub', 'back'));
      const missing = path.join(root, 'no-such-folder');
      const summary = await ingest([missing, root]);
      expect([...summary.loaded].sort()).toEqual(['测政发〔2098〕31号', '测政发〔2098〕33号']);
      const reported = summary.problems.map((problem) => [problem.code, problem.message.replace(root, 'ROOT')]);
      expect(reported).toEqual([
        ['INPUT_NOT_FOUND', 'ROOT/no-such-folder: no such file or folder'],
        ['INPUT_NOT_FOUND', expect.stringMatching(/^ROOT\/dangling\.txt: dangling symbolic link/u)],
        ['INPUT_NOT_FOUND', expect.stringMatching(/^ROOT\/sub\/back: symbolic link loop/u)],
        ['INPUT_UNDECODABLE', expect.stringMatching(new RegExp(`^ROOT/bad-utf8\\.txt: invalid UTF-8 at byte offset ${head.length} \\(line \\d+, bytes ff `, 'u'))],
      ]);
    });

    it('reports the same text under two file names as a duplicate: it is one document', async () => {
      const text = division(2098, ['推进测试重复文件识别工作，完成比对一百次。（市测试数据局牵头，12月底前完成）']);
      const root = folder({ 'a/copy.txt': text, 'b/copy.txt': text });
      const summary = await ingest([root], { root });
      expect(summary.loaded).toEqual(['a/copy.txt#0']);
      expect(summary.problems.map((problem) => [problem.code, problem.message])).toEqual([
        ['INPUT_DUPLICATE_DOCUMENT', 'b/copy.txt: holds the same text as document a/copy.txt#0 of a/copy.txt: it is one document, kept as a/copy.txt#0'],
      ]);
      // Alone, the copy is still recognised while the first file holds the text.
      const alone = await ingest([path.join(root, 'b', 'copy.txt')], { root });
      expect(alone.loaded).toEqual([]);
      expect(alone.problems.map((problem) => problem.code)).toEqual(['INPUT_DUPLICATE_DOCUMENT']);
      expect(await has('b/copy.txt#0')).toBe(false);
    });
  });
});
