/**
 * How government leaders are named in a division of work: a personal name and
 * a title, in either order, glued or spaced (`陈某华常务副市长`, `副市长 张某某`,
 * `常务副省长李某负责…`), `张某某同志`, a title alone (`仍由区长直接分管`), or the
 * pronoun 其. The titles are those of every level of government — provinces
 * and autonomous regions (省长, 自治区主席), cities, prefectures, districts,
 * counties, banners, towns — and their deputies and secretaries-general.
 */

/** The office a title names, e.g. 副市长 (deputy of a city's head). */
const HEAD_OF = '(?:省|市|州|区|县|旗|盟|镇|乡)长';
/** `市人民政府`, `区政府` before a title (`市人民政府副市长`, `自治区人民政府秘书长`). */
const GOVERNMENT = '(?:(?:自治区|省|市|州|区|县|旗|盟|镇|乡)(?:人民)?政府)?';
/**
 * A leader's title. 主席 is read only as 自治区主席, since alone it is as often
 * a 政协 or congress chair.
 */
const TITLE =
  `${GOVERNMENT}(?:副?秘书长|${HEAD_OF}助理|(?:常务)?副?${HEAD_OF}|代${HEAD_OF}|党组(?:成员|副书记))` +
  `|自治区(?:人民政府)?(?:常务)?副?主席` +
  // A development zone's or park's committee is led by its 主任; alone, 主任 heads an office.
  `|(?:管委会|管理委员会)(?:常务)?副?主任`;
/** Words before a title that say how the post is held: 新任副区长, 挂职副县长. */
const QUALIFIER = '(?:新任|挂职|挂任|代理)';
/**
 * A personal name: two to four characters, or a longer one with a middle dot
 * (维吾尔 or 蒙古 names), or an anonymised one, a Latin initial and 某 (X某某, as
 * published copies that mask names write them). Lazy, so that a name glued to what follows
 * (`周某林负责`) ends where the follower starts.
 */
const NAME = '(?:[\\u4e00-\\u9fff](?:[\\u4e00-\\u9fff]{1,3}?|[\\u4e00-\\u9fff·]{2,11}?)|[A-Z]某{1,2})';
/**
 * What can follow a name written glued to its duties (`李某负责…`, `张某华副县长不再分管…`):
 * a duty or role word, or a word that opens the rest of a sentence.
 */
const FOLLOWER =
  '(?:负责|领导|主持|分管|协助|联系|主管|不再|改为|同时|继续|接手|兼任|兼|在原|仍|列席|挂点|代管|其他|同志|[：:，,；;。（(]|$)';

/**
 * Titles read only at the start of a heading line of their own (`副主任：孙某某`): a
 * 街道办事处 is led by its 主任, but inside prose (or after a word: `综合办主任：…`) a bare
 * 主任 heads any office, so it names no leader there.
 */
const HEADING_TITLE = `${TITLE}|(?:街道)?(?:办事处)?(?:常务)?副?主任`;

export const TITLE_PATTERN = new RegExp(`^(?:${TITLE})$`, 'u');
/** The title grammar as a pattern source, for patterns built around it. */
export const TITLE_SOURCE = TITLE;

/**
 * A name never opens with a word of the text around it (常务 opens 常务副旗长), nor with a function
 * word; characters such as 为 or 和 are common inside given names (李为民).
 */
const NOT_A_NAME = /^(?:各位|全体|有关|广大|其他|分管|协助|负责|联系|主管|领导|主持|同时|新任|挂职|常务|原|根据|会议|本网|记者|[的和与在由对将为是及等各其该本了要把被从归])|[的、了，。：]|负责|分管|领导|主要|有关|相关|部门|单位|工作/u;

export function isPersonName(name: string): boolean {
  if (NOT_A_NAME.test(name)) return false;
  return name.includes('·') ? name.length >= 3 && name.length <= 12 : name.length >= 2 && name.length <= 4;
}

export function isLeaderTitle(text: string): boolean {
  return TITLE_PATTERN.test(text);
}

export interface LeaderMention {
  /** The personal name; null when only a title (or 其) refers to the leader. */
  readonly name: string | null;
  readonly title: string | null;
  /** True for the pronoun 其: the leader the sentence is about. */
  readonly pronoun: boolean;
  /** Length of the mention in the text it was read from. */
  readonly length: number;
}

/** `党委委员、副镇长`, `市委常委、常务副市长`: offices listed before the title. */
const OFFICES_BEFORE = '(?:[\\u4e00-\\u9fff]{2,8}、)?';

/**
 * Offices held beside the title, between it and the name (`副县长、县公安局局长高某某`):
 * each ends with an office word, so the name after them is never read as part of one.
 */
const OFFICES_AFTER = '(?:、[\\u4e00-\\u9fff]{1,12}?(?:长|书记|主任|委员|主席|政委|成员|常委|调研员|巡视员))*';

/** How a post is held, in brackets after the title: `副县长（挂职）：黄某`. */
const HOW_HELD = '(?:\\s*[（(](?:挂职|兼职|代理|兼)[^（）()]{0,20}[）)])?';

/** Title first, then the name: `常务副区长黄某文`, `新任副区长陆某刚接手…`, `副旗长（挂职）：郭某协助分管…`. */
const TITLE_THEN_NAME = new RegExp(
  `^${OFFICES_BEFORE}${QUALIFIER}?(${TITLE_SOURCE})${HOW_HELD}[：:]?(${NAME})(?:同志)?(?=${FOLLOWER})`,
  'u',
);
/** Name first, then the title: `陈某华常务副市长`, `莫某副县长其他分工不变`. */
const NAME_THEN_TITLE = new RegExp(`^(${NAME})(?:同志)?${QUALIFIER}?(${TITLE_SOURCE})(?=${FOLLOWER}|、)`, 'u');
/** `覃某雯同志`, `市长李明同志`, `王芳同志（副市长）`. */
const COMRADE = new RegExp(`^(?:(${TITLE_SOURCE})[：:]?)?(${NAME})同志(?:[（(](${TITLE_SOURCE})[）)])?`, 'u');

/**
 * The leader named at the start of `text` (compact text: no whitespace), or
 * null. The name must be followed by a duty word, punctuation or the end, so
 * that `副市长协助市长工作` names nobody.
 */
export function mentionAtStart(text: string): LeaderMention | null {
  for (const [pattern, nameGroup, titleGroups] of [
    [COMRADE, 2, [1, 3]],
    [TITLE_THEN_NAME, 2, [1]],
    [NAME_THEN_TITLE, 1, [2]],
  ] as const) {
    const match = pattern.exec(text);
    if (!match) continue;
    const name = match[nameGroup] ?? '';
    if (!isPersonName(name)) continue;
    const title = titleGroups.map((group) => match[group]).find((value) => value !== undefined) ?? null;
    return { name, title, pronoun: false, length: match[0].length };
  }
  return null;
}

/**
 * The whole of `text` as a reference to a leader, as it stands between 由 and
 * the role word of a passive sentence: `常务副区长黄某文`, `莫某副县长`,
 * `挂职副区长吴某`, `区长`, `其`, or a bare name the document has introduced.
 */
export function readReference(text: string, knownNames: ReadonlySet<string>): LeaderMention | null {
  const length = text.length;
  if (text === '其') return { name: null, title: null, pronoun: true, length };
  const bare = text.replace(new RegExp(`^${QUALIFIER}`, 'u'), '').replace(/同志$/u, '');
  if (isLeaderTitle(bare)) return { name: null, title: bare, pronoun: false, length };
  if (knownNames.has(bare)) return { name: bare, title: null, pronoun: false, length };
  // `由张某同志分管`: 同志 vouches for a name the document has not introduced.
  if (text.endsWith('同志') && isPersonName(bare)) return { name: bare, title: null, pronoun: false, length };
  const titleFirst = new RegExp(`^(${TITLE_SOURCE})(${NAME})$`, 'u').exec(bare);
  if (titleFirst && isPersonName(titleFirst[2] as string)) {
    return { name: titleFirst[2] as string, title: titleFirst[1] as string, pronoun: false, length };
  }
  const nameFirst = new RegExp(`^(${NAME})(${TITLE_SOURCE})$`, 'u').exec(bare);
  if (nameFirst && isPersonName(nameFirst[1] as string)) {
    return { name: nameFirst[1] as string, title: nameFirst[2] as string, pronoun: false, length };
  }
  return null;
}

/**
 * A line that is only a leader's heading (whitespace kept, markup removed):
 * `陈某华常务副市长`, `区长 刘某斌`, `副县长 韦某刚（兼县公安局局长）`,
 * `镇长：黄某明`, `市长 李明同志`, `梁某川市长：领导…` (the rest after the colon
 * is the leader's first duties). Numbering (`一、`) before it is skipped.
 */
export function readHeadingLine(line: string): { name: string; title: string | null; restAt: number | null } | null {
  // Markdown marks (`### `, `**…**`) and numbering before the heading are skipped.
  const numbering = /^\s*(?:#{1,6}\s*)?(?:\*\*)?\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．](?!\d))?\s*/u.exec(line);
  const at = numbering ? numbering[0].length : 0;
  const body = line.slice(at).replace(/\s*\*\*\s*$/u, '');
  const bracket = '(?:\\s*[（(][^（）()]{1,30}[）)])?';
  const rest = '\\s*(?:[：:]\\s*(.*))?$';
  const spacedName = '[\\u4e00-\\u9fff](?:\\s?[\\u4e00-\\u9fff]){1,3}|[\\u4e00-\\u9fff][\\u4e00-\\u9fff·]{2,11}';
  const forms: readonly [RegExp, number, readonly number[]][] = [
    [new RegExp(`^(?:(${TITLE_SOURCE})\\s*[：:]?\\s*)?(${spacedName})\\s*同志${bracket.replace('[^（）()]{1,30}', `(${TITLE_SOURCE})`)}${rest}`, 'du'), 2, [1, 3]],
    [new RegExp(`^${OFFICES_BEFORE}${QUALIFIER}?(${HEADING_TITLE})${OFFICES_AFTER}${HOW_HELD}\\s*[：:]?\\s*(${NAME})${bracket}${rest}`, 'du'), 2, [1]],
    [new RegExp(`^(${NAME})\\s*[：:]?\\s*${OFFICES_BEFORE}${QUALIFIER}?(${TITLE_SOURCE})(?:、[\\u4e00-\\u9fff]{2,12})?${bracket}${rest}`, 'du'), 1, [2]],
    // `张某某（副市长）：…`
    [new RegExp(`^(${NAME})\\s*[（(]${QUALIFIER}?(${TITLE_SOURCE})[）)]${rest}`, 'du'), 1, [2]],
  ];
  for (const [pattern, nameGroup, titleGroups] of forms) {
    const match = pattern.exec(body);
    if (!match) continue;
    const name = (match[nameGroup] ?? '').replace(/\s+/gu, '');
    if (!isPersonName(name)) continue;
    const title = titleGroups.map((group) => match[group]).find((value) => value !== undefined) ?? null;
    const restAt = match.indices?.[match.length - 1]?.[0];
    return { name, title, restAt: restAt === undefined ? null : at + restAt };
  }
  return null;
}
