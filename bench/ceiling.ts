/**
 * The ceiling every ingest figure is compared with, measured in the same run
 * on the same server: the very records the corpus makes (its documents,
 * owned nodes, shared entities deduplicated by id, relationships; so the same
 * labels, relationship types and property sizes, full texts included),
 * written into the empty graph with one plain `UNWIND $rows … CREATE`
 * statement per batch of 2,000 rows (cypher in bench/cypher/), each batch its
 * own transaction, under the schema the ingest writes under (the id
 * constraint, indexes and the full-text index). No parsing, resolution,
 * change detection, deletes, merges or links: the database's own cost of
 * storing these records, which the ingest can approach but not beat.
 *
 * Each statement is planned once before the clock starts (run with no rows):
 * planning ~20 distinct statements on a cold server is a fixed cost of a few
 * seconds on a loaded machine, which at ×1 (6,000 records) was most of the
 * measured time and made the ceiling look like 744 records/s.
 */
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { PROJECT_ROOT } from '../core/config.ts';
import { loadCypherCatalog } from '../core/cypher.ts';
import { toDriverValue, type Parameters } from '../core/database.ts';
import type { DocumentGraph, NodeRecord, Properties, RelationshipRecord } from '../ingest/graph/records.ts';
import { OWNED_LABELS, RELATIONSHIP_TYPES, SHARED_LABELS, SHARED_RELATIONSHIP_TYPES } from '../ingest/graph/records.ts';

const LABELS = ['Document', ...OWNED_LABELS, ...SHARED_LABELS] as const;
const TYPES = [...new Set([...RELATIONSHIP_TYPES, ...SHARED_RELATIONSHIP_TYPES])];
const BATCH = 2_000;

const catalog = loadCypherCatalog(path.join(PROJECT_ROOT, 'bench', 'cypher'), {
  'ceiling-nodes': LABELS,
  'ceiling-relationships': TYPES,
});

export interface CeilingRecords {
  readonly nodes: ReadonlyMap<string, { id: string; properties: Properties }[]>;
  readonly relationships: ReadonlyMap<string, { from: string; to: string; properties: Properties }[]>;
  readonly count: number;
}

/** The records of these graphs as one load would write them: shared nodes and shared relationships once. */
export function ceilingRecords(graphs: readonly DocumentGraph[]): CeilingRecords {
  const nodes = new Map<string, Map<string, NodeRecord>>();
  const relationships = new Map<string, Map<string, RelationshipRecord>>();
  const addNode = (label: string, record: NodeRecord) => {
    let map = nodes.get(label);
    if (map === undefined) nodes.set(label, (map = new Map()));
    if (!map.has(record.id)) map.set(record.id, record);
  };
  const addRelationship = (type: string, record: RelationshipRecord, key: string) => {
    let map = relationships.get(type);
    if (map === undefined) relationships.set(type, (map = new Map()));
    if (!map.has(key)) map.set(key, record);
  };
  let owned = 0;
  for (const graph of graphs) {
    addNode('Document', graph.document);
    for (const label of OWNED_LABELS) for (const record of graph.owned[label]) addNode(label, record);
    for (const label of SHARED_LABELS) for (const record of graph.shared[label]) addNode(label, record);
    for (const type of RELATIONSHIP_TYPES) for (const record of graph.relationships[type]) addRelationship(type, record, String(owned++));
    for (const type of SHARED_RELATIONSHIP_TYPES) for (const record of graph.sharedRelationships[type]) addRelationship(type, record, `${record.from}\u0000${record.to}`);
  }
  let count = 0;
  const plainNodes = new Map([...nodes].map(([label, map]) => [label, [...map.values()].map((record) => ({ id: record.id, properties: record.properties }))]));
  const plainRelationships = new Map([...relationships].map(([type, map]) => [type, [...map.values()]]));
  for (const list of plainNodes.values()) count += list.length;
  for (const list of plainRelationships.values()) count += list.length;
  return { nodes: plainNodes, relationships: plainRelationships, count };
}

export interface CeilingResult {
  readonly records: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
  readonly nodesPerSecond: number;
  readonly relationshipsPerSecond: number;
  /** Statements run (one per batch of rows) and the time spent planning them before the clock started. */
  readonly statements: number;
  readonly planningSeconds: number;
}

/** Writes `records` into the (empty) graph and times it; the caller resets the graph afterwards. */
export async function measureCeiling(uri: string, user: string, password: string, database: string, records: CeilingRecords): Promise<CeilingResult> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  let statements = 0;
  const run = async (statement: string, rows: readonly unknown[]): Promise<number> => {
    let written = 0;
    for (let start = 0; start < rows.length; start += BATCH) {
      statements += 1;
      const batch = rows.slice(start, start + BATCH);
      const result = await session.executeWrite((transaction) => transaction.run(statement, toDriverValue({ rows: batch }) as Parameters));
      written += Number(result.records[0]?.get('written') ?? 0);
    }
    return written;
  };
  try {
    const planning = performance.now();
    for (const label of LABELS) await session.executeWrite((transaction) => transaction.run(catalog.statement(`ceiling-nodes:${label}`), { rows: [] }));
    for (const type of TYPES) await session.executeWrite((transaction) => transaction.run(catalog.statement(`ceiling-relationships:${type}`), { rows: [] }));
    const planningSeconds = (performance.now() - planning) / 1000;
    const started = performance.now();
    let nodes = 0;
    for (const label of LABELS) nodes += await run(catalog.statement(`ceiling-nodes:${label}`), records.nodes.get(label) ?? []);
    const nodesDone = performance.now();
    let relationships = 0;
    for (const type of TYPES) relationships += await run(catalog.statement(`ceiling-relationships:${type}`), records.relationships.get(type) ?? []);
    const finished = performance.now();
    const seconds = (finished - started) / 1000;
    return {
      records: nodes + relationships,
      seconds,
      recordsPerSecond: (nodes + relationships) / seconds,
      nodesPerSecond: nodes / ((nodesDone - started) / 1000),
      relationshipsPerSecond: relationships / ((finished - nodesDone) / 1000),
      statements,
      planningSeconds,
    };
  } finally {
    await session.close();
    await driver.close();
  }
}
