/**
 * The family fixtures (test/fixtures/families, documents written in our own
 * words after real ones from many places) scored by `kg eval`, against the
 * goals of the family issue; the README's table shows the current figures.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import { runEvaluation, type EvaluationRun } from '../../evaluation/run.ts';
import { combinedScore } from '../../evaluation/score.ts';
import { loadCleanRules, loadMetricRules, loadPlaceTable } from '../../ingest/rules.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'families');

async function evaluateFixtures(): Promise<EvaluationRun> {
  return runEvaluation({ root: FIXTURES, cleanRules: await loadCleanRules(), metrics: await loadMetricRules(), places: await loadPlaceTable() });
}

describe('kg eval on the family fixtures', () => {
  it('scores every fixture (none rejected) across the four families', async () => {
    const run = await evaluateFixtures();
    expect(run.files).toBeGreaterThanOrEqual(60);
    expect(run.rejected).toEqual([]);
    expect([...run.evaluation.byFamily.keys()]).toEqual(['leader-division', 'livelihood', 'task-division', 'work-report']);
  });

  it('finds leads and responsibility units, leader facts, figures, kinds and years above their floors', async () => {
    const { evaluation } = await evaluateFixtures();
    const f1 = (role: Parameters<typeof evaluation.byRole.get>[0]) => evaluation.byRole.get(role)?.f1 ?? 0;
    const recall = (role: Parameters<typeof evaluation.byRole.get>[0]) => evaluation.byRole.get(role)?.recall ?? 0;
    // The acceptance: ≥ 0.95 F1 on leads and on responsibility units, ≥ 0.90 recall on figures and leader facts.
    expect(f1('lead')).toBeGreaterThanOrEqual(0.95);
    expect(combinedScore(evaluation, ['lead', 'supporting', 'responsible', 'livelihood-lead', 'livelihood-responsible']).f1).toBeGreaterThanOrEqual(0.95);
    expect(f1('responsible')).toBeGreaterThanOrEqual(0.95);
    expect(recall('leader')).toBeGreaterThanOrEqual(0.9);
    expect(recall('target')).toBeGreaterThanOrEqual(0.9);
    expect(recall('actual')).toBeGreaterThanOrEqual(0.9);
    expect(f1('deadline')).toBeGreaterThanOrEqual(0.9);
    expect(f1('kind')).toBeGreaterThanOrEqual(0.95);
    expect(f1('year')).toBeGreaterThanOrEqual(0.95);
  });

  // The held-out sets were written blind, then used for error analysis; their floors
  // sit a little under today's figures, so a change that loses ground on them fails.
  // Set 4 still misses the figures of a 国民经济和社会发展计划 report that sit in an indicator
  // table (its kind and year are read since 2026-12-02), hence its lower figure floors.
  const HELD_OUT = [
    { folder: 'families-holdout', description: '16 other provinces', lead: 0.95, units: 0.93, target: 0.95, actual: 0.9, kind: 0.95, jurisdiction: 0.95 },
    { folder: 'families-holdout-2', description: '24 provinces, the second blind set', lead: 0.95, units: 0.93, target: 0.95, actual: 0.9, kind: 0.95, jurisdiction: 0.95 },
    { folder: 'families-holdout-3', description: '16 provinces of the north and west, the third blind set', lead: 0.95, units: 0.93, target: 0.97, actual: 0.97, kind: 0.95, jurisdiction: 0.97 },
    { folder: 'families-holdout-4', description: 'autonomous prefectures, banners, subdistricts, the fourth blind set', lead: 0.97, units: 0.97, target: 0.82, actual: 0.83, kind: 0.95, jurisdiction: 0.97 },
    // Shapes users hand over (CSV, Word tables as text, nested HTML, PDF copies); every role read fully after the fixes of 2026-12-02.
    // Places and shapes no earlier set covers (merged 类别 columns, system exports, 【label】 runs, ▲ news lists); every role read fully after the fixes of 2026-12-02.
    { folder: 'families-holdout-5', description: 'places and shapes no earlier set covers, the fifth blind set', lead: 0.98, units: 0.98, target: 0.98, actual: 0.98, kind: 0.98, jurisdiction: 0.98 },
    { folder: 'families-holdout-6', description: 'CSV exports, Word tables saved as text, nested HTML and PDF copies, the sixth blind set', lead: 0.98, units: 0.98, target: 0.98, actual: 0.98, kind: 0.96, jurisdiction: 0.96 },
    // 盟/旗 governments, autonomous prefectures and counties, new areas, towns (· lists, 以及, 计划执行情况 reports); after the fixes of 2026-12-02
    // it misses only a news page's target after its own place name and 将力争 (两江新区将力争…; the actuals after
    // 2023年两江新区实现… are read since the extraction knows the document's place) and one ● bullet without content.
    { folder: 'families-holdout-7', description: '盟/旗, autonomous places, new areas and towns, the seventh blind set', lead: 0.98, units: 0.98, target: 0.96, actual: 0.95, kind: 0.98, jurisdiction: 0.98 },
    // Cities and counties of 河南 … 安徽, 2015–2027 (deadline-first labels, reviews without a heading, 突破…达到); after the
    // fixes of 2026-12-02 it misses the task table appended to a report (read as livelihood rows).
    { folder: 'families-holdout-8', description: 'cities and counties of ten provinces, 2015-2027, the eighth blind set', lead: 0.94, units: 0.94, target: 0.98, actual: 0.98, kind: 0.98, jurisdiction: 0.98 },
    // Twelve and more places unused by sets 1-8 (bare 牵头：A 配合：B 时限：… labels, 项目一： blocks, 同步 targets);
    // every role read fully after the fixes of 2026-12-02.
    { folder: 'families-holdout-9', description: 'places unused by sets 1-8, 2017-2027, the ninth blind set', lead: 0.98, units: 0.98, target: 0.98, actual: 0.98, kind: 0.98, jurisdiction: 0.98 },
  ] as const;
  for (const floors of HELD_OUT) {
    it(`holds the held-out fixtures of ${floors.folder} (${floors.description}) to their floors`, async () => {
      const { evaluation, rejected } = await runEvaluation({
        root: path.join(PROJECT_ROOT, 'test', 'fixtures', floors.folder),
        cleanRules: await loadCleanRules(),
        metrics: await loadMetricRules(),
        places: await loadPlaceTable(),
      });
      expect(rejected).toEqual([]);
      expect(evaluation.byRole.get('lead')?.f1 ?? 0).toBeGreaterThanOrEqual(floors.lead);
      expect(combinedScore(evaluation, ['lead', 'supporting', 'responsible', 'livelihood-lead', 'livelihood-responsible', 'livelihood-supporting']).f1).toBeGreaterThanOrEqual(floors.units);
      expect(evaluation.byRole.get('leader')?.recall ?? 0).toBeGreaterThanOrEqual(0.95);
      expect(evaluation.byRole.get('target')?.recall ?? 0).toBeGreaterThanOrEqual(floors.target);
      expect(evaluation.byRole.get('actual')?.recall ?? 0).toBeGreaterThanOrEqual(floors.actual);
      expect(evaluation.byRole.get('kind')?.f1 ?? 0).toBeGreaterThanOrEqual(floors.kind);
      expect(evaluation.byRole.get('jurisdiction')?.f1 ?? 0).toBeGreaterThanOrEqual(floors.jurisdiction);
    });
  }
});
