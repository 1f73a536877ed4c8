/**
 * Step 1 of clean: characters and punctuation (`normaliseLine`): odd spaces,
 * full-width digits, half-width punctuation next to Chinese text, docNo brackets.
 */

export const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** Full-width punctuation next to which a space is a typesetting artefact. */
const FULL_WIDTH_PUNCTUATION = '，。、；：？！（）《》〔〕【】“”‘’「」『』';
// Not after markdown markers: `### （三）…` and `- “绿盾”…` keep their syntax.
const SPACE_BY_FULL_WIDTH = new RegExp(`(?<=[${FULL_WIDTH_PUNCTUATION}]) |(?<![#*+>\\-]) (?=[${FULL_WIDTH_PUNCTUATION}])`, 'gu');
const SPACE_BETWEEN_LATIN_AND_IDEOGRAPH =
  /(?<=[0-9A-Za-z%])[ ](?=[\u3400-\u9fff\uf900-\ufaff])|(?<=[\u3400-\u9fff\uf900-\ufaff])[ ](?=[0-9A-Za-z%])/gu;
/** 柳政发[2024]3号, 柳政发(2024)3号, 柳政发【2024】3号 … → 柳政发〔2024〕3号 */
const DOC_NUMBER_BRACKETS = /(?<=[\u3400-\u9fff])\s*[[［(（【〔﹝]\s*((?:19|20)\d{2})\s*[\]］)）】〕﹞]\s*(\d{1,5})\s*号/gu;

export function isIdeograph(character: string | undefined): boolean {
  return character !== undefined && IDEOGRAPH.test(character);
}

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

const SYMBOL_FONT_BULLET = /^[ \t\u3000]*[\ue000-\uf8ff][ \t\u3000]*/u;

/** Idempotent: normaliseLine(normaliseLine(x)) === normaliseLine(x). */
export function normaliseLine(line: string): string {
  let text = line
    // A symbol-font bullet saved by Word as a private-use character (U+F0D8, U+F0B7 …)
    // and the tab after it open a list item: a bullet sign, not a table cell.
    .replace(SYMBOL_FONT_BULLET, '● ')
    .replace(/[\ue000-\uf8ff]/gu, '')
    // Spaces of every width become one kind; zero-width characters and stray controls go.
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/gu, ' ')
    // eslint-disable-next-line no-control-regex -- stray control characters are exactly what this removes
    .replace(/[\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000b-\u001f\u007f]/gu, '')
    // Full-width ASCII letters and digits (２０２４) → ASCII.
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a％．]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    // ―― (horizontal bar) is used as a dash in some sources; the rest use ——.
    .replace(/\u2015/gu, '\u2014')
    .replace(/ {2,}/g, ' ');
  text = trimSpaces(text);
  text = text.replace(CHINESE_NUMERAL_DATE, arabicDate);
  text = text.replace(DOC_NUMBER_BRACKETS, '〔$1〕$2号');
  text = widenPunctuation(text);
  return text.replace(SPACE_BY_FULL_WIDTH, '').replace(SPACE_BETWEEN_LATIN_AND_IDEOGRAPH, '');
}

/**
 * A date written in Chinese numerals, as official documents signed before 2012 are
 * (二〇一二年三月十五日): a full date only, so 到二〇三五年 stays as written.
 */
const CHINESE_NUMERAL_DATE = /([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/gu;
const CHINESE_DIGITS = '〇一二三四五六七八九';

function arabicDate(_match: string, year: string, month: string, day: string): string {
  const digits = [...year].map((character) => (character === '○' || character === '零' ? 0 : CHINESE_DIGITS.indexOf(character))).join('');
  return `${digits}年${smallNumber(month)}月${smallNumber(day)}日`;
}

/** 十 → 10, 十五 → 15, 二十 → 20, 三十一 → 31, 九 → 9. */
function smallNumber(written: string): number {
  const [tens, ones] = written.includes('十') ? written.split('十') : ['', written];
  const digit = (text: string | undefined): number => (text === undefined || text === '' ? 0 : CHINESE_DIGITS.indexOf(text));
  return written.includes('十') ? (tens === '' ? 1 : digit(tens)) * 10 + digit(ones) : digit(ones);
}

/** Trims spaces but keeps tabs, which separate table columns (also empty leading ones). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return text.slice(start, end);
}

const WIDE: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * Half-width , : ; ? ! ( ) next to a Chinese character become full-width.
 * Brackets are decided per pair, so `(3)` after `号` becomes `（3）` as a whole.
 * Only ideographs count as context (never punctuation this step could change),
 * which keeps the step idempotent.
 */
function widenPunctuation(text: string): string {
  const replacements = new Map<number, string>();
  const openers: number[] = [];
  const pattern = /[,:;?!()]/g;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const index = match.index;
    const character = match[0];
    const before = text[index - 1];
    const after = text[index + 1];
    const nextToChinese = isIdeograph(before) || isIdeograph(after);
    if (character === '(') {
      openers.push(index);
    } else if (character === ')') {
      const opener = openers.pop();
      if (opener === undefined) {
        if (nextToChinese) replacements.set(index, '）');
      } else if (nextToChinese || isIdeograph(text[opener - 1]) || isIdeograph(text[opener + 1])) {
        replacements.set(opener, '（');
        replacements.set(index, '）');
      }
    } else if (nextToChinese && !(isDigit(before) && isDigit(after))) {
      replacements.set(index, WIDE[character] ?? character);
    }
  }
  for (const opener of openers) {
    if (isIdeograph(text[opener - 1]) || isIdeograph(text[opener + 1])) replacements.set(opener, '（');
  }
  if (replacements.size === 0) return text;
  const parts: string[] = [];
  let last = 0;
  for (const index of [...replacements.keys()].sort((a, b) => a - b)) {
    parts.push(text.slice(last, index), replacements.get(index) ?? '');
    last = index + 1;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

export function isIdeographCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}
