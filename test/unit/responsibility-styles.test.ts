/**
 * The responsibility grammar on the house styles of other places, one short
 * document of our own per style, read the way `kg parse` reads a file:
 * clean, then structure.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, NO_CLEAN_RULES } from '../../ingest/clean/index.ts';
import { structureTaskDivision } from '../../ingest/structure/task-division.ts';

interface Reading {
  readonly text: string;
  readonly leads: string[];
  readonly supporting: string[];
  readonly responsible: string[];
  readonly deadline: string | null;
  readonly convention: string;
  readonly inferred: boolean;
}

function read(source: string): Reading[] {
  const { text } = cleanText({ path: 'style.txt', text: source }, NO_CLEAN_RULES);
  return structureTaskDivision(text).tasks.flatMap((task) =>
    task.clauses.map((clause) => ({
      text: clause.text,
      leads: clause.annotation.leads.map((unit) => unit.name),
      supporting: clause.annotation.supporters.map((unit) => unit.name),
      responsible: clause.annotation.responsible.map((unit) => unit.name),
      deadline: clause.annotation.deadline,
      convention: clause.annotation.convention,
      inferred: clause.annotation.inferredLeads,
    })),
  );
}

describe('responsibility styles', () => {
  it('reads a marker that opens its item and labelled lines whose names are separated by spaces', () => {
    const readings = read(
      '一、发展\n\n1.【牵头单位：县发改局；配合单位：县统计局】地区生产总值增长6%左右。\n\n2.推进老城更新。\n责任单位：县住建局 县自然资源局 城关镇人民政府\n完成时限：2025年12月\n',
    );
    expect(readings.map((reading) => [reading.text, reading.leads, reading.supporting, reading.responsible])).toEqual([
      ['地区生产总值增长6%左右。', ['县发改局'], ['县统计局'], []],
      ['推进老城更新。', [], [], ['县住建局', '县自然资源局', '城关镇人民政府']],
    ]);
    expect(readings[1]?.deadline).toBe('2025年12月');
    expect(readings[1]?.convention).toBe('labelled-lines');
  });

  it('reads role words alone as labels after the item (牵头：A；配合：B。时间：…)', () => {
    const readings = read(
      '一、经济发展\n1. 新引进优质产业项目10个。牵头：经济发展和改革局；配合：招商服务中心、各村（社区）。\n2. 建成第二农贸市场。牵头：市场监管分局；配合：城市管理办公室。时间：10月底前。\n3. 开展背街小巷整治。责任：城市管理办公室；配合：各村（社区）。\n',
    );
    expect(readings.map((reading) => [reading.leads, reading.supporting, reading.responsible])).toEqual([
      [['经济发展和改革局'], ['招商服务中心', '各村（社区）'], []],
      [['市场监管分局'], ['城市管理办公室'], []],
      [[], ['各村（社区）'], ['城市管理办公室']],
    ]);
    expect(readings[1]?.deadline).toBe('10月底前');
  });

  it('reads the last item of a list numbered 一、二、, and never a web page\'s site credits as a label', () => {
    const readings = read(
      '一、甲项目。牵头单位：区教育局；责任单位：各街道办事处。\n\n二、丙项目6个。牵头单位：区民政局；责任单位：丰宁街道办事处、红云街道办事处。\n\n主办：某区人民政府办公室　承办：某区融媒体中心\n技术支持：某区大数据中心\n',
    );
    expect(readings.map((reading) => [reading.leads, reading.responsible])).toEqual([
      [['区教育局'], ['各街道办事处']],
      [['区民政局'], ['丰宁街道办事处', '红云街道办事处']],
    ]);
  });

  it('never invents a lead: a plain 负责 names responsible units, 分别负责 joint leads', () => {
    const [plain, joint] = read('1.整治背街小巷。（城管局、环卫所负责）\n2.依法行政。（各街道、各部门分别负责，年内持续推进）\n');
    expect(plain?.leads).toEqual([]);
    expect(plain?.responsible).toEqual(['城管局', '环卫所']);
    expect(joint?.leads).toEqual(['各街道', '各部门']);
  });

  it('applies a convention the document states to bare unit lists, marking those leads inferred', () => {
    const [first] = read('责任分解中，列第一位的责任单位为牵头单位。\n\n1.新增就业1万人。（县人社局、县财政局，各乡镇）\n');
    expect(first?.leads).toEqual(['县人社局']);
    expect(first?.responsible).toEqual(['县财政局', '各乡镇']);
    expect(first?.inferred).toBe(true);
  });

  it('applies a sign the document defines for its leads: ★ beside a unit, bold runs of an HTML page', () => {
    const starred = read(
      '方案中责任单位标注★的为牵头单位，未标注★的为责任单位。\n\n1.新建农田1万亩。（州农业农村局★、州财政局）\n2.建设电站。（★州发展改革委、★州能源局、各县人民政府）\n3.办好节会。（州文旅局、州财政局）\n',
    );
    expect(starred.map((reading) => [reading.leads, reading.responsible])).toEqual([
      [['州农业农村局'], ['州财政局']],
      [['州发展改革委', '州能源局'], ['各县人民政府']],
      [[], ['州文旅局', '州财政局']],
    ]);
    expect(starred[0]?.inferred).toBe(true);
    const bold = read(
      '<html><body><p>清单中责任单位加粗的为牵头单位，其余为责任单位。</p><table><tr><th>序号</th><th>重点任务</th><th>责任单位</th></tr>' +
        '<tr><td>1</td><td>建成人才公寓200套</td><td><strong>区住建局</strong><br/>区人社局</td></tr>' +
        '<tr><td>2</td><td>整治河道</td><td><b>区水务局</b>、<b>区生态环境局</b>、东山街道</td></tr></table></body></html>',
    );
    expect(bold.map((reading) => [reading.leads, reading.responsible])).toEqual([
      [['区住建局'], ['区人社局']],
      [['区水务局', '区生态环境局'], ['东山街道']],
    ]);
  });

  it('reads a closing 由… sentence of an item as its marker: 由A牵头，B参与 / 由A负责，B配合 / 由A负责', () => {
    const readings = read(
      '1.改造老旧小区45个，惠及居民1.6万户。由区住建局牵头，区财政局、各街道办事处参与。\n2.新建养老综合体6个。由区民政局负责，各街道办事处配合。\n3.配齐心理健康教师。由区教育局负责。\n4.新建公园。由此带动周边发展。\n',
    );
    expect(readings.map((reading) => [reading.leads, reading.supporting, reading.responsible])).toEqual([
      [['区住建局'], ['区财政局', '各街道办事处'], []],
      [[], ['各街道办事处'], ['区民政局']],
      [[], [], ['区教育局']],
    ]);
    expect(readings[0]?.text).toContain('惠及居民1.6万户');
  });

  it('reads a short time ending in 前 as the deadline of a marker (汛期前, 开学前)', () => {
    for (const deadline of ['汛期前', '开学前', '春节之前', '2024年汛期前']) {
      const [only] = read(`1.实施内涝治理工程。（市住建局牵头，市水利局、市城管局等配合，${deadline}）\n`);
      expect([only?.leads, only?.supporting, only?.deadline], deadline).toEqual([['市住建局'], ['市水利局', '市城管局'], deadline]);
    }
  });

  it('leaves bold text alone on a page that states no bold convention', () => {
    const [only] = read(
      '<html><body><table><tr><th>序号</th><th>重点任务</th><th>责任单位</th></tr><tr><td>1</td><td>建成公寓</td><td><b>区住建局</b>、区人社局</td></tr></table></body></html>',
    );
    expect([only?.leads, only?.responsible]).toEqual([[], ['区住建局', '区人社局']]);
  });

  it('reads leaders named by office, a labelled division line and glued labels', () => {
    const [offices, division, glued] = read(
      '1.稳增长。（分管副省长、协管副秘书长负责，省发展改革委牵头，省统计局等参与）\n' +
        '2.稳外贸。\n分管省领导：某某某\n部门分工：省商务厅牵头，海关总署某分署、各地配合。\n' +
        '3.办实事。（牵头单位：区民政局 责任单位：各街道办事处）\n',
    );
    expect([offices?.leads, offices?.supporting]).toEqual([['省发展改革委'], ['省统计局']]);
    expect([division?.leads, division?.supporting]).toEqual([['省商务厅'], ['海关总署某分署', '各地']]);
    expect([glued?.leads, glued?.responsible]).toEqual([['区民政局'], ['各街道办事处']]);
  });

  it('reads task tables in pipe, HTML (with a lead spanning two rows) and one-cell-per-line form', () => {
    const pipe = read('| 序号 | 主要任务 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|\n| 1 | 新建学校2所 | 区教育局 | 区财政局、区住建局 | 2025年8月 |\n');
    expect(pipe.map((reading) => [reading.text, reading.leads, reading.supporting, reading.deadline, reading.convention])).toEqual([
      ['新建学校2所', ['区教育局'], ['区财政局', '区住建局'], '2025年8月', 'table-row'],
    ]);
    const html = read(
      '<html><body><table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>责任单位</td></tr>' +
        '<tr><td>1</td><td>改造管网10公里</td><td rowspan="2">县住建局</td><td>城关镇</td></tr>' +
        '<tr><td>2</td><td>新建公园2处</td><td>县林业局</td></tr></table></body></html>',
    );
    expect(html.map((reading) => [reading.text, reading.leads, reading.responsible])).toEqual([
      ['改造管网10公里', ['县住建局'], ['城关镇']],
      ['新建公园2处', ['县住建局'], ['县林业局']],
    ]);
    const flattened = read('序号\n工作任务\n牵头单位\n责任单位\n完成时限\n1\n建成污水处理厂1座，日处理\n能力2万吨\n市生态环境局\n各县人民政府\n市住建局\n12月底前\n');
    expect(flattened.map((reading) => [reading.text, reading.leads, reading.responsible, reading.deadline])).toEqual([
      ['建成污水处理厂1座，日处理能力2万吨', ['市生态环境局'], ['各县人民政府', '市住建局'], '12月底前'],
    ]);
  });
});
