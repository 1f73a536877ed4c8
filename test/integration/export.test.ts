/**
 * `kg export` against a real Neo4j: the whole graph as GraphML read back by
 * graphology-graphml (counts per label and type equal the graph's own),
 * filtered exports by year and place (exact contents of a fixture in years no
 * real document has), JSON Lines and CSV read back, documents' text only with
 * --with-text, and `kg export | head` ending quietly in a real pipe.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runExportCommand, type ExportDependencies } from '../../cli/commands/export.ts';
import { graphSource } from '../../cli/export/read-graph.ts';
import { xmlSafeText } from '../../cli/export/xml-text.ts';
import { loadConfig, PROJECT_ROOT } from '../../core/config.ts';
import { writeFixtureGraph, type FixtureGraph } from '../fixtures/graph/api-graph.ts';
import { testDatabase } from './helpers.ts';

interface JsonlRecord {
  readonly kind: 'node' | 'relationship';
  readonly id?: string;
  readonly labels?: string[];
  readonly type?: string;
  readonly source?: string;
  readonly target?: string;
  readonly properties: Record<string, unknown>;
}

function capture() {
  const err: string[] = [];
  return { io: { stdout: () => undefined, stderr: (text: string) => void err.push(text) }, err };
}

/** Standard output kept in memory. */
function memoryStdout(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

const dependencies = (stdout: Writable = memoryStdout().stream): Partial<ExportDependencies> => ({
  openDatabase: () => testDatabase(),
  limits: () => loadConfig().api,
  stdout,
});

async function exportJsonl(args: readonly string[]): Promise<JsonlRecord[]> {
  const stdout = memoryStdout();
  const { io, err } = capture();
  const code = await runExportCommand(['--format', 'jsonl', ...args], io, dependencies(stdout.stream));
  expect(code, err.join('')).toBe(0);
  return stdout
    .text()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JsonlRecord);
}

/** A relationship as `from -TYPE-> to` with the fixture's marker cut off the ids. */
function edgesOf(records: readonly JsonlRecord[], marker: string): string[] {
  const short = (id: string | undefined) => String(id).replace(`${marker}:`, '');
  return records
    .filter((record) => record.kind === 'relationship')
    .map((record) => `${short(record.source)} -${record.type}-> ${short(record.target)}`)
    .sort();
}

function nodesOf(records: readonly JsonlRecord[], marker: string): string[] {
  return records
    .filter((record) => record.kind === 'node')
    .map((record) => String(record.id).replace(`${marker}:`, ''))
    .sort();
}

async function countsInGraph(): Promise<{ byLabel: Record<string, number>; byType: Record<string, number> }> {
  const database = testDatabase();
  try {
    const labels = await database.read('graph/counts-by-label');
    const types = await database.read('graph/counts-by-type');
    return {
      byLabel: Object.fromEntries(labels.map((row) => [String(row['label']), Number(row['count'])])),
      byType: Object.fromEntries(types.map((row) => [String(row['type']), Number(row['count'])])),
    };
  } finally {
    await database.close();
  }
}

const tally = (values: readonly string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};

const CLAUSE_TEXT = (tag: string) => `推动<产业>&"升级", 第二行\r\n控制\u0001字符\u0008${tag}`;

describe('kg export against Neo4j', () => {
  let fixture: FixtureGraph;
  let directory: string;

  beforeAll(async () => {
    fixture = await writeFixtureGraph('exporttest', 'export-fixture');
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'kg-export-'));
  });

  afterAll(async () => {
    try {
      await fixture.remove();
    } finally {
      await fs.rm(directory, { recursive: true, force: true });
    }
  });

  it('writes the whole graph as GraphML that a GraphML parser reads back with the counts of the graph', async () => {
    const file = path.join(directory, 'graph.graphml');
    const { io, err } = capture();
    expect(await runExportCommand(['--out', file], io, dependencies()), err.join('')).toBe(0);
    const graph = parseGraphml(MultiDirectedGraph, await fs.readFile(file, 'utf8'));
    const expected = await countsInGraph();
    const labels = graph.mapNodes((_node, attributes) => String(attributes['labels'] ?? '').split(':').filter((label) => label !== '')).flat();
    expect(tally(labels)).toEqual(expected.byLabel);
    expect(tally(graph.mapEdges((_edge, attributes) => String(attributes['type'])))).toEqual(expected.byType);
    await expect(fs.access(`${file}.partial`)).rejects.toThrow();

    const clause = graph.getNodeAttributes(fixture.id('doc-2091/task/1/clause/1'));
    expect(clause['labels']).toBe(':Assignment');
    expect(clause['text']).toBe(xmlSafeText(CLAUSE_TEXT(fixture.tag)));
    expect(clause['year']).toBe(2091);
    expect(clause['joint']).toBe(false);
    const document = graph.getNodeAttributes(fixture.id('doc-2091'));
    expect(document['label']).toBe(`2091年分工${fixture.tag}`);
    expect(document).not.toHaveProperty('text');
    const [states] = graph.edges(fixture.id('doc-2091'), fixture.id('indicator:gdp'));
    expect(graph.getEdgeAttributes(states)).toMatchObject({ type: 'STATES', value: 5.5, kind: 'TARGET', year: 2091 });
  });

  it('exports a year: its documents, what they own, the entities they link to, and the relationships among those', async () => {
    const records = await exportJsonl(['--year', '2092']);
    expect(nodesOf(records, fixture.marker)).toEqual(
      ['agency:forestry', 'company:a', 'doc-2092', 'doc-2092/clause/1', 'doc-2092/passage/1', 'leader:wang', 'place:district'].sort(),
    );
    expect(edgesOf(records, fixture.marker)).toEqual(
      [
        'doc-2092 -ISSUED_IN-> place:district',
        'doc-2092/clause/1 -PART_OF-> doc-2092',
        'doc-2092/passage/1 -MENTIONS-> company:a',
        'doc-2092/passage/1 -PART_OF-> doc-2092',
        'leader:wang -OVERSEES-> agency:forestry',
      ].sort(),
    );
    const kinds = records.map((record) => record.kind);
    expect(kinds.indexOf('relationship')).toBeGreaterThan(kinds.lastIndexOf('node'));
  });

  it('exports a place with the places within it, by name or by id; filters together keep what passes both', async () => {
    const byName = await exportJsonl(['--jurisdiction', `甲市${fixture.tag}`]);
    expect(nodesOf(byName, fixture.marker)).toHaveLength(13);
    expect(edgesOf(byName, fixture.marker)).toEqual(
      expect.arrayContaining([
        'doc-2092/clause/1 -CONTINUES-> doc-2091/task/1/clause/1',
        'place:district -PART_OF-> place:city',
        'agency:forestry -OF-> place:city',
      ]),
    );
    expect(edgesOf(byName, fixture.marker)).toHaveLength(14);

    const byId = await exportJsonl(['--jurisdiction', fixture.id('place:other')]);
    expect(nodesOf(byId, fixture.marker)).toEqual(['doc-2093', 'doc-2093/passage/1', 'place:other']);
    expect(edgesOf(byId, fixture.marker)).toEqual(['doc-2093 -ISSUED_IN-> place:other', 'doc-2093/passage/1 -PART_OF-> doc-2093']);

    const stdout = memoryStdout();
    const { io, err } = capture();
    expect(await runExportCommand(['--format', 'jsonl', '--year', '2092', '--jurisdiction', `丙县${fixture.tag}`], io, dependencies(stdout.stream))).toBe(0);
    expect(stdout.text()).toBe('');
    expect(err.join('')).toContain('no document passes all the filters');
  });

  it('refuses an unknown year or place by name', async () => {
    for (const [args, message] of [
      [['--year', '1901'], '--year: no document of 1901 is in the graph'],
      [['--jurisdiction', `无此地${fixture.tag}`], `--jurisdiction: no jurisdiction is known as "无此地${fixture.tag}"`],
    ] as const) {
      const { io, err } = capture();
      expect(await runExportCommand(args, io, dependencies())).toBe(1);
      expect(err.join('')).toContain(message);
      expect(err.join('')).toContain('[BAD_USER_INPUT]');
    }
  });

  it('leaves documents’ full text out unless --with-text', async () => {
    const without = await exportJsonl(['--year', '2091']);
    const withText = await exportJsonl(['--year', '2091', '--with-text']);
    const document = (records: readonly JsonlRecord[]) => records.find((record) => record.id === fixture.id('doc-2091'));
    expect(document(without)?.properties).not.toHaveProperty('text');
    expect(String(document(withText)?.properties['text'])).toHaveLength(4000 * '柳州市人民政府关于落实重点工作分工的意见。'.length);
    // The clause's own text is exported either way, exactly.
    expect(without.find((record) => record.id === fixture.id('doc-2091/task/1/clause/1'))?.properties['text']).toBe(CLAUSE_TEXT(fixture.tag));
  });

  it('writes CSV that a CSV parser reads back with the counts of the graph and the exact text', async () => {
    const folder = path.join(directory, 'csv');
    const { io, err } = capture();
    expect(await runExportCommand(['--format', 'csv', '--out', folder], io, dependencies()), err.join('')).toBe(0);
    const nodesFile = await fs.readFile(path.join(folder, 'nodes.csv'));
    expect([...nodesFile.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const nodes = parseCsv(nodesFile, { bom: true, columns: true }) as Record<string, string>[];
    const relationships = parseCsv(await fs.readFile(path.join(folder, 'relationships.csv')), { bom: true, columns: true }) as Record<string, string>[];
    const expected = await countsInGraph();
    expect(tally(nodes.flatMap((row) => String(row['labels']).split(';')))).toEqual(expected.byLabel);
    expect(tally(relationships.map((row) => String(row['type'])))).toEqual(expected.byType);
    const clause = nodes.find((row) => row['id'] === fixture.id('doc-2091/task/1/clause/1'));
    expect(clause?.['text']).toBe(CLAUSE_TEXT(fixture.tag));
    expect(nodes.find((row) => row['id'] === fixture.id('agency:finance'))?.['aliases']).toBe(JSON.stringify([`市财政局${fixture.tag}`, `财政局${fixture.tag}`]));
    expect(relationships).toContainEqual(expect.objectContaining({ source: fixture.id('doc-2092/clause/1'), target: fixture.id('doc-2091/task/1/clause/1'), type: 'CONTINUES', score: '0.75' }));
  });

  it('ends quietly with status 0 when piped into head', async () => {
    const env = { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword') };
    // The 2091 document's text (~250 KB) is more than a pipe holds, so the export is still writing when head leaves.
    const script = 'node --import tsx cli/main.ts export --format jsonl --year 2091 --with-text 2>"$ERR" | head -c 100 >/dev/null; echo "${PIPESTATUS[0]}"';
    const errFile = path.join(directory, 'stderr.txt');
    const status = await new Promise<string>((resolve, reject) => {
      const child = spawn('bash', ['-c', script], { cwd: PROJECT_ROOT, env: { ...env, ERR: errFile } });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
      child.on('error', reject);
      child.on('close', () => resolve(out.trim()));
    });
    expect({ status, stderr: await fs.readFile(errFile, 'utf8') }).toEqual({ status: '0', stderr: '' });
  });

  it('fails with EXPORT_GRAPH_CHANGED when a write commits while it reads, and passes once the graph is still', async () => {
    const database = testDatabase();
    try {
      const source = graphSource(database, { documentIds: null, withText: false }, { nodes: 10, relationships: 10 });
      const nodes = source.nodes()[Symbol.asyncIterator]();
      expect((await nodes.next()).done).toBe(false);
      // Any write transaction replaces the graph's version as its last statement.
      await database.write(async () => undefined);
      await expect(source.verifyUnchanged()).rejects.toMatchObject({ code: 'EXPORT_GRAPH_CHANGED' });
      await nodes.return?.(undefined);
      const still = graphSource(database, { documentIds: null, withText: false });
      await still.schema();
      await expect(still.verifyUnchanged()).resolves.toBeUndefined();
    } finally {
      await database.close();
    }
  });
});
