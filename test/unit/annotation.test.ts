import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLeadAnnotations, parseLeadAnnotation } from '../../ingest/structure/annotation.ts';

/** Parses a whole bracketed annotation that starts at `at` in a document. */
function parseBracketed(bracketed: string, at = 0) {
  return parseLeadAnnotation(bracketed.slice(1, -1), { start: at, end: at + bracketed.length });
}

describe('parseLeadAnnotation', () => {
  it('reads a bracket whose labels open with the deadline, in any order of the labels after it', () => {
    const labels = ['牵头单位：区住建局', '责任单位：各街道办事处', '配合单位：区财政局'];
    fc.assert(
      fc.property(fc.shuffledSubarray(labels, { minLength: 1 }), fc.constantFrom('；', ';'), (chosen, separator) => {
        const annotation = parseBracketed(`（${['完成时限：2021年10月底前', ...chosen].join(separator)}）`);
        const want = (label: string): string[] => (chosen.some((item) => item.startsWith(label)) ? [labels.find((item) => item.startsWith(label))?.slice(5) ?? ''] : []);
        return (
          annotation !== null &&
          annotation.deadline === '2021年10月底前' &&
          annotation.leads.map((unit) => unit.name).join() === want('牵头').join() &&
          annotation.responsible.map((unit) => unit.name).join() === want('责任').join() &&
          annotation.supporters.map((unit) => unit.name).join() === want('配合').join()
        );
      }),
    );
    // A deadline alone, or a time that is no label, is still no marker.
    expect(parseBracketed('（完成时限：2021年10月底前）')).toBeNull();
    expect(parseBracketed('（2021年10月底前，区住建局牵头）')).toBeNull();
  });

  it('splits bare role and time labels separated only by spaces (牵头：A　配合：B，C　时限：…)', () => {
    const leads = ['区文化和旅游局', '县交通运输局'];
    const supporters = [['官庄镇人民政府', '下营镇人民政府'], ['县财政局'], ['区生态环境局', '各乡镇人民政府']];
    fc.assert(
      fc.property(
        fc.constantFrom(...leads),
        fc.constantFrom(...supporters),
        fc.constantFrom('\u3000', ' ', '  ', ''),
        fc.constantFrom('，', '、', '/'),
        fc.option(fc.constantFrom('2020年底', '上半年', '三季度末'), { nil: undefined }),
        (lead, supporting, gap, comma, deadline) => {
          const parts = [`牵头：${lead}`, `配合：${supporting.join(comma)}`, ...(deadline === undefined ? [] : [`时限：${deadline}`])];
          const annotation = parseBracketed(`（${parts.join(gap)}）`);
          return (
            annotation !== null &&
            annotation.leads.map((unit) => unit.name).join() === lead &&
            annotation.supporters.map((unit) => unit.name).join() === supporting.join() &&
            (annotation.deadline ?? undefined) === deadline
          );
        },
      ),
    );
    // A longer label keeps its whole name: 总牵头 is still a lead label, not 总 + 牵头.
    expect(parseBracketed('（总牵头：县发改局　配合：县财政局）')?.leads.map((unit) => unit.name)).toEqual(['县发改局']);
  });

  it('reads one lead and a deadline', () => {
    const annotation = parseBracketed('（市工业和信息化局牵头，12月底前完成当年任务）');
    expect(annotation?.leads.map((lead) => lead.name)).toEqual(['市工业和信息化局']);
    expect(annotation?.joint).toBe(false);
    expect(annotation?.deadline).toBe('12月底前完成当年任务');
    expect(annotation?.supporters).toEqual([]);
  });

  it('gives a unit list without a verb, closed by a comma, the verb of the list after it', () => {
    const annotation = parseBracketed('（省发展改革委、财政厅牵头；省国土资源厅、林业厅，各州、市人民政府配合）');
    expect(annotation?.leads.map((lead) => lead.name)).toEqual(['省发展改革委', '省财政厅']);
    expect(annotation?.supporters.map((unit) => unit.name)).toEqual(['省国土资源厅', '省林业厅', '各州、市人民政府']);
    expect(parseBracketed('（市财政局、市统计局，各县区政府按职责分工负责）')?.responsible.map((unit) => unit.name)).toEqual(['市财政局', '市统计局', '各县区政府']);
    // A remark is still no marker.
    expect(parseBracketed('（二期，完成100个以上）')).toBeNull();
  });

  it('reads joint leads (按职责分别牵头)', () => {
    const annotation = parseBracketed('（市发展改革委、市科技局按职责分别牵头，12月底前完成）');
    expect(annotation?.leads.map((lead) => lead.name)).toEqual(['市发展改革委', '市科技局']);
    expect(annotation?.joint).toBe(true);
    expect(annotation?.deadline).toBe('12月底前完成');
  });

  it('reads 分别负责 annotations', () => {
    const annotation = parseBracketed('（各县区人民政府、新区管委会、市人民政府各部门分别负责，年内持续推进）');
    expect(annotation?.leads.map((lead) => lead.name)).toEqual(['各县区人民政府', '新区管委会', '市人民政府各部门']);
    expect(annotation?.joint).toBe(true);
    expect(annotation?.deadline).toBe('年内持续推进');
  });

  it('reads a plain 负责 annotation without a deadline as responsible units, never an invented lead', () => {
    const annotation = parseBracketed('（市人民政府各部门负责）');
    expect(annotation?.leads).toEqual([]);
    expect(annotation?.responsible.map((unit) => unit.name)).toEqual(['市人民政府各部门']);
    expect(annotation?.joint).toBe(false);
    expect(annotation?.deadline).toBeNull();
  });

  it('keeps the brackets of an agency name inside a lead', () => {
    const annotation = parseBracketed('〔市财政局（金融办）、市科技局按职责分别牵头，12月底前完成当年任务〕');
    expect(annotation?.leads.map((lead) => lead.written)).toEqual(['市财政局（金融办）', '市科技局']);
    const nested = parseBracketed('（市财政局（金融办）牵头，12月底前完成当年任务）');
    expect(nested?.leads.map((lead) => lead.written)).toEqual(['市财政局（金融办）']);
  });

  it('names supporting units', () => {
    const annotation = parseBracketed('（市发展改革委牵头，市财政局、审计局配合，6月底前完成）');
    expect(annotation?.leads.map((lead) => lead.name)).toEqual(['市发展改革委']);
    expect(annotation?.supporters.map((unit) => unit.name)).toEqual(['市财政局', '市审计局']);
    expect(annotation?.deadline).toBe('6月底前完成');
  });

  it('reads labelled annotations', () => {
    const annotation = parseBracketed('（牵头单位：市教育局；配合单位：市财政局；完成时限：长期坚持）');
    expect(annotation?.leads.map((lead) => lead.name)).toEqual(['市教育局']);
    expect(annotation?.supporters.map((unit) => unit.name)).toEqual(['市财政局']);
    expect(annotation?.deadline).toBe('长期坚持');
  });

  it('tolerates the source typo 按牵头 and half-width punctuation', () => {
    expect(parseBracketed('（市重点办按牵头，12月底前完成当年任务）')?.leads.map((lead) => lead.name)).toEqual(['市重点办']);
    const halfWidth = parseBracketed('(市生态环境局牵头,12月底前完成当年任务)');
    expect(halfWidth?.leads.map((lead) => lead.name)).toEqual(['市生态环境局']);
    expect(halfWidth?.deadline).toBe('12月底前完成当年任务');
  });

  it('reads across a line break left by a page break, with document spans', () => {
    const document = '促进增收。（市农业农村局、市人力资源社会保障局按\n\n职责分别牵头，12月底前完成当年任务）';
    const open = document.indexOf('（');
    const annotation = parseLeadAnnotation(document.slice(open + 1, -1), { start: open, end: document.length });
    expect(annotation?.joint).toBe(true);
    expect(annotation?.text).toBe('市农业农村局、市人力资源社会保障局按职责分别牵头，12月底前完成当年任务');
    expect(annotation?.span).toEqual({ start: open, end: document.length });
    for (const lead of annotation?.leads ?? []) {
      expect(document.slice(lead.span.start, lead.span.end)).toBe(lead.written);
    }
  });

  it('accepts a span of the inner text only', () => {
    const inner = '市商务局牵头，12月底前完成当年任务';
    const annotation = parseLeadAnnotation(inner, { start: 10, end: 10 + inner.length });
    expect(annotation?.leads[0]?.span).toEqual({ start: 10, end: 14 });
  });

  it('returns null for brackets that are not annotations', () => {
    for (const inner of ['二期', '金融办', '完成100个以上', '各县区负责组织实施的项目除外', '含知识产权保护', '间', '']) {
      expect(parseLeadAnnotation(inner, { start: 0, end: inner.length + 2 })).toBeNull();
    }
  });
});

describe('findLeadAnnotations', () => {
  it('finds annotations in order and skips remarks and alternate names', () => {
    const text =
      '推进车联网先导区（二期）建设。（市大数据发展局牵头，12月底前完成当年任务）加强市场监管（含知识产权保护）。（市场监管局（知识产权局）牵头，长期坚持）';
    const found = findLeadAnnotations(text);
    expect(found.map((annotation) => annotation.leads.map((lead) => lead.written))).toEqual([
      ['市大数据发展局'],
      ['市场监管局（知识产权局）'],
    ]);
    for (const annotation of found) {
      expect(text[annotation.span.start]).toBe('（');
      expect(text[annotation.span.end - 1]).toBe('）');
    }
  });

  it('ignores an unclosed bracket and still finds the annotation after it', () => {
    const text = '建设项目（二期，加快推进。（市发展改革委牵头，12月底前完成当年任务）';
    expect(findLeadAnnotations(text).map((annotation) => annotation.leads[0]?.name)).toEqual(['市发展改革委']);
  });
});

describe('labels that give no role, and 责任主体', () => {
  it('reads no unit under 数据提供单位 or 督办单位, however the label is separated from the list before it', () => {
    const annotation = parseBracketed('（牵头领导：X某某，牵头单位：区发改局，责任单位：区住建交局；数据提供单位：区统计局）');
    expect(annotation?.leads.map((lead) => lead.name)).toEqual(['区发改局']);
    expect(annotation?.responsible.map((unit) => unit.name)).toEqual(['区住建交局']);
    const lines = findLeadAnnotations('1.新建学校7所。\n责任领导：X某某　　责任单位：市教育局（牵头）、市财政局　　督办单位：市政府督查室\n');
    expect(lines[0]?.leads.map((lead) => lead.name)).toEqual(['市教育局']);
    expect(lines[0]?.responsible.map((unit) => unit.name)).toEqual(['市财政局']);
  });

  it('reads a label right after an item name and its colon (● 名称：责任单位：…), never a label that is no unit label', () => {
    fc.assert(
      fc.property(fc.constantFrom('● ', '', '1.'), fc.constantFrom('责任单位', '牵头单位'), fc.constantFrom('：', ':'), (opening, label, colon) => {
        const found = findLeadAnnotations(`${opening}旅游公路提升${colon}${label}：元阳县、红河县人民政府，时限：2021年10月。\n`);
        const units = found.flatMap((annotation) => [...annotation.leads, ...annotation.responsible]).map((unit) => unit.name);
        expect(units).toEqual(['元阳县人民政府', '红河县人民政府']);
      }),
    );
    expect(findLeadAnnotations('● 旅游公路提升：建设内容：改造公路20公里。\n')).toEqual([]);
  });

  it('reads a 责任主体 line as responsible units, next to 责任部门 (responsible) and 协同部门 (supporting)', () => {
    const found = findLeadAnnotations('1.推进产业集群建设。\n责任部门：市工业和信息化局\n协同部门：市财政局\n责任主体：各县（市、区）政府\n');
    expect(found).toHaveLength(1);
    expect(found[0]?.leads).toEqual([]);
    expect(found[0]?.responsible.map((unit) => unit.name)).toEqual(['市工业和信息化局', '各县（市、区）政府']);
    expect(found[0]?.supporters.map((unit) => unit.name)).toEqual(['市财政局']);
  });
});

describe('labels in brackets, each followed by its value (【牵头单位】A)', () => {
  const roles = (text: string) =>
    findLeadAnnotations(text).map((annotation) => ({
      leads: annotation.leads.map((unit) => unit.name),
      supporters: annotation.supporters.map((unit) => unit.name),
      responsible: annotation.responsible.map((unit) => unit.name),
      leaders: annotation.leaders,
      deadline: annotation.deadline,
    }));

  it('reads a run glued after the sentence as one marker, the leader as no unit', () => {
    const text = '1.推进港航枢纽建设。【责任领导】吴某某【牵头单位】市交通运输局【配合单位】市商务局、市财政局【完成时限】2023年12月\n2.新建高标准农田。【责任单位】市农业农村局（市乡村振兴局）';
    expect(roles(text)).toEqual([
      { leads: ['市交通运输局'], supporters: ['市商务局', '市财政局'], responsible: [], leaders: ['吴某某'], deadline: '2023年12月' },
      { leads: [], supporters: [], responsible: ['市农业农村局（市乡村振兴局）'], leaders: [], deadline: null },
    ]);
    const [first] = findLeadAnnotations(text);
    expect(text.slice(first?.span.start, first?.span.end)).toBe('【责任领导】吴某某【牵头单位】市交通运输局【配合单位】市商务局、市财政局【完成时限】2023年12月');
  });

  it('leaves a bracketed word that is no label alone', () => {
    expect(findLeadAnnotations('【典型案例】市财政局推进预算改革。')).toEqual([]);
  });

  it('reads the same roles as the colon-labelled marker, whatever brackets hold the labels', () => {
    const labels = [
      ['牵头单位', '区发改局'],
      ['配合单位', '区财政局、区统计局'],
      ['完成时限', '2024年6月底前'],
    ] as const;
    const reference = roles(`推进工作。（${labels.map(([label, value]) => `${label}：${value}`).join('；')}）`);
    fc.assert(
      fc.property(fc.constantFrom(['【', '】'], ['[', ']']), fc.subarray([0, 1, 2], { minLength: 1 }), ([open, shut], kept) => {
        const chosen = kept.map((index) => labels[index]!);
        const expected = roles(`推进工作。（${chosen.map(([label, value]) => `${label}：${value}`).join('；')}）`);
        expect(roles(`推进工作。${chosen.map(([label, value]) => `${open}${label}${shut}${value}`).join('')}`)).toEqual(expected);
        if (chosen.length === labels.length) expect(expected).toEqual(reference);
      }),
    );
  });
});

describe('a lead named after the unit list (责任单位：A、B、C，A为牵头单位)', () => {
  const roles = (bracketed: string) => {
    const annotation = parseBracketed(bracketed);
    return { leads: annotation?.leads.map((unit) => unit.name), responsible: annotation?.responsible.map((unit) => unit.name), deadline: annotation?.deadline };
  };

  it('makes the named unit the lead and the other listed units responsible', () => {
    expect(roles('（责任单位：区工业和信息化局、区发展和改革局、区能源局，区工业和信息化局为牵头单位；完成时限：2022年12月）')).toEqual({
      leads: ['区工业和信息化局'],
      responsible: ['区发展和改革局', '区能源局'],
      deadline: '2022年12月',
    });
    expect(roles('（责任单位：区乡村振兴局、各乡（镇）人民政府，其中区乡村振兴局为牵头部门）').leads).toEqual(['区乡村振兴局']);
  });

  it('names the same roles wherever the named lead stands in the list, and whatever its label says', () => {
    const units = ['区财政局', '区统计局', '区税务局', '区商务局'];
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.nat(), fc.constantFrom('为牵头单位', '为牵头部门', '为主办单位'), fc.constantFrom('，', '；'), (count, pick, words, separator) => {
        const listed = units.slice(0, count);
        const lead = listed[pick % count] as string;
        expect(roles(`（责任单位：${listed.join('、')}${separator}${lead}${words}）`)).toEqual({
          leads: [lead],
          responsible: listed.filter((unit) => unit !== lead),
          deadline: null,
        });
      }),
    );
  });
});

describe('a last clause after a comma that names the units (…，由A负责，B配合。)', () => {
  const roles = (text: string) =>
    findLeadAnnotations(text).map((annotation) => [
      annotation.leads.map((unit) => unit.name),
      annotation.responsible.map((unit) => unit.name),
      annotation.supporters.map((unit) => unit.name),
    ]);

  it('reads it as the marker of the sentence, as after a full stop', () => {
    expect(roles('三、农贸市场提质。改造提升城区农贸市场4个，由区市场监督管理局负责，区商务局配合。')).toEqual([[[], ['区市场监督管理局'], ['区商务局']]]);
    const text = '三、农贸市场提质。改造提升城区农贸市场4个，由区市场监督管理局负责，区商务局配合。';
    const [marker] = findLeadAnnotations(text);
    expect(text.slice(marker?.span.start, marker?.span.end)).toBe('由区市场监督管理局负责，区商务局配合。');
  });

  it('reads the same units after a comma as after a full stop, whatever the verbs', () => {
    fc.assert(
      fc.property(fc.constantFrom('牵头', '负责'), fc.constantFrom('配合', '参与', '协办'), fc.constantFrom('，', ','), (leadVerb, helpVerb, comma) => {
        const stop = '。';
        const tail = `由区民政局${leadVerb}${comma}区财政局、各街道办事处${helpVerb}${stop}`;
        expect(roles(`改造养老服务站4个${comma}${tail}`)).toEqual(roles(`改造养老服务站4个${stop}${tail}`));
        expect(roles(`改造养老服务站4个${comma}${tail}`)).toHaveLength(1);
      }),
    );
  });

  it('leaves a clause that only says who coordinates it, with no unit list closed by a verb', () => {
    expect(roles('建设智慧停车场，由市政府负责统筹协调，确保年内建成。')).toEqual([]);
  });
});
