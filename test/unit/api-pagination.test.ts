import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, decodeCursor, encodeCursor, pageRequest, toConnection } from '../../api/pagination.ts';
import { UserInputError } from '../../core/errors.ts';

describe('cursors', () => {
  it('decode what they encode', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), (offset) => decodeCursor(encodeCursor(offset)) === offset));
  });

  it('are opaque strings, not bare numbers', () => {
    expect(encodeCursor(6)).not.toContain('6');
  });

  it('reject anything this API did not make, saying which argument is wrong', () => {
    for (const bad of ['', '7', 'b2Zmc2V0Oi0x', Buffer.from('offset:1e3').toString('base64'), Buffer.from('offset:01').toString('base64'), '!!!']) {
      expect(() => decodeCursor(bad), bad).toThrow(UserInputError);
    }
    expect(() => decodeCursor('nope')).toThrow('after is not a cursor returned by this API: "nope"');
  });
});

describe('page requests', () => {
  it('default to the documented page size from the start', () => {
    expect(pageRequest({}, 100)).toEqual({ skip: 0, first: DEFAULT_PAGE_SIZE });
  });

  it('continue after the cursor of the last row seen', () => {
    expect(pageRequest({ first: 7, after: encodeCursor(6) }, 100)).toEqual({ skip: 7, first: 7 });
  });

  it('cap first at the maximum page size with a clear message', () => {
    expect(() => pageRequest({ first: 100_000 }, 100)).toThrow('first must be between 1 and 100, got 100000');
    expect(() => pageRequest({ first: 0 }, 100)).toThrow('first must be between 1 and 100, got 0');
    expect(pageRequest({ first: 100 }, 100).first).toBe(100);
  });
});

describe('connections', () => {
  it('walk every row exactly once, page by page', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 10 }), (total, size) => {
        const rows = Array.from({ length: total }, (_, index) => index);
        const seen: number[] = [];
        let after: string | null = null;
        for (let guard = 0; guard <= total + 1; guard += 1) {
          const request = pageRequest({ first: size, after }, 100);
          const connection = toConnection(rows.slice(request.skip, request.skip + request.first), total, request);
          seen.push(...connection.edges.map((edge) => edge.node));
          expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
          if (!connection.pageInfo.hasNextPage) break;
          after = connection.pageInfo.endCursor;
        }
        expect(seen).toEqual(rows);
      }),
    );
  });

  it('has null cursors on an empty page', () => {
    const connection = toConnection([], 0, { skip: 0, first: 5 });
    expect(connection.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(connection.totalCount).toBe(0);
  });
});
