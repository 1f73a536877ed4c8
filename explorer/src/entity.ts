/**
 * Entity pages: an agency's responsibilities per year, co-lead network,
 * overseers and rename chain; an indicator's target against actual per year;
 * the leader's portfolio; and for companies, parks, projects, terms and
 * agencies the clauses and passages that mention them, across years.
 */
import cytoscape from 'cytoscape';
import { gql } from './api.ts';
import { chartFigure } from './charts.ts';
import { h, replaceChildren, shorten } from './dom.ts';
import { CJK_FONT } from './graph.ts';
import { AGENCY_KINDS, iconDataUri, labelStyle } from './labels.ts';
import { entityLink, graphLink, link } from './links.ts';
import { AGENCY, ENTITY, MENTIONS } from './operations.ts';
import { navigate, type ExplorerState } from './state.ts';
import type { Connection, Mention, Named, YearCount } from './types.ts';

interface YearSummary {
  readonly year: number;
  readonly leadCount: number;
  readonly jointLeadCount: number;
  readonly livelihoodLeadCount: number;
  readonly supportCount: number;
  readonly livelihoodSupportCount: number;
}

interface Oversight {
  readonly year: number | null;
  readonly role: string;
  readonly aspect: string | null;
  readonly title: string | null;
  readonly leader?: Named;
  readonly agency?: Named;
}

interface AgencyPage {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: string | null;
  readonly current: Named;
  readonly renames: readonly { readonly year: number | null; readonly from: Named; readonly to: Named }[];
  readonly yearSummary: readonly YearSummary[];
  readonly coLeads: readonly { readonly count: number; readonly agency: Named & { readonly coLeads: readonly { readonly count: number; readonly agency: { readonly id: string } }[] } }[];
  readonly overseenBy: readonly Oversight[];
}

interface IndicatorValue {
  readonly value: number | null;
  readonly unit: string | null;
  readonly measure: string | null;
  readonly qualifier: string | null;
  readonly text: string | null;
  readonly document: { readonly id: string; readonly title: string | null };
}

interface EntityNode {
  readonly id: string;
  readonly __typename: string;
  readonly name?: string;
  readonly aliases?: readonly string[];
  readonly definition?: string | null;
  readonly oversees?: readonly Oversight[];
  readonly metric?: string;
  readonly unit?: string | null;
  readonly byYear?: readonly { readonly year: number; readonly targets: readonly IndicatorValue[]; readonly actuals: readonly IndicatorValue[] }[];
}


const MEASURES: Readonly<Record<string, string>> = { growth: '增长（%）', level: '总量' };

function header(label: string, name: string, id: string, extra: readonly (HTMLElement | string | null)[] = []): HTMLElement {
  const style = labelStyle(label);
  return h(
    'header',
    { class: 'page-header' },
    h('h1', { id: 'page-title' }, h('img', { class: 'icon', src: iconDataUri(label), alt: '', style: `background:${style.color}` }), h('span', { class: 'label-name' }, `${style.name} `), name),
    h('p', { class: 'actions' }, graphLink(id, '在关系图中查看', { class: 'button-link', id: 'page-graph-link' }), extra),
  );
}

function section(title: string, id: string, ...content: (HTMLElement | string | null)[]): HTMLElement {
  return h('section', { class: 'page-section', 'aria-labelledby': id }, h('h2', { id }, title), content);
}

function oversightTable(rows: readonly Oversight[], column: 'leader' | 'agency'): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'muted' }, '没有分工记录。');
  const sorted = [...rows].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  return h(
    'table',
    { class: 'list-table' },
    h('thead', {}, h('tr', {}, ['年份', column === 'leader' ? '领导' : '机构', '职责', '分管事项', '职务'].map((title) => h('th', { scope: 'col' }, title)))),
    h(
      'tbody',
      {},
      sorted.map((row) => {
        const other = column === 'leader' ? row.leader : row.agency;
        return h(
          'tr',
          {},
          h('td', {}, row.year === null ? '—' : String(row.year)),
          h('td', {}, other ? entityLink(other.id, other.name) : '—'),
          h('td', {}, row.role),
          h('td', {}, row.aspect ?? ''),
          h('td', {}, row.title ? shorten(row.title, 40) : ''),
        );
      }),
    ),
  );
}

function renameChain(page: AgencyPage): HTMLElement {
  if (page.renames.length === 0) return h('p', { class: 'muted' }, '没有更名记录。');
  const renames = [...page.renames].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  return h(
    'ol',
    { class: 'rename-chain', id: 'rename-chain' },
    renames.map((rename) =>
      h(
        'li',
        {},
        rename.from.id === page.id ? h('strong', {}, rename.from.name) : entityLink(rename.from.id, rename.from.name),
        ` ${rename.year ? `（${rename.year} 年）` : ''}更名为 `,
        rename.to.id === page.id ? h('strong', {}, rename.to.name) : entityLink(rename.to.id, rename.to.name),
      ),
    ),
  );
}

function responsibilityChart(summary: readonly YearSummary[]): HTMLElement {
  if (summary.length === 0) return h('p', { class: 'muted' }, '没有牵头或配合的工作。');
  return chartFigure(
    summary.map((row) => row.year),
    [
      { label: '单独牵头', color: '#2563eb', values: summary.map((row) => row.leadCount - row.jointLeadCount) },
      { label: '共同牵头', color: '#7c3aed', values: summary.map((row) => row.jointLeadCount) },
      { label: '民生实事牵头', color: '#db2777', values: summary.map((row) => row.livelihoodLeadCount) },
      { label: '配合', color: '#60a5fa', values: summary.map((row) => row.supportCount) },
      { label: '民生实事责任', color: '#f9a8d4', values: summary.map((row) => row.livelihoodSupportCount) },
    ],
    { id: 'chart-responsibilities', caption: '每年的职责（条款与民生实事数）', stacked: true, integer: true, yTitle: '项数' },
  );
}

function coLeadNetwork(page: AgencyPage): HTMLElement {
  if (page.coLeads.length === 0) return h('p', { class: 'muted' }, '没有与其他机构共同牵头的条款。');
  const container = h('div', { class: 'mini-graph', id: 'co-lead-graph', role: 'img', 'aria-label': `与${page.name}共同牵头的机构网络` });
  const shown = page.coLeads.slice(0, 30);
  const ids = new Set([page.id, ...shown.map((item) => item.agency.id)]);
  const list = h(
    'ol',
    { class: 'co-lead-list' },
    shown.map((item) => h('li', {}, entityLink(item.agency.id, item.agency.name), ` · ${item.count} 条`)),
  );
  requestAnimationFrame(() => {
    if (!container.isConnected) return;
    const edges = new Map<string, { source: string; target: string; count: number }>();
    for (const item of shown) {
      edges.set(`${page.id}|${item.agency.id}`, { source: page.id, target: item.agency.id, count: item.count });
      for (const other of item.agency.coLeads) {
        if (!ids.has(other.agency.id) || other.agency.id === page.id) continue;
        const [a, b] = [item.agency.id, other.agency.id].sort() as [string, string];
        edges.set(`${a}|${b}`, { source: a, target: b, count: other.count });
      }
    }
    const max = Math.max(...shown.map((item) => item.count), 1);
    const cy = cytoscape({
      container,
      elements: [
        { data: { id: page.id, name: page.name, weight: max + 1 } },
        ...shown.map((item) => ({ data: { id: item.agency.id, name: item.agency.name, weight: item.count } })),
        ...[...edges.values()].map((edge, index) => ({ data: { id: `e${index}`, ...edge } })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': labelStyle('Agency').color,
            width: `mapData(weight, 1, ${max + 1}, 16, 44)`,
            height: `mapData(weight, 1, ${max + 1}, 16, 44)`,
            label: 'data(name)',
            'font-family': CJK_FONT,
            'font-size': 16,
            'min-zoomed-font-size': 6,
            'text-valign': 'bottom',
            'text-wrap': 'ellipsis',
            'text-max-width': '100px',
            'text-outline-color': '#fff',
            'text-outline-width': 2,
          },
        },
        { selector: `node[id = "${page.id.replace(/"/g, '\\"')}"]`, style: { 'background-color': '#111827' } },
        { selector: 'edge', style: { width: `mapData(count, 1, ${max}, 1, 6)`, 'line-color': '#a5b4fc', 'curve-style': 'haystack', opacity: 0.7 } },
        { selector: `edge[source = "${page.id.replace(/"/g, '\\"')}"]`, style: { 'line-color': '#6366f1', opacity: 1 } },
      ],
      layout: { name: 'concentric', concentric: (node) => (node.id() === page.id ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 6, padding: 16, animate: false },
      userZoomingEnabled: false,
      autoungrabify: true,
    });
    cy.on('tap', 'node', (event) => {
      const id = event.target.id() as string;
      if (id !== page.id) navigate({ view: 'entity', node: id, sel: null, expand: [] });
    });
  });
  return h('div', { class: 'co-leads' }, container, list);
}

function indicatorCharts(node: EntityNode): HTMLElement[] {
  const byYear = node.byYear ?? [];
  if (byYear.length === 0) return [h('p', { class: 'muted' }, '没有目标或实际值。')];
  const measures = new Set<string>();
  for (const row of byYear) for (const value of [...row.targets, ...row.actuals]) measures.add(value.measure ?? 'level');
  const first = (values: readonly IndicatorValue[], measure: string) => values.find((value) => (value.measure ?? 'level') === measure && value.value !== null)?.value ?? null;
  return [...measures].sort().map((measure) => {
    const rows = byYear.filter((row) => first(row.targets, measure) !== null || first(row.actuals, measure) !== null);
    return chartFigure(
      rows.map((row) => row.year),
      [
        { label: '目标', color: '#f59e0b', values: rows.map((row) => first(row.targets, measure)) },
        { label: '实际', color: '#dc2626', values: rows.map((row) => first(row.actuals, measure)), type: 'line' },
      ],
      { id: `chart-indicator-${measure}`, caption: `${node.metric ?? ''}：目标与实际（${MEASURES[measure] ?? measure}${node.unit && measure !== 'growth' ? `，${node.unit}` : ''}）`, yTitle: MEASURES[measure] ?? measure },
    );
  });
}

function indicatorStatements(node: EntityNode): HTMLElement {
  const rows = (node.byYear ?? []).flatMap((row) => [
    ...row.targets.map((value) => ({ year: row.year, kind: '目标', value })),
    ...row.actuals.map((value) => ({ year: row.year, kind: '实际', value })),
  ]);
  return h(
    'table',
    { class: 'list-table' },
    h('thead', {}, h('tr', {}, ['年份', '类别', '数值', '原文', '文件'].map((title) => h('th', { scope: 'col' }, title)))),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          h('td', {}, String(row.year)),
          h('td', {}, row.kind),
          h('td', {}, `${row.value.value ?? '—'}${row.value.unit ?? ''}${row.value.qualifier ?? ''}`),
          h('td', {}, shorten(row.value.text ?? '', 80)),
          h('td', {}, link({ view: 'document', node: row.value.document.id, sel: null, span: null }, shorten(row.value.document.title ?? row.value.document.id, 30))),
        ),
      ),
    ),
  );
}

interface MentionsAnswer {
  readonly node: { readonly mentionsByYear?: readonly YearCount[]; readonly mentionedIn?: Connection<Mention> } | null;
}

const ITEM_NAMES: Readonly<Record<string, string>> = { Assignment: '条款', Passage: '段落', LivelihoodProject: '民生实事' };

/** The mentions of an entity: a chart per year and the clauses and passages, page by page. */
function mentionsSection(id: string, name: string): HTMLElement {
  const chartHost = h('div', {}, h('p', { class: 'muted' }, '正在加载…'));
  const list = h('ol', { class: 'mention-list', id: 'mention-list' });
  const more = h('button', { type: 'button', hidden: true, id: 'btn-more-mentions' }, '更多');
  const total = h('p', { class: 'muted' });
  let after: string | null = null;
  const load = async (first: boolean) => {
    more.disabled = true;
    const data = await gql<MentionsAnswer>(MENTIONS, { id, first: 20, after });
    const connection = data.node?.mentionedIn;
    if (first) {
      const years = data.node?.mentionsByYear ?? [];
      replaceChildren(
        chartHost,
        years.length > 0
          ? chartFigure(
              years.map((row) => row.year),
              [{ label: '提及次数', color: '#059669', values: years.map((row) => row.count) }],
              { id: 'chart-mentions', caption: `各年提及${name}的条款、段落和民生实事数`, integer: true },
            )
          : h('p', { class: 'muted' }, '没有条款或段落提及它。'),
      );
    }
    if (!connection) return;
    total.textContent = `共 ${connection.totalCount} 处提及。`;
    for (const { node } of connection.edges) {
      const span = node.source.start !== null && node.source.end !== null ? ([node.source.start, node.source.end] as const) : null;
      list.append(
        h(
          'li',
          {},
          h('span', { class: 'year' }, node.year === null ? '—' : `${node.year} 年`),
          ' ',
          h('span', { class: 'muted' }, ITEM_NAMES[node.item.__typename] ?? node.item.__typename),
          ' ',
          link({ view: 'graph', node: node.item.id, sel: null, expand: [], span: null }, shorten(node.snippet, 120)),
          h(
            'span',
            { class: 'muted small' },
            ' · ',
            link({ view: 'document', node: node.document.id, sel: null, span }, `《${shorten(node.document.title ?? node.document.id, 30)}》`),
          ),
        ),
      );
    }
    after = connection.pageInfo.endCursor;
    more.hidden = !connection.pageInfo.hasNextPage;
    more.disabled = false;
  };
  more.addEventListener('click', () => void load(false));
  load(true).catch((error: unknown) => replaceChildren(chartHost, h('p', { class: 'error' }, `无法加载提及：${error instanceof Error ? error.message : String(error)}`)));
  return section('在文件中被提及', 'section-mentions', chartHost, total, list, more);
}

async function agencyPage(host: HTMLElement, id: string, isCurrent: () => boolean): Promise<void> {
  const data = await gql<{ node: AgencyPage | null }>(AGENCY, { id });
  if (!isCurrent()) return;
  const page = data.node;
  if (!page || !page.name) {
    replaceChildren(host, h('p', { class: 'error' }, `没有标识为 ${id} 的机构。`));
    return;
  }
  const aliases = page.aliases.filter((alias) => alias !== page.name);
  replaceChildren(
    host,
    header('Agency', page.name, page.id, [page.current.id !== page.id ? entityLink(page.current.id, `现名：${page.current.name}`, { class: 'button-link' }) : null]),
    h(
      'p',
      { class: 'facts' },
      page.kind ? `类别：${AGENCY_KINDS[page.kind] ?? page.kind}` : null,
      aliases.length > 0 ? `${page.kind ? ' · ' : ''}别名：${aliases.join('、')}` : null,
    ),
    h(
      'div',
      { class: 'page-grid' },
      section('每年的职责', 'section-responsibilities', responsibilityChart(page.yearSummary)),
      section('共同牵头网络', 'section-co-leads', coLeadNetwork(page)),
      section('分管领导', 'section-overseers', oversightTable(page.overseenBy, 'leader')),
      section('更名链', 'section-renames', renameChain(page)),
    ),
    mentionsSection(page.id, page.name),
  );
}

async function otherEntityPage(host: HTMLElement, id: string, isCurrent: () => boolean): Promise<void> {
  const data = await gql<{ node: EntityNode | null }>(ENTITY, { id });
  if (!isCurrent()) return;
  const node = data.node;
  if (!node) {
    replaceChildren(host, h('p', { class: 'error' }, `没有标识为 ${id} 的节点。`));
    return;
  }
  switch (node.__typename) {
    case 'Agency':
      await agencyPage(host, id, isCurrent);
      return;
    case 'Document':
      navigate({ view: 'document', node: id, sel: null }, { replace: true });
      return;
    case 'Indicator':
      replaceChildren(
        host,
        header('Indicator', node.metric ?? id, id),
        node.unit ? h('p', { class: 'facts' }, `单位：${node.unit}`) : null,
        section('目标与实际', 'section-indicator', ...indicatorCharts(node)),
        section('所有陈述', 'section-statements', indicatorStatements(node)),
      );
      return;
    case 'Leader':
      replaceChildren(host, header('Leader', node.name ?? id, id), section('分管与联系的机构', 'section-oversees', oversightTable(node.oversees ?? [], 'agency')));
      return;
    case 'Company':
    case 'Park':
    case 'Project':
    case 'Term': {
      const aliases = (node.aliases ?? []).filter((alias) => alias !== node.name);
      replaceChildren(
        host,
        header(node.__typename, node.name ?? id, id),
        aliases.length > 0 ? h('p', { class: 'facts' }, `别名：${aliases.join('、')}`) : null,
        node.definition ? section('定义', 'section-definition', h('p', { class: 'definition' }, node.definition)) : null,
        mentionsSection(id, node.name ?? id),
      );
      return;
    }
    default:
      replaceChildren(
        host,
        h('h1', { id: 'page-title' }, '没有实体页面'),
        h('p', {}, '这类节点（条款、段落、任务等）在关系图的详情面板中查看。 ', graphLink(id, '在关系图中查看')),
      );
  }
}

export function renderEntityPage(host: HTMLElement, state: ExplorerState, isCurrent: () => boolean): void {
  const id = state.node;
  if (!id) {
    replaceChildren(host, h('p', {}, '没有选定实体。'));
    return;
  }
  replaceChildren(host, h('p', { class: 'muted' }, '正在加载…'));
  const load = id.startsWith('agency:') ? agencyPage(host, id, isCurrent) : otherEntityPage(host, id, isCurrent);
  load.catch((error: unknown) => {
    if (isCurrent()) replaceChildren(host, h('p', { class: 'error' }, `无法加载：${error instanceof Error ? error.message : String(error)}`));
  });
}
