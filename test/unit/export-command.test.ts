/**
 * `kg export` over a fake database: backpressure and closed pipes of the
 * output, usage and input errors, Neo4j unreachable. The real database and
 * the formats read back by parsers are in test/integration/export.test.ts.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runExportCommand, type ExportDependencies } from '../../cli/commands/export.ts';
import { isClosedPipe, streamSink } from '../../cli/export/sink.ts';
import { loadConfig } from '../../core/config.ts';
import type { Parameters, Row } from '../../core/database.ts';
import { DatabaseError } from '../../core/errors.ts';

const NODES = Array.from({ length: 2_500 }, (_, index) => ({ id: `node:${String(index).padStart(5, '0')}`, labels: ['Agency'], properties: { name: `机构${index}` } }));

/** Answers the export statements from NODES (no relationships), paging as the Cypher does; records what was asked. */
function fakeDatabase(options: { readonly unreachable?: boolean; readonly years?: readonly number[]; readonly versions?: readonly string[] } = {}) {
  const asked: { name: string; parameters: Parameters }[] = [];
  // The graph's version as successive reads see it: a write landing mid-export changes it.
  let versionReads = 0;
  let closed = false;
  const database: ReturnType<ExportDependencies['openDatabase']> = {
    async read(name: string, parameters: Parameters = {}): Promise<Row[]> {
      asked.push({ name, parameters });
      if (name === 'export/node-keys') return [{ key: 'name', types: ['STRING NOT NULL'] }];
      if (name === 'export/relationship-keys') return [];
      if (name === 'graph/version') return [{ version: options.versions?.[Math.min(versionReads++, options.versions.length - 1)] ?? 'v1' }];
      if (name === 'export/known-years') return (options.years ?? []).map((year) => ({ year }));
      if (name === 'export/nodes-page') {
        const after = String(parameters['after']);
        return NODES.filter((node) => node.id > after).slice(0, Number(parameters['limit']));
      }
      if (name === 'export/relationships-page') {
        const after = String(parameters['after']);
        return NODES.filter((node) => node.id > after)
          .slice(0, Number(parameters['limit']))
          .map((node) => ({ id: node.id, relationships: [] }));
      }
      throw new Error(`unexpected statement ${name}`);
    },
    serverInfo: async () => ({ name: 'fake', version: '5', edition: 'community' }),
    probe: async () => ({ ok: true, info: { name: 'fake', version: '5', edition: 'community' } }),
    async verifyConnectivity() {
      if (options.unreachable) throw new DatabaseError('DATABASE_UNAVAILABLE', 'Neo4j at bolt://127.0.0.1:1 is not reachable (ServiceUnavailable).');
    },
    async close() {
      closed = true;
    },
  };
  return { database, asked, isClosed: () => closed };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (text: string) => void out.push(text), stderr: (text: string) => void err.push(text) }, out, err };
}

/** A pipe whose reader has gone: every write fails with EPIPE, as stdout does under `| head`. */
function closedPipe(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    },
  });
}

/** Collects what it is given, slowly, with a small buffer, so that writers must wait for 'drain'. */
function slowStream(): { stream: Writable; text: () => string; maxBuffered: () => number } {
  const chunks: string[] = [];
  let maxBuffered = 0;
  const stream = new Writable({
    highWaterMark: 1_024,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      chunks.push(chunk);
      setTimeout(callback, 1);
    },
  });
  const originalWrite = stream.write.bind(stream);
  stream.write = ((chunk: string, ...rest: never[]) => {
    const result = originalWrite(chunk, ...rest);
    maxBuffered = Math.max(maxBuffered, stream.writableLength);
    return result;
  }) as typeof stream.write;
  return { stream, text: () => chunks.join(''), maxBuffered: () => maxBuffered };
}

const limits = () => loadConfig({}).api;

describe('kg export', () => {
  it('streams every page to a slow output, waiting for it to drain', async () => {
    const fake = fakeDatabase();
    const output = slowStream();
    const { io, err } = capture();
    const code = await runExportCommand(['--format', 'jsonl'], io, { openDatabase: () => fake.database, limits, stdout: output.stream });
    expect(err.join('')).toContain('wrote 2500 nodes (Agency 2500) and 0 relationships');
    expect(code).toBe(0);
    expect(output.text().trim().split('\n')).toHaveLength(2_500);
    // Never more than one gathered chunk (64 Ki characters, up to 3 bytes each) waiting in the stream.
    expect(output.maxBuffered()).toBeLessThanOrEqual(3 * 64 * 1024 + 1_024);
    expect(fake.asked.filter((entry) => entry.name === 'export/nodes-page').map((entry) => entry.parameters['after'])).toEqual(['', 'node:00999', 'node:01999']);
    expect(fake.isClosed()).toBe(true);
  });

  it('stops quietly with status 0 when the reader of its pipe goes away (kg export | head)', async () => {
    const fake = fakeDatabase();
    const { io, err, out } = capture();
    const code = await runExportCommand([], io, { openDatabase: () => fake.database, limits, stdout: closedPipe() });
    expect({ code, err: err.join(''), out: out.join('') }).toEqual({ code: 0, err: '', out: '' });
    // It stopped reading instead of paging through the whole graph.
    expect(fake.asked.filter((entry) => entry.name === 'export/nodes-page').length).toBeLessThan(3);
    expect(fake.isClosed()).toBe(true);
  });

  it('keeps no file and fails with EXPORT_GRAPH_CHANGED when a write lands while it reads', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'kg-export-changed-'));
    try {
      const out = path.join(folder, 'graph.jsonl');
      const { io, err } = capture();
      const code = await runExportCommand(['--format', 'jsonl', '--out', out], io, { openDatabase: () => fakeDatabase({ versions: ['v1', 'v2'] }).database, limits });
      expect(code).toBe(1);
      expect(err.join('')).toContain('[EXPORT_GRAPH_CHANGED]');
      expect(await readdir(folder)).toEqual([]);
      // Unchanged, the same export is written.
      expect(await runExportCommand(['--format', 'jsonl', '--out', out], capture().io, { openDatabase: () => fakeDatabase().database, limits })).toBe(0);
      expect(await readdir(folder)).toEqual(['graph.jsonl']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('refuses a year no document is of, naming it', async () => {
    const fake = fakeDatabase({ years: [2024] });
    const { io, err } = capture();
    const code = await runExportCommand(['--year', '2024', '--year', '1999'], io, { openDatabase: () => fake.database, limits, stdout: slowStream().stream });
    expect(code).toBe(1);
    expect(err.join('')).toBe('kg export: --year: no document of 1999 is in the graph (ingest it first, or leave the year out) [BAD_USER_INPUT]\n');
  });

  it('refuses what is not a year, an unknown format, and CSV without a folder', async () => {
    for (const [args, message] of [
      [['--year', '24'], '--year: "24" is not a year'],
      [['--format', 'gexf'], '--format: "gexf" is not a format; use graphml, jsonl, csv'],
      [['--format', 'csv'], '--format csv writes two files: give the folder with --out DIR'],
    ] as const) {
      const { io, err } = capture();
      expect(await runExportCommand(args, io, { openDatabase: () => fakeDatabase().database, limits, stdout: slowStream().stream })).toBe(1);
      expect(err.join('')).toContain(message);
      expect(err.join('')).toContain('[BAD_USER_INPUT]');
    }
  });

  it('reports Neo4j unreachable with the code every command uses', async () => {
    const fake = fakeDatabase({ unreachable: true });
    const { io, err } = capture();
    expect(await runExportCommand([], io, { openDatabase: () => fake.database, limits, stdout: slowStream().stream })).toBe(1);
    expect(err.join('')).toMatch(/^kg export: Neo4j at .* is not reachable.*\[DATABASE_UNAVAILABLE\]\n$/);
    expect(fake.isClosed()).toBe(true);
  });

  it('prints its usage for --help and exits 2 on an unknown option', async () => {
    const help = capture();
    expect(await runExportCommand(['--help'], help.io, { openDatabase: () => fakeDatabase().database, limits })).toBe(0);
    expect(help.out.join('')).toContain('Usage: kg export');
    const wrong = capture();
    expect(await runExportCommand(['--colour'], wrong.io, { openDatabase: () => fakeDatabase().database, limits })).toBe(2);
  });
});

describe('the output sink', () => {
  it('fails the write that meets a failed stream, and every write after it, as a closed pipe', async () => {
    const sink = streamSink(closedPipe(), { target: 'standard output', end: false });
    const closedPipeError = (error: unknown): boolean => isClosedPipe((error as { cause?: unknown }).cause);
    await expect(sink.write('x'.repeat(70_000))).rejects.toSatisfy(closedPipeError);
    await expect(sink.write('y'.repeat(70_000))).rejects.toSatisfy(closedPipeError);
    await expect(sink.close()).rejects.toSatisfy(closedPipeError);
  });
});
