/**
 * The bundled corpus must give the same documents, clauses, leads, supporters,
 * responsible units, livelihood rows and leaders whatever the pipeline learns
 * about other places' documents. The snapshot is the reading of 2026-12-01,
 * which matches the reading before the family work began, unit for unit.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../core/config.ts';
import type { ParsedDocument } from '../../ingest/model.ts';
import { parseFile } from '../../ingest/parse.ts';
import { loadCleanRules } from '../../ingest/rules.ts';

const CORPUS = path.join(PROJECT_ROOT, 'data', 'corpus');

function summary(document: ParsedDocument): string {
  const names = (units: readonly { readonly name: string }[]): string => units.map((unit) => unit.name).join('、');
  const lines = [`${document.kind} ${document.year} ${document.title}`];
  if (document.kind === 'TASK_DIVISION') {
    for (const task of document.tasks) {
      for (const clause of task.clauses) {
        const { annotation } = clause;
        lines.push(`  ${task.number}.${clause.ordinal} lead=${names(annotation.leads)} supporting=${names(annotation.supporters)} responsible=${names(annotation.responsible)} joint=${annotation.joint} deadline=${annotation.deadline ?? ''}`);
      }
    }
  }
  if (document.kind === 'LIVELIHOOD_PLAN' || document.kind === 'WORK_REPORT') {
    for (const row of document.livelihood) lines.push(`  row ${row.no} lead=${names(row.leads)} responsible=${names(row.responsible)}`);
  }
  if (document.kind === 'LEADER_DIVISION') {
    for (const leader of document.leaders) lines.push(`  leader ${leader.name} ${leader.oversees.map((oversight) => `${oversight.role}:${oversight.agency.name}`).join('、')}`);
  }
  return lines.join('\n');
}

describe('the bundled corpus', () => {
  it('reads the same clauses, units and leaders as before', async () => {
    const rules = await loadCleanRules();
    const files = (await readdir(CORPUS)).filter((name) => name.endsWith('.txt')).sort();
    const parts: string[] = [];
    for (const file of files) {
      const parsed = await parseFile(path.join(CORPUS, file), rules);
      expect(parsed.ok, file).toBe(true);
      if (parsed.ok) parts.push(`# ${file}\n${parsed.documents.map(summary).join('\n')}`);
    }
    await expect(`${parts.join('\n')}\n`).toMatchFileSnapshot('../fixtures/corpus-responsibility.snapshot.txt');
  });
});
