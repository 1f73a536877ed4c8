import { mkdtempSync, readdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { KgError } from '../../core/errors.ts';
import { DEFAULT_RULES_DIR, loadGazetteer } from '../../ingest/rules.ts';
import {
  EMPTY_GAZETTEER,
  gazetteerNames,
  parseEntityList,
  parseEntityPatterns,
  parseGenericNames,
  parseStopWords,
  withGlossaryTerms,
} from '../../ingest/extract/gazetteer.ts';
import type { ParsedDocument, WorkReportDocument } from '../../ingest/model.ts';

describe('parseEntityList', () => {
  it('reads canonical names with TAB + |-separated aliases, skipping comments and blank lines', () => {
    const text = '\uFEFF# companies\r\n\r\n柳钢集团\t广西柳州钢铁集团有限公司|柳钢\r\n柳工\n  # indented comment\n';
    expect(parseEntityList(text, 'companies.txt')).toEqual([
      { name: '柳钢集团', aliases: ['广西柳州钢铁集团有限公司', '柳钢'] },
      { name: '柳工', aliases: [] },
    ]);
  });

  it('merges repeated canonical names and drops aliases equal to the name', () => {
    expect(parseEntityList('柳工\t柳工集团|柳工\n柳工\t柳工股份', 'x')).toEqual([
      { name: '柳工', aliases: ['柳工集团', '柳工股份'] },
    ]);
  });

  it('names the file and line of a malformed line', () => {
    expect(() => parseEntityList('柳工\n\t柳工集团', 'companies.txt')).toThrow(/companies\.txt:2:/);
    expect(() => parseEntityList('柳工\t柳工集团\t柳工股份', 'companies.txt')).toThrow(KgError);
  });
});

describe('parseEntityPatterns', () => {
  it('reads type, id, mode, regex and description', () => {
    const [pattern] = parseEntityPatterns('# header\nPark\tpark-x\ttrim\t(?<name>\\p{Script=Han}{2}新区)\ta new area', 'p.tsv');
    expect(pattern).toEqual({ type: 'Park', id: 'park-x', mode: 'trim', source: '(?<name>\\p{Script=Han}{2}新区)', description: 'a new area' });
  });

  it('rejects unknown types and modes, duplicate ids and invalid regexes, naming the line', () => {
    expect(() => parseEntityPatterns('Place\ta\ttrim\tx\td', 'p.tsv')).toThrow(/p\.tsv:1: unknown entity type/);
    expect(() => parseEntityPatterns('Park\ta\tloose\tx\td', 'p.tsv')).toThrow(/unknown mode/);
    expect(() => parseEntityPatterns('Park\ta\ttrim\tx\td\nPark\ta\ttrim\ty\td', 'p.tsv')).toThrow(/p\.tsv:2: pattern id "a"/);
    expect(() => parseEntityPatterns('Park\ta\ttrim\t(unclosed\td', 'p.tsv')).toThrow(/invalid regular expression/);
    expect(() => parseEntityPatterns('Park\ta\ttrim', 'p.tsv')).toThrow(/expected 5 TAB-separated fields/);
  });
});

describe('stop words and generic names', () => {
  it('distinguishes plain, !never-in-name and ^start-only words', () => {
    expect(parseStopWords('推进\n!牵头\n^和\n# c')).toEqual({ anywhere: ['推进', '牵头'], neverInName: ['牵头'], atStart: ['和'] });
  });

  it('distinguishes exact generic names from ^prefixes', () => {
    expect(parseGenericNames('产业园区\n^各')).toEqual({ exact: ['产业园区'], prefixes: ['各'] });
  });
});

describe('loadGazetteer', async () => {
  const gazetteer = await loadGazetteer();

  it('loads the bundled lists with the names the seeds use', () => {
    const names = (entries: readonly { name: string }[]) => entries.map((entry) => entry.name);
    expect(names(gazetteer.companies)).toEqual(expect.arrayContaining(['上汽通用五菱', '柳工', '柳钢集团', '东风柳汽', '优必选', '广西汽车集团', '柳州螺霸王']));
    expect(names(gazetteer.parks)).toEqual(expect.arrayContaining(['柳东新区', '阳和工业新区', '柳州高新区', '河西高新区']));
    expect(names(gazetteer.projects)).toEqual(expect.arrayContaining(['“一二五”工程', '龙行工程', '菱势工程']));
    expect(gazetteer.parks.find((park) => park.name === '阳和工业新区')?.aliases).toContain('阳和工业新区（北部生态新区）');
    expect(gazetteer.terms).toEqual([]);
  });

  it('has a documented, compilable pattern for every entity type found by patterns', () => {
    const types = new Set(gazetteer.patterns.map((pattern) => pattern.type));
    expect([...types].sort()).toEqual(['Agency', 'Company', 'Park', 'Project']);
    for (const pattern of gazetteer.patterns) {
      expect(pattern.description.length).toBeGreaterThan(20);
      expect(() => new RegExp(pattern.source, 'gud')).not.toThrow();
    }
    expect(gazetteer.stopWords.neverInName).toContain('牵头');
    expect(gazetteer.placeUnits).toContain('县');
  });

  it('never gives one written form two canonical names of the same type', () => {
    const seen = new Map<string, string>();
    for (const { type, name, written } of gazetteerNames(gazetteer)) {
      const key = `${type}:${written}`;
      expect(seen.get(key) ?? name, key).toBe(name);
      seen.set(key, name);
    }
  });

  it('reads a user-extended copy of the rules directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-rules-'));
    for (const file of readdirSync(DEFAULT_RULES_DIR)) copyFileSync(join(DEFAULT_RULES_DIR, file), join(dir, file));
    writeFileSync(join(dir, 'companies.txt'), '示例科技\t示例科技有限公司\n');
    expect((await loadGazetteer(dir)).companies).toEqual([{ name: '示例科技', aliases: ['示例科技有限公司'] }]);
  });

  it('names the missing file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kg-rules-'));
    await expect(loadGazetteer(dir)).rejects.toThrow(/companies\.txt: cannot read the rule file/);
  });
});

describe('withGlossaryTerms', () => {
  const report = {
    kind: 'WORK_REPORT',
    glossary: [
      { marker: '①', name: '“5+5”产业体系', definition: '…', span: { start: 0, end: 1 }, occurrences: [] },
      { marker: '②', name: '双百双新', definition: '…', span: { start: 1, end: 2 }, occurrences: [] },
    ],
  } as unknown as WorkReportDocument; // only the fields glossaryTerms reads
  const other = { kind: 'OTHER' } as unknown as ParsedDocument;

  it('adds each glossary term once and keeps the rest of the gazetteer', () => {
    const once = withGlossaryTerms(EMPTY_GAZETTEER, [report, other]);
    const twice = withGlossaryTerms(once, [report]);
    expect(twice.terms).toEqual([
      { name: '“5+5”产业体系', aliases: [] },
      { name: '双百双新', aliases: [] },
    ]);
    expect(twice.patterns).toBe(EMPTY_GAZETTEER.patterns);
  });
});
