/** Links inside the explorer: real hrefs (shareable, open in a new tab) that navigate in place. */
import { h } from './dom.ts';
import { hrefFor, navigate, type ExplorerState } from './state.ts';

export interface LinkOptions {
  /** Replace the current history entry instead of adding one (selection changes). */
  readonly replace?: boolean;
  readonly id?: string;
  readonly class?: string;
  readonly title?: string;
}

export function link(patch: Partial<ExplorerState>, text: string, options: LinkOptions = {}): HTMLAnchorElement {
  return h(
    'a',
    {
      href: hrefFor(patch),
      id: options.id,
      class: options.class,
      title: options.title,
      onclick: (event: Event) => {
        const mouse = event as MouseEvent;
        if (mouse.button !== 0 || mouse.metaKey || mouse.ctrlKey || mouse.shiftKey || mouse.altKey) return;
        event.preventDefault();
        navigate(patch, { replace: options.replace ?? false });
      },
    },
    text,
  );
}

/** A link to a node's graph view (a fresh drawing centred on it). */
export function graphLink(id: string, text: string, options: LinkOptions = {}): HTMLAnchorElement {
  return link({ view: 'graph', node: id, sel: null, expand: [], span: null }, text, options);
}

/** A link to a node's entity page. */
export function entityLink(id: string, text: string, options: LinkOptions = {}): HTMLAnchorElement {
  return link({ view: 'entity', node: id, sel: null, expand: [], span: null }, text, options);
}
