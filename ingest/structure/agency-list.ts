/**
 * Splits a written list of organisations into mentions, shared by task
 * divisions (annotation leads), 为民办实事 tables (牵头单位 / 责任单位 cells) and
 * leaders' division of work (分管 / 联系 lists).
 *
 * Lists are written the way people speak: `分管市应急管理局、国资委` means 市国资委,
 * `柳东新区、阳和工业新区（北部生态新区）管委会` means two 管委会, and names carry
 * their own brackets (`市财政局（金融办）`). The splitter never cuts inside
 * brackets, restores the implied level prefix (`市`) only for bare department
 * names, and hands out the shared suffix of a run of bare places. It does not
 * resolve aliases: that is a later stage.
 *
 * The vocabulary (department suffixes, place names, names that never take a
 * prefix) is data in `data/rules/agency-prefix.json`.
 */

import rules from '../../data/rules/agency-prefix.json' with { type: 'json' };
import type { AgencyMention } from '../model.ts';
import { bracketDepths, withoutTrailingBracket } from './brackets.ts';
import { compactSpan, compactText } from './compact-text.ts';
import { LEAD_SIGNS } from './lead-convention.ts';

export interface AgencyListOptions {
  /**
   * How whitespace inside the list is read. `join` (the default) drops it:
   * inside annotations and leaders' lists it is page-break residue, possibly in
   * the middle of a name. `separate` reads a whitespace run that follows a
   * complete name as a separator (table cells write `市体育局 市林业和园林局`).
   */
  readonly whitespace?: 'join' | 'separate';
}

/** Separators between items of one list. */
const ITEM_SEPARATORS = new Set(['、', '/', '／']);
/** Separators between groups; each group may set its own level prefix. */
const GROUP_SEPARATORS = new Set(['，', ',', '；', ';']);
// A sign the document defines (州教育局★) is no part of the name; lead-convention.ts reads it beside the span.
const TRAILING_NOISE = new RegExp(`[。.：:\\s${LEAD_SIGNS}]+$|等$|(?<=.{2})等(?:有关|相关)?(?:部门|单位)$`, 'u');
const LEADING_NOISE = new RegExp(`^[：:\\s${LEAD_SIGNS}]+`, 'u');
/**
 * Endings that close a unit's name for certain; single characters such as 业
 * (工业和信息化局) or 行 are left out, since they also end words inside names.
 */
const COMPLETE_UNIT_END = /(?:局|委|委员会|办|办公室|厅|中心|院|馆|(?<!社)会|联|协|社|站|所|处|队|公司|集团|银行|署|政府|大学|学院|部门|单位)$/u;

const DEPARTMENT_SUFFIXES = [...rules.departmentSuffixes].sort((a, b) => b.length - a.length);
const ORGANISATION_SUFFIXES = [...rules.organisationSuffixes].sort((a, b) => b.length - a.length);
const SHARED_SUFFIXES = [...rules.sharedSuffixes].sort((a, b) => b.length - a.length);
const NEVER_PREFIX = rules.neverPrefix.map((pattern) => new RegExp(pattern, 'u'));
const PLACE_NAMES = rules.placeNames;
const LEVEL_WORDS = rules.levelWords;

interface RawItem {
  readonly written: string;
  readonly from: number;
  readonly to: number;
  readonly group: number;
}

/**
 * Splits `source` (which sits at document offset `offset`) into agency
 * mentions in written order. Empty items are dropped.
 */
export function splitAgencyList(source: string, offset = 0, options: AgencyListOptions = {}): AgencyMention[] {
  const compact = compactText(source, offset, {
    separator: '、',
    isSeparator: options.whitespace === 'separate' ? endsLikeName : undefined,
  });
  const raw = mergeBareSuffixItems(compact.text, splitItems(compact.text));
  const names = restorePrefixes(raw, distributeSharedSuffixes(raw));
  return raw.flatMap((item, index) =>
    isPlaceholder(item.written)
      ? []
      : [
          {
            written: item.written,
            name: names[index] ?? item.written,
            span: compactSpan(compact, item.from, item.to),
          },
        ],
  );
}

/**
 * What a table writes in a cell that holds nothing: a dash (— – ― - －), a slash,
 * 无 or 暂无. Such a cell names no unit and no deadline.
 */
export function isPlaceholder(text: string): boolean {
  return /^(?:[\s\u00a0—–―─\-－~～/／]+|无|暂无)$/u.test(text.trim()) || text.trim().length === 0;
}

/** Splits at top-level separators and trims punctuation around each item. */
function splitItems(text: string): RawItem[] {
  const depths = bracketDepths(text);
  const items: RawItem[] = [];
  let group = 0;
  let start = 0;
  const push = (end: number): void => {
    let from = start;
    let to = end;
    const leading = LEADING_NOISE.exec(text.slice(from, to));
    if (leading) from += leading[0].length;
    for (;;) {
      const trailing = TRAILING_NOISE.exec(text.slice(from, to));
      if (!trailing || trailing[0].length === 0) break;
      to -= trailing[0].length;
    }
    if (to > from) items.push({ written: text.slice(from, to), from, to, group });
  };
  for (let i = 0; i < text.length; i += 1) {
    if (depths[i] !== 0) continue;
    const char = text[i] as string;
    // `区教育局（牵头）各镇（街道）` (a cell whose <br> was lost): a lead flag is never part
    // of a name, so the next name starts right after it.
    if (i > start && !ITEM_SEPARATORS.has(char) && !GROUP_SEPARATORS.has(char) && LEAD_FLAG.test(text.slice(start, i))) {
      push(i);
      start = i;
    }
    // `以及` is one conjunction of two characters: the item ends before 以, the next starts after 及.
    const width = char === '以' && text[i + 1] === '及' ? 2 : 1;
    if (ITEM_SEPARATORS.has(char) || (char === '及' && startsAreaItem(text, i + 1, depths)) || joinsTwoUnits(text, start, i, depths, width)) {
      push(i);
      start = i + width;
      i += width - 1;
    } else if (GROUP_SEPARATORS.has(char)) {
      push(i);
      start = i + 1;
      group += 1;
    }
  }
  push(text.length);
  return items;
}

/**
 * `红十字会及妇女儿童工作`: after 及 comes an area of work, not part of the
 * name before it, when the item ends in 工作 / 方面.
 */
function startsAreaItem(text: string, from: number, depths: readonly number[]): boolean {
  let end = from;
  while (end < text.length && !(depths[end] === 0 && (ITEM_SEPARATORS.has(text[end] as string) || GROUP_SEPARATORS.has(text[end] as string)))) end += 1;
  const item = text.slice(from, end).replace(TRAILING_NOISE, '');
  return from > 1 && item.length > 2 && /(?:工作|方面)$/u.test(item);
}

/**
 * `市城市管理行政执法局及市生态环境局`, `自治区残联和广西大学`, `财政所以及各村委会`:
 * 及 / 和 / 以及 between a complete unit name and another one. Names that hold 和
 * themselves (区发展和改革局, 市文化广电和旅游局) do not end in a unit word before it.
 * The right side may be a bare place whose suffix comes later (`州财政局和个旧市、
 * 开远市人民政府`); a bare place on the left joins a place that carries the shared
 * suffix (`西滩村和东门村村民委员会`: two committees).
 */
function joinsTwoUnits(text: string, itemStart: number, at: number, depths: readonly number[], width = 1): boolean {
  const char = text[at];
  const conjunction = width === 2 ? char === '以' && text[at + 1] === '及' : char === '及' || char === '和';
  if (!conjunction || at === itemStart) return false;
  const left = text.slice(itemStart, at).replace(LEADING_NOISE, '');
  let end = at + width;
  while (end < text.length && !(depths[end] === 0 && (ITEM_SEPARATORS.has(text[end] as string) || GROUP_SEPARATORS.has(text[end] as string)))) end += 1;
  const right = text.slice(at + width, end).replace(TRAILING_NOISE, '');
  if (right.length < 2) return false;
  const { core } = withoutTrailingBracket(left);
  if (COMPLETE_UNIT_END.test(core) || (width === 2 && isAgencyLike(left))) return isAgencyLike(right) || isBarePlace(right);
  const suffix = SHARED_SUFFIXES.find((candidate) => right.endsWith(candidate) && right.length > candidate.length);
  return isBarePlace(left, true) && suffix !== undefined && isBarePlace(right.slice(0, -suffix.length), true);
}

/**
 * `市直机关各有关委、办、局`: one-character items that are only a department
 * suffix belong to the item before them.
 */
function mergeBareSuffixItems(text: string, items: readonly RawItem[]): RawItem[] {
  const merged: RawItem[] = [];
  for (const item of items) {
    const previous = merged[merged.length - 1];
    // `各市、州、县人民政府`, `各县、市、区政府`, `各市、县（区）人民政府`: one collective addressee whose levels are listed.
    const levelRun = previous !== undefined && previous.group === item.group && /^(?:各|有关|相关)[\u4e00-\u9fff]?$/u.test(text.slice(previous.from, previous.to).replace(/[、].*$/u, '')) && /^[市州县区旗盟](?:[（(][市州县区旗盟]{1,3}[）)])?(?:人民政府|政府)?$/u.test(item.written);
    if (previous !== undefined && (levelRun || (previous.group === item.group && item.written.length === 1 && DEPARTMENT_SUFFIXES.includes(item.written)))) {
      merged[merged.length - 1] = { written: text.slice(previous.from, item.to), from: previous.from, to: item.to, group: previous.group };
    } else {
      merged.push(item);
    }
  }
  return merged;
}

/**
 * A run of bare places followed by a unit with a shared suffix names one unit
 * per place: `柳东新区、阳和工业新区（北部生态新区）管委会` → 柳东新区管委会, ….
 */
function distributeSharedSuffixes(items: readonly RawItem[]): string[] {
  const names = items.map((item) => item.written);
  for (let k = 0; k < items.length; k += 1) {
    const item = items[k] as RawItem;
    const suffix = SHARED_SUFFIXES.find((candidate) => item.written.endsWith(candidate) && item.written.length > candidate.length);
    if (suffix === undefined) continue;
    for (let j = k - 1; j >= 0; j -= 1) {
      const previous = items[j] as RawItem;
      if (previous.group !== item.group || !isBarePlace(previous.written, true)) break;
      names[j] = previous.written + suffix;
    }
  }
  return names;
}

/** Restores the implied level prefix of each group's bare department names. */
function restorePrefixes(items: readonly RawItem[], names: readonly string[]): string[] {
  const restored = [...names];
  let level: string | null = null;
  let group = -1;
  items.forEach((item, index) => {
    const name = names[index] ?? item.written;
    if (item.group !== group) {
      group = item.group;
      // A group that opens with a bare name continues the previous group's
      // level (`分管市人力资源社会保障局，大数据发展局`); any other opening sets
      // the level, possibly to none (`各民主党派、工商联`).
      if (!isBareDepartment(name)) level = levelOf(name);
    } else if (!isBareDepartment(name)) {
      // Inside a group the nearest level written before a bare name is its own
      // (市公安局梁园分局、区司法局、信访局 → 区信访局); a name without one keeps it.
      level = levelOf(name) ?? level;
    }
    if (level !== null && isBareDepartment(name)) restored[index] = level + name;
  });
  return restored;
}

/** The level prefix a list opener carries (`市应急管理局` → 市), or null. */
function levelOf(name: string): string | null {
  if (rules.cityLevelNames.includes(name)) return '市';
  for (const level of rules.levelPrefixes) {
    if (!name.startsWith(level)) continue;
    if (LEVEL_WORDS.some((word) => name.startsWith(word) && !name.startsWith(level + word))) continue;
    const rest = name.slice(level.length);
    // `镇江市…`, `乡宁县…`: the level character opens a place's name.
    if (/^[\u4e00-\u9fff]{1,3}[市县]/u.test(rest)) continue;
    if (rest.length > 0 && (isBareDepartment(rest) || hasDepartmentSuffix(rest))) return level;
  }
  return null;
}

/**
 * A department name written without its level: `国资委`, `财政局（金融办）`,
 * `市场监管局`. Never a place, a district government, a park committee, a
 * branch of a national body or a company.
 */
export function isBareDepartment(name: string): boolean {
  if (name.length === 0 || name.length > rules.bareDepartmentMaxLength) return false;
  const startsWithLevel = rules.levelPrefixes.some(
    (level) => name.startsWith(level) && !LEVEL_WORDS.some((word) => name.startsWith(word) && !name.startsWith(level + word)),
  );
  if (startsWithLevel) return false;
  if (rules.cityLevelNames.includes(name)) return false;
  const withoutLevelWords = LEVEL_WORDS.reduce((text, word) => text.split(word).join(''), name);
  if (withoutLevelWords.includes('市')) return false;
  if (PLACE_NAMES.some((place) => name.includes(place))) return false;
  if (NEVER_PREFIX.some((pattern) => pattern.test(name))) return false;
  return hasDepartmentSuffix(name);
}

function hasDepartmentSuffix(name: string): boolean {
  const { core } = withoutTrailingBracket(name);
  return DEPARTMENT_SUFFIXES.some((suffix) => core.endsWith(suffix));
}

/**
 * `柳东新区`, `各县`, `柳江区`, `海西州`, `西滩村`: a place with no organisation named after it.
 * A 州 / 盟 / 旗 / 村 / 社区 counts only before a shared suffix (`海南州、海西州人民政府`,
 * `北关村、南关村村民委员会`): elsewhere such a name is read as the unit itself.
 */
export function isBarePlace(name: string, beforeSharedSuffix = false): boolean {
  const { core } = withoutTrailingBracket(name);
  if (core.length === 0 || core.length > 12) return false;
  if (SHARED_SUFFIXES.some((suffix) => core.endsWith(suffix))) return false;
  return /(区|县|市|镇|乡|街道)$/u.test(core) || (beforeSharedSuffix && /[\u4e00-\u9fff](?:州|盟|旗|村|嘎查|苏木)$/u.test(core));
}

/**
 * Plausibly the name of an organisation (not a remark): it carries a level
 * prefix or ends like an organisation, brackets aside.
 */
/**
 * A unit where position says a unit stands (a responsibility cell or marker):
 * an organisation, or a place whose government is meant (城关镇, 各乡镇, 柳江区).
 */
export function isResponsibleUnit(name: string): boolean {
  return isAgencyLike(name) || isBarePlace(name);
}

export function isAgencyLike(name: string): boolean {
  if (name.length < 2 || name.length > 40) return false;
  if (/[。！？]/u.test(name)) return false;
  if (levelOf(name) !== null || rules.cityLevelNames.includes(name)) return true;
  if (/^(市|各)/u.test(name) && !LEVEL_WORDS.some((word) => name.startsWith(word))) return true;
  // Collective addressees: 相关盟市, 有关县区, 沿线乡镇, 辖区各社区.
  if (/^(?:相关|有关|沿线|辖区|涉及的?)[^，。；]{0,8}(?:盟市|市县|县区|县市区|乡镇|街道|社区|部门|单位|地区|地方|市|县|区|镇)$/u.test(name)) return true;
  // The Xinjiang Production and Construction Corps and its divisions (兵团, 第六师五家渠市).
  if (/^(?:新疆生产建设)?兵团|^第[一二三四五六七八九十]{1,3}师/u.test(name)) return true;
  const { core } = withoutTrailingBracket(name);
  return ORGANISATION_SUFFIXES.some((suffix) => core.endsWith(suffix));
}

/** A name just ended: the character closes a unit name or a bracket, or the name is a community or a street. */
function endsLikeName(previous: string, following = '', _run = '', before = ''): boolean {
  // A stated lead sign after a name (区住建局★ 区人社局) closes it like the name's own ending.
  if (/[局委办室会心社院馆联协处站所台部团府司行队关）)]/u.test(previous) || LEAD_SIGNS.includes(previous)) return true;
  // `财政所 清真巷社区 共和路社区`: a community (社区) or a street (街道, not 街道 办事处) is a whole unit.
  return /社区$/u.test(before) || (/街道$/u.test(before) && !/^(?:办事处|办)/u.test(following));
}

const LEAD_FLAG = /[（(]\s*(?:牵头|主办|牵头单位|总牵头)\s*[）)]$/u;

/**
 * `市发改委（牵头）、市交通运输局`: a bracket that flags the lead inside a list of
 * units. Returns the flagged units without their flag, and the others.
 */
export function separateLeadFlags(units: readonly AgencyMention[]): { flagged: AgencyMention[]; others: AgencyMention[] } {
  const flagged: AgencyMention[] = [];
  const others: AgencyMention[] = [];
  for (const unit of units) {
    const flag = LEAD_FLAG.exec(unit.written);
    if (flag === null) {
      others.push(unit);
      continue;
    }
    const written = unit.written.slice(0, flag.index);
    const name = unit.name.replace(LEAD_FLAG, '');
    flagged.push({ written, name, span: { start: unit.span.start, end: unit.span.end - (unit.written.length - written.length) } });
  }
  return { flagged, others };
}
