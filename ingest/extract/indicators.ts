/**
 * Indicator statements in a figure sentence: `地区生产总值增长5.5%左右` →
 * 地区生产总值, growth, 5.5, %, 左右. A metric the dictionary lists is named by its
 * canonical name; one it does not list (粮食产量, 城镇新增就业) is kept as written
 * when it reads as a metric's name (see `metric-names.ts`). Nothing is inferred.
 *
 * A metric counts where it opens a clause — after punctuation or after scope words
 * (全市, 全年, 实现, 其中, 初步核算 …) — and its figure must follow directly:
 * `单位地区生产总值能耗下降2.5%` and `柳江区地区生产总值增长8%` are not statements
 * about the city's GDP.
 */

import type { FigureSentence, Span } from '../model.ts';
import { MAX_METRIC_NAME_LENGTH, isUnlistedMetricName } from './metric-names.ts';

export interface MetricRule {
  /** Canonical name, e.g. 地区生产总值. */
  readonly metric: string;
  /** Other spellings, e.g. GDP. */
  readonly aliases: readonly string[];
  /**
   * For a collective name only: the metrics it lists, in order
   * (城乡居民人均可支配收入 → 城镇…, 农村…). Such a name is read only with 分别
   * (`城乡居民人均可支配收入分别增长2.5%和6%`) and states nothing of its own.
   */
  readonly parts?: readonly string[];
}

export interface IndicatorStatement {
  readonly metric: string;
  readonly kind: 'TARGET' | 'ACTUAL';
  readonly year: number;
  /** The stated number; the lower end of a range (`6%—6.5%` → 6); negative for 下降/减少. */
  readonly value: number;
  /** The upper end of a stated range, else null. */
  readonly upTo: number | null;
  /** `%`, `个百分点`, `亿元`, `元`, … as written (full-width ％ becomes %). */
  readonly unit: string;
  /** growth: a change (增长X%); level: an amount or rate (达到X亿元, 失业率3.95%). */
  readonly measure: 'growth' | 'level';
  /** 左右, 以上, 以内, 以下, 约 …, as written; null when the figure is unqualified. */
  readonly qualifier: string | null;
  /** The whole figure sentence. */
  readonly text: string;
  /** The figure (`增长5.5%左右`, `3128.3亿元`) in the document. */
  readonly span: Span;
  /** The metric as written in the document. */
  readonly metricSpan: Span;
}

export const SCOPE_WORDS = [
  '初步核算', '初步统计', '初步预计', '初步测算', '预计全年', '全年', '预计',
  '全市', '全区', '全省', '全州', '全县', '全盟', '全旗', '全镇', '全乡', '全街道', '全国', '全域',
  '实现', '完成', '其中', '力争', '确保', '今年', '当年', '同比', '去年', '上年',
] as const;
const YEAR_PREFIX = /\d{4}\s*年(?:度)?$/u;
/** Characters after which a clause starts, list bullets (●◆■ …) included. */
const CLAUSE_BOUNDARY = new Set([...'，,；;：:。、（(“"—―\n●◆■▲►•※★☆◇○□']);
/** Whitespace, markdown emphasis and footnote markers (`规上工业增加值②增长7.4%`). */
const IGNORABLE = /[\s*\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]/u;

/** The first number of a figure may carry a sign (`增长-2.3%`). */
const SIGNED_NUMBER = '([-－−]?\\d+(?:,\\d{3})*(?:\\.\\d+)?)';
const NUMBER = '(\\d+(?:,\\d{3})*(?:\\.\\d+)?)';
const RANGE = `(?:\\s*(?:%|％)?\\s*[—－–~～至到-]\\s*${NUMBER})?`;
const UNIT =
  '(%|％|个百分点|倍|万亿元|亿元|万元|元|亿美元|万美元|美元|万人次|万人|人|万亿斤|亿斤|万斤|万吨|吨|万辆|辆|万平方米|平方米|万亩|万千瓦时|千瓦时|万户|户|万标箱)';
const QUALIFIER_BEFORE = '(约|近|超过|超)?';
const QUALIFIER_AFTER = '(左右|以上|以内|以下|上下)?';
/** `预计达到`, `力争增长`: how sure the figure is does not change what it is. */
const MODAL = '(?:预计|力争|争取|确保|预期|努力)?';
/**
 * `同比增长`, `可比口径增长`: the basis of a rate; `增长（下同）5.2%`: a note that the
 * basis holds for the figures after it. Neither changes the value.
 */
const GROWTH_VERB = `${MODAL}\\s*(?:同比|比上年|较上年|同口径|(?:按)?可比口径|按可比价格计算)?\\s*(增长|增加|提高|上升|上涨|涨幅(?:控制在|为)?|增速(?:为|达到?)?|下降|减少|降低|回落)(?:\\s*[（(]下同[）)])?`;
const LEVEL_VERB = `${MODAL}\\s*(?:达到|达|完成|实现|为|突破|超过|控制在|保持在|稳定在|平均为|平均)?`;
const DECREASE = /^(?:下降|减少|降低|回落)/u;

const GROWTH = new RegExp(`${GROWTH_VERB}\\s*${QUALIFIER_BEFORE}\\s*${SIGNED_NUMBER}${RANGE}\\s*${UNIT}\\s*${QUALIFIER_AFTER}`, 'uy');
const LEVEL = new RegExp(`${LEVEL_VERB}\\s*${QUALIFIER_BEFORE}\\s*${NUMBER}${RANGE}\\s*${UNIT}\\s*${QUALIFIER_AFTER}`, 'uy');
/** `地区生产总值（GDP）增长5%`: an alias in brackets between a metric and its figure. */
const METRIC_ALIAS = /[（(][A-Za-z\u4e00-\u9fff]{1,10}[）)]/uy;
/** `，按可比价格计算，增长6.2%`: how the next figure was computed. */
const COMPUTATION = /(?:按可比价格?计算|按不变价格?计算|扣除价格因素|剔除[\u4e00-\u9fff]{1,8}因素)[，,]\s*/uy;
/** `突破800亿元`: a round threshold passed, stated before the amount reached. */
const THRESHOLD = /^\s*(?:预计|力争|争取|确保|预期|努力)?\s*(?:突破|超过)/u;
/** `力争7%`: an aim beyond the target. */
const STRETCH = /^(?:力争|争取|努力)/u;
/** `止跌回稳、增长2%`, `实现正增长、增长2%以上`: a short remark before the figure. */
const REMARK = /[\u4e00-\u9fff]{2,6}、/uy;
const UNCHANGED = /(?:与上年|比上年|同比)?持平/uy;
const SEPARATOR = /\s*[，,、]\s*/uy;
const LIST_SEPARATOR = /\s*(?:、|和|及|与|，|,)\s*/uy;
/** `分别增长`, `分别为`; the verb is shared by the listed values. */
const RESPECTIVELY = new RegExp(`分别\\s*(?:${GROWTH_VERB}|(达到|达|为|完成|实现|控制在))?`, 'uy');
/**
 * After a first 分别 list, a further list of the same metrics may drop 分别
 * (`分别为72860元、43510元，增长3.1%、5.4%`): its verb alone introduces it.
 */
const RESPECTIVELY_AGAIN = new RegExp(`(?:分别\\s*)?(?:${GROWTH_VERB}|(达到|达|为|完成|实现|控制在))`, 'uy');
/** A measure word written after a metric's name, before the verb (`居民消费价格涨幅分别…`). */
const MEASURE_WORD = /(?:涨幅|增幅|增速)(?=\s*分别)/uy;
const LIST_VALUE = new RegExp(`${QUALIFIER_BEFORE}\\s*${NUMBER}${RANGE}\\s*${UNIT}?\\s*${QUALIFIER_AFTER}`, 'uy');

interface Figure {
  readonly measure: 'growth' | 'level';
  readonly value: number;
  readonly upTo: number | null;
  readonly unit: string;
  readonly qualifier: string | null;
  readonly start: number;
  readonly end: number;
}

interface Mention {
  readonly metric: string;
  readonly start: number;
  readonly end: number;
}

interface Spelling {
  readonly spelling: string;
  readonly metric: string;
  readonly parts: readonly string[] | undefined;
}

function spellingsOf(metrics: readonly MetricRule[]): Spelling[] {
  return metrics
    .flatMap((rule) =>
      [rule.metric, ...rule.aliases].map((spelling) => ({ spelling, metric: rule.metric, parts: rule.parts })),
    )
    .filter(({ spelling }) => spelling.length > 0)
    .sort((a, b) => b.spelling.length - a.spelling.length);
}

function toNumber(written: string): number {
  return Number(written.replace(/,/gu, '').replace(/^[－−]/u, '-'));
}

function normaliseUnit(unit: string): string {
  return unit === '％' ? '%' : unit;
}

function skipIgnorable(text: string, from: number): number {
  let index = from;
  while (index < text.length && IGNORABLE.test(text.charAt(index))) index += 1;
  return index;
}

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** True when a clause starts at `at`, possibly after scope words. */
function opensClause(text: string, at: number, ownPlace: string | null = null): boolean {
  let index = at;
  for (;;) {
    while (index > 0 && IGNORABLE.test(text.charAt(index - 1))) index -= 1;
    const before = text.slice(0, index);
    const word = SCOPE_WORDS.find((candidate) => before.endsWith(candidate)) ?? (ownPlace !== null && ownPlace.length > 0 && before.endsWith(ownPlace) ? ownPlace : undefined);
    if (word) {
      index -= word.length;
      continue;
    }
    const year = YEAR_PREFIX.exec(before);
    if (year) {
      index -= year[0].length;
      continue;
    }
    break;
  }
  const before = text.slice(Math.max(0, index - 6), index);
  return index === 0 || CLAUSE_BOUNDARY.has(text.charAt(index - 1)) || MARKDOWN_BULLET.test(before) || DOT_BULLET.test(before) || LIST_NUMBER.test(before);
}

/**
 * A list number at the start of a line or sentence (`1.地区生产总值增长6%`, `（2）`, `3、`):
 * the item opens a clause. Mid-line, `1.` is the tail of a number and opens nothing.
 */
const LIST_NUMBER = /(?:^|\n)[ \t]*(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}[、.．])$/u;

/**
 * A middle dot opening a line (`· 地区生产总值增长5%左右；`, `・`, `‧`, `∙`) is a list bullet;
 * mid-line it joins the parts of a transliterated name and opens nothing.
 */
const DOT_BULLET = /(?:^|\n)[ \t]*[\u00b7\u30fb\u2027\u2219]$/u;

/** A markdown list bullet at the start of a line (`- 地区生产总值增长6%`); elsewhere `-` is a sign or a range. */
const MARKDOWN_BULLET = /(?:^|\n)[ \t]*[-+*]$/u;

function spellingAt(text: string, at: number, spellings: readonly Spelling[]): Spelling | null {
  return spellings.find(({ spelling }) => text.startsWith(spelling, at)) ?? null;
}

/** `总值` / `总额` / `总量`: a head noun a name may carry that its listed spelling leaves out. */
const HEAD_NOUN = /总值|总额|总量/uy;

/**
 * The end of a listed spelling written with a head noun after it (`外贸进出口` +
 * `总值`): the noun is part of the name, not a word between it and its figure. A
 * spelling that has a head of its own (地区生产总值, 进出口总额) takes none.
 */
function withHeadNoun(text: string, end: number, spelling: string): number {
  if (/[值额量率数]$/u.test(spelling)) return end;
  const head = stickyMatch(HEAD_NOUN, text, end);
  return head ? end + head[0].length : end;
}

/**
 * Metrics coordinated at `at`: `规上工业增加值、固定资产投资`, or with a shared
 * ending, `城镇居民、农村居民人均可支配收入`.
 */
function mentionsAt(text: string, at: number, spellings: readonly Spelling[]): Mention[] {
  const direct = spellingAt(text, at, spellings);
  if (direct?.parts && direct.parts.length > 0) {
    const end = at + direct.spelling.length;
    return direct.parts.map((metric) => ({ metric, start: at, end }));
  }
  let first: Mention | null = direct ? { metric: direct.metric, start: at, end: withHeadNoun(text, at + direct.spelling.length, direct.spelling) } : null;
  if (!first) first = sharedEndingMention(text, at, spellings);
  if (!first) return [];
  const mentions: Mention[] = [first];
  let cursor = first.end;
  for (;;) {
    const separator = stickyMatch(LIST_SEPARATOR, text, skipIgnorable(text, cursor));
    if (!separator) break;
    const nextAt = skipIgnorable(text, separator.index + separator[0].length);
    const next = spellingAt(text, nextAt, spellings);
    const shared = next ? null : sharedEndingMention(text, nextAt, spellings);
    const mention = next ? { metric: next.metric, start: nextAt, end: withHeadNoun(text, nextAt + next.spelling.length, next.spelling) } : shared;
    if (!mention) break;
    mentions.push(mention);
    cursor = mention.end;
  }
  return mentions;
}

/**
 * `城镇居民、农村居民人均可支配收入`: at `at` stands the head of a spelling
 * (城镇居民) whose ending (人均可支配收入) is written once, after the next head.
 * The mention covers only the head as written.
 */
function sharedEndingMention(text: string, at: number, spellings: readonly Spelling[]): Mention | null {
  for (const { spelling, metric, parts } of spellings) {
    if (parts) continue;
    for (let cut = 2; cut <= spelling.length - 2; cut += 1) {
      const head = spelling.slice(0, cut);
      const ending = spelling.slice(cut);
      if (!text.startsWith(head, at)) continue;
      const separator = stickyMatch(LIST_SEPARATOR, text, at + head.length);
      if (!separator) continue;
      const nextAt = separator.index + separator[0].length;
      const next = spellingAt(text, nextAt, spellings);
      if (next && next.metric !== metric && next.spelling.endsWith(ending)) {
        return { metric, start: at, end: at + head.length };
      }
    }
  }
  return null;
}

function figureFrom(match: RegExpExecArray, measure: 'growth' | 'level', negative: boolean, start: number): Figure {
  // Groups: [1] verb (growth only), then qualifier before, number, range end, unit, qualifier after.
  const offset = measure === 'growth' ? 1 : 0;
  const sign = negative ? -1 : 1;
  const upTo = match[offset + 3];
  return {
    measure,
    value: sign * toNumber(match[offset + 2] ?? '0'),
    upTo: upTo === undefined ? null : sign * toNumber(upTo),
    unit: normaliseUnit(match[offset + 4] ?? ''),
    qualifier: match[offset + 5] ?? match[offset + 1] ?? null,
    start,
    end: match.index + match[0].length,
  };
}

/** One figure at `at`: a change, an amount, or 与上年持平. */
function figureAt(text: string, at: number): Figure | null {
  const start = skipIgnorable(text, at);
  const growth = stickyMatch(GROWTH, text, start);
  if (growth) return figureFrom(growth, 'growth', DECREASE.test(growth[1] ?? ''), start);
  const unchanged = stickyMatch(UNCHANGED, text, start);
  if (unchanged) {
    return { measure: 'growth', value: 0, upTo: null, unit: '%', qualifier: null, start, end: start + unchanged[0].length };
  }
  const level = stickyMatch(LEVEL, text, start);
  if (level) return figureFrom(level, 'level', false, start);
  return null;
}

/** Figures following one metric: `3128.3亿元、增长2.4%`. */
function figuresAfter(text: string, at: number): { figures: Figure[]; end: number } {
  const figures: Figure[] = [];
  let cursor = at;
  if (!figureAt(text, cursor)) {
    for (const skip of [METRIC_ALIAS, REMARK]) {
      const remark = stickyMatch(skip, text, skipIgnorable(text, cursor));
      if (remark && figureAt(text, remark.index + remark[0].length)) cursor = remark.index + remark[0].length;
    }
  }
  for (;;) {
    const figure = figureAt(text, cursor);
    if (!figure) break;
    const previous = figures[figures.length - 1];
    if (previous !== undefined && figure.measure === 'level' && previous.measure === 'level' && THRESHOLD.test(text.slice(previous.start, previous.end))) {
      // `突破2000亿元，达到2013.6亿元`: the round number passed is no figure of its own.
      figures[figures.length - 1] = figure;
    } else if (figures.length === 0 || !STRETCH.test(text.slice(skipIgnorable(text, cursor)))) {
      // `增长6%左右、力争7%`: the stretch goal after the target is not a second target.
      figures.push(figure);
    }
    cursor = figure.end;
    const separator = stickyMatch(SEPARATOR, text, cursor);
    if (!separator) break;
    let next = separator.index + separator[0].length;
    const computation = stickyMatch(COMPUTATION, text, next);
    if (computation) next = computation.index + computation[0].length;
    if (!figureAt(text, next)) break;
    cursor = next;
  }
  return { figures, end: cursor };
}

/**
 * `分别增长9%、3%` (and again `，分别为30733元、10347元`): one figure per metric, in
 * order. Returns null unless every metric gets exactly one value.
 */
function respectiveFigures(text: string, at: number, count: number): { figures: Figure[][]; end: number } | null {
  const perMetric: Figure[][] = Array.from({ length: count }, () => []);
  let cursor = at;
  let matchedAny = false;
  for (;;) {
    const listStart = skipIgnorable(text, cursor);
    const respectively = stickyMatch(matchedAny ? RESPECTIVELY_AGAIN : RESPECTIVELY, text, listStart);
    if (!respectively) break;
    const growthVerb = respectively[1];
    const measure: 'growth' | 'level' = growthVerb ? 'growth' : 'level';
    const negative = growthVerb !== undefined && DECREASE.test(growthVerb);
    const values: Figure[] = [];
    let valueAt = respectively.index + respectively[0].length;
    while (values.length < count) {
      const valueStart = skipIgnorable(text, valueAt);
      const value = stickyMatch(LIST_VALUE, text, valueStart);
      if (!value || value[0].trim().length === 0) break;
      const sign = negative ? -1 : 1;
      const upTo = value[3];
      values.push({
        measure,
        value: sign * toNumber(value[2] ?? '0'),
        upTo: upTo === undefined ? null : sign * toNumber(upTo),
        unit: normaliseUnit(value[4] ?? ''),
        qualifier: value[5] ?? value[1] ?? null,
        start: valueStart,
        end: value.index + value[0].length,
      });
      valueAt = value.index + value[0].length;
      if (values.length < count) {
        const separator = stickyMatch(LIST_SEPARATOR, text, valueAt);
        if (!separator) break;
        valueAt = separator.index + separator[0].length;
      }
    }
    // A later list that does not pair (`，增长5%` of the total) ends the lists read so far.
    const unpaired = (): boolean => {
      if (values.length !== count) return true;
      // More values than metrics: the pairing is not what the text says.
      const extra = stickyMatch(LIST_SEPARATOR, text, valueAt);
      if (extra && stickyMatch(LIST_VALUE, text, extra.index + extra[0].length)?.[2] !== undefined) return true;
      // `9、3%`: a value without its own unit takes the unit written after the list; without any, no pairing.
      return (values[values.length - 1]?.unit ?? '') === '';
    };
    if (unpaired()) {
      if (!matchedAny) return null;
      break;
    }
    const lastUnit = values[values.length - 1]?.unit ?? '';
    values.forEach((value, index) => perMetric[index]?.push(value.unit === '' ? { ...value, unit: lastUnit } : value));
    matchedAny = true;
    cursor = valueAt;
    const separator = stickyMatch(SEPARATOR, text, cursor);
    if (!separator) break;
    cursor = separator.index + separator[0].length;
  }
  return matchedAny ? { figures: perMetric, end: cursor } : null;
}

/**
 * A metric the dictionary does not list, written at `at` and followed by its
 * figure: the shortest phrase that ends like a metric's name and is followed
 * by a figure (`粮食产量保持在1390万吨以上` → 粮食产量).
 */
function unlistedAt(text: string, at: number, spellings: readonly Spelling[]): Mention[] {
  if (SCOPE_WORDS.some((word) => text.startsWith(word, at))) return [];
  const listed = spellings.map((spelling) => spelling.spelling);
  for (let end = at + 1; end <= Math.min(text.length, at + MAX_METRIC_NAME_LENGTH); end += 1) {
    const name = text.slice(at, end);
    if (/[，,；;。：:、]/u.test(name)) return [];
    if (!isUnlistedMetricName(name, listed)) continue;
    const next = skipIgnorable(text, end);
    if (text.startsWith('分别', next)) return [];
    if (figuresAfter(text, end).figures.length > 0) return [{ metric: name, start: at, end }];
  }
  return [];
}

export interface IndicatorOptions {
  /**
   * Also read metrics the dictionary does not list, named as written
   * (`粮食产量保持在1390万吨以上` → 粮食产量). Off by default, so that a caller
   * with a dictionary of its own gets exactly the metrics it lists.
   */
  readonly unlisted?: boolean;
  /**
   * The document's own place (`两江新区`): written before a metric it scopes the
   * statement, as 全市 does, instead of naming another place's figure.
   */
  readonly ownPlace?: string | null;
}

export function extractIndicators(
  sentence: FigureSentence,
  metrics: readonly MetricRule[],
  options: IndicatorOptions = {},
): IndicatorStatement[] {
  const text = sentence.text;
  const base = sentence.span.start;
  const spellings = spellingsOf(metrics);
  const statements: IndicatorStatement[] = [];
  const emit = (mention: Mention, figure: Figure): void => {
    statements.push({
      metric: mention.metric,
      kind: sentence.kind,
      year: sentence.year,
      value: figure.value,
      upTo: figure.upTo,
      unit: figure.unit,
      measure: figure.measure,
      qualifier: figure.qualifier,
      text,
      span: { start: base + figure.start, end: base + figure.end },
      metricSpan: { start: base + mention.start, end: base + mention.end },
    });
  };

  let at = 0;
  while (at < text.length) {
    const opens = opensClause(text, at, options.ownPlace ?? null);
    const listedMentions = opens ? mentionsAt(text, at, spellings) : [];
    const mentions = listedMentions.length > 0 || !opens || options.unlisted !== true ? listedMentions : unlistedAt(text, at, spellings);
    const last = mentions[mentions.length - 1];
    if (!last) {
      // Skip a whole spelling that does not open a clause, so its tail is not matched.
      at += spellingAt(text, at, spellings)?.spelling.length ?? 1;
      continue;
    }
    const afterMentions = skipIgnorable(text, last.end);
    if (mentions.length > 1) {
      // `城镇调查失业率、居民消费价格涨幅分别控制在5%和3%以内`: the last metric's measure word before 分别.
      const measureWord = stickyMatch(MEASURE_WORD, text, afterMentions);
      const respective = respectiveFigures(text, measureWord ? afterMentions + measureWord[0].length : afterMentions, mentions.length);
      if (respective) {
        mentions.forEach((mention, index) => respective.figures[index]?.forEach((figure) => emit(mention, figure)));
        at = respective.end;
        continue;
      }
      if (/^[均都]/u.test(text.slice(afterMentions))) {
        const shared = figuresAfter(text, afterMentions + 1);
        mentions.forEach((mention) => shared.figures.forEach((figure) => emit(mention, figure)));
        at = Math.max(shared.end, afterMentions + 1);
        continue;
      }
      // A list whose figures cannot be paired with its metrics: none of them is read,
      // and neither are the figures after it (they belong to the whole list).
      at = last.end;
      while (at < text.length && !/[，,；;。]/u.test(text.charAt(at))) at += 1;
      continue;
    }
    const first = mentions[0];
    if (!first) break;
    // `X分别增长…` after a single metric is a list this reader did not recognise.
    if (text.startsWith('分别', afterMentions)) {
      at = first.end;
      continue;
    }
    const { figures, end } = figuresAfter(text, first.end);
    figures.forEach((figure) => emit(first, figure));
    at = Math.max(end, first.end);
  }
  return statements;
}
