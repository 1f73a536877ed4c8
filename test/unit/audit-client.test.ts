import { describe, expect, it } from 'vitest';
import { createGraphqlClient, MAX_PAGE_SIZE, type FetchLike } from '../../audit/client.ts';
import { KgError, UserInputError } from '../../core/errors.ts';
import { fakeApi, page } from '../fixtures/audit/fake-api.ts';
import { fakeApi as yogaApi, fakeDatabase } from './helpers/fake-database.ts';

const URL_ = 'http://127.0.0.1:4999/graphql';

describe('GraphQL client', () => {
  it('reads every page of a connection, one request per page, never asking for more than the API allows', async () => {
    const rows = Array.from({ length: 250 }, (_, index) => ({ id: String(index) }));
    const api = fakeApi({ Rows: (variables) => ({ rows: page(rows, variables) }) });
    const client = createGraphqlClient({ url: URL_, fetch: api.fetch });
    const all = await client.readAll('Rows', 'query Rows { x }', { year: 2024 }, (data: { rows: never }) => data.rows);
    expect(all).toEqual(rows);
    expect(api.requests).toHaveLength(3);
    expect(client.requestCount()).toBe(3);
    expect(api.requests.every((request) => request.variables['first'] === MAX_PAGE_SIZE && request.variables['year'] === 2024)).toBe(true);
    expect(api.requests[0]?.variables['after']).toBeNull();
    expect(api.requests[1]?.variables['after']).toBe(Buffer.from('99').toString('base64'));
  });

  it('caps a larger page size at the API maximum', async () => {
    const api = fakeApi({ Rows: (variables) => ({ rows: page([1, 2], variables) }) });
    await createGraphqlClient({ url: URL_, fetch: api.fetch }).readAll('Rows', 'q', {}, (data: { rows: never }) => data.rows, 500);
    expect(api.requests[0]?.variables['first']).toBe(MAX_PAGE_SIZE);
  });

  it('stops with an error when the server says there is more but does not move on', async () => {
    const stuck = { totalCount: 5, pageInfo: { hasNextPage: true, endCursor: 'same' }, edges: [{ node: 1 }] };
    const api = fakeApi({ Rows: () => ({ rows: stuck }) });
    const client = createGraphqlClient({ url: URL_, fetch: api.fetch });
    await expect(client.readAll('Rows', 'q', {}, (data: { rows: never }) => data.rows)).rejects.toThrow(/no new cursor/);
    expect(api.requests).toHaveLength(2);
  });

  it('names the URL, the socket error and how to start the API when nothing listens', async () => {
    const refused: FetchLike = () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4999'), { code: 'ECONNREFUSED' }) });
    };
    const error = await createGraphqlClient({ url: URL_, fetch: refused })
      .request('Any', 'q')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KgError);
    expect((error as KgError).code).toBe('API_UNREACHABLE');
    expect((error as KgError).message).toContain(URL_);
    expect((error as KgError).message).toContain('ECONNREFUSED');
    expect((error as KgError).message).toContain('npm start');
  });

  it('says when the URL answers but is not a GraphQL endpoint', async () => {
    const html: FetchLike = () => ({ ok: false, status: 404, text: async () => '<html>Not found</html>' });
    await expect(createGraphqlClient({ url: URL_, fetch: html }).request('Any', 'q')).rejects.toThrow(/HTTP 404 without a GraphQL response/);
  });

  it('passes the API’s own error codes through, with the operation named', async () => {
    const api = fakeApi({
      Bad: () => {
        throw new Error('year must be between 1949 and 2100');
      },
    });
    const error = await createGraphqlClient({ url: URL_, fetch: api.fetch })
      .request('Bad', 'q')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as Error).message).toMatch(/rejected Bad: year must be between 1949 and 2100 \[BAD_USER_INPUT\]/);
  });

  it('reports a failure on the server (an error without one of our codes) as API_SERVER_ERROR', async () => {
    const api = fakeApi({});
    const error = await createGraphqlClient({ url: URL_, fetch: api.fetch })
      .request('Missing', 'q')
      .catch((caught: unknown) => caught);
    expect((error as KgError).code).toBe('API_SERVER_ERROR');
    expect((error as KgError).message).toContain('no handler for Missing');
  });

  it('reports HTTP 5xx without a GraphQL body as API_SERVER_ERROR, and no data as well', async () => {
    const failing: FetchLike = () => ({ ok: false, status: 502, text: async () => 'Bad gateway' });
    await expect(createGraphqlClient({ url: URL_, fetch: failing }).request('Any', 'q')).rejects.toMatchObject({ code: 'API_SERVER_ERROR' });
    const empty: FetchLike = () => ({ ok: true, status: 200, text: async () => '{"data":null}' });
    await expect(createGraphqlClient({ url: URL_, fetch: empty }).request('Any', 'q')).rejects.toMatchObject({ code: 'API_SERVER_ERROR' });
  });

  describe('against the real API in process', () => {
    const api = yogaApi(fakeDatabase({ 'api/indicators': () => Promise.reject(new Error('a bug')) }));
    const client = createGraphqlClient({ url: 'http://localhost/graphql', fetch: (url, init) => api.fetch(url, init) });

    it('reports a field the server does not know as API_SCHEMA_MISMATCH, saying the versions differ', async () => {
      const error = await client.request('Old', 'query Old { health { ok noSuchField } }').catch((caught: unknown) => caught);
      expect((error as KgError).code).toBe('API_SCHEMA_MISMATCH');
      expect((error as KgError).message).toMatch(/Cannot query field "noSuchField".*different versions/);
    });

    it('reports a masked bug of the server as API_SERVER_ERROR and a limit by its own code', async () => {
      await expect(client.request('Indicators', 'query Indicators { indicators { metric } }')).rejects.toMatchObject({ code: 'API_SERVER_ERROR' });
      const deep = `query Deep { agency(name: "x") { ${'renamedTo { '.repeat(12)}name${' }'.repeat(12)} } }`;
      await expect(client.request('Deep', deep)).rejects.toMatchObject({ code: 'QUERY_TOO_DEEP' });
    });
  });
});
