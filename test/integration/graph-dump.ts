/**
 * The whole graph as sorted canonical lines (nodes with labels and
 * properties, relationships with type, ends and properties, run records
 * included), so two graphs compare by content, not only by counts.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../core/database.ts';
import { graphCounts, type GraphCounts } from '../../ingest/load.ts';
import type { TestStatement } from './helpers.ts';

export interface GraphDump {
  readonly counts: GraphCounts;
  readonly hash: string;
  readonly lines: readonly string[];
}

/** JSON with object keys sorted, so equal content prints equally. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function dumpGraph(database: Database<TestStatement>): Promise<GraphDump> {
  const [nodes, relationships, counts] = await Promise.all([
    database.read('test-dump-nodes'),
    database.read('test-dump-relationships'),
    graphCounts(database),
  ]);
  const lines = [
    ...nodes.map((row) => `N ${canonical([...(row['labels'] as string[])].sort())} ${canonical(row['properties'])}`),
    ...relationships.map((row) => `R ${String(row['type'])} ${String(row['from'])} ${String(row['to'])} ${canonical(row['properties'])}`),
  ].sort();
  const hash = createHash('sha256').update(lines.join('\n')).digest('hex');
  return { counts, hash, lines };
}

/** The lines only one of two dumps holds (a few of each), to show how they differ. */
export function differences(expected: GraphDump, actual: GraphDump, limit = 5): { missing: string[]; unexpected: string[] } {
  const have = new Set(actual.lines);
  const want = new Set(expected.lines);
  const clip = (line: string): string => (line.length > 300 ? `${line.slice(0, 300)}…` : line);
  return {
    missing: expected.lines.filter((line) => !have.has(line)).slice(0, limit).map(clip),
    unexpected: actual.lines.filter((line) => !want.has(line)).slice(0, limit).map(clip),
  };
}
