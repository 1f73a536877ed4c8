/**
 * Jurisdictions in the graph: a document ISSUED_IN its place, places PART_OF
 * their parents, and agencies OF their place — so 市财政局 of Liuzhou and of
 * Fuzhou are two agencies, while Liuzhou's keeps resolving its spellings.
 */
import { describe, expect, it } from 'vitest';
import { cleanText, NO_CLEAN_RULES } from '../../ingest/clean/index.ts';
import { createIngestContext } from '../../ingest/context.ts';
import { buildDocumentGraph } from '../../ingest/graph/build.ts';
import type { DocumentGraph } from '../../ingest/graph/records.ts';
import { parseDocuments } from '../../ingest/parse.ts';
import { DEFAULT_RULES_DIR, loadPlaceTable } from '../../ingest/rules.ts';

const division = (issuer: string, docNo: string, clauses: string): string =>
  `${issuer}人民政府关于落实2024年《政府工作报告》重点工作分工的意见\n${docNo}\n各有关单位：\n一、重点工作\n${clauses}\n${issuer}人民政府\n2024年2月8日\n`;

const LIUZHOU = division(
  '柳州市',
  '柳政发〔2024〕3号',
  '1.推进财政改革。（市财政局牵头，自治区财政厅配合，12月底前完成）\n2.加强预算管理。（柳州市财政局、市审计局按职责分别牵头，12月底前完成）',
);
const FUZHOU = division('福州市', '榕政综〔2024〕1号', '1.推进财政改革。（市财政局牵头，省财政厅配合，12月底前完成）');
const LIUJIANG = division('柳州市柳江区', '江政发〔2024〕1号', '1.推进财政改革。（区财政局牵头，市财政局配合，12月底前完成）');

async function graphs(): Promise<DocumentGraph[]> {
  const places = await loadPlaceTable();
  const documents = [LIUZHOU, FUZHOU, LIUJIANG].flatMap((text, index) => parseDocuments(cleanText({ path: `d${index}.txt`, text }, NO_CLEAN_RULES), places));
  const context = await createIngestContext(documents, DEFAULT_RULES_DIR);
  return documents.map((document) => buildDocumentGraph(document, context.graphContext, 'test'));
}

describe('jurisdictions in the graph', () => {
  it('issues each document in its place and links the place to its parents', async () => {
    const [liuzhou, fuzhou, liujiang] = await graphs();
    expect(liuzhou?.relationships.ISSUED_IN.map((edge) => [edge.from, edge.to])).toEqual([['柳政发〔2024〕3号', 'jurisdiction:柳州市']]);
    expect(fuzhou?.relationships.ISSUED_IN.map((edge) => edge.to)).toEqual(['jurisdiction:福州市']);
    expect(liujiang?.relationships.ISSUED_IN.map((edge) => edge.to)).toEqual(['jurisdiction:柳州市柳江区']);
    expect(liujiang?.sharedRelationships.PART_OF.map((edge) => [edge.from, edge.to])).toEqual(
      expect.arrayContaining([
        ['jurisdiction:柳州市柳江区', 'jurisdiction:柳州市'],
        ['jurisdiction:柳州市', 'jurisdiction:广西壮族自治区'],
        ['jurisdiction:广西壮族自治区', 'jurisdiction:中华人民共和国'],
      ]),
    );
    const place = liujiang?.shared.Jurisdiction.find((node) => node.id === 'jurisdiction:柳州市柳江区');
    expect(place?.properties).toMatchObject({ name: '柳江区', level: 'district', parent: '柳州市', fullName: '柳州市柳江区' });
  });

  it('makes 市财政局 of two cities two agencies, each OF its city', async () => {
    const [liuzhou, fuzhou] = await graphs();
    const leads = (graph: DocumentGraph | undefined) => graph?.relationships.LED_BY.map((edge) => edge.to) ?? [];
    expect(leads(liuzhou)).toContain('agency:柳州市:市财政局');
    expect(leads(fuzhou)).toEqual(['agency:福州市:市财政局']);
    expect(fuzhou?.sharedRelationships.OF.map((edge) => [edge.from, edge.to])).toEqual(
      expect.arrayContaining([
        ['agency:福州市:市财政局', 'jurisdiction:福州市'],
        ['agency:福建省:省财政厅', 'jurisdiction:福建省'],
      ]),
    );
    const finance = liuzhou?.shared.Agency.find((node) => node.id === 'agency:柳州市:市财政局');
    expect(finance?.properties['name']).toBe('市财政局');
  });

  it('joins a city\'s own spellings, and puts higher-level bodies in the ancestor of their level', async () => {
    const [liuzhou, , liujiang] = await graphs();
    // 柳州市财政局 and 市财政局 are one agency of 柳州市.
    expect(new Set(liuzhou?.relationships.LED_BY.map((edge) => edge.to))).toEqual(new Set(['agency:柳州市:市财政局', 'agency:柳州市:市审计局']));
    expect(liuzhou?.relationships.SUPPORTED_BY.map((edge) => edge.to)).toEqual(['agency:广西壮族自治区:自治区财政厅']);
    // In 柳江区's document, 区财政局 is the district's and 市财政局 the city's (the same node as in Liuzhou's own).
    expect(liujiang?.relationships.LED_BY.map((edge) => edge.to)).toEqual(['agency:柳州市柳江区:区财政局']);
    expect(liujiang?.relationships.SUPPORTED_BY.map((edge) => edge.to)).toEqual(['agency:柳州市:市财政局']);
  });
});
