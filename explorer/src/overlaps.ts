/**
 * Responsibility overlaps (the `overlaps` query): clauses with several leads,
 * agencies that often lead together, work whose leads changed from one year to
 * the next, and agencies overseen by more than one leader. Every item links
 * into the graph.
 */
import { gql } from './api.ts';
import { h, replaceChildren, shorten } from './dom.ts';
import { entityLink, graphLink } from './links.ts';
import { CO_LEAD_PAIRS, JOINT_LEADS, LEAD_CHANGES, MULTIPLY_OVERSEEN, YEARS } from './operations.ts';
import { navigate, type ExplorerState } from './state.ts';
import type { Connection, Named } from './types.ts';

type Field = 'multiLeadAssignments' | 'coLeadPairs' | 'leadChanges' | 'multiplyOverseen';

interface Clause {
  readonly id: string;
  readonly year: number | null;
  readonly text: string;
}

const names = (agencies: readonly Named[]) => agencies.map((agency, index) => [index > 0 ? '、' : '', entityLink(agency.id, agency.name)]);

function clauseLink(clause: Clause): HTMLElement {
  return graphLink(clause.id, `${clause.year ?? '—'} 年：${shorten(clause.text, 70)}`);
}

interface SectionSpec<T> {
  readonly field: Field;
  readonly title: string;
  readonly id: string;
  readonly operation: string;
  readonly item: (node: T) => (HTMLElement | string | null | (HTMLElement | string)[])[];
}

const SECTIONS: readonly SectionSpec<never>[] = [
  {
    field: 'multiLeadAssignments',
    title: '多家牵头的条款',
    id: 'overlap-joint',
    operation: JOINT_LEADS,
    item: (node: Clause & { leads: readonly Named[] }) => [clauseLink(node), h('span', { class: 'muted' }, ' · 牵头：'), ...names(node.leads).flat()],
  },
  {
    field: 'coLeadPairs',
    title: '经常共同牵头的机构',
    id: 'overlap-pairs',
    operation: CO_LEAD_PAIRS,
    item: (node: { count: number; years: readonly number[]; first: Named; second: Named }) => [
      entityLink(node.first.id, node.first.name),
      ' 与 ',
      entityLink(node.second.id, node.second.name),
      h('span', { class: 'muted' }, ` · ${node.count} 条（${node.years.join('、')}）`),
    ],
  },
  {
    field: 'leadChanges',
    title: '牵头单位发生变化的延续工作',
    id: 'overlap-changes',
    operation: LEAD_CHANGES,
    item: (node: { score: number | null; earlier: Clause; later: Clause; added: readonly Named[]; removed: readonly Named[] }) => [
      clauseLink(node.later),
      h('span', { class: 'muted' }, ' ← 延续自 '),
      clauseLink(node.earlier),
      h(
        'span',
        { class: 'change' },
        node.added.length > 0 ? [' · 新增：', ...names(node.added).flat()] : '',
        node.removed.length > 0 ? [' · 不再牵头：', ...names(node.removed).flat()] : '',
      ),
    ],
  },
  {
    field: 'multiplyOverseen',
    title: '由多位领导分管的机构',
    id: 'overlap-overseen',
    operation: MULTIPLY_OVERSEEN,
    item: (node: { year: number | null; agency: Named; oversights: readonly { role: string; aspect: string | null; leader: Named }[] }) => [
      entityLink(node.agency.id, node.agency.name),
      h('span', { class: 'muted' }, ` · ${node.year ?? '—'} 年：`),
      ...node.oversights.flatMap((oversight, index) => [index > 0 ? '；' : '', entityLink(oversight.leader.id, oversight.leader.name), `（${oversight.role}${oversight.aspect ? `：${oversight.aspect}` : ''}）`]),
    ],
  },
] as unknown as readonly SectionSpec<never>[];

function overlapSection(spec: SectionSpec<never>, year: number | null, isCurrent: () => boolean): HTMLElement {
  const list = h('ol', { class: 'overlap-list' });
  const total = h('p', { class: 'muted' }, '正在加载…');
  const more = h('button', { type: 'button', hidden: true }, '更多');
  let after: string | null = null;
  const load = async () => {
    more.disabled = true;
    const data = await gql<{ overlaps: Record<Field, Connection<never>> }>(spec.operation, { year, first: 20, after });
    if (!isCurrent()) return;
    const connection = data.overlaps[spec.field];
    total.textContent = `共 ${connection.totalCount} 项。`;
    for (const { node } of connection.edges) list.append(h('li', {}, spec.item(node)));
    after = connection.pageInfo.endCursor;
    more.hidden = !connection.pageInfo.hasNextPage;
    more.disabled = false;
  };
  more.addEventListener('click', () => void load());
  load().catch((error: unknown) => {
    total.textContent = `无法加载：${error instanceof Error ? error.message : String(error)}`;
    total.className = 'error';
  });
  return h('section', { class: 'page-section', 'aria-labelledby': spec.id, id: `${spec.id}-section` }, h('h2', { id: spec.id }, spec.title), total, list, more);
}

let knownYears: Promise<number[]> | null = null;

function corpusYears(): Promise<number[]> {
  knownYears ??= gql<{ documents: Connection<{ year: number | null }> }>(YEARS).then((data) =>
    [...new Set(data.documents.edges.map((edge) => edge.node.year).filter((year): year is number => typeof year === 'number'))].sort(),
  );
  knownYears.catch(() => (knownYears = null));
  return knownYears;
}

export function renderOverlapsPage(host: HTMLElement, state: ExplorerState, isCurrent: () => boolean): void {
  const select = h(
    'select',
    { id: 'overlap-year', 'aria-label': '年份', onchange: () => navigate({ year: select.value ? Number(select.value) : null }) },
    h('option', { value: '' }, '所有年份'),
  );
  corpusYears()
    .then((years) => {
      for (const year of years) select.append(h('option', { value: year, selected: state.year === year }, `${year} 年`));
    })
    .catch(() => undefined);
  replaceChildren(
    host,
    h(
      'header',
      { class: 'page-header' },
      h('h1', { id: 'page-title' }, '责任交叉'),
      h('p', { class: 'muted' }, '同一项工作由多家牵头、机构间的共同牵头、牵头单位的年度变化，以及由多位领导分管的机构。'),
      h('label', { class: 'inline' }, '年份 ', select),
    ),
    h('div', { class: 'page-grid' }, SECTIONS.map((spec) => overlapSection(spec, state.year, isCurrent))),
  );
}
