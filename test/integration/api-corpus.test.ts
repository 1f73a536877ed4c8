/**
 * The API's acceptance questions over the bundled corpus (ingested here if it
 * is not already), in-process through yoga.fetch. The per-year counts are the
 * ones established by reading the documents (see corpus.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/server.ts';
import { loadConfig } from '../../core/config.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { graphql, testDatabase, testLimits } from './helpers.ts';

type Json = Record<string, unknown>;
const config = loadConfig();

describe('the API over the bundled corpus', () => {
  const database = testDatabase();
  const api = createApi({ database, limits: testLimits() });

  beforeAll(async () => {
    const summary = await ingestPaths([config.corpusDir], database, { rulesDir: config.rulesDir });
    expect(summary.problems).toEqual([]);
  }, 300_000);
  afterAll(() => database.close());

  async function query(text: string, variables: Json = {}): Promise<Json> {
    const result = await graphql(api, text, variables);
    expect(result.errors).toBeUndefined();
    return result.data ?? {};
  }

  it.each(['市工业和信息化局', '工业和信息化局', '柳州市工业和信息化局'])('answers "all tasks led by 市工业和信息化局 across years" via %s', async (name) => {
    const data = await query(
      `query ($name: String!) { agency(name: $name) { name
         yearSummary { year leadCount }
         assignments(role: LEAD, first: 100) { totalCount edges { node { year leads { name } } } } } }`,
      { name },
    );
    const agency = data['agency'] as { name: string; yearSummary: { year: number; leadCount: number }[]; assignments: { totalCount: number; edges: { node: { year: number; leads: { name: string }[] } }[] } };
    expect(agency.name).toBe('市工业和信息化局');
    const counts = Object.fromEntries(agency.yearSummary.filter((row) => row.leadCount > 0).map((row) => [row.year, row.leadCount]));
    expect(counts).toEqual({ 2023: 18, 2024: 17, 2026: 12 });
    expect(agency.assignments.totalCount).toBe(47);
    for (const edge of agency.assignments.edges) expect(edge.node.leads.map((lead) => lead.name)).toContain('市工业和信息化局');
  });

  it('answers an agency with its fields in one statement exactly as the per-field statements do', async () => {
    // One assignments field: api/agency-with-fields reads the year summary and the page with the agency.
    // Two aliases of it: the resolvers fall back to api/agency-year-summary and api/agency-assignments-page.
    const fields = `name yearSummary { year leadCount jointLeadCount supportCount }`;
    const connection = `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id year text leads { name } supporters { name } task { number title } } }`;
    const both = async (args: string) => {
      const page = `(role: LEAD, first: 7, years: [2023, 2024]${args}) { ${connection} }`;
      const combined = (await query(`{ agency(name: "市工业和信息化局") { ${fields} assignments${page} } }`))['agency'] as Json;
      const batched = (await query(`{ agency(name: "市工业和信息化局") { ${fields} first: assignments${page} again: assignments${page} } }`))['agency'] as Json;
      expect(combined['yearSummary']).toEqual(batched['yearSummary']);
      expect(combined['assignments']).toEqual(batched['first']);
      return combined['assignments'] as { edges: unknown[]; pageInfo: { endCursor: string } };
    };
    const first = await both('');
    expect(first.edges).toHaveLength(7);
    const second = await both(`, after: "${first.pageInfo.endCursor}"`);
    expect(second.edges).toHaveLength(7);
  });

  it('gives GDP targets for 2023, 2024 and 2026 and the 2023 actual', async () => {
    const data = await query('{ indicator(metric: "地区生产总值") { metric series { year kind value qualifier document { year } } } }');
    const series = (data['indicator'] as { series: { year: number; kind: string; value: number; qualifier: string | null }[] }).series;
    const growth = (year: number, kind: string) => series.filter((row) => row.year === year && row.kind === kind && row.value < 20).map((row) => row.value);
    expect(growth(2023, 'TARGET')).toContain(6);
    expect(growth(2024, 'TARGET')).toContain(4);
    expect(growth(2026, 'TARGET')).toContain(5.5);
    expect(growth(2023, 'ACTUAL')).toContain(2.8);
  });

  it('shows who 分管 市工业和信息化局 in 2024, quoting the division of work', async () => {
    const data = await query('{ leaders(year: 2024) { name oversees { agency { name } role source { document { docNo } start end } } } }');
    const leaders = data['leaders'] as { name: string; oversees: { agency: { name: string }; role: string; source: { document: { docNo: string } } }[] }[];
    const overseers = leaders.filter((leader) => leader.oversees.some((o) => o.agency.name === '市工业和信息化局' && o.role === '分管'));
    expect(overseers.map((leader) => leader.name)).toEqual(['汤振国']);
    const oversight = overseers[0]?.oversees.find((o) => o.agency.name === '市工业和信息化局');
    expect(oversight?.source.document.docNo).toBe('柳政发〔2024〕7号');
  });

  it('finds 螺蛳粉 in several documents, with their years', async () => {
    const data = await query('{ search(text: "螺蛳粉", first: 50) { totalCount edges { node { type year snippet document { id year } } } } }');
    type Hit = { type: string; year: number; snippet: string; document: { id: string; year: number } };
    const search = data['search'] as { totalCount: number; edges: { node: Hit }[] };
    const hits = search.edges.map((edge) => edge.node);
    expect(search.totalCount).toBeGreaterThanOrEqual(hits.length);
    expect(new Set(hits.map((hit) => hit.document.id)).size).toBeGreaterThan(2);
    expect(new Set(hits.map((hit) => hit.year)).size).toBeGreaterThan(2);
    for (const hit of hits) expect(hit.snippet).toContain('螺蛳粉');
  });

  it('draws the neighbourhood of an agency within the limit: assignments, tasks and leaders', async () => {
    const data = await query('{ neighborhood(id: "agency:市工业和信息化局", depth: 2, limit: 150) { truncated nodes { id label } edges { type source target } } }');
    const graph = data['neighborhood'] as { truncated: boolean; nodes: { id: string; label: string }[]; edges: { type: string; source: string; target: string }[] };
    expect(graph.nodes.length).toBeLessThanOrEqual(150);
    const labels = new Set(graph.nodes.map((node) => node.label));
    for (const label of ['Agency', 'Assignment', 'Task', 'Leader']) expect(labels).toContain(label);
    const ids = new Set(graph.nodes.map((node) => node.id));
    for (const edge of graph.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
  });

  it('walks every assignment once, seven at a time', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 200; page += 1) {
      const data = await query('query ($after: String) { assignments(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }', { after });
      const connection = data['assignments'] as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] };
      total = connection.totalCount;
      expect(connection.edges.length).toBeLessThanOrEqual(7);
      seen.push(...connection.edges.map((edge) => edge.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(332);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('traces every clause and oversight back to its words in the source document', async () => {
    const compact = (text: string | null) => (text ?? '').replace(/\s+/g, '');
    let after: string | null = null;
    let checked = 0;
    for (let page = 0; page < 20; page += 1) {
      const data = await query('query ($after: String) { assignments(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id text source { text } } } } }', { after });
      const connection = data['assignments'] as { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; text: string; source: { text: string | null } } }[] };
      for (const { node } of connection.edges) {
        expect(compact(node.source.text), node.id).toBe(compact(node.text));
        checked += 1;
      }
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(checked).toBeGreaterThanOrEqual(332);
    const leaders = await query('{ leaders(year: 2024) { oversees { written source { text } } } }');
    for (const leader of leaders['leaders'] as { oversees: { written: string; source: { text: string } }[] }[]) {
      for (const oversight of leader.oversees) expect(compact(oversight.source.text)).toBe(compact(oversight.written));
    }
  });

  it('rejects abusive operations with clear errors', async () => {
    let nested = 'id';
    for (let level = 0; level < 20; level += 1) nested = `task { assignments { ${nested} } }`;
    const deep = await graphql(api, `{ assignments(first: 1) { edges { node { ${nested} } } } }`);
    expect(deep.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_DEEP');

    const aliases = Array.from({ length: 500 }, (_, index) => `a${index}: health { ok }`).join(' ');
    const wide = await graphql(api, `{ ${aliases} }`);
    expect(wide.errors?.[0]?.extensions?.['code']).toBe('TOO_MANY_ALIASES');

    const huge = await graphql(api, '{ assignments(first: 100000) { totalCount } }');
    expect(huge.errors?.[0]?.message).toMatch(/first must be between 1 and \d+, got 100000/);
  });
});
