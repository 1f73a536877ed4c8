import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { structureLeaderDivision } from '../../ingest/structure/leader-division.ts';

const fixture = readFileSync(new URL('../fixtures/structure/leader-division.txt', import.meta.url), 'utf8');
const { leaders } = structureLeaderDivision(fixture);
const leader = (name: string) => {
  const found = leaders.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`leader ${name} not found`);
  return found;
};
const overseen = (name: string, role: string) =>
  leader(name)
    .oversees.filter((oversight) => oversight.role === role)
    .map((oversight) => oversight.agency.name);

describe('structureLeaderDivision', () => {
  it('finds one block per leader, with the title where one is written', () => {
    expect(leaders.map((block) => block.name)).toEqual(['李明', '王芳', '赵强']);
    expect(leader('李明').title).toBe('市长');
    // 王芳's title is not written at her block, but 协助王芳副市长分管工作 states it.
    expect(leader('王芳').title).toBe('副市长');
    expect(leader('赵强').title).toBeNull();
  });

  it('lists the areas a leader is responsible for', () => {
    expect(leader('李明').responsibilities).toEqual(['市人民政府全面工作', '财政（金融）', '审计']);
    expect(leader('王芳').responsibilities).toEqual(['发展改革', '园林']);
    expect(leader('赵强').responsibilities).toEqual(['协助王芳副市长分管工作', '妇女儿童工作']);
  });

  it('keeps 主管, 协助分管, 分管 and 联系 apart and restores the implied 市', () => {
    expect(overseen('李明', '主管')).toEqual(['市规划委员会', '市财政局（金融办）', '市审计局']);
    expect(overseen('王芳', '协助分管')).toEqual(['市规划委员会']);
    expect(overseen('王芳', '分管')).toEqual([
      '市发展改革委（粮食和物资储备局）',
      '市自然资源和规划局',
      '市林业和园林局',
      '市土地交易储备中心',
      '市房屋征收补偿服务中心',
    ]);
    expect(overseen('王芳', '联系')).toEqual(['五城区', '国家统计局某市调查队']);
    expect(overseen('赵强', '分管')).toEqual(['市应急管理局', '市国资委', '市红十字会']);
    expect(overseen('赵强', '联系')).toEqual(['团市委', '市妇联', '某市供电局', '各商业银行']);
  });

  it('keeps a stated aspect apart from an alternate name', () => {
    const forestry = leader('王芳').oversees.find((oversight) => oversight.agency.name === '市林业和园林局');
    expect(forestry?.aspect).toBe('园林');
    expect(forestry?.agency.written).toBe('林业和园林局');
    const reform = leader('王芳').oversees.find((oversight) => oversight.agency.written.startsWith('市发展改革委'));
    expect(reform?.aspect).toBeNull();
  });

  it('keeps the written form and a span for every overseen unit', () => {
    const stateAssets = leader('赵强').oversees.find((oversight) => oversight.agency.name === '市国资委');
    expect(stateAssets?.agency.written).toBe('国资委');
    for (const block of leaders) {
      for (const { agency } of block.oversees) {
        expect(fixture.slice(agency.span.start, agency.span.end).replace(/\s+/g, '')).toBe(agency.written);
      }
      expect(fixture.slice(block.span.start, block.span.end).replace(/\s+/g, '')).toContain(`${block.name}同志`);
    }
    // A name broken by a page break is joined again.
    expect(leader('王芳').oversees.some((oversight) => oversight.agency.written === '房屋征收补偿服务中心')).toBe(true);
  });

  it('ends the last block before the signature date', () => {
    expect(fixture.slice(leader('赵强').span.start, leader('赵强').span.end)).not.toContain('2030年');
  });

  it('reads a leader written as 副市长：name：duties on one line', () => {
    const { leaders: inline } = structureLeaderDivision('副市长 陈华：负责工业、科技等方面工作，分管市工业和信息化局、科技局。');
    expect(inline).toHaveLength(1);
    expect(inline[0]).toMatchObject({ name: '陈华', title: '副市长', responsibilities: ['工业', '科技'] });
    expect(inline[0]?.oversees.map((oversight) => oversight.agency.name)).toEqual(['市工业和信息化局', '市科技局']);
  });

  it('returns no leaders for prose without leader blocks', () => {
    expect(structureLeaderDivision('各单位要加强组织领导，主要负责同志要亲自抓。').leaders).toEqual([]);
  });
});

describe('structureLeaderDivision on arbitrary input', () => {
  it('never throws and keeps spans inside the text', () => {
    const piece = fc.constantFrom(
      '张三同志\n', '市长 李四同志\n', '负责工业等方面工作。', '分管市财政局、审计局', '，', '。', '\n', '\n\n', '联系团市委、妇联',
      '协助分管', '林业局（涉及林业方面）', '（', '）', '2030年1月1日\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join('')), (text) => {
        for (const block of structureLeaderDivision(text).leaders) {
          expect(block.span.end).toBeLessThanOrEqual(text.length);
          for (const { agency } of block.oversees) {
            expect(agency.span.start).toBeGreaterThanOrEqual(block.span.start);
            expect(agency.span.end).toBeLessThanOrEqual(block.span.end);
          }
        }
      }),
    );
  });
});

describe('structureLeaderDivision: anonymised names, 包联 lists and projects', () => {
  const facts = (text: string): string[] =>
    structureLeaderDivision(text).leaders.flatMap((block) => block.oversees.map((item) => `${block.name} ${item.role} ${item.agency.name}`));

  it('reads a masked name (X某某) like any other, in a heading and inside 协助Y某某同志分管', () => {
    const text = '区长　X某某\n主持区政府全面工作。主管区审计局。\n\n副区长　Z某某\n分管区商务局；协助X某某同志分管区发展和改革委员会。\n';
    expect(facts(text)).toEqual(['X某某 主管 区审计局', 'Z某某 分管 区商务局', 'Z某某 协助分管 区发展和改革委员会']);
  });

  it('reads `title：name　duties` lines: 常务 is part of the title, and a post held 挂职 is written in brackets before the colon', () => {
    fc.assert(
      fc.property(fc.constantFrom('旗', '县', '区', '市'), fc.constantFrom('　', ' ', ''), (level, gap) => {
        const text = `常务副${level}长：马某某${gap}负责${level}政府常务工作，分管${level}财政局，联系${level}人民法院。\n副${level}长（挂职）：郭某某${gap}协助分管${level}农牧和科技局。\n`;
        expect(structureLeaderDivision(text).leaders.map((block) => [block.name, block.title])).toEqual([
          ['马某某', `常务副${level}长`],
          ['郭某某', `副${level}长`],
        ]);
        expect(facts(text)).toEqual([`马某某 分管 ${level}财政局`, `马某某 联系 ${level}人民法院`, `郭某某 协助分管 ${level}农牧和科技局`]);
      }),
    );
  });

  it('reads 代管X as 分管 of X, without the verb in the unit', () => {
    const text = '副盟长　张某\n负责农牧业方面工作，分管盟农牧局，代管盟乡村振兴局、盟林业和草原局，联系阿拉善左旗。\n';
    expect(facts(text)).toEqual(['张某 分管 盟农牧局', '张某 分管 盟乡村振兴局', '张某 分管 盟林业和草原局', '张某 联系 阿拉善左旗']);
  });

  it('reads 包联村 / 包联村（社区） / 包联企业 / 包联镇街 lists as 联系, and a 包联项目 as no unit', () => {
    const text = '镇长：X某某\n分管财政所。\n包联村（社区）：舒家沟村、柳陂社区。\n包联企业：某某科技有限公司。\n包联镇街：万水泉镇。\n包联项目：汽车零部件产业园标准化厂房项目。\n';
    expect(facts(text)).toEqual(['X某某 分管 财政所', 'X某某 联系 舒家沟村', 'X某某 联系 柳陂社区', 'X某某 联系 某某科技有限公司', 'X某某 联系 万水泉镇']);
  });
});
