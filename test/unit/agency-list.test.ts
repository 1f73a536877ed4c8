import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAgencyLike, isBareDepartment, isPlaceholder, splitAgencyList } from '../../ingest/structure/agency-list.ts';

const names = (source: string, whitespace: 'join' | 'separate' = 'join'): string[] =>
  splitAgencyList(source, 0, { whitespace }).map((mention) => mention.name);
const written = (source: string, whitespace: 'join' | 'separate' = 'join'): string[] =>
  splitAgencyList(source, 0, { whitespace }).map((mention) => mention.written);

describe('splitAgencyList', () => {
  it('reads a cell that holds only a dash, a slash or 无 as no unit', () => {
    for (const cell of ['—', '——', '－', '-', '/', '无', '暂无', '\u00a0']) expect(splitAgencyList(cell), cell).toEqual([]);
    expect(splitAgencyList('市财政局、—').map((mention) => mention.name)).toEqual(['市财政局']);
    expect(isPlaceholder('—')).toBe(true);
    expect(isPlaceholder('12月底前')).toBe(false);
  });

  it('keeps a lead sign out of the name and its span, wherever the sign sits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...'★☆▲●◆※'), fc.boolean(), (sign, before) => {
        const source = before ? `${sign}州教育局、州财政局` : `州教育局${sign}、州财政局`;
        const mentions = splitAgencyList(source);
        expect(mentions.map((mention) => mention.name)).toEqual(['州教育局', '州财政局']);
        const first = mentions[0];
        expect(first === undefined ? '' : source.slice(first.span.start, first.span.end)).toBe('州教育局');
      }),
    );
    expect(names('区住建局★ 区人社局', 'separate')).toEqual(['区住建局', '区人社局']);
  });

  it('restores the implied 市 of bare department names after a 市 opener', () => {
    const mentions = splitAgencyList('市应急管理局、国资委');
    expect(mentions.map((m) => m.written)).toEqual(['市应急管理局', '国资委']);
    expect(mentions.map((m) => m.name)).toEqual(['市应急管理局', '市国资委']);
  });

  it('keeps the list level across comma groups that open with a bare name', () => {
    expect(names('市人力资源社会保障局、交通运输局，大数据发展局')).toEqual([
      '市人力资源社会保障局',
      '市交通运输局',
      '市大数据发展局',
    ]);
  });

  it('takes a bare name\'s level from the nearest name before it that writes one', () => {
    expect(names('市公安局梁园分局、区司法局、信访局')).toEqual(['市公安局梁园分局', '区司法局', '区信访局']);
    // A name without a level of its own (a national body's branch) passes the level on.
    expect(names('市财政局、国家税务总局柳州市税务局、统计局')).toEqual(['市财政局', '国家税务总局柳州市税务局', '市统计局']);
  });

  it('cuts at 及 after a collective unit (各有关部门及各县区政府) and reads the Corps\' divisions as units', () => {
    expect(names('市级各有关部门及各县区政府')).toEqual(['市级各有关部门', '各县区政府']);
    expect(names('第六师五家渠市、第十二师')).toEqual(['第六师五家渠市', '第十二师']);
  });

  it('does not prefix when the list opener has no 市', () => {
    expect(names('各民主党派、工商联')).toEqual(['各民主党派', '工商联']);
    expect(names('卫生健康委、民政局')).toEqual(['卫生健康委', '民政局']);
  });

  it('treats 团市委 as a city-level opener', () => {
    expect(names('团市委、妇联、残联')).toEqual(['团市委', '市妇联', '市残联']);
  });

  it('never adds 市 to district governments, park committees, branches of national bodies or companies', () => {
    const source = '市财政局、各县（区）人民政府、柳东新区管委会、柳州银保监分局、广西柳工机械股份有限公司、柳江区人民政府、驻柳部队';
    expect(names(source)).toEqual(written(source));
  });

  it('does not read 市场监管局 as already prefixed', () => {
    expect(names('市卫生健康委（中医药局）、市场监管局（知识产权局）')).toEqual([
      '市卫生健康委（中医药局）',
      '市市场监管局（知识产权局）',
    ]);
    expect(names('市场监管局（知识产权局）')).toEqual(['市场监管局（知识产权局）']);
  });

  it('never splits inside the brackets of an alternate name', () => {
    expect(written('市财政局（金融办）、阳和工业新区（北部生态新区）管委会')).toEqual([
      '市财政局（金融办）',
      '阳和工业新区（北部生态新区）管委会',
    ]);
    expect(written('市X局（甲、乙，丙）、市Y局')).toEqual(['市X局（甲、乙，丙）', '市Y局']);
  });

  it('hands a shared suffix to a run of bare places', () => {
    expect(names('各县（区）人民政府，柳东新区、阳和工业新区（北部生态新区）管委会')).toEqual([
      '各县（区）人民政府',
      '柳东新区管委会',
      '阳和工业新区（北部生态新区）管委会',
    ]);
    expect(names('融安县、融水县、三江县人民政府，市财政局')).toEqual([
      '融安县人民政府',
      '融水县人民政府',
      '三江县人民政府',
      '市财政局',
    ]);
  });

  it('reads 各县（区）人民政府，市财政局 as the two units it names', () => {
    const mentions = splitAgencyList('各县（区）人民政府，市财政局');
    expect(mentions.map((m) => [m.written, m.name])).toEqual([
      ['各县（区）人民政府', '各县（区）人民政府'],
      ['市财政局', '市财政局'],
    ]);
  });

  it('accepts half-width commas and semicolons as group separators', () => {
    expect(written('各城区人民政府,市财政局;市教育局')).toEqual(['各城区人民政府', '市财政局', '市教育局']);
  });

  it('reads whitespace after a complete name as a separator in table cells', () => {
    expect(written('市体育局 市林业和园林局', 'separate')).toEqual(['市体育局', '市林业和园林局']);
  });

  it('reads whitespace after a community or a street as a separator in table cells, never inside a street office', () => {
    fc.assert(
      fc.property(fc.constantFrom('清真巷社区', '东关社区', '大街街道'), fc.constantFrom('共和路社区', '财政所', '南关街道'), fc.constantFrom(' ', '　', '  '), (first, second, gap) => {
        expect(written(`${first}${gap}${second}`, 'separate')).toEqual([first, second]);
      }),
    );
    expect(written('东关大街街道 办事处', 'separate')).toEqual(['东关大街街道办事处']);
    // Joined in join mode, as page-break residue.
    expect(written('清真巷社区 共和路社区')).toEqual(['清真巷社区共和路社区']);
  });

  it('joins a name broken by a page break and keeps its span in the document', () => {
    const document = '（市城管\n\n执法局牵头）';
    const mentions = splitAgencyList(document.slice(1, 9), 1);
    expect(mentions).toHaveLength(1);
    expect(mentions[0]?.written).toBe('市城管执法局');
    expect(mentions[0]?.span).toEqual({ start: 1, end: 9 });
  });

  it('keeps 市直机关各有关委、办、局 as one unit', () => {
    expect(written('市直机关各有关委、办、局')).toEqual(['市直机关各有关委、办、局']);
  });

  it('cuts an area of work off after 及', () => {
    expect(names('市应急管理局、红十字会及妇女儿童工作')).toEqual(['市应急管理局', '市红十字会', '妇女儿童工作']);
  });

  it('cuts at 及 / 和 between two complete unit names, never inside a name that holds 和', () => {
    expect(written('市城市管理行政执法局及市生态环境局')).toEqual(['市城市管理行政执法局', '市生态环境局']);
    expect(written('自治区残联和广西大学')).toEqual(['自治区残联', '广西大学']);
    expect(written('区发展和改革局、市文化广电和旅游局、市工业和信息化局')).toEqual(['区发展和改革局', '市文化广电和旅游局', '市工业和信息化局']);
    expect(written('区社会事务和民政局')).toEqual(['区社会事务和民政局']);
  });

  it('cuts at 以及 like 及, and at 及 / 和 / 以及 before a bare place whose suffix comes later', () => {
    fc.assert(
      fc.property(fc.constantFrom('及', '和', '以及'), fc.constantFrom('州财政局', '财政所', '新区财政局'), (conjunction, first) => {
        expect(names(`${first}${conjunction}各村委会`)).toEqual([first, '各村委会']);
        expect(names(`${first}${conjunction}湖潮乡、党武镇人民政府`)).toEqual([first, '湖潮乡人民政府', '党武镇人民政府']);
        expect(names(`荔波县、平塘县人民政府${conjunction}${first}`)).toEqual(['荔波县人民政府', '平塘县人民政府', first]);
      }),
    );
    // 和 inside a name is no conjunction, whatever follows.
    expect(written('市发展和改革局以及市财政局')).toEqual(['市发展和改革局', '市财政局']);
    expect(written('区社会事务和民政局')).toEqual(['区社会事务和民政局']);
  });

  it('keeps a collective whose levels are listed as one unit, a level in brackets included', () => {
    fc.assert(
      fc.property(fc.constantFrom('各市、县', '各市、州、县', '各县、市'), fc.constantFrom('', '（区）', '（市、区）'.replace('、', '')), fc.constantFrom('人民政府', '政府'), (levels, bracket, government) => {
        const collective = `${levels}${bracket}${government}`;
        expect(written(`${collective}，自治区财政厅`)).toEqual([collective, '自治区财政厅']);
      }),
    );
  });

  it('hands a shared suffix to short 州, 盟, 旗 and village names, and across 和 / 及 between two places', () => {
    expect(names('海南州、海西州人民政府')).toEqual(['海南州人民政府', '海西州人民政府']);
    expect(names('北关村、南关村村民委员会')).toEqual(['北关村村民委员会', '南关村村民委员会']);
    fc.assert(
      fc.property(fc.constantFrom('和', '及'), fc.constantFrom('村民委员会', '居民委员会', '村委会'), (conjunction, suffix) => {
        expect(names(`西滩村${conjunction}东门村${suffix}`)).toEqual([`西滩村${suffix}`, `东门村${suffix}`]);
      }),
    );
    // Without a shared suffix after it, a village stays the unit it names.
    expect(names('西滩村、东门村')).toEqual(['西滩村', '东门村']);
  });

  it('restores a town\'s level (镇, 乡), never from a place that starts with one (镇江市) nor into 乡村振兴局', () => {
    expect(names('镇财政所、统计站、林业站')).toEqual(['镇财政所', '镇统计站', '镇林业站']);
    expect(names('市农业农村局、乡村振兴局')).toEqual(['市农业农村局', '市乡村振兴局']);
    expect(names('镇江市发展改革委、统计局')).toEqual(['镇江市发展改革委', '统计局']);
  });

  it('drops empty items and trailing punctuation', () => {
    expect(written('、市教育局、、市民政局。')).toEqual(['市教育局', '市民政局']);
  });
});

describe('isBareDepartment / isAgencyLike', () => {
  it('tells bare department names from places and qualified names', () => {
    expect(isBareDepartment('国资委')).toBe(true);
    expect(isBareDepartment('财政局（金融办）')).toBe(true);
    expect(isBareDepartment('市财政局')).toBe(false);
    expect(isBareDepartment('柳东新区管委会')).toBe(false);
    expect(isBareDepartment('五城区')).toBe(false);
  });

  it('accepts organisation names and rejects remarks', () => {
    expect(isAgencyLike('市重点办')).toBe(true);
    expect(isAgencyLike('柳江区人民政府')).toBe(true);
    expect(isAgencyLike('二期')).toBe(false);
    expect(isAgencyLike('完成100个以上')).toBe(false);
  });
});

describe('splitAgencyList properties', () => {
  it('never returns a placeholder as a unit', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('市财政局', '区教育局', '—', '无', '-', '各街道'), { maxLength: 6 }), (items) => {
        const mentions = splitAgencyList(items.join('、'));
        expect(mentions.every((mention) => !isPlaceholder(mention.written))).toBe(true);
      }),
    );
  });

  const cjk = fc.constantFrom(...'发展改革工业信息化财政科技教育民政商务交通运输水利农业农村卫生健康生态环境自然资源规划'.split(''));
  const core = fc.array(cjk, { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
  const suffix = fc.constantFrom('局', '委', '办', '中心', '委员会');
  const alternate = fc.option(
    fc.array(cjk, { minLength: 1, maxLength: 4 }).map((chars) => `（${chars.join('')}办）`),
    { nil: '' },
  );
  const cityName = fc.tuple(core, suffix, alternate).map(([c, s, a]) => `市${c}${s}${a ?? ''}`);

  it('joining names with 、 and splitting returns them, with spans that point at them', () => {
    fc.assert(
      fc.property(fc.array(cityName, { minLength: 1, maxLength: 8 }), fc.nat(20), (list, offset) => {
        const source = list.join('、');
        const mentions = splitAgencyList(source, offset);
        expect(mentions.map((m) => m.written)).toEqual(list);
        expect(mentions.map((m) => m.name)).toEqual(list);
        for (const mention of mentions) {
          expect(source.slice(mention.span.start - offset, mention.span.end - offset)).toBe(mention.written);
        }
      }),
    );
  });

  it('never splits inside brackets, whatever separators they contain', () => {
    const inner = fc
      .array(fc.oneof(cjk, fc.constantFrom('、', '，', '；', ' ')), { minLength: 1, maxLength: 10 })
      .map((chars) => chars.join(''))
      .filter((text) => text.trim().length > 0);
    fc.assert(
      fc.property(fc.array(fc.tuple(core, inner), { minLength: 1, maxLength: 5 }), (parts) => {
        const list = parts.map(([c, i]) => `市${c}局（${i}）`);
        const mentions = splitAgencyList(list.join('、'), 0, { whitespace: 'separate' });
        expect(mentions).toHaveLength(list.length);
        mentions.forEach((mention) => expect(mention.written.endsWith('）')).toBe(true));
      }),
    );
  });

  it('a lead flag glued to the next name (a lost <br>) separates like 、', () => {
    fc.assert(
      fc.property(fc.array(cityName, { minLength: 2, maxLength: 6 }), fc.nat(), (list, seed) => {
        const flagged = seed % list.length;
        const written = list.map((name, index) => (index === flagged ? `${name}（牵头）` : name));
        const glued = written.map((name, index) => (index === flagged || index === list.length - 1 ? name : `${name}、`)).join('');
        expect(splitAgencyList(glued).map((m) => m.written)).toEqual(written);
      }),
    );
    expect(splitAgencyList('区教育局（牵头）各镇（街道）').map((m) => m.written)).toEqual(['区教育局（牵头）', '各镇（街道）']);
  });

  it('a bare list after a 市 opener gets 市 on every item, and nothing else changes', () => {
    fc.assert(
      fc.property(cityName, fc.array(fc.tuple(core, suffix), { minLength: 1, maxLength: 6 }), (first, rest) => {
        const bare = rest.map(([c, s]) => `${c}${s}`);
        const mentions = splitAgencyList([first, ...bare].join('、'));
        expect(mentions.map((m) => m.written)).toEqual([first, ...bare]);
        expect(mentions.map((m) => m.name)).toEqual([first, ...bare.map((name) => `市${name}`)]);
      }),
    );
  });

  it('line breaks inside names (page-break residue) are joined away in join mode', () => {
    fc.assert(
      fc.property(fc.array(cityName, { minLength: 1, maxLength: 5 }), fc.nat(), (list, seed) => {
        const source = list.join('、');
        const at = 1 + (seed % Math.max(1, source.length - 1));
        const broken = `${source.slice(0, at)}\n\n${source.slice(at)}`;
        expect(splitAgencyList(broken).map((m) => m.written)).toEqual(list);
      }),
    );
  });
});
