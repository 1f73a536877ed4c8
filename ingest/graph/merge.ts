/**
 * Pure: the graphs of several documents as the rows of ONE write — every
 * label and relationship type once, whatever the number of documents — so a
 * batch costs a few statements instead of a few per document.
 *
 * Shared entities and shared relationships that several documents of the
 * batch state are folded into one row each, exactly as the per-row MERGE of
 * cypher/load/shared-*.template.cypher would apply them one after the other:
 * later documents' properties win (`SET n += …`), a named entity's aliases
 * accumulate in order and its kind is the last one given.
 */
import {
  OWNED_LABELS,
  RELATIONSHIP_TYPES,
  SHARED_LABELS,
  SHARED_RELATIONSHIP_TYPES,
  type DocumentGraph,
  type NodeRecord,
  type OwnedLabel,
  type Properties,
  type PropertyValue,
  type RelationshipRecord,
  type RelationshipType,
  type SharedLabel,
  type SharedRelationshipType,
} from './records.ts';

/** Shared entities with a name, a kind and spellings (cypher/load/shared-named-nodes.template.cypher). */
export const NAMED_SHARED_LABELS = ['Agency', 'Company', 'Park', 'Project'] as const satisfies readonly SharedLabel[];
export type NamedSharedLabel = (typeof NAMED_SHARED_LABELS)[number];

export function isNamedShared(label: SharedLabel): label is NamedSharedLabel {
  return (NAMED_SHARED_LABELS as readonly SharedLabel[]).includes(label);
}

export interface BatchRecords {
  readonly documents: readonly NodeRecord[];
  readonly owned: Readonly<Record<OwnedLabel, readonly NodeRecord[]>>;
  readonly shared: Readonly<Record<SharedLabel, readonly NodeRecord[]>>;
  readonly relationships: Readonly<Record<RelationshipType, readonly RelationshipRecord[]>>;
  readonly sharedRelationships: Readonly<Record<SharedRelationshipType, readonly RelationshipRecord[]>>;
}

function byKey<K extends string, V>(keys: readonly K[], value: () => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, value()])) as Record<K, V>;
}

function stringList(value: PropertyValue | undefined): string[] | null {
  return Array.isArray(value) ? value.map(String) : null;
}

/** Two rows of one named entity as one: what the template leaves after writing `earlier`, then `later`. */
function foldNamed(earlier: Properties, later: Properties): Properties {
  const aliases = stringList(earlier['aliases']) ?? [String(earlier['name'])];
  for (const alias of stringList(later['aliases']) ?? [String(later['name'])]) if (!aliases.includes(alias)) aliases.push(alias);
  const kind = later['kind'] ?? earlier['kind'] ?? null;
  return { ...later, kind, aliases };
}

export function mergeGraphs(graphs: readonly DocumentGraph[]): BatchRecords {
  const owned = byKey(OWNED_LABELS, (): NodeRecord[] => []);
  const shared = byKey(SHARED_LABELS, () => new Map<string, Properties>());
  const relationships = byKey(RELATIONSHIP_TYPES, (): RelationshipRecord[] => []);
  const sharedRelationships = byKey(SHARED_RELATIONSHIP_TYPES, () => new Map<string, RelationshipRecord>());
  for (const graph of graphs) {
    for (const label of OWNED_LABELS) owned[label].push(...graph.owned[label]);
    for (const label of SHARED_LABELS) {
      const rows = shared[label];
      const named = isNamedShared(label);
      for (const record of graph.shared[label]) {
        const known = rows.get(record.id);
        rows.set(record.id, known === undefined ? record.properties : named ? foldNamed(known, record.properties) : { ...known, ...record.properties });
      }
    }
    for (const type of RELATIONSHIP_TYPES) relationships[type].push(...graph.relationships[type]);
    for (const type of SHARED_RELATIONSHIP_TYPES) {
      // MERGE without properties: one row per pair is the whole effect.
      for (const record of graph.sharedRelationships[type]) sharedRelationships[type].set(`${record.from}\u0000${record.to}`, record);
    }
  }
  return {
    documents: graphs.map((graph) => graph.document),
    owned,
    shared: Object.fromEntries(SHARED_LABELS.map((label) => [label, [...shared[label]].map(([id, properties]) => ({ id, properties }))])) as Record<SharedLabel, NodeRecord[]>,
    relationships,
    sharedRelationships: Object.fromEntries(SHARED_RELATIONSHIP_TYPES.map((type) => [type, [...sharedRelationships[type].values()]])) as Record<SharedRelationshipType, RelationshipRecord[]>,
  };
}
