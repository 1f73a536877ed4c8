/**
 * Writes a merged graph (./merge.ts) as CSV files for `neo4j-admin database
 * import full`, with typed headers so every property gets the type the
 * transactional load gives it: whole numbers travel as Cypher integers there
 * (core/database.ts `toDriverValue`), so they are `long` here and other
 * numbers `double`; lists are `string[]` / `long[]` / `double[]`.
 *
 * Records are grouped by label (or type) and by the keys and types of their
 * properties, one file per group with its own header, so a property a record
 * does not have is absent rather than null, and a key whose values have
 * different types in different records keeps each record's type.
 *
 * What CSV cannot say is kept aside for a Cypher write after the import
 * (`deferred`): an empty list (the importer reads an empty field as no
 * value) and a list element that is empty or holds the array delimiter.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KgError } from '../../core/errors.ts';
import { RELATIONSHIP_TYPES, type PropertyValue, type RelationshipType } from '../graph/records.ts';
import type { BulkGraph, BulkNode, BulkRelationship } from './merge.ts';

/** Between list elements: a control character no cleaned text or id holds (checked per value). */
export const ARRAY_DELIMITER = '\u001f';
/** The same, as the importer's option spells it. */
export const ARRAY_DELIMITER_OPTION = 'U+001F';

type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'long[]' | 'double[]';

export interface CsvSource {
  readonly kind: 'nodes' | 'relationships';
  /** `Node:Assignment` for nodes, the type for relationships. */
  readonly name: string;
  readonly file: string;
  readonly records: number;
  /** Some field holds a line break (the importer must read the file in one piece). */
  readonly multiline: boolean;
}

export interface DeferredWrites {
  /** Properties to set on nodes after the import (`bulk/node-properties`). */
  readonly nodeProperties: { readonly id: string; readonly properties: Record<string, PropertyValue> }[];
  /** Relationships written whole after the import, by their load statement (`load/relationships:<type>`). */
  readonly relationships: Map<RelationshipType, { readonly from: string; readonly to: string; readonly properties: Record<string, PropertyValue> }[]>;
}

export interface CsvExport {
  readonly sources: readonly CsvSource[];
  readonly deferred: DeferredWrites;
  readonly nodes: number;
  readonly relationships: number;
  /** Bytes of the longest field, for the importer's read buffer. */
  readonly longestField: number;
  readonly bytes: number;
}

const PROPERTY_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function unsupported(message: string): KgError {
  return new KgError('BULK_IMPORT_FAILED', `The bulk build cannot write this graph as CSV: ${message}. Run "kg ingest" without --reset on an existing graph, or report the document.`);
}

/** The column type of a value, or null when CSV cannot carry it (deferred). */
function columnType(value: PropertyValue): ColumnType | null {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'long' : 'double';
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    if (value.every((item) => typeof item === 'string')) {
      return value.every((item) => item !== '' && !item.includes(ARRAY_DELIMITER)) ? 'string[]' : null;
    }
    if (value.every((item) => typeof item === 'number')) {
      // The driver sends each element as it sends a number: a list mixing the two kinds is not one Cypher list type.
      const integers = value.every((item) => Number.isSafeInteger(item));
      const floats = value.every((item) => !Number.isSafeInteger(item));
      if (integers) return 'long[]';
      if (floats) return 'double[]';
    }
  }
  throw unsupported(`a property value of an unsupported shape (${JSON.stringify(value).slice(0, 80)})`);
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function field(value: PropertyValue, type: ColumnType): string {
  switch (type) {
    case 'string':
      return quote(value as string);
    case 'string[]':
      return quote((value as readonly string[]).join(ARRAY_DELIMITER));
    case 'long[]':
    case 'double[]':
      return (value as readonly number[]).map(String).join(ARRAY_DELIMITER);
    default:
      return String(value);
  }
}

/** A CSV file written in large chunks. */
class CsvFile {
  private chunks: string[] = [];
  private size = 0;
  private readonly descriptor: number;
  records = 0;
  bytes = 0;
  longestField = 0;
  multiline = false;

  constructor(readonly file: string, header: string) {
    this.descriptor = fs.openSync(file, 'w');
    this.push(`${header}\n`);
  }

  row(fields: readonly string[]): void {
    for (const value of fields) {
      if (value.length > this.longestField) this.longestField = value.length;
      if (!this.multiline && (value.includes('\n') || value.includes('\r'))) this.multiline = true;
    }
    this.records += 1;
    this.push(`${fields.join(',')}\n`);
  }

  private push(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.chunks.length === 0) return;
    const buffer = Buffer.from(this.chunks.join(''), 'utf8');
    fs.writeSync(this.descriptor, buffer);
    this.bytes += buffer.length;
    this.chunks = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    fs.closeSync(this.descriptor);
  }
}

interface Typed {
  readonly columns: readonly (readonly [string, ColumnType])[];
  readonly signature: string;
  readonly deferred: Record<string, PropertyValue>;
}

function typedProperties(properties: Readonly<Record<string, PropertyValue>>): Typed {
  const columns: [string, ColumnType][] = [];
  const deferred: Record<string, PropertyValue> = {};
  for (const key of Object.keys(properties).sort()) {
    if (!PROPERTY_KEY.test(key)) throw unsupported(`the property key "${key}" cannot be a CSV header field`);
    const value = properties[key] as PropertyValue;
    const type = columnType(value);
    if (type === null) deferred[key] = value;
    else columns.push([key, type]);
  }
  return { columns, signature: columns.map(([key, type]) => `${key}:${type}`).join(','), deferred };
}

const OWNED_TYPES: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);

/** Writes `graph` into `directory` (created empty); nodes live in the id space `Node`. */
export function writeCsv(graph: BulkGraph, directory: string): CsvExport {
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  const files = new Map<string, { source: Omit<CsvSource, 'records' | 'multiline'>; csv: CsvFile }>();
  const fileFor = (kind: CsvSource['kind'], name: string, typed: Typed, header: string): CsvFile => {
    const key = `${kind}|${name}|${typed.signature}`;
    let entry = files.get(key);
    if (entry === undefined) {
      const file = path.join(directory, `${kind}-${name.replace(/\W/g, '_')}-${files.size + 1}.csv`);
      entry = { source: { kind, name, file }, csv: new CsvFile(file, header) };
      files.set(key, entry);
    }
    return entry.csv;
  };
  const deferred: DeferredWrites = { nodeProperties: [], relationships: new Map() };
  const columnsOf = (typed: Typed): string[] => typed.columns.map(([key, type]) => `${key}:${type}`);
  const valuesOf = (typed: Typed, properties: Readonly<Record<string, PropertyValue>>): string[] => typed.columns.map(([key, type]) => field(properties[key] as PropertyValue, type));

  const writeNode = (node: BulkNode): void => {
    const typed = typedProperties(node.properties);
    const name = `Node:${node.label}`;
    const csv = fileFor('nodes', name, typed, ['id:ID(Node)', ...columnsOf(typed)].join(','));
    csv.row([quote(node.id), ...valuesOf(typed, node.properties)]);
    if (Object.keys(typed.deferred).length > 0) deferred.nodeProperties.push({ id: node.id, properties: typed.deferred });
  };
  const writeRelationship = (relationship: BulkRelationship): void => {
    const typed = typedProperties(relationship.properties);
    if (Object.keys(typed.deferred).length > 0) {
      if (!OWNED_TYPES.has(relationship.type)) throw unsupported(`a ${relationship.type} relationship with a list CSV cannot hold`);
      const type = relationship.type as RelationshipType;
      const list = deferred.relationships.get(type) ?? [];
      list.push({ from: relationship.from, to: relationship.to, properties: relationship.properties });
      deferred.relationships.set(type, list);
      return;
    }
    const csv = fileFor('relationships', relationship.type, typed, [':START_ID(Node)', ':END_ID(Node)', ...columnsOf(typed)].join(','));
    csv.row([quote(relationship.from), quote(relationship.to), ...valuesOf(typed, relationship.properties)]);
  };

  try {
    for (const node of graph.nodes) writeNode(node);
    for (const relationship of graph.relationships) writeRelationship(relationship);
  } finally {
    for (const { csv } of files.values()) csv.close();
  }
  const entries = [...files.values()];
  const sources = entries.map(({ source, csv }) => ({ ...source, records: csv.records, multiline: csv.multiline }));
  const count = (kind: CsvSource['kind']) => sources.filter((source) => source.kind === kind).reduce((sum, source) => sum + source.records, 0);
  return {
    sources,
    deferred,
    nodes: count('nodes'),
    relationships: count('relationships'),
    // UTF-16 length × 3 bounds the UTF-8 bytes of a field.
    longestField: Math.max(0, ...entries.map(({ csv }) => csv.longestField)) * 3,
    bytes: entries.reduce((sum, { csv }) => sum + csv.bytes, 0),
  };
}
