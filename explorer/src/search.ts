/**
 * The search box: type-ahead over entity names and aliases (`suggest`) and,
 * from two characters on, full text over clauses, passages, tasks and
 * livelihood projects (`search`), grouped by type. An ARIA combobox: arrows
 * move, Enter opens, Escape closes.
 */
import { gql, isAbort } from './api.ts';
import { h, replaceChildren, shorten } from './dom.ts';
import { SEARCH_TYPES, SUGGEST_TYPES, iconDataUri, labelName, labelStyle } from './labels.ts';
import { FULL_TEXT, SUGGEST } from './operations.ts';
import type { Connection } from './types.ts';

interface Suggestion {
  readonly id: string;
  readonly type: string;
  readonly name: string;
  readonly matched: string;
}

interface TextHit {
  readonly id: string;
  readonly type: string;
  readonly snippet: string;
  readonly year: number | null;
  readonly document: { readonly id: string; readonly title: string | null } | null;
}

export interface SearchOption {
  readonly id: string;
  readonly label: string;
  readonly title: string;
  readonly detail: string | null;
  readonly fullText: boolean;
}

const DEBOUNCE_MS = 150;

export class SearchBox {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly listbox: HTMLElement;
  private readonly status: HTMLElement;
  private options: SearchOption[] = [];
  private active = -1;
  private timer: number | undefined;
  private abort: AbortController | null = null;

  constructor(private readonly open: (option: SearchOption) => void) {
    this.input = h('input', {
      id: 'search-input',
      type: 'search',
      role: 'combobox',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: '搜索机构、企业、园区、项目、领导、指标、术语或条款原文',
      'aria-label': '搜索',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': 'search-list',
      oninput: () => this.schedule(),
      onkeydown: (event: Event) => this.onKey(event as KeyboardEvent),
      onfocus: () => {
        if (this.options.length > 0) this.show(true);
      },
    });
    this.listbox = h('div', { id: 'search-list', role: 'listbox', class: 'search-list', 'aria-label': '搜索建议', hidden: true });
    this.status = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', id: 'search-status' });
    this.element = h('div', { class: 'search', role: 'search' }, this.input, this.listbox, this.status);
    document.addEventListener('pointerdown', (event) => {
      if (!this.element.contains(event.target as Node)) this.show(false);
    });
  }

  focus(): void {
    this.input.focus();
    this.input.select();
  }

  private schedule(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.query(this.input.value.trim()), DEBOUNCE_MS);
  }

  private async query(text: string): Promise<void> {
    this.abort?.abort();
    if (text.length === 0) {
      this.options = [];
      this.show(false);
      return;
    }
    const abort = new AbortController();
    this.abort = abort;
    this.element.dataset['state'] = 'loading';
    try {
      const [suggested, fullText] = await Promise.all([
        gql<{ suggest: Suggestion[] }>(SUGGEST, { prefix: text, first: 16 }, abort.signal),
        text.length >= 2 ? gql<{ search: Connection<TextHit> }>(FULL_TEXT, { text, first: 8 }, abort.signal) : Promise.resolve(null),
      ]);
      if (abort.signal.aborted) return;
      this.render(suggested.suggest, fullText?.search ?? null);
      this.element.dataset['state'] = 'ready';
    } catch (error) {
      if (isAbort(error)) return;
      this.element.dataset['state'] = 'error';
      this.options = [];
      replaceChildren(this.listbox, h('p', { class: 'error' }, `搜索失败：${error instanceof Error ? error.message : String(error)}`));
      this.show(true);
    }
  }

  private render(suggestions: readonly Suggestion[], hits: Connection<TextHit> | null): void {
    const groups: { title: string; label: string; options: SearchOption[] }[] = [];
    for (const [type, label] of Object.entries(SUGGEST_TYPES)) {
      const options = suggestions
        .filter((suggestion) => suggestion.type === type)
        .map((suggestion) => ({
          id: suggestion.id,
          label,
          title: suggestion.name,
          detail: suggestion.matched !== suggestion.name ? `别名：${suggestion.matched}` : null,
          fullText: false,
        }));
      if (options.length > 0) groups.push({ title: labelName(label), label, options });
    }
    for (const [type, label] of Object.entries(SEARCH_TYPES)) {
      const options = (hits?.edges ?? [])
        .map((edge) => edge.node)
        .filter((hit) => hit.type === type)
        .map((hit) => ({
          id: hit.id,
          label,
          title: shorten(hit.snippet, 90),
          detail: [hit.year ? `${hit.year} 年` : null, hit.document?.title ? `《${shorten(hit.document.title, 24)}》` : null].filter(Boolean).join(' '),
          fullText: true,
        }));
      if (options.length > 0) groups.push({ title: `${labelName(label)}（全文）`, label, options });
    }
    this.options = groups.flatMap((group) => group.options);
    this.active = this.options.length > 0 ? 0 : -1;
    let index = 0;
    replaceChildren(
      this.listbox,
      groups.map((group, groupIndex) =>
        h(
          'div',
          { role: 'group', 'aria-labelledby': `search-group-${groupIndex}`, class: 'search-group' },
          h('div', { class: 'search-group-title', id: `search-group-${groupIndex}`, role: 'presentation' }, group.title),
          group.options.map((option) => {
            const position = index++;
            const style = labelStyle(option.label);
            return h(
              'div',
              {
                role: 'option',
                id: `search-option-${position}`,
                class: 'search-option',
                'data-id': option.id,
                'aria-selected': String(position === this.active),
                onpointerdown: (event: Event) => event.preventDefault(),
                onclick: () => this.choose(position),
              },
              h('img', { class: 'icon', src: iconDataUri(option.label), alt: '', style: `background:${style.color}` }),
              h('span', { class: 'option-title' }, option.title),
              option.detail ? h('span', { class: 'option-detail' }, option.detail) : null,
            );
          }),
        ),
      ),
      this.options.length === 0 ? h('p', { class: 'muted empty' }, '没有找到。') : null,
      hits && hits.totalCount > hits.edges.length ? h('p', { class: 'muted small' }, `全文共 ${hits.totalCount} 条结果，仅显示前 ${hits.edges.length} 条。`) : null,
    );
    this.status.textContent = `${this.options.length} 条建议`;
    this.show(true);
    this.highlight();
  }

  private show(visible: boolean): void {
    this.listbox.hidden = !visible;
    this.input.setAttribute('aria-expanded', String(visible));
  }

  private highlight(): void {
    for (const option of this.listbox.querySelectorAll('[role="option"]')) {
      option.setAttribute('aria-selected', String(option.id === `search-option-${this.active}`));
    }
    if (this.active >= 0) {
      this.input.setAttribute('aria-activedescendant', `search-option-${this.active}`);
      document.getElementById(`search-option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  private onKey(event: KeyboardEvent): void {
    const count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        this.show(true);
        this.active = (this.active + 1) % count;
        this.highlight();
        break;
      case 'ArrowUp':
        if (count === 0) return;
        this.active = (this.active - 1 + count) % count;
        this.highlight();
        break;
      case 'Enter':
        if (this.active >= 0) this.choose(this.active);
        else void this.query(this.input.value.trim());
        break;
      case 'Escape':
        if (!this.listbox.hidden) this.show(false);
        else this.input.value = '';
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private choose(index: number): void {
    const option = this.options[index];
    if (!option) return;
    this.show(false);
    this.open(option);
  }
}
