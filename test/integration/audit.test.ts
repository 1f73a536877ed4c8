/**
 * `kg audit overlaps` against the real API over the ingested corpus.
 *
 * The audit is a GraphQL client: here it talks to the API in-process (the
 * yoga app's own fetch) and over HTTP on a random port, as the CLI does.
 * Expected findings were established by reading the seeds:
 * - the 2024 leaders' division (柳政发〔2024〕7号, in the bulletin 003) gives
 *   市林业和园林局 to 王鸿鹄 "（涉及园林方面）" and to 陈文敏 "（涉及林业方面）";
 *   市乡村振兴局 is 分管 by 陈文敏 and 协助分管 by 张国良;
 * - lead drift 2024 → 2026: see DRIFT below.
 */
import fs from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/server.ts';
import { createGraphqlClient, type FetchLike } from '../../audit/client.ts';
import { collectAuditData, readLeadChangesFromClauses, readOversightsFromLeaders } from '../../audit/collect.ts';
import { AUDIT_JSON_KEYS } from '../../audit/format-json.ts';
import { buildAuditReport, type AuditData, type AuditReport } from '../../audit/report.ts';
import { loadConfig } from '../../core/config.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { runAuditCommand } from '../../cli/commands/audit.ts';
import { testDatabase, testLimits } from './helpers.ts';

const config = loadConfig();

/**
 * Work continued from the 2024 task division (柳政发〔2024〕3号, in the bulletin
 * 003) into the 2026 one (004) with other leads, each pair found by reading
 * both clauses and their annotations:
 * - main targets: 2024 （市发展改革委、市工业和信息化局、市财政局、市商务局、市农业农村局按职责分别牵头）,
 *   2026 （市发展改革委、市工业和信息化局、市财政局、市生态环境局按职责分别牵头）;
 * - poverty relief: 2024 （市乡村振兴局牵头）, 2026 推进乡村全面振兴
 *   （市农业农村局、市教育局、市人力资源社会保障局按职责分别牵头）— 市乡村振兴局 is gone;
 * - business environment: 2024 （市发展改革委、市市场监管局按职责分别牵头）, 2026 （市发展改革委牵头）;
 * - mine restoration: 2024 （市自然资源和规划局、市林业和园林局按职责分别牵头）, 2026 （市自然资源和规划局牵头）.
 */
const DRIFT = [
  { later: '地区生产总值增长5.5%左右', earlier: '地区生产总值增长4%以上', kind: 'replaced', added: ['市生态环境局'], dropped: ['市商务局', '市农业农村局'] },
  { later: '推进乡村全面振兴', earlier: '持续巩固拓展脱贫成果', kind: 'replaced', added: ['市农业农村局', '市教育局', '市人力资源社会保障局'], dropped: ['市乡村振兴局'] },
  { later: '持续优化营商环境', earlier: '持续优化营商环境', kind: 'dropped', added: [], dropped: ['市市场监管局'] },
  { later: '历史遗留废弃矿山生态修复', earlier: '深入开展废弃矿山生态修复', kind: 'dropped', added: [], dropped: ['市林业和园林局'] },
] as const;
const IN_PROCESS_URL = 'http://audit.test/graphql';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text: string) => void out.push(text), stderr: (text: string) => void err.push(text) }, out, err };
}

describe('kg audit overlaps over the corpus', () => {
  const database = testDatabase();
  const yoga = createApi({ database, limits: testLimits() });
  let requests = 0;
  const inProcess: FetchLike = (url, init) => {
    requests += 1;
    return yoga.fetch(url, init);
  };
  let directory: string;
  let report: AuditReport;

  beforeAll(async () => {
    const summary = await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir });
    expect(summary.problems).toEqual([]);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-audit-'));
    const { io, err } = capture();
    const code = await runAuditCommand(['overlaps', '--format', 'json', '--out', path.join(directory, 'audit.json'), '--api', IN_PROCESS_URL], io, {
      fetch: inProcess,
    });
    expect(err.join(''), 'stderr').toContain('wrote');
    expect(code).toBe(0);
    report = JSON.parse(await fs.readFile(path.join(directory, 'audit.json'), 'utf8')) as AuditReport;
  }, 300_000);

  afterAll(async () => {
    await database.close();
    if (directory) await fs.rm(directory, { recursive: true, force: true });
  });

  it('writes JSON with the documented keys, in a bounded number of requests', () => {
    expect(Object.keys(report)).toEqual([...AUDIT_JSON_KEYS]);
    expect(report.meta.years).toEqual(expect.arrayContaining([2020, 2023, 2024, 2026]));
    // Documents, joint leads and agencies are paged; lead changes, oversight and
    // livelihood are asked once per year. Nothing is asked per row.
    expect(requests).toBeLessThanOrEqual(3 + report.meta.years.length * 3 + 10);
  });

  it('counts joint leads per year exactly as a direct Cypher query does', async () => {
    const rows = await database.read('test-audit-joint-leads-per-year');
    const direct = new Map(rows.map((row) => [row['year'] as number, row['clauses'] as number]));
    expect(direct.size).toBeGreaterThan(0);
    for (const [year, clauses] of direct) expect(report.jointLeads.totals, String(year)).toContainEqual({ year, clauses });
    for (const total of report.jointLeads.totals) expect(total.clauses).toBe(direct.get(total.year) ?? 0);
    expect(report.jointLeads.clauses).toHaveLength([...direct.values()].reduce((sum, count) => sum + count, 0));
    for (const clause of report.jointLeads.clauses) {
      expect(clause.leads.length).toBeGreaterThanOrEqual(2);
      expect(clause.text.length).toBeGreaterThan(0);
    }
  });

  it('lists the 2024 agencies split between two leaders, with each leader’s aspect', () => {
    const in2024 = report.oversightOverlaps.filter((overlap) => overlap.year === 2024);
    const forestry = in2024.find((overlap) => overlap.agency === '市林业和园林局');
    expect(forestry?.leaders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ leader: '王鸿鹄', aspect: expect.stringContaining('园林') }),
        expect.objectContaining({ leader: '陈文敏', aspect: expect.stringContaining('林业') }),
      ]),
    );
    const revitalisation = in2024.find((overlap) => overlap.agency === '市乡村振兴局');
    expect(revitalisation?.leaders).toEqual(
      expect.arrayContaining([expect.objectContaining({ leader: '陈文敏', role: '分管' }), expect.objectContaining({ leader: '张国良', role: '协助分管' })]),
    );
    for (const overlap of report.oversightOverlaps) {
      expect(new Set(overlap.leaders.map((leader) => leader.leader)).size).toBeGreaterThanOrEqual(2);
      expect(overlap.leaders.every((leader) => leader.role !== '联系')).toBe(true);
      // Each finding quotes the division of work it rests on.
      for (const leader of overlap.leaders) {
        expect(leader.source?.docNo).toBe('柳政发〔2024〕7号');
        expect(leader.source?.text).toBeTruthy();
      }
    }
  });

  it('ranks co-lead pairs, counts load with the change from the previous year, and checks livelihood items', () => {
    const pairs = report.coLeadPairs.acrossYears;
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs[0]?.rank).toBe(1);
    for (let index = 1; index < pairs.length; index++) expect(pairs[index - 1]!.count).toBeGreaterThanOrEqual(pairs[index]!.count);
    const load2026 = report.load.find((year) => year.year === 2026);
    expect(load2026).toMatchObject({ previousClauseYear: 2024, previousLivelihoodYear: null });
    // Counted by reading (see test/integration/corpus.test.ts): 17 clauses in 2024, 12 in 2026.
    const industry = load2026?.agencies.find((row) => row.agency === '市工业和信息化局');
    expect(industry).toMatchObject({ clauseLeads: 12, clauseChange: -5 });
    expect(report.livelihood.repeatedLeads.length).toBeGreaterThan(0);
    for (const entry of report.livelihood.repeatedLeads) expect(entry.years.length).toBeGreaterThanOrEqual(2);
  });

  it('lists the lead drift checked by reading the 2024 and 2026 task divisions', () => {
    for (const expected of DRIFT) {
      const found = report.leadDrift.find((drift) => drift.later.text.includes(expected.later) && drift.earlier.text.includes(expected.earlier));
      expect(found, `${expected.later} ← ${expected.earlier}`).toBeDefined();
      expect(found).toMatchObject({ kind: expected.kind, added: [...expected.added].sort(), dropped: [...expected.dropped].sort() });
      expect(found?.later.year).toBe(2026);
      expect(found?.earlier.year).toBe(2024);
    }
    for (const drift of report.leadDrift) {
      expect(drift.added.length + drift.dropped.length).toBeGreaterThan(0);
      expect(drift.later.year).toBeGreaterThan(drift.earlier.year ?? Infinity);
    }
  });

  it('gets the same drift and oversight from the paginated fallbacks as from the capped overlaps fields', async () => {
    const client = createGraphqlClient({ url: IN_PROCESS_URL, fetch: inProcess });
    const data = await collectAuditData(client, { kind: 'range', from: 2024, to: 2026 });
    const fallback: AuditData = {
      ...data,
      leadChanges: [...(await readLeadChangesFromClauses(client, 2024)), ...(await readLeadChangesFromClauses(client, 2026))],
      oversights: await readOversightsFromLeaders(client, 2024),
    };
    const fromOverlaps = buildAuditReport(data, 'now');
    const fromFallback = buildAuditReport(fallback, 'now');
    const withoutScore = (report: AuditReport) => report.leadDrift.map(({ score: _score, ...drift }) => drift);
    expect(fromOverlaps.leadDrift.length).toBeGreaterThan(0);
    expect(withoutScore(fromFallback)).toEqual(withoutScore(fromOverlaps));
    expect(fromFallback.oversightOverlaps).toEqual(fromOverlaps.oversightOverlaps);
  });

  it('produces Markdown and CSV too', async () => {
    const markdown = capture();
    expect(await runAuditCommand(['overlaps', '--year', '2024', '--api', IN_PROCESS_URL], markdown.io, { fetch: inProcess })).toBe(0);
    const text = markdown.out.join('');
    expect(text).toContain('## 4. Oversight overlaps');
    expect(text).toMatch(/\| 2024 \| 市林业和园林局 \| 王鸿鹄 \| 分管 \|/);

    const csvDirectory = path.join(directory, 'csv');
    const csv = capture();
    expect(await runAuditCommand(['overlaps', '--from', '2023', '--to', '2026', '--format', 'csv', '--out', csvDirectory, '--api', IN_PROCESS_URL], csv.io, { fetch: inProcess })).toBe(0);
    const files = await fs.readdir(csvDirectory);
    expect(files.sort()).toEqual(['co-lead-pairs.csv', 'joint-lead-totals.csv', 'joint-leads.csv', 'lead-drift.csv', 'livelihood.csv', 'load.csv', 'oversight-overlaps.csv']);
    const oversight = await fs.readFile(path.join(csvDirectory, 'oversight-overlaps.csv'));
    expect(oversight.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(oversight.toString('utf8')).toContain('市林业和园林局');
  });

  it('says there is no data for a year without documents, and exits 1', async () => {
    const { io, err } = capture();
    expect(await runAuditCommand(['overlaps', '--year', '2019', '--api', IN_PROCESS_URL], io, { fetch: inProcess })).toBe(1);
    expect(err.join('')).toMatch(/No data for 2019 in the API at .*: it has documents for .*2024/);
  });

  describe('over HTTP, as the CLI runs it', () => {
    let server: Server;
    let url: string;

    beforeAll(async () => {
      server = createServer(yoga);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    });

    it('reads the API with the global fetch', async () => {
      const { io, out } = capture();
      expect(await runAuditCommand(['overlaps', '--year', '2026', '--format', 'json', '--api', url], io)).toBe(0);
      const overHttp = JSON.parse(out.join('')) as AuditReport;
      expect(overHttp.jointLeads.totals).toEqual(report.jointLeads.totals.filter((total) => total.year === 2026));
    });

    it('tells how to start the API when nothing listens', async () => {
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      // A port nothing listens on (not the closed server's: fetch may still hold a kept-alive socket to it).
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/graphql`;
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      const { io, err } = capture();
      expect(await runAuditCommand(['overlaps', '--api', closedUrl], io)).toBe(1);
      expect(err.join('')).toContain(`Cannot reach the GraphQL API at ${closedUrl} (ECONNREFUSED)`);
      expect(err.join('')).toContain('npm start');
    });
  });
});
