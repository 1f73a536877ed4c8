/** How each node label and relationship type is named, coloured and drawn (Chinese UI). */
import type cytoscape from 'cytoscape';
import { SEARCH_TYPE_LABELS } from '../../shared/search-types.ts';
import { SUGGEST_TYPE_LABELS } from '../../shared/suggest-types.ts';

export interface LabelStyle {
  readonly name: string;
  readonly color: string;
  readonly shape: cytoscape.Css.NodeShape;
  /** SVG path data of a 24×24 pictogram drawn in white on the node. */
  readonly icon: string;
}

export const LABELS: Readonly<Record<string, LabelStyle>> = {
  Agency: { name: '机构', color: '#2563eb', shape: 'round-rectangle', icon: '<path d="M4 21V9l8-5 8 5v12M9 21v-6h6v6M3 21h18"/>' },
  Leader: { name: '领导', color: '#7c3aed', shape: 'ellipse', icon: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4 4-7 8-7s8 3 8 7"/>' },
  Document: { name: '文件', color: '#475569', shape: 'rectangle', icon: '<path d="M6 3h8l5 5v13H6z"/><path d="M14 3v5h5"/>' },
  Section: { name: '章节', color: '#64748b', shape: 'round-rectangle', icon: '<path d="M5 6h14M5 12h10M5 18h14"/>' },
  Task: { name: '任务', color: '#b45309', shape: 'round-diamond', icon: '<path d="M4 6l2 2 3-3M11 7h9M4 13l2 2 3-3M11 14h9M11 20h9"/>' },
  Assignment: { name: '条款', color: '#d97706', shape: 'round-rectangle', icon: '<path d="M5 5h14v14H5z"/><path d="M8 10h8M8 14h5"/>' },
  Passage: { name: '段落', color: '#0891b2', shape: 'rectangle', icon: '<path d="M4 6h16M4 10h16M4 14h16M4 18h10"/>' },
  LivelihoodProject: { name: '民生实事', color: '#db2777', shape: 'ellipse', icon: '<path d="M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z"/>' },
  Company: { name: '企业', color: '#059669', shape: 'hexagon', icon: '<path d="M3 21V10l6 4v-4l6 4V6h6v15z"/>' },
  Park: { name: '园区', color: '#65a30d', shape: 'octagon', icon: '<path d="M12 3l6 9h-4l4 6H6l4-6H6z"/><path d="M12 18v3"/>' },
  Project: { name: '项目', color: '#ea580c', shape: 'round-pentagon', icon: '<path d="M6 21V4M6 4h12l-3 4 3 4H6"/>' },
  Term: { name: '术语', color: '#92400e', shape: 'round-tag', icon: '<path d="M5 4h12a2 2 0 0 1 2 2v14H7a2 2 0 0 1-2-2z"/><path d="M9 9h6M9 13h4"/>' },
  Indicator: { name: '指标', color: '#dc2626', shape: 'round-diamond', icon: '<path d="M5 20v-8M10 20V6M15 20v-9M20 20V4"/>' },
  Jurisdiction: { name: '行政区', color: '#0f766e', shape: 'ellipse', icon: '<path d="M12 21s-6-6-6-11a6 6 0 0 1 12 0c0 5-6 11-6 11z"/><circle cx="12" cy="10" r="2"/>' },
};

const UNKNOWN: LabelStyle = { name: '节点', color: '#6b7280', shape: 'ellipse', icon: '<circle cx="12" cy="12" r="5"/>' };

export function labelStyle(label: string): LabelStyle {
  return LABELS[label] ?? UNKNOWN;
}

export function labelName(label: string): string {
  return labelStyle(label).name;
}

/** The pictogram as an SVG document (white strokes), for an <img> or a cytoscape background image. */
export function iconSvg(label: string, stroke = '#ffffff'): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="${stroke}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${labelStyle(label).icon}</svg>`;
}

export function iconDataUri(label: string, stroke = '#ffffff'): string {
  return `data:image/svg+xml;utf8,${encodeURIComponent(iconSvg(label, stroke))}`;
}

export interface RelationshipStyle {
  readonly name: string;
  readonly color: string;
  readonly line: 'solid' | 'dashed' | 'dotted';
}

export const RELATIONSHIPS: Readonly<Record<string, RelationshipStyle>> = {
  LED_BY: { name: '牵头', color: '#2563eb', line: 'solid' },
  SUPPORTED_BY: { name: '配合', color: '#60a5fa', line: 'dashed' },
  OVERSEES: { name: '分管', color: '#7c3aed', line: 'solid' },
  MENTIONS: { name: '提及', color: '#94a3b8', line: 'dotted' },
  PART_OF: { name: '属于', color: '#94a3b8', line: 'solid' },
  HAS_TASK: { name: '含任务', color: '#b45309', line: 'solid' },
  HAS_ASSIGNMENT: { name: '含条款', color: '#d97706', line: 'solid' },
  HAS_PROJECT: { name: '含民生实事', color: '#db2777', line: 'solid' },
  STATES: { name: '陈述指标', color: '#dc2626', line: 'solid' },
  DEFINES: { name: '定义', color: '#92400e', line: 'solid' },
  RENAMED_TO: { name: '更名为', color: '#f59e0b', line: 'solid' },
  IMPLEMENTS: { name: '落实', color: '#0891b2', line: 'dashed' },
  CONTINUES: { name: '延续', color: '#059669', line: 'dashed' },
  ISSUED_IN: { name: '发布于', color: '#0f766e', line: 'solid' },
  OF: { name: '隶属', color: '#0f766e', line: 'solid' },
};

export function relationshipStyle(type: string): RelationshipStyle {
  return RELATIONSHIPS[type] ?? { name: type, color: '#9ca3af', line: 'solid' };
}

/** Chinese names of the stored properties shown in the details panel. */
export const PROPERTY_NAMES: Readonly<Record<string, string>> = {
  id: '标识',
  name: '名称',
  title: '标题',
  text: '文本',
  year: '年份',
  kind: '类别',
  docNo: '文号',
  issuedOn: '印发日期',
  sourceFile: '来源文件',
  deadline: '完成时限',
  joint: '按职责分别牵头',
  annotation: '括注原文',
  ordinal: '序号',
  number: '编号',
  aliases: '别名',
  metric: '指标',
  unit: '单位',
  definition: '定义',
  no: '序号',
  content: '内容',
  standard: '标准',
  part: '部分',
  section: '章节',
  start: '起始位置',
  end: '结束位置',
  documentId: '所属文件',
  leadNames: '牵头单位',
  documentKind: '文件类别',
  role: '职责',
  aspect: '分管事项',
  written: '原文写法',
  value: '数值',
  qualifier: '限定词',
  measure: '度量',
  score: '相似度',
  marker: '标记',
  upTo: '上限',
  level: '层级',
  ordinalInFile: '文件内序号',
  jurisdiction: '行政区',
};

export const DOCUMENT_KINDS: Readonly<Record<string, string>> = {
  WORK_REPORT: '政府工作报告',
  TASK_DIVISION: '重点工作分工',
  LIVELIHOOD_PLAN: '为民办实事',
  LEADER_DIVISION: '领导分工',
  OTHER: '其他文件',
};

/** Labels that have an entity page of their own. */
export const ENTITY_LABELS: ReadonlySet<string> = new Set(['Agency', 'Leader', 'Company', 'Park', 'Project', 'Term', 'Indicator', 'Document']);

/** The type-ahead groups, in display order: suggest types first (the API's own list), then full-text types. */
export const SUGGEST_TYPES: Readonly<Record<string, string>> = SUGGEST_TYPE_LABELS;

/** Full-text hit types the type-ahead lists after the suggestions: those suggest does not already cover (Term). */
const SUGGESTED_LABELS: ReadonlySet<string> = new Set(Object.values(SUGGEST_TYPE_LABELS));
export const SEARCH_TYPES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(SEARCH_TYPE_LABELS).filter(([, label]) => !SUGGESTED_LABELS.has(label)));

/** Chinese names of an agency's `kind`. */
export const AGENCY_KINDS: Readonly<Record<string, string>> = {
  department: '政府部门',
  'district-government': '县区政府',
  'park-committee': '园区管委会',
  'mass-organisation': '群团组织',
  'state-company': '国有企业',
  'central-unit': '中直驻柳单位',
  collective: '统称（多个单位）',
  other: '其他',
};
