/**
 * The graph of one document as plain records, ready for batched UNWIND
 * writes. Labels and relationship types are closed unions so the loader can
 * map each to its own parameterised Cypher file (Cypher cannot take a label
 * as a parameter, and input is never spliced into a statement).
 */

export type PropertyValue = string | number | boolean | null | readonly string[] | readonly number[];
export type Properties = Readonly<Record<string, PropertyValue>>;

/** Nodes that belong to one document and are replaced with it. */
export const OWNED_LABELS = ['Section', 'Task', 'Assignment', 'Passage', 'LivelihoodProject'] as const;
export type OwnedLabel = (typeof OWNED_LABELS)[number];

/** Entities shared across documents, merged by id and removed when orphaned. */
export const SHARED_LABELS = ['Agency', 'Leader', 'Company', 'Park', 'Project', 'Term', 'Indicator', 'Jurisdiction'] as const;
export type SharedLabel = (typeof SHARED_LABELS)[number];

export const RELATIONSHIP_TYPES = [
  'PART_OF',
  'HAS_TASK',
  'HAS_ASSIGNMENT',
  'HAS_PROJECT',
  'LED_BY',
  'SUPPORTED_BY',
  'OVERSEES',
  'STATES',
  'MENTIONS',
  'DEFINES',
  'ISSUED_IN',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/**
 * Relationships between shared entities, merged rather than created: every
 * document naming 柳州市财政局 states the same `(:Agency)-[:OF]->(:Jurisdiction)`,
 * and 柳江区 `-[:PART_OF]->` 柳州市 once, whoever wrote it first.
 */
export const SHARED_RELATIONSHIP_TYPES = ['OF', 'PART_OF'] as const;
export type SharedRelationshipType = (typeof SHARED_RELATIONSHIP_TYPES)[number];

export interface NodeRecord {
  readonly id: string;
  readonly properties: Properties;
}

export interface RelationshipRecord {
  readonly from: string;
  readonly to: string;
  readonly properties: Properties;
}

export interface DocumentGraph {
  readonly document: NodeRecord;
  readonly owned: Readonly<Record<OwnedLabel, readonly NodeRecord[]>>;
  readonly shared: Readonly<Record<SharedLabel, readonly NodeRecord[]>>;
  readonly relationships: Readonly<Record<RelationshipType, readonly RelationshipRecord[]>>;
  readonly sharedRelationships: Readonly<Record<SharedRelationshipType, readonly RelationshipRecord[]>>;
}

/** Counts by label and type, for summaries and benchmarks. */
export function countRecords(graph: DocumentGraph): { nodes: number; relationships: number } {
  let nodes = 1;
  for (const label of OWNED_LABELS) nodes += graph.owned[label].length;
  for (const label of SHARED_LABELS) nodes += graph.shared[label].length;
  let relationships = 0;
  for (const type of RELATIONSHIP_TYPES) relationships += graph.relationships[type].length;
  for (const type of SHARED_RELATIONSHIP_TYPES) relationships += graph.sharedRelationships[type].length;
  return { nodes, relationships };
}
