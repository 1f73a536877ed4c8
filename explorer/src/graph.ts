/**
 * The graph view: a node's neighbourhood drawn with cytoscape.js, laid out
 * with the fcose force layout, or radially around the centre when it has more
 * than LARGE_DRAWING nodes (radial-layout.ts: fcose costs too much there). Double-click (or Enter) expands a node, collapse removes what
 * its expansion added, pinned nodes keep their place, filters hide nodes by
 * year and label and edges by type. The drawing follows the URL state: the
 * centre node, the expanded nodes, the filters and the selection.
 */
import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type NodeSingular, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { gql, isAbort } from './api.ts';
import { h, replaceChildren, shorten } from './dom.ts';
import { LABELS, iconDataUri, labelName, labelStyle, relationshipStyle } from './labels.ts';
import { NEIGHBORHOOD } from './operations.ts';
import { fitViewport, radialTreeLayout, type LayoutEdge, type LayoutNode } from './radial-layout.ts';
import { MAX_LIMIT, navigate, type ExplorerState } from './state.ts';
import type { DrawTiming, GraphEdge, GraphNode, Properties, Subgraph } from './types.ts';

cytoscape.use(fcose);

/**
 * The machine's own CJK fonts first (nothing to download where there is one),
 * then Noto Sans SC shipped with the bundle (main.ts, from
 * @fontsource-variable/noto-sans-sc, served by this server), whose subsets the
 * browser fetches only for the characters it draws; keep in step with
 * styles.css.
 */
export const CJK_FONT =
  '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "Noto Sans SC Variable", sans-serif';


/** What the details panel needs to know about a drawn element. */
export interface DrawnElement {
  readonly kind: 'node' | 'edge';
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly properties: Properties;
  readonly expanded: boolean;
  readonly pinned: boolean;
  readonly root: boolean;
  readonly source?: string;
  readonly target?: string;
}

export interface Neighbour {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly type: string;
  readonly outgoing: boolean;
}

const ROOT = '\u0000root';
/** One collator for every sort of names: `localeCompare(…, 'zh')` looks one up on each call. */
const CHINESE = new Intl.Collator('zh');
/** From this many nodes on, edges are drawn plain and the layout takes its fast path. */
const LARGE_DRAWING = 250;

function displayName(node: GraphNode): string {
  return node.name && node.name.length > 0 ? node.name : node.id;
}

/**
 * Colours, shapes and icons come from each element's data (set from
 * labels.ts when it is added), so the style sheet stays a dozen selectors:
 * cytoscape matches every element against every selector. The plain
 * selectors hold what every drawing needs; what only small drawings show
 * (icons, names, arrows, curved edges with captions) is under `.detailed`, so
 * the elements of a large drawing carry a third of the properties, and
 * cytoscape resolves that much less for each of them on the first frame.
 */
function graphStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        shape: 'data(shape)' as never,
        width: 30,
        height: 30,
        'font-family': CJK_FONT,
        'font-size': 10,
        color: '#111827',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '110px',
        'min-zoomed-font-size': 6,
      },
    },
    // Small drawings: every node with its icon and name; large ones name only where the eye is (the centre, the selection and its neighbours).
    {
      selector: 'node.detailed, node.named',
      style: {
        'background-image': 'data(icon)',
        'background-width': '58%',
        'background-height': '58%',
        label: 'data(display)',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
      },
    },
    { selector: 'node.root', style: { width: 46, height: 46, 'border-width': 3, 'border-color': '#111827', 'font-size': 12, 'font-weight': 'bold' } },
    { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#111827', 'border-style': 'dashed' } },
    { selector: 'node.pinned', style: { 'border-width': 4, 'border-color': '#111827', 'border-style': 'double' } },
    { selector: 'node:selected', style: { 'overlay-color': '#f59e0b', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    // Large drawings: straight solid edges (dashes cost a stroke pattern each) without arrows or captions…
    { selector: 'edge', style: { width: 1, 'line-color': 'data(color)', 'curve-style': 'haystack', 'haystack-radius': 0 } },
    // …small ones: curved, dashed by type, with arrows and captions.
    {
      selector: 'edge.detailed',
      style: {
        width: 1.5,
        'line-style': 'data(line)' as never,
        'target-arrow-color': 'data(color)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(caption)',
        'font-family': CJK_FONT,
        'font-size': 8,
        color: '#374151',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'edge:selected', style: { width: 3.5, 'overlay-color': '#f59e0b', 'overlay-opacity': 0.3 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}

function nodeElement(node: GraphNode, introducedBy: string, position?: { x: number; y: number }): ElementDefinition {
  const year = node.properties['year'];
  return {
    group: 'nodes',
    data: {
      id: node.id,
      label: node.label,
      name: displayName(node),
      display: shorten(displayName(node), 12),
      color: labelStyle(node.label).color,
      shape: labelStyle(node.label).shape,
      icon: iconDataUri(node.label),
      year: typeof year === 'number' ? year : null,
      properties: node.properties,
      introducedBy,
    },
    ...(position ? { position } : {}),
  };
}

function edgeElement(edge: GraphEdge): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: edge.id,
      source: edge.source,
      target: edge.target,
      type: edge.type,
      caption: relationshipStyle(edge.type).name,
      color: relationshipStyle(edge.type).color,
      line: relationshipStyle(edge.type).line,
      properties: edge.properties,
    },
  };
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

export class GraphView {
  readonly element: HTMLElement;
  private readonly canvas: HTMLElement;
  private readonly status: HTMLElement;
  private readonly limitNotice: HTMLElement;
  private readonly filters: HTMLElement;
  private readonly nodeList: HTMLSelectElement;
  private readonly buttons: Record<'expand' | 'collapse' | 'pin' | 'fit' | 'centre', HTMLButtonElement>;
  private readonly depthSelect: HTMLSelectElement;
  private instance: Core | null = null;
  private key: string | null = null;
  /** The drawn id of the centre: the state's node, or the id the API answered with for a former id. */
  private rootId: string | null = null;
  private expanded: string[] = [];
  private truncated = new Set<string>();
  private readonly cache = new Map<string, Promise<Subgraph>>();
  private queue: Promise<void> = Promise.resolve();
  private latest: ExplorerState | null = null;
  private abort: AbortController | null = null;
  private state: ExplorerState | null = null;
  /** Called after each drawing or selection change, so the details panel can follow. */
  onChange: () => void = () => undefined;
  lastDraw: DrawTiming | null = null;
  /** The timings of a drawing whose frames are still to be painted. */
  private pendingDraw: { fetchMs: number; addMs: number; layoutMs: number; layoutEnd: number } | null = null;

  constructor() {
    this.canvas = h('div', {
      class: 'graph-canvas',
      id: 'graph-canvas',
      tabindex: 0,
      role: 'application',
      'aria-label': '关系图。方向键在节点间移动，回车展开，Backspace 收起，P 固定，F 适应窗口。',
      'aria-describedby': 'graph-status',
      onkeydown: (event: Event) => this.onKey(event as KeyboardEvent),
    });
    this.status = h('p', { class: 'graph-status', id: 'graph-status', role: 'status', 'aria-live': 'polite' });
    this.limitNotice = h('p', { class: 'limit-notice', id: 'limit-notice', hidden: true, role: 'alert' });
    this.filters = h('div', { class: 'filter-groups' });
    this.nodeList = h('select', { id: 'node-list', 'aria-label': '已绘制的节点', onchange: () => this.selectFromList() });
    this.depthSelect = h(
      'select',
      { id: 'depth-select', 'aria-label': '邻域深度', onchange: () => navigate({ depth: Number(this.depthSelect.value), expand: [] }) },
      [1, 2, 3].map((depth) => h('option', { value: depth }, `${depth} 层`)),
    );
    const button = (id: string, text: string, title: string, action: () => void) =>
      h('button', { type: 'button', id, title, onclick: action }, text);
    this.buttons = {
      expand: button('btn-expand', '展开', '展开所选节点的邻域（双击节点或回车）', () => this.expandSelected()),
      collapse: button('btn-collapse', '收起', '收起所选节点展开的邻域（Backspace）', () => this.collapseSelected()),
      pin: button('btn-pin', '固定', '固定所选节点的位置（P）', () => this.togglePinSelected()),
      fit: button('btn-fit', '适应窗口', '缩放以显示全部节点（F）', () => this.fit()),
      centre: button('btn-centre', '以此为中心', '以所选节点为中心重新绘制', () => this.centreOnSelected()),
    };
    const filterBox = h('details', { class: 'filters', id: 'filters' }, h('summary', {}, '筛选'), this.filters);
    this.element = h(
      'section',
      { class: 'graph-view', id: 'graph-view', 'aria-label': '关系图' },
      h(
        'div',
        { class: 'toolbar', role: 'toolbar', 'aria-label': '关系图工具' },
        this.buttons.expand,
        this.buttons.collapse,
        this.buttons.pin,
        this.buttons.centre,
        this.buttons.fit,
        h('label', { class: 'inline' }, '深度 ', this.depthSelect),
        h('label', { class: 'inline node-list-label' }, '节点 ', this.nodeList),
        filterBox,
      ),
      this.limitNotice,
      this.canvas,
      this.status,
      h('div', { class: 'legend', 'aria-hidden': 'true' }),
    );
    this.renderLegend();
    // Canvas labels drawn before a shipped font subset arrived keep the fallback glyphs until their style is recomputed.
    document.fonts.addEventListener('loadingdone', () => this.instance?.style().update());
  }

  /**
   * The cytoscape instance, created on first use: by then the canvas is in the
   * document and has a size (cytoscape measures its container).
   */
  private get cy(): Core {
    if (this.instance) return this.instance;
    const cy = cytoscape({
      container: this.canvas,
      style: graphStyle(),
      layout: { name: 'preset' },
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cy.on('tap', 'node, edge', (event) => navigate({ sel: event.target.id() as string }, { replace: true }));
    cy.on('dbltap', 'node', (event) => this.expand(event.target.id() as string));
    this.instance = cy;
    return cy;
  }

  /** Follows a new state; drawings are queued so that they never interleave. */
  render(state: ExplorerState): Promise<void> {
    this.latest = state;
    this.queue = this.queue.then(() => (this.latest === state ? this.sync(state) : undefined)).catch((error: unknown) => this.fail(error));
    return this.queue;
  }

  /** Call when the view becomes visible again (the canvas had no size while hidden). */
  resize(): void {
    this.cy.resize();
  }

  private async sync(state: ExplorerState): Promise<void> {
    this.state = state;
    this.depthSelect.value = String(state.depth);
    if (!state.node) {
      this.cy.elements().remove();
      this.key = null;
      this.rootId = null;
      this.expanded = [];
      this.setStatus('在上方搜索机构、企业、园区、项目、领导、指标或术语，然后打开它以绘制其关系网络。');
      this.afterChange();
      return;
    }
    const key = [state.node, state.depth, state.limit].join('\u0000');
    if (key !== this.key) await this.rebuild(state, key);
    else await this.update(state);
    this.applyFilters(state);
    this.applySelection(state);
    this.afterChange();
    const drawn = this.pendingDraw;
    if (drawn) {
      this.pendingDraw = null;
      await nextFrame();
      await nextFrame();
      const renderMs = performance.now() - drawn.layoutEnd;
      this.lastDraw = { nodes: this.cy.nodes().length, edges: this.cy.edges().length, fetchMs: Math.round(drawn.fetchMs), addMs: Math.round(drawn.addMs), layoutMs: Math.round(drawn.layoutMs), renderMs: Math.round(renderMs) };
      this.canvas.dataset['layoutMs'] = String(Math.round(drawn.layoutMs));
    }
    this.canvas.dataset['state'] = 'ready';
  }

  private fetchNeighborhood(id: string, depth: number, limit: number): Promise<Subgraph> {
    const key = [id, depth, limit].join('\u0000');
    let promise = this.cache.get(key);
    if (!promise) {
      this.abort ??= new AbortController();
      promise = gql<{ neighborhood: Subgraph }>(NEIGHBORHOOD, { id, depth, limit }, this.abort.signal).then((data) => data.neighborhood);
      promise.catch(() => this.cache.delete(key));
      this.cache.set(key, promise);
    }
    return promise;
  }

  private async rebuild(state: ExplorerState, key: string): Promise<void> {
    const root = state.node as string;
    this.setStatus('正在加载…');
    this.canvas.dataset['state'] = 'loading';
    const fetchStart = performance.now();
    const rootGraph = await this.fetchNeighborhood(root, state.depth, state.limit);
    const expansions = await Promise.all(
      state.expand.map((id) => this.fetchNeighborhood(id, 1, state.limit).catch((error: unknown) => (isAbort(error) ? null : null))),
    );
    const fetchMs = performance.now() - fetchStart;
    if (this.latest !== state) return;
    const nodes = new Map<string, ElementDefinition>();
    const edges = new Map<string, ElementDefinition>();
    const layoutNodes: LayoutNode[] = [];
    const layoutEdges: LayoutEdge[] = [];
    const addNode = (node: GraphNode, introducedBy: string) => {
      nodes.set(node.id, nodeElement(node, introducedBy));
      layoutNodes.push(node);
    };
    // The start node comes first; under a former id (agency:市工业和信息化局) it answers with its current one.
    const rootId = rootGraph.nodes.some((node) => node.id === root) ? root : (rootGraph.nodes[0]?.id ?? root);
    this.truncated = new Set(rootGraph.truncated ? [rootId] : []);
    for (const node of rootGraph.nodes) if (!nodes.has(node.id)) addNode(node, ROOT);
    const expanded: string[] = [];
    state.expand.forEach((id, index) => {
      const graph = expansions[index];
      if (!graph || !nodes.has(id)) return;
      expanded.push(id);
      if (graph.truncated) this.truncated.add(id);
      for (const node of graph.nodes) if (!nodes.has(node.id)) addNode(node, id);
    });
    for (const graph of [rootGraph, ...expansions]) {
      for (const edge of graph?.edges ?? []) {
        if (edges.has(edge.id) || !nodes.has(edge.source) || !nodes.has(edge.target)) continue;
        edges.set(edge.id, edgeElement(edge));
        layoutEdges.push(edge);
      }
    }
    const large = nodes.size > LARGE_DRAWING;
    // Large neighbourhoods are laid out before they are added (see radial-layout.ts), so cytoscape places each element once.
    const layoutStart = performance.now();
    const positions = large ? radialTreeLayout(rootId, layoutNodes, layoutEdges) : null;
    const radialMs = performance.now() - layoutStart;
    const addStart = performance.now();
    this.cy.batch(() => {
      this.cy.elements().remove();
      this.cy.add(
        [...nodes.values(), ...edges.values()].map((element) => {
          if (!positions) return { ...element, classes: 'detailed' };
          const position = element.group === 'nodes' ? positions.get(String(element.data.id)) : undefined;
          return position ? { ...element, position } : element;
        }),
      );
      this.cy.getElementById(rootId).addClass('root');
      for (const id of expanded) this.cy.getElementById(id).addClass('expanded');
    });
    const addMs = performance.now() - addStart;
    this.key = key;
    this.rootId = rootId;
    this.expanded = expanded;
    if (positions) {
      const fitStart = performance.now();
      // Fitted from the positions: cy.fit would first measure every element's rendered box, labels and edges included.
      this.cy.viewport(fitViewport(positions.values(), this.cy.width(), this.cy.height(), 30, 25, this.cy.minZoom(), this.cy.maxZoom()));
      const layoutEnd = performance.now();
      this.pendingDraw = { fetchMs, addMs, layoutMs: radialMs + (layoutEnd - fitStart), layoutEnd };
    } else {
      await this.layout(true, fetchMs, addMs);
    }
  }

  private async update(state: ExplorerState): Promise<void> {
    const removed = this.expanded.filter((id) => !state.expand.includes(id));
    const added = state.expand.filter((id) => !this.expanded.includes(id));
    for (const id of removed) this.collapseLocal(id);
    if (added.length === 0) {
      this.expanded = this.expanded.filter((id) => state.expand.includes(id));
      if (removed.length > 0) this.updateStatus();
      return;
    }
    this.setStatus('正在展开…');
    const fetchStart = performance.now();
    const graphs = await Promise.all(added.map((id) => this.fetchNeighborhood(id, 1, state.limit)));
    const fetchMs = performance.now() - fetchStart;
    if (this.latest !== state) return;
    // What the expansions bring in: only these move in the layout that follows.
    const fresh: string[] = [];
    this.cy.batch(() => {
      added.forEach((id, index) => {
        const graph = graphs[index];
        const parent = this.cy.getElementById(id);
        if (!graph || parent.empty()) return;
        if (graph.truncated) this.truncated.add(id);
        const centre = parent.position();
        const brought = graph.nodes.filter((node) => this.cy.getElementById(node.id).empty());
        brought.forEach((node, i) => {
          const angle = (2 * Math.PI * i) / Math.max(brought.length, 1);
          this.cy.add(nodeElement(node, id, { x: centre.x + 90 * Math.cos(angle), y: centre.y + 90 * Math.sin(angle) }));
          fresh.push(node.id);
        });
        for (const edge of graph.edges) {
          if (this.cy.getElementById(edge.id).empty() && !this.cy.getElementById(edge.source).empty() && !this.cy.getElementById(edge.target).empty()) {
            this.cy.add(edgeElement(edge));
          }
        }
        parent.addClass('expanded');
      });
    });
    this.expanded = [...this.expanded.filter((id) => state.expand.includes(id)), ...added.filter((id) => !this.cy.getElementById(id).empty())];
    // Nothing new (every neighbour was drawn already): nothing to place.
    if (fresh.length > 0) await this.layout(false, fetchMs, 0, new Set(fresh));
  }

  /** Removes the nodes the expansion of `id` brought in (pinned ones stay). */
  private collapseLocal(id: string): void {
    const introduced = this.cy.nodes().filter((node) => node.data('introducedBy') === id && !node.hasClass('pinned'));
    introduced.remove();
    this.cy.getElementById(id).removeClass('expanded');
    this.truncated.delete(id);
  }

  /**
   * `moving`: after an expansion, the nodes it brought in; every other node
   * keeps its place, so the drawing the reader has in mind does not reshuffle
   * (and fcose moves a few nodes instead of the whole drawing).
   */
  private async layout(randomize: boolean, fetchMs: number, addMs: number, moving?: ReadonlySet<string>): Promise<void> {
    const nodes = this.cy.nodes().length;
    // An expansion can take a drawing across the threshold either way; its new elements have no class yet.
    const wrong = nodes > LARGE_DRAWING ? this.cy.elements('.detailed') : this.cy.elements().not('.detailed');
    if (wrong.nonempty()) this.cy.batch(() => wrong.toggleClass('detailed', nodes <= LARGE_DRAWING));
    this.canvas.dataset['state'] = 'layout';
    const held = moving === undefined ? this.cy.nodes('.pinned') : this.cy.nodes().filter((node) => node.hasClass('pinned') || !moving.has(node.id()));
    const pinned = held.map((node) => ({ nodeId: node.id(), position: { ...node.position() } }));
    const layoutStart = performance.now();
    const options = {
      name: 'fcose',
      quality: randomize ? (nodes > LARGE_DRAWING ? 'draft' : 'default') : 'proof',
      randomize,
      animate: false,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: nodes <= LARGE_DRAWING,
      idealEdgeLength: 90,
      nodeRepulsion: 9000,
      nodeSeparation: 70,
      numIter: nodes > LARGE_DRAWING ? 1000 : 2500,
      ...(pinned.length > 0 ? { fixedNodeConstraint: pinned } : {}),
    } as cytoscape.LayoutOptions;
    const elements = this.cy.elements();
    if (randomize) {
      // fcose measures the whole collection only to find where to centre the
      // result; new elements all sit at (0, 0), so that is (0, 0), and the
      // measuring would cost a rendered-style pass over every edge before the
      // one the drawing needs anyway (about half the layout time at 500 nodes).
      const origin = { x1: 0, y1: 0, x2: 0, y2: 0, w: 0, h: 0 };
      Object.assign(elements, { boundingBox: () => origin });
    }
    const layout = elements.layout(options);
    const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
    layout.run();
    await done;
    const layoutEnd = performance.now();
    this.pendingDraw = { fetchMs, addMs, layoutMs: layoutEnd - layoutStart, layoutEnd };
  }

  private applyFilters(state: ExplorerState): void {
    const years = new Set(state.years);
    const types = new Set(state.rels);
    const labels = new Set(state.labels);
    if (years.size === 0 && types.size === 0 && labels.size === 0) {
      // Nothing to hide: skip the walk over every element.
      this.cy.batch(() => this.cy.elements('.filtered').removeClass('filtered'));
      this.renderFilters(state);
      this.updateStatus();
      return;
    }
    this.cy.batch(() => {
      this.cy.nodes().forEach((node) => {
        const year = node.data('year') as number | null;
        const visible =
          node.hasClass('root') || ((labels.size === 0 || labels.has(node.data('label') as string)) && (years.size === 0 || year === null || years.has(year)));
        node.toggleClass('filtered', !visible);
      });
      this.cy.edges().forEach((edge) => {
        edge.toggleClass('filtered', (types.size > 0 && !types.has(edge.data('type') as string)) || edge.source().hasClass('filtered') || edge.target().hasClass('filtered'));
      });
    });
    this.renderFilters(state);
    this.updateStatus();
  }

  private applySelection(state: ExplorerState): void {
    const wanted = state.sel && state.sel !== state.node ? state.sel : this.rootId;
    this.cy.batch(() => {
      this.cy.$(':selected').unselect();
      this.cy.nodes('.named').removeClass('named');
      if (!wanted) return;
      const selected = this.cy.getElementById(wanted);
      selected.select();
      if (this.cy.nodes().length > LARGE_DRAWING) {
        const around =
          selected.group() === 'nodes' ? (selected as unknown as NodeSingular).closedNeighborhood().nodes() : (selected as unknown as EdgeSingular).connectedNodes();
        around.union(this.cy.nodes('.root')).addClass('named');
      }
    });
  }

  private afterChange(): void {
    // Each cy.nodes() walks every element: the counts are taken once.
    const counts = this.counts();
    this.canvas.dataset['nodeCount'] = String(counts.nodes);
    this.canvas.dataset['edgeCount'] = String(counts.edges);
    this.canvas.dataset['visibleCount'] = String(counts.visible);
    this.renderNodeList();
    const selected = this.selectedNode();
    const canCollapse = selected !== null && this.expanded.includes(selected.id());
    this.buttons.expand.disabled = selected === null || this.expanded.includes(selected.id()) || selected.hasClass('root');
    this.buttons.collapse.disabled = !canCollapse;
    this.buttons.pin.disabled = selected === null;
    this.buttons.pin.textContent = selected?.hasClass('pinned') ? '取消固定' : '固定';
    this.buttons.pin.setAttribute('aria-pressed', String(selected?.hasClass('pinned') ?? false));
    this.buttons.centre.disabled = selected === null || selected.hasClass('root');
    this.buttons.fit.disabled = counts.nodes === 0;
    this.onChange();
  }

  private updateStatus(): void {
    const { nodes: total, edges, visible } = this.counts();
    if (total === 0) return;
    const filtered = visible < total ? `，筛选后显示 ${visible} 个` : '';
    this.setStatus(`已绘制 ${total} 个节点、${edges} 条关系${filtered}。`);
    const limit = this.state?.limit ?? 0;
    if (this.truncated.size > 0) {
      const names = [...this.truncated].map((id) => (this.cy.getElementById(id).data('name') as string | undefined) ?? id);
      replaceChildren(
        this.limitNotice,
        `邻域超过上限（每次最多 ${limit} 个节点），以下节点的邻域被截断：${names.map((name) => shorten(name, 20)).join('、')}。`,
        limit < MAX_LIMIT
          ? h('button', { type: 'button', id: 'btn-raise-limit', onclick: () => navigate({ limit: MAX_LIMIT }) }, `提高上限到 ${MAX_LIMIT}`)
          : null,
      );
      this.limitNotice.hidden = false;
    } else {
      this.limitNotice.hidden = true;
    }
  }

  private setStatus(text: string): void {
    this.status.textContent = text;
  }

  private fail(error: unknown): void {
    if (isAbort(error)) return;
    this.canvas.dataset['state'] = 'error';
    this.setStatus(`无法绘制：${error instanceof Error ? error.message : String(error)}`);
    this.afterChange();
  }

  private renderLegend(): void {
    const legend = this.element.querySelector('.legend');
    if (!legend) return;
    replaceChildren(
      legend,
      Object.entries(LABELS).map(([label, style]) =>
        h('span', { class: 'legend-item' }, h('img', { src: iconDataUri(label), alt: '', style: `background:${style.color}` }), style.name),
      ),
    );
  }

  private renderFilters(state: ExplorerState): void {
    const years = new Set<number>(state.years);
    const labels = new Set<string>(state.labels);
    const types = new Set<string>(state.rels);
    this.cy.nodes().forEach((node) => {
      const year = node.data('year') as number | null;
      if (year !== null) years.add(year);
      labels.add(node.data('label') as string);
    });
    this.cy.edges().forEach((edge) => {
      types.add(edge.data('type') as string);
    });
    const group = (legend: string, name: string, values: readonly (string | number)[], chosen: readonly (string | number)[], caption: (value: string | number) => string, patch: (values: (string | number)[]) => Partial<ExplorerState>) =>
      h(
        'fieldset',
        { class: 'filter-group' },
        h('legend', {}, legend),
        values.map((value) =>
          h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'checkbox',
              name,
              value: String(value),
              checked: chosen.includes(value),
              onchange: (event: Event) => {
                const input = event.target as HTMLInputElement;
                const next = input.checked ? [...chosen, value] : chosen.filter((item) => item !== value);
                navigate(patch(next));
              },
            }),
            caption(value),
          ),
        ),
        values.length === 0 ? h('span', { class: 'muted' }, '（无）') : null,
      );
    replaceChildren(
      this.filters,
      h('p', { class: 'muted' }, '不勾选即显示全部；中心节点总是显示。'),
      group('年份', 'filter-year', [...years].sort(), state.years, String, (values) => ({ years: values as number[] })),
      group('关系类型', 'filter-rel', [...types].sort(), state.rels, (value) => `${relationshipStyle(String(value)).name}（${value}）`, (values) => ({ rels: values as string[] })),
      group('节点类型', 'filter-label', [...labels].sort(), state.labels, (value) => labelName(String(value)), (values) => ({ labels: values as string[] })),
    );
  }

  private renderNodeList(): void {
    // Sort keys read once per node (data() is not free, and a sort of 500 asks ~9,000 times).
    const nodes = this.cy
      .nodes()
      .not('.filtered')
      .map((node) => ({ id: node.id(), kind: labelName(node.data('label') as string), name: node.data('name') as string }))
      .sort((a, b) => CHINESE.compare(a.kind, b.kind) || CHINESE.compare(a.name, b.name));
    const selected = this.cy.$(':selected').id();
    replaceChildren(
      this.nodeList,
      h('option', { value: '' }, `（${nodes.length} 个节点）`),
      nodes.map((node) => h('option', { value: node.id, selected: selected === node.id }, `${node.kind}：${shorten(node.name, 30)}`)),
    );
  }

  private selectFromList(): void {
    if (this.nodeList.value) navigate({ sel: this.nodeList.value }, { replace: true });
  }

  private selectedNode(): NodeSingular | null {
    const selected = this.cy.nodes(':selected');
    return selected.nonempty() ? selected.first() : null;
  }

  private onKey(event: KeyboardEvent): void {
    const nodes = this.cy
      .nodes()
      .not('.filtered')
      .sort((a, b) => (a as NodeSingular).position('x') - (b as NodeSingular).position('x') || (a as NodeSingular).position('y') - (b as NodeSingular).position('y'));
    const selected = this.selectedNode();
    const index = selected ? nodes.toArray().findIndex((node) => node.id() === selected.id()) : -1;
    const move = (offset: number) => {
      const count = nodes.length;
      if (count === 0) return;
      const next = nodes[(index + offset + count) % count];
      if (next) navigate({ sel: next.id() }, { replace: true });
    };
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        move(index < 0 ? 0 : -1);
        break;
      case 'Enter':
        this.expandSelected();
        break;
      case 'Backspace':
      case 'Delete':
        this.collapseSelected();
        break;
      case 'p':
      case 'P':
        this.togglePinSelected();
        break;
      case 'f':
      case 'F':
        this.fit();
        break;
      case '+':
        this.cy.zoom(this.cy.zoom() * 1.2);
        break;
      case '-':
        this.cy.zoom(this.cy.zoom() / 1.2);
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  expand(id: string): void {
    const state = this.state;
    if (!state || this.cy.getElementById(id).empty() || id === state.node || id === this.rootId || state.expand.includes(id)) {
      if (state && state.sel !== id) navigate({ sel: id }, { replace: true });
      return;
    }
    navigate({ expand: [...state.expand, id], sel: id });
  }

  private expandSelected(): void {
    const selected = this.selectedNode();
    if (selected) this.expand(selected.id());
  }

  private collapseSelected(): void {
    const selected = this.selectedNode();
    const state = this.state;
    if (!selected || !state || !state.expand.includes(selected.id())) return;
    // The expansions made from nodes that this one brought in go too.
    const gone = new Set([selected.id()]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const id of state.expand) {
        const introducedBy = this.cy.getElementById(id).data('introducedBy') as string | undefined;
        if (!gone.has(id) && introducedBy !== undefined && gone.has(introducedBy) && !this.cy.getElementById(id).hasClass('pinned')) {
          gone.add(id);
          grew = true;
        }
      }
    }
    navigate({ expand: state.expand.filter((id) => !gone.has(id)) });
  }

  private togglePinSelected(): void {
    const selected = this.selectedNode();
    if (!selected) return;
    if (selected.hasClass('pinned')) {
      selected.removeClass('pinned');
      selected.unlock();
    } else {
      selected.addClass('pinned');
      selected.lock();
    }
    this.afterChange();
  }

  private centreOnSelected(): void {
    const selected = this.selectedNode();
    if (selected) navigate({ node: selected.id(), expand: [], sel: null });
  }

  fit(): void {
    this.cy.fit(this.cy.elements().not('.filtered'), 30);
  }

  /** The drawn id of the centre node (null before the first drawing). */
  centre(): string | null {
    return this.rootId;
  }

  /** A drawn node or edge, for the details panel. */
  drawn(id: string): DrawnElement | null {
    const element = this.cy.getElementById(id);
    if (element.empty()) return null;
    if (element.group() === 'edges') {
      const edge = element as unknown as EdgeSingular;
      const type = edge.data('type') as string;
      return {
        kind: 'edge',
        id,
        label: type,
        name: relationshipStyle(type).name,
        properties: edge.data('properties') as Properties,
        expanded: false,
        pinned: false,
        root: false,
        source: edge.source().id(),
        target: edge.target().id(),
      };
    }
    return {
      kind: 'node',
      id,
      label: element.data('label') as string,
      name: element.data('name') as string,
      properties: element.data('properties') as Properties,
      expanded: this.expanded.includes(id),
      pinned: element.hasClass('pinned'),
      root: element.hasClass('root'),
    };
  }

  /** The drawn neighbours of a node with the relationship that joins them. */
  neighbours(id: string): Neighbour[] {
    const node = this.cy.getElementById(id);
    if (node.empty() || !node.isNode()) return [];
    return node
      .connectedEdges()
      .map((edge) => {
        const outgoing = edge.source().id() === id;
        const other = outgoing ? edge.target() : edge.source();
        return { id: other.id(), label: other.data('label') as string, name: other.data('name') as string, type: edge.data('type') as string, outgoing };
      })
      .sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name, 'zh'));
  }

  nodeName(id: string): string | null {
    const element = this.cy.getElementById(id);
    return element.nonempty() ? ((element.data('name') as string | undefined) ?? null) : null;
  }

  /** Counts for tests and the benchmark. */
  counts(): { nodes: number; edges: number; visible: number } {
    const nodes = this.cy.nodes();
    return { nodes: nodes.length, edges: this.cy.edges().length, visible: nodes.not('.filtered').length };
  }

  /** A node's place in the drawing's own coordinates, whatever the zoom (for tests that check what moved). */
  modelPosition(id: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(id);
    return node.empty() ? null : { ...node.position() };
  }

  /** Where a node is drawn, in page pixels (for tests that double-click it). */
  pagePosition(id: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(id);
    if (node.empty()) return null;
    const box = this.canvas.getBoundingClientRect();
    const position = node.renderedPosition();
    return { x: box.left + position.x, y: box.top + position.y };
  }

  labelOf(id: string): string | null {
    const element = this.cy.getElementById(id);
    return element.nonempty() && element.isNode() ? (element.data('label') as string) : null;
  }
}

