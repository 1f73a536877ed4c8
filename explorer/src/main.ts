/**
 * The graph explorer: a single page served by the API process at /explorer,
 * talking only to /graphql. The URL holds what is shown (see state.ts).
 */
// Noto Sans SC in unicode-range subsets, bundled by vite: readable Chinese on machines without a CJK font, offline.
import '@fontsource-variable/noto-sans-sc';
import './styles.css';
import { destroyCharts } from './charts.ts';
import { DetailsPanel } from './details.ts';
import { renderDocumentPage } from './document-view.ts';
import { byId, h } from './dom.ts';
import { renderEntityPage } from './entity.ts';
import { GraphView } from './graph.ts';
import { link } from './links.ts';
import { renderOverlapsPage } from './overlaps.ts';
import { SearchBox } from './search.ts';
import { currentState, openNode, startRouting, type ExplorerState, type View } from './state.ts';

const graph = new GraphView();
const details = new DetailsPanel(graph);
graph.onChange = () => details.update(currentState());
const search = new SearchBox((option) => openNode(option.id, 'graph'));

const graphLayout = h('div', { class: 'graph-layout', id: 'view-graph' }, graph.element, details.element);
const page = h('div', { class: 'page', id: 'view-page', hidden: true });
const nav = h('nav', { class: 'views', 'aria-label': '视图' });

const app = byId('app');
app.append(
  h('a', { class: 'skip-link', href: '#main' }, '跳到主要内容'),
  h(
    'header',
    { class: 'top' },
    h('a', { class: 'brand', href: window.location.pathname, title: '政府工作知识图谱' }, '政府工作知识图谱'),
    search.element,
    nav,
  ),
  h('main', { id: 'main', class: 'main', tabindex: -1 }, graphLayout, page),
);

function renderNav(state: ExplorerState): void {
  const item = (view: View, text: string, patch: Partial<ExplorerState>) => {
    const anchor = link(patch, text, { class: 'nav-link', id: `nav-${view}` });
    if (state.view === view) anchor.setAttribute('aria-current', 'page');
    return anchor;
  };
  nav.replaceChildren(
    item('graph', '关系图', { view: 'graph', span: null }),
    ...(state.node && state.view !== 'overlaps' ? [item('entity', '实体页面', { view: 'entity', sel: null, span: null })] : []),
    item('overlaps', '责任交叉', { view: 'overlaps', span: null }),
    h('a', { class: 'nav-link', href: '/graphql', id: 'nav-graphiql' }, 'GraphiQL'),
  );
}

let pageKey: string | null = null;
let pageToken = 0;

function render(state: ExplorerState): void {
  renderNav(state);
  if (state.view === 'graph') {
    const wasHidden = graphLayout.hidden;
    graphLayout.hidden = false;
    page.hidden = true;
    pageKey = null;
    destroyCharts();
    if (wasHidden) graph.resize();
    document.title = `${state.node ? `${graph.nodeName(state.node) ?? state.node} · ` : ''}关系图 · 政府工作知识图谱`;
    void graph.render(state).then(() => {
      details.update(state);
      if (state.node) document.title = `${graph.nodeName(state.node) ?? state.node} · 关系图 · 政府工作知识图谱`;
      if (wasHidden) graph.fit();
    });
    return;
  }
  graphLayout.hidden = true;
  page.hidden = false;
  const key = [state.view, state.node, state.year, state.span?.join('-')].join('\u0000');
  if (key === pageKey) return;
  pageKey = key;
  destroyCharts();
  const token = ++pageToken;
  const isCurrent = () => token === pageToken;
  document.title = `${state.view === 'overlaps' ? '责任交叉' : state.view === 'document' ? '文件' : '实体'} · 政府工作知识图谱`;
  if (state.view === 'entity') renderEntityPage(page, state, isCurrent);
  else if (state.view === 'document') renderDocumentPage(page, state, isCurrent);
  else renderOverlapsPage(page, state, isCurrent);
  window.scrollTo(0, 0);
}

document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
  if (event.key === '/' && !typing) {
    event.preventDefault();
    search.focus();
  }
});

declare global {
  interface Window {
    /** For the browser tests and the benchmark. */
    __kgExplorer?: { readonly graph: GraphView; readonly state: () => ExplorerState };
  }
}
window.__kgExplorer = { graph, state: currentState };

startRouting(render);
