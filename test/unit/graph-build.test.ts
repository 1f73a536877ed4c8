import { describe, expect, it } from 'vitest';
import { buildDocumentGraph, type GraphContext } from '../../ingest/graph/build.ts';
import { countRecords } from '../../ingest/graph/records.ts';
import type { LeaderDivisionDocument, TaskDivisionDocument, WorkReportDocument } from '../../ingest/model.ts';

const context: GraphContext = {
  agency: (name) => {
    const canonical = name.startsWith('市') ? name : `市${name}`;
    return { id: `agency:${canonical}`, name: canonical, aliases: [canonical, name], kind: 'department', jurisdiction: null };
  },
  mentions: (text, baseOffset) => {
    const at = text.indexOf('柳东新区');
    return at < 0 ? [] : [{ type: 'Park', name: '柳东新区', written: '柳东新区', span: { start: baseOffset + at, end: baseOffset + at + 4 } }];
  },
  indicators: (sentence) =>
    /增长5%/.test(sentence.text)
      ? [{ metric: '地区生产总值', kind: sentence.kind, year: sentence.year, value: 5, unit: '%', measure: 'growth', qualifier: null, upTo: null, text: sentence.text, span: sentence.span }]
      : [],
};

const text = '（一）主要预期目标\n1.地区生产总值增长5%。（市发展改革委牵头）\n2.建设柳东新区，推进柳东新区产业。（市工业和信息化局、发展改革委按职责分别牵头，市财政局配合，年内持续推进）';

function span(part: string, from = 0) {
  const start = text.indexOf(part, from);
  return { start, end: start + part.length };
}

const document: TaskDivisionDocument = {
  id: '柳政发〔2099〕1号',
  kind: 'TASK_DIVISION',
  year: 2099,
  title: '分工意见',
  docNo: '柳政发〔2099〕1号',
  issuedOn: '2099-02-01',
  sourceFile: 'x.txt',
  ordinalInFile: 0,
  contentHash: 'h',
  text,
  paragraphs: [],
  jurisdiction: null,
  sections: [{ ordinal: 1, title: '主要预期目标', part: null, span: span('（一）主要预期目标') }],
  tasks: [
    {
      number: 1,
      title: '地区生产总值增长5%',
      text: '1.地区生产总值增长5%。',
      span: span('1.地区生产总值增长5%。'),
      sectionIndex: 0,
      clauses: [
        {
          ordinal: 1,
          text: '地区生产总值增长5%。',
          span: span('地区生产总值增长5%。'),
          annotation: { text: '（市发展改革委牵头）', span: span('（市发展改革委牵头）'), leads: [{ written: '市发展改革委', name: '市发展改革委', span: span('市发展改革委') }], supporters: [], joint: false, deadline: null, convention: 'trailing-group', inferredLeads: false, responsible: [], leaders: [] },
        },
      ],
    },
    {
      number: 2,
      title: '建设柳东新区',
      text: '2.建设柳东新区，推进柳东新区产业。',
      span: span('2.建设柳东新区'),
      sectionIndex: 0,
      clauses: [
        {
          ordinal: 1,
          text: '建设柳东新区，推进柳东新区产业。',
          span: span('建设柳东新区，推进柳东新区产业。'),
          annotation: {
            text: '（市工业和信息化局、发展改革委按职责分别牵头，市财政局配合，年内持续推进）',
            span: span('（市工业和信息化局'),
            leads: [
              { written: '市工业和信息化局', name: '市工业和信息化局', span: span('市工业和信息化局') },
              { written: '发展改革委', name: '市发展改革委', span: span('发展改革委', text.indexOf('信息化局、')) },
            ],
            supporters: [{ written: '市财政局', name: '市财政局', span: span('市财政局') }],
            joint: true,
            convention: 'trailing-group',
            inferredLeads: false,
            responsible: [],
            leaders: [],
            deadline: '年内持续推进',
          },
        },
      ],
    },
  ],
};

describe('buildDocumentGraph', () => {
  const graph = buildDocumentGraph(document, context, 'v1');

  it('makes one Assignment per clause under its Task, with leads, joint flag and supporters', () => {
    expect(graph.owned.Task.map((task) => task.id)).toEqual(['柳政发〔2099〕1号/task/1', '柳政发〔2099〕1号/task/2']);
    expect(graph.owned.Assignment).toHaveLength(2);
    const ledBy = graph.relationships.LED_BY.filter((edge) => edge.from.endsWith('task/2/clause/1'));
    expect(ledBy.map((edge) => [edge.to, edge.properties['joint']])).toEqual([
      ['agency:市工业和信息化局', true],
      ['agency:市发展改革委', true],
    ]);
    expect(graph.relationships.SUPPORTED_BY.map((edge) => edge.to)).toEqual(['agency:市财政局']);
  });

  it('merges one Agency node per canonical name within a document', () => {
    expect(graph.shared.Agency.map((agency) => agency.id).sort()).toEqual(['agency:市发展改革委', 'agency:市工业和信息化局', 'agency:市财政局']);
  });

  it('links a mentioned park once per clause, at its first span', () => {
    const mentions = graph.relationships.MENTIONS;
    expect(mentions).toHaveLength(1);
    const first = mentions[0];
    expect(first?.to).toBe('park:柳东新区');
    expect(text.slice(Number(first?.properties['start']), Number(first?.properties['end']))).toBe('柳东新区');
  });

  it('reads targets from the clauses of a 主要预期目标 section', () => {
    expect(graph.relationships.STATES).toHaveLength(1);
    expect(graph.relationships.STATES[0]?.properties).toMatchObject({ kind: 'TARGET', year: 2099, value: 5 });
  });

  it('counts what it will write', () => {
    const counts = countRecords(graph);
    expect(counts.nodes).toBe(1 + 1 + 2 + 2 + 3 + 1 + 1);
    expect(counts.relationships).toBeGreaterThan(8);
  });

  it('keeps the definition of a glossary term that a passage mentions before the glossary is read', () => {
    const body = '推进双百双新①项目。';
    const report: WorkReportDocument = {
      ...document,
      kind: 'WORK_REPORT',
      text: body,
      paragraphs: [{ ordinal: 1, text: body, span: { start: 0, end: body.length }, part: null, section: null }],
      sections: [],
      figures: [],
      livelihood: [],
      glossary: [{ marker: '①', name: '双百双新', definition: '百项技改、百项新产品', span: { start: 0, end: 4 }, occurrences: [{ start: 6, end: 7 }] }],
    };
    const termContext: GraphContext = {
      ...context,
      mentions: (mentionText, baseOffset) => {
        const at = mentionText.indexOf('双百双新');
        return at < 0 ? [] : [{ type: 'Term', name: '双百双新', written: '双百双新', span: { start: baseOffset + at, end: baseOffset + at + 4 } }];
      },
    };
    const reportGraph = buildDocumentGraph(report, termContext, 'v1');
    expect(reportGraph.relationships.MENTIONS.map((edge) => edge.to)).toEqual(['term:双百双新']);
    expect(reportGraph.shared.Term).toEqual([
      { id: 'term:双百双新', properties: { name: '双百双新', definition: '百项技改、百项新产品', text: '双百双新：百项技改、百项新产品' } },
    ]);
  });

  it('gives leaders OVERSEES edges carrying year, role and the stated aspect', () => {
    const leaders: LeaderDivisionDocument = {
      ...document,
      kind: 'LEADER_DIVISION',
      leaders: [
        {
          name: '张三',
          title: '副市长',
          span: { start: 0, end: 2 },
          responsibilities: ['工业'],
          oversees: [
            { role: '分管', agency: { written: '市工业和信息化局', name: '市工业和信息化局', span: { start: 0, end: 8 } }, aspect: null },
            { role: '协助分管', agency: { written: '林业和园林局', name: '市林业和园林局', span: { start: 9, end: 15 } }, aspect: '园林' },
          ],
        },
      ],
    };
    const leaderGraph = buildDocumentGraph(leaders, context, 'v1');
    expect(leaderGraph.shared.Leader.map((leader) => leader.id)).toEqual(['leader:张三']);
    expect(leaderGraph.relationships.OVERSEES.map((edge) => edge.properties)).toEqual([
      expect.objectContaining({ role: '分管', year: 2099, aspect: null, documentId: document.id }),
      expect.objectContaining({ role: '协助分管', aspect: '园林' }),
    ]);
  });
});
