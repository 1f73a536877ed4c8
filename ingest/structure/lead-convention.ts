/**
 * A convention some documents state once instead of labelling each marker:
 * 列第一位的为牵头单位 / 排在首位的为牵头单位 / 第一个单位为牵头单位 (the first
 * unit listed leads), 主责单位为牵头单位 / 无牵头单位的，责任单位即为牵头单位 (every
 * listed unit leads), or a sign of their own: 标★的为牵头单位 / 加粗的为牵头单位
 * (the units carrying the sign lead). Where a document says so, a marker that
 * names units but no lead gets its leads from the convention, marked
 * `inferredLeads` so that the graph and the API can tell it from a written lead.
 */
import type { AgencyMention, Task } from '../model.ts';

const FIRST_LISTED_LEADS =
  /(?:列|排|排列|排名|排在)(?:第一|首)位?(?:的|者)?(?:责任)?(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:单位|部门)?|第一(?:个|家)?(?:责任)?(?:单位|部门)为牵头(?:单位|部门)|首位(?:单位|部门)?为牵头(?:单位|部门)/u;
/** 无牵头单位的，责任单位即为牵头单位: every listed unit leads. */
const RESPONSIBLE_LEAD =
  /(?:未|无|没有)(?:明确|列明|标明)?牵头(?:单位|部门)的[，,]?(?:责任单位|所列单位)(?:即|均)?为牵头(?:单位|部门)|主责(?:单位|部门)(?:即|均)?为牵头(?:单位|部门)/u;

/** Signs a document may put next to a unit to single it out (★ before or after the name). */
export const LEAD_SIGNS = '★☆▲△●◆■□◎※*＊#＃';
const SIGN_CLASS = `[${LEAD_SIGNS}]`;
/** 标★的为牵头单位 / 标注“★”号的为牵头单位 / 带▲者为牵头部门: the sign is the captured group. */
const SIGNED_LEADS = new RegExp(
  `(?:标|标注|标有|标记|注有|带|带有|加|加注|后缀|前缀)\\s*[“"‘'「（(]?(${SIGN_CLASS})[”"’'」）)]?\\s*(?:号|符号|标记|标识)?(?:的|者)(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:单位|部门)?`,
  'u',
);
/**
 * 加粗的为牵头单位 / 以粗体标注的为牵头部门: the sign is typographic, so the HTML
 * reader writes BOLD_SIGN after each bold run of a page that states this.
 */
export const BOLD_LEADS = /(?:加粗|粗体|黑体)(?:显示|标注|标示|字体)?(?:的|者)(?:责任)?(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:单位|部门)?/u;
export const BOLD_SIGN = '★';

export type LeadConvention = 'first-listed' | 'all-listed' | { readonly sign: string };

/** The convention a document states for units listed without a lead, if any. */
export function statedLeadConvention(text: string): LeadConvention | null {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const signed = SIGNED_LEADS.exec(sample)?.[1];
  if (signed !== undefined) return { sign: signed };
  if (BOLD_LEADS.test(sample)) return { sign: BOLD_SIGN };
  if (FIRST_LISTED_LEADS.test(sample)) return 'first-listed';
  return RESPONSIBLE_LEAD.test(sample) ? 'all-listed' : null;
}

/**
 * Whether the unit at `span` carries `sign` in `text`: touching the end of its name
 * (州教育局★), or touching its start (★州教育局) where the sign does not already
 * close the name before it (区住建局★区人社局 marks 区住建局 only).
 */
export function carriesSign(text: string, span: { readonly start: number; readonly end: number }, sign: string): boolean {
  if (text.startsWith(sign, span.end)) return true;
  const signStart = span.start - sign.length;
  if (signStart < 0 || !text.startsWith(sign, signStart)) return false;
  const beforeSign = text[signStart - 1] ?? '';
  return beforeSign === '' || /[\s、，,；;：:（(【[]/u.test(beforeSign);
}

/**
 * Leads and the units left responsible under a stated convention, or null when it
 * does not apply. A signed convention reads the sign in `text` around each unit's span.
 */
export function conventionalLeads(
  convention: LeadConvention,
  responsible: readonly AgencyMention[],
  text: string,
): { leads: AgencyMention[]; responsible: AgencyMention[] } | null {
  const [first, ...rest] = responsible;
  if (first === undefined) return null;
  if (convention === 'all-listed') return { leads: [...responsible], responsible: [] };
  if (convention === 'first-listed') return { leads: [first], responsible: rest };
  const leads = responsible.filter((unit) => carriesSign(text, unit.span, convention.sign));
  return leads.length === 0 ? null : { leads, responsible: responsible.filter((unit) => !leads.includes(unit)) };
}

export function applyStatedLeadConvention(text: string, tasks: readonly Task[]): Task[] {
  const convention = statedLeadConvention(text);
  if (convention === null) return [...tasks];
  return tasks.map((task) => ({
    ...task,
    clauses: task.clauses.map((clause) => {
      const { annotation } = clause;
      if (annotation.leads.length > 0 || annotation.responsible.length === 0) return clause;
      const inferred = conventionalLeads(convention, annotation.responsible, text);
      if (inferred === null) return clause;
      return { ...clause, annotation: { ...annotation, ...inferred, inferredLeads: true } };
    }),
  }));
}
