/**
 * A convention some documents state once instead of labelling each marker:
 * 列第一位的为牵头单位 / 排在首位的为牵头单位 / 第一个单位为牵头单位 (the first
 * unit listed leads). Where a document says so, a marker that names units but
 * no lead gets its first unit as the lead, marked `inferredLeads` so that the
 * graph and the API can tell it from a written lead.
 */
import type { Task } from '../model.ts';

const FIRST_LISTED_LEADS =
  /(?:列|排|排列|排名|排在)(?:第一|首)位?的?(?:责任)?(?:单位|部门)?(?:为|是)(?:牵头|主办|主责)(?:单位|部门)?|第一(?:个|家)?(?:责任)?(?:单位|部门)为牵头(?:单位|部门)|首位(?:单位|部门)?为牵头(?:单位|部门)/u;
/** 无牵头单位的，责任单位即为牵头单位: every listed unit leads. */
const RESPONSIBLE_LEAD = /(?:未|无|没有)(?:明确|列明|标明)?牵头(?:单位|部门)的[，,]?(?:责任单位|所列单位)(?:即|均)?为牵头(?:单位|部门)/u;

export function applyStatedLeadConvention(text: string, tasks: readonly Task[]): Task[] {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const firstLeads = FIRST_LISTED_LEADS.test(sample);
  const allLead = !firstLeads && RESPONSIBLE_LEAD.test(sample);
  if (!firstLeads && !allLead) return [...tasks];
  return tasks.map((task) => ({
    ...task,
    clauses: task.clauses.map((clause) => {
      const { annotation } = clause;
      if (annotation.leads.length > 0 || annotation.responsible.length === 0) return clause;
      const [first, ...rest] = annotation.responsible;
      if (first === undefined) return clause;
      const leads = allLead ? annotation.responsible : [first];
      return { ...clause, annotation: { ...annotation, leads, responsible: allLead ? [] : rest, inferredLeads: true } };
    }),
  }));
}
