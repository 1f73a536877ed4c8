/**
 * The details panel beside the graph: the selected node's or edge's
 * properties, its provenance (the source span highlighted in its document's
 * text, with a link to the document), its drawn neighbours and what can be
 * done with it.
 */
import { h, replaceChildren, shorten } from './dom.ts';
import { highlightedText, loadDocument, scrollToMark } from './documents.ts';
import type { DrawnElement, GraphView } from './graph.ts';
import { AGENCY_KINDS, DOCUMENT_KINDS, ENTITY_LABELS, PROPERTY_NAMES, iconDataUri, labelName, labelStyle, relationshipStyle } from './labels.ts';
import { link } from './links.ts';
import type { ExplorerState } from './state.ts';
import { displayValue, type Properties } from './types.ts';

/** Properties not worth a row: shown elsewhere or bookkeeping. */
const HIDDEN = new Set(['id', 'text', 'contentHash', 'sourceHash', 'pipelineVersion', 'aliases']);
const SPAN_CONTEXT = 240;

function span(properties: Properties): { start: number; end: number } | null {
  const start = properties['start'];
  const end = properties['end'];
  return typeof start === 'number' && typeof end === 'number' && end >= start ? { start, end } : null;
}

export function propertyTable(properties: Properties, label = ''): HTMLElement {
  const rows = Object.entries(properties)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== null && value !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  const kind = (key: string, value: unknown): string => {
    if (typeof value !== 'string' || (key !== 'kind' && key !== 'documentKind')) return displayValue(value);
    const name = label === 'Agency' && key === 'kind' ? AGENCY_KINDS[value] : DOCUMENT_KINDS[value];
    return name ? `${name}（${value}）` : value;
  };
  return h(
    'table',
    { class: 'properties' },
    h('caption', { class: 'visually-hidden' }, '属性'),
    h('tbody', {}, rows.map(([key, value]) => h('tr', {}, h('th', { scope: 'row' }, PROPERTY_NAMES[key] ?? key), h('td', {}, shorten(kind(key, value), 400))))),
  );
}

/** The provenance block: which document, and the span highlighted in its text. */
export function provenance(documentId: string, where: { start: number; end: number } | null): HTMLElement {
  const body = h('div', { class: 'provenance-body' }, h('p', { class: 'muted' }, '正在加载原文…'));
  const section = h('section', { class: 'provenance', 'aria-label': '来源' }, h('h3', {}, '来源'), body);
  loadDocument(documentId)
    .then((document) => {
      if (!document) {
        replaceChildren(body, h('p', {}, `文件 ${documentId} 不在图中。`));
        return;
      }
      const title = document.title ?? document.docNo ?? document.id;
      const spanPatch = where ? { span: [where.start, where.end] as const } : {};
      const header = h(
        'p',
        { class: 'provenance-document' },
        '出自 ',
        link({ view: 'document', node: document.id, sel: null, ...spanPatch }, `《${shorten(title, 60)}》`, { id: 'provenance-document-link' }),
        document.year ? `（${document.year} 年）` : null,
      );
      if (!where || typeof document.text !== 'string') {
        replaceChildren(body, header, where ? h('p', { class: 'muted' }, '该文件没有保存原文。') : null);
        return;
      }
      const box = highlightedText(document.text, where.start, where.end, { context: SPAN_CONTEXT });
      replaceChildren(body, header, box, h('p', { class: 'muted small' }, `位置 ${where.start}–${where.end}（共 ${document.text.length} 字）`));
      requestAnimationFrame(() => scrollToMark(box));
    })
    .catch((error: unknown) => replaceChildren(body, h('p', { class: 'error' }, `无法加载原文：${error instanceof Error ? error.message : String(error)}`)));
  return section;
}

function heading(element: DrawnElement): HTMLElement {
  if (element.kind === 'edge') {
    return h('h2', { id: 'details-title' }, `关系：${relationshipStyle(element.label).name}`, h('span', { class: 'muted small' }, ` ${element.label}`));
  }
  const style = labelStyle(element.label);
  return h(
    'h2',
    { id: 'details-title' },
    h('img', { class: 'icon', src: iconDataUri(element.label), alt: '', style: `background:${style.color}` }),
    h('span', { class: 'label-name' }, `${style.name} `),
    element.name,
  );
}

export class DetailsPanel {
  readonly element: HTMLElement;
  private shown: string | null = null;

  constructor(private readonly graph: GraphView) {
    this.element = h('aside', { class: 'details', id: 'details', 'aria-labelledby': 'details-title', tabindex: -1 });
  }

  update(state: ExplorerState): void {
    const id = state.sel ?? this.graph.centre() ?? state.node;
    const element = id ? this.graph.drawn(id) : null;
    const key = element ? `${element.id}\u0000${element.expanded}\u0000${element.pinned}\u0000${this.graph.neighbours(element.id).length}` : null;
    if (key !== null && key === this.shown) return;
    this.shown = key;
    if (!element) {
      replaceChildren(
        this.element,
        h('h2', { id: 'details-title' }, '详情'),
        h('p', { class: 'muted' }, state.node ? '点击或用方向键选择一个节点或关系以查看详情。' : '尚未打开任何节点。'),
      );
      return;
    }
    const properties = element.properties;
    const text = typeof properties['text'] === 'string' ? properties['text'] : null;
    const aliases = Array.isArray(properties['aliases']) ? (properties['aliases'] as unknown[]).map(String).filter((alias) => alias !== element.name) : [];
    const documentId =
      element.kind === 'node' && element.label === 'Document'
        ? null
        : typeof properties['documentId'] === 'string'
          ? properties['documentId']
          : element.source
            ? (this.graph.drawn(element.source)?.properties['documentId'] as string | undefined) ?? null
            : null;
    replaceChildren(
      this.element,
      heading(element),
      element.kind === 'edge' && element.source && element.target
        ? h(
            'p',
            { class: 'edge-ends' },
            link({ sel: element.source }, shorten(this.graph.nodeName(element.source) ?? element.source, 30), { replace: true }),
            ` —${relationshipStyle(element.label).name}→ `,
            link({ sel: element.target }, shorten(this.graph.nodeName(element.target) ?? element.target, 30), { replace: true }),
          )
        : null,
      this.actions(element),
      aliases.length > 0 ? h('p', { class: 'aliases' }, `别名：${aliases.join('、')}`) : null,
      text ? h('p', { class: 'node-text' }, text) : null,
      propertyTable(properties, element.kind === 'node' ? element.label : ''),
      documentId ? provenance(documentId, span(properties)) : null,
      element.kind === 'node' ? this.neighbourList(element.id) : null,
    );
  }

  private actions(element: DrawnElement): HTMLElement | null {
    if (element.kind === 'edge') return null;
    const links: HTMLElement[] = [];
    if (ENTITY_LABELS.has(element.label)) {
      const view = element.label === 'Document' ? 'document' : 'entity';
      links.push(link({ view, node: element.id, sel: null, expand: [], span: null }, element.label === 'Document' ? '阅读全文' : '实体页面', { id: 'details-entity-link', class: 'button-link' }));
    }
    if (!element.root) links.push(link({ view: 'graph', node: element.id, sel: null, expand: [] }, '以此为中心', { class: 'button-link' }));
    return links.length > 0 ? h('p', { class: 'actions' }, links) : null;
  }

  private neighbourList(id: string): HTMLElement {
    const neighbours = this.graph.neighbours(id);
    return h(
      'section',
      { class: 'neighbours', 'aria-label': '相连节点' },
      h('h3', {}, `相连节点（${neighbours.length}）`),
      neighbours.length === 0
        ? h('p', { class: 'muted' }, '（无）')
        : h(
            'ul',
            {},
            neighbours.slice(0, 200).map((neighbour) =>
              h(
                'li',
                {},
                h('span', { class: 'relation' }, `${neighbour.outgoing ? '→' : '←'} ${relationshipStyle(neighbour.type).name}`),
                ' ',
                link({ sel: neighbour.id }, `${labelName(neighbour.label)}：${shorten(neighbour.name, 40)}`, { replace: true }),
              ),
            ),
          ),
    );
  }
}
