/**
 * Step 0d of clean: the furniture of a government web page saved with its
 * document — breadcrumbs, font-size switches, share and print buttons, visit
 * counters, 上一篇 / 下一篇 links. Publication lines (发布时间, 来源) stay: they
 * date a document that states no year of its own.
 */
import type { RemovedFragment } from '../model.ts';

const FURNITURE_LINE = [
  /^(?:您|你)?(?:现在|当前)?(?:所在)?的?位置\s*[:：]/u,
  /^(?:首页|网站首页)\s*(?:[>＞»/]|&gt;)/u,
  // Breadcrumbs: short names joined by >, no sentence punctuation, no markup.
  /^[^>＞»<，。；\n]{0,40}(?:\s?[>＞»]\s?[^>＞»<，。；\n]{1,30}){2,}$/u,
  /^[•·]?\s*(?:无障碍(?:浏览)?|长辈版|长者模式|关怀版|English|繁體|简体|登录|注册)\s*$/u,
  /(?:字体|字号)[:：]?\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小/u,
  /^(?:分享到|分享)[:：]?/u,
  /^[【[]?\s*(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|返回顶部|收藏|纠错)\s*[】\]]?(?:\s*[【[]?\s*(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|返回顶部|收藏|纠错)\s*[】\]]?)*$/u,
  /^扫一扫/u,
  /^(?:上一篇|下一篇)[:：]/u,
  /^(?:浏览次数|访问量|阅读次数|点击数)[:：]\s*\d*\s*$/u,
  /^(?:相关链接|相关文章|相关阅读|附件下载)[:：]?\s*$/u,
  /^(?:网站标识码|[^\n]{0,12}ICP备\d+|[^\n]{0,12}公网安备)/u,
  // The site's credits: 主办：X 承办：Y / 技术支持：Z (a lone 主办：X is a label of the document).
  /^(?:主办(?:单位)?|版权所有)[:：][^\n]{2,40}\s(?:承办|技术支持|维护|运维|协办)(?:单位)?[:：]/u,
  /^(?:技术支持|网站维护|运维单位)[:：]/u,
];
/** A publication line whose tail is a visit counter: keep the date, drop the counter. */
const COUNTER_TAIL = /\s*(?:浏览次数|访问量|阅读次数|点击数)[:：]\s*\d*\s*$/u;

export function removeWebFurniture(lines: readonly string[], removed: RemovedFragment[]): string[] {
  return lines.flatMap((line) => {
    const trimmed = line.trim();
    if (trimmed.length > 0 && trimmed.length <= 80 && FURNITURE_LINE.some((pattern) => pattern.test(trimmed))) {
      removed.push({ reason: 'noise', text: trimmed });
      return [];
    }
    return [/次数|访问量|点击数/u.test(line) ? line.replace(COUNTER_TAIL, '') : line];
  });
}
