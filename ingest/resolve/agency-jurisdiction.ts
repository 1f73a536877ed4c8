/**
 * The jurisdiction an agency belongs to, from its name and the jurisdiction of
 * the document that names it. Documents write their own bodies without the
 * place (市财政局 in Liuzhou's, 区城管局 in a district's, 城管局 anywhere), so
 * the same written name is a different body in each place:
 *  - a name that opens with a place is that place's (柳州市财政局 → 柳州市,
 *    融安县人民政府 → 融安县, 大埔镇人民政府 in 柳城县's document → 大埔镇 of 柳城县);
 *  - a local unit of a central body names its place inside (国家税务总局柳州市税务局,
 *    国家统计局湖南调查总队): the document's place or ancestor it names;
 *  - a level prefix names the document's place or the ancestor of that level
 *    (市发展改革委 in 柳江区's document → 柳州市; 自治区财政厅 in a city's →
 *    广西壮族自治区; 国家发展改革委, 国务院国资委 → 中华人民共和国);
 *  - anything else (bare 城管局, 各部门, 区X局 in a city's document) is the
 *    document's own.
 */
import { levelOfName, namesAt } from '../jurisdiction/names.ts';
import { ancestry, type PlaceTable } from '../jurisdiction/places.ts';
import type { Jurisdiction, JurisdictionLevel } from '../model.ts';

/** Prefixes that name a level, longest first, and the levels they may mean. */
const LEVEL_PREFIXES: readonly (readonly [RegExp, readonly JurisdictionLevel[]])[] = [
  [/^(?:国家|国务院|全国|中央|中国(?!共))/u, ['national']],
  [/^(?:中共)?(?:省|自治区)/u, ['province']],
  [/^(?:中共|团)?(?:市|州|盟)/u, ['city']],
  [/^(?:中共|团)?(?:区|县|旗)/u, ['district', 'county']],
  [/^(?:中共)?(?:镇|乡|街道)/u, ['town']],
];

/** What follows a place that is named as a government: 人民政府, 管委会, 街道办事处 … */
const GOVERNMENT = /^(?:人民政府|政府|管委会|管理委员会|办事处|街道办|党委|党工委|人大|政协)/u;

export function agencyJurisdiction(name: string, document: Jurisdiction | null, places: PlaceTable): Jurisdiction | null {
  const chain = ancestry(document);
  const body = name.replace(/^中共/u, '');

  const named = placeOpening(body, chain, places);
  if (named !== null) return named;

  // 国家税务总局柳州市税务局: the document's place (or an ancestor) named inside.
  for (const place of chain) {
    if (place.level === 'national') continue;
    const words = [place.name, ...aliasesOf(place.name, places)];
    if (words.some((word) => body.indexOf(word) > 0)) return place;
  }

  for (const [prefix, levels] of LEVEL_PREFIXES) {
    if (!prefix.test(body)) continue;
    if (levels.includes('national')) return chain.find((place) => place.level === 'national') ?? places.byName.get('中华人民共和国') ?? null;
    // A municipality (北京市) is a province that is also the city.
    const match = chain.find((place) => levels.includes(place.level) || (levels.includes('city') && place.level === 'province' && place.name.endsWith('市')));
    if (match !== undefined) return match;
    // 省财政厅 in the document of a city whose province is unknown: not the city's.
    if (document !== null && levels.every((level) => rank(level) < rank(document.level))) return null;
    // 区X局 in a city's document names one of its districts, not which: the city's.
    return document;
  }
  return document;
}

/** The place a name opens with (柳州市财政局 → 柳州市), resolved against the document's own chain. */
function placeOpening(name: string, chain: readonly Jurisdiction[], places: PlaceTable): Jurisdiction | null {
  const read = namesAt(name, 0, places);
  const tokens = [...read.tokens];
  let end = read.end;
  // A name read by its suffix is a place only before its government (大埔镇人民政府):
  // in 柳州市住房城乡建设局, 住房城乡 is not a township.
  while (tokens.length > 0 && tokens[tokens.length - 1]?.known === null && !GOVERNMENT.test(name.slice(end))) {
    end -= tokens.pop()?.text.length ?? 0;
  }
  // A zone (柳东新区管委会) is a body of its place, and a name must go on after the place.
  if (tokens.length === 0 || tokens.some((token) => token.genericZone) || end >= name.length - 1) return null;
  const last = tokens[tokens.length - 1];
  if (last === undefined || /(?:新区|园区|开发区|试验区|示范区|高新区)$/u.test(last.text)) return null;
  const own = chain.find((place) => place.name === last.text);
  if (own !== undefined) return own;
  const known = last.known === null ? undefined : places.byName.get(last.known);
  if (known !== undefined) return known;
  // An unlisted place: in the one written before it, else in the document's
  // place when it is of a lower level (大埔镇 named in 柳城县's document).
  const before = tokens.length > 1 ? tokens[tokens.length - 2] : undefined;
  const writtenParent = before === undefined ? null : (chain.find((place) => place.name === before.text) ?? (before.known ? (places.byName.get(before.known) ?? null) : null));
  const level = levelOfName(last.text, writtenParent?.level ?? chain[0]?.level ?? null);
  const document = chain[0];
  const parent = writtenParent ?? (document !== undefined && rank(level) > rank(document.level) ? document : null);
  return { name: last.text, level, parent };
}

function aliasesOf(name: string, places: PlaceTable): string[] {
  return [...places.byAlias].filter(([, full]) => full === name).map(([alias]) => alias);
}

const RANKS: Readonly<Record<JurisdictionLevel, number>> = { national: 0, province: 1, city: 2, district: 3, county: 3, town: 4 };

function rank(level: JurisdictionLevel): number {
  return RANKS[level];
}
