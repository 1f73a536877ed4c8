/**
 * The explorer's state as it is written in the URL (deep links): the view,
 * the node it shows, the expanded nodes, the selection and the filters.
 * Pure functions, so that they can be tested without a browser.
 */

export type View = 'graph' | 'entity' | 'overlaps' | 'document';

const VIEWS: readonly View[] = ['graph', 'entity', 'overlaps', 'document'];

export const DEFAULT_LIMIT = 150;
export const MAX_LIMIT = 500;

export interface ExplorerState {
  readonly view: View;
  /** The node the view is about (graph centre, entity, document). */
  readonly node: string | null;
  /** The node or edge whose details are shown. */
  readonly sel: string | null;
  /** Nodes whose neighbourhoods were added to the drawing, in order. */
  readonly expand: readonly string[];
  readonly depth: number;
  readonly limit: number;
  /** Filters: only nodes of these years / edges of these types / nodes of these labels (empty: all). */
  readonly years: readonly number[];
  readonly rels: readonly string[];
  readonly labels: readonly string[];
  /** The year of the overlaps view (null: every year). */
  readonly year: number | null;
  /** A span of a document to highlight: [start, end). */
  readonly span: readonly [number, number] | null;
}

export const INITIAL_STATE: ExplorerState = {
  view: 'graph',
  node: null,
  sel: null,
  expand: [],
  depth: 1,
  limit: DEFAULT_LIMIT,
  years: [],
  rels: [],
  labels: [],
  year: null,
  span: null,
};

function list(value: string | null): string[] {
  return value ? value.split(',').map((part) => part.trim()).filter((part) => part.length > 0) : [];
}

function integer(value: string | null, fallback: number, min: number, max: number): number {
  const parsed = value === null ? Number.NaN : Number.parseInt(value, 10);
  return Number.isInteger(parsed) && parsed >= min && parsed <= max ? parsed : fallback;
}

export function parseState(search: string): ExplorerState {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  const span = list(params.get('span')).map((part) => Number.parseInt(part, 10));
  const [start, end] = span;
  const year = params.get('year');
  return {
    view: VIEWS.includes(view as View) ? (view as View) : 'graph',
    node: params.get('node'),
    sel: params.get('sel'),
    // Ids may contain commas (a document named by its file and place), so each expanded id is a parameter of its own.
    expand: params.getAll('expand'),
    depth: integer(params.get('depth'), 1, 1, 3),
    limit: integer(params.get('limit'), DEFAULT_LIMIT, 1, MAX_LIMIT),
    years: list(params.get('years'))
      .filter((part) => /^\d{4}$/.test(part))
      .map(Number),
    rels: list(params.get('rels')),
    labels: list(params.get('labels')),
    year: year !== null && /^\d{4}$/.test(year) ? Number(year) : null,
    span: start !== undefined && end !== undefined && Number.isInteger(start) && Number.isInteger(end) && end >= start ? [start, end] : null,
  };
}

/** The query string of a state; defaults are left out so links stay short. */
export function stateQuery(state: ExplorerState): string {
  const params = new URLSearchParams();
  if (state.view !== 'graph') params.set('view', state.view);
  if (state.node) params.set('node', state.node);
  for (const id of state.expand) params.append('expand', id);
  if (state.sel && state.sel !== state.node) params.set('sel', state.sel);
  if (state.depth !== 1) params.set('depth', String(state.depth));
  if (state.limit !== DEFAULT_LIMIT) params.set('limit', String(state.limit));
  if (state.years.length > 0) params.set('years', state.years.join(','));
  if (state.rels.length > 0) params.set('rels', state.rels.join(','));
  if (state.labels.length > 0) params.set('labels', state.labels.join(','));
  if (state.year !== null) params.set('year', String(state.year));
  if (state.span) params.set('span', state.span.join(','));
  const query = params.toString();
  return query.length > 0 ? `?${query}` : '';
}
