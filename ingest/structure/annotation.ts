/**
 * The responsibility grammar: who leads, supports or is responsible for a
 * clause, read from the marker that carries it. One grammar serves every
 * house style, because the styles differ in their wrapping, not their words:
 *
 * - a group after the clause, in any bracket: `（市发展改革委、市科技局按职责分别
 *   牵头，12月底前完成）`, `〔责任单位：县发改局、县财政局〕`, `(A牵头, B配合)`;
 * - labelled lines under an item: `牵头单位：A` / `配合单位：B` / `完成时限：…`,
 *   `部门分工：A牵头，B、C配合。`, with leader lines (`分管省领导：X`) among them.
 *
 * A marker is a list of segments separated by ，；. Each segment is a label and
 * its value (`牵头单位：…`), a unit list closed by a verb (`A、B配合`), a
 * deadline, or a continuation of the previous label's list. Labels are read by
 * their words, not from a closed list: anything ending in 单位 / 部门 / 领导 that
 * says 牵头 / 主办 (lead), 配合 / 协同 / 协办 / 参与 (supporting), 责任 / 负责
 * (responsible) or 领导 (a leader, not a unit).
 *
 * Not every bracket is a marker: names carry their own (`市财政局（金融办）`),
 * prose carries remarks (`（二期）`, `（完成100个以上）`). A bracket is a marker
 * only when its first segment names units or leaders in one of these forms.
 */

import type { AgencyMention, LeadAnnotation, ResponsibilityConvention, Span } from '../model.ts';
import { bracketDepths, findClosingBracket } from './brackets.ts';
import { compactText, type CompactText } from './compact-text.ts';
import { isAgencyLike, isResponsibleUnit, separateLeadFlags, splitAgencyList } from './agency-list.ts';
import { splitLines } from './lines.ts';

type UnitRole = 'lead' | 'supporting' | 'responsible';

const VERB_ROLES: readonly (readonly [RegExp, UnitRole | 'lead-unless-led'])[] = [
  [/^(?:牵头|主办|主责|牵头负责|牵头落实|牵头实施|总牵头)$/u, 'lead'],
  // 负责 names responsible units; only `分别负责` (each owns its share, as Liuzhou
  // writes for its collective addressees) names joint leads when no lead is named.
  [/^(?:负责|负总责|负责落实|负责实施|落实)$/u, 'lead-unless-led'],
  [/^(?:配合|协助|协办|参与|协同|配合落实|参与实施|共同推进)$/u, 'supporting'],
];
/** `<units>[等][按职责][分别|共同]<verb>`, optionally opened by 由. */
const VERB_SEGMENT =
  /^(?:由)?(.+?)(?:等)?(?:按照?(?:各自)?(?:职责)?(?:分工)?)?(分别|共同|各自)?(牵头负责|牵头落实|牵头实施|总牵头|负总责|负责落实|负责实施|配合落实|参与实施|共同推进|牵头|主办|主责|负责|落实|配合|协助|协办|参与|协同)$/u;
/** `（其中）A为牵头单位`, `由A为牵头部门`: which of the units listed before leads. */
const NAMED_LEAD_SEGMENT = /^(?:其中)?(?:以|由)?(.+?)为(?:总)?(?:牵头|主办)(?:责任)?(?:单位|部门|科室|处室)?$/u;
/** A label and its value: `牵头单位：…`, `分管省领导：…`, `部门分工：…`, `完成时限：…`. */
const LABELLED_SEGMENT = /^([\u4e00-\u9fff]{1,10}?)[:：]\s*(.*)$/su;
const LABEL_KEYWORDS = /牵头|主办|主责|责任|负责|配合|协同|协办|参与|协助|承办|分管|领导|分工|时限|时间|期限|时序|进度/u;
const DEADLINE_LABEL = /时限|时间|期限|时序|进度|节点/u;
// A short segment ending in 前 is a time too (汛期前, 开学前, 春节前): no unit name ends so.
const DEADLINE_LIKE = /\d+月|年内|年底|月底|季度|底前|持续|长期|坚持|完成|推进|常态|每年|逐年|全年|\d{4}年|^[\u4e00-\u9fff\d]{1,6}(?:之前|以前|前)$/u;
const LEADER_OFFICE = /^(?:分管|协管|联系|牵头)?(?:常务)?(?:副)?(?:省长|主席|市长|区长|县长|旗长|镇长|乡长|秘书长|省领导|市领导|县领导|区领导)$/u;
const PERSON_LIST_ITEM = /^[\u4e00-\u9fff]{2,4}(?:同志)?$/u;
// Bare role and time labels glued to the previous value too (`牵头：A 配合：B 时限：…` once
// its spaces are gone); the look-behinds keep longer labels (`总牵头：`, `工作时限：`) whole.
const GLUED_LABEL = /(?:牵头|主办|责任|配合|协办|参与|协同|督办|数据提供)(?:责任)?(?:单位|部门|主体)[:：]|(?:完成时限|完成时间|时间节点)[:：]|(?<![总主共协参与同])(?:牵头|配合|协办|协同)[:：]|(?<![完成办结整改工作实施推进])时限[:：]/gu;
/**
 * Unit labels that give the units no part in the clause: who supervises it (督办, 督查)
 * and who supplies its statistics (数据提供). Their units are not read.
 */
const NO_ROLE_LABEL = /^(?:督办|督查|督导|数据提供|数据来源|统计)(?:单位|部门|科室)?$/u;
const SEGMENT_SEPARATORS = new Set(['，', ',', '；', ';', '。']);
const COMMA = new Set(['，', ',']);

/** Markers longer than this are taken to be an unclosed bracket swallowing prose. */
const MAX_ANNOTATION_LENGTH = 400;
const OPENERS = new Set(['（', '(', '〔', '[', '【', '［']);

interface Segment {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

type SegmentReading =
  | { readonly kind: 'units'; readonly role: UnitRole | 'lead-unless-led'; readonly joint: boolean; readonly units: AgencyMention[]; readonly labelled: boolean }
  | { readonly kind: 'leaders'; readonly names: string[] }
  /** `A为牵头单位` after a list that holds A: A leads, and is no longer one of the list's units. */
  | { readonly kind: 'named-lead'; readonly units: AgencyMention[] }
  | { readonly kind: 'deadline'; readonly text: string }
  | { readonly kind: 'division'; readonly from: number; readonly to: number }
  | { readonly kind: 'other' };

/**
 * Parses the content of one marker. `span` is where the marker sits in the
 * document: either brackets included (span length = inner length + 2) or the
 * inner text only (span length = inner length). Returns null when the content
 * is not a responsibility marker.
 */
export function parseLeadAnnotation(inner: string, span: Span, convention?: ResponsibilityConvention): LeadAnnotation | null {
  const innerOffset = span.end - span.start === inner.length + 2 ? span.start + 1 : span.start;
  const compact = compactText(inner, innerOffset);
  const segments = splitSegments(compact.text, 0, compact.text.length);
  if (segments.length === 0) return null;

  const unitsOf = (from: number, to: number): AgencyMention[] | null => {
    const mentions = mentionsIn(inner, innerOffset, compact, from, to, convention === 'labelled-lines' ? 'separate' : 'join');
    return mentions.length > 0 && mentions.every((mention) => isResponsibleUnit(mention.written) || isResponsibleUnit(mention.name)) ? mentions : null;
  };

  const readings: SegmentReading[] = [];
  const read = (segment: Segment, previous: SegmentReading | undefined): SegmentReading => {
    const labelled = LABELLED_SEGMENT.exec(segment.text);
    // `数据提供单位：D`, `督办单位：E`: a unit label that names no role of the clause ends the list before it.
    if (labelled && NO_ROLE_LABEL.test(labelled[1] as string)) return { kind: 'other' };
    if (labelled && LABEL_KEYWORDS.test(labelled[1] as string)) {
      const label = labelled[1] as string;
      const valueFrom = segment.from + segment.text.indexOf(labelled[2] as string, label.length);
      const value = (labelled[2] as string).trim();
      if (/领导/u.test(label)) return { kind: 'leaders', names: personNames(value) };
      if (DEADLINE_LABEL.test(label) && !/单位|部门/u.test(label)) return value.length > 0 ? { kind: 'deadline', text: value } : { kind: 'other' };
      if (/分工/u.test(label)) return { kind: 'division', from: valueFrom, to: segment.to };
      if (value.length === 0) return { kind: 'other' };
      const units = unitsOf(valueFrom, segment.to);
      return units === null ? { kind: 'other' } : { kind: 'units', role: labelRole(label), joint: false, units, labelled: true };
    }
    const named = NAMED_LEAD_SEGMENT.exec(segment.text);
    if (named && previous !== undefined) {
      const listText = named[1] as string;
      const listFrom = segment.from + segment.text.indexOf(listText);
      const units = unitsOf(listFrom, listFrom + listText.length);
      if (units !== null) return { kind: 'named-lead', units };
    }
    const verb = VERB_SEGMENT.exec(segment.text);
    if (verb) {
      const listText = verb[1] as string;
      const listFrom = segment.from + segment.text.indexOf(listText);
      const units = unitsOf(listFrom, listFrom + listText.length);
      if (units !== null) {
        return { kind: 'units', role: verbRole(verb[3] as string), joint: verb[2] === '分别' || verb[2] === '各自', units, labelled: false };
      }
      const names = personNames(listText);
      if (names.length > 0 && /同志/u.test(listText)) return { kind: 'leaders', names };
      // `分管副省长、协管副秘书长负责`: leaders named by their office, not units.
      const offices = listText.split(/[、，,和及]/u).filter((item) => item.length > 0);
      if (offices.length > 0 && offices.every((item) => LEADER_OFFICE.test(item))) return { kind: 'leaders', names: offices };
    }
    // `（市工信局、市发改委、株洲高新区管委会。排名第一的为牵头单位）`: units with no verb,
    // whose roles the document's convention gives (lead-convention.ts).
    if (previous === undefined && segments.length > 1 && segments.some((other) => /牵头/u.test(other.text))) {
      const units = unitsOf(segment.from, segment.to);
      if (units !== null) return { kind: 'units', role: 'responsible', joint: false, units, labelled: false };
    }
    // `协同责任单位：A、B等，各县、市、区政府`: the list goes on after the comma.
    if (previous?.kind === 'units' && previous.labelled) {
      const units = unitsOf(segment.from, segment.to);
      if (units !== null) return { ...previous, units };
    }
    if (DEADLINE_LIKE.test(segment.text)) return { kind: 'deadline', text: segment.text };
    return { kind: 'other' };
  };

  const queue = [...segments];
  // `省国土资源厅、环境保护厅，各州、市人民政府配合`: a unit list without a verb, closed
  // by a comma, shares the verb of the list after it.
  let sharingVerb: AgencyMention[] = [];
  for (let index = 0; index < queue.length; index += 1) {
    const segment = queue[index] as Segment;
    let reading = read(segment, readings[readings.length - 1]);
    if (reading.kind === 'division') {
      // `部门分工：A牵头，B配合` holds its own segments.
      queue.splice(index + 1, 0, ...splitSegments(compact.text, reading.from, reading.to));
      continue;
    }
    if (reading.kind === 'other' && COMMA.has(compact.text[segment.to] ?? '')) {
      const units = unitsOf(segment.from, segment.to);
      if (units !== null) {
        sharingVerb.push(...units);
        continue;
      }
    }
    if (sharingVerb.length > 0 && reading.kind === 'units' && !reading.labelled) reading = { ...reading, units: [...sharingVerb, ...reading.units] };
    sharingVerb = [];
    // The first segment must name units or leaders, or be a labelled deadline
    // (`（完成时限：…；牵头单位：…）`, units follow); otherwise the bracket is a remark.
    const labelledDeadline = reading.kind === 'deadline' && LABELLED_SEGMENT.test(segment.text);
    if (readings.length === 0 && reading.kind !== 'units' && reading.kind !== 'leaders' && !labelledDeadline) return null;
    readings.push(reading);
  }
  return assemble(compact.text, span, readings, convention ?? (readings.some((r) => r.kind === 'units' && r.labelled) ? 'labelled-group' : 'trailing-group'));
}

function assemble(text: string, span: Span, readings: readonly SegmentReading[], convention: ResponsibilityConvention): LeadAnnotation | null {
  const leads: AgencyMention[] = [];
  const supporters: AgencyMention[] = [];
  const responsible: AgencyMention[] = [];
  const leaders: string[] = [];
  const deadlines: string[] = [];
  let joint = false;
  const hasExplicitLead = readings.some((reading) => (reading.kind === 'units' && reading.role === 'lead') || reading.kind === 'named-lead');
  const namedLeads = new Set(readings.flatMap((reading) => (reading.kind === 'named-lead' ? reading.units.map((unit) => unit.name) : [])));
  const notNamedLead = (unit: AgencyMention): boolean => !namedLeads.has(unit.name);
  for (const reading of readings) {
    switch (reading.kind) {
      case 'units': {
        const role = reading.role === 'lead-unless-led' ? (!hasExplicitLead && reading.joint ? 'lead' : 'responsible') : reading.role;
        // `市发改委（牵头）、市交通运输局`: the flagged unit leads, whatever the label says of the list.
        const { flagged, others } = separateLeadFlags(reading.units);
        leads.push(...flagged);
        if (role === 'lead') {
          leads.push(...others.filter(notNamedLead));
          joint ||= reading.joint;
        } else (role === 'supporting' ? supporters : responsible).push(...others.filter(notNamedLead));
        break;
      }
      case 'named-lead':
        leads.push(...reading.units);
        break;
      case 'leaders':
        leaders.push(...reading.names);
        break;
      case 'deadline':
        deadlines.push(reading.text);
        break;
      default:
        break;
    }
  }
  if (leads.length === 0 && supporters.length === 0 && responsible.length === 0) return null;
  return {
    text,
    span,
    convention,
    leads,
    inferredLeads: false,
    supporters,
    responsible,
    leaders,
    joint,
    deadline: deadlines.length > 0 ? deadlines.join('，') : null,
  };
}

function labelRole(label: string): UnitRole {
  // 主责单位：A names A responsible (no lead word), as 责任单位 does.
  if (/牵头|主办/u.test(label)) return 'lead';
  if (/配合|协同|协办|参与|协助|支持/u.test(label)) return 'supporting';
  return 'responsible';
}

function verbRole(verb: string): UnitRole | 'lead-unless-led' {
  return VERB_ROLES.find(([pattern]) => pattern.test(verb))?.[1] ?? 'lead';
}

function personNames(list: string): string[] {
  return list
    .split(/[、，,；;\s]+/u)
    .map((item) => item.replace(/同志$/u, '').trim())
    .filter((item) => item.length > 0 && PERSON_LIST_ITEM.test(item));
}

/**
 * Every responsibility marker in `text` between `from` and `to`, in order:
 * brackets (matched with nesting; a bracket that is not a marker is skipped as
 * a whole) and runs of labelled lines.
 */
export function findLeadAnnotations(text: string, from = 0, to = text.length): LeadAnnotation[] {
  const found: LeadAnnotation[] = [];
  const lineMarkers = findLabelledLines(text, from, to);
  let nextLineMarker = 0;
  let i = from;
  while (i < to) {
    const lineMarker = lineMarkers[nextLineMarker];
    if (lineMarker !== undefined && i >= lineMarker.span.start) {
      found.push(lineMarker);
      i = Math.max(i, lineMarker.span.end);
      nextLineMarker += 1;
      continue;
    }
    const char = text[i] as string;
    if (!OPENERS.has(char)) {
      i += 1;
      continue;
    }
    const close = findClosingBracket(text, i, MAX_ANNOTATION_LENGTH);
    if (close === null || close >= to) {
      i += 1;
      continue;
    }
    const run = bracketLabelRun(text, i, close, to);
    if (run !== null) {
      found.push(run);
      i = run.span.end;
      continue;
    }
    const span = { start: i, end: close + 1 };
    const inner = text.slice(i + 1, close);
    const annotation = parseLeadAnnotation(inner, span) ?? (closesClause(text, i, close) ? parseBareUnitList(inner, span) : null);
    if (annotation !== null) found.push(annotation);
    i = close + 1;
  }
  return found;
}

/** Brackets that hold a label alone (`【牵头单位】`), with the value after them. */
const LABEL_BRACKETS: ReadonlyMap<string, string> = new Map([
  ['【', '】'],
  ['[', ']'],
]);

/** A responsibility label as a bracket holds it: words only, no colon. */
function isBracketLabel(inner: string): boolean {
  const label = inner.trim();
  return /^[\u4e00-\u9fff]{2,10}$/u.test(label) && LABEL_KEYWORDS.test(label) && (/单位|部门|主体|领导|时限|时间|期限|科室|处室/u.test(label) || BARE_ROLE_LABEL.test(label));
}

/**
 * `【责任领导】X【牵头单位】A【配合单位】B【完成时限】…`: labels in brackets, each
 * followed by its value, up to the end of the line or sentence. The run is read
 * as the labelled marker `责任领导：X；牵头单位：A；…` (each bracket becomes a
 * separator and a colon, so offsets stay the document's).
 */
function bracketLabelRun(text: string, open: number, close: number, to: number): LeadAnnotation | null {
  const closer = LABEL_BRACKETS.get(text[open] as string);
  if (closer === undefined || text[close] !== closer || !isBracketLabel(text.slice(open + 1, close))) return null;
  let end = close + 1;
  while (end < to && !/[\n。]/u.test(text[end] as string)) end += 1;
  while (end > close + 1 && /\s/u.test(text[end - 1] as string)) end -= 1;
  const raw = text.slice(open, end);
  // Only the label brackets become separators; a bracket inside a value (a name's alternate) stays.
  let inner = '';
  for (let index = 0; index < raw.length; index += 1) {
    const char = raw[index] as string;
    if (char === text[open]) {
      const shut = raw.indexOf(closer, index + 1);
      if (shut > index && isBracketLabel(raw.slice(index + 1, shut))) {
        inner += '；' + raw.slice(index + 1, shut) + '：';
        index = shut;
        continue;
      }
    }
    inner += char;
  }
  return parseLeadAnnotation(inner, { start: open, end }, 'labelled-group');
}

/**
 * A bracket right after a sentence's end that holds nothing but units
 * (`…增长6%。（市发改委、市财政局，各区县政府）`) names the units responsible for
 * it; where the document states which of them leads, that convention applies
 * later (lead-convention.ts).
 */
function parseBareUnitList(inner: string, span: Span): LeadAnnotation | null {
  const compact = compactText(inner, span.start + 1);
  if (compact.text.length === 0 || /[：:]/u.test(compact.text)) return null;
  const units = splitAgencyList(inner, span.start + 1, { whitespace: 'join' });
  if (units.length === 0 || !units.every((unit) => isAgencyLike(unit.written) && !/^\d/u.test(unit.written))) return null;
  return { text: compact.text, span, convention: 'trailing-group', leads: [], inferredLeads: false, supporters: [], responsible: units, leaders: [], joint: false, deadline: null };
}

/** The bracket follows a full stop and ends its line or sentence. */
function closesClause(text: string, open: number, close: number): boolean {
  let before = open - 1;
  while (before >= 0 && /[ \t\u3000]/u.test(text[before] as string)) before -= 1;
  let after = close + 1;
  while (after < text.length && /[ \t\u3000]/u.test(text[after] as string)) after += 1;
  const next = text[after];
  return /[。；;！？.]/u.test(text[before] ?? '') && (next === undefined || /[\n。；;]/u.test(next) || /[\u4e00-\u9fff“《]/u.test(next));
}

/** A line (or the rest of a line after a full stop) that opens with a responsibility label. */
const LABEL_LINE_START = /(?:^|(?<=[。；;:：]))[ \t\u3000]*(?=[\u4e00-\u9fff]{1,10}?[:：])/gu;
/** `区发改局牵头，各街道配合。`: a line that is nothing but a verb-closed unit list. */
const VERB_LINE = /^[ \t\u3000]*(?![（(〔[【［])[^，。；\n]{2,80}(?:牵头|主办|负责|配合|协办|参与|协同)(?:[，,；;][^。\n]*)?[。.]?[ \t\u3000]*$/u;

/** Runs of consecutive labelled lines, each read as one marker. */
function findLabelledLines(text: string, from: number, to: number): LeadAnnotation[] {
  const markers: LeadAnnotation[] = [];
  const lines = splitLines(text.slice(from, to));
  let run: { start: number; end: number } | null = null;
  const flush = (): void => {
    if (run === null) return;
    const inner = text.slice(run.start, run.end);
    const marker = parseLeadAnnotation(inner.replace(/\n/gu, '；'), { start: run.start, end: run.end }, 'labelled-lines');
    if (marker !== null) markers.push(marker);
    run = null;
  };
  for (const line of lines) {
    const lineStart = from + line.start;
    const lineEnd = from + line.end;
    if (line.text.trim().length === 0) continue;
    const opening = labelOpening(line.text);
    if (opening !== null) {
      const start = lineStart + opening;
      if (run !== null && text.slice(run.end, start).trim().length === 0) run.end = lineEnd;
      else {
        flush();
        run = { start, end: lineEnd };
      }
      continue;
    }
    flush();
  }
  flush();
  return markers;
}

/** A role word alone as a label (`牵头：A；配合：B`), as short inline lists write it. */
const BARE_ROLE_LABEL = /^(?:牵头|主办|主责|责任|配合|协办|协同|参与)$/u;

/** Offset in the line where a label or a verb-closed unit list opens, or null. */
function labelOpening(line: string): number | null {
  for (const match of line.matchAll(LABEL_LINE_START)) {
    const rest = line.slice(match.index + match[0].length);
    const label = /^([\u4e00-\u9fff]{1,10}?)[:：]/u.exec(rest);
    if (label && LABEL_KEYWORDS.test(label[1] as string) && (/单位|部门|主体|领导|分工|时限|时间|期限|科室|处室/u.test(label[1] as string) || BARE_ROLE_LABEL.test(label[1] as string))) {
      return match.index + match[0].length;
    }
  }
  // `…惠及居民1.6万户。由区住建局牵头，区财政局参与。`: the item's last sentence names
  // its units, which 由 opens (a sentence of the task itself is rarely a bare unit list);
  // so does its last clause after a comma (`…改造市场4个，由A负责，B配合。`).
  for (const stop of line.matchAll(/[。；;，,]/gu)) {
    const rest = line.slice(stop.index + 1);
    if (/^[ \t\u3000]*由/u.test(rest) && VERB_LINE.test(rest) && bracketsBalance(rest)) return stop.index + 1 + (rest.length - rest.trimStart().length);
  }
  // A numbered item that happens to end in 负责 is a task, not a marker.
  if (VERB_LINE.test(line) && bracketsBalance(line) && !/^[ \t\u3000]*(?:\d{1,3}[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)/u.test(line)) {
    return line.length - line.trimStart().length;
  }
  return null;
}

/** The rest of a bracket opened on an earlier line is not a line of its own. */
function bracketsBalance(line: string): boolean {
  let depth = 0;
  for (const char of line) {
    if (OPENERS.has(char)) depth += 1;
    else if (/[）)〕\]】］]/u.test(char)) {
      depth -= 1;
      if (depth < 0) return false;
    }
  }
  return depth === 0;
}

function splitSegments(text: string, from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  const depths = bracketDepths(text);
  let start = from;
  const push = (end: number): void => {
    let segmentFrom = start;
    let segmentTo = end;
    while (segmentFrom < segmentTo && /[\s。]/u.test(text[segmentFrom] as string)) segmentFrom += 1;
    while (segmentTo > segmentFrom && /[\s。.]/u.test(text[segmentTo - 1] as string)) segmentTo -= 1;
    if (segmentTo > segmentFrom) segments.push({ from: segmentFrom, to: segmentTo, text: text.slice(segmentFrom, segmentTo) });
  };
  // A label glued to the previous value (`牵头单位：A 责任单位：B` with the space gone) opens a segment too.
  const labelStarts = new Set<number>();
  for (const match of text.slice(from, to).matchAll(GLUED_LABEL)) {
    if (match.index > 0) labelStarts.add(from + match.index);
  }
  for (let i = from; i < to; i += 1) {
    if (depths[i] === 0 && labelStarts.has(i) && i > start) {
      push(i);
      start = i;
    }
    if (depths[i] === 0 && SEGMENT_SEPARATORS.has(text[i] as string)) {
      push(i);
      start = i + 1;
    }
  }
  push(to);
  return segments;
}

/** Agency mentions for compact range [from, to) of a marker's inner text. */
/**
 * Whitespace inside a bracket is page-break residue, possibly mid-name (`市城管\n执法局`);
 * on a labelled line of its own it separates names (`责任单位：县住建局 县自然资源局`).
 */
function mentionsIn(inner: string, innerOffset: number, compact: CompactText, from: number, to: number, whitespace: 'join' | 'separate'): AgencyMention[] {
  const first = compact.offsets[from];
  const last = compact.offsets[to - 1];
  if (first === undefined || last === undefined || to <= from) return [];
  const rawFrom = first - innerOffset;
  const rawTo = last + 1 - innerOffset;
  const raw = inner.slice(rawFrom, rawTo);
  const read = splitAgencyList(raw, first, { whitespace });
  if (whitespace === 'separate' || !/\s/u.test(raw)) return read;
  // Inside a bracket, whitespace that stands between whole names separates them too.
  const separated = splitAgencyList(raw, first, { whitespace: 'separate' });
  return separated.length > read.length && separated.every((mention) => isResponsibleUnit(mention.written) || isResponsibleUnit(mention.name)) ? separated : read;
}
