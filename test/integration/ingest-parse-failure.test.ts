/**
 * A document that fails to parse keeps its loaded version (issue 11, item 3).
 * Nothing in today's rules refuses a readable document, so the classifier is
 * wrapped to fail on a marker: the failure takes the same path as any other
 * (a stage that throws on one document of a file).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { loadConfig } from '../../core/config.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { deleteOrphans } from '../../ingest/load.ts';
import { testDatabase } from './helpers.ts';
import type * as Classify from '../../ingest/classify.ts';

const UNPARSEABLE = '【此段无法解析】';

vi.mock('../../ingest/classify.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof Classify>();
  return {
    ...actual,
    classifyDocument: (...args: Parameters<typeof actual.classifyDocument>) => {
      const [document] = args;
      if (document.text.includes(UNPARSEABLE)) throw new InputError('INPUT_UNRECOGNISED', document.sourceFile, `document ${document.ordinalInFile + 1}: cannot be read`);
      return actual.classifyDocument(...args);
    },
  };
});

const notice = (number: number, body: string): string =>
  `测试市人民政府关于开展第${number}项解析失败测试工作的通知\n\n2098年3月${number}日 测政发〔2098〕${40 + number}号\n\n各有关单位：\n\n${body}\n`;

describe('a document that no longer parses', () => {
  const database = testDatabase();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-parse-failure-'));
  const file = path.join(root, 'bulletin.txt');
  const ids = ['测政发〔2098〕41号', '测政发〔2098〕42号'];
  afterAll(async () => {
    try {
      for (const documentId of ids) await database.write((transaction) => transaction.run('load/delete-document', { documentId }));
      await database.write((transaction) => transaction.run('test-delete-orphan-ingest-files'));
      await deleteOrphans(database);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      await database.close();
    }
  });

  it('keeps its loaded version, reports the failure and removes nothing; the file is parsed again next time', async () => {
    const first = [notice(1, '现就第一项测试工作通知如下，请认真组织实施。'), notice(2, '现就第二项测试工作通知如下，请按时报送进展。')];
    fs.writeFileSync(file, first.join('\n'));
    const loaded = await ingestPaths([root], database, { rulesDir: loadConfig().rulesDir });
    expect([...loaded.loaded].sort()).toEqual(ids);

    fs.writeFileSync(file, [first[0], notice(2, `现就第二项测试工作通知如下。${UNPARSEABLE}`)].join('\n'));
    const failed = await ingestPaths([root], database, { rulesDir: loadConfig().rulesDir });
    expect(failed.problems.map((problem) => problem.code)).toEqual(['INPUT_UNRECOGNISED']);
    expect(failed.removed).toEqual([]);
    const rows = await database.read('test-corpus-fulltext', { query: '"按时报送进展"' });
    expect(rows.map((row) => row['document'])).toContain('测政发〔2098〕42号');

    // Not "unchanged": the failure is reported again while the file stays as it is.
    const again = await ingestPaths([root], database, { rulesDir: loadConfig().rulesDir });
    expect(again.problems.map((problem) => problem.code)).toEqual(['INPUT_UNRECOGNISED']);
    expect(again.removed).toEqual([]);
  });
});
