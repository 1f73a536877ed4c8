/**
 * The batch writer against a recording fake database: which statements a
 * batch sends: no deletes for documents the graph is known not to hold.
 */
import { describe, expect, it } from 'vitest';
import type { CypherName } from '../../core/cypher.ts';
import type { Database, Parameters, WriteTransaction } from '../../core/database.ts';
import { OWNED_LABELS, RELATIONSHIP_TYPES, SHARED_LABELS, SHARED_RELATIONSHIP_TYPES, type DocumentGraph } from '../../ingest/graph/records.ts';
import { BatchWriter, type BatchRun } from '../../ingest/write-batches.ts';

interface Recorded {
  readonly statement: CypherName;
  readonly parameters: Parameters;
}

/** A database whose writes record their statements, one list per transaction; nothing else is used. */
function recordingDatabase(): { database: Database; transactions: Recorded[][] } {
  const transactions: Recorded[][] = [];
  const unused = (): never => {
    throw new Error('not used by the batch writer');
  };
  const database: Database = {
    uri: 'bolt://fake',
    read: unused,
    readOnce: unused,
    async write<T>(work: (transaction: WriteTransaction) => Promise<T>): Promise<T> {
      const statements: Recorded[] = [];
      transactions.push(statements);
      return work({
        run: async (statement, parameters = {}) => {
          statements.push({ statement, parameters });
          return [];
        },
      });
    },
    applySchema: unused,
    serverInfo: unused,
    probe: unused,
    verifyConnectivity: unused,
    close: async () => undefined,
  };
  return { database, transactions };
}

function byKey<K extends string, V>(keys: readonly K[], value: () => V): Record<K, V> {
  return Object.fromEntries(keys.map((key) => [key, value()])) as Record<K, V>;
}

/** A document with `passages` owned nodes (so 1 + passages records). */
function graphOf(id: string, passages = 0): DocumentGraph {
  const owned = byKey(OWNED_LABELS, () => [] as { id: string; properties: Record<string, string> }[]);
  owned.Passage = Array.from({ length: passages }, (_, index) => ({ id: `${id}/p${index}`, properties: { documentId: id } }));
  return {
    document: { id, properties: { documentId: id } },
    owned,
    shared: byKey(SHARED_LABELS, () => []),
    relationships: byKey(RELATIONSHIP_TYPES, () => []),
    sharedRelationships: byKey(SHARED_RELATIONSHIP_TYPES, () => []),
  };
}

function batchRun(): BatchRun {
  return { step: '', loaded: [], remaining: new Set(), written: { nodes: 0, relationships: 0 }, fail: () => undefined };
}

const DELETES: readonly CypherName[] = ['load/delete-documents-oversight', 'load/delete-documents'];

describe('BatchWriter', () => {
  it('deletes the old subgraphs of the documents the graph may hold, and sends no delete for a batch of new ones', async () => {
    const { database, transactions } = recordingDatabase();
    const writer = new BatchWriter(batchRun(), database, { documents: 3, records: 1_000 }, () => undefined);
    await writer.add(graphOf('new-1'), 'a.txt', { index: 1, total: 6, documentId: 'new-1' }, false);
    await writer.add(graphOf('old-1'), 'a.txt', { index: 2, total: 6, documentId: 'old-1' }, true);
    await writer.add(graphOf('new-2'), 'a.txt', { index: 3, total: 6, documentId: 'new-2' }, false);
    for (const id of ['new-3', 'new-4', 'new-5']) await writer.add(graphOf(id), 'b.txt', { index: 4, total: 6, documentId: id }, false);
    await writer.flush();
    expect(transactions).toHaveLength(2);
    const [mixed, fresh] = transactions as [Recorded[], Recorded[]];
    const deletes = mixed.filter((entry) => DELETES.includes(entry.statement));
    expect(deletes.map((entry) => entry.parameters['documentIds'])).toEqual([['old-1'], ['old-1']]);
    expect(fresh.some((entry) => DELETES.includes(entry.statement))).toBe(false);
    const documents = fresh.find((entry) => entry.statement === 'load/documents')?.parameters['rows'] as { id: string }[];
    expect(documents.map((row) => row.id)).toEqual(['new-3', 'new-4', 'new-5']);
  });
});
