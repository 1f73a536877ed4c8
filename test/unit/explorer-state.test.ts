import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMIT, INITIAL_STATE, parseState, stateQuery, type ExplorerState } from '../../explorer/src/url-state.ts';

describe('the explorer state in the URL', () => {
  it('leaves defaults out, so a fresh page has a bare URL', () => {
    expect(stateQuery(INITIAL_STATE)).toBe('');
    expect(parseState('')).toEqual(INITIAL_STATE);
  });

  it('round-trips the node, expansions, selection, filters and view', () => {
    const state: ExplorerState = {
      view: 'graph',
      node: 'agency:市工业和信息化局',
      sel: '001_x.txt#1/task/3/clause/2',
      expand: ['leader:汤振国', 'doc,with,commas'],
      depth: 2,
      limit: 300,
      years: [2023, 2024],
      rels: ['LED_BY', 'SUPPORTED_BY'],
      labels: ['Agency', 'Assignment'],
      year: null,
      span: null,
    };
    const query = stateQuery(state);
    expect(parseState(query)).toEqual(state);
    expect(new URLSearchParams(query).getAll('expand')).toEqual(['leader:汤振国', 'doc,with,commas']);
  });

  it('keeps the overlaps year and a document span', () => {
    expect(parseState(stateQuery({ ...INITIAL_STATE, view: 'overlaps', year: 2024 }))).toMatchObject({ view: 'overlaps', year: 2024 });
    expect(parseState('?view=document&node=d1&span=120,188')).toMatchObject({ view: 'document', node: 'd1', span: [120, 188] });
  });

  it('ignores what it cannot read instead of failing', () => {
    const state = parseState('?view=nonsense&depth=9&limit=100000&years=20x4,2024&span=9,3&year=24');
    expect(state.view).toBe('graph');
    expect(state.depth).toBe(1);
    expect(state.limit).toBe(DEFAULT_LIMIT);
    expect(state.years).toEqual([2024]);
    expect(state.span).toBeNull();
    expect(state.year).toBeNull();
  });

  it('does not repeat the selection when it is the node itself', () => {
    expect(stateQuery({ ...INITIAL_STATE, node: 'a', sel: 'a' })).toBe('?node=a');
  });
});
