/** Text rendering of an ingest run: progress as it goes, and the closing summary table. */
import type { IngestProgress, IngestSummary } from './ingest.ts';

function table(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([key]) => [...key].length), 4);
  return rows.map(([key, value]) => `  ${key.padEnd(width)}  ${value.padStart(8)}`).join('\n');
}

function progressBar(done: number, total: number, width = 30): string {
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
}

/**
 * Progress lines written through `write`: a redrawn bar on a terminal,
 * otherwise only the stages and the documents that failed.
 */
export function progressReporter(write: (text: string) => void, interactive: boolean): (event: IngestProgress) => void {
  return (event) => {
    switch (event.stage) {
      case 'parsed':
        write(`Parsed ${event.files} file(s) into ${event.documents} document(s).\n`);
        break;
      case 'document':
        if (interactive) {
          write(`\r${progressBar(event.index, event.total)} ${event.documentId}`.padEnd(80).slice(0, 100));
          if (event.index === event.total) write('\n');
        } else if (event.outcome === 'failed') {
          write(`failed: ${event.documentId}\n`);
        }
        break;
      case 'renames':
        write('Recording agency renames …\n');
        break;
      case 'links':
        write('Linking clauses across documents …\n');
        break;
      case 'orphans':
        write('Removing entities no document refers to …\n');
        break;
      case 'resolved':
      case 'done':
        break;
    }
  };
}

export function formatSummary(summary: IngestSummary): string {
  const lines: string[] = [];
  lines.push(
    `Ingested ${summary.files} file(s) in ${(summary.durationMs / 1000).toFixed(1)} s: ` +
      `${summary.loaded.length} document(s) loaded, ${summary.skipped.length} unchanged, ` +
      `${summary.removed.length} removed, ${summary.problems.length} error(s).`,
  );
  lines.push(`Written this run: ${summary.written.nodes} nodes, ${summary.written.relationships} relationships.`);
  if (summary.links) lines.push(`Cross-document links: ${summary.links.implements} IMPLEMENTS, ${summary.links.continues} CONTINUES.`);
  if (summary.orphansRemoved > 0) lines.push(`Removed ${summary.orphansRemoved} entities no document refers to any more.`);
  if (summary.interrupted) {
    lines.push('', summary.interrupted.message);
  } else {
    lines.push('', 'Graph now holds — nodes by label:');
    lines.push(table(Object.entries(summary.counts.labels).map(([label, count]) => [label, String(count)])));
    lines.push('relationships by type:');
    lines.push(table(Object.entries(summary.counts.types).map(([type, count]) => [type, String(count)])));
  }
  if (summary.problems.length > 0) {
    lines.push('', 'Errors:');
    for (const problem of summary.problems) lines.push(`  [${problem.code}] ${problem.message}`);
  }
  if (summary.warnings.length > 0) {
    lines.push('', 'Warnings (loaded all the same):');
    for (const warning of summary.warnings) lines.push(`  [${warning.code}] ${warning.message}`);
  }
  if (summary.interrupted) {
    lines.push('', `Stopped before the end: run the same command again to finish (${summary.interrupted.remainingDocuments.length} document(s) and ${summary.interrupted.pendingStages.join(', ') || 'no later stage'} to do).`);
  }
  return lines.join('\n');
}
