/** `node(id)`, `neighborhood(id)`, the Node interface and the JSON scalar. */
import { Kind, type ValueNode } from 'graphql';
import { KgError } from '../../core/errors.ts';
import type { ApiContext } from '../context.ts';
import { checkRange, checkText } from '../input.ts';
import { NEIGHBORHOOD_MAX_DEPTH, NEIGHBORHOOD_MAX_LIMIT } from '../limits.ts';
import { selectsAny, type SelectionInfo } from '../selection.ts';
import { asRow, asRows, formerAgencyName, idOf, nodeByIdOrFormerId, nodeTypeName, type Row } from './support.ts';

function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.LIST:
      return node.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalValue(field.value)]));
    default:
      return null;
  }
}

/** The JSON scalar's behaviour, given to graphql-tools as a scalar resolver. */
const jsonScalar = {
  serialize: (value: unknown) => value,
  parseValue: (value: unknown) => value,
  parseLiteral: literalValue,
};

/** Property names that are bookkeeping of this API, not of the graph. */
const HIDDEN_PROPERTIES = new Set(['_labels']);
const NAME_PROPERTIES = ['name', 'title', 'metric'] as const;
const DISPLAY_TEXT_LENGTH = 30;

/** Stored properties with their keys in a fixed order: Neo4j gives them in store order, which two builds of one graph need not share. */
function sortedProperties(given: unknown): unknown {
  if (given === null || typeof given !== 'object' || Array.isArray(given)) return given;
  const properties = given as Row;
  return Object.fromEntries(Object.keys(properties).sort().map((key) => [key, properties[key]]));
}

/** A node's stored properties (not this API's bookkeeping, not nulls), keys sorted. */
function nodeProperties(row: Row): Row {
  const properties: Row = {};
  for (const key of Object.keys(row).sort()) {
    const value = row[key];
    if (!HIDDEN_PROPERTIES.has(key) && value !== null && value !== undefined) properties[key] = value;
  }
  return properties;
}

/** A GraphNode: `properties` is made only when asked for (GraphNode.properties), from `row`. */
function graphNode(row: Row): Row {
  const label = nodeTypeName(row) ?? (Array.isArray(row['_labels']) ? String((row['_labels'] as unknown[]).find((l) => l !== 'Node') ?? 'Node') : 'Node');
  const named = NAME_PROPERTIES.map((key) => row[key]).find((value) => typeof value === 'string' && value.length > 0);
  const text = typeof row['text'] === 'string' ? row['text'].slice(0, DISPLAY_TEXT_LENGTH) : null;
  return { id: idOf(row), label, name: named ?? text, row };
}

/** The fields below `neighborhood` that need every stored property (cypher/api/neighborhood's $withProperties). */
const PROPERTY_FIELDS: ReadonlySet<string> = new Set(['properties']);

interface NeighborhoodArguments {
  readonly id: string;
  readonly depth?: number | null;
  readonly limit?: number | null;
}

/**
 * One statement (cypher/api/neighborhood) walks the rings and brings the edges
 * among the nodes it kept. Only when the id is a former agency id that agencies
 * of several places answer to does the API choose the agency first (or refuse,
 * naming them) and walk from the chosen one: a second round trip.
 */
async function neighborhood(_parent: unknown, args: NeighborhoodArguments, context: ApiContext, info: SelectionInfo): Promise<Row> {
  const id = checkText('id', args.id);
  const depth = checkRange('depth', args.depth ?? 1, 1, NEIGHBORHOOD_MAX_DEPTH);
  const limit = checkRange('limit', args.limit ?? 100, 1, NEIGHBORHOOD_MAX_LIMIT);
  const withProperties = selectsAny(info, PROPERTY_FIELDS);
  const walk = async (startId: string, formerName: string | null) =>
    (await context.database.read('api/neighborhood', { id: startId, formerName, depth, limit, withProperties }))[0];
  let walked = await walk(id, formerAgencyName(id));
  if (walked?.['ambiguous'] === true) {
    const start = await nodeByIdOrFormerId(context, 'id', id);
    walked = start ? await walk(idOf(start), null) : undefined;
  }
  const nodes = asRows(walked?.['nodes']);
  if (nodes.length === 0) throw new KgError('NOT_FOUND', `No node with id "${id}"`);
  return { nodes: nodes.map(graphNode), edges: asRows(walked?.['edges']), truncated: walked?.['truncated'] === true };
}

export const graphResolvers = {
  JSON: jsonScalar,
  Node: {
    __resolveType: (row: Row) => nodeTypeName(row),
  },
  Mentionable: {
    __resolveType: (row: Row) => nodeTypeName(row),
  },
  GraphNode: {
    properties: (node: Row) => nodeProperties(asRow(node['row'])),
  },
  GraphEdge: {
    properties: (edge: Row) => sortedProperties(edge['properties']),
  },
  Query: {
    node: (_parent: unknown, args: { id: string }, context: ApiContext) => nodeByIdOrFormerId(context, 'id', checkText('id', args.id)),
    neighborhood,
  },
};
