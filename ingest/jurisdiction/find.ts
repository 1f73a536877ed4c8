/**
 * A document's jurisdiction: the place whose government issued it. The
 * evidence, strongest first:
 *  1. the title: 柳州市人民政府关于…, 柳江区2024年政府工作报告, 国务院关于…;
 *  2. issuer lines at the head or foot: 柳城县大埔镇人民政府 / 营口市站前区人民政府文件 /
 *     the signature 柳州市城中区人民政府办公室 / 发布机构：桂林市人民政府办公室 /
 *     the speaker 大邑县人民政府县长 / the subtitle 在大邑县第十九届人民代表大会…上;
 *  3. the document number's prefix: 桂政发 → 广西壮族自治区 (the table's abbreviations);
 *  4. the text: a listed place's government or congress (在柳州市第十四届人民代表大会…,
 *     百色市右江区人民政府召开…, 十四届全国人大);
 *  5. the wording: a report that speaks as 市人民政府 and names 柳州 more than any
 *     other city.
 * The parent comes from the table for listed places, else from a name written
 * before it anywhere in that evidence (营口市站前区 → 站前区 in 营口市).
 */
import type { DocumentHeader, DocumentJurisdiction, Jurisdiction, JurisdictionEvidence, JurisdictionLevel } from '../model.ts';
import { jurisdictionOf, namesAt, type NameToken } from './names.ts';
import type { PlaceTable } from './places.ts';

/** Lines from the top and the bottom searched for an issuer. */
const HEAD_LINES = 12;
const FOOT_LINES = 8;
/** Lines from the top that may be the title when the classifier found none. */
const TITLE_LINES = 3;

/** What follows a place's name when it is the issuer (a 盟 or 地区 is governed by its 行政公署). */
const INSTITUTION = /^(?:人民政府|政府|行政公署|行署|管委会|管理委员会|办事处|人民代表大会|人大|第?[一二三四五六七八九十]{1,3}届人民代表大会|第?[一二三四五六七八九十]{1,3}届人大)/u;
/**
 * How an issuer line goes on after the place: the government (or its office)
 * and then the end, a date, 文件, 关于…, not a sentence (主持镇人民政府全面工作).
 */
const ISSUER_END = /^(?:人民政府|政府|行政公署|行署|管委会|管理委员会|办事处)(?:办公室|办公厅|秘书处|(?:代理?|副)?[省市州盟区县旗镇乡]长|主任)?(?:文件|关于|印发|工作报告|公报)?(?=$|[\s\u3000\d（(])/u;
/** A report's subtitle: ——2024年1月10日在大邑县第十九届人民代表大会第三次会议上. */
const CONGRESS_AFTER_PLACE = /^第?[一二三四五六七八九十]{1,3}届人民代表大会/u;
/** Labels web pages and metadata blocks put before the issuer. */
const ISSUER_LABEL = /(?:发布机构|发文机关|发文单位|发布单位|成文单位|制发机关|信息来源|来源|主办单位|主办|版权所有)\s*[：:\t]\s*/gu;
/** The State Council as issuer: 国务院关于…, 国务院办公厅印发…, the signature 国务院. */
/** What follows a place at the start of a title: 天台县2022年…, 某县十八届…, 某区民生实事…, 某市《政府工作报告》…. */
const TITLE_AFTER_PLACE = /^(?:\d{4}年|[十百]?[一二三四五六七八九十]{1,3}届|民生实事|为民办实事|惠民实事|政府工作报告|重点工作|《)/u;
const STATE_COUNCIL = /^国务院(?:办公厅)?(?:关于|印发|文件|$)/u;
const NATIONAL_CONGRESS = /(?:第?[一二三四五六七八九十]{1,3}届)?全国(?:人民代表大会|人大)/u;
/** How a work report speaks of its own government: 我代表市人民政府. */
const SELF_REFERENCE = /我代表(省|自治区|市|州|盟|区|县|旗|镇|乡)人民政府/u;
/** A report must name its place this often before the wording alone decides. */
const MIN_WORDING_COUNT = 2;

interface Reading {
  readonly tokens: readonly NameToken[];
  readonly evidence: JurisdictionEvidence;
}

export function findJurisdiction(text: string, header: Pick<DocumentHeader, 'title' | 'docNo'>, places: PlaceTable): DocumentJurisdiction | null {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  const national = places.byName.get('中华人民共和国') ?? { name: '中华人民共和国', level: 'national' as const, parent: null };

  // The title, or a heading the classifier did not take for one (天台县2022年…计划表).
  const headings = lines.slice(0, TITLE_LINES).filter((line) => !/[。；，：]/u.test(line));
  const fromTitle = [header.title, ...headings].map((line) => titleReading(line, text, places)).find((reading) => reading !== null) ?? null;
  if (fromTitle === 'national') return { ...national, evidence: 'title' };
  const issuers = issuerReadings([...lines.slice(0, HEAD_LINES), ...lines.slice(-FOOT_LINES)], places);
  if (issuers[0] === 'national') return { ...national, evidence: 'issuer' };
  const textual = textReadings(text, places);

  const readings = [fromTitle, ...issuers, ...textual].filter((reading): reading is Reading => reading !== null && reading !== 'national');
  const first = fromTitle ?? issuers.find((reading): reading is Reading => reading !== 'national') ?? null;
  if (first !== null) return withEvidence(placeOf(first, readings, places), first.evidence);

  const fromNumber = header.docNo === null ? null : placeOfNumber(header.docNo, places);
  if (fromNumber !== null) return withEvidence(fromNumber, 'doc-number');
  if (textual[0]) return withEvidence(placeOf(textual[0], readings, places), 'text');
  if (NATIONAL_CONGRESS.test(text) && /政府工作报告/u.test(text)) return { ...national, evidence: 'text' };
  const quoted = quotedTitleReading(text, places);
  if (quoted !== null) return withEvidence(placeOf(quoted, readings, places), 'text');
  const paper = placeOfNewspaper(lines[0] ?? '', text, places);
  if (paper !== null) return withEvidence(paper, 'text');
  return withEvidence(placeOfWording(text, places), 'wording');
}

/** A news item's dateline: `梅州日报讯`, `某某晚报讯`, `某某新闻网讯` — the paper carries its place's short name. */
const NEWS_DATELINE = /^([\u4e00-\u9fff]{2,4}?)(?:日报|晚报|新闻网|融媒体中心)(?:社)?讯/u;

/**
 * The place of a local paper's dateline, when the item speaks at that place's level
 * (`全市` for a city): a provincial paper (南方日报讯) names no listed place.
 */
function placeOfNewspaper(firstLine: string, text: string, places: PlaceTable): Jurisdiction | null {
  const short = NEWS_DATELINE.exec(firstLine)?.[1];
  if (short === undefined) return null;
  const listed = places.byAlias.get(short);
  if (listed !== undefined) {
    const place = places.byName.get(listed);
    const level = listed.slice(-1);
    return place !== undefined && text.includes(`全${level}`) ? place : null;
  }
  // A place the table does not list: its short name and the level the item speaks at (梅州 + 全市).
  const level = [...'市县区旗州盟'].find((candidate) => text.includes(`全${candidate}`));
  if (level === undefined) return null;
  const name = `${short}${level}`;
  const { tokens, end } = namesAt(name, 0, places);
  return tokens.length === 1 && end === name.length ? jurisdictionOf(tokens, places) : null;
}

function withEvidence(place: Jurisdiction | null, evidence: JurisdictionEvidence): DocumentJurisdiction | null {
  return place === null ? null : { ...place, evidence };
}

/** A title that opens with a place: 柳州市人民政府关于…, 2017年柳州市政府工作报告, 天台县2022年…. */
function titleReading(line: string, text: string, places: PlaceTable): Reading | 'national' | null {
  const title = line.replace(/^[#*\s]+/u, '');
  const start = /^(?:\d{4}年)?/u.exec(title)?.[0].length ?? 0;
  if (STATE_COUNCIL.test(title.slice(start))) return 'national';
  const { tokens, end } = namesAt(title, start, places);
  if (tokens.length === 0) return null;
  // A listed place, or a place within a place (宁德市蕉城区), may be followed by
  // anything (柳南区民生实事…); one name read by its suffix only by what shows
  // it is a place: its government, a year, a congress, a family's words.
  const after = title.slice(end);
  const only = tokens.length === 1 ? tokens[0] : undefined;
  // 杭某某区长, 王某某市委书记 are a person and a title, not 杭某某区 followed by something;
  // 南阳市委经济工作会议, 某区委全会 are the place's party committee meeting.
  const speaksForIt = !PERSON_TITLE_AFTER_NAME.test(after) && speaksAsLevelOf(only?.text ?? '', text);
  if (only?.known === null && !INSTITUTION.test(after) && !TITLE_AFTER_PLACE.test(after) && !speaksForIt) return null;
  return { tokens, evidence: 'title' };
}

/** What makes `name + level` a person's title: 区长, 市级, 市委书记, 县委常委 (not 常委会). */
const PERSON_TITLE_AFTER_NAME = /^(?:[长级]|委(?:书记|副书记|常委(?!会)|委员|$))/u;

/** A verb that introduces the title of the document a news report is about. */
const ISSUED_TITLE = /(?:印发|公布|发布|出台|审议通过|确定)了?《?/gu;

/**
 * `市委、市政府印发绵阳市2023年市级民生实事项目清单`: a news report that names the
 * document it reports on, a place opening that title, and speaks as that place's level.
 */
function quotedTitleReading(text: string, places: PlaceTable): Reading | null {
  for (const match of text.matchAll(ISSUED_TITLE)) {
    const start = (match.index ?? 0) + match[0].length;
    const { tokens, end } = namesAt(text, start, places);
    const only = tokens.length === 1 ? tokens[0] : undefined;
    if (tokens.length === 0 || !TITLE_AFTER_PLACE.test(text.slice(end, end + 20))) continue;
    if (only?.known === null && !speaksAsLevelOf(only.text, text)) continue;
    return { tokens, evidence: 'text' };
  }
  return null;
}

/**
 * 尤溪县全面推进…清单 whose text says 全县 / 县委 / 县政府: the document speaks as a
 * government of the level the title's name ends with, so the name is its place.
 */
function speaksAsLevelOf(name: string, text: string): boolean {
  const level = /[省市区县旗镇乡]$/u.exec(name)?.[0];
  if (level === undefined) return false;
  return new RegExp(`[全本我]${level}|${level}(?:委|政府|直)`, 'u').test(text);
}

/** Issuer lines, in order: a line that opens (after a label) with a place's government. */
function issuerReadings(lines: readonly string[], places: PlaceTable): (Reading | 'national')[] {
  const readings: (Reading | 'national')[] = [];
  for (const line of lines) {
    const starts = [0, ...[...line.matchAll(ISSUER_LABEL)].map((match) => (match.index ?? 0) + match[0].length)];
    for (const start of starts) {
      const rest = line.slice(start).replace(/^[#*\s]+/u, '');
      const offset = line.length - start - rest.length;
      if (STATE_COUNCIL.test(rest)) {
        readings.push('national');
        continue;
      }
      const { tokens, end } = namesAt(line, start + offset, places);
      if (tokens.length > 0 && ISSUER_END.test(line.slice(end))) readings.push({ tokens, evidence: 'issuer' });
    }
    for (const match of line.matchAll(/在/gu)) {
      const { tokens, end } = namesAt(line, (match.index ?? 0) + 1, places);
      // Its own congress names the place as surely as an issuer line, but in the text.
      if (tokens.length > 0 && CONGRESS_AFTER_PLACE.test(line.slice(end))) readings.push({ tokens, evidence: 'text' });
    }
  }
  return readings;
}

/** A listed place's government or congress named anywhere in the text, most often named first. */
function textReadings(text: string, places: PlaceTable): Reading[] {
  const counts = new Map<string, { reading: Reading; count: number; first: number }>();
  for (const name of places.namesLongestFirst) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + name.length)) {
      // 柳州市 inside 广西柳州市 is read from where the run of names starts.
      if (at > 0 && places.namesLongestFirst.some((other) => other !== name && other.includes(name) && text.startsWith(other, at - other.indexOf(name)))) continue;
      const { tokens, end } = namesAt(text, at, places);
      if (tokens.length === 0 || !INSTITUTION.test(text.slice(end, end + 12))) continue;
      const key = tokens.map((token) => token.text).join('');
      const seen = counts.get(key);
      if (seen) seen.count += 1;
      else counts.set(key, { reading: { tokens, evidence: 'text' }, count: 1, first: at });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.first - b.first).map((entry) => entry.reading);
}

/**
 * The place a reading names. A place the table does not list takes its parent
 * from another reading that writes a name before it (站前区 ← 营口市站前区).
 */
function placeOf(reading: Reading, readings: readonly Reading[], places: PlaceTable): Jurisdiction | null {
  const place = jurisdictionOf(reading.tokens, places);
  if (place === null || place.parent !== null || places.byName.has(place.name)) return place;
  for (const other of readings) {
    const index = other.tokens.findIndex((token, at) => at > 0 && token.text === place.name);
    if (index > 0) return jurisdictionOf(other.tokens.slice(0, index + 1), places);
  }
  return place;
}

/** 桂政发〔2024〕5号 → 广西壮族自治区: the part before 政/府/办/发, looked up in the table. */
function placeOfNumber(docNo: string, places: PlaceTable): Jurisdiction | null {
  const prefix = /^([\u3400-\u9fff]+?)(?:政|府|办|发|函)/u.exec(docNo)?.[1];
  const name = prefix === undefined ? undefined : places.byAbbreviation.get(prefix);
  return name === undefined ? null : (places.byName.get(name) ?? null);
}

/** A report that speaks as 市人民政府: the city it names most often (by full or short name). */
function placeOfWording(text: string, places: PlaceTable): Jurisdiction | null {
  const word = SELF_REFERENCE.exec(text)?.[1];
  if (word === undefined) return null;
  const level = SELF_LEVEL[word];
  let best: { place: Jurisdiction; count: number } | null = null;
  for (const place of places.byName.values()) {
    if (place.level !== level) continue;
    const aliases = [...places.byAlias].filter(([, name]) => name === place.name).map(([alias]) => alias);
    // Short names count their full names' occurrences too (柳州 in 柳州市).
    const count = countOf(text, aliases.length > 0 ? aliases : [place.name]);
    if (count >= MIN_WORDING_COUNT && (best === null || count > best.count)) best = { place, count };
  }
  return best?.place ?? null;
}

const SELF_LEVEL: Readonly<Record<string, JurisdictionLevel>> = {
  省: 'province',
  自治区: 'province',
  市: 'city',
  州: 'city',
  盟: 'city',
  区: 'district',
  县: 'county',
  旗: 'county',
  镇: 'town',
  乡: 'town',
};

function countOf(text: string, words: readonly string[]): number {
  let count = 0;
  for (const word of words) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) count += 1;
  }
  return count;
}
