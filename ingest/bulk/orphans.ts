/**
 * Pure: the orphan sweep of cypher/load/delete-orphans.cypher, done on the
 * merged graph of a bulk build before its CSV is written, so the importer
 * never writes what the statement would delete after it.
 *
 * The statement's two steps, in its order:
 * - a shared entity (ORPHAN_LABELS) whose every relationship, either way, is
 *   RENAMED_TO or OF (or that has none) goes, with its relationships;
 * - then a jurisdiction goes unless some jurisdiction at most
 *   JURISDICTION_DEPTH PART_OF hops below it (itself included) has an
 *   ISSUED_IN or OF pointing at it from a node still there.
 */
import type { BulkGraph, BulkLabel, BulkNode, BulkRelationship } from './merge.ts';

const ORPHAN_LABELS: ReadonlySet<BulkLabel> = new Set<BulkLabel>(['Agency', 'Leader', 'Company', 'Park', 'Project', 'Term', 'Indicator']);
/** Relationships that do not keep an entity. */
const NOT_KEEPING: ReadonlySet<string> = new Set(['RENAMED_TO', 'OF']);
/** `[:PART_OF*0..8]` of the statement. */
const JURISDICTION_DEPTH = 8;
const PLACE_ANCHORS: ReadonlySet<string> = new Set(['ISSUED_IN', 'OF']);

export interface SweptGraph {
  readonly graph: BulkGraph;
  /** Nodes removed, counted as the statement's `deleted`. */
  readonly removed: number;
}

function without(nodes: readonly BulkNode[], relationships: readonly BulkRelationship[], gone: ReadonlySet<string>): BulkGraph {
  if (gone.size === 0) return { nodes, relationships };
  return {
    nodes: nodes.filter((node) => !gone.has(node.id)),
    relationships: relationships.filter((relationship) => !gone.has(relationship.from) && !gone.has(relationship.to)),
  };
}

export function sweepOrphans(graph: BulkGraph): SweptGraph {
  const kept = new Set<string>();
  for (const relationship of graph.relationships) {
    if (NOT_KEEPING.has(relationship.type)) continue;
    kept.add(relationship.from);
    kept.add(relationship.to);
  }
  const entities = new Set<string>();
  for (const node of graph.nodes) if (ORPHAN_LABELS.has(node.label) && !kept.has(node.id)) entities.add(node.id);
  const afterEntities = without(graph.nodes, graph.relationships, entities);

  const labels = new Map<string, BulkLabel>();
  for (const node of afterEntities.nodes) labels.set(node.id, node.label);
  const partOf = new Map<string, string[]>();
  const anchored: string[] = [];
  for (const relationship of afterEntities.relationships) {
    if (relationship.type === 'PART_OF') {
      const targets = partOf.get(relationship.from) ?? [];
      targets.push(relationship.to);
      partOf.set(relationship.from, targets);
    }
    if (PLACE_ANCHORS.has(relationship.type) && labels.get(relationship.to) === 'Jurisdiction') anchored.push(relationship.to);
  }
  // Breadth first from every anchored jurisdiction up its PART_OF chains (any node between, as the pattern allows).
  const reached = new Set<string>(anchored);
  let frontier = [...reached];
  for (let depth = 0; depth < JURISDICTION_DEPTH && frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const target of partOf.get(id) ?? []) {
        if (reached.has(target)) continue;
        reached.add(target);
        next.push(target);
      }
    }
    frontier = next;
  }
  const places = new Set<string>();
  for (const node of afterEntities.nodes) if (node.label === 'Jurisdiction' && !reached.has(node.id)) places.add(node.id);
  return { graph: without(afterEntities.nodes, afterEntities.relationships, places), removed: entities.size + places.size };
}
