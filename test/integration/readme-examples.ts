/**
 * The GraphQL operations of the README, with the variables and the error code
 * it shows for each: run by the README test, and by the bulk-build test to
 * compare the answers of two graphs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/config.ts';

export interface Example {
  readonly operation: string;
  /** The variables the README gives it (a line `Variables: \`{…}\`` right after the block). */
  readonly variables: Record<string, unknown>;
  /** The error code the README shows for it, if its output is an error. */
  readonly expectedError: string | null;
}

export function readmeExamples(): Example[] {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const examples: Example[] = [];
  const block = /```graphql\n([\s\S]*?)```([\s\S]*?)(?=```graphql|$)/g;
  for (const match of readme.matchAll(block)) {
    const operation = match[1] ?? '';
    const after = match[2] ?? '';
    const shownError = /"errors"[\s\S]*?"code":\s*"([A-Z_]+)"/.exec(after.split('\n### ')[0] ?? '');
    const variables = /^Variables: `(\{.*\})`$/m.exec(after.split('```')[0] ?? '')?.[1];
    examples.push({ operation, variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : {}, expectedError: shownError?.[1] ?? null });
  }
  return examples;
}

/** The operation's name, for test titles. */
export function exampleName(example: Example): string {
  return /(?:query|mutation)\s+(\w+)/.exec(example.operation)?.[1] ?? example.operation.slice(0, 40);
}
