import { describe, expect, it } from 'vitest';
import type { IngestSummary } from '../../ingest/ingest.ts';
import { formatSummary, progressReporter } from '../../ingest/summary.ts';

function collect(interactive: boolean): string {
  const out: string[] = [];
  const report = progressReporter((text) => out.push(text), interactive);
  report({ stage: 'parsed', files: 2, documents: 2 });
  report({ stage: 'document', index: 1, total: 2, documentId: 'a', outcome: 'loaded' });
  report({ stage: 'document', index: 2, total: 2, documentId: 'b', outcome: 'failed' });
  report({ stage: 'links' });
  report({ stage: 'done' });
  return out.join('');
}

describe('ingest progress and summary', () => {
  it('redraws a bar on a terminal', () => {
    const text = collect(true);
    expect(text).toContain('\r[###############---------------] 1/2 a');
    expect(text).toContain('\r[##############################] 2/2 b');
  });

  it('reports only stages and failures elsewhere', () => {
    expect(collect(false)).toBe('Parsed 2 file(s) into 2 document(s).\nfailed: b\nLinking clauses across documents …\n');
  });

  it('says what a run that stopped early completed, and that a rerun finishes it', () => {
    const out: string[] = [];
    const report = progressReporter((text) => out.push(text), false);
    for (const stage of ['renames', 'links', 'orphans'] as const) report({ stage });
    expect(out.join('')).toBe('Recording agency renames …\nLinking clauses across documents …\nRemoving entities no document refers to …\n');
    const message = 'Stopped: Neo4j became unreachable while writing document b (gone). Completed: 1 document(s) written, 0 unchanged. Not done yet: 1 document(s), cross-document links. Run the same command again once Neo4j is back: it finishes the rest.';
    const text = formatSummary({
      files: 1,
      loaded: ['a'],
      skipped: [],
      removed: [],
      problems: [],
      warnings: [],
      written: { nodes: 1, relationships: 0 },
      links: null,
      orphansRemoved: 0,
      counts: { labels: {}, types: {} },
      durationMs: 10,
      interrupted: { message, remainingDocuments: ['b'], pendingStages: ['links'] },
    });
    expect(text).toContain(message);
    expect(text).not.toContain('Graph now holds');
    expect(text).toContain('Stopped before the end: run the same command again to finish (1 document(s) and links to do).');
  });

  it('summarises counts by label and type and names every error', () => {
    const summary: IngestSummary = {
      files: 2,
      loaded: ['a'],
      skipped: [],
      removed: [],
      problems: [{ path: 'b.txt', documentId: null, code: 'INPUT_BINARY', message: 'b.txt: binary file' }],
      warnings: [],
      written: { nodes: 5, relationships: 7 },
      links: { implements: 1, continues: 0 },
      orphansRemoved: 0,
      counts: { labels: { Agency: 3, Document: 1 }, types: { LED_BY: 4 } },
      durationMs: 1500,
      interrupted: null,
    };
    const text = formatSummary(summary);
    expect(text).toContain('Ingested 2 file(s) in 1.5 s: 1 document(s) loaded, 0 unchanged, 0 removed, 1 error(s).');
    expect(text).toMatch(/Agency\s+3/);
    expect(text).toMatch(/LED_BY\s+4/);
    expect(text).toContain('[INPUT_BINARY] b.txt: binary file');
  });
});
