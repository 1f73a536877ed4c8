import { describe, expect, it } from 'vitest';
import { buildAuditReport, clauseRef } from '../../audit/report.ts';
import { auditData, SNAIL_2024 } from '../fixtures/audit/data.ts';

const GENERATED_AT = '2026-03-01T00:00:00.000Z';

describe('buildAuditReport', () => {
  const report = buildAuditReport(auditData(), GENERATED_AT);

  it('counts joint-lead clauses per task-division year, zero included, oldest first', () => {
    expect(report.jointLeads.totals).toEqual([
      { year: 2023, clauses: 0 },
      { year: 2024, clauses: 2 },
      { year: 2026, clauses: 3 },
    ]);
    expect(report.jointLeads.clauses.map((clause) => clause.ref)).toEqual(['2024 #6.1', '2024 #25.4', '2026 #1.1', '2026 #3.2', '2026 #20.1']);
  });

  it('cites each clause with its text, leads and document', () => {
    const snail = report.jointLeads.clauses[0];
    expect(snail).toMatchObject({
      id: SNAIL_2024.id,
      text: SNAIL_2024.text,
      leads: ['市商务局', '市市场监管局', '市农业农村局'],
      jointWording: true,
      document: { docNo: '柳政发〔2024〕3号' },
    });
  });

  it('drops clauses with fewer than two leads even if the API returns them', () => {
    const data = auditData();
    const single = { ...SNAIL_2024, id: 'single', leads: [SNAIL_2024.leads[0]!] };
    const withSingle = buildAuditReport({ ...data, jointLeads: [...data.jointLeads, single] }, GENERATED_AT);
    expect(withSingle.jointLeads.clauses.map((clause) => clause.id)).not.toContain('single');
  });

  it('ranks co-lead pairs across years and per year, ties sharing a rank', () => {
    const top = report.coLeadPairs.acrossYears[0];
    expect(top).toEqual({ rank: 1, first: '市商务局', second: '市市场监管局', count: 2, years: [2024, 2026], clauses: ['2024 #6.1', '2026 #3.2'] });
    expect(report.coLeadPairs.acrossYears.slice(1).every((pair) => pair.count === 1 && pair.rank === 2)).toBe(true);
    // 3 pairs from the three-lead clause, 1 each from the four two-lead clauses, one of them repeated.
    expect(report.coLeadPairs.acrossYears).toHaveLength(6);
    expect(report.coLeadPairs.byYear.map((year) => [year.year, year.pairs.length])).toEqual([
      [2024, 4],
      [2026, 3],
    ]);
  });

  it('leaves collective addressees out of co-lead pairs, but not out of the joint-lead clauses', () => {
    const data = auditData();
    const collective = { id: 'agency:各县区人民政府', name: '各县区人民政府', kind: 'collective' };
    const withCollective = { ...SNAIL_2024, id: 'with-collective', leads: [...SNAIL_2024.leads, collective] };
    const extended = buildAuditReport({ ...data, jointLeads: [...data.jointLeads, withCollective] }, GENERATED_AT);
    const names = extended.coLeadPairs.acrossYears.flatMap((pair) => [pair.first, pair.second]);
    expect(names).not.toContain('各县区人民政府');
    expect(extended.jointLeads.clauses.find((clause) => clause.id === 'with-collective')?.leads).toContain('各县区人民政府');
  });

  it('classifies lead drift as dropped, replaced or added, skipping unchanged and repeated pairs', () => {
    expect(report.leadDrift.map((drift) => [drift.later.ref, drift.earlier.ref, drift.kind, drift.added, drift.dropped, drift.kept])).toEqual([
      ['2026 #2.2', '2024 #3.1', 'replaced', ['市园区办'], ['市工业和信息化局'], []],
      ['2026 #2.9', '2024 #6.1', 'dropped', [], ['市农业农村局', '市市场监管局'], ['市商务局']],
      ['2026 #20.1', '2024 #25.3', 'added', ['市住房城乡建设局'], [], ['市林业和园林局']],
    ]);
    expect(report.leadDrift[1]?.later.text).toBe('深入推进柳州螺蛳粉产业园改造升级。');
  });

  it('lists agencies overseen by two leaders with their aspects, ignoring 联系 and single overseers', () => {
    expect(report.oversightOverlaps).toEqual([
      {
        year: 2024,
        agency: '市乡村振兴局',
        leaders: [
          { leader: '陈文敏', role: '分管', aspect: null, title: '副市长', source: null },
          { leader: '张国良', role: '协助分管', aspect: null, title: '副市长', source: null },
        ],
      },
      {
        year: 2024,
        agency: '市林业和园林局',
        leaders: [
          { leader: '王鸿鹄', role: '分管', aspect: '园林', title: '副市长', source: { docNo: '柳政发〔2024〕7号', title: '柳州市人民政府关于政府领导工作分工调整的通知', text: '市林业和园林局' } },
          { leader: '陈文敏', role: '分管', aspect: '林业', title: '副市长', source: { docNo: '柳政发〔2024〕7号', title: '柳州市人民政府关于政府领导工作分工调整的通知', text: '市林业和园林局' } },
        ],
      },
    ]);
  });

  it('ranks load per year, comparing each measure with the nearest earlier year that has it', () => {
    const byYear = Object.fromEntries(report.load.map((year) => [year.year, year]));
    expect(byYear[2023]).toMatchObject({ previousClauseYear: null, previousLivelihoodYear: null });
    expect(byYear[2023]?.agencies.map((row) => [row.rank, row.agency, row.total, row.clauseChange, row.livelihoodChange])).toEqual([
      [1, '市商务局', 4, null, null],
      [2, '市教育局', 1, null, null],
    ]);
    expect(byYear[2024]).toMatchObject({ previousClauseYear: 2023, previousLivelihoodYear: 2023 });
    expect(byYear[2024]?.agencies.map((row) => [row.rank, row.agency, row.clauseLeads, row.clauseChange, row.livelihoodLeads, row.livelihoodChange])).toEqual([
      [1, '市商务局', 5, 2, 0, -1],
      [1, '市林业和园林局', 4, 4, 1, 1],
      [3, '市教育局', 0, 0, 1, 0],
    ]);
    // 2026 has a task division but no 为民办实事 table: its livelihood counts are not compared with 2024's.
    expect(byYear[2026]).toMatchObject({ previousClauseYear: 2024, previousLivelihoodYear: null });
    expect(byYear[2026]?.agencies.map((row) => [row.rank, row.agency, row.total, row.clauseChange, row.livelihoodChange])).toEqual([
      [1, '市林业和园林局', 4, 0, null],
      [2, '市商务局', 2, -3, null],
      [2, '市园区办', 2, 2, null],
    ]);
  });

  it('finds livelihood items with one unit in both roles, and units leading in several years', () => {
    expect(report.livelihood.leadAndResponsible.map((project) => [project.year, project.no, project.agencies])).toEqual([[2023, 1, ['市教育局']]]);
    expect(report.livelihood.repeatedLeads).toHaveLength(1);
    expect(report.livelihood.repeatedLeads[0]).toMatchObject({ agency: '市教育局', years: [2023, 2024] });
    expect(report.livelihood.repeatedLeads[0]?.projects.map((project) => project.title)).toEqual(['义务教育学位', '新建公办幼儿园']);
  });

  it('gives the same report whatever order the API returned rows in', () => {
    const data = auditData();
    const reversed = {
      ...data,
      documents: [...data.documents].reverse(),
      jointLeads: [...data.jointLeads].reverse(),
      leadChanges: [...data.leadChanges].reverse(),
      oversights: [...data.oversights].reverse(),
      agencies: [...data.agencies].reverse(),
      livelihood: [...data.livelihood].reverse(),
    };
    expect(buildAuditReport(reversed, GENERATED_AT)).toEqual(report);
  });

  it('refers to a clause without a task number by its id', () => {
    expect(clauseRef({ id: 'x/clause/1', year: 2024, ordinal: 1, task: { id: 'x', number: null, title: null } })).toBe('x/clause/1');
  });
});
