/**
 * The graph (or a filtered part, see cypher/export/) read page by page with
 * keyset pagination on the unique :Node(id) index: memory holds one page,
 * never the graph, and every page costs the same however far the export has
 * come.
 */
import type { Database, Row } from '../../core/database.ts';
import { KgError } from '../../core/errors.ts';
import { versionOf } from '../../core/graph-version.ts';
import { valueKindOf, type ExportNode, type ExportRelationship, type ExportSchema, type ExportValue, type GraphSource, type PropertyKey } from './model.ts';

export interface ExportSelection {
  /** The documents the export starts from; null: the whole graph. */
  readonly documentIds: readonly string[] | null;
  /** Documents' full text too (off by default: it is most of the bytes). */
  readonly withText: boolean;
}

export interface PageSizes {
  readonly nodes: number;
  /** Source nodes per page of relationships. */
  readonly relationships: number;
}

/** Pages are smaller with documents' text, each of which may be hundreds of kilobytes. */
export function defaultPageSizes(withText: boolean): PageSizes {
  return withText ? { nodes: 50, relationships: 1_000 } : { nodes: 1_000, relationships: 1_000 };
}

type Reader = Pick<Database, 'read'>;

function keysOf(rows: readonly Row[]): PropertyKey[] {
  return rows.map((row) => ({
    name: String(row['key']),
    kind: valueKindOf(Array.isArray(row['types']) ? row['types'].map(String) : []),
  }));
}

/** Properties without the absent ones (`null`: the statement left a Document's text out). */
function presentProperties(value: unknown): Record<string, ExportValue> {
  const properties: Record<string, ExportValue> = {};
  if (value === null || typeof value !== 'object') return properties;
  for (const [key, inner] of Object.entries(value)) {
    if (inner !== null && inner !== undefined) properties[key] = inner as ExportValue;
  }
  return properties;
}

/** The graph's version token (cypher/graph/version.cypher), which every write transaction replaces. */
async function graphVersion(database: Reader): Promise<string | null> {
  return versionOf(await database.read('graph/version'));
}

export function graphSource(database: Reader, selection: ExportSelection, pageSizes: PageSizes = defaultPageSizes(selection.withText)): GraphSource {
  const filter = { documentIds: selection.documentIds, withText: selection.withText };
  // Read before the first page, so that any write landing while the export reads is seen at the end.
  let initialVersion: Promise<string | null> | null = null;
  const started = (): Promise<string | null> => (initialVersion ??= graphVersion(database));
  return {
    async verifyUnchanged(): Promise<void> {
      const before = await started();
      const after = await graphVersion(database);
      if (after !== before) {
        throw new KgError(
          'EXPORT_GRAPH_CHANGED',
          'the graph was written to while it was being exported (an ingest ran meanwhile), so what was read is not one state of the graph; run kg export again once the ingest has finished',
        );
      }
    },

    async schema(): Promise<ExportSchema> {
      await started();
      const nodeKeys = keysOf(await database.read('export/node-keys', filter));
      const relationshipKeys = keysOf(await database.read('export/relationship-keys', { documentIds: selection.documentIds }));
      return { nodeKeys, relationshipKeys };
    },

    async *nodes(): AsyncGenerator<ExportNode> {
      await started();
      let after = '';
      for (;;) {
        const rows = await database.read('export/nodes-page', { ...filter, after, limit: pageSizes.nodes });
        for (const row of rows) {
          yield {
            id: String(row['id']),
            labels: Array.isArray(row['labels']) ? row['labels'].map(String) : [],
            properties: presentProperties(row['properties']),
          };
        }
        const last = rows[rows.length - 1];
        if (last === undefined || rows.length < pageSizes.nodes) return;
        after = String(last['id']);
      }
    },

    async *relationships(): AsyncGenerator<ExportRelationship> {
      await started();
      let after = '';
      for (;;) {
        const rows = await database.read('export/relationships-page', { documentIds: selection.documentIds, after, limit: pageSizes.relationships });
        for (const row of rows) {
          const source = String(row['id']);
          const relationships = Array.isArray(row['relationships']) ? (row['relationships'] as Row[]) : [];
          for (const relationship of relationships) {
            yield {
              type: String(relationship['type']),
              source,
              target: String(relationship['target']),
              properties: presentProperties(relationship['properties']),
            };
          }
        }
        const last = rows[rows.length - 1];
        if (last === undefined || rows.length < pageSizes.relationships) return;
        after = String(last['id']);
      }
    },
  };
}
