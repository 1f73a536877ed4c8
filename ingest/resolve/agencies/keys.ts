/**
 * Name keys: spelling normalisation, bracket parts, the city prefix and the
 * distinctive part (stem) of a name — what two spellings are compared by.
 */

const RUNNING_HEADER = /——[^—\n]{1,30}——/gu;
const EDGE_PUNCTUATION = /^[、，,。．.：:；;“”"'‘’《》<>·•\-—_*#]+|[、，,。．.：:；;“”"'‘’《》<>·•\-—_*#]+$/gu;
export const NUMERAL = /[0-9一二三四五六七八九十百千零〇两]/u;
const ASPECT_BRACKET = /涉及|方面|负责|分管/u;

/** Spelling normalisation that never changes which organisation a name denotes. */
export function normaliseAgencySpelling(name: string): string {
  let text = name.normalize('NFKC').replace(RUNNING_HEADER, '').replace(/\s+/gu, '');
  text = text.replace(/[(〔【[]/gu, '（').replace(/[)〕】\]]/gu, '）');
  text = text.replace(EDGE_PUNCTUATION, '');
  // A bracket left open by a cut (`市发展改革委（粮食和`) or closed without opening.
  const open = text.lastIndexOf('（');
  if (open > 0 && text.indexOf('）', open) < 0) text = text.slice(0, open);
  const close = text.indexOf('）');
  if (close >= 0 && text.lastIndexOf('（', close) < 0) text = text.slice(close + 1);
  return text.replace(EDGE_PUNCTUATION, '');
}

interface BracketParts {
  /** The name with every bracket removed. */
  readonly main: string;
  /** Names of other plaques the brackets state. */
  readonly alternates: readonly string[];
}

function endsWithSuffix(text: string, suffixes: readonly string[]): boolean {
  return suffixes.some((suffix) => text.endsWith(suffix) && text.length > suffix.length);
}

export function splitBrackets(surface: string, suffixes: readonly string[]): BracketParts {
  const groups = [...surface.matchAll(/（([^（）]*)）/gu)];
  if (groups.length === 0) return { main: surface, alternates: [] };
  const main = surface.replace(/（[^（）]*）/gu, '');
  const alternates: string[] = [];
  for (const group of groups) {
    const inside = group[1] ?? '';
    if (inside.length < 2 || ASPECT_BRACKET.test(inside)) continue;
    const after = surface.slice((group.index ?? 0) + group[0].length).replace(/（[^（）]*）/gu, '');
    let alternate = inside + after;
    if (!endsWithSuffix(alternate, suffixes)) continue;
    if (main.startsWith('市') && !alternate.startsWith('市')) alternate = '市' + alternate;
    if (alternate !== main) alternates.push(alternate);
  }
  return { main, alternates };
}

export const CITY_CANDIDATE = /^(\p{Script=Han}{2,4}?)市(.{2,})$/u;
export const NOT_A_CITY = /[市区县省各州]/u;

export function stripCity(main: string, cities: readonly string[]): string {
  for (const city of cities) {
    if (main.startsWith(city + '市') && main.length > city.length + 2) return main.slice(city.length);
  }
  return main;
}

/** The distinctive part of a key: without the leading 市 and the generic ending. */
export function stemOf(key: string, suffixes: readonly string[]): { stem: string; suffix: string } {
  const body = key.startsWith('市') && key.length > 1 ? key.slice(1) : key;
  for (const suffix of suffixes) {
    if (body.endsWith(suffix) && body.length > suffix.length) {
      return { stem: body.slice(0, body.length - suffix.length), suffix };
    }
  }
  return { stem: body, suffix: '' };
}

/** Characters that differ between two strings once their common prefix and suffix are removed. */
export function differingCharacters(a: string, b: string): string {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return a.slice(start, endA) + b.slice(start, endB);
}
