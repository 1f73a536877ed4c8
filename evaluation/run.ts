/**
 * `kg eval`'s work: find every document with an `*.expected.json` beside it
 * under a folder, run the pipeline on it and score the result.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MetricRule } from '../ingest/extract/indicators.ts';
import type { CleanRules } from '../ingest/clean/index.ts';
import type { PlaceTable } from '../ingest/jurisdiction/index.ts';
import { parseFile } from '../ingest/parse.ts';
import { parseExpectedFile } from './expected.ts';
import { expectedFacts, predictedFacts } from './facts.ts';
import { evaluate, type DocumentComparison, type Evaluation } from './score.ts';

const EXPECTED_SUFFIX = '.expected.json';

export interface EvaluationInput {
  readonly root: string;
  readonly cleanRules: CleanRules;
  readonly metrics: readonly MetricRule[];
  /**
   * The jurisdiction table. Required so that every caller scores with the same rules
   * as `kg eval`: when it was optional the unit test ran without it and read places
   * from their names only, which gave other jurisdiction figures than the CLI.
   */
  readonly places: PlaceTable;
}

export interface EvaluationRun {
  readonly evaluation: Evaluation;
  readonly files: number;
  /** Fixtures the pipeline rejected as a whole, with the reason. */
  readonly rejected: readonly { readonly file: string; readonly reason: string }[];
}

/** Pairs of (document, expected file) below `root`, sorted by path. */
export async function findFixtures(root: string): Promise<{ document: string; expected: string; family: string }[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const byStem = new Map(files.filter((file) => !file.endsWith(EXPECTED_SUFFIX) && !file.endsWith('.md')).map((file) => [stemOf(file), file]));
  return files
    .filter((file) => file.endsWith(EXPECTED_SUFFIX))
    .flatMap((expected) => {
      const document = byStem.get(expected.slice(0, -EXPECTED_SUFFIX.length));
      if (document === undefined) return [];
      const family = path.relative(root, path.dirname(document)).split(path.sep)[0] || path.basename(root);
      return [{ document, expected, family }];
    })
    .sort((a, b) => a.document.localeCompare(b.document));
}

function stemOf(file: string): string {
  const extension = path.extname(file);
  return extension.length > 0 ? file.slice(0, -extension.length) : file;
}

export async function runEvaluation(input: EvaluationInput): Promise<EvaluationRun> {
  const fixtures = await findFixtures(input.root);
  const comparisons: DocumentComparison[] = [];
  const rejected: { file: string; reason: string }[] = [];
  for (const fixture of fixtures) {
    const expected = parseExpectedFile(await readFile(fixture.expected, 'utf8'), fixture.expected);
    const parsed = await parseFile(fixture.document, input.cleanRules, input.places);
    const documents = parsed.ok ? parsed.documents : [];
    if (!parsed.ok) rejected.push({ file: fixture.document, reason: parsed.error.message });
    const count = Math.max(expected.documents.length, documents.length);
    for (let index = 0; index < count; index += 1) {
      const want = expected.documents[index];
      const got = documents[index];
      comparisons.push({
        file: path.relative(input.root, fixture.document),
        family: fixture.family,
        documentIndex: index,
        expected: want === undefined ? [] : expectedFacts(want),
        predicted: got === undefined ? [] : predictedFacts(got, want, input.metrics, got.jurisdiction?.name ?? null),
      });
    }
  }
  return { evaluation: evaluate(comparisons), files: fixtures.length, rejected };
}
