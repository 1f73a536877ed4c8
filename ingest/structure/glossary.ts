/**
 * The glossary (附注 / 注释 / 名词解释) at the end of a work report, and the places in
 * the body that point to each term.
 *
 * Entries come as `①**名词**：定义`, `**⑮名词：**定义`, `- 1.名词：定义` or plain
 * `名词：定义`. Body markers come as `<sup>①</sup>` or a bare `①`; OCR of the seeds
 * turns ㉓ into `②③`, ㉗ into `②7`, ⑱ into `®` and ⑪ into `⑩`, so a marker is linked to
 * the term whose name it follows first, and to the term with its number only when
 * no name matches.
 */

import type { GlossaryTerm, Span } from '../model.ts';
import type { Heading } from './outline.ts';

/** ①…⑳, ㉑…㉟, ㊱…㊿ and the parenthesised ⑴…⒇. */
const CIRCLED = /[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2474-\u2487]/u;

export function circledValue(character: string): number | null {
  const code = character.codePointAt(0);
  if (code === undefined || character.length !== 1) return null;
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  if (code >= 0x3251 && code <= 0x325f) return code - 0x3251 + 21;
  if (code >= 0x32b1 && code <= 0x32bf) return code - 0x32b1 + 36;
  if (code >= 0x2474 && code <= 0x2487) return code - 0x2474 + 1;
  return null;
}

/**
 * The number a written marker stands for: `①` → 1, `㉘` → 28, and the OCR forms of
 * two-digit markers, `②③` → 23, `②7` → 27. Null when it cannot be read (`®`).
 */
export function markerValue(marker: string): number | null {
  const characters = [...marker.trim()];
  if (characters.length === 1) {
    const only = characters[0] ?? '';
    return circledValue(only) ?? (/^\d$/u.test(only) ? Number(only) : null);
  }
  const digits = characters.map((character) => {
    const circled = circledValue(character);
    if (circled !== null && circled <= 9) return String(circled);
    return /^\d$/u.test(character) ? character : null;
  });
  if (digits.some((digit) => digit === null) || digits.length > 3) return null;
  return Number(digits.join(''));
}

const GLOSSARY_TITLE = /^(?:附注|注释|名词解释|附[：:]\s*名词解释|注)$/u;

/** Strips numbering and markdown from a heading title to compare it with 附注 etc. */
function bareTitle(title: string): string {
  return title
    .replace(/^[一二三四五六七八九十]+[、．.]\s*|^[（(][一二三四五六七八九十]+[）)]\s*/u, '')
    .replace(/[\s*#]/gu, '');
}

function isGlossaryHeading(heading: Heading): boolean {
  return GLOSSARY_TITLE.test(bareTitle(heading.title));
}

/** A glossary entry's first line: optional bullet, optional marker, name, colon, definition. */
const ENTRY =
  /^(?:[-•·]\s*|\*\s+)?(?:\*\*)?\s*(?:([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2474-\u2487])|[（(]?(\d{1,3})\s*[.、．）)])?\s*(?:\*\*)?\s*([^：:。；\n]{1,40}?)\s*(?:\*\*)?\s*[：:]\s*(?:\*\*)?\s*(.*)$/u;

interface Entry {
  readonly marker: string;
  readonly number: number | null;
  readonly name: string;
  definition: string;
  span: { start: number; end: number };
}

function plain(value: string): string {
  return value.replace(/\*\*/gu, '').replace(/<\/?sup>/gu, '').trim();
}

/** Lines of `span` with their trimmed extents. */
function linesOf(text: string, span: Span): Span[] {
  const result: Span[] = [];
  let start = span.start;
  while (start < span.end) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > span.end) end = span.end;
    let from = start;
    let to = end;
    while (from < to && /\s/u.test(text.charAt(from))) from += 1;
    while (to > from && /\s/u.test(text.charAt(to - 1))) to -= 1;
    if (from < to) result.push({ start: from, end: to });
    start = end + 1;
  }
  return result;
}

function parseEntries(text: string, region: Span): Entry[] {
  const entries: Entry[] = [];
  for (const line of linesOf(text, region)) {
    const content = text.slice(line.start, line.end);
    if (content.includes('\t')) continue;
    const match = ENTRY.exec(content);
    const name = match ? plain(match[3] ?? '') : '';
    const circled = match?.[1];
    const arabic = match?.[2];
    // Once entries carry markers, a line without one continues the previous entry
    // even when it holds a colon (`其中：…`).
    const marked = circled !== undefined || arabic !== undefined;
    const markersInUse = entries.length > 0 && entries[0]?.marker !== '';
    if (match && name.length > 0 && !/[，,]/u.test(name) && (marked || !markersInUse)) {
      entries.push({
        marker: circled ?? arabic ?? '',
        number: circled ? circledValue(circled) : arabic ? Number(arabic) : null,
        name,
        definition: plain(match[4] ?? ''),
        span: { ...line },
      });
      continue;
    }
    // A line that does not open an entry continues the previous one (a page break
    // inside a definition that the cleaner did not rejoin).
    const previous = entries[entries.length - 1];
    if (previous) {
      previous.definition += plain(content);
      previous.span.end = line.end;
    }
  }
  return entries;
}

/** Characters ignored when a term's name is compared with the body: quotes, markup, spaces. */
const IGNORED = /[\s“”‘’"'「」『』《》*]/u;

/** The body with ignored characters removed, and for each kept character its offset. */
function normalise(text: string, span: Span): { value: string; offsets: number[] } {
  let value = '';
  const offsets: number[] = [];
  for (let index = span.start; index < span.end; index += 1) {
    const character = text.charAt(index);
    if (IGNORED.test(character)) continue;
    value += character;
    offsets.push(index);
  }
  return { value, offsets };
}

function normaliseName(name: string): string {
  return [...name].filter((character) => !IGNORED.test(character)).join('');
}

interface BodyMarker {
  /** Span of the marker characters (inside `<sup>` when written so). */
  readonly span: Span;
  readonly value: number | null;
}

function bodyMarkers(text: string, body: Span): BodyMarker[] {
  const markers: BodyMarker[] = [];
  const pattern = new RegExp(`<sup>([^<]{1,4})</sup>|${CIRCLED.source}+`, 'gu');
  const slice = text.slice(0, body.end);
  pattern.lastIndex = body.start;
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    const inner = match[1];
    if (inner !== undefined) {
      const start = match.index + '<sup>'.length;
      markers.push({ span: { start, end: start + inner.length }, value: markerValue(inner) });
    } else {
      markers.push({ span: { start: match.index, end: match.index + match[0].length }, value: markerValue(match[0]) });
    }
  }
  return markers;
}

/**
 * Index of the entry whose (normalised) name the body text just before `offset`
 * ends with, longest name first.
 */
function entryNamedBefore(
  names: readonly string[],
  normalisedBody: { value: string; offsets: number[] },
  offset: number,
): number | null {
  const end = keptBefore(normalisedBody.offsets, offset);
  const before = normalisedBody.value.slice(Math.max(0, end - 60), end).replace(/<\/?sup>/gu, '');
  let best: number | null = null;
  let bestLength = 0;
  names.forEach((name, index) => {
    if (name.length > bestLength && before.endsWith(name)) {
      best = index;
      bestLength = name.length;
    }
  });
  return best;
}

/** How many kept characters lie before document offset `offset` (`offsets` ascends). */
function keptBefore(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((offsets[middle] as number) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

export interface GlossaryRegion {
  /** The 附注 / 注释 heading line, null when the entries stand without one. */
  readonly heading: Span | null;
  /** The entries. */
  readonly region: Span;
}

/** Where the glossary starts: a 附注/注释 heading, else a trailing run of `①名词：` lines. */
export function findGlossaryRegion(text: string, headings: readonly Heading[]): GlossaryRegion | null {
  const index = headings.findIndex(isGlossaryHeading);
  const heading = headings[index];
  if (heading) {
    const next = headings[index + 1];
    return { heading: heading.line, region: { start: heading.line.end, end: next ? next.line.start : text.length } };
  }
  // Without a heading: two or more consecutive lines opening with a circled marker and a name.
  const lineStart = new RegExp(`(?:^|\\n)[ \\t]*(?:\\*\\*)?${CIRCLED.source}(?:\\*\\*)?[^：:\\n]{1,40}[：:]`, 'gu');
  const starts = [...text.matchAll(lineStart)].map((match) => match.index + (match[0].startsWith('\n') ? 1 : 0));
  if (starts.length < 2) return null;
  const first = starts[0] ?? 0;
  const nextHeading = headings.find((candidate) => candidate.line.start > first);
  return { heading: null, region: { start: first, end: nextHeading ? nextHeading.line.start : text.length } };
}

/**
 * Parses the glossary `findGlossaryRegion` found and links each term to its
 * markers in the body (the text before the glossary). A glossary without
 * markers (`1.名词：定义`) is linked to the places where the term's name itself
 * appears in the body.
 */
export function parseGlossary(text: string, found: GlossaryRegion | null): GlossaryTerm[] {
  if (!found) return [];
  const entries = parseEntries(text, found.region);
  if (entries.length === 0) return [];
  const body: Span = { start: 0, end: found.heading?.start ?? found.region.start };
  const normalisedBody = normalise(text, body);
  const names = entries.map((entry) => normaliseName(entry.name));
  const occurrences: Span[][] = entries.map(() => []);

  const markers = bodyMarkers(text, body);
  const circledEntries = entries.some((entry) => CIRCLED.test(entry.marker));
  if (circledEntries) {
    for (const marker of markers) {
      const named = entryNamedBefore(names, normalisedBody, marker.span.start);
      const target = named ?? entries.findIndex((entry) => entry.number !== null && entry.number === marker.value);
      if (target !== null && target >= 0) occurrences[target]?.push(marker.span);
    }
  } else {
    names.forEach((name, index) => {
      if (name.length < 2) return;
      for (let at = normalisedBody.value.indexOf(name); at !== -1; at = normalisedBody.value.indexOf(name, at + name.length)) {
        const start = normalisedBody.offsets[at];
        const last = normalisedBody.offsets[at + name.length - 1];
        if (start !== undefined && last !== undefined) occurrences[index]?.push({ start, end: last + 1 });
      }
    });
  }

  return entries.map((entry, index) => ({
    marker: entry.marker,
    name: entry.name,
    definition: entry.definition,
    span: { start: entry.span.start, end: entry.span.end },
    occurrences: occurrences[index] ?? [],
  }));
}
