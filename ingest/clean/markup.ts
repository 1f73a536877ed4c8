/**
 * Step 0a of clean: a web page saved as HTML becomes plain text. Blocks
 * (p, div, li, headings, br) become lines, a table row becomes one line with
 * its cells separated by tabs — the form every table reader downstream knows —
 * and entities are decoded. Scripts, styles and the page head go.
 *
 * A DOM library would parse more HTML than government pages use; what matters
 * here is that a cell's own line breaks stay inside its cell, which a tag-level
 * pass over the few tags involved does in linear time.
 */
import { BOLD_LEADS, BOLD_SIGN } from '../structure/lead-convention.ts';
import { kindOfCell } from '../structure/table-columns.ts';
import { isHeaderRow } from './table-headers.ts';

const HTML_SIGNAL = /<(?:html|body|div|p|table|tr|td|br|span|h[1-6])\b[^>]*>/giu;
const MIN_TAGS = 3;
/** Stands for the line break between two table rows until source line breaks are gone. */
const ROW_BREAK = '\u0001';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', ndash: '–', hellip: '…', middot: '·', emsp: ' ', ensp: ' ', thinsp: ' ', times: '×', divide: '÷', deg: '°',
};

export function looksLikeHtml(text: string): boolean {
  let count = 0;
  HTML_SIGNAL.lastIndex = 0;
  while (HTML_SIGNAL.exec(text) !== null) {
    count += 1;
    if (count >= MIN_TAGS) return true;
  }
  return false;
}

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/giu, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return safeCodePoint(Number.parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return safeCodePoint(Number.parseInt(body.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function safeCodePoint(code: number): string | null {
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** Plain text of an HTML page; text that is not HTML is returned unchanged. */
export function htmlToText(text: string): string {
  if (!looksLikeHtml(text)) return text;
  const withoutInvisible = text
    .replace(/<!--[\s\S]*?-->/gu, '')
    .replace(/<(script|style|noscript|head|template)\b[^>]*>[\s\S]*?<\/\1\s*>/giu, (block, tag: string) =>
      // The page title is often the document's title.
      tag.toLowerCase() === 'head' ? `${ROW_BREAK}${titleOf(block)}${ROW_BREAK}` : '\n',
    );
  // A cell spanning rows or columns is repeated in each, so every row has its own copy.
  const gridded = renderTables(markBoldLeads(withoutInvisible));
  // Inside a cell, line breaks join the cell's text; the row stays one line.
  const cellsFlat = gridded.replace(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1\s*>/giu, (_cell, _tag, inner: string) => `${cellText(inner)}\u0000`);
  const lines = cellsFlat
    .replace(/\r\n?/gu, '\n')
    // Source line breaks inside a paragraph are layout, not text.
    .replace(/\n+/gu, ' ')
    .replace(/<br\s*\/?>/giu, '\n')
    .replaceAll(ROW_BREAK, '\n')
    .replace(/<\/?(?:p|div|li|ul|ol|h[1-6]|tr|table|thead|tbody|section|article|header|footer|title|blockquote|pre)\b[^>]*>/giu, '\n')
    .replace(/<[^>]+>/gu, '')
    .split('\n')
    .map((line) => {
      const cells = line.split('\u0000');
      // A row's last cell ends with the marker too; the piece after it is only spacing.
      const trailing = cells.pop() ?? '';
      const row = cells.length > 0 ? [...cells.map((cell) => cell.trim()), ...(trailing.trim() ? [trailing.trim()] : [])].join('\t') : trailing;
      return decodeEntities(row).replace(/[ \u00a0]{2,}/gu, ' ').trim();
    });
  return lines.join('\n');
}

/**
 * A page stating 加粗的为牵头单位 marks its leads by typography alone, which plain
 * text loses: each short bold run (a unit's name, not a bold heading or sentence)
 * gets BOLD_SIGN after it, which lead-convention.ts reads as the stated sign.
 */
export function markBoldLeads(html: string): string {
  if (!BOLD_LEADS.test(html.replace(/<[^>]+>/gu, ''))) return html;
  return html.replace(/<(strong|b)\b[^>]*>([^<]{1,40})<\/\1\s*>/giu, (whole, _tag, inner: string) =>
    /[。，；：！？,;:!?]/u.test(inner) || inner.trim().length === 0 ? whole : `${inner}${BOLD_SIGN}`,
  );
}

function titleOf(head: string): string {
  const match = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/iu.exec(head);
  return match ? decodeEntities((match[1] ?? '').replace(/\s+/gu, ' ').trim()) : '';
}

/** Marks a paragraph or line break inside a cell until the cell's pieces are joined. */
const CELL_BREAK = '\u0003';

/**
 * A cell's text on one line. Its paragraphs (`<p>区统计局</p><p>各镇（街道）</p>`)
 * are separate units where each is a list of units, and run on as text otherwise
 * (two sentences of a task, a name above a title).
 */
function cellText(inner: string): string {
  const pieces = inner
    .replace(/<br\s*\/?>|<\/?(?:p|div|li)\b[^>]*>/giu, CELL_BREAK)
    .replace(/<[^>]+>/gu, '')
    .replace(/[\t\r\n]+/gu, ' ')
    .split(CELL_BREAK)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0);
  // A sentence (`分管区财政局。`) is never one unit of a list, whatever it names.
  const units = (piece: string): boolean => !/[。；！？，;!?,]/u.test(piece) && kindOfCell(decodeEntities(piece).trim()) === 'units';
  return pieces.reduce((joined, piece, index) => (index === 0 ? piece : `${joined}${units(pieces[index - 1] as string) && units(piece) ? '、' : ' '}${piece}`), '');
}

/** Stands for a rendered table inside its parent's markup until the parent is rendered. */
const NESTED = '\u0002';
const PLACEHOLDER = new RegExp(`${NESTED}(\\d+)${NESTED}`, 'gu');
/** Innermost tables: no <table> between the opening and its closing tag. */
const INNERMOST_TABLE = /<table\b[^>]*>((?:(?!<table\b)[\s\S])*?)<\/table\s*>/giu;
/** Nesting deeper than this is no page layout; what is left is read as plain markup. */
const MAX_TABLE_DEPTH = 8;

interface RenderedTable {
  /** The table's rows, tab-separated, as a block of lines. */
  readonly block: string;
  /** The table's text run on, for a table that sits inside a cell. */
  readonly inline: string;
}

/**
 * Every table of the page as lines, nested tables included, matched by their
 * own nesting (a page's layout table holds its metadata table and the content
 * table) and rendered innermost first:
 * - a table whose rows name known columns (序号 / 牵头单位 …) is a content table:
 *   its rows become tab rows, and a table nested in one of its cells (a small
 *   table of targets in a 目标任务 cell) is part of that cell, its text run on;
 * - a table that holds tables and names no columns is layout: its cells become
 *   blocks of text and the tables it holds their own rows;
 * - any other table's rows become tab rows, as they are.
 */
function renderTables(html: string): string {
  const rendered: RenderedTable[] = [];
  const at = (index: string): RenderedTable | undefined => rendered[Number(index)];
  let current = html;
  for (let depth = 0; depth < MAX_TABLE_DEPTH; depth += 1) {
    let found = false;
    current = current.replace(INNERMOST_TABLE, (_table, inner: string) => {
      found = true;
      const hasChildren = inner.includes(NESTED);
      const rows = tableRows(inner.replace(PLACEHOLDER, (_whole, index: string) => ` ${at(index)?.inline ?? ''} `));
      const isContent = rows.some((row) => isHeaderRow(row.split('\t')));
      // Layout: a table that names no columns of its own and holds tables, or holds
      // paragraphs in a single column (a page's frame around its article).
      const singleColumn = rows.every((row) => row.split('\t').filter((cell) => cell.length > 0).length <= 1) && /<(?:p|div|h[1-6])\b/iu.test(inner);
      const block =
        (hasChildren || singleColumn) && !isContent
          ? inner
              .replace(PLACEHOLDER, (_whole, index: string) => `${ROW_BREAK}${at(index)?.block ?? ''}${ROW_BREAK}`)
              .replace(/<\/?(?:tr|td|th|tbody|thead|tfoot|caption)\b[^>]*>/giu, ROW_BREAK)
          : `${ROW_BREAK}${rows.join(ROW_BREAK)}${ROW_BREAK}`;
      const inline = rows.map((row) => row.split('\t').filter((cell) => cell.length > 0).join(' ')).join('；');
      rendered.push({ block, inline });
      return `${NESTED}${rendered.length - 1}${NESTED}`;
    });
    if (!found) break;
  }
  return current.replace(PLACEHOLDER, (_whole, index: string) => at(index)?.block ?? '');
}

const MAX_SPAN = 50;

/** The rows of one HTML table as tab-separated lines, spans filled in. */
function tableRows(table: string): string[] {
  const carried: { text: string; rowsLeft: number }[] = [];
  const rows: string[] = [];
  for (const row of table.matchAll(/<tr\b[^>]*>([\s\S]*?)(?=<tr\b|$)/giu)) {
    const cells: string[] = [];
    let column = 0;
    const fillCarried = (): void => {
      while ((carried[column]?.rowsLeft ?? 0) > 0) {
        const cell = carried[column] as { text: string; rowsLeft: number };
        cells.push(cell.text);
        cell.rowsLeft -= 1;
        column += 1;
      }
    };
    for (const cell of (row[1] ?? '').matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)(?:<\/\1\s*>|(?=<t[dh]\b)|$)/giu)) {
      fillCarried();
      const attributes = cell[2] ?? '';
      const text = decodeEntities(cellText(cell[3] ?? ''));
      const rowSpan = Math.min(MAX_SPAN, Number(/rowspan\s*=\s*["']?(\d+)/iu.exec(attributes)?.[1] ?? 1));
      const colSpan = Math.min(MAX_SPAN, Number(/colspan\s*=\s*["']?(\d+)/iu.exec(attributes)?.[1] ?? 1));
      // A row span repeats its text down the rows (the same lead for both projects);
      // a column span is one cell (a category row 二、城乡建设 across the table).
      for (let k = 0; k < colSpan; k += 1) {
        const copy = k === 0 ? text : '';
        cells.push(copy);
        carried[column] = { text: copy, rowsLeft: rowSpan - 1 };
        column += 1;
      }
    }
    fillCarried();
    if (cells.length > 0) rows.push(cells.join('\t'));
  }
  return rows;
}
