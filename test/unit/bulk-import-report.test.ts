import { describe, expect, it } from 'vitest';
import { failureReport, importSummary, multilineOptions } from '../../infra/neo4j/import.ts';

describe('failureReport', () => {
  it('keeps the importer\'s reason and drops progress bars and stack frames', () => {
    const output = [
      '.......... .......... .......... .......... ..........  95% ∆3ms [323ms]',
      'Relationships, started 2026-12-01 23:36:26.487+0000',
      'IMPORT FAILED in 8s 677ms. ',
      'Error in input data',
      'Caused by: org.neo4j.internal.batchimport.input.InputException: ERROR in input',
      '  raw field value: missing',
      '  original error: a (Node)-[PART_OF]->missing (Node) referring to missing node missing',
      '\tat org.neo4j.importer.ImportCommand.execute(ImportCommand.java:808)',
      '\t... 13 more',
    ].join('\n');
    expect(failureReport(output)).toBe(
      [
        'IMPORT FAILED in 8s 677ms. ',
        'Error in input data',
        'Caused by: org.neo4j.internal.batchimport.input.InputException: ERROR in input',
        '  raw field value: missing',
        '  original error: a (Node)-[PART_OF]->missing (Node) referring to missing node missing',
      ].join('\n'),
    );
  });
});

describe('importSummary', () => {
  it('ends at the peak memory, before the JVM\'s own lines', () => {
    const output = [
      'Relationship counts and relationship type index build, started 2026-12-02 02:27:01.586+0000',
      'Done in 326ms',
      'IMPORT DONE in 16s 752ms. ',
      'Imported:',
      '  16185 nodes',
      '  53825 relationships',
      '  289438 properties',
      'Peak memory usage: 1.033GiB',
      '[33.005s][warning][cds] Skipping org/eclipse/collections/impl/bag/mutable/HashBag: Signed JAR',
    ].join('\n');
    expect(importSummary(output)).toBe(['IMPORT DONE in 16s 752ms. ', 'Imported:', '  16185 nodes', '  53825 relationships', '  289438 properties', 'Peak memory usage: 1.033GiB'].join('\n'));
  });
});

describe('multilineOptions', () => {
  it('reads files in parallel chunks unless some field holds a line break', () => {
    const source = { kind: 'nodes', name: 'Node:Task', file: '/tmp/a.csv' } as const;
    expect(multilineOptions([source, { ...source, multiline: false }])).toEqual(['--multiline-fields=false']);
    expect(multilineOptions([source, { ...source, multiline: true }])).toEqual(['--multiline-fields=true']);
  });
});
