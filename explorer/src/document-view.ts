/** A document's page: what it is and its whole text, with a span highlighted when the link names one. */
import { h, replaceChildren } from './dom.ts';
import { highlightedText, loadDocument, scrollToMark } from './documents.ts';
import { DOCUMENT_KINDS, iconDataUri, labelStyle } from './labels.ts';
import { graphLink } from './links.ts';
import type { ExplorerState } from './state.ts';

export function renderDocumentPage(host: HTMLElement, state: ExplorerState, isCurrent: () => boolean): void {
  const id = state.node;
  if (!id) {
    replaceChildren(host, h('p', {}, '没有选定文件。'));
    return;
  }
  replaceChildren(host, h('p', { class: 'muted' }, '正在加载…'));
  loadDocument(id)
    .then((document) => {
      if (!isCurrent()) return;
      if (!document) {
        replaceChildren(host, h('p', { class: 'error' }, `文件 ${id} 不在图中。`));
        return;
      }
      const text = document.text ?? '';
      const body = state.span ? highlightedText(text, state.span[0], state.span[1]) : h('div', { class: 'source-text', tabindex: 0, 'aria-label': '全文' }, text);
      body.classList.add('document-text');
      const style = labelStyle('Document');
      replaceChildren(
        host,
        h(
          'header',
          { class: 'page-header' },
          h('h1', { id: 'page-title' }, h('img', { class: 'icon', src: iconDataUri('Document'), alt: '', style: `background:${style.color}` }), document.title ?? document.docNo ?? document.id),
          h(
            'p',
            { class: 'facts' },
            [
              DOCUMENT_KINDS[document.kind] ?? document.kind,
              document.docNo,
              document.year ? `${document.year} 年` : null,
              document.issuedOn ? `印发于 ${document.issuedOn}` : null,
              document.sourceFile ? `来源：${document.sourceFile}` : null,
            ]
              .filter((part): part is string => typeof part === 'string' && part.length > 0)
              .join(' · '),
          ),
          h('p', { class: 'actions' }, graphLink(document.id, '在关系图中查看', { class: 'button-link' })),
        ),
        state.span ? h('p', { class: 'muted' }, `高亮部分：第 ${state.span[0]}–${state.span[1]} 字。`) : null,
        body,
      );
      if (state.span) requestAnimationFrame(() => scrollToMark(body));
    })
    .catch((error: unknown) => {
      if (isCurrent()) replaceChildren(host, h('p', { class: 'error' }, `无法加载文件：${error instanceof Error ? error.message : String(error)}`));
    });
}
