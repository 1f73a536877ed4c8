/**
 * Every Query field against a real Neo4j holding the fixture graph of
 * test/fixtures/graph/api-fixture.cypher. Assertions are scoped to the
 * fixture's own names and ids, so other data in the database does not matter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/server.ts';
import { writeFixtureGraph, type FixtureGraph } from '../fixtures/graph/api-graph.ts';
import { graphql, testDatabase, testLimits } from './helpers.ts';

type Json = Record<string, unknown>;

describe('the GraphQL query surface', () => {
  const database = testDatabase();
  const api = createApi({ database, limits: testLimits() });
  let fixture: FixtureGraph;

  beforeAll(async () => {
    fixture = await writeFixtureGraph();
  });
  afterAll(async () => {
    await fixture?.remove();
    await database.close();
  });

  async function query(text: string, variables: Json = {}): Promise<Json> {
    const result = await graphql(api, text, variables);
    expect(result.errors).toBeUndefined();
    return result.data ?? {};
  }

  const AGENCY = `query ($name: String!) {
    agency(name: $name) {
      id name aliases kind
      renamedTo { name }
      renamedFrom { name }
      current { name }
      yearSummary { year leadCount jointLeadCount livelihoodLeadCount supportCount livelihoodSupportCount }
      assignments(role: LEAD) { totalCount edges { node { id year text } } }
      tasks(role: LEAD, years: [2024]) { totalCount edges { node { id number } } }
      overseenBy(year: 2024) { leader { name } role year aspect title }
      coLeads { agency { name } count }
    }
  }`;

  it('finds an agency by canonical name, alias, prefix variants, and reports its responsibilities per year', async () => {
    const names = [
      fixture.name('市工业和信息化局'),
      fixture.name('工业和信息化局'),
      fixture.name('柳州市工业和信息化局'),
      fixture.name('工信局'),
      ` ${fixture.name('市工业和信息化局')} `,
    ];
    for (const name of names) {
      const data = await query(AGENCY, { name });
      const agency = data['agency'] as Json;
      expect(agency['id'], name).toBe(fixture.id('agency:miit'));
      expect(agency['name']).toBe(fixture.name('市工业和信息化局'));
    }
    const agency = (await query(AGENCY, { name: fixture.name('工业和信息化局') }))['agency'] as Json;
    expect(agency['aliases']).toEqual([fixture.name('市工业和信息化局'), fixture.name('工信局')]);
    expect(agency['kind']).toBe('department');
    expect(agency['renamedTo']).toBeNull();
    expect(agency['renamedFrom']).toEqual([{ name: fixture.name('市经济委员会') }]);
    expect(agency['current']).toEqual({ name: fixture.name('市工业和信息化局') });
    expect(agency['yearSummary']).toEqual([
      { year: 2023, leadCount: 1, jointLeadCount: 0, livelihoodLeadCount: 0, supportCount: 0, livelihoodSupportCount: 0 },
      { year: 2024, leadCount: 1, jointLeadCount: 1, livelihoodLeadCount: 1, supportCount: 41, livelihoodSupportCount: 0 },
    ]);
    const assignments = agency['assignments'] as { totalCount: number; edges: { node: Json }[] };
    expect(assignments.totalCount).toBe(2);
    expect(assignments.edges.map((edge) => edge.node['year'])).toEqual([2023, 2024]);
    expect(agency['tasks']).toEqual({ totalCount: 1, edges: [{ node: { id: fixture.id('division-2024/task/1'), number: 1 } }] });
    expect(agency['overseenBy']).toEqual([
      { leader: { name: fixture.name('张三') }, role: '分管', year: 2024, aspect: null, title: '副市长' },
      { leader: { name: fixture.name('李四') }, role: '协助分管', year: 2024, aspect: '工业园区', title: '市政府副秘书长' },
    ]);
    expect(agency['coLeads']).toEqual([{ agency: { name: fixture.name('市发展改革委') }, count: 1 }]);
  });

  it('finds a former name as the former agency, whose renamedTo leads to its successor', async () => {
    const data = await query(AGENCY, { name: fixture.name('经济委员会') });
    const agency = data['agency'] as Json;
    expect(agency['name']).toBe(fixture.name('市经济委员会'));
    expect(agency['renamedTo']).toEqual({ name: fixture.name('市工业和信息化局') });
    expect(agency['current']).toEqual({ name: fixture.name('市工业和信息化局') });
  });

  it('returns null for an unknown agency', async () => {
    const data = await query('query ($name: String!) { agency(name: $name) { id } }', { name: fixture.name('市不存在局') });
    expect(data['agency']).toBeNull();
  });

  it('lists agencies filtered by name part and active years', async () => {
    const data = await query(
      `query ($tag: String!) {
        all: agencies(filter: { nameContains: $tag }) { totalCount edges { node { name } } }
        active2023: agencies(filter: { nameContains: $tag, activeInYears: [2023] }) { totalCount edges { node { name } } }
        byAlias: agencies(filter: { nameContains: "发展和改革委员会" }, first: 100) { edges { node { id } } }
      }`,
      { tag: fixture.tag },
    );
    expect((data['all'] as Json)['totalCount']).toBe(4);
    const active = data['active2023'] as { edges: { node: Json }[] };
    expect(active.edges.map((edge) => edge.node['name']).sort()).toEqual([fixture.name('市工业和信息化局'), fixture.name('市科技局')].sort());
    const byAlias = data['byAlias'] as { edges: { node: Json }[] };
    expect(byAlias.edges.map((edge) => edge.node['id'])).toContain(fixture.id('agency:ndrc'));

    const supporting = await query('query ($name: String!) { agency(name: $name) { yearSummary { year leadCount supportCount livelihoodSupportCount } } }', {
      name: fixture.name('市科技局'),
    });
    expect((supporting['agency'] as Json)['yearSummary']).toEqual([
      { year: 2023, leadCount: 0, supportCount: 1, livelihoodSupportCount: 0 },
      { year: 2024, leadCount: 40, supportCount: 0, livelihoodSupportCount: 1 },
    ]);
  });

  it('walks assignments page by page (first: 7) and returns every row once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let totalCount = -1;
    for (;;) {
      const data = await query(
        `query ($lead: String!, $after: String) {
          assignments(filter: { leadAgency: $lead }, first: 7, after: $after) {
            totalCount
            edges { cursor node { id } }
            pageInfo { hasNextPage endCursor hasPreviousPage startCursor }
          }
        }`,
        { lead: fixture.name('科技局'), after },
      );
      const connection = data['assignments'] as {
        totalCount: number;
        edges: { cursor: string; node: { id: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null; hasPreviousPage: boolean; startCursor: string | null };
      };
      totalCount = connection.totalCount;
      expect(connection.edges.length).toBeLessThanOrEqual(7);
      expect(connection.pageInfo.hasPreviousPage).toBe(pages > 0);
      expect(connection.pageInfo.startCursor).toBe(connection.edges[0]?.cursor ?? null);
      seen.push(...connection.edges.map((edge) => edge.node.id));
      pages += 1;
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(totalCount).toBe(40);
    expect(pages).toBe(6);
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });

  it('filters assignments and tasks by agency, years, text, document kind and joint leads, with their nested fields', async () => {
    const data = await query(
      `query ($lead: String!, $any: String!, $text: String!, $former: String!) {
        joint: assignments(filter: { leadAgency: $lead, jointOnly: true, documentKind: TASK_DIVISION }) {
          totalCount
          edges { node {
            id text ordinal deadline joint annotation year
            task { id number title section { title document { id } } document { id kind } assignments { id } }
            leads { name } supporters { name }
            mentions { __typename ... on Company { name } }
            implements { id text document { year } }
            continues { id year leads { name } }
            continuedBy { id }
            source { document { title kind } start end }
          } }
        }
        earlier: assignments(filter: { anyAgency: $any, yearFrom: 2023, yearTo: 2023 }) { totalCount edges { node { continuedBy { id } } } }
        byText: assignments(filter: { text: $text }) { totalCount }
        tasks: tasks(filter: { anyAgency: $any, years: [2024] }) { totalCount edges { node { id year number title text document { id } source { start end } } } }
        jointTasks: tasks(filter: { leadAgency: $lead, jointOnly: true }) { totalCount }
        textTasks: tasks(filter: { text: $text }) { totalCount }
        renamed: assignments(filter: { leadAgency: $former }) { totalCount }
        renamedFamily: assignments(filter: { leadAgency: $former, includeRenamed: true }) { totalCount }
      }`,
      { lead: fixture.name('发展和改革委员会'), any: fixture.name('市工业和信息化局'), text: `集群发展${fixture.tag}`, former: fixture.name('市经济委员会') },
    );
    const joint = data['joint'] as { totalCount: number; edges: { node: Json }[] };
    expect(joint.totalCount).toBe(1);
    const node = joint.edges[0]?.node as Json;
    expect(node['id']).toBe(fixture.id('division-2024/task/1/clause/1'));
    expect(node['joint']).toBe(true);
    expect((node['task'] as Json)['number']).toBe(1);
    expect(((node['task'] as Json)['section'] as Json)['title']).toBe('一、推动工业高质量发展');
    expect((node['task'] as Json)['assignments']).toEqual([{ id: fixture.id('division-2024/task/1/clause/1') }, { id: fixture.id('division-2024/task/1/clause/2') }]);
    expect(node['leads']).toEqual([{ name: fixture.name('市工业和信息化局') }, { name: fixture.name('市发展改革委') }]);
    expect(node['supporters']).toEqual([]);
    expect(node['mentions']).toEqual([{ __typename: 'Company', name: fixture.name('柳州螺蛳粉集团') }]);
    expect((node['implements'] as Json[])[0]?.['document']).toEqual({ year: 2024 });
    expect(node['continues']).toEqual([{ id: fixture.id('division-2023/task/1/clause/1'), year: 2023, leads: [{ name: fixture.name('市工业和信息化局') }] }]);
    expect(node['source']).toEqual({ document: { title: `关于落实2024年〈政府工作报告〉重点工作分工的意见${fixture.tag}`, kind: 'TASK_DIVISION' }, start: 40, end: 90 });
    expect(data['earlier']).toEqual({ totalCount: 1, edges: [{ node: { continuedBy: [{ id: fixture.id('division-2024/task/1/clause/1') }] } }] });
    expect(data['byText']).toEqual({ totalCount: 1 });
    const tasks = data['tasks'] as { totalCount: number; edges: { node: Json }[] };
    expect(tasks.totalCount).toBe(2);
    expect(tasks.edges.map((edge) => edge.node['number'])).toEqual([1, 2]);
    expect(data['jointTasks']).toEqual({ totalCount: 1 });
    expect(data['renamed']).toEqual({ totalCount: 0 });
    expect(data['renamedFamily']).toEqual({ totalCount: 2 });
    expect(data['textTasks']).toEqual({ totalCount: 1 });
  });

  it('lists documents and livelihood projects', async () => {
    const data = await query(
      `query ($tag: String!) {
        documents(filter: { titleContains: $tag, kind: WORK_REPORT }) { totalCount edges { node { id title kind year docNo issuedOn sourceFile } } }
        since2024: documents(filter: { titleContains: $tag, yearFrom: 2024 }) { totalCount }
        livelihoodProjects(year: 2024, first: 100) { edges { node { id year no title content standard leads { name } supporters { name } document { kind } } } }
      }`,
      { tag: fixture.tag },
    );
    const documents = data['documents'] as { totalCount: number; edges: { node: Json }[] };
    expect(documents.totalCount).toBe(3);
    expect(documents.edges.map((edge) => edge.node['year'])).toEqual([2023, 2024, 2026]);
    expect(data['since2024']).toEqual({ totalCount: 5 });
    const projects = (data['livelihoodProjects'] as { edges: { node: Json }[] }).edges.map((edge) => edge.node).filter((project) => String(project['id']).startsWith(fixture.marker));
    expect(projects).toEqual([
      { id: fixture.id('livelihood-2024/livelihood/1'), year: 2024, no: 1, title: fixture.name('螺蛳粉就业帮扶'), content: '新增就业岗位1000个', standard: '12月底前完成', leads: [{ name: fixture.name('市工业和信息化局') }], supporters: [{ name: fixture.name('市科技局') }], document: { kind: 'LIVELIHOOD_PLAN' } },
      { id: fixture.id('livelihood-2024/livelihood/2'), year: 2024, no: 2, title: fixture.name('老旧小区改造'), content: '改造老旧小区50个', standard: '年底前完成', leads: [{ name: fixture.name('市发展改革委') }], supporters: [], document: { kind: 'LIVELIHOOD_PLAN' } },
    ]);
  });

  it('gives an indicator\'s targets and actuals side by side', async () => {
    const data = await query(
      `query ($metric: String!) {
        indicator(metric: $metric) {
          id metric unit
          series { year kind value qualifier measure document { year kind } }
          byYear { year targets { value qualifier } actuals { value } }
        }
        indicators { metric }
      }`,
      { metric: fixture.name('地区生产总值') },
    );
    const indicator = data['indicator'] as Json;
    expect(indicator['unit']).toBe('%');
    expect(indicator['byYear']).toEqual([
      { year: 2023, targets: [{ value: 6.5, qualifier: '左右' }], actuals: [{ value: 4.9 }] },
      { year: 2024, targets: [{ value: 5.5, qualifier: '左右' }], actuals: [] },
      { year: 2026, targets: [{ value: 5, qualifier: '以上' }], actuals: [] },
    ]);
    expect((indicator['series'] as Json[]).map((value) => [value['year'], value['kind'], (value['document'] as Json)['year']])).toEqual([
      [2023, 'TARGET', 2023],
      [2023, 'ACTUAL', 2024],
      [2024, 'TARGET', 2024],
      [2026, 'TARGET', 2026],
    ]);
    expect((data['indicators'] as Json[]).map((value) => value['metric'])).toContain(fixture.name('地区生产总值'));
    const missing = await query('{ indicator(metric: "没有这个指标zz") { id } }');
    expect(missing['indicator']).toBeNull();
  });

  it('shows who oversees which agency in a year', async () => {
    const data = await query('{ leaders(year: 2024) { id name oversees { agency { name } role year } } all: leaders { name oversees { year } } }');
    const zhang = (data['leaders'] as Json[]).find((leader) => leader['name'] === fixture.name('张三')) as Json;
    expect(zhang['oversees']).toEqual([
      { agency: { name: fixture.name('市工业和信息化局') }, role: '分管', year: 2024 },
      { agency: { name: fixture.name('市发展改革委') }, role: '分管', year: 2024 },
    ]);
    const zhangAllYears = (data['all'] as Json[]).find((leader) => leader['name'] === fixture.name('张三')) as Json;
    expect((zhangAllYears['oversees'] as Json[]).map((oversight) => oversight['year'])).toEqual([2023, 2024, 2024]);
    const in2023 = await query('{ leaders(year: 2023) { name } }');
    expect((in2023['leaders'] as Json[]).map((leader) => leader['name'])).not.toContain(fixture.name('李四'));
  });

  it('searches prose across documents with years, types and snippets', async () => {
    const data = await query(
      `query ($text: String!) {
        search(text: $text, first: 100) { totalCount edges { node { score type id snippet text year document { id title year kind } node { id } } } }
        terms: search(text: $text, types: [TERM]) { edges { node { type id document { id } year } } }
        in2023: search(text: $text, years: [2023], types: [PASSAGE, ASSIGNMENT]) { edges { node { id year } } }
      }`,
      { text: fixture.tag },
    );
    const nodesOf = (connection: unknown) => ((connection as Json)['edges'] as Json[]).map((edge) => edge['node'] as Json);
    const hits = nodesOf(data['search']);
    expect((data['search'] as Json)['totalCount']).toBe(hits.length);
    const types = new Set(hits.map((hit) => hit['type']));
    expect([...types].sort()).toEqual(['ASSIGNMENT', 'LIVELIHOOD_PROJECT', 'PASSAGE', 'TASK', 'TERM']);
    const documents = new Set(hits.map((hit) => (hit['document'] as Json | null)?.['id']));
    expect(documents.size).toBeGreaterThanOrEqual(4);
    for (const hit of hits) {
      expect(String(hit['snippet'])).toContain(fixture.tag);
      expect(hit['score']).toBeGreaterThan(0);
      expect((hit['node'] as Json)['id']).toBe(hit['id']);
    }
    expect(hits.map((hit) => hit['year'])).toEqual(expect.arrayContaining([2023, 2024]));
    expect(nodesOf(data['terms'])).toEqual([{ type: 'TERM', id: fixture.id('term:park'), document: { id: fixture.id('report-2023') }, year: 2023 }]);
    const in2023 = nodesOf(data['in2023']);
    expect(in2023.length).toBeGreaterThan(0);
    expect(in2023.every((hit) => hit['year'] === 2023)).toBe(true);
  });

  it('treats search text as a phrase, never as Lucene syntax', async () => {
    for (const text of [`${fixture.tag} AND (`, `"${fixture.tag}`, `${fixture.tag}\\`, `title:${fixture.tag}~ *`]) {
      const result = await graphql(api, 'query ($text: String!) { search(text: $text, first: 100) { edges { node { id } } } }', { text });
      expect(result.errors, text).toBeUndefined();
      const ids = ((result.data?.['search'] as Json)['edges'] as Json[]).map((edge) => String((edge['node'] as Json)['id']));
      expect(ids.every((id) => id.startsWith(fixture.marker)), text).toBe(true);
    }
  });

  it('returns the neighbourhood of an agency: assignments, tasks and leaders within the limit', async () => {
    const GRAPH = `query ($id: ID!, $depth: Int, $limit: Int) {
      neighborhood(id: $id, depth: $depth, limit: $limit) {
        truncated
        nodes { id label name properties }
        edges { id type source target properties }
      }
    }`;
    const near = (await query(GRAPH, { id: fixture.id('agency:ndrc'), depth: 2, limit: 200 }))['neighborhood'] as {
      truncated: boolean;
      nodes: Json[];
      edges: Json[];
    };
    expect(near.truncated).toBe(false);
    const labels = new Set(near.nodes.map((node) => node['label']));
    for (const label of ['Agency', 'Assignment', 'Task', 'Leader', 'LivelihoodProject']) expect(labels).toContain(label);
    const ids = new Set(near.nodes.map((node) => node['id']));
    for (const edge of near.edges) {
      expect(ids).toContain(edge['source']);
      expect(ids).toContain(edge['target']);
    }
    expect(near.edges.map((edge) => edge['type'])).toEqual(expect.arrayContaining(['LED_BY', 'HAS_ASSIGNMENT', 'OVERSEES']));
    const agency = near.nodes.find((node) => node['id'] === fixture.id('agency:ndrc')) as Json;
    expect(agency['name']).toBe(fixture.name('市发展改革委'));
    expect((agency['properties'] as Json)['aliases']).toEqual([fixture.name('市发展改革委'), fixture.name('市发展和改革委员会')]);

    const cut = (await query(GRAPH, { id: fixture.id('agency:most'), depth: 3, limit: 10 }))['neighborhood'] as { truncated: boolean; nodes: Json[] };
    expect(cut.truncated).toBe(true);
    expect(cut.nodes).toHaveLength(10);

    // 42 clauses next to the agency do not crowd out the tasks behind them.
    const hub = (await query(GRAPH, { id: fixture.id('agency:most'), depth: 2, limit: 20 }))['neighborhood'] as { truncated: boolean; nodes: Json[] };
    expect(hub.truncated).toBe(true);
    expect(new Set(hub.nodes.map((node) => node['label']))).toEqual(new Set(['Agency', 'Assignment', 'Task']));

    const document = (await query(GRAPH, { id: fixture.id('report-2024'), depth: 1, limit: 50 }))['neighborhood'] as { nodes: Json[] };
    const properties = document.nodes.find((node) => node['label'] === 'Document')?.['properties'] as Json;
    expect(properties['kind']).toBe('WORK_REPORT');
    expect(properties).not.toHaveProperty('text');
  });

  it('reports overlaps: multi-lead clauses, co-lead pairs, lead changes and agencies with several leaders', async () => {
    const data = await query(
      `query ($agency: String!) {
        overlaps(year: 2024, agency: $agency) {
          year
          multiLeadAssignments(first: 10) { totalCount edges { node { id leads { name } } } }
          coLeadPairs { totalCount edges { node { first { name } second { name } count years } } }
          leadChanges { totalCount edges { node { earlier { id year } later { id year } score earlierLeads { name } laterLeads { name } added { name } removed { name } } } }
          multiplyOverseen { totalCount edges { node { agency { name } year oversights { leader { name } role } } } }
        }
      }`,
      { agency: fixture.name('市工业和信息化局') },
    );
    const report = data['overlaps'] as Json;
    expect(report['year']).toBe(2024);
    expect((report['multiLeadAssignments'] as Json)['totalCount']).toBe(1);
    const nodes = (connection: unknown) => ((connection as { edges: { node: Json }[] }).edges ?? []).map((edge) => edge.node);
    const pair = nodes(report['coLeadPairs'])[0] as Json;
    expect([(pair['first'] as Json)['name'], (pair['second'] as Json)['name']].sort()).toEqual([fixture.name('市发展改革委'), fixture.name('市工业和信息化局')].sort());
    expect(pair['count']).toBe(1);
    expect(pair['years']).toEqual([2024]);
    expect((report['leadChanges'] as Json)['totalCount']).toBe(1);
    expect(nodes(report['leadChanges'])).toEqual([
      {
        earlier: { id: fixture.id('division-2023/task/1/clause/1'), year: 2023 },
        later: { id: fixture.id('division-2024/task/1/clause/1'), year: 2024 },
        score: 0.8,
        earlierLeads: [{ name: fixture.name('市工业和信息化局') }],
        laterLeads: expect.arrayContaining([{ name: fixture.name('市工业和信息化局') }, { name: fixture.name('市发展改革委') }]),
        added: [{ name: fixture.name('市发展改革委') }],
        removed: [],
      },
    ]);
    expect(nodes(report['multiplyOverseen'])).toEqual([
      {
        agency: { name: fixture.name('市工业和信息化局') },
        year: 2024,
        oversights: expect.arrayContaining([
          { leader: { name: fixture.name('张三') }, role: '分管' },
          { leader: { name: fixture.name('李四') }, role: '协助分管' },
        ]),
      },
    ]);
  });

  it('fetches any node by id with its own type', async () => {
    const data = await query(
      `query ($task: ID!, $term: ID!, $leader: ID!, $passage: ID!, $section: ID!, $park: ID!) {
        task: node(id: $task) { __typename id ... on Task { number } }
        term: node(id: $term) { __typename ... on Term { name definition } }
        leader: node(id: $leader) { __typename ... on Leader { name } }
        passage: node(id: $passage) { __typename ... on Passage { year text document { kind } source { start end } } }
        section: node(id: $section) { __typename ... on Section { title document { year } } }
        missing: node(id: $park) { id }
      }`,
      {
        task: fixture.id('division-2023/task/1'),
        term: fixture.id('term:park'),
        leader: fixture.id('leader:zhang'),
        passage: fixture.id('report-2023/passage/1'),
        section: fixture.id('division-2024/section/1'),
        park: fixture.id('park:none'),
      },
    );
    expect(data['task']).toEqual({ __typename: 'Task', id: fixture.id('division-2023/task/1'), number: 1 });
    expect(data['term']).toEqual({ __typename: 'Term', name: fixture.name('螺蛳粉产业园'), definition: '螺蛳粉生产企业集聚的园区' });
    expect(data['leader']).toEqual({ __typename: 'Leader', name: fixture.name('张三') });
    expect(data['passage']).toMatchObject({ __typename: 'Passage', year: 2023, document: { kind: 'WORK_REPORT' }, source: { start: 0, end: 30 } });
    expect(data['section']).toEqual({ __typename: 'Section', title: '一、推动工业高质量发展', document: { year: 2024 } });
    expect(data['missing']).toBeNull();
  });
});
