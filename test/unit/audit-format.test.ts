import { describe, expect, it } from 'vitest';
import { BYTE_ORDER_MARK, csvCell, csvDocument, formatCsv } from '../../audit/format-csv.ts';
import { AUDIT_JSON_KEYS, formatJson } from '../../audit/format-json.ts';
import { formatMarkdown, markdownCell, markdownTable, markdownText } from '../../audit/format-markdown.ts';
import { buildAuditReport } from '../../audit/report.ts';
import { auditData } from '../fixtures/audit/data.ts';

const report = buildAuditReport(auditData(), '2026-03-01T00:00:00.000Z');

/** Splits a CSV document into rows of cells (RFC 4180, quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else cell += character;
  }
  return rows;
}

describe('Markdown', () => {
  it('escapes | so a cell cannot be split, and line breaks so a row cannot be', () => {
    expect(markdownCell('甲|乙')).toBe('甲\\|乙');
    expect(markdownCell('第一行\n第二行')).toBe('第一行 第二行');
    expect(markdownCell(null)).toBe('—');
    expect(markdownCell('')).toBe('—');
    expect(markdownText('*重点*_任务_ [链接](x) <b>')).toBe('\\*重点\\*\\_任务\\_ \\[链接\\](x) \\<b\\>');
  });

  it('builds tables whose every row has the header’s number of cells', () => {
    const table = markdownTable(['A', 'B'], [['x|y', 1], [null, 'z']]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.split(/(?<!\\)\|/).length - 2).toBe(2);
  });

  it('renders every section with headings, tables and the cited source text', () => {
    const markdown = formatMarkdown(report);
    for (const heading of ['# Responsibility overlaps audit', '## 1. Joint leads', '## 2. Co-lead pairs', '## 3. Lead drift', '## 4. Oversight overlaps', '## 5. Load', '## 6. Livelihood overlaps']) {
      expect(markdown).toContain(`\n${heading}\n`.slice(heading.startsWith('# ') ? 1 : 0));
    }
    expect(markdown).toContain('| 2024 | 2 |');
    expect(markdown).toContain('推动柳州螺蛳粉产业园区创建国家级消费品标准化试点\\|标准化');
    expect(markdown).toContain('| 2024 | 市林业和园林局 | 王鸿鹄 | 分管 | 园林 | 副市长 |');
    expect(markdown).toContain('| 2 | 市园区办 | 2 | +2 | 0 | 0 | — | 2 |');
    expect(markdown).toContain('### 2026 (compared: clauses with 2024)');
    expect(markdown).toContain('### 2026 #2.9 ← 2024 #6.1 (dropped)');
    expect(markdown).not.toMatch(/\n{3}/);
    expect(markdown).toContain('- Documents read: 6 (leader division 1, livelihood plan 2, task division 3)');
    // Every heading stands in its own paragraph.
    expect(markdown).not.toMatch(/[^\n]\n#/);
  });

  it('ranks co-lead pairs across years only when there is more than one year', () => {
    expect(formatMarkdown(report)).toContain('### All years');
    const data = auditData();
    const oneYear = buildAuditReport({ ...data, years: [2024], jointLeads: data.jointLeads.filter((clause) => clause.year === 2024) }, 'now');
    const markdown = formatMarkdown(oneYear);
    expect(markdown).not.toContain('### All years');
    expect(markdown).toContain('| 1 | 市农业农村局 | 市商务局 | 1 | 2024 #6.1 |');
  });

  it('quotes the lead annotation in full-width brackets, once', () => {
    const data = auditData();
    const bare = data.jointLeads.map((clause) => ({ ...clause, annotation: '市发展改革委、市财政局按职责分别牵头' }));
    expect(formatMarkdown(buildAuditReport({ ...data, jointLeads: bare }, 'now'))).toContain('地区生产总值增长5.5%左右。 （市发展改革委、市财政局按职责分别牵头）');
    expect(formatMarkdown(report)).not.toContain('（（');
  });

  it('says so when a section is empty', () => {
    const empty = buildAuditReport({ ...auditData(), jointLeads: [], leadChanges: [], oversights: [], livelihood: [] }, 'now');
    const markdown = formatMarkdown(empty);
    expect(markdown).toContain('_No co-lead pairs._');
    expect(markdown).toContain('_No continued work with changed leads._');
    expect(markdown).toContain('_No agencies overseen by more than one leader._');
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and leaves plain text and numbers alone', () => {
    expect(csvCell('市商务局')).toBe('市商务局');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
  });

  it('keeps text that a spreadsheet would run as a formula inert', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-3')).toBe("'-3");
  });

  it('starts every file with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const document = csvDocument(['a', 'b'], [['1', 2]]);
    expect(document.startsWith(BYTE_ORDER_MARK)).toBe(true);
    expect(Buffer.from(document, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(document.slice(1)).toBe('a,b\r\n1,2\r\n');
  });

  it('writes one file per section, each row as wide as its header, text surviving a round trip', () => {
    const files = formatCsv(report);
    expect(files.map((file) => file.name)).toEqual([
      'joint-lead-totals.csv',
      'joint-leads.csv',
      'co-lead-pairs.csv',
      'lead-drift.csv',
      'oversight-overlaps.csv',
      'load.csv',
      'livelihood.csv',
    ]);
    for (const file of files) {
      expect(file.content.startsWith(BYTE_ORDER_MARK)).toBe(true);
      const rows = parseCsv(file.content.slice(1));
      const width = rows[0]?.length ?? 0;
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows) expect(row).toHaveLength(width);
    }
    const livelihood = parseCsv(files.find((file) => file.name === 'livelihood.csv')!.content.slice(1));
    expect(livelihood.some((row) => row.includes('新增义务教育学位3000个，含"学位, 宿位"。'))).toBe(true);
    const totals = parseCsv(files[0]!.content.slice(1));
    expect(totals).toEqual([['year', 'joint_lead_clauses'], ['2023', '0'], ['2024', '2'], ['2026', '3']]);
  });
});

describe('JSON', () => {
  it('has the documented top-level keys in a fixed order', () => {
    const parsed = JSON.parse(formatJson(report)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([...AUDIT_JSON_KEYS]);
    expect(AUDIT_JSON_KEYS).toEqual(['version', 'meta', 'jointLeads', 'coLeadPairs', 'leadDrift', 'oversightOverlaps', 'load', 'livelihood']);
    expect(parsed['version']).toBe(1);
  });

  it('is the report itself, null where a value is missing, and the same text for the same report', () => {
    const text = formatJson(report);
    const parsed = JSON.parse(text) as { jointLeads: unknown; load: { previousClauseYear: number | null }[] };
    expect(parsed.jointLeads).toEqual(report.jointLeads);
    expect(parsed.load[0]?.previousClauseYear).toBeNull();
    expect(formatJson(buildAuditReport(auditData(), '2026-03-01T00:00:00.000Z'))).toBe(text);
    expect(text.endsWith('\n')).toBe(true);
  });
});
