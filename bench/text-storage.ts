/**
 * Where a document's full text is stored, measured (issue 14 item 2): the
 * corpus' Document records written into the empty graph as the batched
 * ingest writes them (`load/documents`, one statement per batch), three ways:
 *   - in Neo4j: the Document node carries its full text (as today);
 *   - passages only: the Document node without its text (the passages, which
 *     the ingest writes anyway, hold the prose);
 *   - file store: the Document node without its text, and the text written to
 *     a file named by its content hash (fsync'd, as a store must be).
 * The caller resets the graph before and after.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { loadCypherCatalog } from '../core/cypher.ts';
import { toDriverValue, type Parameters } from '../core/database.ts';
import type { DocumentGraph, NodeRecord } from '../ingest/graph/records.ts';

export interface TextStorageResult {
  readonly documents: number;
  readonly textMegabytes: number;
  readonly inNeo4jSeconds: number;
  readonly withoutTextSeconds: number;
  readonly fileStoreSeconds: number;
}

const BATCH = 500;

export async function measureTextStorage(uri: string, user: string, password: string, database: string, graphs: readonly DocumentGraph[], reset: () => Promise<unknown>): Promise<TextStorageResult> {
  const statement = loadCypherCatalog().statement('load/documents');
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  const documents = graphs.map((graph) => graph.document);
  const withoutText = documents.map(({ id, properties }): NodeRecord => ({ id, properties: Object.fromEntries(Object.entries(properties).filter(([key]) => key !== 'text')) }));
  const write = async (rows: readonly NodeRecord[]): Promise<void> => {
    for (let start = 0; start < rows.length; start += BATCH) {
      await session.executeWrite((transaction) => transaction.run(statement, toDriverValue({ rows: rows.slice(start, start + BATCH) }) as Parameters));
    }
  };
  const timed = async (work: () => Promise<void>): Promise<number> => {
    await reset();
    const started = performance.now();
    await work();
    return (performance.now() - started) / 1000;
  };
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-text-store-'));
  try {
    // Planned once before any clock starts.
    await session.executeWrite((transaction) => transaction.run(statement, { rows: [] }));
    const inNeo4jSeconds = await timed(() => write(documents));
    const withoutTextSeconds = await timed(() => write(withoutText));
    const fileStoreSeconds = await timed(async () => {
      await write(withoutText);
      for (const document of documents) {
        const text = String(document.properties['text'] ?? '');
        const file = path.join(store, createHash('sha256').update(text).digest('hex'));
        const handle = fs.openSync(file, 'w');
        try {
          fs.writeSync(handle, text);
          fs.fsyncSync(handle);
        } finally {
          fs.closeSync(handle);
        }
      }
    });
    await reset();
    const bytes = documents.reduce((sum, document) => sum + Buffer.byteLength(String(document.properties['text'] ?? '')), 0);
    return { documents: documents.length, textMegabytes: Math.round(bytes / 1e4) / 100, inNeo4jSeconds, withoutTextSeconds, fileStoreSeconds };
  } finally {
    fs.rmSync(store, { recursive: true, force: true });
    await session.close();
    await driver.close();
  }
}
