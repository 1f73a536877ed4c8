/**
 * Seed 004: the 2026 task division (柳州市人民政府关于落实2026年《政府工作报告》
 * 重点工作分工的意见), the whole file being one document.
 *
 * How the clause counts were counted, by hand and independently of the parser:
 * in the source every task starts a line with its number (`1.` … `32.`) and
 * runs on one line, possibly followed by further lines until the next task,
 * section `（n）` or part `n、`. Within a task, a clause is the text up to and
 * including a bracket that names units and ends their list with 牵头 or 负责
 * (`（市工业和信息化局牵头，12月底前完成当年任务）`, `（各县区人民政府、…分别
 * 负责，年内持续推进）`). Counting those brackets task by task (equivalently,
 * the occurrences of `牵头，` / `负责，` / `牵头）` closing a bracket) gives the
 * list below; brackets without a lead verb (`（二期）`, `（柳州）`, `（影像）`)
 * are remarks and do not count. Task 2 holds 13 clauses, one per industry
 * (人工智能终端及机器人 … 量子科技), each with its own lead. The sampled leads
 * were read off the text of the clause they close.
 *
 * The test runs under the minimal preparation (running headers dropped) and,
 * when `ingest/clean/index.ts` is present, under the real cleaner: the answers must
 * be the same.
 */

import { describe, expect, it } from 'vitest';
import { structureTaskDivision } from '../../ingest/structure/task-division.ts';
import { hasSeed, loadPreparations, readSeed } from './helpers/seed-documents.ts';

const SEED = '004_16ab7e976c5c4c5c.txt';

const CLAUSES_PER_TASK = [
  1, 13, 3, 3, 1, 2, 3, 3, 4, 3, 3, 4, 6, 4, 6, 1, 5, 5, 4, 5, 3, 1, 2, 1, 4, 2, 4, 1, 1, 1, 1, 1,
];

/** [task, clause ordinal, leads, joint, deadline, how the clause text begins]. */
const SAMPLED_CLAUSES: readonly (readonly [number, number, readonly string[], boolean, string, string])[] = [
  [1, 1, ['市发展改革委', '市工业和信息化局', '市财政局', '市生态环境局'], true, '12月底前完成', '地区生产总值增长5.5%左右'],
  [2, 1, ['市工业和信息化局'], false, '12月底前完成当年任务', '倾力打造十大现代化支柱产业。'],
  [2, 2, ['市园区办'], false, '12月底前完成当年任务', '大力发展智能网联及新能源汽车产业。'],
  [2, 10, ['市市场监管局'], false, '12月底前完成当年任务', '大力发展生物医药及大健康产业。'],
  [2, 13, ['市科技局'], false, '12月底前完成当年任务', '谋划推动量子领域核心产品产业化发展。'],
  [4, 3, ['市委组织部', '市人力资源社会保障局'], true, '12月底前完成当年任务', '落实加强人才支撑'],
  [5, 1, ['市财政局', '市审计局', '市国资委'], true, '12月底前完成当年任务', '积极化解融资平台债务风险。'],
  [13, 4, ['市园区办', '市商务局'], true, '12月底前完成当年任务', '深化产业园区体制机制改革'],
  [22, 1, ['团市委', '市人力资源社会保障局'], false, '12月底前完成当年任务', '实施就业优先战略。'],
  [25, 2, ['市妇联', '市残联', '市民政局', '市卫生健康委'], true, '12月底前完成当年任务', '加强儿童综合保障'],
  [27, 3, ['市民宗委', '市退役军人事务局', '市国动办'], true, '12月底前完成当年任务', '牢牢把握铸牢中华民族共同体意识主线'],
  [28, 1, ['各县区人民政府', '新区管委会', '市人民政府各部门'], true, '年内持续推进', '坚决把党的全面领导'],
];

const preparations = hasSeed(SEED) ? await loadPreparations() : [];

describe.skipIf(!hasSeed(SEED))('seed 004: 2026 task division', () => {
  describe.each(preparations)('prepared with %s', (_name, prepare) => {
    const text = readSeed(SEED, prepare);
    const { sections, tasks } = structureTaskDivision(text);

    it('finds the 32 numbered tasks in order and the 10 + 3 sections', () => {
      expect(tasks.map((task) => task.number)).toEqual(CLAUSES_PER_TASK.map((_count, index) => index + 1));
      expect(sections.map((section) => section.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 1, 2, 3]);
      expect(sections[1]?.title).toBe('突出创新赋能，加快构建现代化工业体系');
      expect(sections[10]?.part).toBe('强化责任担当，狠抓贯彻落实');
      expect(tasks.find((task) => task.number === 28)?.sectionIndex).toBe(9);
    });

    it('pins the clause count of every task', () => {
      expect(tasks.map((task) => task.clauses.length)).toEqual(CLAUSES_PER_TASK);
      expect(tasks.reduce((sum, task) => sum + task.clauses.length, 0)).toBe(101);
    });

    it.each(SAMPLED_CLAUSES)('task %i clause %i: leads %j', (taskNumber, ordinal, leads, joint, deadline, opening) => {
      const clause = tasks.find((task) => task.number === taskNumber)?.clauses[ordinal - 1];
      expect(clause?.ordinal).toBe(ordinal);
      expect(clause?.annotation.leads.map((lead) => lead.name)).toEqual(leads);
      expect(clause?.annotation.joint).toBe(joint);
      expect(clause?.annotation.deadline).toBe(deadline);
      expect(clause?.text.startsWith(opening)).toBe(true);
    });

    it('gives every clause and lead a span that points at its text', () => {
      for (const task of tasks) {
        for (const clause of task.clauses) {
          expect(text.slice(clause.span.start, clause.span.end).replace(/\s+/g, '')).toBe(clause.text.replace(/\s+/g, ''));
          for (const lead of clause.annotation.leads) {
            expect(text.slice(lead.span.start, lead.span.end).replace(/\s+/g, '')).toBe(lead.written);
          }
        }
      }
    });
  });
});
