/**
 * Nested fields answered by their parent's statement (`$withLinks`,
 * `$withSeries`): one round trip fewer per level when the operation selects
 * them, and the batched statements as before when a parent row lacks them.
 */
import { parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { childFields, selectsAny, selectsBelow } from '../../api/selection.ts';
import { fakeApi, fakeDatabase, post } from './helpers/fake-database.ts';

const AGENCY = { id: 'agency:gx/市财政局', name: '市财政局', _labels: ['Node', 'Agency'] };
const TASK = { id: 'task:1', number: 1, title: '稳增长', _labels: ['Node', 'Task'] };
const clause = (id: string) => ({ id, year: 2024, text: `条款${id}`, documentId: 'doc:1', _labels: ['Node', 'Assignment'] });

function infoOf(source: string) {
  const document = parse(source);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition');
  const field = operation?.selectionSet.selections[0] as FieldNode;
  const fragments = Object.fromEntries(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === 'FragmentDefinition').map((fragment) => [fragment.name.value, fragment]),
  );
  return { fieldNodes: [field], fragments };
}

describe('selectsAny', () => {
  const names = new Set(['leads', 'task']);
  it('finds a field below the resolved one, through inline and named fragments', () => {
    expect(selectsAny(infoOf('{ assignments { edges { node { id leads { name } } } } }'), names)).toBe(true);
    expect(selectsAny(infoOf('{ assignments { edges { node { ... on Assignment { task { id } } } } } }'), names)).toBe(true);
    expect(selectsAny(infoOf('{ assignments { edges { node { ...F } } } } fragment F on Assignment { task { id } }'), names)).toBe(true);
  });
  it('says no when none of them is selected, and the field itself does not count', () => {
    expect(selectsAny(infoOf('{ assignments { totalCount edges { node { id text } } } }'), names)).toBe(false);
    expect(selectsAny(infoOf('{ task { id } }'), names)).toBe(false);
  });
  it('stops on fragments that spread each other', () => {
    expect(selectsAny(infoOf('{ a { ...F } } fragment F on A { b { ...G } } fragment G on B { c { ...F } }'), names)).toBe(false);
  });
});

describe('selectsBelow', () => {
  const text = new Set(['text']);
  it('finds a field right below a field of that name at any depth, through fragments', () => {
    expect(selectsBelow(infoOf('{ assignments { edges { node { task { number text } } } } }'), 'task', text)).toBe(true);
    expect(selectsBelow(infoOf('{ assignments { edges { node { task { ...T } } } } } fragment T on Task { ... on Task { text } }'), 'task', text)).toBe(true);
  });
  it('says no for the same name elsewhere: on the clause itself, or deeper below the task', () => {
    expect(selectsBelow(infoOf('{ assignments { edges { node { text task { number title } } } } }'), 'task', text)).toBe(false);
    expect(selectsBelow(infoOf('{ assignments { edges { node { task { source { text } } } } } }'), 'task', text)).toBe(false);
  });
});

describe('childFields', () => {
  it('finds the fields of that name right below the resolved one, through fragments, not deeper', () => {
    const fields = childFields(infoOf('{ agency { a: assignments(first: 2) { totalCount } ... on Agency { assignments { totalCount } } ...F } } fragment F on Agency { yearSummary { year } tasks { edges { node { assignments { id } } } } }'), 'assignments');
    expect(fields.map((field) => field.alias?.value ?? field.name.value).sort()).toEqual(['a', 'assignments']);
    expect(childFields(infoOf('{ agency { ...F } } fragment F on Agency { yearSummary { year } }'), 'yearSummary')).toHaveLength(1);
  });
});

describe('nested fields from the parent statement', () => {
  it('answers leads, supporters and task of a page of clauses in the page statement itself', async () => {
    const page = [
      { ...clause('c1'), _agencies: [{ relationship: 'LED_BY', agency: AGENCY }], _task: [TASK] },
      { ...clause('c2'), _agencies: [{ relationship: 'SUPPORTED_BY', agency: AGENCY }], _task: [TASK] },
    ];
    const database = fakeDatabase({ 'api/assignments-page': [{ totalCount: 2, page }] });
    const answer = await post(fakeApi(database), '{ assignments(first: 2) { totalCount edges { node { id leads { name } supporters { name } task { number } } } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['assignments']).toEqual({
      totalCount: 2,
      edges: [
        { node: { id: 'c1', leads: [{ name: '市财政局' }], supporters: [], task: { number: 1 } } },
        { node: { id: 'c2', leads: [], supporters: [{ name: '市财政局' }], task: { number: 1 } } },
      ],
    });
    expect(database.names()).toEqual(['api/assignments-page']);
    expect(database.statements[0]?.parameters['withLinks']).toBe(true);
    // The task's text is not asked for: the statement leaves it out.
    expect(database.statements[0]?.parameters['withTaskText']).toBe(false);
  });

  it("asks for the task's text with the page when a clause's task selects it", async () => {
    const database = fakeDatabase({ 'api/assignments-page': [{ totalCount: 1, page: [{ ...clause('c1'), _agencies: [], _task: [{ ...TASK, text: '稳增长全文' }] }] }] });
    const answer = await post(fakeApi(database), '{ assignments(first: 1) { edges { node { task { text } } } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['assignments']).toEqual({ edges: [{ node: { task: { text: '稳增长全文' } } }] });
    expect(database.statements[0]?.parameters['withTaskText']).toBe(true);
  });

  it('asks for no links when none is selected, and batches them as before when a row lacks them', async () => {
    const database = fakeDatabase({
      'api/assignments-page': [{ totalCount: 1, page: [clause('c1')] }],
      'api/led-and-supported': (parameters) => (parameters['ids'] as string[]).map((parentId) => ({ parentId, relationship: 'LED_BY', agency: AGENCY })),
    });
    const plain = await post(fakeApi(database), '{ assignments(first: 1) { totalCount } }');
    expect(plain.errors).toBeUndefined();
    expect(database.statements[0]?.parameters['withLinks']).toBe(false);
    const linked = await post(fakeApi(database), '{ assignments(first: 1) { edges { node { leads { name } } } } }');
    expect(linked.data?.['assignments']).toEqual({ edges: [{ node: { leads: [{ name: '市财政局' }] } }] });
    expect(database.names()).toEqual(['api/assignments-page', 'api/assignments-page', 'api/led-and-supported']);
  });

  it('answers an indicator with its series in one statement', async () => {
    const statement = { year: 2024, kind: 'TARGET', value: 5.5, unit: '%', measure: 'growth', qualifier: '左右', text: '增长5.5%左右' };
    const document = { id: 'doc:1', title: '2024年政府工作报告', year: 2024, _labels: ['Node', 'Document'] };
    const indicator = { id: 'indicator:gdp', metric: '地区生产总值', _labels: ['Node', 'Indicator'], _series: [{ statement, document }] };
    const database = fakeDatabase({ 'api/indicator-by-metric': [{ indicator }] });
    const answer = await post(fakeApi(database), '{ indicator(metric: "地区生产总值") { metric series { year value document { title } } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['indicator']).toEqual({ metric: '地区生产总值', series: [{ year: 2024, value: 5.5, document: { title: '2024年政府工作报告' } }] });
    expect(database.names()).toEqual(['api/indicator-by-metric']);
    expect(database.statements[0]?.parameters['withSeries']).toBe(true);
  });

  it('finds an agency with its year summary and one page of its clauses in one statement', async () => {
    const best = {
      agency: AGENCY,
      rank: 0,
      jurisdiction: null,
      yearSummary: [{ year: 2024, measure: 'lead', count: 2 }, { year: 2024, measure: 'jointLead', count: 1 }],
      assignments: { totalCount: 3, page: [{ ...clause('c1'), _agencies: [{ relationship: 'LED_BY', agency: AGENCY }], _task: [TASK] }] },
    };
    const database = fakeDatabase({ 'api/agency-with-fields': [best] });
    const answer = await post(fakeApi(database), '{ agency(name: "市财政局") { name yearSummary { year leadCount jointLeadCount } assignments(role: LEAD, first: 1) { totalCount pageInfo { hasNextPage } edges { node { id leads { name } task { number } } } } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['agency']).toEqual({
      name: '市财政局',
      yearSummary: [{ year: 2024, leadCount: 2, jointLeadCount: 1 }],
      assignments: { totalCount: 3, pageInfo: { hasNextPage: true }, edges: [{ node: { id: 'c1', leads: [{ name: '市财政局' }], task: { number: 1 } } }] },
    });
    expect(database.names()).toEqual(['api/agency-with-fields']);
    expect(database.statements[0]?.parameters).toMatchObject({ withYearSummary: true, withAssignments: true, relationships: ['LED_BY'], skip: 0, first: 1, withLinks: true });
  });

  it('reads a page the agency statement did not bring (other arguments, several aliases) as before', async () => {
    const database = fakeDatabase({
      'api/agency-with-fields': [{ agency: AGENCY, rank: 0, jurisdiction: null, yearSummary: [], assignments: { totalCount: 0, page: [] } }],
      'api/agency-assignments-page': (parameters) => (parameters['ids'] as string[]).map((parentId) => ({ parentId, totalCount: parameters['first'], page: [] })),
    });
    const answer = await post(fakeApi(database), '{ agency(name: "市财政局") { yearSummary { year } a: assignments(first: 1) { totalCount } b: assignments(first: 2) { totalCount } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['agency']).toEqual({ yearSummary: [], a: { totalCount: 1 }, b: { totalCount: 2 } });
    expect(database.names()).toEqual(['api/agency-with-fields', 'api/agency-assignments-page', 'api/agency-assignments-page']);
    expect(database.statements[0]?.parameters).toMatchObject({ withYearSummary: true, withAssignments: false });
  });

  it('reads the fields as before when the agency meant is not the best match (the place the name starts with chooses)', async () => {
    const ningde = { id: 'agency:宁德市:市财政局', name: '市财政局', _labels: ['Node', 'Agency'] };
    const putian = { id: 'agency:莆田市:市财政局', name: '市财政局', _labels: ['Node', 'Agency'] };
    const database = fakeDatabase({
      'api/agency-with-fields': [
        { agency: ningde, rank: 2, jurisdiction: { id: 'jurisdiction:宁德市', name: '宁德市', fullName: '宁德市' }, yearSummary: [{ year: 2024, measure: 'lead', count: 9 }], assignments: null },
        { agency: putian, rank: 2, jurisdiction: { id: 'jurisdiction:莆田市', name: '莆田市', fullName: '莆田市' }, yearSummary: null, assignments: null },
      ],
      'api/agency-year-summary': (parameters) => (parameters['ids'] as string[]).map((parentId) => ({ parentId, year: 2024, measure: 'lead', count: 1 })),
    });
    const answer = await post(fakeApi(database), '{ agency(name: "莆田市财政局") { id yearSummary { year leadCount } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['agency']).toEqual({ id: 'agency:莆田市:市财政局', yearSummary: [{ year: 2024, leadCount: 1 }] });
    expect(database.names()).toEqual(['api/agency-with-fields', 'api/agency-year-summary']);
  });

  it('looks a lead agency up in the page statement of assignments, and reads the page again when another place\'s agency is meant', async () => {
    const ningde = { id: 'agency:宁德市:市财政局', name: '市财政局', _labels: ['Node', 'Agency'] };
    const putian = { id: 'agency:莆田市:市财政局', name: '市财政局', _labels: ['Node', 'Agency'] };
    const leads = [
      { agency: ningde, rank: 2, jurisdiction: { id: 'jurisdiction:宁德市', name: '宁德市', fullName: '宁德市' } },
      { agency: putian, rank: 2, jurisdiction: { id: 'jurisdiction:莆田市', name: '莆田市', fullName: '莆田市' } },
    ];
    const database = fakeDatabase({
      'api/assignments-page': (parameters) =>
        parameters['leadVariants'] === null ? [{ leads: [], totalCount: 1, page: [clause('putian')] }] : [{ leads: parameters['leadName'] === '市财政局' ? leads.slice(0, 1) : leads, totalCount: 1, page: [clause('ningde')] }],
    });
    const query = (name: string) => post(fakeApi(database), `{ assignments(filter: { leadAgency: "${name}" }, first: 1) { totalCount edges { node { id } } } }`);
    expect((await query('市财政局')).data?.['assignments']).toEqual({ totalCount: 1, edges: [{ node: { id: 'ningde' } }] });
    expect(database.names()).toEqual(['api/assignments-page']);
    expect((await query('莆田市财政局')).data?.['assignments']).toEqual({ totalCount: 1, edges: [{ node: { id: 'putian' } }] });
    expect(database.statements[2]?.parameters).toMatchObject({ leadAgencyIds: ['agency:莆田市:市财政局'], leadVariants: null });
  });

  it('refuses a lead agency no agency answers to, as before', async () => {
    const database = fakeDatabase({ 'api/assignments-page': [{ leads: [], totalCount: 0, page: [] }] });
    const answer = await post(fakeApi(database), '{ assignments(filter: { leadAgency: "不存在局" }) { totalCount } }');
    expect(answer.errors?.[0]?.message).toBe('filter.leadAgency: no agency is known as "不存在局"');
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
