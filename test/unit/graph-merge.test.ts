import { describe, expect, it } from 'vitest';
import { mergeGraphs } from '../../ingest/graph/merge.ts';
import {
  OWNED_LABELS,
  RELATIONSHIP_TYPES,
  SHARED_LABELS,
  SHARED_RELATIONSHIP_TYPES,
  type DocumentGraph,
  type NodeRecord,
  type RelationshipRecord,
} from '../../ingest/graph/records.ts';

function graph(id: string, parts: { owned?: Partial<DocumentGraph['owned']>; shared?: Partial<DocumentGraph['shared']>; relationships?: Partial<DocumentGraph['relationships']>; sharedRelationships?: Partial<DocumentGraph['sharedRelationships']> }): DocumentGraph {
  const empty = <K extends string, V>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, [] as V[]])) as Record<K, V[]>;
  return {
    document: { id, properties: { documentId: id, title: id } },
    owned: { ...empty<(typeof OWNED_LABELS)[number], NodeRecord>(OWNED_LABELS), ...parts.owned },
    shared: { ...empty<(typeof SHARED_LABELS)[number], NodeRecord>(SHARED_LABELS), ...parts.shared },
    relationships: { ...empty<(typeof RELATIONSHIP_TYPES)[number], RelationshipRecord>(RELATIONSHIP_TYPES), ...parts.relationships },
    sharedRelationships: { ...empty<(typeof SHARED_RELATIONSHIP_TYPES)[number], RelationshipRecord>(SHARED_RELATIONSHIP_TYPES), ...parts.sharedRelationships },
  };
}

describe('mergeGraphs: the rows of one batch write', () => {
  it('keeps every owned node and relationship of every document, in document order', () => {
    const a = graph('a', { owned: { Task: [{ id: 'a/t1', properties: {} }] }, relationships: { HAS_TASK: [{ from: 'a', to: 'a/t1', properties: {} }] } });
    const b = graph('b', { owned: { Task: [{ id: 'b/t1', properties: {} }, { id: 'b/t2', properties: {} }] }, relationships: { HAS_TASK: [{ from: 'b', to: 'b/t1', properties: {} }] } });
    const merged = mergeGraphs([a, b]);
    expect(merged.documents.map((document) => document.id)).toEqual(['a', 'b']);
    expect(merged.owned.Task.map((task) => task.id)).toEqual(['a/t1', 'b/t1', 'b/t2']);
    expect(merged.relationships.HAS_TASK.map((edge) => edge.to)).toEqual(['a/t1', 'b/t1']);
  });

  it('folds a named entity stated by two documents as two MERGEs in a row would: aliases accumulate, the last kind given wins', () => {
    const a = graph('a', { shared: { Agency: [{ id: 'agency:x', properties: { name: '市甲局', kind: 'department', aliases: ['市甲局', '甲局'], jurisdiction: '柳州市' } }] } });
    const b = graph('b', { shared: { Agency: [{ id: 'agency:x', properties: { name: '市甲局', kind: null, aliases: ['市甲局', '市甲管理局'], jurisdiction: '柳州市' } }] } });
    const c = graph('c', { shared: { Agency: [{ id: 'agency:y', properties: { name: '市乙局' } }] } });
    const merged = mergeGraphs([a, b, c]);
    expect(merged.shared.Agency).toEqual([
      { id: 'agency:x', properties: { name: '市甲局', kind: 'department', aliases: ['市甲局', '甲局', '市甲管理局'], jurisdiction: '柳州市' } },
      { id: 'agency:y', properties: { name: '市乙局' } },
    ]);
  });

  it('lets later documents win for the properties of a plain shared entity, and states a shared relationship once', () => {
    const a = graph('a', { shared: { Indicator: [{ id: 'indicator:gdp', properties: { metric: 'GDP', unit: '%' } }] }, sharedRelationships: { OF: [{ from: 'agency:x', to: 'place:1', properties: {} }] } });
    const b = graph('b', { shared: { Indicator: [{ id: 'indicator:gdp', properties: { unit: '亿元' } }] }, sharedRelationships: { OF: [{ from: 'agency:x', to: 'place:1', properties: {} }, { from: 'agency:y', to: 'place:1', properties: {} }] } });
    const merged = mergeGraphs([a, b]);
    expect(merged.shared.Indicator).toEqual([{ id: 'indicator:gdp', properties: { metric: 'GDP', unit: '亿元' } }]);
    expect(merged.sharedRelationships.OF.map((edge) => edge.from)).toEqual(['agency:x', 'agency:y']);
  });
});
