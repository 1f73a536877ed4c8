import { describe, expect, it } from 'vitest';
import { createGraphqlClient, MAX_PAGE_SIZE } from '../../audit/client.ts';
import { collectAuditData } from '../../audit/collect.ts';
import { BYTE_ORDER_MARK } from '../../audit/format-csv.ts';
import type { FetchLike } from '../../audit/client.ts';
import type { SharedOversightData } from '../../audit/queries.ts';
import { runAuditCommand } from '../../cli/commands/audit.ts';
import { agency, auditData, CARS_2024, CARS_2026 } from '../fixtures/audit/data.ts';
import { fakeApi, page, type Handler } from '../fixtures/audit/fake-api.ts';

const API = 'http://127.0.0.1:4999/graphql';

/** The fixture served the way the API serves it: filtered by the operation's year variables. */
function fixtureHandlers(): Record<string, Handler> {
  const data = auditData();
  const inRange = (year: number | null, variables: Record<string, unknown>) =>
    year !== null &&
    (typeof variables['yearFrom'] !== 'number' || year >= variables['yearFrom']) &&
    (typeof variables['yearTo'] !== 'number' || year <= variables['yearTo']);
  return {
    AuditDocuments: (variables) => ({ documents: page(data.documents.filter((document) => inRange(document.year, variables)), variables) }),
    AuditJointLeads: (variables) => ({ assignments: page(data.jointLeads.filter((clause) => inRange(clause.year, variables)), variables) }),
    AuditLeadChanges: (variables) => ({ overlaps: { leadChanges: page(data.leadChanges.filter((change) => change.later.year === variables['year']), variables) } }),
    AuditSharedOversight: (variables) => {
      const rows = data.oversights.filter((row) => row.year === variables['year']);
      const byAgency = new Map<string, SharedOversightData>();
      for (const row of rows) {
        const entry = byAgency.get(row.agency.id) ?? { year: row.year, agency: row.agency, oversights: [] };
        const source = row.source ? { text: row.source.text, document: { id: 'document', docNo: row.source.docNo, title: row.source.title } } : null;
        byAgency.set(row.agency.id, { ...entry, oversights: [...entry.oversights, { ...row, leader: row.leader, source }] });
      }
      return { overlaps: { multiplyOverseen: page([...byAgency.values()].filter((entry) => entry.oversights.length > 1), variables) } };
    },
    AuditAgencyLoad: (variables) => ({ agencies: page(data.agencies, variables) }),
    AuditLivelihood: (variables) => ({ livelihoodProjects: page(data.livelihood.filter((project) => project.year === variables['year']), variables) }),
  };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text: string) => void out.push(text), stderr: (text: string) => void err.push(text) }, out, err };
}

const fixedTime = { now: () => new Date('2026-03-01T00:00:00Z'), defaultApiUrl: () => API };

describe('collectAuditData', () => {
  it('reads each section in a bounded number of requests: per page, per year where the API is per year', async () => {
    const api = fakeApi(fixtureHandlers());
    const data = await collectAuditData(createGraphqlClient({ url: API, fetch: api.fetch }), { kind: 'all' });
    expect(data.years).toEqual([2023, 2024, 2026]);
    expect(api.requests.map((request) => request.operationName)).toEqual([
      'AuditDocuments',
      'AuditJointLeads',
      'AuditLeadChanges',
      'AuditLeadChanges',
      'AuditLeadChanges',
      'AuditSharedOversight',
      'AuditAgencyLoad',
      'AuditLivelihood',
      'AuditLivelihood',
      'AuditLivelihood',
    ]);
    expect(api.requests.find((request) => request.operationName === 'AuditJointLeads')?.variables).toMatchObject({ yearFrom: 2023, yearTo: 2026 });
    expect(data.notes).toEqual([]);
  });

  it('pages through lead changes and shared oversight longer than one page', async () => {
    const changes = Array.from({ length: MAX_PAGE_SIZE + 30 }, (_, index) => ({
      score: 0.5,
      later: { ...CARS_2026, id: `${CARS_2026.id}#${index}` },
      earlier: CARS_2024,
      added: [agency('市园区办')],
      removed: [],
    }));
    const shared: SharedOversightData[] = Array.from({ length: MAX_PAGE_SIZE + 5 }, (_, index) => ({
      year: 2024,
      agency: agency(`机构${index}`),
      oversights: ['王鸿鹄', '陈文敏'].map((name) => ({ role: '分管', aspect: null, title: null, year: 2024, leader: { id: `leader:${name}`, name }, source: null })),
    }));
    const api = fakeApi({
      ...fixtureHandlers(),
      AuditLeadChanges: (variables) => ({ overlaps: { leadChanges: page(variables['year'] === 2026 ? changes : [], variables) } }),
      AuditSharedOversight: (variables) => ({ overlaps: { multiplyOverseen: page(shared, variables) } }),
    });
    const data = await collectAuditData(createGraphqlClient({ url: API, fetch: api.fetch }), { kind: 'range', from: 2024, to: 2026 });
    expect(data.leadChanges).toHaveLength(MAX_PAGE_SIZE + 30);
    expect(new Set(data.oversights.map((row) => row.agency.name)).size).toBe(MAX_PAGE_SIZE + 5);
    expect(api.requests.filter((request) => request.operationName === 'AuditLeadChanges' && request.variables['year'] === 2026)).toHaveLength(2);
    expect(api.requests.filter((request) => request.operationName === 'AuditSharedOversight')).toHaveLength(2);
    expect(data.notes).toEqual([]);
  });

  it('fails naming the years the API has when the selection has none', async () => {
    const api = fakeApi(fixtureHandlers());
    await expect(collectAuditData(createGraphqlClient({ url: API, fetch: api.fetch }), { kind: 'range', from: 2025, to: 2025 })).rejects.toThrow(
      `No data for 2025 in the API at ${API}: it has documents for 2023, 2024, 2026.`,
    );
  });
});

describe('kg audit overlaps', () => {
  it('prints Markdown to standard output and exits 0', async () => {
    const { io, out, err } = capture();
    const code = await runAuditCommand(['overlaps', '--year', '2024'], io, { ...fixedTime, fetch: fakeApi(fixtureHandlers()).fetch });
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    const markdown = out.join('');
    expect(markdown).toContain('- Years: 2024 (with data: 2024)');
    expect(markdown).toContain('| 2024 | 市林业和园林局 | 陈文敏 | 分管 | 林业 | 副市长 |');
  });

  it('writes JSON to --out', async () => {
    const files = new Map<string, string>();
    const { io, err } = capture();
    const code = await runAuditCommand(['overlaps', '--format', 'json', '--out', 'reports/audit.json'], io, {
      ...fixedTime,
      fetch: fakeApi(fixtureHandlers()).fetch,
      writeFile: async (file, content) => void files.set(file, content),
      makeDirectory: async () => undefined,
    });
    expect(code).toBe(0);
    expect(err.join('')).toContain('wrote reports/audit.json');
    const report = JSON.parse(files.get('reports/audit.json') ?? '{}') as { meta: { generatedAt: string }; jointLeads: { totals: unknown } };
    expect(report.meta.generatedAt).toBe('2026-03-01T00:00:00.000Z');
    expect(report.jointLeads.totals).toEqual([
      { year: 2023, clauses: 0 },
      { year: 2024, clauses: 2 },
      { year: 2026, clauses: 3 },
    ]);
  });

  it('writes one BOM-prefixed CSV file per section into the --out directory', async () => {
    const files = new Map<string, string>();
    const directories: string[] = [];
    const { io } = capture();
    const code = await runAuditCommand(['overlaps', '--format', 'csv', '--out', 'audit-csv'], io, {
      ...fixedTime,
      fetch: fakeApi(fixtureHandlers()).fetch,
      writeFile: async (file, content) => void files.set(file, content),
      makeDirectory: async (directory) => void directories.push(directory),
    });
    expect(code).toBe(0);
    expect(directories).toEqual(['audit-csv']);
    expect([...files.keys()]).toContain('audit-csv/oversight-overlaps.csv');
    expect(files.size).toBe(7);
    for (const content of files.values()) expect(content.startsWith(BYTE_ORDER_MARK)).toBe(true);
  });

  it('exits 1 naming the cause: unreachable API, bad range, no data', async () => {
    const refused: FetchLike = () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    };
    const unreachable = capture();
    expect(await runAuditCommand(['overlaps'], unreachable.io, { ...fixedTime, fetch: refused })).toBe(1);
    expect(unreachable.err.join('')).toMatch(/^kg audit: Cannot reach the GraphQL API at http:\/\/127\.0\.0\.1:4999\/graphql \(ECONNREFUSED\)\. Start it with "npm start"/);
    expect(unreachable.err.join('')).toMatch(/ \[API_UNREACHABLE\]\n$/);

    const backwards = capture();
    expect(await runAuditCommand(['overlaps', '--from', '2026', '--to', '2023'], backwards.io, { ...fixedTime, fetch: refused })).toBe(1);
    expect(backwards.err.join('')).toBe('kg audit: bad year range: --from 2026 is after --to 2023 [BAD_USER_INPUT]\n');

    const noData = capture();
    expect(await runAuditCommand(['overlaps', '--year', '2019'], noData.io, { ...fixedTime, fetch: fakeApi(fixtureHandlers()).fetch })).toBe(1);
    expect(noData.err.join('')).toContain('No data for 2019');
  });

  it('prints the usage for --help and exits 0', async () => {
    const { io, out } = capture();
    expect(await runAuditCommand(['--help'], io)).toBe(0);
    expect(out.join('')).toContain('Usage: kg audit overlaps');
  });
});
