/**
 * JSON Lines: one object a line, nodes first, then relationships, each with
 * its properties as they are in the graph (lists stay arrays). JSON.stringify
 * escapes control characters and lone surrogates, so every line parses.
 */
import type { ExportNode, ExportRelationship } from './model.ts';

export function jsonlNode(node: ExportNode): string {
  return `${JSON.stringify({ kind: 'node', id: node.id, labels: node.labels, properties: node.properties })}\n`;
}

export function jsonlRelationship(relationship: ExportRelationship): string {
  return `${JSON.stringify({
    kind: 'relationship',
    type: relationship.type,
    source: relationship.source,
    target: relationship.target,
    properties: relationship.properties,
  })}\n`;
}
