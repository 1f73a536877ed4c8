/**
 * Jurisdictions end to end: documents of two cities and a district (places the
 * table does not list, so that no other test's data is touched) and one that
 * states no year are ingested into the real Neo4j, then asked for through the
 * API: the places, one kind of agency in each, the filters, the undated
 * document, and an agency id of the form before jurisdictions. Everything is
 * removed in `finally`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApi } from '../../api/server.ts';
import { loadConfig } from '../../core/config.ts';
import { ingestPaths } from '../../ingest/ingest.ts';
import { deleteOrphans } from '../../ingest/load.ts';
import { graphql, testDatabase, testLimits } from './helpers.ts';

type Json = Record<string, unknown>;
const config = loadConfig();

const division = (issuer: string, docNo: string, clauses: string): string =>
  `${issuer}人民政府关于落实2098年《政府工作报告》重点工作分工的意见\n${docNo}\n各有关单位：\n一、重点工作\n${clauses}\n${issuer}人民政府\n2098年2月8日\n`;

const FILES: Record<string, string> = {
  'ningde.txt': division('宁德市', '宁政发〔2098〕1号', '1.推进预算绩效管理改革。（市财政局牵头，市审计局配合，12月底前完成）\n2.建设海上牧场示范区。（市海洋与渔业局牵头，12月底前完成）'),
  'putian.txt': division('莆田市', '莆政发〔2098〕1号', '1.推进预算绩效管理改革。（市财政局牵头，12月底前完成）'),
  'jiaocheng.txt': division('宁德市蕉城区', '蕉政发〔2098〕1号', '1.建设渔港经济区。（区海洋渔业发展中心牵头，市财政局配合，12月底前完成）'),
  'undated.txt': '宁德市蕉城区民生实事项目责任分工\n为确保今年民生实事项目按期完成，现明确如下。\n项目一：菜市场提质改造\n牵头单位：区商务局\n',
};
/** Temporary folders of this test start with this; a run that stopped half-way is cleaned up by the next. */
const FOLDER_PREFIX = 'kg-jurisdictions-';
const NUMBERED = ['宁政发〔2098〕1号', '莆政发〔2098〕1号', '蕉政发〔2098〕1号'];

describe('jurisdictions through the API', () => {
  const database = testDatabase();
  const api = createApi({ database, limits: testLimits() });
  afterAll(() => database.close());

  /** Removes this test's documents (also those a stopped run left) and what only they referred to. */
  async function removeOwnData(): Promise<void> {
    const found = await database.read('test-documents-from-source', { part: FOLDER_PREFIX });
    for (const documentId of [...NUMBERED, ...found.map((row) => String(row['id']))]) {
      await database.write(async (transaction) => {
        await transaction.run('load/delete-document-oversight', { documentId });
        await transaction.run('load/delete-document', { documentId });
      });
    }
    await deleteOrphans(database);
  }

  async function query(text: string, variables: Json = {}): Promise<Json> {
    const result = await graphql(api, text, variables);
    expect(result.errors).toBeUndefined();
    return result.data ?? {};
  }

  it('loads each place and one kind of agency per place, and answers questions about them', async () => {
    await removeOwnData();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), FOLDER_PREFIX));
    try {
      for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(dir, name), text);
      const summary = await ingestPaths([dir], database, { rulesDir: config.rulesDir });
      expect(summary.problems).toEqual([]);
      expect(summary.loaded).toHaveLength(4);
      expect(summary.loaded).toEqual(expect.arrayContaining(NUMBERED));
      const undatedId = summary.loaded.find((id) => id.endsWith('undated.txt#0'));
      expect(summary.warnings.map((warning) => warning.code)).toEqual(['INPUT_YEAR_UNKNOWN']);

      // The places, with their parents and what was issued in them.
      const places = (await query('{ jurisdictions(filter: { nameContains: "宁德" }) { totalCount edges { node { id name fullName level documentCount agencyCount parent { name } children { name } } } } }'))['jurisdictions'] as {
        totalCount: number;
        edges: { node: Json }[];
      };
      expect(places.edges.map((edge) => edge.node)).toMatchObject([
        { id: 'jurisdiction:宁德市', name: '宁德市', fullName: '宁德市', level: 'CITY', documentCount: 1, parent: null, children: [{ name: '蕉城区' }] },
        { id: 'jurisdiction:宁德市蕉城区', name: '蕉城区', fullName: '宁德市蕉城区', level: 'DISTRICT', documentCount: 2, parent: { name: '宁德市' }, children: [] },
      ]);
      // The city's 市财政局, 市审计局, 市海洋与渔业局 (and its government, named in prose); the district's two units.
      expect(places.edges[0]?.node['agencyCount']).toBeGreaterThanOrEqual(3);
      expect(places.edges[1]?.node['agencyCount']).toBeGreaterThanOrEqual(2);
      const within = (await query('{ jurisdictions(filter: { within: "宁德市", level: DISTRICT }) { edges { node { fullName } } } }'))['jurisdictions'] as { edges: { node: Json }[] };
      expect(within.edges.map((edge) => edge.node['fullName'])).toEqual(['宁德市蕉城区']);

      // 市财政局 is a body of both cities: asked bare it is ambiguous, with a place it is that place's.
      const ambiguous = await graphql(api, '{ agency(name: "市财政局") { id } }');
      expect(ambiguous.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(ambiguous.errors?.[0]?.message).toMatch(/市财政局 \(宁德市\)/u);
      expect(ambiguous.errors?.[0]?.message).toMatch(/市财政局 \(莆田市\)/u);
      const finance = `query ($name: String!, $jurisdiction: String) {
        agency(name: $name, jurisdiction: $jurisdiction) { id name jurisdiction { name level } assignments { totalCount edges { node { year leads { name } } } } }
      }`;
      const ningde = (await query(finance, { name: '市财政局', jurisdiction: '宁德市' }))['agency'] as Json;
      expect(ningde).toMatchObject({ id: 'agency:宁德市:市财政局', name: '市财政局', jurisdiction: { name: '宁德市', level: 'CITY' } });
      // Led in the city's own division, supported in the district's.
      expect((ningde['assignments'] as { totalCount: number }).totalCount).toBe(2);
      const putian = (await query(finance, { name: '莆田市财政局' }))['agency'] as Json;
      expect(putian).toMatchObject({ id: 'agency:莆田市:市财政局', jurisdiction: { name: '莆田市' } });
      expect((putian['assignments'] as { totalCount: number }).totalCount).toBe(1);
      const unknownPlace = await graphql(api, '{ agency(name: "市财政局", jurisdiction: "不存在市") { id } }');
      expect(unknownPlace.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');

      // The jurisdiction filters of the lists.
      const lists = await query(`{
        agencies(filter: { nameContains: "财政局", jurisdiction: "莆田市" }) { totalCount edges { node { id } } }
        documents(filter: { jurisdiction: "宁德市蕉城区", yearUnknown: false }) { edges { node { id year jurisdiction { name parent { name } } } } }
        tasks(filter: { jurisdiction: "莆田市" }) { totalCount }
        assignments(filter: { leadAgency: "市财政局", jurisdiction: "宁德市" }) { totalCount edges { node { text } } }
      }`);
      expect(lists['agencies']).toEqual({ totalCount: 1, edges: [{ node: { id: 'agency:莆田市:市财政局' } }] });
      expect(lists['documents']).toEqual({ edges: [{ node: { id: '蕉政发〔2098〕1号', year: 2098, jurisdiction: { name: '蕉城区', parent: { name: '宁德市' } } } }] });
      expect(lists['tasks']).toEqual({ totalCount: 1 });
      expect((lists['assignments'] as { totalCount: number }).totalCount).toBe(1);

      // The document that states no year is loaded, and found by yearUnknown.
      const undated = (await query('{ documents(filter: { yearUnknown: true, jurisdiction: "宁德市蕉城区" }) { edges { node { id year kind jurisdiction { fullName } } } } }'))['documents'] as { edges: { node: Json }[] };
      expect(undated.edges.map((edge) => edge.node)).toEqual([{ id: undatedId, year: null, kind: 'LIVELIHOOD_PLAN', jurisdiction: { fullName: '宁德市蕉城区' } }]);

      // An agency id of the form before jurisdictions still finds the agency.
      const node = (await query('{ node(id: "agency:市海洋与渔业局") { id ... on Agency { jurisdiction { name } } } }'))['node'] as Json;
      expect(node).toEqual({ id: 'agency:宁德市:市海洋与渔业局', jurisdiction: { name: '宁德市' } });
      const near = (await query('{ neighborhood(id: "agency:市海洋与渔业局", depth: 1) { nodes { id label } } }'))['neighborhood'] as { nodes: Json[] };
      expect(near.nodes).toContainEqual({ id: 'jurisdiction:宁德市', label: 'Jurisdiction' });
      // A former id that agencies of several places answer to is refused with the candidates, as a name is.
      const ambiguousWalk = await graphql(api, '{ neighborhood(id: "agency:市财政局", depth: 1) { nodes { id } } }');
      expect(ambiguousWalk.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(ambiguousWalk.errors?.[0]?.message).toMatch(/市财政局 \(宁德市\)/u);
    } finally {
      await removeOwnData();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const left = await query('{ jurisdictions(filter: { nameContains: "宁德" }) { totalCount } agencies(filter: { jurisdiction: null, nameContains: "海洋与渔业" }) { totalCount } }');
    expect(left).toEqual({ jurisdictions: { totalCount: 0 }, agencies: { totalCount: 0 } });
  });
});
