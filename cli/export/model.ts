/**
 * What `kg export` reads from the graph and hands to a format: nodes and
 * relationships one at a time, and beforehand the property keys the export
 * will hold with their value kinds (GraphML declares its keys, CSV writes a
 * header, both before the first row).
 */

/** A property value as it leaves the database (lists as arrays, temporal values as ISO text). */
export type ExportValue = string | number | boolean | readonly unknown[] | Readonly<Record<string, unknown>>;

export interface ExportNode {
  /** The node's own stable `id` property (DESIGN.md: every graph node has one). */
  readonly id: string;
  /** Without the :Node marker every graph node carries. */
  readonly labels: readonly string[];
  /** Without `id` (it is the node's id) and without absent values. */
  readonly properties: Readonly<Record<string, ExportValue>>;
}

export interface ExportRelationship {
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly properties: Readonly<Record<string, ExportValue>>;
}

/** The kind of a property's values across the export; `text` for mixed kinds, lists and maps. */
export type ValueKind = 'boolean' | 'integer' | 'float' | 'text';

export interface PropertyKey {
  readonly name: string;
  readonly kind: ValueKind;
}

export interface ExportSchema {
  readonly nodeKeys: readonly PropertyKey[];
  readonly relationshipKeys: readonly PropertyKey[];
}

/** Where the rows come from: each iterable reads the database page by page as it is consumed. */
export interface GraphSource {
  schema(): Promise<ExportSchema>;
  nodes(): AsyncIterable<ExportNode>;
  relationships(): AsyncIterable<ExportRelationship>;
  /**
   * Throws (EXPORT_GRAPH_CHANGED) when the graph was written to since the
   * source was first read: Neo4j reads see each committed write as it lands,
   * so an export read page by page during an ingest would mix two graphs.
   */
  verifyUnchanged(): Promise<void>;
}

/**
 * Neo4j's `valueType()` names (`INTEGER NOT NULL`, `LIST<STRING NOT NULL> NOT NULL` …)
 * of one key's values → the one kind a typed format can declare for it.
 */
export function valueKindOf(types: readonly string[]): ValueKind {
  const kinds = new Set(types.map((type) => type.replace(/ NOT NULL$/, '')));
  if (kinds.size === 1 && kinds.has('BOOLEAN')) return 'boolean';
  if (kinds.size === 1 && kinds.has('INTEGER')) return 'integer';
  if (kinds.size > 0 && [...kinds].every((kind) => kind === 'INTEGER' || kind === 'FLOAT')) return 'float';
  return 'text';
}

/** A value as one cell of text: lists and maps as JSON, so that they read back unambiguously. */
export function valueText(value: ExportValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Characters of a clause's or passage's text shown as its label: enough to recognise it, short enough to draw. */
const LABEL_TEXT_LENGTH = 24;

/** What Gephi shows on a node: its name, title or metric, else the start of its text, else its id. */
export function displayLabel(node: ExportNode): string {
  for (const key of ['name', 'title', 'metric']) {
    const value = node.properties[key];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  const text = node.properties['text'];
  if (typeof text === 'string' && text.length > 0) {
    const characters = [...text];
    return characters.length > LABEL_TEXT_LENGTH ? `${characters.slice(0, LABEL_TEXT_LENGTH).join('')}…` : text;
  }
  return node.id;
}
