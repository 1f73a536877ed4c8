/**
 * The two ways of building the graph from scratch give the same graph: the
 * bundled corpus loaded through transactions (`ingestPaths` with `reset`),
 * then through Neo4j's importer (`bulk`, ingest/bulk/build.ts) into the same
 * local test instance; compared node by node and relationship by
 * relationship with their properties (test/integration/graph-dump.ts), by
 * the Cypher type of every property, by counts per label and type, and by
 * the answers of the README operations. A later incremental run then finds
 * every file loaded (the run records came with the bulk build), and an
 * import that fails leaves the database as it was.
 *
 * Needs the project's local test instance (the importer writes its store
 * files): skipped against NEO4J_URI or a container. Leaves the graph empty.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/server.ts';
import { loadConfig } from '../../core/config.ts';
import { KgError } from '../../core/errors.ts';
import { localInstanceConfig } from '../../infra/neo4j/instances.ts';
import { importIntoLocal } from '../../infra/neo4j/import.ts';
import { localBulkBuilder } from '../../app/bulk-import.ts';
import type { BulkBuildOutcome, BulkBuilder } from '../../ingest/bulk/build.ts';
import { ARRAY_DELIMITER_OPTION } from '../../ingest/bulk/csv.ts';
import { ingestPaths, type IngestSummary } from '../../ingest/ingest.ts';
import { graphCounts, resetGraph } from '../../ingest/load.ts';
import { differences, dumpGraph, type GraphDump } from './graph-dump.ts';
import { graphql, testDatabase, testLimits } from './helpers.ts';
import { localTestInstance } from './local-neo4j.ts';
import { userDocOperations } from '../user-docs.ts';

const config = loadConfig();
const local = localTestInstance();
const BUILD_TIMEOUT_MS = 900_000;

/** Neo4j's element ids (`5:<database id>:4471`) number records in the store: any two builds differ in them. */
const ELEMENT_ID = /^\d+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:\d+$/;

function withoutElementIds(value: unknown): unknown {
  if (typeof value === 'string') return ELEMENT_ID.test(value) ? '<elementId>' : value;
  if (Array.isArray(value)) return value.map(withoutElementIds);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutElementIds(inner)]));
  return value;
}

interface Built {
  readonly summary: IngestSummary;
  readonly dump: GraphDump;
  readonly types: string[];
  readonly answers: Map<string, unknown>;
}

describe.skipIf(local === null)('a bulk build through neo4j-admin database import', () => {
  const database = testDatabase();
  const api = createApi({ database, limits: testLimits() });
  const log = (line: string) => console.log(`[bulk] ${line}`);
  // Every operation the README and docs/ show, so both build paths answer the users' questions alike.
  const examples = userDocOperations();
  let outcome: BulkBuildOutcome | null = null;
  // Records what the builder did, so the test knows the importer (not the fallback) built the graph.
  const inner = localBulkBuilder(localInstanceConfig(config, 'test'), 'test', config.neo4j.database, log);
  const bulk: BulkBuilder = {
    async build(input, target) {
      outcome = await inner.build(input, target);
      return outcome;
    },
  };

  async function snapshot(summary: IngestSummary): Promise<Built> {
    const [dump, typeRows] = await Promise.all([dumpGraph(database), database.read('test-property-types')]);
    const types = typeRows
      .map((row) => `${String(row['kind'])} ${[...(row['owner'] as string[])].sort().join(':')}.${String(row['key'])} ${String(row['type'])} ×${String(row['count'])}`)
      .sort();
    const answers = new Map<string, unknown>();
    for (const example of examples) answers.set(`${example.file}: ${example.name}`, withoutElementIds(await graphql(api, example.operation, example.variables)));
    return { summary, dump, types, answers };
  }

  let transactional: Built | null = null;
  let bulkBuilt: Built | null = null;

  afterAll(async () => {
    try {
      await resetGraph(database);
    } finally {
      await database.close();
    }
  }, BUILD_TIMEOUT_MS);

  it(
    'builds the bundled corpus through transactions, then through the importer',
    async () => {
      transactional = await snapshot(await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir, reset: true }));
      bulkBuilt = await snapshot(await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir, reset: true, bulk }));
      expect(outcome, 'the importer built the graph (not the transactional fallback)').not.toBeNull();
      expect(bulkBuilt.summary.problems).toEqual(transactional.summary.problems);
      expect(bulkBuilt.summary.loaded).toEqual(transactional.summary.loaded);
      expect(bulkBuilt.summary.written).toEqual(transactional.summary.written);
      expect(bulkBuilt.summary.links).toEqual(transactional.summary.links);
      expect(bulkBuilt.summary.orphansRemoved).toBe(transactional.summary.orphansRemoved);
    },
    BUILD_TIMEOUT_MS,
  );

  it('gives the same counts per label and per relationship type', () => {
    expect(transactional?.dump.counts.labels['Assignment'] ?? 0).toBeGreaterThan(100);
    expect(bulkBuilt?.dump.counts).toEqual(transactional?.dump.counts);
  });

  it('gives the same nodes and relationships with the same properties, run records included', () => {
    if (!transactional || !bulkBuilt) throw new Error('the builds did not run');
    expect(differences(transactional.dump, bulkBuilt.dump)).toEqual({ missing: [], unexpected: [] });
    expect(bulkBuilt.dump.hash).toBe(transactional.dump.hash);
  });

  it('gives every property the same Cypher type', () => {
    expect(transactional?.types.length ?? 0).toBeGreaterThan(20);
    expect(bulkBuilt?.types).toEqual(transactional?.types);
  });

  it('answers every README operation the same way (element ids aside)', () => {
    if (!transactional || !bulkBuilt) throw new Error('the builds did not run');
    expect(examples.length).toBeGreaterThanOrEqual(31);
    const before = transactional.answers;
    const differing = [...bulkBuilt.answers].filter(([name, answer]) => JSON.stringify(answer) !== JSON.stringify(before.get(name))).map(([name]) => name);
    expect(differing).toEqual([]);
    for (const example of examples) {
      const name = `${example.file}: ${example.name}`;
      expect(bulkBuilt.answers.get(name), name).toEqual(before.get(name));
    }
  });

  it(
    'leaves run records so that an incremental run skips every unchanged file',
    async () => {
      const again = await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir });
      expect(again.loaded).toEqual([]);
      expect(again.skipped.length).toBe(bulkBuilt?.summary.loaded.length);
      expect(again.problems).toEqual([]);
    },
    BUILD_TIMEOUT_MS,
  );

  it(
    'keeps the database as it was when the import fails, with the importer\'s reason',
    async () => {
      const before = await graphCounts(database);
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-bad-'));
      try {
        const file = path.join(directory, 'nodes.csv');
        // A relationship to a node that does not exist: the importer refuses it (bad tolerance 0).
        fs.writeFileSync(file, 'id:ID(Node)\n"a"\n');
        const relationships = path.join(directory, 'relationships.csv');
        fs.writeFileSync(relationships, ':START_ID(Node),:END_ID(Node)\n"a","missing"\n');
        const failure = await importIntoLocal(
          localInstanceConfig(config, 'test'),
          'test',
          {
            database: config.neo4j.database,
            sources: [
              { kind: 'nodes', name: 'Node:Task', file },
              { kind: 'relationships', name: 'PART_OF', file: relationships },
            ],
            arrayDelimiter: ARRAY_DELIMITER_OPTION,
            longestField: 10,
          },
          log,
        ).then(
          () => null,
          (error: unknown) => error,
        );
        expect(failure).toBeInstanceOf(KgError);
        expect((failure as KgError).code).toBe('BULK_IMPORT_FAILED');
        expect((failure as KgError).message).toMatch(/missing/);
        expect(await graphCounts(database)).toEqual(before);
      } finally {
        fs.rmSync(directory, { recursive: true, force: true });
      }
    },
    BUILD_TIMEOUT_MS,
  );
});
