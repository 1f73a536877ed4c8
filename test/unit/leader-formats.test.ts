/**
 * Leaders' divisions of work in the forms other places publish them: title
 * first or last, glued to the duties, labelled lines, tables, adjustment
 * notices and passive news sentences. The texts are written for the tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mentionAtStart, readHeadingLine } from '../../ingest/structure/leader-mentions.ts';
import { structureLeaderDivision } from '../../ingest/structure/leader-division.ts';

/** `name role:agency` for every oversight, in order. */
function facts(text: string): string[] {
  return structureLeaderDivision(text).leaders.flatMap((leader) =>
    leader.oversees.map((oversight) => `${leader.name} ${oversight.role}:${oversight.agency.written}`),
  );
}

describe('leader headings', () => {
  it('reads name and title in either order, spaced, glued or with a colon', () => {
    expect(readHeadingLine('陈某华常务副市长')).toMatchObject({ name: '陈某华', title: '常务副市长', restAt: null });
    expect(readHeadingLine('　　自治区常务副主席　农某平')).toMatchObject({ name: '农某平', title: '自治区常务副主席' });
    expect(readHeadingLine('三、副区长　蓝某（挂职）')).toMatchObject({ name: '蓝某', title: '副区长' });
    expect(readHeadingLine('党委委员、副镇长：莫某玲')).toMatchObject({ name: '莫某玲', title: '副镇长' });
    expect(readHeadingLine('陆某新　区长')).toMatchObject({ name: '陆某新', title: '区长' });
    expect(readHeadingLine('自治区人民政府秘书长　罗某')).toMatchObject({ name: '罗某', title: '自治区人民政府秘书长' });
    // Offices beside the title end with an office word: the surname after them is the name's.
    expect(readHeadingLine('七、副县长、县公安局局长高某某：负责公安工作。')).toMatchObject({ name: '高某某', title: '副县长' });
    expect(readHeadingLine('副市长、市公安局党委书记、局长　韦某')).toMatchObject({ name: '韦某', title: '副市长' });
    expect(readHeadingLine('副县长（挂职）：黄某')).toMatchObject({ name: '黄某', title: '副县长' });
    // A zone's committee is led by its 主任.
    expect(readHeadingLine('党工委书记、管委会主任　马某某')).toMatchObject({ name: '马某某', title: '管委会主任' });
    expect(readHeadingLine('管委会常务副主任　丁某')).toMatchObject({ name: '丁某', title: '管委会常务副主任' });
    expect(readHeadingLine('办公室主任　李某')).toBeNull();
    const inline = '梁某川市长：领导市人民政府全面工作。';
    const heading = readHeadingLine(inline);
    expect(heading).toMatchObject({ name: '梁某川', title: '市长' });
    expect(inline.slice(heading?.restAt ?? 0)).toBe('领导市人民政府全面工作。');
  });

  it('does not take prose or a title alone for a heading', () => {
    expect(readHeadingLine('副市长协助市长工作。')).toBeNull();
    expect(readHeadingLine('关于调整副市长分工的通知')).toBeNull();
    expect(readHeadingLine('各副县长要按照分工抓好落实')).toBeNull();
    expect(mentionAtStart('副市长协助市长工作')).toBeNull();
    expect(mentionAtStart('主要负责同志要亲自抓')).toBeNull();
  });

  it('reads a leader glued to the duties that follow', () => {
    expect(mentionAtStart('常务副省长李某负责省人民政府常务工作')).toMatchObject({ name: '李某', title: '常务副省长' });
    expect(mentionAtStart('副省长周某林负责住房和城乡建设')).toMatchObject({ name: '周某林' });
    expect(mentionAtStart('张某华副县长不再分管县林业局')).toMatchObject({ name: '张某华', title: '副县长' });
    expect(mentionAtStart('新任副区长陆某刚接手原由罗某丽分管的区城市管理局')).toMatchObject({ name: '陆某刚', title: '副区长' });
  });

  it('finds a generated heading in any of its written forms', () => {
    const title = fc.constantFrom('省长', '副省长', '常务副市长', '副区长', '县长', '副县长', '镇长', '乡长', '秘书长', '自治区副主席');
    const name = fc.constantFrom('王某', '李某华', '欧阳某峰', '覃某');
    const form = fc.constantFrom(
      (n: string, t: string) => `${n}${t}`,
      (n: string, t: string) => `${t}\u3000${n}`,
      (n: string, t: string) => `${t}：${n}`,
      (n: string, t: string) => `${n}\u3000${t}`,
      (n: string, t: string) => `二、${t} ${n}`,
    );
    fc.assert(
      fc.property(name, title, form, (n, t, write) => {
        expect(readHeadingLine(write(n, t))).toMatchObject({ name: n, title: t });
      }),
    );
  });
});

describe('structureLeaderDivision in other places’ formats', () => {
  it('reads title-first blocks with labelled lines, keeping 协助分管 apart from 分管', () => {
    const text = [
      '一、区长　刘某',
      '主持区人民政府全面工作。',
      '分管：区审计局。',
      '二、常务副区长　潘某林',
      '分管单位：区财政局、区统计局',
      '协助分管：区发展和改革局（重大项目前期工作）',
      '联系单位：区人武部，国家税务总局某区税务局',
    ].join('\n');
    expect(facts(text)).toEqual([
      '刘某 分管:区审计局',
      '潘某林 分管:区财政局',
      '潘某林 分管:区统计局',
      '潘某林 协助分管:区发展和改革局',
      '潘某林 联系:区人武部',
      '潘某林 联系:国家税务总局某区税务局',
    ]);
    const deputy = structureLeaderDivision(text).leaders.find((leader) => leader.name === '潘某林');
    expect(deputy?.oversees.find((oversight) => oversight.role === '协助分管')?.aspect).toBe('重大项目前期');
  });

  it('reads paragraphs that open with a glued title and name, lists split by 、 ， 及 and 和', () => {
    const text =
      '　　省长吴某领导省人民政府全面工作。分管省财政厅、省审计厅。\n' +
      '　　副省长周某林负责交通运输方面工作。分管省交通运输厅，省住房城乡建设厅及省人防办；联系省科协和湖南农业大学。\n';
    expect(facts(text)).toEqual([
      '吴某 分管:省财政厅',
      '吴某 分管:省审计厅',
      '周某林 分管:省交通运输厅',
      '周某林 分管:省住房城乡建设厅',
      '周某林 分管:省人防办',
      '周某林 联系:省科协',
      '周某林 联系:湖南农业大学',
    ]);
  });

  it('drops a closing collective after 等 and keeps names that hold 和', () => {
    expect(facts('韦某副市长\n分管市发展和改革委员会、市文化广电和旅游局。\n联系某市海关，某某汽车有限公司等驻市企业。')).toEqual([
      '韦某 分管:市发展和改革委员会',
      '韦某 分管:市文化广电和旅游局',
      '韦某 联系:某市海关',
      '韦某 联系:某某汽车有限公司',
    ]);
  });

  it('reads a tab table of 姓名 | 职务 | 工作分工 | 分管单位 | 联系单位', () => {
    const text = [
      '某县人民政府领导班子成员工作分工一览表',
      '姓名\t职务\t工作分工\t分管单位\t联系单位',
      '覃某\t县长\t主持县人民政府全面工作\t县审计局\t',
      '韦某\t副县长（挂任）\t协助负责工业园区工作\t协助分管县工业和信息化局\t某县工业园区管委会',
      '',
      '某县人民政府办公室',
    ].join('\n');
    expect(facts(text)).toEqual(['覃某 分管:县审计局', '韦某 协助分管:县工业和信息化局', '韦某 联系:某县工业园区管委会']);
    expect(structureLeaderDivision(text).leaders.map((leader) => leader.title)).toEqual(['县长', '副县长（挂任）']);
  });

  it('reads an adjustment notice: 不再分管 is dropped, 原由…分管的 is reassigned, the last 由 names the holder', () => {
    const text = [
      '某县人民政府关于调整县人民政府领导工作分工的通知',
      '　　经研究，决定对县人民政府领导工作分工作如下调整：',
      '　　一、张某副县长不再分管县林业局，改为分管县自然资源局，联系县城投集团。',
      '　　二、原由张某副县长分管的县林业局、县水利局，调整由新任副县长覃某雯分管；覃某雯同志同时联系县气象局。',
      '　　三、县教育局由莫某副县长分管调整为由何某生副县长分管。',
      '　　四、县政府办公室主任黄某协助县长处理日常事务，分管县档案馆。',
      '某县人民政府',
      '2024年5月20日',
    ].join('\n');
    expect(facts(text)).toEqual([
      '张某 分管:县自然资源局',
      '张某 联系:县城投集团',
      '覃某雯 分管:县林业局',
      '覃某雯 分管:县水利局',
      '覃某雯 联系:县气象局',
      '何某生 分管:县教育局',
    ]);
  });

  it('reassigns what a departing leader 原分管的 / 原联系的, named just before, to the leader the next clause names', () => {
    const text = [
      '某市人民政府关于调整市政府领导工作分工的通知',
      '　　因工作变动，高某某同志不再担任市人民政府副市长职务。现将分工调整如下：',
      '　　一、高某某同志原分管的市交通运输局、市水利局，调整由副市长白某分管。',
      '　　二、高某某同志原联系的某市城投集团，调整由副市长白某联系。',
      '某市人民政府',
      '2024年5月13日',
    ].join('\n');
    expect(facts(text)).toEqual(['白某 分管:市交通运输局', '白某 分管:市水利局', '白某 联系:某市城投集团']);
  });

  it('reads the reassignment the same whether the earlier holder is written after 原由 or before 原', () => {
    fc.assert(
      fc.property(fc.constantFrom('分管', '联系'), fc.subarray(['市林业局', '市水利局', '市商务局'], { minLength: 1 }), fc.boolean(), (role, units, holderFirst) => {
        const held = holderFirst ? `高某某同志原${role}的` : `原由高某某副市长${role}的`;
        const text = `某市调整领导分工的通知\n\u3000\u3000一、${held}${units.join('、')}，调整由副市长白某${role}。\n`;
        expect(facts(text)).toEqual(units.map((unit) => `白某 ${role}:${unit}`));
      }),
    );
  });

  it('reads passive news sentences, 其 and a title that names one leader', () => {
    const text =
      '　　会议明确，区长孙某继续主持区人民政府全面工作，区审计局仍由区长直接分管。' +
      '区财政局、区统计局由常务副区长黄某文分管；区税务局由黄某文联系。' +
      '教育、民政等社会事业继续由副区长罗某丽负责，区教育局、区民政局归其分管，区妇联由其联系。' +
      '区农业农村局在乡村振兴有关工作上由挂职副区长吴某协助分管。';
    expect(facts(text)).toEqual([
      '孙某 分管:区审计局',
      '黄某文 分管:区财政局',
      '黄某文 分管:区统计局',
      '黄某文 联系:区税务局',
      '罗某丽 分管:区教育局',
      '罗某丽 分管:区民政局',
      '罗某丽 联系:区妇联',
      '吴某 协助分管:区农业农村局',
    ]);
    const wu = structureLeaderDivision(text).leaders.find((leader) => leader.name === '吴某');
    expect(wu?.oversees[0]?.aspect).toBe('乡村振兴');
  });

  it('reads bracketed and colon titles, compound labels, 协管 and 负责联系', () => {
    const text = [
      '殷某同志：主持市政府全面工作。主管市审计局。',
      '张某某（常务副市长）：负责发展改革方面工作。分管市发展改革委、市财政局；负责联系市税务局。',
      '李某：副市长',
      '分管部门和单位：市教育局、市卫生健康委',
      '协管：市体育局',
    ].join('\n');
    expect(facts(text)).toEqual([
      '殷某 主管:市审计局',
      '张某某 分管:市发展改革委',
      '张某某 分管:市财政局',
      '张某某 联系:市税务局',
      '李某 分管:市教育局',
      '李某 分管:市卫生健康委',
      '李某 协助分管:市体育局',
    ]);
  });

  it('reads a 街道办事处 division: 主任 / 副主任 headings, 分管： and 联系社区： labels', () => {
    const text = [
      '主任：刘某某',
      '主持办事处全面工作。分管：党政办公室、财政所。',
      '副主任：孙某某',
      '分管：城市管理办公室、环卫所。联系社区：滨河社区、港湾社区。',
      '联系村：东村、西村。',
    ].join('\n');
    expect(facts(text)).toEqual([
      '刘某某 分管:党政办公室',
      '刘某某 分管:财政所',
      '孙某某 分管:城市管理办公室',
      '孙某某 分管:环卫所',
      '孙某某 联系:滨河社区',
      '孙某某 联系:港湾社区',
      '孙某某 联系:东村',
      '孙某某 联系:西村',
    ]);
    // A bare 主任 leads only at the start of its own heading line, never after an office's name.
    expect(readHeadingLine('综合办主任：王某')).toBeNull();
    expect(readHeadingLine('街道办事处副主任　赵某某')).toMatchObject({ name: '赵某某', title: '街道办事处副主任' });
    expect(mentionAtStart('主任王某负责')).toBeNull();
  });

  it('reads 交由 / 改由 … 负责联系 and a name vouched for by 同志', () => {
    const text = '经区政府研究，区财政局交由常务副区长周某分管，区统计局改由副区长吴某负责联系。区审计局由孙某同志分管。';
    expect(facts(text)).toEqual(['周某 分管:区财政局', '吴某 联系:区统计局', '孙某 分管:区审计局']);
  });

  it('reads markdown headings with offices before the title, and a table cell holding name and title', () => {
    expect(facts('### 张某某 市委副书记、市长\n领导市政府全面工作。\n**李某 副市长**\n分管市财政局。')).toEqual(['李某 分管:市财政局']);
    expect(structureLeaderDivision('### 张某某 市委副书记、市长\n领导市政府全面工作。').leaders[0]).toMatchObject({ name: '张某某', title: '市长' });
    const table = '姓名及职务\t分工\t分管单位\n张某（副市长）\t负责工业方面工作\t市工信局、市商务局\n副市长 王某\t负责农业方面工作\t市农业农村局';
    expect(facts(table)).toEqual(['张某 分管:市工信局', '张某 分管:市商务局', '王某 分管:市农业农村局']);
  });

  it('reads an HTML page left as markup, spans still pointing into it', () => {
    const text = '<p>　　<b>副县长　贾某生</b></p>\n<p>　　负责农业农村工作；分管县农业农村局、县林业局；联系县供销社。</p>';
    const { leaders } = structureLeaderDivision(text);
    expect(facts(text)).toEqual(['贾某生 分管:县农业农村局', '贾某生 分管:县林业局', '贾某生 联系:县供销社']);
    for (const { agency } of leaders[0]?.oversees ?? []) expect(text.slice(agency.span.start, agency.span.end)).toBe(agency.written);
  });
});
