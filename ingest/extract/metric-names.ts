/**
 * Metric names a report writes that `data/rules/metrics.tsv` does not list
 * (粮食产量, 城镇新增就业人数, 常住人口城镇化率, 一产增加值): kept as written, so
 * that a figure is never dropped for want of a dictionary line. A phrase counts as
 * a metric's name only when it ends like one (…值, …额, …率, …量, …收入, …投资 …)
 * and reads as a noun phrase, not as a clause of its own (`落实新增建设用地5.2万亩`).
 */

/** Endings of indicator names in Chinese statistics. */
const METRIC_HEAD =
  /(?:值|额|率|量|收入|支出|投资|投入|外资|强度|就业|人数|价格|指数|能耗|面积|里程|人口|利润|税收|贷款|存款|总数|人次|产值|客流)$/u;
/** Words that make a phrase a clause (a verb, a comparison, a count) rather than a name. */
const NOT_A_NAME =
  /[\d的了是将把对为有与及和、，。；：“”《》（）()!?！？\s]|实现|完成|达到|推进|建设|落实|开展|举办|引进|争取|统筹|成功|获得|突破|全面|持续|加快|累计|其中|增长|下降|提高|降低|比上年|同比|分别|继续|保持|力争|确保|预计|主要指标|各项/u;
/** Shorter phrases (产值, 总投资, 贡献率) are parts of a clause about something named before them. */
const MIN_LENGTH = 4;
export const MAX_METRIC_NAME_LENGTH = 14;

/**
 * True when `name` can stand as a metric's name as written. `listed` are the
 * dictionary's spellings: a phrase that contains one (`柳江区地区生产总值`,
 * `单位地区生产总值能耗` is listed itself) is a compound the dictionary chose
 * not to read, never a new metric.
 */
export function isUnlistedMetricName(name: string, listed: readonly string[]): boolean {
  if (name.length < MIN_LENGTH || name.length > MAX_METRIC_NAME_LENGTH) return false;
  if (!METRIC_HEAD.test(name) || NOT_A_NAME.test(name)) return false;
  if (!/^[\u4e00-\u9fffA-Z]/u.test(name)) return false;
  return !listed.some((spelling) => spelling.length > 1 && name.includes(spelling));
}
