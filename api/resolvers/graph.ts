/** `node(id)`, `neighborhood(id)`, the Node interface and the JSON scalar. */
import { Kind, type ValueNode } from 'graphql';
import { KgError } from '../../core/errors.ts';
import type { ApiContext } from '../context.ts';
import { checkRange, checkText } from '../input.ts';
import { NEIGHBORHOOD_MAX_DEPTH, NEIGHBORHOOD_MAX_LIMIT } from '../limits.ts';
import { asRow, asRows, idOf, nodeByIdOrFormerId, nodeTypeName, type Row } from './support.ts';

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

function graphEdge(row: Row): Row {
  const given = row['properties'];
  if (given === null || typeof given !== 'object' || Array.isArray(given)) return row;
  const properties = given as Row;
  return { ...row, properties: Object.fromEntries(Object.keys(properties).sort().map((key) => [key, properties[key]])) };
}

function graphNode(row: Row): Row {
  const label = nodeTypeName(row) ?? (Array.isArray(row['_labels']) ? String((row['_labels'] as unknown[]).find((l) => l !== 'Node') ?? 'Node') : 'Node');
  const properties: Row = {};
  // Keys in a fixed order: Neo4j gives them in store order, which two builds of one graph need not share.
  for (const key of Object.keys(row).sort()) {
    const value = row[key];
    if (!HIDDEN_PROPERTIES.has(key) && value !== null && value !== undefined) properties[key] = value;
  }
  const named = NAME_PROPERTIES.map((key) => row[key]).find((value) => typeof value === 'string' && value.length > 0);
  const text = typeof row['text'] === 'string' ? row['text'].slice(0, DISPLAY_TEXT_LENGTH) : null;
  return { id: idOf(row), label, name: named ?? text, properties };
}

interface NeighborhoodArguments {
  readonly id: string;
  readonly depth?: number | null;
  readonly limit?: number | null;
}

/**
 * Expands ring by ring (one statement per ring, at most three) so that
 * `limit` bounds the work at every step; the last ring's statement also
 * returns the edges among all the collected nodes. A ring before the last may take only half
 * of the room left, so that a hub's first ring cannot crowd out the second
 * (an agency's tasks lie two steps away, behind its clauses).
 */
async function neighborhood(_parent: unknown, args: NeighborhoodArguments, context: ApiContext): Promise<Row> {
  const id = checkText('id', args.id);
  const depth = checkRange('depth', args.depth ?? 1, 1, NEIGHBORHOOD_MAX_DEPTH);
  const limit = checkRange('limit', args.limit ?? 100, 1, NEIGHBORHOOD_MAX_LIMIT);
  // An agency asked for by its id of before jurisdictions (agency:市工业和信息化局) starts from the agency it now is.
  const start = await nodeByIdOrFormerId(context, 'id', id);
  if (!start) throw new KgError('NOT_FOUND', `No node with id "${id}"`);
  const startId = idOf(start);
  const nodes = new Map<string, Row>([[startId, start]]);
  let frontier = [startId];
  let truncated = false;
  let edges: Row[] | undefined;
  for (let ring = 1; ring <= depth && frontier.length > 0; ring += 1) {
    const left = limit - nodes.size;
    if (left <= 0) {
      truncated = true;
      break;
    }
    const room = ring < depth ? Math.ceil(left / 2) : left;
    // One more than there is room for tells whether the ring was cut.
    const parameters = { frontier, seen: [...nodes.keys()], limit: room + 1 };
    let found: Row[];
    if (ring === depth) {
      // The last ring brings the edges among all nodes along: one round trip fewer.
      const last = (await context.database.read('api/neighborhood-last-ring', { ...parameters, room }))[0];
      found = asRows(last?.['found']);
      edges = asRows(last?.['edges']);
    } else {
      found = (await context.database.read('api/neighborhood-expand', parameters)).map((row) => asRow(row['node']));
    }
    if (found.length > room) truncated = true;
    frontier = [];
    for (const node of found.slice(0, room)) {
      nodes.set(idOf(node), node);
      // A place is a hub (every agency and document of 柳州市): it is drawn, but the
      // walk does not go on through it unless it is where the walk starts.
      if (nodeTypeName(node) !== 'Jurisdiction') frontier.push(idOf(node));
    }
  }
  // A walk that stopped before its last ring asks for the edges on their own.
  edges ??= await context.database.read('api/neighborhood-edges', { ids: [...nodes.keys()] });
  return { nodes: [...nodes.values()].map(graphNode), edges: edges.map(graphEdge), truncated };
}

export const graphResolvers = {
  JSON: jsonScalar,
  Node: {
    __resolveType: (row: Row) => nodeTypeName(row),
  },
  Mentionable: {
    __resolveType: (row: Row) => nodeTypeName(row),
  },
  Query: {
    node: (_parent: unknown, args: { id: string }, context: ApiContext) => nodeByIdOrFormerId(context, 'id', checkText('id', args.id)),
    neighborhood,
  },
};
