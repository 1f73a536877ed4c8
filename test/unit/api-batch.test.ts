import { describe, expect, it } from 'vitest';
import { createBatcher, parametersKey, rowsByParent } from '../../api/loaders.ts';
import { byYear } from '../../api/resolvers/indicators.ts';
import { yearSummaries } from '../../api/resolvers/agencies.ts';
import type { Parameters, Row } from '../../core/database.ts';

function recordingRead(rowsFor: (ids: string[]) => Row[]) {
  const calls: { name: string; parameters: Parameters }[] = [];
  return {
    calls,
    read: async (name: string, parameters: Parameters) => {
      calls.push({ name, parameters });
      return rowsFor(parameters['ids'] as string[]);
    },
  };
}

describe('the per-request batcher (one DataLoader per statement and parameters)', () => {
  it('sends one statement for all parents asked in the same step, and hands each its rows', async () => {
    const database = recordingRead((ids) => ids.flatMap((id) => [{ parentId: id, value: `${id}-1` }, { parentId: id, value: `${id}-2` }]));
    const batcher = createBatcher(database.read);
    const results = await Promise.all(['a', 'b', 'c'].map((id) => batcher.rowsFor('api/task-assignments', { year: 2024 }, id)));
    expect(database.calls).toEqual([{ name: 'api/task-assignments', parameters: { year: 2024, ids: ['a', 'b', 'c'] } }]);
    expect(results.map((rows) => rows.map((row) => row['value']))).toEqual([
      ['a-1', 'a-2'],
      ['b-1', 'b-2'],
      ['c-1', 'c-2'],
    ]);
  });

  it('keeps different parameters apart and gives parents without rows an empty list', async () => {
    const database = recordingRead((ids) => ids.filter((id) => id !== 'none').map((id) => ({ parentId: id })));
    const batcher = createBatcher(database.read);
    const [first, second, none] = await Promise.all([
      batcher.rowsFor('api/task-assignments', { year: 2023 }, 'a'),
      batcher.rowsFor('api/task-assignments', { year: 2024 }, 'a'),
      batcher.rowsFor('api/task-assignments', { year: 2024 }, 'none'),
    ]);
    expect(database.calls).toHaveLength(2);
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(none).toEqual([]);
  });

  it('asks the database once per parent within a request', async () => {
    const database = recordingRead((ids) => ids.map((id) => ({ parentId: id })));
    const batcher = createBatcher(database.read);
    await batcher.rowsFor('api/task-assignments', {}, 'a');
    await batcher.rowsFor('api/task-assignments', {}, 'a');
    expect(database.calls).toHaveLength(1);
  });

  it('passes a failure to every parent of the batch', async () => {
    const batcher = createBatcher(async () => {
      throw new Error('down');
    });
    const results = await Promise.allSettled([batcher.rowsFor('api/task-assignments', {}, 'a'), batcher.rowsFor('api/task-assignments', {}, 'b')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it('splits more parents than maxBatchSize into several statements, each with at most that many ids', async () => {
    const database = recordingRead((ids) => ids.map((id) => ({ parentId: id })));
    const batcher = createBatcher(database.read, { maxBatchSize: 2 });
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => batcher.rowsFor('api/task-assignments', {}, id)));
    expect(database.calls.map((call) => call.parameters['ids'])).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(results.map((rows) => rows[0]?.['parentId'])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('fails only the parents whose statement failed (errors are per key)', async () => {
    const batcher = createBatcher(
      async (_name, parameters) => {
        const ids = parameters['ids'] as string[];
        if (ids.includes('c')) throw new Error('down');
        return ids.map((id) => ({ parentId: id }));
      },
      { maxBatchSize: 2 },
    );
    const results = await Promise.allSettled(['a', 'b', 'c'].map((id) => batcher.rowsFor('api/task-assignments', {}, id)));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
  });

  it('groups rows by parent in the order asked', () => {
    expect(rowsByParent(['b', 'a', 'x'], [{ parentId: 'a', n: 1 }, { parentId: 'b', n: 2 }, { parentId: 'a', n: 3 }])).toEqual([
      [{ parentId: 'b', n: 2 }],
      [
        { parentId: 'a', n: 1 },
        { parentId: 'a', n: 3 },
      ],
      [],
    ]);
  });

  it('treats parameter order as irrelevant', () => {
    expect(parametersKey('s', { a: 1, b: [2] })).toBe(parametersKey('s', { b: [2], a: 1 }));
    expect(parametersKey('s', { a: 1 })).not.toBe(parametersKey('t', { a: 1 }));
  });
});

describe('folding rows', () => {
  it('sums an agency\'s measures per year, oldest first', () => {
    const rows = [
      { year: 2024, measure: 'lead', count: 3 },
      { year: 2023, measure: 'support', count: 2 },
      { year: 2024, measure: 'jointLead', count: 1 },
      { year: null, measure: 'lead', count: 9 },
      { year: 2024, measure: 'livelihoodLead', count: 2 },
      { year: 2023, measure: 'livelihoodSupport', count: 4 },
    ];
    expect(yearSummaries(rows)).toEqual([
      { year: 2023, leadCount: 0, jointLeadCount: 0, livelihoodLeadCount: 0, supportCount: 2, livelihoodSupportCount: 4 },
      { year: 2024, leadCount: 3, jointLeadCount: 1, livelihoodLeadCount: 2, supportCount: 0, livelihoodSupportCount: 0 },
    ]);
  });

  it('puts targets and actuals of the same year side by side', () => {
    const values = [
      { year: 2024, kind: 'TARGET', value: 5.5 },
      { year: 2023, kind: 'ACTUAL', value: 4.9 },
      { year: 2023, kind: 'TARGET', value: 6.5 },
    ];
    expect(byYear(values)).toEqual([
      { year: 2023, targets: [{ year: 2023, kind: 'TARGET', value: 6.5 }], actuals: [{ year: 2023, kind: 'ACTUAL', value: 4.9 }] },
      { year: 2024, targets: [{ year: 2024, kind: 'TARGET', value: 5.5 }], actuals: [] },
    ]);
  });
});

describe('document kinds', () => {
  it('reads a kind this API does not know as OTHER instead of failing the field', async () => {
    const { documentResolvers } = await import('../../api/resolvers/documents.ts');
    expect(documentResolvers.Document.kind({ kind: 'TASK_DIVISION' })).toBe('TASK_DIVISION');
    expect(documentResolvers.Document.kind({ kind: 'BULLETIN' })).toBe('OTHER');
    expect(documentResolvers.Document.kind({})).toBe('OTHER');
  });
});
