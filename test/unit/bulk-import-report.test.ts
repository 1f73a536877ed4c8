import { describe, expect, it } from 'vitest';
import { failureReport } from '../../infra/neo4j/import.ts';

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
