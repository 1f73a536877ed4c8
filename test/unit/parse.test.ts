import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run.ts';
import { cleanText, NO_CLEAN_RULES } from '../../ingest/clean/index.ts';
import { parseDocuments, parseFile, parseFiles } from '../../ingest/parse.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ingest');
const fixture = (name: string): string => path.join(fixtures, name);

describe('parseDocuments', () => {
  const cleaned = cleanText({ path: 'dir/bulletin.txt', text: readFileSync(fixture('bulletin.txt'), 'utf8') }, NO_CLEAN_RULES);
  const documents = parseDocuments(cleaned);

  it('classifies and identifies every document of a bulletin', () => {
    expect(documents.map((document) => [document.id, document.kind, document.year])).toEqual([
      ['某政发〔2022〕3号', 'TASK_DIVISION', 2022],
      ['某政发〔2022〕4号', 'LIVELIHOOD_PLAN', 2022],
      ['某政发〔2022〕1号', 'WORK_REPORT', 2022],
    ]);
    expect(documents.every((document) => document.sourceFile === 'dir/bulletin.txt')).toBe(true);
  });

  it('hashes each document\'s own text', () => {
    const hashes = new Set(documents.map((document) => document.contentHash));
    expect(hashes.size).toBe(3);
    expect(parseDocuments(cleaned).map((document) => document.contentHash)).toEqual([...hashes]);
  });

  it('attaches the per-kind structure', () => {
    const [division, livelihood, report] = documents;
    expect(division?.kind === 'TASK_DIVISION' && Array.isArray(division.tasks)).toBe(true);
    expect(livelihood?.kind === 'LIVELIHOOD_PLAN' && Array.isArray(livelihood.livelihood)).toBe(true);
    expect(report?.kind === 'WORK_REPORT' && Array.isArray(report.glossary) && Array.isArray(report.livelihood)).toBe(true);
    expect(documents.every((document) => Array.isArray(document.paragraphs))).toBe(true);
  });

  it('uses the file\'s path and the place in it as id when there is no docNo, never the base name alone', () => {
    const cleaned = cleanText({ path: 'some/dir/report.txt', text: readFileSync(fixture('headless-report.txt'), 'utf8') }, NO_CLEAN_RULES);
    expect(parseDocuments(cleaned).map((document) => document.id)).toEqual(['some/dir/report.txt#0']);
    expect(parseDocuments(cleaned, undefined, '2027/report.txt').map((document) => document.id)).toEqual(['2027/report.txt#0']);
  });
});

describe('parseFile and parseFiles', () => {
  it('turns a failure into a result naming the file', async () => {
    const result = await parseFile(fixture('binary.bin'), NO_CLEAN_RULES);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INPUT_UNSUPPORTED_FORMAT');
      expect(result.path).toBe(fixture('binary.bin'));
    }
  });

  it('parses every file even when some fail', async () => {
    const results = await parseFiles([fixture('empty.txt'), fixture('bulletin.txt'), fixture('a-directory'), fixture('report-gbk.txt')], NO_CLEAN_RULES);
    expect(results.map((result) => result.ok)).toEqual([false, true, false, true]);
    const gbk = results[3];
    expect(gbk?.ok && gbk.documents[0]?.kind).toBe('WORK_REPORT');
    expect(gbk?.ok && gbk.documents[0]?.year).toBe(2021);
  });
});

describe('kg parse', () => {
  const run = async (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return { code, stdout, stderr };
  };

  it('lists the documents of each file', async () => {
    const { code, stdout, stderr } = await run(['parse', fixture('bulletin.txt')]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('bulletin.txt: 3 documents');
    expect(stdout).toMatch(/某政发〔2022〕3号 {2}TASK_DIVISION {2}2022 {2}某市人民政府关于落实2022年/u);
    expect(stdout).toMatch(/tasks \d+, clauses \d+/u);
  });

  it('prints the typed structure with --json', async () => {
    const { code, stdout } = await run(['parse', '--json', fixture('headless-report.txt')]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { ok: boolean; documents: { kind: string; year: number }[] }[];
    expect(parsed[0]?.documents[0]).toMatchObject({ kind: 'WORK_REPORT', year: 2022 });
  });

  it('exits non-zero after processing the other files, naming the failed one on stderr', async () => {
    const { code, stdout, stderr } = await run(['parse', fixture('empty.txt'), fixture('headless-report.txt')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/empty\.txt: the file is empty \[INPUT_EMPTY\]/u);
    expect(stdout).toContain('headless-report.txt: 1 document');
  });

  it('exits 3 when a document was read with gaps, each warning naming the document and the span in --json', async () => {
    const { code, stdout, stderr } = await run(['parse', '--json', fixture('truncated-division.txt')]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/warning: .*某政发〔2033〕4号: task 3 .*\[EXTRACT_UNREAD_CLAUSE\]/u);
    const [file] = JSON.parse(stdout) as { warnings: { code: string; documentId: string; span: { start: number; end: number } }[] }[];
    expect(file?.warnings).toEqual([expect.objectContaining({ code: 'EXTRACT_UNREAD_CLAUSE', documentId: '某政发〔2033〕4号', span: { start: expect.any(Number), end: expect.any(Number) } })]);
  });

  it('explains its usage', async () => {
    expect((await run(['--help'])).stdout).toContain('parse');
    expect((await run(['parse'])).code).toBe(2);
    expect((await run(['nonsense'])).code).toBe(2);
  });
});
