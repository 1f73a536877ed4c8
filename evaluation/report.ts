/** Text tables of an evaluation: per family and role, then every discrepancy. */
import { ROLES } from './facts.ts';
import type { Evaluation, Score } from './score.ts';
import type { EvaluationRun } from './run.ts';

const percent = (value: number): string => value.toFixed(3);

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function scoreCells(score: Score): string[] {
  return [String(score.expected), String(score.predicted), String(score.truePositives), percent(score.precision), percent(score.recall), percent(score.f1)];
}

export function renderScores(evaluation: Evaluation): string {
  const lines = [row(['family', 'role', 'expected', 'found', 'correct', 'precision', 'recall', 'F1']), row(Array(8).fill('---'))];
  for (const [family, roles] of evaluation.byFamily) {
    for (const role of ROLES) {
      const score = roles.get(role);
      if (score !== undefined) lines.push(row([family, role, ...scoreCells(score)]));
    }
  }
  for (const role of ROLES) {
    const score = evaluation.byRole.get(role);
    if (score !== undefined) lines.push(row(['**all**', role, ...scoreCells(score)]));
  }
  return `${lines.join('\n')}\n`;
}

export function renderDiscrepancies(evaluation: Evaluation): string {
  return evaluation.discrepancies
    .map(({ file, documentIndex, kind, fact }) => {
      const span = fact.span === undefined ? '' : ` @${fact.span.start}-${fact.span.end}`;
      return `${kind === 'miss' ? 'MISS     ' : 'FALSE HIT'} ${file}#${documentIndex + 1}${span} ${fact.role} [${fact.subject}] ${fact.value}`;
    })
    .join('\n');
}

export function renderRun(run: EvaluationRun, options: { readonly details: boolean }): string {
  const parts = [`${run.files} fixture file(s)\n`, renderScores(run.evaluation)];
  for (const rejected of run.rejected) parts.push(`REJECTED  ${rejected.file}: ${rejected.reason}\n`);
  if (options.details && run.evaluation.discrepancies.length > 0) parts.push(`\n${renderDiscrepancies(run.evaluation)}\n`);
  return parts.join('');
}
