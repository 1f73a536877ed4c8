/**
 * GraphML (http://graphml.graphdrawing.org/) for Gephi, networkx, yEd and
 * Cytoscape, as text pieces written one after another: the header declares a
 * key for every property the export holds (typed: boolean, long, double,
 * else string), then nodes, then edges. Labels and types are kept as the
 * `labels` node attribute (`:Agency`, as Neo4j's own GraphML export writes
 * them) and the `type` edge attribute; `label` is what Gephi displays.
 */
import { escapeXml } from './xml-text.ts';
import { displayLabel, valueText, type ExportNode, type ExportRelationship, type ExportSchema, type PropertyKey, type ValueKind } from './model.ts';

const GRAPHML_TYPE: Readonly<Record<ValueKind, string>> = { boolean: 'boolean', integer: 'long', float: 'double', text: 'string' };

/** The attributes every node / edge gets besides its properties. */
const NODE_ATTRIBUTES = ['labels', 'label'] as const;
const EDGE_ATTRIBUTES = ['type', 'label'] as const;

interface KeyDeclaration {
  readonly id: string;
  readonly domain: 'node' | 'edge';
  /** The attribute name a reader sees. */
  readonly name: string;
  readonly type: string;
}

/** The keys of one export: the fixed attributes first, then one per property. */
export interface GraphmlKeys {
  readonly declarations: readonly KeyDeclaration[];
  /** Property name → key id. */
  readonly node: ReadonlyMap<string, string>;
  readonly edge: ReadonlyMap<string, string>;
}

function declare(domain: 'node' | 'edge', prefix: string, fixed: readonly string[], properties: readonly PropertyKey[]) {
  const declarations: KeyDeclaration[] = fixed.map((name) => ({ id: `${prefix}_${name}`, domain, name, type: 'string' }));
  const ids = new Map<string, string>();
  properties.forEach((property, index) => {
    const id = `${prefix}${index}`;
    ids.set(property.name, id);
    // A property called like a fixed attribute (a node's `label`) keeps its value under another name.
    const name = fixed.includes(property.name) ? `property_${property.name}` : property.name;
    declarations.push({ id, domain, name, type: GRAPHML_TYPE[property.kind] });
  });
  return { declarations, ids };
}

export function graphmlKeys(schema: ExportSchema): GraphmlKeys {
  const nodes = declare('node', 'n', NODE_ATTRIBUTES, schema.nodeKeys);
  const edges = declare('edge', 'e', EDGE_ATTRIBUTES, schema.relationshipKeys);
  return { declarations: [...nodes.declarations, ...edges.declarations], node: nodes.ids, edge: edges.ids };
}

export function graphmlHeader(keys: GraphmlKeys): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.declarations.map(
      (key) => `  <key id="${key.id}" for="${key.domain}" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"/>`,
    ),
    '  <graph id="G" edgedefault="directed">',
  ];
  return `${lines.join('\n')}\n`;
}

function data(key: string, value: string): string {
  return `<data key="${key}">${escapeXml(value)}</data>`;
}

function propertyData(properties: ExportNode['properties'], ids: ReadonlyMap<string, string>): string {
  let text = '';
  for (const [name, value] of Object.entries(properties)) {
    const key = ids.get(name);
    // The schema was read from the same selection; a key it lacks was written after it was read.
    if (key !== undefined) text += data(key, valueText(value));
  }
  return text;
}

export function graphmlNode(node: ExportNode, keys: GraphmlKeys): string {
  const labels = node.labels.map((label) => `:${label}`).join('');
  return `    <node id="${escapeXml(node.id)}">${data('n_labels', labels)}${data('n_label', displayLabel(node))}${propertyData(node.properties, keys.node)}</node>\n`;
}

export function graphmlEdge(relationship: ExportRelationship, keys: GraphmlKeys): string {
  return `    <edge source="${escapeXml(relationship.source)}" target="${escapeXml(relationship.target)}">${data('e_type', relationship.type)}${data('e_label', relationship.type)}${propertyData(relationship.properties, keys.edge)}</edge>\n`;
}

export const GRAPHML_FOOTER = '  </graph>\n</graphml>\n';
