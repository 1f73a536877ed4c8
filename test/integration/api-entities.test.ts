/**
 * The entity-centric API against a real Neo4j: company/park/project/term and
 * their lists, `mentionedIn` and `mentionsByYear` on every Mentioned type,
 * `suggest`, `search` as a connection, an agency's `renames`, a document's
 * `text`, and the number of statements an operation costs. The graph is
 * test/fixtures/graph/entity-fixture.cypher (plus the API fixture for
 * search); assertions are scoped to the fixtures' own names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/server.ts';
import { writeFixtureGraph, type FixtureGraph } from '../fixtures/graph/api-graph.ts';
import { graphql, testDatabase, testLimits } from './helpers.ts';

type Json = Record<string, unknown>;
interface Page<T = Json> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor?: string; node: T }[];
}

describe('the entity-centric API', () => {
  const statements: string[] = [];
  const database = testDatabase({ onStatement: (name) => statements.push(name) });
  const api = createApi({ database, limits: testLimits() });
  let fixture: FixtureGraph;
  let prose: FixtureGraph;

  beforeAll(async () => {
    fixture = await writeFixtureGraph('entitytest', 'entity-fixture');
    prose = await writeFixtureGraph('entitysearch');
  });
  afterAll(async () => {
    await fixture?.remove();
    await prose?.remove();
    await database.close();
  });

  async function query(text: string, variables: Json = {}): Promise<Json> {
    const result = await graphql(api, text, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data ?? {};
  }

  async function errorOf(text: string, variables: Json = {}): Promise<{ message: string; code: unknown }> {
    const result = await graphql(api, text, variables);
    const error = result.errors?.[0];
    expect(error, text).toBeDefined();
    return { message: error?.message ?? '', code: error?.extensions?.['code'] };
  }

  it('finds a company, park, project or term by name or alias, ignoring white space', async () => {
    const data = await query(
      `query ($company: String!, $alias: String!, $park: String!, $project: String!, $term: String!, $missing: String!) {
        company(name: $company) { id name aliases }
        byAlias: company(name: $alias) { id }
        park(name: $park) { id name }
        project(name: $project) { id name }
        term(name: $term) { id name definition }
        missing: company(name: $missing) { id }
        wrongType: park(name: $company) { id }
      }`,
      {
        company: ` ${fixture.name('龙城机械')} `,
        alias: fixture.name('龙城机械集团'),
        park: fixture.name('河东园区'),
        project: fixture.name('智造工程'),
        term: fixture.name('新质生产力'),
        missing: fixture.name('没有这家公司'),
      },
    );
    expect(data['company']).toEqual({ id: fixture.id('company:longcheng'), name: fixture.name('龙城机械'), aliases: [fixture.name('龙城机械'), fixture.name('龙城机械集团')] });
    expect(data['byAlias']).toEqual({ id: fixture.id('company:longcheng') });
    expect(data['park']).toEqual({ id: fixture.id('park:hedong'), name: fixture.name('河东园区') });
    expect(data['project']).toEqual({ id: fixture.id('project:zhizao'), name: fixture.name('智造工程') });
    expect(data['term']).toEqual({ id: fixture.id('term:xinzhi'), name: fixture.name('新质生产力'), definition: '以创新起主导作用的先进生产力' });
    expect(data['missing']).toBeNull();
    expect(data['wrongType']).toBeNull();
  });

  it('lists companies by name, filtered by name part and by the years that mention them, page by page', async () => {
    const data = await query(
      `query ($tag: String!) {
        all: companies(filter: { nameContains: $tag }) { totalCount edges { node { name } } }
        in2023: companies(filter: { nameContains: $tag, mentionedInYears: [2023] }) { totalCount edges { node { id } } }
        first: companies(filter: { nameContains: $tag }, first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
        parks(filter: { nameContains: $tag }) { totalCount edges { node { id } } }
        projects(filter: { nameContains: $tag, mentionedInYears: [2023] }) { totalCount }
        terms(filter: { nameContains: $tag }) { totalCount edges { node { name } } }
        byAlias: companies(filter: { nameContains: "龙城机械集团" }, first: 100) { edges { node { id } } }
      }`,
      { tag: fixture.tag },
    );
    expect((data['all'] as Page).edges.map((edge) => edge.node['name'])).toEqual([fixture.name('桂中重工'), fixture.name('龙城机械')].sort());
    expect(data['in2023']).toEqual({ totalCount: 1, edges: [{ node: { id: fixture.id('company:longcheng') } }] });
    const first = data['first'] as Page;
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await query(`query ($tag: String!, $after: String) { companies(filter: { nameContains: $tag }, first: 1, after: $after) { pageInfo { hasNextPage } edges { node { id } } } }`, {
      tag: fixture.tag,
      after: first.pageInfo.endCursor,
    });
    const second = next['companies'] as Page;
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.edges[0]?.node['id']).not.toBe(first.edges[0]?.node['id']);
    expect(data['parks']).toEqual({ totalCount: 1, edges: [{ node: { id: fixture.id('park:hedong') } }] });
    expect(data['projects']).toEqual({ totalCount: 0 });
    expect(data['terms']).toEqual({ totalCount: 1, edges: [{ node: { name: fixture.name('新质生产力') } }] });
    expect((data['byAlias'] as Page).edges.map((edge) => edge.node['id'])).toContain(fixture.id('company:longcheng'));
  });

  const MENTIONS = `query ($name: String!, $years: [Int!], $first: Int, $after: String) {
    company(name: $name) {
      mentionsByYear { year count }
      mentionedIn(years: $years, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { node {
          year written snippet
          document { id title year }
          source { start end text document { id } }
          item { __typename ... on Node { id } }
        } }
      }
    }
  }`;

  it('tells where a company is named: clauses and passages with year, document and the span of the name', async () => {
    const data = await query(MENTIONS, { name: fixture.name('龙城机械') });
    const company = data['company'] as { mentionsByYear: Json[]; mentionedIn: Page };
    expect(company.mentionsByYear).toEqual([
      { year: 2023, count: 1 },
      { year: 2024, count: 2 },
    ]);
    const mentions = company.mentionedIn;
    expect(mentions.totalCount).toBe(3);
    expect(mentions.edges.map((edge) => edge.node['year'])).toEqual([2023, 2024, 2024]);
    expect(mentions.edges.map((edge) => (edge.node['item'] as Json)['__typename']).sort()).toEqual(['Assignment', 'Passage', 'Passage']);
    for (const { node } of mentions.edges) {
      expect(node['written']).toBe(fixture.name('龙城机械'));
      expect(String(node['snippet'])).toContain(fixture.name('龙城机械'));
      const source = node['source'] as Json;
      // The span indexes the document's text: it holds the name as written.
      expect(source['text']).toBe(fixture.name('龙城机械'));
      expect((source['document'] as Json)['id']).toBe((node['document'] as Json)['id']);
    }
    const only2023 = (await query(MENTIONS, { name: fixture.name('龙城机械'), years: [2023] }))['company'] as { mentionedIn: Page };
    expect(only2023.mentionedIn.totalCount).toBe(1);
    expect((only2023.mentionedIn.edges[0]?.node['document'] as Json)['id']).toBe(fixture.id('report-2023'));
  });

  it('pages through mentions with first and after, each once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const data = await query(MENTIONS, { name: fixture.name('龙城机械'), first: 2, after });
      const mentions = (data['company'] as { mentionedIn: Page }).mentionedIn;
      seen.push(...mentions.edges.map((edge) => String((edge.node['item'] as Json)['id'])));
      if (!mentions.pageInfo.hasNextPage) break;
      after = mentions.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
  });

  it('gives parks, projects, terms and agencies the same mentions (Mentioned interface)', async () => {
    const data = await query(
      `query ($park: String!, $project: String!, $term: String!, $agency: String!) {
        park(name: $park) { mentionedIn { totalCount edges { node { year source { text } } } } }
        project(name: $project) { mentionsByYear { year count } mentionedIn { totalCount edges { node { item { __typename } snippet } } } }
        term(name: $term) { mentionedIn { totalCount edges { node { year document { id } } } } }
        agency(name: $agency) { mentionedIn { totalCount edges { node { written } } } mentionsByYear { year count } }
      }`,
      { park: fixture.name('河东园区'), project: fixture.name('智造工程'), term: fixture.name('新质生产力'), agency: fixture.name('市工信局') },
    );
    expect(data['park']).toEqual({ mentionedIn: { totalCount: 1, edges: [{ node: { year: 2023, source: { text: fixture.name('河东园区') } } }] } });
    const project = data['project'] as { mentionsByYear: Json[]; mentionedIn: Page };
    expect(project.mentionsByYear).toEqual([{ year: 2024, count: 2 }]);
    expect(project.mentionedIn.edges.map((edge) => (edge.node['item'] as Json)['__typename']).sort()).toEqual(['Assignment', 'LivelihoodProject']);
    expect(project.mentionedIn.edges.every((edge) => String(edge.node['snippet']).includes('智造工程'))).toBe(true);
    expect(data['term']).toEqual({ mentionedIn: { totalCount: 1, edges: [{ node: { year: 2024, document: { id: fixture.id('report-2024') } } }] } });
    expect(data['agency']).toEqual({ mentionedIn: { totalCount: 1, edges: [{ node: { written: '工信局' } }] }, mentionsByYear: [{ year: 2024, count: 1 }] });
  });

  it('reads the same through node(id) and the Mentioned interface', async () => {
    const data = await query('query ($id: ID!) { node(id: $id) { id ... on Mentioned { mentionedIn(first: 1) { totalCount } } } }', { id: fixture.id('company:longcheng') });
    expect(data['node']).toEqual({ id: fixture.id('company:longcheng'), mentionedIn: { totalCount: 3 } });
  });

  it("lists every rename of an agency's family, oldest first, from any of its names", async () => {
    for (const name of ['市经委', '市工信委', '工信局']) {
      const data = await query('query ($name: String!) { agency(name: $name) { renames { year from { name } to { name } } } }', { name: fixture.name(name) });
      expect((data['agency'] as Json)['renames'], name).toEqual([
        { year: 2015, from: { name: fixture.name('市经委') }, to: { name: fixture.name('市工信委') } },
        { year: 2019, from: { name: fixture.name('市工信委') }, to: { name: fixture.name('市工信局') } },
      ]);
    }
  });

  it("gives a document's full text, which the spans index", async () => {
    const data = await query('query ($id: ID!) { node(id: $id) { ... on Document { title text } } }', { id: fixture.id('report-2023') });
    expect(data['node']).toEqual({ title: fixture.name('2023年政府工作报告'), text: `支持${fixture.name('龙城机械')}做大做强，建设${fixture.name('河东园区')}。` });
  });

  describe('suggest', () => {
    const SUGGEST = 'query ($prefix: String!, $types: [SuggestType!], $first: Int) { suggest(prefix: $prefix, types: $types, first: $first) { id type name matched node { id } } }';

    it('puts the exact name first, then names that start with the text, then names that contain it', async () => {
      const data = await query(SUGGEST, { prefix: fixture.name('市工信局') });
      const suggestions = data['suggest'] as Json[];
      expect(suggestions[0]).toEqual({ id: fixture.id('agency:gongxinju'), type: 'AGENCY', name: fixture.name('市工信局'), matched: fixture.name('市工信局'), node: { id: fixture.id('agency:gongxinju') } });
      const partial = (await query(SUGGEST, { prefix: `龙城机械${fixture.tag.slice(0, 4)}` }))['suggest'] as Json[];
      expect(partial.map((suggestion) => suggestion['id'])).toContain(fixture.id('company:longcheng'));
    });

    it('matches aliases and says which one matched', async () => {
      const data = await query(SUGGEST, { prefix: fixture.name('龙城机械集团') });
      expect((data['suggest'] as Json[])[0]).toMatchObject({ id: fixture.id('company:longcheng'), name: fixture.name('龙城机械'), matched: fixture.name('龙城机械集团') });
    });

    it('finds an agency written with the city prefix or without 市', async () => {
      for (const prefix of [`柳州市工信局${fixture.tag}`, `工信局${fixture.tag}`]) {
        const data = await query(SUGGEST, { prefix, types: ['AGENCY'] });
        expect((data['suggest'] as Json[])[0]?.['id'], prefix).toBe(fixture.id('agency:gongxinju'));
      }
    });

    it('keeps to the types asked for and to first, letting every type take turns', async () => {
      const parks = (await query(SUGGEST, { prefix: fixture.tag, types: ['PARK', 'TERM'] }))['suggest'] as Json[];
      expect(new Set(parks.map((suggestion) => suggestion['type']))).toEqual(new Set(['PARK', 'TERM']));
      const two = (await query(SUGGEST, { prefix: fixture.tag, first: 2 }))['suggest'] as Json[];
      expect(two).toHaveLength(2);
      expect(new Set(two.map((suggestion) => suggestion['type'])).size).toBe(2);
    });

    it('rejects an empty prefix and a page size out of range', async () => {
      expect(await errorOf('{ suggest(prefix: " ") { id } }')).toEqual({ code: 'BAD_USER_INPUT', message: 'prefix must not be empty' });
      expect((await errorOf('{ suggest(prefix: "市", first: 0) { id } }')).code).toBe('BAD_USER_INPUT');
    });
  });

  it('pages search hits as a connection whose totalCount counts them all', async () => {
    const SEARCH = 'query ($text: String!, $first: Int, $after: String) { search(text: $text, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id score } } } }';
    const all = (await query(SEARCH, { text: prose.tag, first: 100 }))['search'] as Page<{ id: string; score: number }>;
    expect(all.totalCount).toBe(all.edges.length);
    expect(all.totalCount).toBeGreaterThan(4);
    const scores = all.edges.map((edge) => edge.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const result = (await query(SEARCH, { text: prose.tag, first: 3, after }))['search'] as Page<{ id: string; score: number }>;
      expect(result.totalCount).toBe(all.totalCount);
      ids.push(...result.edges.map((edge) => edge.node.id));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(ids).toEqual(all.edges.map((edge) => edge.node.id));
  });

  it('costs the same number of statements for one entity as for many', async () => {
    const NESTED = `query ($tag: String!, $first: Int!) {
      companies(filter: { nameContains: $tag }, first: $first) {
        edges { node {
          name
          mentionsByYear { year count }
          mentionedIn(first: 5) { totalCount edges { node { snippet document { title text } source { text } item { __typename ... on Node { id } } } } }
        } }
      }
      suggest(prefix: $tag, first: 5) { id node { id } }
    }`;
    const counts: number[] = [];
    for (const first of [1, 2]) {
      statements.length = 0;
      const result = await graphql(api, NESTED, { tag: fixture.tag, first });
      expect(result.errors).toBeUndefined();
      expect(((result.data?.['companies'] as Json)['edges'] as unknown[]).length).toBe(first);
      counts.push(statements.length);
    }
    expect(counts[0]).toBe(counts[1]);
    // page, suggest, mentionsByYear, mentionedIn, then documents, their text and the source spans.
    expect(counts[1]).toBeLessThanOrEqual(7);
  });
});
