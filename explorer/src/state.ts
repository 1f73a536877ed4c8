/**
 * Navigation: the state lives in the URL (see url-state.ts). Navigating
 * pushes a history entry, so back and forward walk through what the user saw.
 */
import { INITIAL_STATE, parseState, stateQuery, type ExplorerState, type View } from './url-state.ts';

export { DEFAULT_LIMIT, INITIAL_STATE, MAX_LIMIT, parseState, stateQuery, type ExplorerState, type View } from './url-state.ts';

type Renderer = (state: ExplorerState) => void;

let current: ExplorerState = INITIAL_STATE;
let renderer: Renderer = () => undefined;

export function currentState(): ExplorerState {
  return current;
}

/** The URL of a state, for links (so they can be opened in a new tab or shared). */
export function hrefFor(patch: Partial<ExplorerState>, from: ExplorerState = current): string {
  return `${window.location.pathname}${stateQuery({ ...from, ...patch })}`;
}

/** Moves to a new state: a new history entry unless `replace`, then renders it. */
export function navigate(patch: Partial<ExplorerState>, options: { replace?: boolean } = {}): void {
  const next = { ...current, ...patch };
  const url = hrefFor(patch);
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  current = next;
  renderer(next);
}

/** A view of a node, starting afresh (no expansions, no selection, no span). */
export function openNode(id: string, view: View = 'graph', extra: Partial<ExplorerState> = {}): void {
  navigate({ view, node: id, sel: null, expand: [], span: null, ...extra });
}

export function startRouting(render: Renderer): void {
  renderer = render;
  const onLocation = () => {
    current = parseState(window.location.search);
    renderer(current);
  };
  window.addEventListener('popstate', onLocation);
  onLocation();
}
