import { describe, expect, it } from 'vitest';

import { agencyNamesOf, buildDomainDictionary, documentAgencyMentions } from '../../ingest/extract/dictionary.ts';
import { EMPTY_GAZETTEER, type Gazetteer } from '../../ingest/extract/gazetteer.ts';
import type {
  AgencyMention,
  LeaderDivisionDocument,
  LivelihoodPlanDocument,
  LivelihoodRow,
  OtherDocument,
  TaskDivisionDocument,
  WorkReportDocument,
} from '../../ingest/model.ts';

const span = { start: 0, end: 1 };
const agency = (written: string, name = written): AgencyMention => ({ written, name, span });

const base = {
  year: 2024,
  title: 't',
  docNo: null,
  issuedOn: null,
  id: 'd',
  sourceFile: 'f.txt',
  ordinalInFile: 0,
  contentHash: 'h',
  text: '',
  paragraphs: [],
  jurisdiction: null,
} as const;

const row = (leads: AgencyMention[], responsible: AgencyMention[]): LivelihoodRow => ({
  no: 1,
  title: '',
  content: '',
  leads,
  responsible,
  supporters: [],
  standard: '',
  span,
});

const taskDivision: TaskDivisionDocument = {
  ...base,
  kind: 'TASK_DIVISION',
  sections: [],
  tasks: [
    {
      number: 1,
      title: '',
      text: '',
      span,
      sectionIndex: null,
      clauses: [
        {
          ordinal: 1,
          text: '',
          span,
          annotation: {
            text: '',
            span,
            leads: [agency('市工业和信息化局'), agency('国资委', '市国资委')],
            supporters: [agency('柳东新区管委会')],
            joint: false,
            convention: 'trailing-group',
            inferredLeads: false,
            responsible: [],
            leaders: [],
            deadline: null,
          },
        },
      ],
    },
  ],
};

const workReport: WorkReportDocument = {
  ...base,
  kind: 'WORK_REPORT',
  sections: [],
  figures: [],
  glossary: [{ marker: '①', name: '双百双新', definition: '…', span, occurrences: [] }],
  livelihood: [row([agency('市教育局')], [agency('各县区人民政府')])],
};

const livelihoodPlan: LivelihoodPlanDocument = {
  ...base,
  kind: 'LIVELIHOOD_PLAN',
  livelihood: [row([agency('住房城乡建设局', '市住房城乡建设局')], [agency('市教育局')])],
};

const leaderDivision: LeaderDivisionDocument = {
  ...base,
  kind: 'LEADER_DIVISION',
  leaders: [
    {
      name: '张三',
      title: '副市长',
      span,
      responsibilities: [],
      oversees: [{ role: '分管', agency: agency('应急管理局', '市应急管理局'), aspect: null }],
    },
  ],
};

const other: OtherDocument = { ...base, kind: 'OTHER' };

const gazetteer: Gazetteer = {
  ...EMPTY_GAZETTEER,
  companies: [{ name: '上汽通用五菱', aliases: ['上汽通用五菱汽车股份有限公司'] }],
  parks: [{ name: '柳东新区', aliases: [] }],
  projects: [{ name: '“一二五”工程', aliases: ['一二五工程'] }],
  terms: [{ name: '三大攻坚战', aliases: [] }],
};

describe('documentAgencyMentions', () => {
  it('collects leads and supporters, livelihood leads and responsible units, and overseen agencies', () => {
    expect(documentAgencyMentions(taskDivision).map((m) => m.written)).toEqual(['市工业和信息化局', '国资委', '柳东新区管委会']);
    expect(documentAgencyMentions(workReport).map((m) => m.written)).toEqual(['市教育局', '各县区人民政府']);
    expect(documentAgencyMentions(livelihoodPlan).map((m) => m.name)).toEqual(['市住房城乡建设局', '市教育局']);
    expect(documentAgencyMentions(leaderDivision).map((m) => m.name)).toEqual(['市应急管理局']);
    expect(documentAgencyMentions(other)).toEqual([]);
  });
});

describe('agencyNamesOf', () => {
  it('keeps both the written and the restored name, once each, sorted', () => {
    const names = agencyNamesOf([taskDivision, leaderDivision, livelihoodPlan, workReport]);
    expect(names).toEqual([...new Set(names)].sort());
    expect(names).toEqual(expect.arrayContaining(['国资委', '市国资委', '应急管理局', '市应急管理局']));
    expect(names.filter((name) => name === '市教育局')).toHaveLength(1);
  });
});

describe('buildDomainDictionary', () => {
  const dictionary = buildDomainDictionary([taskDivision, workReport, livelihoodPlan, leaderDivision, other], gazetteer);

  it('holds agencies from annotations, tables and leader lists, as written and as named', () => {
    expect(dictionary).toEqual(
      expect.arrayContaining([
        '市工业和信息化局',
        '国资委',
        '市国资委',
        '柳东新区管委会',
        '市教育局',
        '各县区人民政府',
        '住房城乡建设局',
        '市住房城乡建设局',
        '应急管理局',
        '市应急管理局',
      ]),
    );
  });

  it('holds every gazetteer name and alias and the glossary terms', () => {
    expect(dictionary).toEqual(
      expect.arrayContaining(['上汽通用五菱', '上汽通用五菱汽车股份有限公司', '柳东新区', '“一二五”工程', '一二五工程', '三大攻坚战', '双百双新']),
    );
  });

  it('is deduplicated, sorted and free of empty and one-character words', () => {
    const withShort = buildDomainDictionary([taskDivision, taskDivision], {
      ...gazetteer,
      companies: [{ name: '柳', aliases: ['', '柳工'] }, { name: '柳工', aliases: [] }],
    });
    expect(withShort).toEqual([...new Set(withShort)].sort());
    expect(withShort).toContain('柳工');
    expect(withShort.every((word) => [...word].length >= 2)).toBe(true);
  });

  it('is empty for no documents and an empty gazetteer', () => {
    expect(buildDomainDictionary([], EMPTY_GAZETTEER)).toEqual([]);
  });
});
