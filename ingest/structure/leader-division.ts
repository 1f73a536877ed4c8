/**
 * Structure of a leaders' division of work (关于政府领导工作分工(调整)的通知):
 * one block per leader (`张壮同志`, optionally with a title such as 市长), the
 * areas the leader 负责, and the 主管 / 分管 / 协助分管 / 联系 lists kept apart.
 *
 * List items get their implied `市` back (`分管市应急管理局、国资委` → 市国资委)
 * through the shared agency-list splitter. A stated aspect in brackets
 * (`林业和园林局（涉及园林方面）`) goes to `Oversight.aspect`; an alternate name
 * in brackets (`财政局（金融办）`) stays part of the agency's name.
 */

import type { AgencyMention, LeaderBlock, Oversight, OversightRole, Span } from '../model.ts';
import { isAgencyLike, splitAgencyList } from './agency-list.ts';
import { bracketDepths, withoutTrailingBracket } from './brackets.ts';
import { compactText, type CompactText } from './compact-text.ts';
import { BODY_END_LINE, splitLines, trimEnd, type Line } from './lines.ts';

const TITLES = '常务副市长|副市长|市长|市政府秘书长|秘书长|副秘书长';
const NAME = '[\\u4e00-\\u9fff][\\u4e00-\\u9fff·\\s]{0,6}?';
/** `张壮同志`, `市长 张壮同志`, `张壮同志（市长）：负责…`, `副市长：何国烜`. */
const LEADER_LINE = new RegExp(
  `^\\s*(?:(${TITLES})\\s*[：:]?\\s*)?(${NAME})\\s*同志\\s*(?:[（(](${TITLES})[）)])?\\s*(?:[：:]\\s*(.*))?$`,
  'u',
);
const LEADER_LINE_WITH_TITLE = new RegExp(`^\\s*(${TITLES})\\s*[：:]?\\s*(${NAME})\\s*[：:]\\s*(.+)$`, 'u');

/** Words that open a phrase and say what the rest of it is. */
const ROLE_PREFIX = new RegExp(`^(协助(?:市长|[\\u4e00-\\u9fff]{2,4}(?:${TITLES}))?分管|主管|分管|联系)`, 'u');
const DUTY_PREFIX = new RegExp(`^(?:协助(?:市长|[\\u4e00-\\u9fff]{2,4}(?:${TITLES}))?负责|协助负责|负责|领导|专责|主持)`, 'u');
/** `…等方面工作`, `…方面的工作`: what is left is a list of areas. */
const AREA_TAIL = /、?等?方面的?工作$/u;
/** `（涉及园林方面）`, `（园林方面）`, `（园林）`: an aspect, not an alternate name. */
const ASPECT = /^(?:涉及)?(.+?)(?:方面)?(?:的?工作)?$/u;

interface Phrase {
  /** Compact-text range. */
  readonly from: number;
  readonly to: number;
  readonly text: string;
}

export function structureLeaderDivision(text: string): { leaders: LeaderBlock[] } {
  const lines = splitLines(text);
  const starts: { line: number; name: string; title: string | null; bodyStart: number }[] = [];
  lines.forEach((line, index) => {
    const header = readLeaderLine(line);
    if (header !== null) starts.push({ line: index, ...header });
  });

  const leaders: LeaderBlock[] = starts.map((start, k) => {
    const endLine = starts[k + 1]?.line ?? tailLine(lines, start.line);
    const first = lines[start.line] as Line;
    const last = lines[endLine - 1] ?? first;
    const blockStart = first.start + (first.text.length - first.text.trimStart().length);
    const blockEnd = trimEnd(text, blockStart, Math.max(last.end, first.end));
    const body = readBody(text, start.bodyStart, blockEnd);
    return {
      name: start.name,
      title: start.title ?? titleStatedElsewhere(text, start.name),
      span: { start: blockStart, end: blockEnd },
      responsibilities: body.responsibilities,
      oversees: body.oversees,
    };
  });
  return { leaders };
}

function readLeaderLine(line: Line): { name: string; title: string | null; bodyStart: number } | null {
  const match = LEADER_LINE.exec(line.text);
  if (match) {
    const name = (match[2] as string).replace(/\s+/gu, '');
    if (!isPersonName(name)) return null;
    const rest = match[4];
    const bodyStart = rest === undefined ? line.end : line.end - rest.length;
    return { name, title: match[1] ?? match[3] ?? null, bodyStart };
  }
  const titled = LEADER_LINE_WITH_TITLE.exec(line.text);
  if (titled) {
    const name = (titled[2] as string).replace(/\s+/gu, '');
    if (!isPersonName(name)) return null;
    return { name, title: titled[1] as string, bodyStart: line.end - (titled[3] as string).length };
  }
  return null;
}

/** Two to four characters (more with a middle dot), and not a role word. */
function isPersonName(name: string): boolean {
  if (ROLE_PREFIX.test(name) || DUTY_PREFIX.test(name)) return false;
  if (/^(各位|全体|有关|广大)/u.test(name)) return false;
  return name.includes('·') ? name.length <= 12 : name.length >= 2 && name.length <= 4;
}

/** `王鸿鹄副市长` or `副市长王鸿鹄` elsewhere in the document. */
function titleStatedElsewhere(text: string, name: string): string | null {
  const after = new RegExp(`${name}(${TITLES})`, 'u').exec(text);
  if (after) return after[1] as string;
  const before = new RegExp(`(${TITLES})\\s*${name}`, 'u').exec(text);
  return before ? (before[1] as string) : null;
}

/** The line where the last block ends: the signature date, 抄送 … or the end. */
function tailLine(lines: readonly Line[], from: number): number {
  for (let i = from + 1; i < lines.length; i += 1) {
    if (BODY_END_LINE.test((lines[i] as Line).text)) return i;
  }
  return lines.length;
}

/**
 * Reads a block's body phrase by phrase (split at top-level ，；。). A phrase
 * opened by a role word starts a list of that role; a phrase opened by 负责 /
 * 领导 … lists areas; any other phrase continues whatever came before.
 */
function readBody(text: string, start: number, end: number): { responsibilities: string[]; oversees: Oversight[] } {
  // A line break before a role or duty word starts a new phrase even when
  // the previous line has no closing punctuation.
  const compact = compactText(text.slice(start, end), start, {
    separator: '。',
    isSeparator: (previous, following, run) =>
      /[\r\n]/u.test(run) && !/[，、；。,;]/u.test(previous) && (ROLE_PREFIX.test(following) || DUTY_PREFIX.test(following)),
  });
  const phrases = splitPhrases(compact.text);
  const responsibilities: string[] = [];
  const oversees: Oversight[] = [];
  let mode: { kind: 'role'; role: OversightRole } | { kind: 'duty' } | null = null;
  // Consecutive phrases of one role form one list, so that groups after `，`
  // keep the level prefix of the list (`分管市X局、Y局，Z局`).
  let pending: { role: OversightRole; from: number; to: number } | null = null;

  const flush = (): void => {
    if (pending === null) return;
    const { role, from, to } = pending;
    pending = null;
    for (const mention of mentionsIn(text, compact, from, to)) {
      const split = splitAreaOff(mention);
      if (split.area !== null) responsibilities.push(split.area);
      // Everything else in a role list is what the leader oversees or keeps
      // contact with, agency or not (`五城区`, `各商业银行`, `广西科技大学`).
      if (split.agency !== null) oversees.push(withAspect(text, role, split.agency));
    }
  };

  for (const phrase of phrases) {
    const role = ROLE_PREFIX.exec(phrase.text);
    const duty = role ? null : DUTY_PREFIX.exec(phrase.text);
    if (role) {
      flush();
      const kind = roleOf(role[1] as string);
      const from = phrase.from + (role[0] as string).length;
      mode = { kind: 'role', role: kind };
      if (from < phrase.to) pending = { role: kind, from, to: phrase.to };
      else mode = null;
      if (isDutyOnly(compact.text.slice(from, phrase.to))) {
        // `协助王鸿鹄副市长分管工作`: a duty, not a list.
        pending = null;
        responsibilities.push(phrase.text);
        mode = null;
      }
      continue;
    }
    if (duty) {
      flush();
      mode = { kind: 'duty' };
      responsibilities.push(...areasOf(phrase.text.slice((duty[0] as string).length)));
      continue;
    }
    if (mode?.kind === 'role') {
      pending = pending === null ? { role: mode.role, from: phrase.from, to: phrase.to } : { ...pending, to: phrase.to };
    } else if (mode?.kind === 'duty') {
      responsibilities.push(...areasOf(phrase.text));
    }
  }
  flush();
  return { responsibilities: [...new Set(responsibilities)], oversees };
}

function roleOf(prefix: string): OversightRole {
  if (prefix.startsWith('协助')) return '协助分管';
  if (prefix === '主管') return '主管';
  if (prefix === '联系') return '联系';
  return '分管';
}

function isDutyOnly(rest: string): boolean {
  return rest.length === 0 || /^(?:的)?工作$/u.test(rest);
}

/** `财政（金融）、审计等方面工作` → [财政（金融）, 审计]; `市人民政府常务工作` stays whole. */
function areasOf(phrase: string): string[] {
  const trimmed = phrase.replace(/[。；;]+$/u, '');
  if (!AREA_TAIL.test(trimmed)) return trimmed.length > 0 ? [trimmed] : [];
  const list = trimmed.replace(AREA_TAIL, '');
  const depths = bracketDepths(list);
  const areas: string[] = [];
  let start = 0;
  for (let i = 0; i <= list.length; i += 1) {
    if (i === list.length || (list[i] === '、' && depths[i] === 0)) {
      const area = list.slice(start, i).trim();
      if (area.length > 0) areas.push(area);
      start = i + 1;
    }
  }
  return areas;
}

/**
 * An item of a role list that names an area of work rather than a unit
 * (`分管…红十字会及妇女儿童工作`: the splitter has already cut at 及).
 */
function splitAreaOff(mention: AgencyMention): { agency: AgencyMention | null; area: string | null } {
  if (/(?:工作|方面)$/u.test(mention.written)) return { agency: null, area: mention.written };
  return { agency: mention, area: null };
}

/** Separates a stated aspect from the agency it qualifies. */
function withAspect(text: string, role: OversightRole, agency: AgencyMention): Oversight {
  const { core, bracket } = withoutTrailingBracket(agency.written);
  if (bracket.length === 0) return { role, agency, aspect: null };
  const inner = bracket.slice(1, -1);
  const aspectWords = /涉及|方面|工作/u.test(inner);
  if (!aspectWords && isAgencyLike(inner)) return { role, agency, aspect: null };
  const aspect = ASPECT.exec(inner)?.[1] ?? inner;
  const raw = text.slice(agency.span.start, agency.span.end);
  const cut = Math.max(raw.lastIndexOf('（'), raw.lastIndexOf('('));
  const span: Span = cut > 0 ? { start: agency.span.start, end: agency.span.start + cut } : agency.span;
  return {
    role,
    agency: { written: core, name: agency.name.slice(0, agency.name.length - bracket.length), span },
    aspect,
  };
}

function splitPhrases(text: string): Phrase[] {
  const depths = bracketDepths(text);
  const phrases: Phrase[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const char = text[i];
    if (i === text.length || (depths[i] === 0 && (char === '，' || char === ',' || char === '；' || char === ';' || char === '。'))) {
      if (i > start) phrases.push({ from: start, to: i, text: text.slice(start, i) });
      start = i + 1;
    }
  }
  return phrases;
}

/** Agency mentions for compact range [from, to) of a block body. */
function mentionsIn(text: string, compact: CompactText, from: number, to: number): AgencyMention[] {
  const first = compact.offsets[from];
  const last = compact.offsets[to - 1];
  if (first === undefined || last === undefined) return [];
  return splitAgencyList(text.slice(first, last + 1), first, { whitespace: 'join' });
}
