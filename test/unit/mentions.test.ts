import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { EMPTY_GAZETTEER, type Gazetteer } from '../../ingest/extract/gazetteer.ts';
import { loadGazetteer } from '../../ingest/rules.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { agencyDictionary, compileMatcher, findMentions, type EntityMention } from '../../ingest/extract/mentions.ts';

const rules = await loadGazetteer();

/** A small gazetteer written for these tests, with the bundled patterns and word rules. */
const gazetteer: Gazetteer = {
  ...rules,
  companies: [
    { name: '上汽通用五菱', aliases: ['上汽通用五菱汽车股份有限公司'] },
    { name: '东风柳汽', aliases: [] },
    { name: '广西汽车集团', aliases: [] },
    { name: '柳钢集团', aliases: ['柳钢'] },
  ],
  parks: [
    { name: '柳东新区', aliases: [] },
    { name: '柳州高新区', aliases: ['柳州国家高新区'] },
    { name: '阳和工业新区', aliases: ['阳和工业新区（北部生态新区）', '北部生态新区'] },
  ],
  projects: [
    { name: '“一二五”工程', aliases: ['一二五工程'] },
    { name: '龙行工程', aliases: [] },
  ],
  terms: [{ name: '双百双新', aliases: [] }],
};

const AGENCIES = ['市工业和信息化局', '市发展改革委', '市园区办', '市教育局', '柳东新区管委会', '柳东新区'];

const brief = (mentions: readonly EntityMention[]) => mentions.map((m) => `${m.type}:${m.written}${m.name === m.written ? '' : `=${m.name}`}`);

function spansAreFaithful(text: string, baseOffset: number, mentions: readonly EntityMention[]): void {
  for (const mention of mentions) {
    expect(text.slice(mention.span.start - baseOffset, mention.span.end - baseOffset)).toBe(mention.written);
  }
}

describe('findMentions', () => {
  it('finds companies, projects and parks in a real task-division clause', () => {
    const text = '实施上汽通用五菱“一二五”工程2.0焕新，持续推进东风柳汽“龙行工程”、广西汽车集团“菱势工程”，支持整车企业加大新车型研发。（市园区办牵头，12月底前完成当年任务）';
    const mentions = findMentions(text, 0, gazetteer, AGENCIES);
    expect(brief(mentions)).toEqual([
      'Company:上汽通用五菱',
      'Project:“一二五”工程',
      'Company:东风柳汽',
      'Project:龙行工程',
      'Company:广西汽车集团',
      'Project:菱势工程',
      'Agency:市园区办',
    ]);
    spansAreFaithful(text, 0, mentions);
  });

  it('lets the longest name win and never overlaps names of one type', () => {
    const text = '柳州高新区获评试点示范，柳州国家高新区综合实力排全区第一';
    expect(brief(findMentions(text, 0, gazetteer, []))).toEqual(['Park:柳州高新区', 'Park:柳州国家高新区=柳州高新区']);
    const bracketed = '加快完善阳和工业新区（北部生态新区）基础设施';
    expect(brief(findMentions(bracketed, 0, gazetteer, []))).toEqual(['Park:阳和工业新区（北部生态新区）=阳和工业新区']);
    expect(brief(findMentions('支持柳钢集团做强', 0, gazetteer, []))).toEqual(['Company:柳钢集团']);
  });

  it('takes a park committee as an agency and the park alone as a park', () => {
    expect(brief(findMentions('（柳东新区管委会牵头）', 0, gazetteer, AGENCIES))).toEqual(['Agency:柳东新区管委会']);
    // 柳东新区 is also listed as a responsible unit, but alone in prose it names the park.
    expect(brief(findMentions('全面推进柳东新区建设', 0, gazetteer, AGENCIES))).toEqual(['Park:柳东新区']);
    // A committee not in the agency list is found by the park-committee pattern.
    expect(brief(findMentions('阳和工业新区（北部生态新区）管委会负责', 0, gazetteer, []))).toEqual([
      'Agency:阳和工业新区（北部生态新区）管委会',
    ]);
  });

  it('does not take an agency name inside a longer company name', () => {
    const withCompany: Gazetteer = { ...gazetteer, companies: [{ name: '柳州市城建集团有限公司', aliases: [] }] };
    expect(brief(findMentions('柳州市城建集团有限公司中标', 0, withCompany, ['市城建集团']))).toEqual(['Company:柳州市城建集团有限公司']);
    expect(brief(findMentions('由市城建集团实施', 0, withCompany, ['市城建集团']))).toEqual(['Agency:市城建集团']);
  });

  it('finds agencies written without 市, except after a county or district', () => {
    expect(brief(findMentions('分管教育局、市发展改革委', 0, gazetteer, AGENCIES))).toEqual([
      'Agency:教育局=市教育局',
      'Agency:市发展改革委',
    ]);
    expect(findMentions('融安县教育局组织实施', 0, gazetteer, AGENCIES)).toEqual([]);
  });

  it('finds municipal agencies by pattern without false positives on common words', () => {
    const clause = '加快构建现代产业体系，全市上下共同推进，市场监管持续加强。（市投资促进局、市财政局牵头负责统筹中心城区任务，12月底前完成当年任务）';
    expect(brief(findMentions(clause, 0, EMPTY_GAZETTEER_WITH_RULES, []))).toEqual(['Agency:市投资促进局', 'Agency:市财政局']);
    expect(brief(findMentions('市人民政府办公室、市委组织部、市人力资源社会保障局按职责分别牵头', 0, EMPTY_GAZETTEER_WITH_RULES, []))).toEqual([
      'Agency:市人民政府办公室',
      'Agency:市委组织部',
      'Agency:市人力资源社会保障局',
    ]);
    expect(findMentions('城市更新办理手续，超市委托经营，市级中心任务', 0, EMPTY_GAZETTEER_WITH_RULES, [])).toEqual([]);
  });

  it('finds unlisted parks, companies and quoted programmes by pattern, trimming the verbs before them', () => {
    const text = '加快推进柳州静脉产业园建设，授予柳州源创电喷技术有限公司称号，实施“电商柳州”工程。';
    expect(brief(findMentions(text, 0, EMPTY_GAZETTEER_WITH_RULES, []))).toEqual([
      'Park:柳州静脉产业园',
      'Company:柳州源创电喷技术有限公司',
      'Project:“电商柳州”工程',
    ]);
  });

  it('rejects generic category words and lists of programmes', () => {
    const text = '深化产业园区改革，提升县域园区，开展“绿盾”等专项行动，整合九大集团公司和医疗集团。';
    expect(findMentions(text, 0, EMPTY_GAZETTEER_WITH_RULES, [])).toEqual([]);
  });

  it('finds glossary terms and keeps a term and a project sharing a span', () => {
    const withTerm: Gazetteer = { ...gazetteer, terms: [{ name: '龙行工程', aliases: [] }] };
    expect(brief(findMentions('东风柳汽“龙行工程”', 0, withTerm, []))).toEqual(['Company:东风柳汽', 'Project:龙行工程', 'Term:龙行工程']);
    expect(brief(findMentions('17个“双百双新”产业项目', 0, gazetteer, []))).toEqual(['Term:双百双新']);
  });

  it('shifts spans by the base offset', () => {
    const text = '推进柳东新区建设';
    const [mention] = findMentions(text, 1000, gazetteer, []);
    expect(mention).toEqual({ type: 'Park', name: '柳东新区', written: '柳东新区', span: { start: 1002, end: 1006 } });
  });

  it('returns nothing for empty text or an empty gazetteer', () => {
    expect(findMentions('', 0, gazetteer, AGENCIES)).toEqual([]);
    expect(findMentions('推进柳东新区建设', 0, EMPTY_GAZETTEER, [])).toEqual([]);
  });
});

const EMPTY_GAZETTEER_WITH_RULES: Gazetteer = { ...rules, companies: [], parks: [], projects: [], terms: [] };

describe('agencyDictionary', () => {
  it('adds 市-less forms only when three or more characters remain', () => {
    expect(agencyDictionary(['市教育局', '市委', ' 市教育局 ', '各县区人民政府'])).toEqual([
      { written: '市教育局', name: '市教育局', needsPlaceBoundary: false },
      { written: '教育局', name: '市教育局', needsPlaceBoundary: true },
      { written: '市委', name: '市委', needsPlaceBoundary: false },
      { written: '各县区人民政府', name: '各县区人民政府', needsPlaceBoundary: false },
    ]);
  });
});

describe('mention properties', () => {
  const fragments = [
    '柳东新区', '柳州高新区', '高新区', '管委会', '市', '局', '委', '办公室', '中心', '工业和信息化', '教育局', '县',
    '上汽通用五菱', '柳钢', '集团', '有限公司', '“', '”', '工程', '行动', '产业园', '新区', '推进', '加快', '和',
    '、', '，', '。', '（', '）', '牵头', '的', '等', '双百双新', '阳和工业新区', '北部生态新区', '龙行', 'A', '1', ' ',
  ];
  const textArbitrary = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 3 })), { maxLength: 40 }).map((parts) => parts.join(''));

  it('findAgencies gives exactly the agencies of find on any text', () => {
    const matcher = compileMatcher(gazetteer, AGENCIES);
    fc.assert(
      fc.property(textArbitrary, fc.nat(1_000), (text, base) => {
        expect(matcher.findAgencies(text, base)).toEqual(matcher.find(text, base).filter((mention) => mention.type === 'Agency'));
      }),
      { numRuns: 300 },
    );
  });

  it('every span slices back to its written text, and mentions of one type never overlap', () => {
    fc.assert(
      fc.property(textArbitrary, fc.nat(100_000), (text, base) => {
        const mentions = findMentions(text, base, gazetteer, AGENCIES);
        spansAreFaithful(text, base, mentions);
        for (const a of mentions) {
          expect(a.span.end).toBeGreaterThan(a.span.start);
          for (const b of mentions) {
            if (a !== b && a.type === b.type) expect(a.span.end <= b.span.start || b.span.end <= a.span.start).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same mentions in a text wherever it sits in a longer document', () => {
    fc.assert(
      fc.property(textArbitrary, (text) => {
        const alone = findMentions(text, 0, gazetteer, AGENCIES);
        const shifted = findMentions(text, 7, gazetteer, AGENCIES);
        expect(shifted.map((m) => ({ ...m, span: { start: m.span.start - 7, end: m.span.end - 7 } }))).toEqual(alone);
      }),
      { numRuns: 200 },
    );
  });
});

// Speed is measured by `npm run bench` (parse + extract vs raw jieba); this checks a large input end to end.
describe('a large input', () => {
  it('finds every mention in 700 KB of prose', () => {
    const paragraph =
      '实施上汽通用五菱“一二五”工程，持续推进东风柳汽“龙行工程”，加快推进柳州静脉产业园、柳东新区和阳和工业新区（北部生态新区）建设，' +
      '支持柳钢集团、广西柳工机械股份有限公司做强做优，全市上下共同推进市场监管。（市工业和信息化局、市发展改革委按职责分别牵头，12月底前完成当年任务）\n';
    const text = paragraph.repeat(Math.ceil(700_000 / 2 / paragraph.length)); // 2 bytes per character, roughly
    const matcher = compileMatcher(gazetteer, AGENCIES);
    matcher.find(paragraph, 0); // warm up the regex engine
    const mentions = matcher.find(text, 0);
    const perParagraph = matcher.find(paragraph, 0).length;
    expect(perParagraph).toBeGreaterThan(5);
    expect(mentions.length).toBe(perParagraph * Math.ceil(700_000 / 2 / paragraph.length));
  });
});

// The first pass of resolution (ingest/context.ts) asks only for agencies, and skips the other types' patterns where no agency can be.
describe('findAgencies', () => {
  const matcher = compileMatcher(gazetteer, AGENCIES);
  const agenciesOf = (text: string, base: number) => matcher.find(text, base).filter((mention) => mention.type === 'Agency');

  it('gives exactly the agencies of find on every line of the seed corpus', () => {
    const corpus = path.join(PROJECT_ROOT, 'data', 'corpus');
    const lines = fs
      .readdirSync(corpus)
      .filter((name) => name.endsWith('.txt'))
      .flatMap((name) => fs.readFileSync(path.join(corpus, name), 'utf8').split('\n'));
    expect(lines.length).toBeGreaterThan(1_000);
    let withAgencies = 0;
    for (const [index, line] of lines.entries()) {
      const expected = agenciesOf(line, index);
      if (expected.length > 0) withAgencies += 1;
      expect(matcher.findAgencies(line, index)).toEqual(expected);
    }
    expect(withAgencies).toBeGreaterThan(100);
  });
});
