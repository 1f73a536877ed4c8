/**
 * Document graphs written in batches: many documents in one transaction, with
 * one statement per label and relationship type across them (ingest/load.ts),
 * because the cost of a write is per statement far more than per row.
 *
 * Per-document atomicity is kept: a batch is written whole or not at all, and
 * a batch that fails for any reason other than a lost server is written again
 * one document per transaction, so the documents that can go in do, and the
 * one that cannot leaves nothing. Progress events are reported in document
 * order, each once its document's fate is known.
 */
import type { Database } from '../core/database.ts';
import { countRecords, type DocumentGraph } from './graph/records.ts';
import { isConnectionFailure, writeDocumentGraph, writeDocumentGraphs } from './load.ts';

export interface BatchLimits {
  /** Documents per transaction. */
  readonly documents: number;
  /** Nodes and relationships per transaction (a batch closes once it holds this many). */
  readonly records: number;
}

/**
 * Large enough that a statement carries thousands of rows (the ×10 bench
 * corpus writes in a handful of transactions), small enough that a batch's
 * graphs and the server's transaction state stay a few tens of MB.
 */
export const DEFAULT_BATCH_LIMITS: BatchLimits = { documents: 500, records: 20_000 };

export type DocumentOutcome = 'loaded' | 'skipped' | 'failed';

export interface DocumentEvent {
  readonly index: number;
  readonly total: number;
  readonly documentId: string;
  readonly outcome: DocumentOutcome;
}

/** What the writer updates of the run (ingest/ingest.ts's Run). */
export interface BatchRun {
  step: string;
  readonly loaded: string[];
  readonly remaining: Set<string>;
  readonly written: { nodes: number; relationships: number };
  /** A document that could not be written (not for a lost server: that is thrown). */
  fail(sourceFile: string, documentId: string, error: unknown): void;
}

interface Pending {
  readonly graph: DocumentGraph;
  readonly sourceFile: string;
  readonly event: Omit<DocumentEvent, 'outcome'>;
  outcome: DocumentOutcome;
}

export class BatchWriter {
  private pending: Pending[] = [];
  private records = 0;
  /** Events of documents after the open batch's first one, held to keep document order. */
  private held: (Pending | DocumentEvent)[] = [];

  constructor(
    private readonly run: BatchRun,
    private readonly database: Database,
    private readonly limits: BatchLimits,
    private readonly progress: (event: { stage: 'document' } & DocumentEvent) => void,
  ) {}

  /** A document that is not written (skipped, or failed before writing). */
  report(event: DocumentEvent): void {
    if (this.pending.length === 0) this.progress({ stage: 'document', ...event });
    else this.held.push(event);
  }

  async add(graph: DocumentGraph, sourceFile: string, event: Omit<DocumentEvent, 'outcome'>): Promise<void> {
    const entry: Pending = { graph, sourceFile, event, outcome: 'failed' };
    this.pending.push(entry);
    this.held.push(entry);
    const counted = countRecords(graph);
    this.records += counted.nodes + counted.relationships;
    if (this.pending.length >= this.limits.documents || this.records >= this.limits.records) await this.flush();
  }

  /** Writes the open batch. A lost server is thrown; the batch's documents stay remaining. */
  async flush(): Promise<void> {
    const batch = this.pending;
    if (batch.length === 0) return;
    const first = batch[0] as Pending;
    const last = batch[batch.length - 1] as Pending;
    this.run.step =
      batch.length === 1
        ? `writing document ${first.graph.document.id}`
        : `writing document batch ${first.graph.document.id} … ${last.graph.document.id} (${batch.length} documents, one transaction)`;
    try {
      await writeDocumentGraphs(this.database, batch.map((entry) => entry.graph));
      for (const entry of batch) entry.outcome = 'loaded';
    } catch (error) {
      if (isConnectionFailure(error)) throw error;
      // Something in the batch is wrong: each document alone, so only that one is left out.
      for (const entry of batch) {
        this.run.step = `writing document ${entry.graph.document.id}`;
        try {
          await writeDocumentGraph(this.database, entry.graph);
          entry.outcome = 'loaded';
        } catch (single) {
          if (isConnectionFailure(single)) throw single;
          this.run.fail(entry.sourceFile, entry.graph.document.id, single);
        }
      }
    }
    this.pending = [];
    this.records = 0;
    for (const entry of batch) {
      this.run.remaining.delete(entry.graph.document.id);
      if (entry.outcome !== 'loaded') continue;
      const counted = countRecords(entry.graph);
      this.run.written.nodes += counted.nodes;
      this.run.written.relationships += counted.relationships;
      this.run.loaded.push(entry.graph.document.id);
    }
    const held = this.held;
    this.held = [];
    for (const item of held) {
      if ('graph' in item) this.progress({ stage: 'document', ...item.event, outcome: item.outcome });
      else this.progress({ stage: 'document', ...item });
    }
  }
}
