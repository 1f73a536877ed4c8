/**
 * Place names as written: a run of names at a position (柳州市柳江区,
 * 柳城县大埔镇, 容县经济开发区), each a listed place or a name read by its
 * suffix, turned into a Jurisdiction with its level and parent.
 */
import type { Jurisdiction, JurisdictionLevel } from '../model.ts';
import type { PlaceTable } from './places.ts';

/**
 * Suffixes of ordinary place names; the body before one is short (2–4
 * characters: a one-character body, 容县, must be listed in the table, or
 * 经镇人民政府研究 would name a place 经镇).
 */
const ORDINARY = /^([\u3400-\u9fff]{2,4}?)(街道|省|市|区|县|旗|盟|镇|乡)/u;
/**
 * A county with a one-character body (沁县, 泾县, 蠡县) not in the table, read
 * only where its government or congress follows, so 两县 or 经县 in prose is no place.
 */
const ONE_CHARACTER_COUNTY = /^((?![两三四五六七八九十几多诸邻外])[\u3400-\u9fff])(县)(?=人民政府|政府|第?[一二三四五六七八九十]{1,3}届人民代表大会)/u;
/**
 * Inner Mongolia's banners named with a wing or a union: 科尔沁右翼前旗, 察哈尔右翼中旗,
 * 达尔罕茂明安联合旗, whose bodies are longer than an ordinary name's.
 */
const BANNER = /^([\u3400-\u9fff]{2,6}?(?:左翼|右翼|联合)[前中后]?)(旗)/u;
/** Ethnic autonomous places: 融水苗族自治县, 广西壮族自治区, 黔东南苗族侗族自治州. */
const AUTONOMOUS = /^([\u3400-\u9fff]{1,8}?族)(自治区|自治州|自治县|自治旗)/u;
/**
 * An autonomous prefecture by its short name (恩施州, 黔东南州, 伊犁州): read only
 * where the body is a listed short name, or 推进州直部门 would name a place 推进州.
 */
const SHORT_PREFECTURE = /^([\u3400-\u9fff]{2,4}?)(州)/u;
/** Development zones and parks that have their own administration. */
const ZONE = /^([\u3400-\u9fff]{1,4}?)(经济技术开发区|高新技术产业开发区|经济开发区|工业园区|产业园区|高新区|开发区|试验区|示范区|新区|园区)/u;
/** A zone name without a place of its own (经济开发区 in 容县经济开发区) belongs to the name before it. */
const GENERIC_ZONE_BODY = /^(?:经济技术|经济|高新技术产业|高新技术|高新|工业|产业|综合|示范)?$/u;
/**
 * Bodies that make a word, not a place: 城区, 市区, 全区, 各县, 本市 … the
 * bare level words (自治区 read as 自治 + 区), and a level word before a name
 * (市城市管理局 is not a place 市城市).
 */
const NOT_A_BODY = /^(?:[各全本该我其所辖每此经根按依由请对为在从把被让使现报送于就已如若凡市县区省][\u3400-\u9fff]*|城|郊|新|园|社|小|片|街|自治|地|老)$/u;
/** Words that never occur in a place name: the text has gone on to something else. */
const NOT_IN_A_NAME = /人民|政府|关于|印发|的|年/u;

export interface NameToken {
  readonly text: string;
  /** Set when the token is a listed place (also for 融水县, a short name with a suffix). */
  readonly known: string | null;
  /** A zone whose own name is generic (经济开发区): it belongs to the place before it. */
  readonly genericZone: boolean;
}

/** The place name that starts at `at`, or null. */
export function nameAt(text: string, at: number, places: PlaceTable): NameToken | null {
  for (const name of places.namesLongestFirst) {
    if (text.startsWith(name, at)) return { text: name, known: name, genericZone: false };
  }
  // 广西柳州市 is 广西 + 柳州市, not one name read by its suffix.
  for (const alias of places.aliasesLongestFirst) {
    if (!text.startsWith(alias, at)) continue;
    const next = nameAt(text, at + alias.length, places);
    if (next?.known) return { text: alias, known: places.byAlias.get(alias) ?? null, genericZone: false };
  }
  const rest = text.slice(at, at + 24);
  const candidates: { text: string; body: string; suffix: string; zone: boolean; autonomous: boolean }[] = [];
  for (const [pattern, zone] of [[ORDINARY, false], [BANNER, false], [AUTONOMOUS, false], [ZONE, true], [ONE_CHARACTER_COUNTY, false]] as const) {
    const match = pattern.exec(rest);
    if (match?.[1] && match[2]) candidates.push({ text: match[0], body: match[1], suffix: match[2], zone, autonomous: pattern === AUTONOMOUS });
  }
  const prefecture = SHORT_PREFECTURE.exec(rest);
  if (prefecture?.[1] && prefecture[2]) {
    const known = aliasWithSuffix(prefecture[1], prefecture[2], places);
    if (known !== null) return { text: prefecture[0], known, genericZone: false };
  }
  // The shortest reading leaves the rest to the next name (容县 + 经济开发区).
  candidates.sort((a, b) => a.text.length - b.text.length);
  for (const candidate of candidates) {
    if (NOT_IN_A_NAME.test(candidate.body)) continue;
    if (candidate.zone) {
      const genericZone = GENERIC_ZONE_BODY.test(candidate.body);
      if (!genericZone && NOT_A_BODY.test(candidate.body)) continue;
      return { text: candidate.text, known: null, genericZone };
    }
    // 本溪满族自治县: a body that names a people is a place even when it opens like a word (本市);
    // 各民族 / 少数民族 are no place.
    const ethnicBody = candidate.autonomous && !/民族/u.test(candidate.body);
    if (!ethnicBody && NOT_A_BODY.test(candidate.body)) continue;
    return { text: candidate.text, known: aliasWithSuffix(candidate.body, candidate.suffix, places), genericZone: false };
  }
  return null;
}

/** 融水县 is 融水苗族自治县, 柳州市 written 柳州市: a short name plus a suffix of the place's level. */
function aliasWithSuffix(body: string, suffix: string, places: PlaceTable): string | null {
  const name = places.byAlias.get(body);
  const place = name === undefined ? undefined : places.byName.get(name);
  if (place === undefined) return null;
  // An autonomous prefecture is written 恩施州, never 恩施市 (a county-level city inside it).
  if (place.name.endsWith('自治州') !== (suffix === '州')) return null;
  return levelsOfSuffix(suffix).includes(place.level) ? place.name : null;
}

/** The names that follow each other from `at` (柳州市柳江区 → 柳州市, 柳江区), and where they end. */
export function namesAt(text: string, at: number, places: PlaceTable): { tokens: NameToken[]; end: number } {
  const tokens: NameToken[] = [];
  let end = at;
  for (let token = nameAt(text, end, places); token !== null; token = nameAt(text, end, places)) {
    // A generic zone opens no chain of its own.
    if (tokens.length === 0 && token.genericZone) break;
    tokens.push(token);
    end += token.text.length;
  }
  return { tokens, end };
}

/**
 * The jurisdiction a run of names means: the last name, in the one before it,
 * … A listed place brings its own parents from the table.
 */
export function jurisdictionOf(tokens: readonly NameToken[], places: PlaceTable): Jurisdiction | null {
  let place: Jurisdiction | null = null;
  for (const token of tokens) {
    if (token.genericZone && place !== null) {
      place = { name: `${place.name}${token.text}`, level: 'district', parent: place };
      continue;
    }
    const listed = token.known === null ? undefined : places.byName.get(token.known);
    if (listed !== undefined) {
      place = listed;
      continue;
    }
    place = { name: token.text, level: levelOfName(token.text, place?.level ?? null), parent: place ?? zoneOwner(token.text, places) };
  }
  return place;
}

/** 北海工业园区 belongs to 北海市: a zone named after a listed place. */
function zoneOwner(name: string, places: PlaceTable): Jurisdiction | null {
  const zone = ZONE.exec(name);
  if (zone?.[1] === undefined || zone[0] !== name) return null;
  const owner = places.byAlias.get(zone[1]) ?? (places.byName.has(zone[1]) ? zone[1] : undefined);
  return owner === undefined ? null : (places.byName.get(owner) ?? null);
}

/** The level a name's suffix tells; 市 under a city is a county-level city. */
export function levelOfName(name: string, parentLevel: JurisdictionLevel | null): JurisdictionLevel {
  if (name === '中华人民共和国') return 'national';
  if (/(?:省|自治区|特别行政区)$/u.test(name)) return 'province';
  if (/(?:街道|镇|乡|苏木)$/u.test(name)) return 'town';
  if (/(?:县|旗)$/u.test(name)) return 'county';
  if (/(?:州|盟|地区)$/u.test(name)) return 'city';
  if (/市$/u.test(name)) return parentLevel === 'city' ? 'county' : 'city';
  return 'district';
}

function levelsOfSuffix(suffix: string): readonly JurisdictionLevel[] {
  switch (suffix) {
    case '省':
      return ['province'];
    case '市':
      return ['province', 'city', 'county'];
    case '区':
      return ['province', 'district'];
    case '县':
    case '旗':
      return ['county'];
    case '盟':
    case '州':
      return ['city'];
    default:
      return ['town'];
  }
}

/**
 * The written form of a place: its name after its parents' below the province
 * (柳州市柳江区); a zone named after its place is not prefixed twice
 * (玉林市容县经济开发区).
 */
export function qualifiedName(place: Jurisdiction): string {
  const parent = place.parent;
  // Under a province a name is unique enough; a municipality's districts are written after it (北京市朝阳区).
  if (parent === null || parent.level === 'national' || (parent.level === 'province' && !parent.name.endsWith('市'))) return place.name;
  const above = qualifiedName(parent);
  return place.name.startsWith(parent.name) ? `${above.slice(0, above.length - parent.name.length)}${place.name}` : `${above}${place.name}`;
}
