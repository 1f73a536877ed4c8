/**
 * The parenthetical annotation that closes a clause of a task division:
 * `（市发展改革委、市科技局按职责分别牵头，12月底前完成当年任务）`.
 *
 * Not every bracket is one: agency names carry their own (`市财政局（金融办）`),
 * prose carries remarks (`（二期）`, `（完成100个以上）`). A bracket is an
 * annotation only when its first part is a list of organisations followed by a
 * lead verb (牵头 / 负责), or when it uses labelled fields (`牵头单位：…`).
 */

import type { AgencyMention, LeadAnnotation, Span } from '../model.ts';
import { bracketDepths, findClosingBracket } from './brackets.ts';
import { compactText, type CompactText } from './compact-text.ts';
import { isAgencyLike, splitAgencyList } from './agency-list.ts';

/** `<agencies>按职责分别牵头`, `<agencies>分别负责`, `由<agencies>牵头`, `<agencies>按牵头` (sic). */
const LEAD_SEGMENT = /^(?:由)?(.+?)(?:按照?(?:职责)?(?:分工)?)?(分别|共同)?(?:牵头|负责)(?:落实|实施)?$/u;
/** `市X、市Y配合` names supporting units. */
const SUPPORT_SEGMENT = /^(?:由)?(.+?)(?:按照?(?:职责)?)?(?:分别)?(?:配合|协助|协办|参与)(?:落实|实施)?$/u;
const LABELLED_SEGMENT = /^(牵头单位|牵头部门|责任单位|责任部门|主办单位|负责单位|配合单位|协办单位|参与单位|完成时限|完成时间|时间要求|时限)[:：](.*)$/u;
const DEADLINE_LIKE = /\d+月|年内|年底|月底|季度|底前|持续|长期|坚持|完成|推进|常态|每年|逐年/u;
const SEGMENT_SEPARATORS = new Set(['，', ',', '；', ';']);

/** Annotations longer than this are taken to be an unclosed bracket swallowing prose. */
const MAX_ANNOTATION_LENGTH = 400;

interface Segment {
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

/**
 * Parses the content of one bracket. `span` is where the bracket sits in the
 * document: either brackets included (span length = inner length + 2) or the
 * inner text only (span length = inner length). Returns null when the content
 * is not a lead annotation.
 */
export function parseLeadAnnotation(inner: string, span: Span): LeadAnnotation | null {
  const innerOffset = span.end - span.start === inner.length + 2 ? span.start + 1 : span.start;
  const compact = compactText(inner, innerOffset);
  const segments = splitSegments(compact.text);
  if (segments.length === 0) return null;

  const leads: AgencyMention[] = [];
  const supporters: AgencyMention[] = [];
  const deadlines: string[] = [];
  let joint = false;

  const agenciesOf = (from: number, to: number): AgencyMention[] | null => {
    const mentions = mentionsIn(inner, innerOffset, compact, from, to);
    return mentions.length > 0 && mentions.every((mention) => isAgencyLike(mention.written)) ? mentions : null;
  };

  const labelled = segments.some((segment) => LABELLED_SEGMENT.test(segment.text));
  for (const [index, segment] of segments.entries()) {
    if (labelled) {
      const match = LABELLED_SEGMENT.exec(segment.text);
      if (!match) continue;
      const label = match[1] as string;
      const valueFrom = segment.from + label.length + 1;
      if (/时限|时间/u.test(label)) {
        if ((match[2] ?? '').length > 0) deadlines.push(match[2] as string);
        continue;
      }
      const mentions = agenciesOf(valueFrom, segment.to);
      if (mentions === null) return null;
      (/配合|协办|参与/u.test(label) ? supporters : leads).push(...mentions);
      continue;
    }
    const lead = LEAD_SEGMENT.exec(segment.text);
    if (lead) {
      const listText = lead[1] as string;
      const listFrom = segment.from + segment.text.indexOf(listText);
      const mentions = agenciesOf(listFrom, listFrom + listText.length);
      if (mentions !== null) {
        leads.push(...mentions);
        if (lead[2] === '分别') joint = true;
        continue;
      }
    }
    // The first segment must name the leads; otherwise the bracket is a remark.
    if (index === 0) return null;
    const support = SUPPORT_SEGMENT.exec(segment.text);
    if (support) {
      const listText = support[1] as string;
      const listFrom = segment.from + segment.text.indexOf(listText);
      const mentions = agenciesOf(listFrom, listFrom + listText.length);
      if (mentions !== null) {
        supporters.push(...mentions);
        continue;
      }
    }
    if (DEADLINE_LIKE.test(segment.text)) deadlines.push(segment.text);
  }
  if (leads.length === 0) return null;
  return {
    text: compact.text,
    span,
    leads,
    supporters,
    joint,
    deadline: deadlines.length > 0 ? deadlines.join('，') : null,
  };
}

/**
 * Every lead annotation in `text` between `from` and `to`, in order. Brackets
 * are matched with nesting; a bracket that is not an annotation is skipped as
 * a whole (its content is a remark, not a place to look for one).
 */
export function findLeadAnnotations(text: string, from = 0, to = text.length): LeadAnnotation[] {
  const found: LeadAnnotation[] = [];
  let i = from;
  while (i < to) {
    const char = text[i];
    if (char !== '（' && char !== '(' && char !== '〔') {
      i += 1;
      continue;
    }
    const close = findClosingBracket(text, i, MAX_ANNOTATION_LENGTH);
    if (close === null || close >= to) {
      i += 1;
      continue;
    }
    const annotation = parseLeadAnnotation(text.slice(i + 1, close), { start: i, end: close + 1 });
    if (annotation !== null) found.push(annotation);
    i = close + 1;
  }
  return found;
}

function splitSegments(text: string): Segment[] {
  const segments: Segment[] = [];
  const depths = bracketDepths(text);
  let start = 0;
  const push = (end: number): void => {
    let from = start;
    let to = end;
    while (from < to && /[\s。]/u.test(text[from] as string)) from += 1;
    while (to > from && /[\s。.]/u.test(text[to - 1] as string)) to -= 1;
    if (to > from) segments.push({ from, to, text: text.slice(from, to) });
  };
  for (let i = 0; i < text.length; i += 1) {
    if (depths[i] === 0 && SEGMENT_SEPARATORS.has(text[i] as string)) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return segments;
}

/** Agency mentions for compact range [from, to) of an annotation's inner text. */
function mentionsIn(inner: string, innerOffset: number, compact: CompactText, from: number, to: number): AgencyMention[] {
  const first = compact.offsets[from];
  const last = compact.offsets[to - 1];
  if (first === undefined || last === undefined || to <= from) return [];
  const rawFrom = first - innerOffset;
  const rawTo = last + 1 - innerOffset;
  return splitAgencyList(inner.slice(rawFrom, rawTo), first, { whitespace: 'join' });
}
