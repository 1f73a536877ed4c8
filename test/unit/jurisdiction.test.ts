/**
 * Jurisdictions: the place table, place names read by their suffixes, and the
 * evidence a document gives of its issuer (title, issuer lines, docNo, text).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findJurisdiction, levelOfName, parsePlaceTable, qualifiedName, type PlaceTable } from '../../ingest/jurisdiction/index.ts';
import type { DocumentJurisdiction, Jurisdiction } from '../../ingest/model.ts';
import { cleanText, NO_CLEAN_RULES } from '../../ingest/clean/index.ts';
import { parseDocuments, parseFiles } from '../../ingest/parse.ts';
import { DEFAULT_RULES_DIR, loadCleanRules, loadPlaceTable } from '../../ingest/rules.ts';
import { SEEDS_DIR } from './helpers/seed-documents.ts';

const places: PlaceTable = parsePlaceTable(readFileSync(`${DEFAULT_RULES_DIR}/jurisdictions.tsv`, 'utf8'), 'jurisdictions.tsv');

const chain = (place: Jurisdiction | null): string[] => {
  const names: string[] = [];
  for (let at = place; at !== null; at = at.parent) names.push(`${at.name}:${at.level}`);
  return names;
};

const find = (text: string, title = '', docNo: string | null = null): DocumentJurisdiction | null => findJurisdiction(text, { title, docNo }, places);

describe('a news report naming the document it reports on', () => {
  it('takes the place opening the quoted title when the text speaks as that level', () => {
    const news = '原标题：4类12件——民生实事清单出炉\n来源：某日报\n日前，市委、市政府印发某某市2023年市级民生实事项目清单，共4类12件。\n1.中央公园二期\n责任单位：市住房和城乡建设委。\n';
    expect(find(news)?.name).toBe('某某市');
    expect(find(news.replace('市委、市政府', '有关方面'))).toBeNull();
  });
});

describe('a news item that names its place only by its paper', () => {
  it('takes the place of a local paper dateline when the item speaks at that level (全市, 全县)', () => {
    const body = (scope: string): string => `\u3000市十届人大五次会议昨日开幕。\n\n报告显示，2025年${scope}地区生产总值增长4.2%。\n\n（记者\u3000罗某某）\n`;
    expect(find(`某港日报讯${body('全市')}`)?.name).toBe('某港市');
    expect(find(`某港晚报讯${body('全县')}`)?.name).toBe('某港县');
    // Without the level word the paper names no government; a provincial paper names no listed place.
    expect(find(`某港日报讯${body('')}`)).toBeNull();
    expect(find(`南方日报讯${body('')}`)).toBeNull();
  });
});

describe('the place table', () => {
  it('lists every province-level place with its docNo abbreviation', () => {
    for (const abbreviation of ['桂', '粤', '湘', '鄂', '苏', '浙', '皖', '闽', '赣', '鲁', '豫', '冀', '晋', '辽', '吉', '黑', '川', '黔', '滇', '陕', '甘', '青', '琼', '蒙', '宁', '新', '藏', '京', '津', '沪', '渝']) {
      const name = places.byAbbreviation.get(abbreviation);
      expect(name, abbreviation).toBeDefined();
      expect(places.byName.get(name ?? '')?.level).toBe('province');
    }
  });

  it('puts Guangxi\'s cities and Liuzhou\'s districts and counties in their parents', () => {
    for (const city of ['南宁', '柳州', '桂林', '梧州', '北海', '防城港', '钦州', '贵港', '玉林', '百色', '贺州', '河池', '来宾', '崇左']) {
      expect(chain(places.byName.get(`${city}市`) ?? null), city).toEqual([`${city}市:city`, '广西壮族自治区:province', '中华人民共和国:national']);
    }
    for (const name of ['城中区', '鱼峰区', '柳南区', '柳北区', '柳江区', '柳城县', '鹿寨县', '融安县', '融水苗族自治县', '三江侗族自治县']) {
      expect(places.byName.get(name)?.parent?.name, name).toBe('柳州市');
    }
  });

  it('rejects a parent that is not listed and an abbreviation used twice, naming the line', () => {
    expect(() => parsePlaceTable('甲市\tcity\t乙省\t\t\n', 'x.tsv')).toThrow(/x\.tsv:1: parent 乙省 is not listed/u);
    expect(() => parsePlaceTable('乙省\tprovince\t\t乙\t\n甲市\tcity\t乙省\t乙\t\n', 'x.tsv')).toThrow(/x\.tsv:2: docNo abbreviation 乙/u);
    expect(() => parsePlaceTable('甲\tcounty-town\t\t\t\n', 'x.tsv')).toThrow(/level must be one of/u);
  });
});

describe('levels from suffixes', () => {
  it('reads the level a name ends with', () => {
    expect(levelOfName('湖南省', null)).toBe('province');
    expect(levelOfName('宁夏回族自治区', null)).toBe('province');
    expect(levelOfName('营口市', null)).toBe('city');
    expect(levelOfName('黔东南苗族侗族自治州', null)).toBe('city');
    expect(levelOfName('锡林郭勒盟', null)).toBe('city');
    expect(levelOfName('站前区', 'city')).toBe('district');
    expect(levelOfName('天台县', null)).toBe('county');
    expect(levelOfName('京山市', 'city')).toBe('county');
    expect(levelOfName('大埔镇', 'county')).toBe('town');
    expect(levelOfName('朝阳街道', 'district')).toBe('town');
  });
});

describe('a document\'s jurisdiction', () => {
  it('comes from a title that opens with the issuer', () => {
    expect(chain(find('', '柳州市人民政府关于落实2024年《政府工作报告》重点工作分工的意见'))).toEqual(['柳州市:city', '广西壮族自治区:province', '中华人民共和国:national']);
    expect(find('', '柳州市人民政府关于…')?.evidence).toBe('title');
    expect(chain(find('', '柳江区2024年政府工作报告'))).toEqual(['柳江区:district', '柳州市:city', '广西壮族自治区:province', '中华人民共和国:national']);
    expect(chain(find('', '2017年柳州市政府工作报告'))[0]).toBe('柳州市:city');
    expect(chain(find('', '铜陵市人民政府关于2022年市政府重点工作及责任分解的通知'))).toEqual(['铜陵市:city']);
    expect(chain(find('', '国务院关于落实《政府工作报告》重点工作分工的意见'))).toEqual(['中华人民共和国:national']);
  });

  it('reads a place within a place (柳州市柳江区, 柳城县大埔镇) and a short name with a suffix', () => {
    expect(chain(find('', '柳州市柳江区人民政府关于区人民政府领导成员工作分工的通知')).slice(0, 2)).toEqual(['柳江区:district', '柳州市:city']);
    expect(chain(find('关于镇人民政府领导班子成员工作分工的通知\n正文。\n柳城县大埔镇人民政府\n2024年4月12日')).slice(0, 3)).toEqual(['大埔镇:town', '柳城县:county', '柳州市:city']);
    expect(find('', '融水县人民政府关于…')?.name).toBe('融水苗族自治县');
    const zone = find('', '容县经济开发区2024年重点工作及责任清单');
    expect(zone?.name).toBe('容县经济开发区');
    expect(zone && qualifiedName(zone)).toBe('玉林市容县经济开发区');
    expect(zone?.parent?.name).toBe('容县');
    expect(find('', '北海工业园区管委会关于印发2025年园区重点工作及责任清单的通知')?.parent?.name).toBe('北海市');
  });

  it('takes an unlisted place\'s parent from another line that writes it (锦州市凌河区)', () => {
    const text = '锦州市凌河区人民政府文件\n锦凌政发〔2023〕3号\n凌河区人民政府关于印发方案的通知\n各街道办事处：\n正文。\n凌河区人民政府\n2023年3月20日';
    expect(chain(find(text, '凌河区人民政府关于印发方案的通知'))).toEqual(['凌河区:district', '锦州市:city']);
  });

  it('comes from issuer lines: labelled web metadata and the signature', () => {
    expect(find('关于印发2022年市政府重点工作责任分解的通知\n发文单位\t荆门市人民政府办公室\t发文字号\t荆政办发〔2022〕2号\n正文。')?.name).toBe('荆门市');
    expect(find('区人民政府办公室关于印发通知\n索引号: 000/2022  发布机构: 下陆区政府办公室\n正文。')?.name).toBe('下陆区');
    const signed = find('关于某事的通知\n各单位：\n正文。\n柳州市城中区人民政府办公室', '关于某事的通知');
    expect(signed?.name).toBe('城中区');
    expect(signed?.evidence).toBe('issuer');
  });

  it('reads a 盟 or 地区 by its 行政公署, a banner named with a wing or a union, and an autonomous county whose name opens like a word (本溪)', () => {
    for (const name of ['甲乙丙盟', '甲乙地区']) {
      for (const office of ['行政公署', '行署']) {
        expect(find('', `${name}${office}关于盟行政公署领导成员工作分工的通知`)?.name, office).toBe(name);
        expect(find(`关于某事的通知\n各旗人民政府：\n正文。\n${name}${office}办公室`, '关于某事的通知')?.name, office).toBe(name);
      }
    }
    for (const banner of ['科尔沁右翼前旗', '察哈尔右翼中旗', '达尔罕茂明安联合旗']) {
      expect(chain(find('', `${banner}人民政府关于调整旗政府领导班子成员工作分工的通知`))[0]).toBe(`${banner}:county`);
    }
    expect(chain(find('', '本溪满族自治县人民政府领导工作分工'))[0]).toBe('本溪满族自治县:county');
    // 本县 / 各民族 open no place, autonomous or not.
    expect(find('', '本县人民政府关于某事的通知')).toBeNull();
    expect(find('', '各民族自治县人民政府关于某事的通知')).toBeNull();
  });

  it('does not take a sentence for an issuer (经镇人民政府研究, 主持镇人民政府全面工作)', () => {
    expect(find('关于镇人民政府领导班子成员工作分工的通知\n经镇人民政府研究，现通知如下：\n主持镇人民政府全面工作。', '关于镇人民政府领导班子成员工作分工的通知')).toBeNull();
    expect(find('各县、区人民政府，市人民政府各组成部门：\n正文。')).toBeNull();
  });

  it('comes from the document number when neither title nor issuer names the place', () => {
    const fromNumber = find('关于落实《政府工作报告》重点工作分工的意见\n正文。', '关于落实《政府工作报告》重点工作分工的意见', '桂政发〔2024〕5号');
    expect(fromNumber?.name).toBe('广西壮族自治区');
    expect(fromNumber?.evidence).toBe('doc-number');
    expect(find('正文。', '', '国办发〔2023〕1号')?.name).toBe('中华人民共和国');
    expect(find('正文。', '', '粤府〔2021〕22号')?.name).toBe('广东省');
  });

  it('comes from the text: a congress or government of a listed place, or the place a report speaks for', () => {
    const report = '政府工作报告\n——2020年1月19日在柳州市第十四届人民代表大会第五次会议上\n各位代表：\n';
    expect(find(report, '政府工作报告')?.name).toBe('柳州市');
    expect(find(report, '政府工作报告')?.evidence).toBe('text');
    const news = '右江区人民政府领导班子调整分工\n本网讯 6月20日，百色市右江区人民政府召开常务会议。';
    expect(chain(find(news, '右江区人民政府领导班子调整分工')).slice(0, 2)).toEqual(['右江区:district', '百色市:city']);
    const wording = '各位代表：\n现在，我代表市人民政府向大会报告。柳州入选先进制造业百强市，推进中国式现代化柳州实践。南宁来宾。';
    expect(find(wording)?.name).toBe('柳州市');
    expect(find(wording)?.evidence).toBe('wording');
    expect(find('一年来，我们稳中求进。')).toBeNull();
  });

  it('reads an unlisted county from its report\'s subtitle, its speaker line or a one-character name before its government', () => {
    const subtitle = '政府工作报告\n——2024年1月10日在甲乙县第十九届人民代表大会\n第三次会议上\n各位代表：\n';
    expect(find(subtitle, '政府工作报告')?.name).toBe('甲乙县');
    expect(find('政府工作报告\n甲乙县人民政府县长　张某某\n各位代表：\n', '政府工作报告')?.name).toBe('甲乙县');
    const notice = '丙县人民政府办公室\n关于印发2025年任务清单的通知\n丙政办发〔2025〕12号\n各乡镇人民政府：\n正文。';
    expect(find(notice, '关于印发2025年任务清单的通知')?.name).toBe('丙县');
    // A one-character name is a place only before its government: 两县 in prose is none.
    expect(find('两县政府要加强协作。两县人民政府联合发文。')).toBeNull();
  });

  it('takes a title\'s unlisted name when the text speaks as a government of that level (全县, 县委, 县政府)', () => {
    const title = '甲乙县全面推进乡村振兴重点任务责任清单';
    expect(find(`${title}\n现将全县重点任务分解如下。`, title)?.name).toBe('甲乙县');
    expect(find(`${title}\n现将重点任务分解如下。`, title)).toBeNull();
    // A name glued to its title (杭某某区长) is a person, whatever the text says of 区政府.
    expect(find('区政府领导分工\n杭某某区长\n主持区政府全面工作。', '杭某某区长')).toBeNull();
  });

  it('takes a news headline\'s unlisted place before its party committee\'s meeting (甲乙市委经济工作会议), not a person before a party title', () => {
    const body = '\n来源：甲乙日报\n12月23日，市委经济工作会议召开。会议提出，2027年全市地区生产总值增长5.5%。';
    for (const meeting of ['经济工作会议召开　明确2027年主要预期目标', '全会召开', '常委会召开']) {
      const title = `甲乙市委${meeting}`;
      expect(find(`${title}${body}`, title)?.name).toBe('甲乙市');
    }
    // 王某某市委书记 is a person and a title.
    const person = '王某某市委书记调研重点项目';
    expect(find(`${person}${body}`, person)).toBeNull();
    expect(find(`王某某市委常委调研${body}`, '王某某市委常委调研')).toBeNull();
  });
});

describe('documents of one file', () => {
  it('give a document that names no place the place of the one before it (an attachment)', () => {
    const text = [
      '丙县人民政府办公室',
      '关于印发2025年县《政府工作报告》任务清单的通知',
      '丙政办发〔2025〕12号',
      '各乡镇人民政府，县直各有关单位：',
      '现将任务清单印发给你们，请认真抓好落实。'.repeat(4),
      '附件1',
      '2025年县《政府工作报告》任务清单',
      '一、推动工业稳增长。（牵头单位：县工业和信息化局）',
      '附件2',
      '2025年十件民生实事任务分解',
      '序号\t实事名称\t责任单位\t完成时限',
      '1\t城区供热管网改造\t县住房和城乡建设局\t10月底前',
    ].join('\n');
    const documents = parseDocuments(cleanText({ path: 'bundle.txt', text }, NO_CLEAN_RULES), places);
    expect(documents.map((document) => [document.kind, document.jurisdiction?.name, document.jurisdiction?.evidence])).toEqual([
      ['TASK_DIVISION', '丙县', 'title'],
      ['LIVELIHOOD_PLAN', '丙县', 'file'],
    ]);
  });
});

describe('the bundled corpus', () => {
  it('is Liuzhou\'s in every document', async () => {
    const names = ['000_ec90f7d5dd38cba8.txt', '001_60ced526a38720ec.txt', '002_b0fe9b2ffaffa634.txt', '003_5dd11dd00263b247.txt', '004_16ab7e976c5c4c5c.txt'];
    const files = await parseFiles(names.map((name) => `${SEEDS_DIR}${name}`), await loadCleanRules(), await loadPlaceTable());
    const documents = files.flatMap((file) => (file.ok ? file.documents : []));
    expect(documents).toHaveLength(22);
    for (const document of documents) {
      expect(chain(document.jurisdiction), document.id).toEqual(['柳州市:city', '广西壮族自治区:province', '中华人民共和国:national']);
    }
  });
});

describe('kg eval compares places with or without their parents', () => {
  it('matches 营口市站前区 with 站前区, not 站前区 with 前区 or another place', async () => {
    const { factsMatch } = await import('../../evaluation/facts.ts');
    const fact = (value: string) => ({ role: 'jurisdiction' as const, subject: 'document', value });
    expect(factsMatch(fact('营口市站前区'), fact('站前区'))).toBe(true);
    expect(factsMatch(fact('站前区'), fact('营口市站前区'))).toBe(true);
    expect(factsMatch(fact('柳州市'), fact('柳州市'))).toBe(true);
    expect(factsMatch(fact('站前区'), fact('前区'))).toBe(false);
    expect(factsMatch(fact('柳州市'), fact('福州市'))).toBe(false);
  });

  it('matches an autonomous place\'s short form with its full name, not with another place', async () => {
    const { factsMatch } = await import('../../evaluation/facts.ts');
    const fact = (value: string) => ({ role: 'jurisdiction' as const, subject: 'document', value });
    expect(factsMatch(fact('恩施州'), fact('恩施土家族苗族自治州'))).toBe(true);
    expect(factsMatch(fact('融水苗族自治县'), fact('融水县'))).toBe(true);
    expect(factsMatch(fact('恩施州'), fact('恩施市'))).toBe(false);
    expect(factsMatch(fact('恩施州'), fact('湘西土家族苗族自治州'))).toBe(false);
  });
});

describe('autonomous prefectures', () => {
  it('are listed, all thirty, under their provinces', () => {
    const prefectures = [...places.byName.values()].filter((place) => place.name.endsWith('自治州'));
    expect(prefectures).toHaveLength(30);
    for (const prefecture of prefectures) expect(prefecture.level, prefecture.name).toBe('city');
    expect(chain(places.byName.get('伊犁哈萨克自治州') ?? null)).toEqual(['伊犁哈萨克自治州:city', '新疆维吾尔自治区:province', '中华人民共和国:national']);
  });

  it('are read from the short form with 州 (恩施州, 黔东南州), not from a county-level city of the same name or a word before 州', () => {
    expect(find('', '恩施州人民政府关于2023年州政府工作报告重点工作责任分解的通知')?.name).toBe('恩施土家族苗族自治州');
    expect(find('', '黔东南州2024年政府工作报告')?.name).toBe('黔东南苗族侗族自治州');
    expect(find('', '伊犁哈萨克自治州2024年民生实事')?.name).toBe('伊犁哈萨克自治州');
    expect(find('', '恩施市人民政府关于印发工作要点的通知')?.name).toBe('恩施市');
    expect(find('', '推进州直部门工作要点')?.name).not.toBe('推进州');
  });
});
