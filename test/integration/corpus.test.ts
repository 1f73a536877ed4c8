/**
 * Ingestion of the bundled corpus into a real Neo4j (issue: ingest, part 2).
 *
 * How the expected figures were established, independently of the parser:
 * the three task divisions were cut out of the seeds by their date/docNo lines
 * (柳政发〔2024〕3号 and 〔2023〕8号 in the bulletin, the 2026 file whole),
 * running headers and white space removed, and every bracketed annotation
 * containing 牵头 or 负责 listed with a regular expression (one nesting level
 * for names like 市财政局（金融办）): 122 (2023), 109 (2024) and 101 (2026)
 * annotations, one per clause. Those naming 工业和信息化局 before any
 * 配合/协助 are the clauses it leads: 18 (2023), 17 (2024), 12 (2026). The
 * leaders, 为民办实事 rows and GDP figures were read in the documents.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { graphCounts } from '../../ingest/load.ts';
import { ingestPaths, type IngestSummary } from '../../ingest/ingest.ts';
import { testDatabase } from './helpers.ts';

const config = loadConfig();
const options = { rulesDir: config.rulesDir };

describe('the bundled corpus in Neo4j', () => {
  const database = testDatabase();
  let first: IngestSummary;

  beforeAll(async () => {
    first = await ingestPaths([config.corpusDir], database, options);
  }, 300_000);
  afterAll(() => database.close());

  it('ingests every document of the corpus without errors', () => {
    expect(first.problems).toEqual([]);
    expect(first.loaded.length + first.skipped.length).toBe(22);
  });

  it('finds the clauses 市工业和信息化局 leads, per year, as counted by reading', async () => {
    const rows = await database.read('test-corpus-led-by-year', { agency: '市工业和信息化局' });
    expect(Object.fromEntries(rows.map((row) => [row['year'], row['count']]))).toEqual({ 2023: 18, 2024: 17, 2026: 12 });
  });

  it('knows who 分管 市工业和信息化局 in 2024', async () => {
    const rows = await database.read('test-corpus-overseers', { agency: '市工业和信息化局', year: 2024 });
    expect(rows).toContainEqual({ leader: '汤振国', role: '分管' });
  });

  it('gives every 为民办实事 item of 2020, 2023 and 2024 its lead and responsible agencies', async () => {
    const rows = await database.read('test-corpus-livelihood');
    for (const year of [2020, 2023, 2024]) {
      const items = rows.filter((row) => row['year'] === year);
      expect(items, String(year)).toHaveLength(10);
      for (const item of items) {
        const label = `${year} no ${item['no']}`;
        expect(item['leads'], label).toBeGreaterThan(0);
        // The 2023 plan leaves the 责任单位 cell of item 4 (两癌免费检查) empty.
        if (label === '2023 no 4') expect(item['responsible'], label).toBe(0);
        else expect(item['responsible'], label).toBeGreaterThan(0);
      }
    }
  });

  it('states GDP growth targets for 2023, 2024 and 2026 and the 2023 actual', async () => {
    const rows = await database.read('test-corpus-indicator', { metric: '地区生产总值' });
    const growth = rows.filter((row) => row['measure'] === 'growth');
    const find = (year: number, kind: string) => growth.find((row) => row['year'] === year && row['kind'] === kind);
    expect(find(2023, 'TARGET')).toMatchObject({ value: 6 });
    expect(find(2024, 'TARGET')).toMatchObject({ value: 4, qualifier: '以上' });
    expect(find(2026, 'TARGET')).toMatchObject({ value: 5.5, qualifier: '左右' });
    expect(find(2023, 'ACTUAL')).toMatchObject({ value: 2.8 });
  });

  it('finds 螺蛳粉 in passages and clauses of several documents', async () => {
    const rows = await database.read('test-corpus-fulltext', { query: '"螺蛳粉"' });
    const labels = new Set(rows.map((row) => row['label']));
    expect(labels).toContain('Passage');
    expect(labels).toContain('Assignment');
    expect(new Set(rows.map((row) => row['document'])).size).toBeGreaterThan(2);
    expect(rows.filter((row) => String(row['text']).includes('螺蛳粉')).length).toBeGreaterThan(5);
  });

  it('changes nothing when the same files are ingested again', async () => {
    const before = await graphCounts(database);
    const again = await ingestPaths([config.corpusDir], database, options);
    expect(again.loaded).toEqual([]);
    expect(again.skipped).toHaveLength(22);
    expect(await graphCounts(database)).toEqual(before);
  });

  it('replaces only the document whose file changed, and recognises an unchanged batch without parsing it', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-change-'));
    const notice = (number: number, body: string) =>
      `测试市人民政府关于开展第${number}项测试工作的通知\n\n2099年1月${number}日 测政发〔2099〕${10 + number}号\n\n各有关单位：\n\n${body}\n`;
    fs.writeFileSync(path.join(directory, 'one.txt'), notice(1, '现就测试工作通知如下。'));
    fs.writeFileSync(path.join(directory, 'two.txt'), notice(2, '请各单位认真组织实施。'));
    try {
      const first = await ingestPaths([directory], database, options);
      expect([...first.loaded].sort()).toEqual(['测政发〔2099〕11号', '测政发〔2099〕12号']);
      fs.writeFileSync(path.join(directory, 'two.txt'), notice(2, '请各单位认真组织实施，按时报送进展。'));
      const second = await ingestPaths([directory], database, options);
      expect(second.loaded).toEqual(['测政发〔2099〕12号']);
      expect(second.skipped).toEqual(['测政发〔2099〕11号']);
      const rows = await database.read('test-corpus-fulltext', { query: '"按时报送进展"' });
      expect(rows.map((row) => row['document'])).toContain('测政发〔2099〕12号');
      const third = await ingestPaths([directory], database, options);
      expect(third.loaded).toEqual([]);
      expect([...third.skipped].sort()).toEqual(['测政发〔2099〕11号', '测政发〔2099〕12号']);
      expect(third.links).toBeNull();
    } finally {
      for (const documentId of ['测政发〔2099〕11号', '测政发〔2099〕12号']) {
        await database.write((transaction) => transaction.run('load/delete-document', { documentId }));
      }
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('ingests the good files of a batch with a corrupt one, and names the bad one', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-batch-'));
    const good = path.join(directory, 'a-good.txt');
    const corrupt = path.join(directory, 'b-corrupt.txt');
    const empty = path.join(directory, 'c-empty.txt');
    fs.writeFileSync(good, '测试市人民政府关于开展测试工作的通知\n\n2099年1月2日 测政发〔2099〕1号\n\n各有关单位：\n\n现就测试工作通知如下。测试工作要认真开展。\n');
    fs.writeFileSync(corrupt, Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x13, 0x37, 0x00, 0x00]));
    fs.writeFileSync(empty, '');
    try {
      const summary = await ingestPaths([directory], database, options);
      expect(summary.loaded).toEqual(['测政发〔2099〕1号']);
      expect(summary.problems.map((problem) => [path.basename(problem.path), problem.code])).toEqual([
        ['b-corrupt.txt', 'INPUT_BINARY'],
        ['c-empty.txt', 'INPUT_EMPTY'],
      ]);
      for (const problem of summary.problems) expect(problem.message).toContain(path.basename(problem.path));
    } finally {
      await database.write((transaction) => transaction.run('load/delete-document', { documentId: '测政发〔2099〕1号' }));
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
