/**
 * A convention some documents state once instead of labelling each marker:
 * 列第一位的为牵头单位 / 排在首位的为牵头单位 / 第一个单位为牵头单位 (the first
 * unit listed leads). Where a document says so, a marker that names units but
 * no lead gets its first unit as the lead, marked `inferredLeads` so that the
 * graph and the API can tell it from a written lead.
 */
import type { Task } from '../model.ts';

const FIRST_LISTED_LEADS =
  /(?:列|排|排列|排名|排在)(?:第一|首)位?(?:的|者)?(?:责任)?(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:单位|部门)?|第一(?:个|家)?(?:责任)?(?:单位|部门)为牵头(?:单位|部门)|首位(?:单位|部门)?为牵头(?:单位|部门)/u;
/** 无牵头单位的，责任单位即为牵头单位: every listed unit leads. */
const RESPONSIBLE_LEAD = /(?:未|无|没有)(?:明确|列明|标明)?牵头(?:单位|部门)的[，,]?(?:责任单位|所列单位)(?:即|均)?为牵头(?:单位|部门)/u;

/** The convention a document states for units listed without a lead, if any. */
export function statedLeadConvention(text: string): 'first-listed' | 'all-listed' | null {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  if (FIRST_LISTED_LEADS.test(sample)) return 'first-listed';
  return RESPONSIBLE_LEAD.test(sample) ? 'all-listed' : null;
}

/** Leads and the units left responsible under a stated convention, or null when it does not apply. */
export function conventionalLeads<T>(convention: 'first-listed' | 'all-listed', responsible: readonly T[]): { leads: T[]; responsible: T[] } | null {
  const [first, ...rest] = responsible;
  if (first === undefined) return null;
  return convention === 'all-listed' ? { leads: [...responsible], responsible: [] } : { leads: [first], responsible: rest };
}

export function applyStatedLeadConvention(text: string, tasks: readonly Task[]): Task[] {
  const convention = statedLeadConvention(text);
  if (convention === null) return [...tasks];
  const allLead = convention === 'all-listed';
  return tasks.map((task) => ({
    ...task,
    clauses: task.clauses.map((clause) => {
      const { annotation } = clause;
      if (annotation.leads.length > 0 || annotation.responsible.length === 0) return clause;
      const inferred = conventionalLeads(allLead ? 'all-listed' : 'first-listed', annotation.responsible);
      if (inferred === null) return clause;
      return { ...clause, annotation: { ...annotation, ...inferred, inferredLeads: true } };
    }),
  }));
}
