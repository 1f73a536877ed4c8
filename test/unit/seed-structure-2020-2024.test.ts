/**
 * Seeds 003 (government bulletin 2024 no. 3, ~18 documents in one file) and
 * 000 (the 2020 work report): the 2023 and 2024 task divisions, the 2024
 * leaders' division of work, and the 2020 / 2023 / 2024 为民办实事 tables.
 *
 * Documents are cut out of the bulletin between their title line and the
 * first line of the next document (table-of-contents entries are not taken
 * for titles: they carry a document number after a tab). Clause counts were
 * made as for 2026 (see seed-task-division-2026.test.ts): per task, the
 * brackets that end a list of units with 牵头 / 负责; in these documents some
 * are split by a page break (`（市教育局、市发展改\n——柳州市人民政府——\n革委…）`),
 * sit on their own line after the clause, use 〔〕 around a name with its own
 * brackets, or are half-width `(…,…)` in the 2023 one. Table rows were read
 * off the tables; leads as written with 市 restored where implied.
 */

import { describe, expect, it } from 'vitest';
import { findLivelihoodRows } from '../../ingest/structure/livelihood.ts';
import { structureLeaderDivision } from '../../ingest/structure/leader-division.ts';
import { structureTaskDivision } from '../../ingest/structure/task-division.ts';
import { cutDocument, hasSeed, loadPreparations, readSeed } from './helpers/seed-documents.ts';

const BULLETIN = '003_5dd11dd00263b247.txt';
const REPORT_2020 = '000_ec90f7d5dd38cba8.txt';
const seedsPresent = hasSeed(BULLETIN) && hasSeed(REPORT_2020);
const preparations = seedsPresent ? await loadPreparations() : [];

const TITLE_2024_TASKS = /^柳州市人民政府关于落实\s*2024年《政府工作\s*报告》重点工作分工的意见$/u;
const TITLE_2023_TASKS = /^柳州市人民政府关于落实\s*2023年《政府工作\s*报告》重点工作分工的意见$/u;
const TITLE_LEADERS = /^柳州市人民政府\s*关于政府领导工作分工调整的通知$/u;

const CLAUSES_2024 = [1, 1, 7, 1, 1, 4, 1, 1, 5, 2, 1, 4, 2, 3, 4, 3, 5, 6, 3, 3, 7, 4, 5, 1, 4, 3, 5, 2, 5, 4, 7, 1, 1, 1, 1];
const CLAUSES_2023 = [1, 4, 2, 5, 5, 1, 3, 4, 7, 2, 5, 7, 3, 7, 4, 4, 3, 3, 5, 5, 4, 7, 3, 3, 4, 1, 6, 3, 7, 1, 1, 1, 1];

const names = (mentions: readonly { readonly name: string }[] | undefined) => (mentions ?? []).map((mention) => mention.name);

describe.skipIf(!seedsPresent)('seeds 003 and 000', () => {
  describe.each(preparations)('prepared with %s', (_name, prepare) => {
    const bulletin = readSeed(BULLETIN, prepare);

    describe('2024 task division (柳政发〔2024〕3号)', () => {
      const { tasks, sections } = structureTaskDivision(cutDocument(bulletin, TITLE_2024_TASKS, /^2024年2月18日$/u));
      const clause = (task: number, ordinal: number) => tasks.find((t) => t.number === task)?.clauses[ordinal - 1];

      it('pins the clause count of every task (109 in all)', () => {
        expect(tasks.map((task) => task.number)).toEqual(CLAUSES_2024.map((_count, index) => index + 1));
        expect(tasks.map((task) => task.clauses.length)).toEqual(CLAUSES_2024);
        expect(tasks.reduce((sum, task) => sum + task.clauses.length, 0)).toBe(109);
        expect(sections).toHaveLength(16);
        expect(sections[4]?.title).toBe('坚定不移推进乡村振兴，扎实推进农业农村现代化建设');
      });

      it('reads annotations split by a page break, wrapped in 〔〕, on their own line, and misspelt', () => {
        expect(names(clause(3, 4)?.annotation.leads)).toEqual(['市教育局', '市发展改革委', '市人力资源社会保障局', '市科技局']);
        expect(names(clause(3, 7)?.annotation.leads)).toEqual(['市财政局（金融办）', '市科技局']);
        expect(names(clause(4, 1)?.annotation.leads)).toEqual(['市工业和信息化局']);
        expect(names(clause(18, 1)?.annotation.leads)).toEqual(['市城管执法局']);
        expect(names(clause(23, 3)?.annotation.leads)).toEqual(['市工业和信息化局', '市市场监管局', '柳州市税务局']);
        expect(names(clause(27, 3)?.annotation.leads)).toEqual(['市重点办']);
        expect(clause(35, 1)?.annotation.deadline).toBe('年内持续推进');
      });
    });

    describe('2023 task division (柳政发〔2023〕8号)', () => {
      const { tasks } = structureTaskDivision(cutDocument(bulletin, TITLE_2023_TASKS, /^柳州市人民政府关于\s*做好全市第五次全国经济普查的通知$/u));
      const clause = (task: number, ordinal: number) => tasks.find((t) => t.number === task)?.clauses[ordinal - 1];

      it('pins the clause count of every task (122 in all)', () => {
        expect(tasks.map((task) => task.clauses.length)).toEqual(CLAUSES_2023);
        expect(tasks.reduce((sum, task) => sum + task.clauses.length, 0)).toBe(122);
      });

      it('reads park committees with bracketed names, half-width annotations and a county government', () => {
        expect(names(clause(4, 2)?.annotation.leads)).toEqual(['市工业和信息化局', '阳和工业新区（北部生态新区）管委会']);
        expect(names(clause(12, 3)?.annotation.leads)).toEqual(['市农业农村局', '市人力资源社会保障局']);
        expect(names(clause(20, 2)?.annotation.leads)).toEqual(['市发展改革', '柳东新区管委会', '阳和工业新区（北部生态新区）管委会']);
        expect(names(clause(22, 1)?.annotation.leads)).toEqual(['市生态环境局']);
        expect(names(clause(22, 2)?.annotation.leads)).toEqual(['市水利局', '市林业和园林局', '市生态环境局', '鹿寨县人民政府']);
      });
    });

    describe('2024 leaders’ division of work (柳政发〔2024〕7号)', () => {
      const { leaders } = structureLeaderDivision(cutDocument(bulletin, TITLE_LEADERS, /^柳州市人民政府关于\s*废止柳政规〔2022〕4号文件的通知$/u));
      const overseers = (agency: string, role: string) =>
        leaders.filter((leader) => leader.oversees.some((o) => o.role === role && o.agency.name === agency)).map((leader) => leader.name);

      it('finds the nine leaders', () => {
        expect(leaders.map((leader) => leader.name)).toEqual(['张壮', '何国烜', '张国良', '卢柳屏', '王鸿鹄', '廖剑波', '汤振国', '陈文敏', '袁东升']);
        expect(leaders.find((leader) => leader.name === '王鸿鹄')?.title).toBe('副市长');
      });

      it('knows who 分管 市工业和信息化局 and who oversees 市国资委 (written 国资委)', () => {
        expect(overseers('市工业和信息化局', '分管')).toEqual(['汤振国']);
        expect(overseers('市国资委', '分管')).toEqual(['何国烜']);
        expect(overseers('市财政局（金融办）', '协助分管')).toEqual(['何国烜']);
        expect(overseers('市财政局（金融办）', '主管')).toEqual(['张壮']);
        expect(overseers('市乡村振兴局', '协助分管')).toEqual(['张国良']);
        expect(overseers('市市场监管局（知识产权局）', '分管')).toEqual(['卢柳屏']);
      });

      it('splits 市林业和园林局 between two leaders by aspect', () => {
        const forestry = leaders.flatMap((leader) =>
          leader.oversees.filter((o) => o.agency.name === '市林业和园林局').map((o) => [leader.name, o.role, o.aspect]),
        );
        expect(forestry).toEqual([
          ['王鸿鹄', '分管', '园林'],
          ['陈文敏', '分管', '林业'],
        ]);
      });

      it('joins a list item broken by a page break (市轨道集 / 团)', () => {
        const he = leaders.find((leader) => leader.name === '何国烜');
        expect(names(he?.oversees.filter((o) => o.role === '分管').map((o) => o.agency))).toContain('市轨道集团');
        expect(names(he?.oversees.filter((o) => o.role === '分管').map((o) => o.agency))).toContain('市城建集团');
      });
    });

    describe('为民办实事 tables', () => {
      it('2024: ten rows from the standalone plan (柳政发〔2024〕4号)', () => {
        const rows = findLivelihoodRows(cutDocument(bulletin, /^2024年2月18日$/u, /^柳州市人民政府关于公布柳州市第九批\s*市级/u));
        expect(rows.map((row) => row.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(names(rows[0]?.leads)).toEqual(['市住房城乡建设局']);
        expect(names(rows[0]?.responsible)).toEqual(['各县（区）人民政府', '柳东新区管委会', '阳朔和工业新区（北部生态新区）管委会']);
        expect(names(rows[9]?.leads)).toEqual(['团市委']);
        expect(names(rows[8]?.responsible)).toEqual(['各县（区）人民政府', '市民政局', '市教育局', '团市委']);
        expect(rows[4]?.title).toBe('开展应急救护普及培训');
        // The cleaner may drop the spaces the PDF extraction put around figures.
        expect(rows[4]?.standard.replace(/\s+/g, '')).toBe('完成应急救护普及培训16万人次。');
      });

      it('2023: ten rows from the standalone plan (柳政发〔2023〕7号)', () => {
        const rows = findLivelihoodRows(cutDocument(bulletin, /^2023年2月5日$/u, TITLE_2023_TASKS));
        expect(rows.map((row) => row.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(names(rows[3]?.leads)).toEqual(['市卫生健康委']);
        expect(rows[3]?.responsible).toEqual([]);
        expect(names(rows[7]?.leads)).toEqual(['市公安局']);
        expect(names(rows[9]?.responsible)).toHaveLength(7);
      });

      it('2020: ten rows appended to the work report', () => {
        const rows = findLivelihoodRows(readSeed(REPORT_2020, prepare));
        expect(rows.map((row) => row.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        expect(names(rows[1]?.leads)).toEqual(['市体育局', '市林业和园林局']);
        expect(names(rows[9]?.leads)).toEqual(['市发展改革委', '市住房城乡建设局']);
        expect(names(rows[9]?.responsible)).toEqual(['融安县人民政府', '融水县人民政府', '三江县人民政府', '市财政局']);
        expect(rows[0]?.standard.replace(/\s+/g, '')).toBe('12月31日');
      });
    });
  });
});
