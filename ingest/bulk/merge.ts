/**
 * Pure: the per-document graphs of a build from scratch → the one graph the
 * transactional load (ingest/load.ts, cypher/load/) leaves after writing them
 * in the same order, as node and relationship tables for the importer.
 *
 * Each rule below is the in-memory reading of one load statement, so both
 * build paths give the same graph:
 * - Document and owned nodes are created with their non-null properties
 *   (`CREATE … SET n += row.properties`);
 * - shared named nodes (`load/shared-named-nodes`) take the last name, the
 *   last non-null kind, the last jurisdiction ('' when unknown, agencies
 *   only) and accumulate aliases in order;
 * - other shared nodes (`load/shared-nodes`) take each later document's
 *   properties, a null removing the property (`SET n += …`);
 * - relationships are created only between nodes that exist when their
 *   document is written (`MATCH … MATCH … CREATE`), shared relationships
 *   once per pair (`MERGE`);
 * - renames (`load/renames`) join two agencies of the graph once per pair,
 *   the last year winning.
 */
import {
  OWNED_LABELS,
  RELATIONSHIP_TYPES,
  SHARED_LABELS,
  SHARED_RELATIONSHIP_TYPES,
  type DocumentGraph,
  type Properties,
  type PropertyValue,
  type SharedLabel,
} from '../graph/records.ts';
// The labels merged like `load/shared-named-nodes`: one list for both build paths.
import { isNamedShared } from '../graph/merge.ts';


export type BulkLabel = 'Document' | (typeof OWNED_LABELS)[number] | SharedLabel;
export type BulkType = (typeof RELATIONSHIP_TYPES)[number] | (typeof SHARED_RELATIONSHIP_TYPES)[number] | 'RENAMED_TO' | 'IMPLEMENTS' | 'CONTINUES';

export interface BulkNode {
  readonly id: string;
  readonly label: BulkLabel;
  /** Non-null properties, `id` excluded. */
  readonly properties: Record<string, PropertyValue>;
}

export interface BulkRelationship {
  readonly type: BulkType;
  readonly from: string;
  readonly to: string;
  readonly properties: Record<string, PropertyValue>;
}

export interface BulkGraph {
  /** In creation order. */
  readonly nodes: readonly BulkNode[];
  readonly relationships: readonly BulkRelationship[];
}

function withoutNulls(properties: Properties): Record<string, PropertyValue> {
  const kept: Record<string, PropertyValue> = {};
  for (const [key, value] of Object.entries(properties)) if (value !== null && value !== undefined) kept[key] = value;
  return kept;
}

function accumulate(known: readonly string[], more: readonly string[]): string[] {
  const result = [...known];
  for (const alias of more) if (!result.includes(alias)) result.push(alias);
  return result;
}

function asStrings(value: PropertyValue | undefined): readonly string[] | null {
  return Array.isArray(value) ? value.map(String) : null;
}

/** Collects nodes and relationships as the load would write them, document after document. */
class GraphAccumulator {
  private readonly nodes = new Map<string, BulkNode>();
  private readonly relationships: BulkRelationship[] = [];
  /** Index in `relationships` of each merged (type, from, to). */
  private readonly mergedPairs = new Map<string, number>();

  create(label: BulkLabel, id: string, properties: Properties): void {
    // The id constraint would reject a second node with this id: the load fails that document, which cannot happen for ids built per document.
    if (this.nodes.has(id)) return;
    this.nodes.set(id, { id, label, properties: withoutNulls(properties) });
  }

  mergeNamed(label: SharedLabel, id: string, row: Properties): void {
    const node = this.nodes.get(id) ?? { id, label, properties: {} };
    const next: Record<string, PropertyValue> = { ...node.properties };
    const name = row['name'] ?? null;
    if (name === null) delete next['name'];
    else next['name'] = name;
    const kind = row['kind'] ?? null;
    if (kind !== null) next['kind'] = kind;
    if (label === 'Agency') next['jurisdiction'] = row['jurisdiction'] ?? '';
    else delete next['jurisdiction'];
    const given = row['aliases'] === undefined || row['aliases'] === null ? (name === null ? [] : [String(name)]) : (asStrings(row['aliases']) ?? []);
    next['aliases'] = accumulate(asStrings(node.properties['aliases']) ?? [], given);
    this.nodes.set(id, { id, label: node.label, properties: next });
  }

  mergePlain(label: SharedLabel, id: string, row: Properties): void {
    const node = this.nodes.get(id) ?? { id, label, properties: {} };
    const next: Record<string, PropertyValue> = { ...node.properties };
    for (const [key, value] of Object.entries(row)) {
      if (value === null || value === undefined) delete next[key];
      else next[key] = value;
    }
    this.nodes.set(id, { id, label: node.label, properties: next });
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  isAgency(id: string): boolean {
    return this.nodes.get(id)?.label === 'Agency';
  }

  relate(type: BulkType, from: string, to: string, properties: Properties): void {
    if (!this.has(from) || !this.has(to)) return;
    this.relationships.push({ type, from, to, properties: withoutNulls(properties) });
  }

  /** MERGE semantics: once per (type, from, to); `properties` replace the earlier ones (`SET r.x = …`). */
  mergeRelationship(type: BulkType, from: string, to: string, properties: Properties = {}): void {
    if (!this.has(from) || !this.has(to)) return;
    const key = `${type}\u0000${from}\u0000${to}`;
    const index = this.mergedPairs.get(key);
    const earlier = index === undefined ? undefined : this.relationships[index];
    if (index !== undefined && earlier !== undefined) {
      this.relationships[index] = { ...earlier, properties: { ...earlier.properties, ...withoutNulls(properties) } };
      return;
    }
    this.mergedPairs.set(key, this.relationships.length);
    this.relationships.push({ type, from, to, properties: withoutNulls(properties) });
  }

  graph(): BulkGraph {
    return { nodes: [...this.nodes.values()], relationships: this.relationships };
  }
}

export interface RenameRow {
  readonly from: string;
  readonly to: string;
  readonly year: number;
}

/** The graph the load leaves after writing `graphs` in order into an empty database, then the renames. */
export function mergeGraphs(graphs: readonly DocumentGraph[], renames: readonly RenameRow[]): BulkGraph {
  const graph = new GraphAccumulator();
  for (const document of graphs) {
    graph.create('Document', document.document.id, document.document.properties);
    for (const label of OWNED_LABELS) for (const record of document.owned[label]) graph.create(label, record.id, record.properties);
    for (const label of SHARED_LABELS) {
      for (const record of document.shared[label]) {
        if (isNamedShared(label)) graph.mergeNamed(label, record.id, record.properties);
        else graph.mergePlain(label, record.id, record.properties);
      }
    }
    for (const type of RELATIONSHIP_TYPES) for (const record of document.relationships[type]) graph.relate(type, record.from, record.to, record.properties);
    for (const type of SHARED_RELATIONSHIP_TYPES) for (const record of document.sharedRelationships[type]) graph.mergeRelationship(type, record.from, record.to);
  }
  for (const rename of renames) {
    if (graph.isAgency(rename.from) && graph.isAgency(rename.to)) graph.mergeRelationship('RENAMED_TO', rename.from, rename.to, { year: rename.year });
  }
  return graph.graph();
}

/** Adds scored links (IMPLEMENTS, CONTINUES), created like `load/links-*` between nodes of the graph. */
export function withLinks(graph: BulkGraph, links: { readonly implements: readonly ScoredRow[]; readonly continues: readonly ScoredRow[] }): BulkGraph {
  const ids = new Set(graph.nodes.map((node) => node.id));
  const linked = [
    ...links.implements.map((link) => ({ type: 'IMPLEMENTS' as const, link })),
    ...links.continues.map((link) => ({ type: 'CONTINUES' as const, link })),
  ]
    .filter(({ link }) => ids.has(link.from) && ids.has(link.to))
    .map(({ type, link }): BulkRelationship => ({ type, from: link.from, to: link.to, properties: { score: link.score } }));
  return { nodes: graph.nodes, relationships: [...graph.relationships, ...linked] };
}

export interface ScoredRow {
  readonly from: string;
  readonly to: string;
  readonly score: number;
}

/**
 * The first uniqueness constraint of cypher/schema.cypher the graph breaks
 * (one agency per name and jurisdiction, one indicator per metric), or null.
 * The transactional path fails just the document that breaks one; the
 * importer would build a store the schema cannot then be applied to.
 */
export function constraintConflict(graph: BulkGraph): string | null {
  const agencies = new Map<string, string>();
  const metrics = new Map<string, string>();
  for (const node of graph.nodes) {
    if (node.label === 'Agency') {
      const key = JSON.stringify([node.properties['name'] ?? null, node.properties['jurisdiction'] ?? null]);
      const other = agencies.get(key);
      if (other !== undefined) return `agencies ${other} and ${node.id} have the same name and jurisdiction`;
      agencies.set(key, node.id);
    }
    if (node.label === 'Indicator' && node.properties['metric'] !== undefined) {
      const key = String(node.properties['metric']);
      const other = metrics.get(key);
      if (other !== undefined) return `indicators ${other} and ${node.id} have the same metric`;
      metrics.set(key, node.id);
    }
  }
  return null;
}
