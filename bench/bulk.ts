/**
 * The bench's `bulk.sizes[]`: builds from scratch through Neo4j's importer
 * (ingest/bulk/build.ts) on the bench instance at each size of the synthetic
 * corpus, next to the UNWIND ceiling of the same records measured in the same
 * run on the same server (bench/ceiling.ts).
 *
 * Two figures per size. `recordsPerSecond` / `ratioToCeiling`: the records
 * over the database's part of the build — CSV writing, the import, the
 * restart, schema and full-text index, the writes after the import — the
 * work the ceiling also measures (it too starts from built records).
 * `endToEnd*`: over the whole `ingestPaths` call, reading, parsing, entity
 * resolution and linking included.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../core/config.ts';
import type { Database } from '../core/database.ts';
import { localInstanceConfig } from '../infra/neo4j/instances.ts';
import { localBulkBuilder } from '../app/bulk-import.ts';
import type { BulkBuildOutcome, BulkBuilder } from '../ingest/bulk/build.ts';
import type { DocumentGraph } from '../ingest/graph/records.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import { resetGraph } from '../ingest/load.ts';
import { ceilingRecords, measureCeiling } from './ceiling.ts';
import { measured, round } from './measure.ts';
import type { SyntheticFile } from './synthetic.ts';
import { syntheticCorpus } from './synthetic.ts';

export interface BulkSizeResult {
  readonly factor: number;
  readonly files: number;
  readonly documents: number;
  /** Nodes and relationships the build left in the graph (links included). */
  readonly records: number;
  /** The database's part of the build (see the module comment). */
  readonly seconds: number;
  readonly recordsPerSecond: number;
  readonly ceilingRecords: number;
  readonly ceilingSeconds: number;
  readonly ceilingRecordsPerSecond: number;
  /** recordsPerSecond / ceilingRecordsPerSecond. */
  readonly ratioToCeiling: number;
  readonly endToEndSeconds: number;
  readonly endToEndRecordsPerSecond: number;
  readonly endToEndRatioToCeiling: number;
  readonly peakRssMb: number;
  /** Seconds of each step. */
  readonly steps: Readonly<Record<string, number>>;
}

export interface BulkBenchOptions {
  readonly config: Config;
  readonly instance: string;
  readonly uri: string;
  readonly password: string;
  readonly seeds: readonly SyntheticFile[];
  readonly sizes: readonly number[];
  readonly buildGraphs: (files: readonly SyntheticFile[]) => Promise<DocumentGraph[]>;
  readonly log: (line: string) => void;
  /** Called after each size with the results so far (a long run keeps what it measured). */
  readonly onSize?: (sizes: readonly BulkSizeResult[]) => void;
}

export async function bulkSizes(database: Database, options: BulkBenchOptions): Promise<{ sizes: BulkSizeResult[] }> {
  const { config, log } = options;
  const inner = localBulkBuilder(localInstanceConfig(config, options.instance), options.instance, config.neo4j.database, log);
  let outcome: BulkBuildOutcome | null = null;
  const bulk: BulkBuilder = {
    async build(input, target) {
      outcome = await inner.build(input, target);
      return outcome;
    },
  };
  const sizes: BulkSizeResult[] = [];
  for (const factor of options.sizes) {
    const files = syntheticCorpus(options.seeds, factor);
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bench-bulk-'));
    try {
      for (const file of files) fs.writeFileSync(path.join(directory, file.name), file.text);
      log(`bulk ×${factor}: ${files.length} files …`);
      outcome = null;
      const run = await measured(() => ingestPaths([directory], database, { rulesDir: config.rulesDir, reset: true, bulk }));
      const built = outcome as BulkBuildOutcome | null;
      if (built === null) throw new Error(`bulk ×${factor}: the importer did not build the graph (see the log above)`);
      log(`ceiling ×${factor} …`);
      await resetGraph(database);
      const ceiling = await measureCeiling(options.uri, config.neo4j.user, options.password, config.neo4j.database, ceilingRecords(await options.buildGraphs(files)));
      await resetGraph(database);
      const steps = Object.fromEntries(Object.entries(built.timings).map(([step, value]) => [step, round(value, 2)]));
      const t = built.timings;
      const seconds = t.csv + t.import + t.restart + t.schema + t.after;
      const records = built.imported.nodes + built.imported.relationships;
      const recordsPerSecond = records / seconds;
      const endToEndRecordsPerSecond = records / run.seconds;
      sizes.push({
        factor,
        files: files.length,
        documents: run.result.loaded.length,
        records,
        seconds: round(seconds),
        recordsPerSecond: Math.round(recordsPerSecond),
        ceilingRecords: ceiling.records,
        ceilingSeconds: round(ceiling.seconds),
        ceilingRecordsPerSecond: Math.round(ceiling.recordsPerSecond),
        ratioToCeiling: round(recordsPerSecond / ceiling.recordsPerSecond, 3),
        endToEndSeconds: round(run.seconds),
        endToEndRecordsPerSecond: Math.round(endToEndRecordsPerSecond),
        endToEndRatioToCeiling: round(endToEndRecordsPerSecond / ceiling.recordsPerSecond, 3),
        peakRssMb: Math.round(run.peakRssMb),
        steps,
      });
      log(
        `bulk ×${factor}: ${Math.round(recordsPerSecond)} records/s = ${round(recordsPerSecond / ceiling.recordsPerSecond, 2)}× the ceiling (${Math.round(ceiling.recordsPerSecond)} records/s); ` +
          `end to end ${round(run.seconds)} s; steps ${JSON.stringify(steps)}`,
      );
      options.onSize?.(sizes);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  }
  return { sizes };
}

export function bulkMarkdown(report: { sizes: readonly BulkSizeResult[] }): string[] {
  const lines = ['### Bulk build through neo4j-admin database import vs the UNWIND ceiling, same run', ''];
  lines.push('| size | documents | records | load s | records/s | ceiling records/s | ratio | end-to-end s | end-to-end ratio | steps (s) |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const size of report.sizes) {
    const steps = Object.entries(size.steps).map(([step, value]) => `${step} ${value}`).join(', ');
    lines.push(`| ×${size.factor} | ${size.documents} | ${size.records} | ${size.seconds} | ${size.recordsPerSecond} | ${size.ceilingRecordsPerSecond} | ${size.ratioToCeiling}× | ${size.endToEndSeconds} | ${size.endToEndRatioToCeiling}× | ${steps} |`);
  }
  lines.push('', 'Load: CSV + import + restart + schema and full-text index + writes after the import; end to end: the whole build, parsing and linking included.', '');
  return lines;
}
