/**
 * A clause's responsibility as the API answers it: labelled leads, leads that
 * follow a stated convention (列第一位的为牵头单位), supporters and the
 * responsible units of a clause that names no lead — all from one batched
 * statement, whatever fields are asked.
 */
import { describe, expect, it } from 'vitest';
import type { Parameters, Row } from '../../core/database.ts';
import { fakeApi, fakeDatabase, post } from './helpers/fake-database.ts';

const clause = (id: string): Row => ({ id, text: `条款 ${id}`, joint: false });
const agency = (name: string): Row => ({ id: `agency/${name}`, name });

/** LED_BY / SUPPORTED_BY rows as cypher/api/led-and-supported.cypher returns them. */
const responsibilityRows = (parameters: Parameters): Row[] => {
  const ids = parameters['ids'] as string[];
  const rows: Row[] = [];
  for (const parentId of ids) {
    if (parentId === 'labelled') {
      rows.push({ parentId, relationship: 'LED_BY', role: null, inferred: false, agency: agency('市发展改革委') });
      rows.push({ parentId, relationship: 'SUPPORTED_BY', role: null, inferred: false, agency: agency('市财政局') });
    }
    if (parentId === 'convention') {
      rows.push({ parentId, relationship: 'LED_BY', role: null, inferred: true, agency: agency('市教育局') });
      rows.push({ parentId, relationship: 'SUPPORTED_BY', role: null, inferred: false, agency: agency('市人社局') });
    }
    if (parentId === 'responsible') {
      rows.push({ parentId, relationship: 'SUPPORTED_BY', role: 'RESPONSIBLE', inferred: false, agency: agency('县水利局') });
      rows.push({ parentId, relationship: 'SUPPORTED_BY', role: 'RESPONSIBLE', inferred: false, agency: agency('各乡镇人民政府') });
    }
  }
  return rows;
};

describe('Assignment responsibility fields', () => {
  it('tell labelled from inferred leads and list responsible units apart from the leads, in one statement', async () => {
    const database = fakeDatabase({
      'api/assignments-page': [{ totalCount: 3, page: ['labelled', 'convention', 'responsible'].map(clause) }],
      'api/led-and-supported': responsibilityRows,
    });
    const answer = await post(
      fakeApi(database),
      '{ assignments(first: 3) { edges { node { id leadsInferred leads { name } supporters { name } responsible { name } } } } }',
    );
    expect(answer.errors).toBeUndefined();
    const nodes = (answer.data?.['assignments'] as { edges: { node: Record<string, unknown> }[] }).edges.map((edge) => edge.node);
    expect(nodes).toEqual([
      { id: 'labelled', leadsInferred: false, leads: [{ name: '市发展改革委' }], supporters: [{ name: '市财政局' }], responsible: [] },
      { id: 'convention', leadsInferred: true, leads: [{ name: '市教育局' }], supporters: [{ name: '市人社局' }], responsible: [] },
      {
        id: 'responsible',
        leadsInferred: false,
        leads: [],
        supporters: [{ name: '县水利局' }, { name: '各乡镇人民政府' }],
        responsible: [{ name: '县水利局' }, { name: '各乡镇人民政府' }],
      },
    ]);
    expect(database.names().filter((name) => name === 'api/led-and-supported')).toHaveLength(1);
  });
});
