/**
 * Precision / recall / F1 of predicted facts against expected ones, per family
 * and per role, with every miss and false hit kept for printing.
 */
import { factsMatch, ROLES, type Fact, type Role } from './facts.ts';

export interface DocumentComparison {
  readonly file: string;
  /** The fixture family (the folder under the evaluated root), e.g. task-division. */
  readonly family: string;
  readonly documentIndex: number;
  readonly expected: readonly Fact[];
  readonly predicted: readonly Fact[];
}

export interface Counts {
  readonly truePositives: number;
  readonly expected: number;
  readonly predicted: number;
}

export interface Score extends Counts {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Discrepancy {
  readonly file: string;
  readonly documentIndex: number;
  readonly kind: 'miss' | 'false hit';
  readonly fact: Fact;
}

export interface Evaluation {
  /** family → role → score; only roles with any expected or predicted fact. */
  readonly byFamily: ReadonlyMap<string, ReadonlyMap<Role, Score>>;
  readonly byRole: ReadonlyMap<Role, Score>;
  readonly discrepancies: readonly Discrepancy[];
}

export function scoreOf(counts: Counts): Score {
  const precision = counts.predicted === 0 ? (counts.expected === 0 ? 1 : 0) : counts.truePositives / counts.predicted;
  const recall = counts.expected === 0 ? 1 : counts.truePositives / counts.expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...counts, precision, recall, f1 };
}

/** One-to-one matching of a document's facts; returns the unmatched on each side. */
function compare(comparison: DocumentComparison): { matched: Fact[]; misses: Fact[]; falseHits: Fact[] } {
  const unused = [...comparison.predicted];
  const matched: Fact[] = [];
  const misses: Fact[] = [];
  for (const fact of comparison.expected) {
    const index = unused.findIndex((candidate) => factsMatch(fact, candidate));
    if (index === -1) {
      misses.push(fact);
    } else {
      matched.push(fact);
      unused.splice(index, 1);
    }
  }
  return { matched, misses, falseHits: unused };
}

export function evaluate(comparisons: readonly DocumentComparison[]): Evaluation {
  const familyCounts = new Map<string, Map<Role, { truePositives: number; expected: number; predicted: number }>>();
  const discrepancies: Discrepancy[] = [];
  const countsFor = (family: string, role: Role) => {
    let roles = familyCounts.get(family);
    if (roles === undefined) familyCounts.set(family, (roles = new Map()));
    let counts = roles.get(role);
    if (counts === undefined) roles.set(role, (counts = { truePositives: 0, expected: 0, predicted: 0 }));
    return counts;
  };
  for (const comparison of comparisons) {
    const { matched, misses, falseHits } = compare(comparison);
    for (const fact of comparison.expected) countsFor(comparison.family, fact.role).expected += 1;
    for (const fact of comparison.predicted) countsFor(comparison.family, fact.role).predicted += 1;
    for (const fact of matched) countsFor(comparison.family, fact.role).truePositives += 1;
    const place = { file: comparison.file, documentIndex: comparison.documentIndex };
    for (const fact of misses) discrepancies.push({ ...place, kind: 'miss', fact });
    for (const fact of falseHits) discrepancies.push({ ...place, kind: 'false hit', fact });
  }
  const byFamily = new Map<string, Map<Role, Score>>();
  const totals = new Map<Role, { truePositives: number; expected: number; predicted: number }>();
  for (const [family, roles] of [...familyCounts].sort(([a], [b]) => a.localeCompare(b))) {
    const scores = new Map<Role, Score>();
    for (const role of ROLES) {
      const counts = roles.get(role);
      if (counts === undefined) continue;
      scores.set(role, scoreOf(counts));
      const total = totals.get(role) ?? { truePositives: 0, expected: 0, predicted: 0 };
      totals.set(role, {
        truePositives: total.truePositives + counts.truePositives,
        expected: total.expected + counts.expected,
        predicted: total.predicted + counts.predicted,
      });
    }
    byFamily.set(family, scores);
  }
  const byRole = new Map<Role, Score>();
  for (const role of ROLES) {
    const total = totals.get(role);
    if (total !== undefined) byRole.set(role, scoreOf(total));
  }
  return { byFamily, byRole, discrepancies };
}

/** Units with responsibility of any kind: the figure the acceptance threshold is about. */
export function combinedScore(evaluation: Evaluation, roles: readonly Role[]): Score {
  const counts = { truePositives: 0, expected: 0, predicted: 0 };
  for (const role of roles) {
    const score = evaluation.byRole.get(role);
    if (score === undefined) continue;
    counts.truePositives += score.truePositives;
    counts.expected += score.expected;
    counts.predicted += score.predicted;
  }
  return scoreOf(counts);
}
