import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import type { DocumentKind } from '../../ingest/model.ts';
import { parseFiles } from '../../ingest/parse.ts';
import { loadCleanRules } from '../../ingest/rules.ts';

// The bundled copy of the seeds (data/corpus) is always there, so these tests never skip.
const SEEDS = path.resolve(PROJECT_ROOT, 'data/corpus');

/**
 * Established by reading the seeds: [id, kind, year] per document, in file order.
 * Documents without a docNo are named by their path under the project.
 */
const EXPECTED: Record<string, [string, DocumentKind, number][]> = {
  '000_ec90f7d5dd38cba8.txt': [['data/corpus/000_ec90f7d5dd38cba8.txt#0', 'WORK_REPORT', 2020]],
  '001_60ced526a38720ec.txt': [['data/corpus/001_60ced526a38720ec.txt#0', 'WORK_REPORT', 2017]],
  '002_b0fe9b2ffaffa634.txt': [['data/corpus/002_b0fe9b2ffaffa634.txt#0', 'WORK_REPORT', 2024]],
  '003_5dd11dd00263b247.txt': [
    ['柳政发〔2024〕3号', 'TASK_DIVISION', 2024],
    ['柳政发〔2024〕4号', 'LIVELIHOOD_PLAN', 2024],
    ['柳政发〔2024〕6号', 'OTHER', 2024],
    ['柳政发〔2024〕7号', 'LEADER_DIVISION', 2024],
    ['柳政发〔2024〕8号', 'OTHER', 2024],
    ['柳政发〔2023〕2号', 'OTHER', 2023],
    ['柳政发〔2023〕3号', 'OTHER', 2023],
    ['柳政发〔2023〕4号', 'OTHER', 2023],
    ['柳政发〔2023〕5号', 'WORK_REPORT', 2023],
    ['柳政发〔2023〕7号', 'LIVELIHOOD_PLAN', 2023],
    ['柳政发〔2023〕8号', 'TASK_DIVISION', 2023],
    ['柳政发〔2023〕9号', 'OTHER', 2023],
    ['柳政发〔2023〕10号', 'OTHER', 2023],
    ['柳政发〔2023〕13号', 'OTHER', 2023],
    ['柳政发〔2023〕16号', 'OTHER', 2023],
    ['柳政发〔2023〕17号', 'OTHER', 2023],
    ['柳政发〔2023〕18号', 'OTHER', 2023],
    ['柳政发〔2023〕19号', 'OTHER', 2023],
  ],
  '004_16ab7e976c5c4c5c.txt': [['data/corpus/004_16ab7e976c5c4c5c.txt#0', 'TASK_DIVISION', 2026]],
};

describe.skipIf(!existsSync(SEEDS))('the seed corpus', () => {
  it('parses every seed into documents of the right kind and year', async () => {
    const names = readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).sort();
    expect(names).toEqual(Object.keys(EXPECTED).sort());
    const results = await parseFiles(names.map((name) => path.join(SEEDS, name)), await loadCleanRules());
    for (const result of results) {
      expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
      if (!result.ok) continue;
      const actual = result.documents.map((document) => [document.id, document.kind, document.year]);
      expect(actual, result.path).toEqual(EXPECTED[path.basename(result.path)]);
    }
  });

  it('removes seed 001\'s repeats and glued novel title even without the noise list', async () => {
    const rules = { ...(await loadCleanRules()), noiseStrings: [] };
    const [result] = await parseFiles([path.join(SEEDS, '001_60ced526a38720ec.txt')], rules);
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    const text = result.documents[0]?.text ?? '';
    expect(text.split('各位代表：').length - 1).toBe(1);
    expect(text).toContain('\n2016年工作回顾\n');
    expect(text).not.toContain('官场笔记');
  });

  it('finds titles for bulletin documents, from the table of contents where the title line is lost', async () => {
    const [result] = await parseFiles([path.join(SEEDS, '003_5dd11dd00263b247.txt')], await loadCleanRules());
    if (!result?.ok) throw new Error('seed 003 failed');
    const byId = new Map(result.documents.map((document) => [document.id, document]));
    expect(byId.get('柳政发〔2024〕4号')?.title).toBe('柳州市人民政府关于印发《2024年市政府为民办实事工作任务分工方案》的通知');
    expect(byId.get('柳政发〔2024〕3号')?.issuedOn).toBe('2024-02-08');
    expect(result.documents.some((document) => document.text.includes('——柳州市人民政府'))).toBe(false);
  });
});
