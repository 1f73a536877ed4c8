/**
 * Structure of a leaders' division of work (领导工作分工 and its adjustments), in
 * the forms every level of government publishes it:
 * - one block per leader under a heading line — `张壮同志`, `陈某华常务副市长`,
 *   `区长 刘某斌`, `镇长：黄某明` — or a paragraph that opens with the leader
 *   (`常务副省长李某负责…`, `梁某川市长：领导…`);
 * - a table with columns 姓名 | 职务 | 工作分工 | 分管单位 | 联系单位;
 * - prose that names the leader inside each sentence, as adjustment notices and
 *   news reports do: `A、B由常务副区长X分管`, `…归其分管`, `原由X分管的A，调整由Y分管`,
 *   `X不再分管A，改为分管B`.
 *
 * Within a block, phrases (cut at top-level ，；。) opened by a role word give
 * 主管 / 分管 / 协助分管 / 联系 lists, kept apart; phrases opened by 负责 / 领导 …
 * give areas. List items get their implied level back through the shared
 * agency-list splitter (`分管市应急管理局、国资委` → 市国资委). A stated aspect
 * in brackets (`林业和园林局（涉及园林方面）`) goes to `Oversight.aspect`; an
 * alternate name in brackets (`财政局（金融办）`) stays part of the agency's name.
 */

import type { AgencyMention, LeaderBlock, Oversight, OversightRole, Span } from '../model.ts';
import { isAgencyLike, splitAgencyList } from './agency-list.ts';
import { bracketDepths, withoutTrailingBracket } from './brackets.ts';
import { compactText, type CompactText } from './compact-text.ts';
import { type LeaderMention, TITLE_SOURCE, isPersonName, mentionAtStart, readHeadingLine, readReference } from './leader-mentions.ts';
import { findLeaderTables, type LeaderTable } from './leader-table.ts';
import { BODY_END_LINE, splitLines, type Line } from './lines.ts';

/**
 * Words that open a phrase and say what the rest of it is. Modifiers of
 * adjustment notices (同时 / 改为 / 继续 …) and labels (`分管单位：`) are part of
 * the opening; 接手 (takes over) and 代管 (in charge for the time being) are a 分管.
 */
const ROLE_PREFIX =
  /^(?:同时|另|并|还|继续|仍|改为|兼|直接|挂点|负责)?(协助(?:[A-Z]?[\u4e00-\u9fff]{1,8}?)?分管|协管|主管|分管|代管|联系|接手|包联|包保)(?:的)?(?:(?:单位|部门|领域|村[（(]社区[）)]|社区|村居|村|乡镇|街道|镇街|企业)(?:[和及](?:单位|部门))?)?[：:]?/u;
/** `包联项目：…`: a project the leader follows, which names no unit. */
const PROJECT_PREFIX = /^(?:包联|包保|挂点|联系)(?:重点|重大)?项目[：:]?/u;
/** `不再分管A`: a list the leader no longer holds. */
const DROPPED_PREFIX = /^(?:不再|停止)(?:协助)?(?:分管|联系|主管)(?:单位|部门)?/u;
const DUTY_PREFIX =
  /^(?:协助(?:[A-Z]?[\u4e00-\u9fff]{1,8}?)?负责|负责|领导|专责|主持|(?:工作)?(?:职责|分工)[：:]|继续(?:负责|主持))/u;
/** `原由罗某丽分管的` / `X同志原分管的`: an earlier holder (named, or the leader just named), before the list it held. */
const EARLIER_HOLDER = /^(?:原由|原)([\u4e00-\u9fff·]{0,14}?)(协助分管|分管|联系|主管)的/u;
/** The role word that closes a passive sentence: `…由X分管`, `…归其分管`. */
const PASSIVE_ROLE = /(?:直接|亲自|负责)?(协助分管|分管|联系|主管|负责)(?:工作)?$/u;
/** Adverbs between a passive sentence's subject and its 由: `仍由`, `在…上由`. */
const SUBJECT_TAIL = /(?:在([\u4e00-\u9fff]{1,16}?)(?:有关)?(?:工作)?(?:上|方面|中))?(?:仍|继续|也|均|统一|现|今后|调整|改|交)*$/u;
/** Numbering before a heading or an adjustment item. */
const NUMBERING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、.．](?!\d))/u;
/** `…、等方面工作`, `…方面的工作`: what is left is a list of areas. */
const AREA_TAIL = /、?等?方面的?工作$/u;
/** `（涉及园林方面）`, `（园林方面）`, `（园林）`: an aspect, not an alternate name. */
const ASPECT = /^(?:涉及)?(.+?)(?:方面)?(?:的?工作)?$/u;
/** The last character of a complete unit name. */
const UNIT_END = /[局委办室会心社院馆联协处站所台部团府司行队关厅）)]/u;
/** `…东风柳州汽车有限公司等驻柳企业`: a closing collective after 等. */
const CLOSING_COLLECTIVE = /等[\u4e00-\u9fff]{0,8}(?:企业|单位|部门|机构|银行|高校|学校|院校|组织|团体)$/u;

interface Phrase {
  /** Compact-text range. */
  readonly from: number;
  readonly to: number;
  readonly text: string;
  /** The character that closed the phrase (，；。 or '' at the end). */
  readonly closer: string;
}

interface LeaderState {
  readonly name: string;
  title: string | null;
  start: number;
  end: number;
  readonly responsibilities: string[];
  readonly oversees: Oversight[];
}

type Mode = { kind: 'role'; role: OversightRole } | { kind: 'duty' } | { kind: 'dropped' } | null;

export function structureLeaderDivision(text: string): { leaders: LeaderBlock[] } {
  const source = withoutMarkup(text);
  const reader = new DivisionReader(source);
  const lines = splitLines(source);
  const stop = bodyEndLine(lines);
  const tables = findLeaderTables(lines.slice(0, stop), source);
  let bodyStart: number | null = null;
  const flushBody = (end: number): void => {
    if (bodyStart !== null && end > bodyStart) reader.readProse(bodyStart, end, null);
    bodyStart = null;
  };
  for (let index = 0; index < stop; index += 1) {
    const line = lines[index] as Line;
    const table = tables.find((candidate) => candidate.firstLine === index);
    if (table) {
      flushBody(line.start);
      readTable(reader, table, lines);
      index = table.endLine - 1;
      continue;
    }
    const heading = readHeadingLine(line.text);
    if (heading) {
      flushBody(line.start);
      reader.startLeader(heading.name, heading.title, { start: line.start, end: line.end });
      bodyStart = heading.restAt === null ? null : line.start + heading.restAt;
      if (bodyStart === null) reader.endParagraph();
      continue;
    }
    bodyStart ??= line.start;
  }
  flushBody(lines[stop - 1]?.end ?? 0);
  return { leaders: reader.blocks(text) };
}

function readTable(reader: DivisionReader, table: LeaderTable, lines: readonly Line[]): void {
  for (const row of table.rows) {
    const nameCell = row.cells.find((cell) => cell.column === 'name');
    const written = nameCell === undefined ? '' : reader.source.slice(nameCell.start, nameCell.end);
    // A cell may hold the title too (`张某（副市长）`, `副市长 张某`).
    const heading = readHeadingLine(written);
    // `U某某 副区长、某某分局局长`: a title the heading grammar does not know follows the name.
    const firstWord = written.trim().split(/\s+/u)[0] ?? '';
    const name = heading?.name ?? (/\s/u.test(written.trim()) && isPersonName(firstWord) ? firstWord : written.replace(/\s+/gu, ''));
    if (name.length < 2 || name.length > 12) continue;
    const titleCell = row.cells.find((cell) => cell.column === 'title');
    const title = titleCell === undefined ? (heading?.title ?? null) : reader.source.slice(titleCell.start, titleCell.end).replace(/\s+/gu, '') || null;
    const line = lines[row.line] as Line;
    reader.startLeader(name, title, { start: line.start, end: line.end });
    for (const cell of row.cells) {
      if (cell.column === 'name' || cell.column === 'title' || cell.column === 'other' || cell.end <= cell.start) continue;
      reader.readProse(cell.start, cell.end, cell.column === 'duties' ? { kind: 'duty' } : { kind: 'role', role: cell.column });
      reader.endParagraph();
    }
  }
}

/**
 * Tags and entities of an HTML page blanked out in place (same length, so
 * spans still point into the text), with block tags read as line breaks. The
 * cleaner may already have turned the page into text; then nothing changes.
 */
function withoutMarkup(text: string): string {
  if (!/<[a-zA-Z/!][^>\n]{0,300}>|&(?:nbsp|gt|lt|amp|quot|#\d+);/u.test(text)) return text;
  return text
    .replace(/<\/?(?:p|div|br|tr|li|h\d|table|tbody|thead|section|article)\b[^>\n]{0,300}>/giu, (tag) => `\n${' '.repeat(tag.length - 1)}`)
    .replace(/<[a-zA-Z/!][^>\n]{0,300}>/gu, (tag) => ' '.repeat(tag.length))
    .replace(/&(?:nbsp|gt|lt|amp|quot|#\d+);/gu, (entity) => ' '.repeat(entity.length));
}

/**
 * The line where the leaders' part ends: the first signature date, 抄送,
 * 附件 … after the first line that names a leader (a date under the title
 * does not end anything), or the end of the text.
 */
function bodyEndLine(lines: readonly Line[]): number {
  let seenLeader = false;
  for (let index = 0; index < lines.length; index += 1) {
    const text = (lines[index] as Line).text;
    if (seenLeader && BODY_END_LINE.test(text)) return index;
    if (!seenLeader) {
      const compact = text.replace(/\s+/gu, '').replace(NUMBERING, '');
      seenLeader = readHeadingLine(text) !== null || mentionAtStart(compact) !== null || text.includes('\t');
    }
  }
  return lines.length;
}

/** The reading state over one document: who the text is about, and what list is open. */
class DivisionReader {
  private readonly leaders = new Map<string, LeaderState>();
  private current: LeaderState | null = null;
  private mode: Mode = null;
  private pending: { role: OversightRole; compact: CompactText; from: number; to: number } | null = null;
  /** A list stated before the sentence that assigns it (`原由X分管的A、B，调整由Y分管`). */
  private heldOver: { compact: CompactText; from: number; to: number } | null = null;

  constructor(readonly source: string) {}

  startLeader(name: string, title: string | null, span: Span): void {
    this.flush();
    this.mode = null;
    this.heldOver = null;
    this.current = this.leader(name, title, span);
  }

  /** A heading line or table cell ends: no list continues past it. */
  endParagraph(): void {
    this.flush();
    this.mode = null;
  }

  blocks(text: string): LeaderBlock[] {
    this.flush();
    return [...this.leaders.values()].map((state) => ({
      name: state.name,
      title: state.title ?? titleStatedElsewhere(text, state.name),
      span: { start: state.start, end: state.end },
      responsibilities: [...new Set(state.responsibilities)],
      oversees: state.oversees,
    }));
  }

  /**
   * Reads document range [start, end) phrase by phrase. `initial` is what an
   * unlabelled phrase holds (a table cell's column); null in running text.
   */
  readProse(start: number, end: number, initial: Mode): void {
    // A line break before a role or duty word, numbering or a leader starts a
    // new phrase even when the line before has no closing punctuation.
    const compact = compactText(this.source.slice(start, end), start, {
      separator: '。',
      isSeparator: (previous, following, run) => {
        if (!/[\r\n]/u.test(run) || /[，、；。,;]/u.test(previous)) return false;
        const next = following.replace(/\s+/gu, '');
        // After a colon (`分管单位：` on its own line) only numbering or a leader opens something new.
        const opensItem = NUMBERING.test(next) || mentionAtStart(next) !== null;
        // A blank line after a complete unit name ends the list; one after half a
        // name (`房屋征收` / `补偿服务中心`) is a page break inside it.
        if (/\n[^\S\n]*\n/u.test(run) && UNIT_END.test(previous) && !/^[（(]/u.test(next)) return true;
        return /[：:]/u.test(previous) ? opensItem : opensItem || ROLE_PREFIX.test(next) || DUTY_PREFIX.test(next);
      },
    });
    this.mode = initial;
    for (const phrase of splitPhrases(compact.text)) {
      this.readPhrase(compact, phrase, initial);
      if (phrase.closer === '。') {
        this.flush();
        this.mode = initial;
        this.heldOver = null;
      }
    }
    this.flush();
  }

  private readPhrase(compact: CompactText, phrase: Phrase, initial: Mode): void {
    let from = phrase.from;
    let text = phrase.text;
    const numbering = NUMBERING.exec(text);
    if (numbering) {
      from += numbering[0].length;
      text = text.slice(numbering[0].length);
    }
    const span = compactRange(compact, phrase.from, phrase.to);
    const mention = mentionAtStart(text);
    if (mention?.name) {
      this.flush();
      this.mode = initial;
      this.current = this.leader(mention.name, mention.title, span);
      const skip = mention.length + (/^[：:]/u.exec(text.slice(mention.length))?.[0].length ?? 0);
      from += skip;
      text = text.slice(skip);
      if (text.length === 0) return;
    } else if (numbering && !ROLE_PREFIX.test(text) && !DUTY_PREFIX.test(text)) {
      // A numbered item of an adjustment notice that does not open with a
      // leader is about whoever it names, not about the item before.
      this.flush();
      this.current = null;
      this.mode = initial;
    }
    if (this.current) extend(this.current, span);
    if (this.readPassive(compact, from, text, span)) return;

    const earlier = EARLIER_HOLDER.exec(text);
    if (earlier) {
      // `原由X分管的A、B`: A and B are assigned by the sentence that follows.
      this.flush();
      this.heldOver = { compact, from: from + earlier[0].length, to: phrase.to };
      this.mode = null;
      return;
    }
    if (DROPPED_PREFIX.test(text)) {
      this.flush();
      this.mode = { kind: 'dropped' };
      return;
    }
    if (PROJECT_PREFIX.test(text)) {
      this.flush();
      this.mode = null;
      return;
    }
    const role = ROLE_PREFIX.exec(text);
    if (role) {
      this.flush();
      const kind = roleOf(role[1] as string);
      let listFrom = from + role[0].length;
      const held = EARLIER_HOLDER.exec(text.slice(role[0].length));
      if (held) listFrom += held[0].length;
      const rest = compact.text.slice(listFrom, phrase.to);
      if (isDutyOnly(rest)) {
        // `协助王鸿鹄副市长分管工作`: a duty, not a list.
        if (this.current) this.current.responsibilities.push(text);
        this.mode = null;
        return;
      }
      this.mode = { kind: 'role', role: kind };
      this.pending = { role: kind, compact, from: listFrom, to: phrase.to };
      return;
    }
    const duty = DUTY_PREFIX.exec(text);
    if (duty) {
      this.flush();
      this.mode = { kind: 'duty' };
      this.current?.responsibilities.push(...areasOf(text.slice((duty[0] as string).length)));
      return;
    }
    // Anything else continues whatever came before.
    const mode = this.mode;
    if (mode?.kind === 'role') {
      if (this.pending?.compact === compact) this.pending = { ...this.pending, to: phrase.to };
      else this.pending = { role: mode.role, compact, from, to: phrase.to };
    } else if (mode?.kind === 'duty') {
      this.current?.responsibilities.push(...areasOf(text));
    }
  }

  /**
   * `A、B由常务副区长X分管`, `A归其分管`, `A由X分管调整为由Y分管` (the last 由
   * names the holder), `在…上由X协助分管` (an aspect). Returns false when the
   * phrase is not a passive assignment.
   */
  private readPassive(compact: CompactText, from: number, text: string, span: Span): boolean {
    const role = PASSIVE_ROLE.exec(text);
    if (!role) return false;
    const roleAt = role.index;
    const by = Math.max(text.lastIndexOf('由', roleAt), text.lastIndexOf('归', roleAt));
    if (by < 0) return false;
    const reference = readReference(text.slice(by + 1, roleAt), new Set(this.leaders.keys()));
    if (reference === null) return false;
    const holder = this.resolve(reference);
    if (holder === null) return false;
    this.flush();
    extend(holder, span);
    this.current = holder;
    this.mode = null;
    const firstBy = firstIndexOfAny(text, ['由', '归']);
    const subject = text.slice(0, firstBy).replace(SUBJECT_TAIL, '');
    const aspect = SUBJECT_TAIL.exec(text.slice(0, firstBy))?.[1] ?? null;
    const verb = role[1] as string;
    if (verb === '负责') {
      if (subject.length > 0) holder.responsibilities.push(...areasOf(subject.replace(/等[\u4e00-\u9fff]{0,8}$/u, '')));
      return true;
    }
    const list =
      subject.length > 0 ? { compact, from, to: from + subject.length } : this.heldOver;
    this.heldOver = null;
    if (list === null) return true;
    for (const oversight of this.oversightsIn(roleOf(verb), list.compact, list.from, list.to)) {
      holder.oversees.push(aspect !== null && oversight.aspect === null ? { ...oversight, aspect } : oversight);
    }
    return true;
  }

  private resolve(reference: LeaderMention): LeaderState | null {
    if (reference.pronoun) return this.current;
    if (reference.name !== null) return this.leader(reference.name, reference.title, null);
    // A title alone (`仍由区长直接分管`) names the one leader who holds it.
    const holders = [...this.leaders.values()].filter((state) => state.title === reference.title);
    return holders.length === 1 ? (holders[0] as LeaderState) : null;
  }

  private leader(name: string, title: string | null, span: Span | null): LeaderState {
    let state = this.leaders.get(name);
    if (state === undefined) {
      state = { name, title, start: span?.start ?? Number.POSITIVE_INFINITY, end: span?.end ?? 0, responsibilities: [], oversees: [] };
      this.leaders.set(name, state);
    }
    state.title ??= title;
    if (span !== null) extend(state, span);
    return state;
  }

  private flush(): void {
    const pending = this.pending;
    this.pending = null;
    if (pending === null || this.current === null || this.mode?.kind === 'dropped') return;
    const leader = this.current;
    for (const oversight of this.oversightsIn(pending.role, pending.compact, pending.from, pending.to)) {
      if (oversight.aspect === null && oversight.agency.written.length === 0) continue;
      leader.oversees.push(oversight);
    }
    for (const area of this.areasIn(pending.compact, pending.from, pending.to)) leader.responsibilities.push(area);
    const last = pending.compact.offsets[pending.to - 1];
    if (last !== undefined) extend(leader, { start: leader.start, end: last + 1 });
  }

  private oversightsIn(role: OversightRole, compact: CompactText, from: number, to: number): Oversight[] {
    return this.listIn(compact, from, to)
      .filter((mention) => !isArea(mention))
      .map((mention) => withAspect(this.source, role, mention));
  }

  private areasIn(compact: CompactText, from: number, to: number): string[] {
    return this.listIn(compact, from, to)
      .filter(isArea)
      .map((mention) => mention.written);
  }

  private listIn(compact: CompactText, from: number, to: number): AgencyMention[] {
    const closing = CLOSING_COLLECTIVE.exec(compact.text.slice(from, to));
    const end = closing ? to - closing[0].length : to;
    const first = compact.offsets[from];
    const last = compact.offsets[end - 1];
    if (first === undefined || last === undefined || end <= from) return [];
    // Whitespace is page-break residue (`市城管\n执法局`) unless it stands between whole
    // names (a table cell `县财政局 县统计局`): read it as a separator only when every
    // piece is then a unit.
    const raw = this.source.slice(first, last + 1);
    const joined = splitAgencyList(raw, first, { whitespace: 'join' });
    if (!/\s/u.test(raw)) return joined;
    const separated = splitAgencyList(raw, first, { whitespace: 'separate' });
    return separated.length > joined.length && separated.every((mention) => isAgencyLike(mention.written) || isAgencyLike(mention.name)) ? separated : joined;
  }
}

function extend(state: LeaderState, span: Span): void {
  state.start = Math.min(state.start, span.start);
  state.end = Math.max(state.end, span.end);
}

function compactRange(compact: CompactText, from: number, to: number): Span {
  const start = compact.offsets[from] ?? 0;
  const last = compact.offsets[Math.max(from, to - 1)] ?? start;
  return { start, end: last + 1 };
}

function firstIndexOfAny(text: string, needles: readonly string[]): number {
  const found = needles.map((needle) => text.indexOf(needle)).filter((index) => index >= 0);
  return found.length === 0 ? text.length : Math.min(...found);
}

/** `王鸿鹄副市长` or `副市长王鸿鹄` elsewhere in the document. */
function titleStatedElsewhere(text: string, name: string): string | null {
  const titles = TITLE_SOURCE;
  const after = new RegExp(`${name}(${titles})`, 'u').exec(text);
  if (after) return after[1] as string;
  const before = new RegExp(`(${titles})\\s*${name}`, 'u').exec(text);
  return before ? (before[1] as string) : null;
}

function roleOf(prefix: string): OversightRole {
  if (prefix.startsWith('协助') || prefix === '协管') return '协助分管';
  if (prefix === '主管') return '主管';
  // 包联 / 包保 (a leader answers for villages, streets or companies) is a 联系.
  if (prefix === '联系' || prefix === '包联' || prefix === '包保') return '联系';
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
function isArea(mention: AgencyMention): boolean {
  return /(?:工作|方面)$/u.test(mention.written);
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
      if (i > start) phrases.push({ from: start, to: i, text: text.slice(start, i), closer: char === undefined ? '' : char === '。' ? '。' : char });
      start = i + 1;
    }
  }
  return phrases;
}
