import { describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS } from '../../api/examples.ts';
import { createApi } from '../../api/server.ts';
import { operationNames, warmUp } from '../../app/warm-up.ts';
import { apiConfig, fakeDatabase } from './helpers/fake-database.ts';

describe('warming the query plans after start-up', () => {
  it('runs every example operation once, one after another, through the API itself', async () => {
    const sent: string[] = [];
    let inFlight = 0;
    const api = {
      async fetch(_input: string, init: { body: string }) {
        inFlight += 1;
        expect(inFlight).toBe(1);
        sent.push(String((JSON.parse(init.body) as { operationName: string }).operationName));
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        return new Response('{"data":null}');
      },
    };
    const result = await warmUp(api, EXAMPLE_OPERATIONS);
    expect(sent).toEqual(operationNames(EXAMPLE_OPERATIONS));
    expect(sent.length).toBeGreaterThanOrEqual(8);
    expect(result).toMatchObject({ operations: sent.length, stoppedBecause: null });
  });

  it('sends the statements the operations need to Neo4j, whatever the answers', async () => {
    // Every statement answers no rows, as over an empty graph: the operations answer NOT_FOUND or empty lists.
    const empty = new Proxy({}, { get: () => [] });
    const database = fakeDatabase(empty);
    const result = await warmUp(createApi({ database, limits: apiConfig() }), EXAMPLE_OPERATIONS);
    expect(result.stoppedBecause).toBeNull();
    expect(database.names()).toEqual(expect.arrayContaining(['api/neighborhood', 'api/search']));
  });

  it('stops at the first failure and says why, without throwing', async () => {
    const api = {
      fetch: async () => {
        throw new Error('Neo4j at bolt://127.0.0.1:7687 is not reachable');
      },
    };
    expect(await warmUp(api, EXAMPLE_OPERATIONS)).toMatchObject({ operations: 0, stoppedBecause: 'Neo4j at bolt://127.0.0.1:7687 is not reachable' });
  });
});
