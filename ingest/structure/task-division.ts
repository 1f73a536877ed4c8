/**
 * Structure of a task division (…关于落实20XX年《政府工作报告》重点工作分工的意见):
 * parts `一、`, sections `（一）`, numbered tasks `1.` whose numbers run on across
 * sections, and the clauses of each task, each closed by its lead annotation.
 *
 * Input is one document's cleaned text; the parser still tolerates what
 * cleaning can leave behind: a heading or an annotation broken over two lines,
 * an annotation on its own line after its clause, half-width brackets, a task
 * number glued to the end of the previous task by a rejoined page break.
 */

import type { AgencyMention, Clause, LeadAnnotation, Section, Span, Task } from '../model.ts';
import { isAgencyLike, splitAgencyList } from './agency-list.ts';
import { findLeadAnnotations } from './annotation.ts';
import { applyStatedLeadConvention } from './lead-convention.ts';
import { findTableTasks } from './task-table.ts';
import { joinLines } from './compact-text.ts';
import { BODY_END_LINE, splitLines, trimEnd, type Line } from './lines.ts';
import { parseChineseNumber } from './outline.ts';

const PART_LINE = /^[ \t\u3000]*([一二三四五六七八九十百]+)[、.．][ \t\u3000]*(\S.*)$/u;
const SECTION_LINE = /^[ \t\u3000]*[（(]([一二三四五六七八九十百]+)[）)][ \t\u3000]*(\S.*)$/u;
const TASK_LINE = /^[ \t\u3000]*(\d{1,3})[.．、](?!\d)[ \t\u3000]*/u;
/** `项目一：菜市场提质改造`, `任务3：…`: items named with their number. */
const NAMED_ITEM_LINE = /^[ \t\u3000]*(?:项目|事项|任务|实事)([一二三四五六七八九十百]+|\d{1,3})[：:、.．][ \t\u3000]*/u;
/**
 * `任务内容：…` / `工作任务：…` / `事项名称：…`: the task line of a block of labelled
 * lines, as exports from a supervision system write each item (`任务编号：` /
 * `任务内容：` / `牵头单位：` / `协办单位：` / `完成时间：`). The label opens a task.
 */
const CONTENT_LABEL_LINE = /^[ \t\u3000]*(?:(?:具体|重点|主要)?(?:任务|工作|事项)(?:内容|名称|事项)|(?:重点|主要|具体|工作)任务)[ \t\u3000]*[:：][ \t\u3000]*(?=\S)/u;
/** `任务编号：NH-01` / `序号：3`: an item's number as a label, just before its content line. */
const ITEM_NUMBER_LABEL_LINE = /^[ \t\u3000]*(?:任务|事项|工作)?(?:编号|序号)[ \t\u3000]*[:：]/u;
/** `▲新建幼儿园…（责任单位：…）`: a bullet item, in a list that numbers none of its items. */
const BULLET_LINE = /^[ \t\u3000]*[●◆■▲►▶•◇○□◎★☆△][ \t\u3000]*(?=\S)/u;
/** A task number glued after the closing bracket or full stop of the previous task. */
const GLUED_TASK = /[）)〕。](\d{1,3})[.．](?=[\u4e00-\u9fff“《（])/gu;
const HEADING_END = /[。：:；;.！？]$/u;
const SENTENCE_END = /[。；;！？]/u;

/** How far a task number may jump (a number skipped by mistake in the source). */
const MAX_NUMBER_STEP = 2;

type Marker =
  | { readonly kind: 'part'; readonly start: number; readonly titleSpan: Span; readonly title: string }
  | { readonly kind: 'section'; readonly start: number; readonly ordinal: number; readonly title: string }
  | { readonly kind: 'task'; readonly start: number; readonly bodyStart: number; readonly number: number }
  | { readonly kind: 'tail'; readonly start: number };

export function structureTaskDivision(text: string): { sections: Section[]; tasks: Task[] } {
  const markers = findMarkers(text);
  const sections: Section[] = [];
  const tasks: Task[] = [];
  let part: string | null = null;
  let sectionIndex: number | null = null;
  // `一、县示范区管委会牵头工作（3项）`: a heading that names the lead of every task under it.
  let groupLeads: AgencyMention[] = [];

  markers.forEach((marker, index) => {
    const next = markers[index + 1];
    const end = trimEnd(text, marker.start, next?.start ?? text.length);
    switch (marker.kind) {
      case 'part':
        part = marker.title;
        sectionIndex = null;
        groupLeads = headingLeads(text, marker.start, marker.titleSpan.end);
        // The last item of a list numbered 一、二、 is a task too (nothing follows it).
        if (next?.kind !== 'task' && next?.kind !== 'section') pushHeadingTask(text, tasks.length + 1, marker.start, end, null, tasks);
        break;
      case 'section': {
        // A section runs until the next section, part or tail.
        const sectionEnd = endOfSection(markers, index, text);
        sections.push({ ordinal: marker.ordinal, title: marker.title, part, span: { start: marker.start, end: sectionEnd } });
        sectionIndex = sections.length - 1;
        // A 工作要点 numbers its items （一）（二） with no 1. 2. below: the item is the task.
        if (next?.kind !== 'task') pushHeadingTask(text, marker.ordinal, marker.start, end, sectionIndex, tasks);
        break;
      }
      case 'task':
        tasks.push(withGroupLeads(text, buildTask(text, marker.number, marker.start, marker.bodyStart, end, sectionIndex), groupLeads, marker.bodyStart, end));
        break;
      case 'tail':
        break;
    }
  });
  // Tables (牵头单位 | 责任单位 columns) hold tasks of their own, beside or instead of numbered prose.
  const tableTasks = findTableTasks(text).filter((table) => !tasks.some((task) => task.span.start <= table.span.start && table.span.start < task.span.end && task.clauses.length > 0));
  const all = [...tasks.filter((task) => !tableTasks.some((table) => task.span.start <= table.span.start && table.span.start < task.span.end && task.clauses.length === 0)), ...tableTasks].sort(
    (a, b) => a.span.start - b.span.start,
  );
  return { sections, tasks: applyStatedLeadConvention(text, all) };
}

function buildTask(text: string, number: number, start: number, bodyStart: number, end: number, sectionIndex: number | null): Task {
  const annotations = findLeadAnnotations(text, bodyStart, end);
  const clauses: Clause[] = [];
  let clauseStart = bodyStart;
  for (const [index, annotation] of annotations.entries()) {
    const span = trimmed(text, clauseStart, annotation.span.start);
    clauseStart = annotation.span.end;
    // A marker that opens the item (`1.【牵头单位：A】内容…`) is about the text after it.
    if (index === 0 && span.end <= span.start && annotations.length === 1) {
      const after = trimmed(text, annotation.span.end, end);
      if (after.end > after.start) clauses.push(clauseOf(text, 1, after, annotation));
      continue;
    }
    // Two annotations in a row (a second bracket after the first) carry no
    // clause of their own; the first one already closed the clause.
    if (span.end <= span.start) continue;
    clauses.push(clauseOf(text, clauses.length + 1, span, annotation));
  }
  const body = joinLines(text.slice(bodyStart, end));
  return {
    number,
    title: titleOf(text, bodyStart, annotations[0]?.span.start ?? end),
    text: body,
    span: { start, end },
    sectionIndex,
    clauses,
  };
}

/** `<units>牵头（的）（重点）工作` as a heading: the units lead each task below it. */
const LEAD_GROUP_HEADING = /^[ \t\u3000]*[一二三四五六七八九十百]+[、.．][ \t\u3000]*(.+?)(?:牵头|负责)的?(?:重点)?(?:工作|任务|事项)(?:[（(][^）)]*[）)])?[。.]?\s*$/u;

function headingLeads(text: string, start: number, end: number): AgencyMention[] {
  const heading = text.slice(start, end);
  const match = LEAD_GROUP_HEADING.exec(heading);
  if (!match) return [];
  const list = match[1] as string;
  const units = splitAgencyList(list, start + heading.indexOf(list));
  return units.length > 0 && units.every((unit) => isAgencyLike(unit.written)) ? units : [];
}

/** Gives the heading's leads to a task's clauses that name none, or makes the task its own clause. */
function withGroupLeads(text: string, task: Task, leads: readonly AgencyMention[], bodyStart: number, end: number): Task {
  if (leads.length === 0) return task;
  if (task.clauses.length === 0) {
    const span = trimmed(text, bodyStart, end);
    if (span.end <= span.start) return task;
    const annotation: LeadAnnotation = {
      text: '',
      span: { start: span.end, end: span.end },
      convention: 'group-heading',
      leads,
      inferredLeads: false,
      supporters: [],
      responsible: [],
      leaders: [],
      joint: false,
      deadline: null,
    };
    return { ...task, clauses: [clauseOf(text, 1, span, annotation)] };
  }
  return {
    ...task,
    clauses: task.clauses.map((clause) => (clause.annotation.leads.length > 0 ? clause : { ...clause, annotation: { ...clause.annotation, leads } })),
  };
}

/** A heading that carries its own responsibility marker becomes a task; one without stays a heading. */
function pushHeadingTask(text: string, number: number, start: number, until: number, sectionIndex: number | null, tasks: Task[]): void {
  // A table under the heading holds tasks of its own (findTableTasks): the heading's task ends where it starts.
  const tableRow = text.slice(start, until).search(/\n[^\n]*\t/u);
  const end = tableRow === -1 ? until : trimEnd(text, start, start + tableRow);
  const numbering = /^[（(]?[一二三四五六七八九十百]+[）)、.．]?/u.exec(text.slice(start, end));
  const bodyStart = start + (numbering?.[0].length ?? 0);
  const task = buildTask(text, number, start, bodyStart, end, sectionIndex);
  if (task.clauses.length > 0) tasks.push(task);
}

function clauseOf(text: string, ordinal: number, span: Span, annotation: LeadAnnotation): Clause {
  return { ordinal, text: joinLines(text.slice(span.start, span.end)), span, annotation };
}

/** The task's first sentence, or its heading when the task opens with one. */
function titleOf(text: string, from: number, to: number): string {
  const head = joinLines(text.slice(from, to));
  const stop = head.search(SENTENCE_END);
  return (stop === -1 ? head : head.slice(0, stop)).trim();
}

function findMarkers(text: string): Marker[] {
  const lines = splitLines(text);
  const markers: Marker[] = [];
  let lastNumber = 0;
  let afterSection = false;
  let tailReached = false;

  // Bullets open items only where nothing is numbered: under a numbered item they are its parts.
  const bulletsAreItems = !lines.some((line) => TASK_LINE.test(line.text) || NAMED_ITEM_LINE.test(line.text));
  const acceptsNumber = (number: number): boolean =>
    (number > lastNumber && number <= lastNumber + MAX_NUMBER_STEP) || (number === 1 && afterSection);

  lines.forEach((line, index) => {
    if (tailReached) return;
    if (BODY_END_LINE.test(line.text) && lastNumber > 0) {
      markers.push({ kind: 'tail', start: line.start });
      tailReached = true;
      return;
    }
    const section = SECTION_LINE.exec(line.text);
    if (section) {
      markers.push({
        kind: 'section',
        start: line.start + line.text.indexOf(section[0].trimStart()),
        // The pattern admits only numerals, so the number is always read.
        ordinal: parseChineseNumber(section[1] as string) ?? 0,
        title: headingTitle(section[2] as string, lines, index),
      });
      afterSection = true;
      return;
    }
    const part = PART_LINE.exec(line.text);
    if (part && !TASK_LINE.test(line.text)) {
      const title = headingTitle(part[2] as string, lines, index);
      const start = line.start + line.text.indexOf(part[0].trimStart());
      markers.push({ kind: 'part', start, titleSpan: { start, end: line.end }, title });
      afterSection = true;
      return;
    }
    const bullet = bulletsAreItems ? BULLET_LINE.exec(line.text) : null;
    if (bullet) {
      const start = line.start + (bullet[0].length - bullet[0].trimStart().length);
      lastNumber += 1;
      markers.push({ kind: 'task', start, bodyStart: line.start + bullet[0].length, number: lastNumber });
      afterSection = false;
      return;
    }
    const content = CONTENT_LABEL_LINE.exec(line.text);
    if (content && !TASK_LINE.test(line.text) && opensLabelledItem(lines, index)) {
      const start = line.start + (content[0].length - content[0].trimStart().length);
      lastNumber += 1;
      markers.push({ kind: 'task', start, bodyStart: line.start + content[0].length, number: lastNumber });
      afterSection = false;
      return;
    }
    const named = TASK_LINE.test(line.text) ? null : NAMED_ITEM_LINE.exec(line.text);
    const task = TASK_LINE.exec(line.text) ?? named;
    if (task) {
      const number = named ? (parseChineseNumber(task[1] as string) ?? Number(task[1])) : Number(task[1]);
      if (acceptsNumber(number)) {
        const start = line.start + (task[0].length - task[0].trimStart().length);
        markers.push({ kind: 'task', start, bodyStart: line.start + task[0].length, number });
        lastNumber = number;
        afterSection = false;
      }
    }
    // A task number glued onto this line by a rejoined page break.
    for (const glued of line.text.matchAll(GLUED_TASK)) {
      const number = Number(glued[1]);
      if (number !== lastNumber + 1) continue;
      const start = line.start + (glued.index ?? 0) + 1;
      markers.push({ kind: 'task', start, bodyStart: start + (glued[0].length - 1), number });
      lastNumber = number;
      afterSection = false;
    }
  });
  return markers.sort((a, b) => a.start - b.start);
}

/**
 * A content label opens an item of its own unless a numbered line just above
 * it (`1.` / `项目一：`) already did: it starts a block, or follows the block's
 * number label (`任务编号：`).
 */
function opensLabelledItem(lines: readonly Line[], index: number): boolean {
  for (let i = index - 1; i >= 0; i -= 1) {
    const previous = (lines[i] as Line).text;
    if (previous.trim().length === 0) return true;
    if (ITEM_NUMBER_LABEL_LINE.test(previous)) continue;
    return false;
  }
  return true;
}

/**
 * A heading's title, with the continuation line a page break may have cut
 * off (`（五）坚定不移推进乡村振兴，扎实推` / `进农业农村现代化建设`).
 */
function headingTitle(rest: string, lines: readonly Line[], index: number): string {
  let title = rest.trim();
  if (!HEADING_END.test(title)) {
    const nextIndex = nextNonEmpty(lines, index);
    const next = lines[nextIndex];
    if (
      next !== undefined &&
      next.text.trim().length <= 30 &&
      !SENTENCE_END.test(next.text.trim().slice(0, -1)) &&
      !isStructural(next.text)
    ) {
      const after = lines[nextNonEmpty(lines, nextIndex)];
      if (after === undefined || isStructural(after.text)) title += next.text.trim();
    }
  }
  return title.replace(/[。.]$/u, '');
}

function isStructural(line: string): boolean {
  return SECTION_LINE.test(line) || PART_LINE.test(line) || TASK_LINE.test(line) || BODY_END_LINE.test(line);
}

/** Index of the first non-empty line after `index`, or `lines.length` when there is none. */
function nextNonEmpty(lines: readonly Line[], index: number): number {
  for (let i = index + 1; i < lines.length; i += 1) {
    if ((lines[i] as Line).text.trim().length > 0) return i;
  }
  return lines.length;
}

function endOfSection(markers: readonly Marker[], index: number, text: string): number {
  for (let i = index + 1; i < markers.length; i += 1) {
    const marker = markers[i] as Marker;
    if (marker.kind !== 'task') return trimEnd(text, (markers[index] as Marker).start, marker.start);
  }
  return trimEnd(text, (markers[index] as Marker).start, text.length);
}

function trimmed(text: string, start: number, end: number): Span {
  let s = start;
  while (s < end && /[\s，,；;]/u.test(text[s] as string)) s += 1;
  return { start: s, end: trimEnd(text, s, end) };
}
