import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../ingest/structure/outline.ts';
import { structureTaskDivision } from '../../ingest/structure/task-division.ts';

const fixture = readFileSync(new URL('../fixtures/structure/task-division.txt', import.meta.url), 'utf8');
const { sections, tasks } = structureTaskDivision(fixture);
const task = (number: number) => {
  const found = tasks.find((candidate) => candidate.number === number);
  if (found === undefined) throw new Error(`task ${number} not found`);
  return found;
};
const leadsOf = (number: number) => task(number).clauses.map((clause) => clause.annotation.leads.map((lead) => lead.name));

describe('structureTaskDivision: layout', () => {
  it('finds parts and sections, with section numbering restarting in later parts', () => {
    expect(sections.map((section) => [section.ordinal, section.title, section.part])).toEqual([
      [1, '主要预期目标', '2030年工作安排'],
      [2, '壮大实体经济，夯实产业根基', '2030年工作安排'],
      [3, '推进乡村振兴，扎实推进农业农村现代化', '2030年工作安排'],
      [1, '始终坚持依法行政', '全面加强政府自身建设'],
      [1, '加强组织领导', '强化责任担当，狠抓任务落实'],
    ]);
  });

  it('numbers tasks across sections and links each to its section', () => {
    expect(tasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(tasks.map((t) => t.sectionIndex)).toEqual([0, 1, 1, 2, 2, 3]);
    expect(task(2).title).toBe('推动产业升级');
  });

  it('does not take 2.4万亩 at the start of a broken line for a task', () => {
    expect(task(4).clauses[0]?.text).toBe('巩固脱贫成果。落实帮扶机制，建设高标准农田2.4万亩。');
  });

  it('finds a task number glued after the previous annotation', () => {
    expect(task(5).title).toBe('发展县域经济');
    expect(task(4).clauses).toHaveLength(2);
  });

  it('keeps the closing part of the document out of the last task', () => {
    expect(task(6).text).toBe('深入推进依法行政。（各县区人民政府、新区管委会、市人民政府各部门分别负责，年内持续推进）');
    expect(fixture.slice(task(6).span.start, task(6).span.end)).toBe(
      '6.深入推进依法行政。（各县区人民政府、新区管委会、市人民政府各部门分别负责，年内持续推进）',
    );
  });
});

describe('structureTaskDivision: clauses', () => {
  it('cuts one clause per annotation, and only at annotations', () => {
    expect(tasks.map((t) => t.clauses.length)).toEqual([1, 3, 3, 2, 1, 1]);
    expect(task(2).clauses.map((clause) => clause.text)).toEqual([
      '推动产业升级。推进车联网先导区（二期）建设，力争产值增长10%。',
      '鼓励金融机构加大支持。',
      '加强市场监管（含知识产权保护）。',
    ]);
    expect(task(2).clauses.map((clause) => clause.ordinal)).toEqual([1, 2, 3]);
  });

  it('keeps nested brackets in agency names and does not take them for annotations', () => {
    expect(leadsOf(2)).toEqual([['市工业和信息化局'], ['市财政局（金融办）', '市科技局'], ['市场监管局（知识产权局）']]);
    expect(task(2).clauses[2]?.annotation.deadline).toBe('长期坚持');
  });

  it('reads joint leads and 负责-worded annotations', () => {
    expect(task(1).clauses[0]?.annotation.joint).toBe(true);
    expect(task(1).clauses[0]?.annotation.deadline).toBe('12月底前完成');
    const sixth = task(6).clauses[0]?.annotation;
    expect(sixth?.leads.map((lead) => lead.name)).toEqual(['各县区人民政府', '新区管委会', '市人民政府各部门']);
    expect(sixth?.joint).toBe(true);
    expect(sixth?.deadline).toBe('年内持续推进');
  });

  it('reads an annotation on its own line after its clause', () => {
    const first = task(3).clauses[0];
    expect(first?.text).toBe('加快新兴产业培育。推动新能源产业发展壮大，加快项目建设。');
    expect(first?.annotation.leads.map((lead) => lead.name)).toEqual(['市工业和信息化局']);
  });

  it('reads an annotation broken by a page break, with supporters', () => {
    const second = task(3).clauses[1]?.annotation;
    expect(second?.leads.map((lead) => lead.name)).toEqual(['市城管执法局']);
    expect(second?.supporters.map((unit) => unit.name)).toEqual(['市住房城乡建设局', '市公安局']);
    expect(second?.deadline).toBe('年内持续推进');
    expect(leadsOf(4)[0]).toEqual(['市乡村振兴局', '市农业农村局', '市人力资源社会保障局']);
    expect(task(4).clauses[0]?.annotation.joint).toBe(true);
  });

  it('reads half-width annotations on their own line', () => {
    expect(task(3).clauses[2]?.text).toBe('强化秸秆禁烧管控。');
    expect(leadsOf(3)[2]).toEqual(['市生态环境局']);
  });

  it('keeps every span pointing at its text', () => {
    for (const t of tasks) {
      for (const clause of t.clauses) {
        expect(fixture.slice(clause.span.start, clause.span.end).replace(/\s+/g, '')).toBe(clause.text);
        expect(clause.span.end).toBeLessThanOrEqual(clause.annotation.span.start);
        for (const lead of clause.annotation.leads) {
          expect(fixture.slice(lead.span.start, lead.span.end).replace(/\s+/g, '')).toBe(lead.written);
        }
      }
    }
    for (const section of sections) expect(fixture.slice(section.span.start, section.span.start + 1)).toMatch(/[（(]/);
  });

  it('returns nothing for a document without tasks', () => {
    expect(structureTaskDivision('关于做好某项工作的通知\n\n一、总体要求\n\n各单位要（按职责）抓好落实。')).toEqual({
      sections: [],
      tasks: [],
    });
  });
});

describe('parseChineseNumber', () => {
  it('reads the numerals of headings', () => {
    expect(['一', '九', '十', '十三', '二十', '二十一'].map(parseChineseNumber)).toEqual([1, 9, 10, 13, 20, 21]);
  });
});

describe('structureTaskDivision on arbitrary input', () => {
  it('never throws and keeps every span inside the text and in order', () => {
    const piece = fc.constantFrom(
      '\n', '\n\n', '1.', '2.', '3.', '一、', '（一）', '(二)', '推进工作。', '（市财政局牵头，12月底前完成）', '（二期）',
      '〔市财政局（金融办）牵头〕', '（市城管\n执法局牵头）', '（', '）', '2030年1月1日\n', '抄送：',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join('')), (text) => {
        const { sections, tasks } = structureTaskDivision(text);
        for (const section of sections) expect(section.span.end).toBeLessThanOrEqual(text.length);
        let previousEnd = 0;
        for (const t of tasks) {
          expect(t.span.start).toBeGreaterThanOrEqual(previousEnd);
          expect(t.span.end).toBeLessThanOrEqual(text.length);
          for (const clause of t.clauses) {
            expect(clause.span.start).toBeGreaterThanOrEqual(t.span.start);
            expect(clause.annotation.span.end).toBeLessThanOrEqual(t.span.end);
            expect(clause.annotation.leads.length).toBeGreaterThan(0);
          }
          previousEnd = t.span.end;
        }
      }),
    );
  });
});

describe('structureTaskDivision: blocks of labelled lines exported from a system', () => {
  type Item = readonly [id: string, content: string, lead: string, coop: string, due: string];
  const block = (colon: () => string, [id, content, lead, coop, due]: Item) =>
    [`任务编号${colon()}${id}`, `任务内容${colon()}${content}`, `牵头单位${colon()}${lead}`, `协办单位${colon()}${coop}`, `完成时间${colon()}${due}`, `当前状态${colon()}推进中`].join('\n');
  const items: readonly Item[] = [
    ['QX-01', '建设城市应急物资储备库', '区应急管理局', '区财政局；各镇人民政府', '2021年10月31日'],
    ['QX-02', '新增公办学位3000个', '区教育局', '', '2021年9月1日'],
  ];

  it('makes one task per 任务内容 line, with the units and deadline of the lines below it', () => {
    const text = ['某区重点工作督办清单（系统导出）', '', ...items.map((item) => block(() => ':', item) + '\n')].join('\n');
    const { tasks: found } = structureTaskDivision(text);
    expect(found.map((t) => [t.number, t.title])).toEqual([
      [1, '建设城市应急物资储备库'],
      [2, '新增公办学位3000个'],
    ]);
    const annotation = found[0]?.clauses[0]?.annotation;
    expect(annotation?.leads.map((unit) => unit.name)).toEqual(['区应急管理局']);
    expect(annotation?.supporters.map((unit) => unit.name)).toEqual(['区财政局', '各镇人民政府']);
    expect(annotation?.deadline).toBe('2021年10月31日');
    expect(found[1]?.clauses[0]?.annotation.supporters).toEqual([]);
  });

  it('reads the same tasks whether each label ends in an ASCII or a full-width colon', () => {
    const reference = structureTaskDivision(items.map((item) => block(() => '：', item)).join('\n\n')).tasks.map((t) => [t.title, t.clauses[0]?.annotation.leads.map((u) => u.name)]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(':', '：', ': ', '： '), { minLength: 12, maxLength: 12 }), (colons) => {
        let next = 0;
        const colon = () => colons[next++ % colons.length] ?? ':';
        const text = items.map((item) => block(colon, item)).join('\n\n');
        expect(structureTaskDivision(text).tasks.map((t) => [t.title, t.clauses[0]?.annotation.leads.map((u) => u.name)])).toEqual(reference);
      }),
    );
  });

  it('does not open a second task at a content label right under a numbered item', () => {
    const text = '1.推进老旧小区改造\n工作内容：改造小区40个\n牵头单位：区住建局\n完成时限：2021年12月底';
    expect(structureTaskDivision(text).tasks.map((t) => t.number)).toEqual([1]);
  });
});

describe('structureTaskDivision: bullet items in a list that numbers none', () => {
  const items = [
    ['新建城区幼儿园一所', '（责任单位：区教育局）'],
    ['改造农村户厕3000座', '（牵头单位：区农业农村局；责任单位：各乡镇人民政府）'],
    ['建设健身步道8公里', '（牵头单位：区林业和草原局，配合单位：区文化和旅游局）'],
  ] as const;
  const read = (text: string) => structureTaskDivision(text).tasks.map((t) => [t.number, t.title, t.clauses[0]?.annotation.leads.map((u) => u.name), t.clauses[0]?.annotation.responsible.map((u) => u.name)]);

  it('makes each bullet line an item, whatever the bullet sign', () => {
    const expected = [
      [1, '新建城区幼儿园一所', [], ['区教育局']],
      [2, '改造农村户厕3000座', ['区农业农村局'], ['各乡镇人民政府']],
      [3, '建设健身步道8公里', ['区林业和草原局'], []],
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom('▲', '●', '◆', '■', '★', '•'), { minLength: 3, maxLength: 3 }), fc.constantFrom('', '　　', ' '), (signs, indent) => {
        const text = ['某区公布十件实事', '日前，某区公布实事如下：', ...items.map(([body, marker], index) => `${indent}${signs[index]}${body}${marker}`), '据了解，其余实事将细化分解。'].join('\n');
        expect(read(text)).toEqual(expected);
      }),
    );
  });

  it('leaves bullets under numbered items as parts of their item', () => {
    const text = ['1.推进乡村建设。', '▲改造农村户厕3000座（区农业农村局牵头）', '▲建设健身步道8公里（区林业和草原局牵头）', '2.扩大就业。（区人社局牵头）'].join('\n');
    expect(structureTaskDivision(text).tasks.map((t) => [t.number, t.clauses.length])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });
});
