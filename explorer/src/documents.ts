/** Documents and their text, fetched once per page load, and spans shown highlighted in them. */
import { gql } from './api.ts';
import { h } from './dom.ts';
import { DOCUMENT } from './operations.ts';
import type { DocumentNode } from './types.ts';

const cache = new Map<string, Promise<DocumentNode | null>>();

export function loadDocument(id: string): Promise<DocumentNode | null> {
  let promise = cache.get(id);
  if (!promise) {
    promise = gql<{ node: DocumentNode | null }>(DOCUMENT, { id }).then((data) => data.node);
    promise.catch(() => cache.delete(id));
    cache.set(id, promise);
  }
  return promise;
}

export interface SpanOptions {
  /** Characters of text shown either side of the span; the whole text when omitted. */
  readonly context?: number;
}

/**
 * The text with [start, end) in a <mark id="source-span">: the provenance of
 * an extracted item, as the pipeline read it.
 */
export function highlightedText(text: string, start: number, end: number, options: SpanOptions = {}): HTMLElement {
  const from = options.context === undefined ? 0 : Math.max(0, start - options.context);
  const to = options.context === undefined ? text.length : Math.min(text.length, end + options.context);
  const safeStart = Math.min(Math.max(start, from), to);
  const safeEnd = Math.min(Math.max(end, safeStart), to);
  const mark = h('mark', { class: 'source-span', id: 'source-span' }, text.slice(safeStart, safeEnd));
  return h(
    'div',
    { class: 'source-text', tabindex: 0, 'aria-label': '原文（高亮部分为来源）' },
    from > 0 ? '…' : null,
    text.slice(from, safeStart),
    mark,
    text.slice(safeEnd, to),
    to < text.length ? '…' : null,
  );
}

/** Scrolls a scrollable box so that its <mark> sits in the upper third. */
export function scrollToMark(box: HTMLElement): void {
  const mark = box.querySelector('mark');
  if (!(mark instanceof HTMLElement)) return;
  box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
}
