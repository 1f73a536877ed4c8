/**
 * Writes a merged graph (./merge.ts) as CSV files for `neo4j-admin database
 * import full`, with typed headers so every property gets the type the
 * transactional load gives it: whole numbers travel as Cypher integers there
 * (core/database.ts `toDriverValue`), so they are `long` here and other
 * numbers `double`; lists are `string[]` / `long[]` / `double[]`.
 *
 * What keeps the importer fast (docs/performance.md, "Bulk builds"):
 * - the `:ID` column is the node's position in the file, an integer
 *   (`--id-type=integer`: no string id map to build and sort); the project's
 *   id is the `id` property, and relationships name their ends by position;
 * - labels are a `:LABEL` column and types a `:TYPE` column, so all nodes go
 *   in as few files as their property types allow (the importer samples every
 *   file before it starts): one file per set of columns whose types agree, a
 *   record going into the first file it fits, a property it does not have
 *   left empty (the importer reads an unquoted empty field as no value);
 * - line breaks stay in their quoted fields (`multiline` on the file, so the
 *   importer reads with `--multiline-fields=true`). Writing them as marks and
 *   restoring them after the import was measured slower: Document texts, most
 *   of the store's bytes, nearly all hold line breaks, and rewriting them took
 *   31 s at ×100, far more than the multiline reading costs (docs/performance.md).
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

/** Between list elements and labels: a control character no cleaned text or id holds (checked per value). */
export const ARRAY_DELIMITER = '\u001f';
/** The same, as the importer's option spells it. */
export const ARRAY_DELIMITER_OPTION = 'U+001F';
/** Every node is in this id space, and has this label. */
const ID_SPACE = 'Node';

type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'string[]' | 'long[]' | 'double[]';

export interface CsvSource {
  readonly kind: 'nodes' | 'relationships';
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
const LINE_BREAK = /[\n\r]/;

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

  row(line: string, longest: number, multiline: boolean): void {
    if (longest > this.longestField) this.longestField = longest;
    if (multiline) this.multiline = true;
    this.records += 1;
    this.push(line);
  }

  private push(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size > 1 << 22) this.flush();
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

/** The columns of one file: property key → type, in the order first seen. */
type Columns = Map<string, ColumnType>;

/**
 * Files for one kind of record: each record goes into the first file whose
 * columns agree with its properties' types (a key of another type there
 * would change the value's Cypher type), widening that file's columns.
 */
class FileGroups {
  readonly columns: Columns[] = [];

  /** The file of these properties, in a first pass over the records. */
  place(properties: Readonly<Record<string, PropertyValue>>): number {
    const typed: [string, ColumnType][] = [];
    for (const key in properties) {
      const type = columnType(properties[key] as PropertyValue);
      if (type !== null) typed.push([key, type]);
    }
    let index = this.columns.findIndex((columns) => typed.every(([key, type]) => (columns.get(key) ?? type) === type));
    if (index < 0) {
      index = this.columns.length;
      this.columns.push(new Map());
    }
    const columns = this.columns[index] as Columns;
    for (const [key, type] of typed) if (!columns.has(key)) columns.set(key, type);
    return index;
  }
}

function checkKeys(properties: Readonly<Record<string, PropertyValue>>): void {
  for (const key in properties) {
    if (!PROPERTY_KEY.test(key) || key === 'id') throw unsupported(`the property key "${key}" cannot be a CSV header field`);
  }
}

const OWNED_TYPES: ReadonlySet<string> = new Set(RELATIONSHIP_TYPES);

/** A relationship CSV cannot carry whole: a list it cannot hold. */
function relationshipDeferred(relationship: BulkRelationship): boolean {
  for (const key in relationship.properties) if (columnType(relationship.properties[key] as PropertyValue) === null) return true;
  return false;
}

/** Writes `graph` into `directory` (created empty). */
export function writeCsv(graph: BulkGraph, directory: string): CsvExport {
  fs.rmSync(directory, { recursive: true, force: true });
  fs.mkdirSync(directory, { recursive: true });
  const deferred: DeferredWrites = { nodeProperties: [], relationships: new Map() };

  // The first pass: which file each record goes into, and each file's columns.
  const position = new Map<string, number>();
  const nodeGroups = new FileGroups();
  const nodeFile = new Uint16Array(graph.nodes.length);
  graph.nodes.forEach((node, index) => {
    checkKeys(node.properties);
    position.set(node.id, index);
    nodeFile[index] = nodeGroups.place(node.properties);
  });
  const relationshipGroups = new FileGroups();
  const kept: BulkRelationship[] = [];
  const relationshipFile: number[] = [];
  for (const relationship of graph.relationships) {
    checkKeys(relationship.properties);
    if (relationshipDeferred(relationship)) {
      if (!OWNED_TYPES.has(relationship.type)) throw unsupported(`a ${relationship.type} relationship with a value CSV cannot hold`);
      const type = relationship.type as RelationshipType;
      const list = deferred.relationships.get(type) ?? [];
      list.push({ from: relationship.from, to: relationship.to, properties: relationship.properties });
      deferred.relationships.set(type, list);
      continue;
    }
    kept.push(relationship);
    relationshipFile.push(relationshipGroups.place(relationship.properties));
  }

  const open = (kind: CsvSource['kind'], groups: FileGroups, fixed: readonly string[]): CsvFile[] =>
    groups.columns.map((columns, index) => {
      const header = [...fixed, ...[...columns].map(([key, type]) => `${key}:${type}`)].join(',');
      return new CsvFile(path.join(directory, `${kind}-${index + 1}.csv`), header);
    });
  const nodeFiles = open('nodes', nodeGroups, [`:ID(${ID_SPACE})`, ':LABEL', 'id:string']);
  const relationshipFiles = open('relationships', relationshipGroups, [`:START_ID(${ID_SPACE})`, `:END_ID(${ID_SPACE})`, ':TYPE']);
  const all = [...nodeFiles, ...relationshipFiles];
  // The fields after the fixed ones: their longest, for the read buffer, and whether one holds a line break.
  let longest = 0;
  let multiline = false;
  const values = (columns: Columns, properties: Readonly<Record<string, PropertyValue>>, onDeferred: (key: string, value: PropertyValue) => void): string => {
    let line = '';
    for (const [key, type] of columns) {
      const value = properties[key];
      let text = '';
      if (value !== undefined) {
        if (columnType(value) === null) onDeferred(key, value);
        else text = field(value, type);
        if (!multiline && typeof value === 'string' && LINE_BREAK.test(value)) multiline = true;
      }
      if (text.length > longest) longest = text.length;
      line += `,${text}`;
    }
    return line;
  };

  try {
    graph.nodes.forEach((node: BulkNode, index) => {
      const group = nodeFile[index] as number;
      const columns = nodeGroups.columns[group] as Columns;
      const later: Record<string, PropertyValue> = {};
      let hasLater = false;
      // A property the file has no column for is one CSV cannot carry (place() gave the file every other).
      for (const key in node.properties) {
        if (!columns.has(key)) {
          later[key] = node.properties[key] as PropertyValue;
          hasLater = true;
        }
      }
      longest = 0;
      multiline = LINE_BREAK.test(node.id);
      const rest = values(columns, node.properties, (key, value) => {
        later[key] = value;
        hasLater = true;
      });
      if (hasLater) deferred.nodeProperties.push({ id: node.id, properties: later });
      const id = quote(node.id);
      if (id.length > longest) longest = id.length;
      (nodeFiles[group] as CsvFile).row(`${index},${ID_SPACE}${ARRAY_DELIMITER}${node.label},${id}${rest}\n`, longest, multiline);
    });
    kept.forEach((relationship, index) => {
      const group = relationshipFile[index] as number;
      const from = position.get(relationship.from);
      const to = position.get(relationship.to);
      if (from === undefined || to === undefined) throw unsupported(`a ${relationship.type} relationship to a node the graph does not hold (${relationship.from} → ${relationship.to})`);
      longest = 0;
      multiline = false;
      const rest = values(relationshipGroups.columns[group] as Columns, relationship.properties, () => undefined);
      (relationshipFiles[group] as CsvFile).row(`${from},${to},${relationship.type}${rest}\n`, longest, multiline);
    });
  } finally {
    for (const csv of all) csv.close();
  }
  const sources = [
    ...nodeFiles.map((csv) => ({ kind: 'nodes' as const, file: csv.file, records: csv.records, multiline: csv.multiline })),
    ...relationshipFiles.map((csv) => ({ kind: 'relationships' as const, file: csv.file, records: csv.records, multiline: csv.multiline })),
  ];
  return {
    sources,
    deferred,
    nodes: graph.nodes.length,
    relationships: kept.length,
    // UTF-16 length × 3 bounds the UTF-8 bytes of a field.
    longestField: Math.max(0, ...all.map((csv) => csv.longestField)) * 3,
    bytes: all.reduce((sum, csv) => sum + csv.bytes, 0),
  };
}
