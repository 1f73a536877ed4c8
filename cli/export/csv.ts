/**
 * CSV for spreadsheets (RFC 4180: CRLF line ends, a header row, fields with a
 * comma, quote, line break or other control character quoted, quotes doubled),
 * preceded by a UTF-8 byte-order mark, without which Excel reads UTF-8 as the
 * local code page and the Chinese text comes out garbled.
 *
 * One nodes.csv and one relationships.csv rather than a file per label: a
 * reader joins relationships to nodes by id in one place, Gephi's spreadsheet
 * import takes exactly one node table and one edge table, and a label's
 * columns are easy to filter in a spreadsheet, whereas twenty files with their
 * own headers are not easy to load together. Columns a label lacks stay empty.
 */
import { valueText, type ExportNode, type ExportRelationship, type ExportSchema } from './model.ts';

export const CSV_BOM = '\uFEFF';

/** Control characters too: some readers end a record at a lone CR or choke on NUL outside quotes. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_QUOTES = /[",\u0000-\u001F\u007F]/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Label lists in one cell, `;`-separated (a graph node has one label besides :Node, in practice). */
const joinLabels = (labels: readonly string[]): string => labels.join(';');

export function nodeCsvHeader(schema: ExportSchema): string {
  return csvRow(['id', 'labels', ...schema.nodeKeys.map((key) => key.name)]);
}

export function nodeCsvRow(node: ExportNode, schema: ExportSchema): string {
  return csvRow([node.id, joinLabels(node.labels), ...schema.nodeKeys.map((key) => cell(node.properties[key.name]))]);
}

export function relationshipCsvHeader(schema: ExportSchema): string {
  return csvRow(['source', 'target', 'type', ...schema.relationshipKeys.map((key) => key.name)]);
}

export function relationshipCsvRow(relationship: ExportRelationship, schema: ExportSchema): string {
  return csvRow([
    relationship.source,
    relationship.target,
    relationship.type,
    ...schema.relationshipKeys.map((key) => cell(relationship.properties[key.name])),
  ]);
}

function cell(value: ExportNode['properties'][string] | undefined): string {
  return value === undefined ? '' : valueText(value);
}
