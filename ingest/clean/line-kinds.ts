/** Line shapes and markers that several clean steps share. */

/** Marks where running headers or page numbers stood: a page break. */
export const PAGE_BREAK = null;
export type LineOrBreak = string | typeof PAGE_BREAK;

export const SENTENCE_PUNCTUATION = /[，。；：！？、,.;:!?]/u;

/** A line that opens a new block: list and heading markers, annexes, dates, table rows. */
export const BLOCK_START = new RegExp(
  [
    '^(?:',
    '[一二三四五六七八九十百]+[、.．]',
    '|[（(][一二三四五六七八九十百]+[）)]',
    '|[（(]\\d{1,3}[）)]',
    '|\\d{1,3}[.．、](?!\\d)',
    '|[\\u2460-\\u2473\\u3251-\\u325f]',
    '|第[一二三四五六七八九十百零\\d]+[章节条款部分]',
    // Items named with their number (`项目二：…`, `任务3：…`), as task divisions number them.
    '|(?:项目|事项|任务|实事)(?:[一二三四五六七八九十百]+|\\d{1,3})[：:、.．]',
    '|附件|附表|附注|附录|抄送|抄报|主题词|序号',
    '|#|[-*+] |\\*\\*',
    '|[—―－]',
    // Bullet signs (● ◆ ■ ▲ …) open a list item or a news summary's heading.
    '|[●◆■▲►▶•※◇○□◎]',
    '|目\\s*[录次]$',
    '|\\d{4}年\\d{1,2}月\\d{1,2}日(?:\\s|$)',
    '|[\\u3400-\\u9fff]{1,12}〔\\d{4}〕\\d{1,5}号$',
    '|[\\u3400-\\u9fff]{2,20}(?:人民政府|办公室|办公厅)\\s*关于',
    ')',
  ].join(''),
  'u',
);
