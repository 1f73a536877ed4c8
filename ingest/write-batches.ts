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
 *
 * One batch is written while the next is built: the caller's building (and
 * parsing) is CPU in this process, the write is waiting on Neo4j, so the two
 * overlap. At most one write is in flight — the server works on one
 * transaction of ours at a time, as before, and at most two batches of graphs
 * are alive. A lost server is thrown from the next `add` or `flush` after it
 * happened, before any other write starts, so the run still stops at the
 * first failure with the failed batch's documents remaining.
 */
import { setImmediate as yieldToIo } from 'node:timers/promises';
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
 * graphs and the server's transaction state stay a few tens of MB. Larger
 * batches cost Neo4j a little less per record, but two of them are alive at
 * once: 60,000 records took the ×100 bench ingest's peak RSS from 429 to
 * 568 MB (its heap committed 387 MB while writing), over the 500 MB goal.
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
  /** The graph may hold a version of it already (to delete first). */
  readonly loaded: boolean;
  readonly event: Omit<DocumentEvent, 'outcome'>;
  outcome: DocumentOutcome;
  /** True once its batch is written (or given up): its event can be reported. */
  settled: boolean;
}

export class BatchWriter {
  /** The open batch: built, not yet sent. */
  private pending: Pending[] = [];
  private records = 0;
  /** Documents whose events are not reported yet, in document order (a settled one waits behind one that is not). */
  private queue: (Pending | DocumentEvent)[] = [];
  /** The batch being written, if any. */
  private inFlight: Promise<void> | null = null;
  /** What stopped the write in flight (a lost server, or a bug), thrown at the next add or flush. */
  private failure: { readonly error: unknown } | null = null;

  constructor(
    private readonly run: BatchRun,
    private readonly database: Database,
    private readonly limits: BatchLimits,
    private readonly progress: (event: { stage: 'document' } & DocumentEvent) => void,
  ) {}

  /** A document that is not written (skipped, or failed before writing). */
  report(event: DocumentEvent): void {
    this.queue.push(event);
    this.drain();
  }

  /**
   * `loaded`: false only when the graph is known to hold no version of the
   * document (it held none when the run read the graph's states, and only
   * this run writes it), so its batch needs no delete.
   */
  async add(graph: DocumentGraph, sourceFile: string, event: Omit<DocumentEvent, 'outcome'>, loaded = true): Promise<void> {
    if (this.failure) throw this.failure.error;
    const entry: Pending = { graph, sourceFile, loaded, event, outcome: 'failed', settled: false };
    this.pending.push(entry);
    this.queue.push(entry);
    const counted = countRecords(graph);
    this.records += counted.nodes + counted.relationships;
    if (this.pending.length >= this.limits.documents || this.records >= this.limits.records) await this.send();
    // Building is synchronous: between two documents the write in flight gets its responses and sends its next statement.
    else if (this.inFlight) await yieldToIo();
  }

  /** Writes the open batch and waits for every write. A lost server is thrown; the documents not written stay remaining. */
  async flush(): Promise<void> {
    await this.send();
    await this.settle();
  }

  /** Starts writing the open batch, once the write before it is done. */
  private async send(): Promise<void> {
    await this.settle();
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    this.records = 0;
    // The handler is attached at once: a failure while the next batch is built is kept, not an unhandled rejection.
    this.inFlight = this.write(batch).catch((error: unknown) => {
      this.failure = { error };
    });
  }

  private async settle(): Promise<void> {
    if (this.inFlight) {
      await this.inFlight;
      this.inFlight = null;
    }
    if (this.failure) throw this.failure.error;
  }

  private async write(batch: readonly Pending[]): Promise<void> {
    const first = batch[0] as Pending;
    const last = batch[batch.length - 1] as Pending;
    this.run.step =
      batch.length === 1
        ? `writing document ${first.graph.document.id}`
        : `writing document batch ${first.graph.document.id} … ${last.graph.document.id} (${batch.length} documents, one transaction)`;
    try {
      await writeDocumentGraphs(
        this.database,
        batch.map((entry) => entry.graph),
        batch.filter((entry) => entry.loaded).map((entry) => entry.graph.document.id),
      );
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
    for (const entry of batch) {
      entry.settled = true;
      this.run.remaining.delete(entry.graph.document.id);
      if (entry.outcome !== 'loaded') continue;
      const counted = countRecords(entry.graph);
      this.run.written.nodes += counted.nodes;
      this.run.written.relationships += counted.relationships;
      this.run.loaded.push(entry.graph.document.id);
    }
    this.drain();
  }

  /** Reports the events known so far, in document order. */
  private drain(): void {
    let reported = 0;
    for (const item of this.queue) {
      if ('graph' in item) {
        if (!item.settled) break;
        this.progress({ stage: 'document', ...item.event, outcome: item.outcome });
      } else this.progress({ stage: 'document', ...item });
      reported += 1;
    }
    this.queue.splice(0, reported);
  }
}
