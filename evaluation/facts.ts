/**
 * Facts as the evaluation compares them: flat tuples per role, built the same
 * way from the pipeline's output and from an expected file, so that scoring is
 * set arithmetic and every miss or false hit can be printed with its place.
 */
import type { MetricRule } from '../ingest/extract/indicators.ts';
import { extractFigureStatements } from '../ingest/extract/qualitative-targets.ts';
import type { AgencyMention, ParsedDocument, Span } from '../ingest/model.ts';
import { simplifiedCharacters } from '../ingest/clean/script.ts';
import { withoutTrailingBracket } from '../ingest/structure/brackets.ts';
import type { ExpectedDocument } from './expected.ts';

export const ROLES = ['lead', 'supporting', 'responsible', 'deadline', 'livelihood-lead', 'livelihood-responsible', 'livelihood-supporting', 'leader', 'target', 'actual', 'kind', 'year', 'jurisdiction'] as const;
export type Role = (typeof ROLES)[number];

export interface Fact {
  readonly role: Role;
  /** What the fact is about: the anchor of its clause or row, or the document. */
  readonly subject: string;
  readonly value: string;
  /** Where the pipeline found it, for printing; absent for expected facts. */
  readonly span?: Span;
  /**
   * Other readings of the same value that count as a match: a unit as written
   * (审计局) and with its list's shared prefix given back (市审计局) are both right.
   */
  readonly alternatives?: readonly string[];
}

/** A written unit name as compared: no spaces, no trailing 等, brackets unified. */
export function comparableName(name: string): string {
  // An alternate name in brackets (市发展和改革委员会（市物价局）) is the same unit.
  const { core } = withoutTrailingBracket(simplifiedCharacters(name).replace(/\s+/gu, '').replace(/等$/u, ''));
  return core
    .replace(/\s+/gu, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）')
    .replace(/[，。；、：:]+$/u, '')
    .replace(/等$/u, '');
}

function comparableText(text: string): string {
  return simplifiedCharacters(text)
    .replace(/^[（(]?(?:\d{1,3}|[一二三四五六七八九十]+)[）)]?[.．、]?/u, '')
    .replace(/\s+/gu, '').replace(/\(/gu, '（').replace(/\)/gu, '）').replace(/,/gu, '，').replace(/;/gu, '；').replace(/:/gu, '：');
}

export function expectedFacts(document: ExpectedDocument): Fact[] {
  const facts: Fact[] = [];
  const add = (role: Role, subject: string, values: readonly string[]): void => {
    for (const value of values) facts.push({ role, subject, value: comparableName(value) });
  };
  facts.push({ role: 'kind', subject: 'document', value: document.kind });
  facts.push({ role: 'year', subject: 'document', value: String(document.year) });
  if (document.jurisdiction !== null) facts.push({ role: 'jurisdiction', subject: 'document', value: document.jurisdiction });
  for (const clause of document.clauses) {
    add('lead', clause.anchor, clause.leads);
    add('supporting', clause.anchor, clause.supporting);
    add('responsible', clause.anchor, clause.responsible);
    if (clause.deadline !== null) facts.push({ role: 'deadline', subject: clause.anchor, value: comparableText(clause.deadline) });
  }
  for (const row of document.livelihood) {
    add('livelihood-lead', row.anchor, row.leads);
    add('livelihood-responsible', row.anchor, row.responsible);
    add('livelihood-supporting', row.anchor, row.supporting);
  }
  for (const fact of document.leaders) {
    facts.push({ role: 'leader', subject: fact.name, value: `${fact.role}:${comparableName(fact.agency)}` });
  }
  for (const figure of document.figures) {
    facts.push({ role: figure.kind === 'TARGET' ? 'target' : 'actual', subject: String(figure.year), value: `${figure.metric}=${figure.value ?? '—'}` });
  }
  return facts;
}

/**
 * The pipeline's facts about one document. A clause or row is named by the
 * anchor of the expected entry its text contains, so that facts given to the
 * wrong clause count as both a miss and a false hit.
 */
export function predictedFacts(
  document: ParsedDocument,
  expected: ExpectedDocument | undefined,
  metrics: readonly MetricRule[],
  jurisdiction: string | null,
): Fact[] {
  const facts: Fact[] = [];
  // Anchors are compared in their normalised form, made once per anchor rather than once per clause.
  const normalised = new Map<string, string>();
  const comparableAnchor = (anchor: string): string => {
    let form = normalised.get(anchor);
    if (form === undefined) normalised.set(anchor, (form = comparableText(anchor)));
    return form;
  };
  const anchorOf = (text: string, anchors: readonly string[]): string => {
    const compared = comparableText(text);
    return anchors.find((anchor) => compared.includes(comparableAnchor(anchor))) ?? `？${text.replace(/\s+/gu, '').slice(0, 24)}`;
  };
  const mentions = (role: Role, subject: string, units: readonly AgencyMention[]): void => {
    // The name with the list's shared prefix or suffix given back (自治区A、B厅 → 自治区B厅).
    for (const unit of units) facts.push({ role, subject, value: comparableName(unit.name), alternatives: [comparableName(unit.written)], span: unit.span });
  };
  facts.push({ role: 'kind', subject: 'document', value: document.kind });
  facts.push({ role: 'year', subject: 'document', value: String(document.year) });
  if (jurisdiction !== null) facts.push({ role: 'jurisdiction', subject: 'document', value: jurisdiction });

  if (document.kind === 'TASK_DIVISION') {
    const anchors = (expected?.clauses ?? []).map((clause) => clause.anchor);
    for (const task of document.tasks) {
      for (const clause of task.clauses) {
        const subject = anchorOf(clause.text, anchors);
        const { annotation } = clause;
        mentions('lead', subject, annotation.leads);
        mentions('supporting', subject, annotation.supporters);
        mentions('responsible', subject, annotation.responsible);
        if (annotation.deadline !== null) facts.push({ role: 'deadline', subject, value: comparableText(annotation.deadline), span: annotation.span });
      }
    }
  }
  if (document.kind === 'LIVELIHOOD_PLAN' || document.kind === 'WORK_REPORT') {
    const anchors = (expected?.livelihood ?? []).map((row) => row.anchor);
    for (const row of document.livelihood) {
      const subject = anchorOf(`${row.title}${row.content}`, anchors);
      mentions('livelihood-lead', subject, row.leads);
      mentions('livelihood-responsible', subject, row.responsible);
      mentions('livelihood-supporting', subject, row.supporters);
    }
  }
  if (document.kind === 'LEADER_DIVISION') {
    for (const leader of document.leaders) {
      for (const oversight of leader.oversees) {
        facts.push({
          role: 'leader',
          subject: leader.name,
          value: `${oversight.role}:${comparableName(oversight.agency.name)}`,
          alternatives: [`${oversight.role}:${comparableName(oversight.agency.written)}`],
          span: oversight.agency.span,
        });
      }
    }
  }
  if (document.kind === 'WORK_REPORT') {
    for (const sentence of document.figures) {
      // A qualitative statement (与经济增长同步, 完成市下达任务) has no value: `metric=—`.
      for (const statement of extractFigureStatements(sentence, metrics, document.jurisdiction?.name ?? null)) {
        facts.push({
          role: statement.kind === 'TARGET' ? 'target' : 'actual',
          subject: String(statement.year),
          value: `${statement.metric}=${statement.value ?? '—'}`,
          span: statement.span,
        });
      }
    }
  }
  return facts;
}

/**
 * Deadlines are written loosely (6月底前 / 6月底前完成): one containing the other
 * matches. A place is named with or without its parents (营口市站前区 / 站前区).
 */
export function factsMatch(expected: Fact, predicted: Fact): boolean {
  if (expected.role !== predicted.role || expected.subject !== predicted.subject) return false;
  if (expected.role === 'deadline') return expected.value.includes(predicted.value) || predicted.value.includes(expected.value);
  if (expected.role === 'jurisdiction') return samePlace(expected.value, predicted.value);
  return expected.value === predicted.value || (predicted.alternatives ?? []).includes(expected.value);
}

/** 营口市站前区 is 站前区 written after its city: what precedes the shorter name must be a place. */
/**
 * 恩施州 and 恩施土家族苗族自治州, 融水县 and 融水苗族自治县 are one place: a document
 * may write the short form, the product reports the listed full name.
 */
function sameAutonomousPlace(short: string, full: string): boolean {
  const suffix = /(?:州|县|旗)$/u.exec(short)?.[0];
  if (suffix === undefined || short.length < 3) return false;
  const body = short.slice(0, -1);
  return full.startsWith(body) && full.endsWith(`自治${suffix}`) && full.length > short.length + 2;
}

function samePlace(a: string, b: string): boolean {
  if (a === b || sameAutonomousPlace(a, b) || sameAutonomousPlace(b, a)) return true;
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.endsWith(shorter) && /(?:省|自治区|市|州|盟|县|区|旗)$/u.test(longer.slice(0, -shorter.length));
}
