/**
 * The writers of `kg export` without a database: XML and CSV escaping
 * (property tests read the output back with real parsers: saxes, strict XML
 * 1.0, and csv-parse), the BOM, GraphML read back by graphology-graphml, JSON
 * Lines, and the order and counts of a whole export from a fake source.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, csvRow, nodeCsvHeader, nodeCsvRow } from '../../cli/export/csv.ts';
import { graphmlEdge, graphmlHeader, graphmlKeys, graphmlNode, GRAPHML_FOOTER } from '../../cli/export/graphml.ts';
import { jsonlNode, jsonlRelationship } from '../../cli/export/jsonl.ts';
import { displayLabel, valueKindOf, type ExportNode, type ExportRelationship, type ExportSchema, type GraphSource } from '../../cli/export/model.ts';
import type { TextSink } from '../../cli/export/sink.ts';
import { EXPORT_FORMATS, writeGraph } from '../../cli/export/write-graph.ts';
import { KgError } from '../../core/errors.ts';
import { escapeXml, xmlSafeText } from '../../cli/export/xml-text.ts';

/** Strings rich in what breaks XML and CSV: markup, quotes, line ends, C0 controls, lone surrogates, non-characters, CJK. */
const awkwardText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('&', '<', '>', '"', "'", ',', '\r', '\n', '\r\n', '\t', '\u0000', '\u0001', '\u000b', '\u001f', '\u007f', '\ud800', '\udfff', '\ufffe', '\uffff', ']]>', '柳州', '\u{1F600}'),
    fc.string({ unit: 'binary', maxLength: 1 }),
  ),
  maxLength: 40,
});

/** The attribute `x` and the text of `<a>` as a strict XML 1.0 parser reads them; throws on any well-formedness error. */
function readXml(xml: string): { attribute: string; text: string } {
  const parser = new SaxesParser();
  let attribute = '';
  let text = '';
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    attribute = String(tag.attributes['x'] ?? '');
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.write(xml).close();
  return { attribute, text };
}

describe('XML escaping', () => {
  it('always gives well-formed XML that reads back as the text with only non-XML characters replaced', () => {
    fc.assert(
      fc.property(awkwardText, (value) => {
        const escaped = escapeXml(value);
        const read = readXml(`<a x="${escaped}">${escaped}</a>`);
        expect(read.attribute).toBe(xmlSafeText(value));
        expect(read.text).toBe(xmlSafeText(value));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps what XML can carry and replaces what it cannot with U+FFFD', () => {
    expect(xmlSafeText('柳州\t市\r\n\u{1F600}')).toBe('柳州\t市\r\n\u{1F600}');
    expect(xmlSafeText('a\u0000b\u0008c\u000bd\ud800e\uffff')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFD');
    expect(escapeXml('<&>"\'\r')).toBe('&lt;&amp;&gt;&quot;&apos;&#13;');
  });
});

describe('CSV quoting', () => {
  it('reads back every field exactly with an RFC 4180 parser, whatever it holds', () => {
    const text = awkwardText.map((value) => value.replace(/[\ud800-\udfff]/g, '')).filter((value) => !/[\ud800-\udfff]/.test(value));
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]?.length ?? 1;
        const table = rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? ''));
        const csv = CSV_BOM + table.map(csvRow).join('');
        const read = parseCsv(csv, { bom: true, relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
        expect(read).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });

  it('quotes only the fields that need it', () => {
    expect(csvField('市财政局')).toBe('市财政局');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('nul\u0000')).toBe('"nul\u0000"');
    expect(csvRow(['a', 'b'])).toBe('a,b\r\n');
  });
});

const schema: ExportSchema = {
  nodeKeys: [
    { name: 'aliases', kind: 'text' },
    { name: 'label', kind: 'text' },
    { name: 'name', kind: 'text' },
    { name: 'year', kind: 'integer' },
  ],
  relationshipKeys: [
    { name: 'joint', kind: 'boolean' },
    { name: 'score', kind: 'float' },
  ],
};
const agency: ExportNode = { id: 'agency:柳州市:市财政局', labels: ['Agency'], properties: { name: '市财政局\u0001<&>', aliases: ['财政局', '市财政局'], label: 'own label' } };
const clause: ExportNode = { id: 'doc/1/task/1/clause/1', labels: ['Assignment'], properties: { year: 2024 } };
const led: ExportRelationship = { type: 'LED_BY', source: clause.id, target: agency.id, properties: { joint: true, score: 0.5 } };

describe('GraphML', () => {
  it('is read back by graphology-graphml with ids, labels, types and typed properties', () => {
    const keys = graphmlKeys(schema);
    const xml = graphmlHeader(keys) + graphmlNode(agency, keys) + graphmlNode(clause, keys) + graphmlEdge(led, keys) + GRAPHML_FOOTER;
    const graph = parseGraphml(MultiDirectedGraph, xml);
    expect(graph.order).toBe(2);
    expect(graph.size).toBe(1);
    expect(graph.type).toBe('directed');
    expect(graph.getNodeAttributes(agency.id)).toEqual({
      labels: ':Agency',
      label: '市财政局\uFFFD<&>',
      name: '市财政局\uFFFD<&>',
      aliases: '["财政局","市财政局"]',
      property_label: 'own label',
    });
    expect(graph.getNodeAttribute(clause.id, 'year')).toBe(2024);
    const [edge] = graph.edges(clause.id, agency.id);
    expect(graph.getEdgeAttributes(edge)).toEqual({ type: 'LED_BY', label: 'LED_BY', joint: true, score: 0.5 });
  });
});

describe('JSON Lines', () => {
  it('writes one parsable object a line, with the kind of record', () => {
    const lines = [jsonlNode(agency), jsonlRelationship(led)];
    for (const line of lines) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
    expect(JSON.parse(lines[0] ?? '')).toEqual({ kind: 'node', id: agency.id, labels: ['Agency'], properties: agency.properties });
    expect(JSON.parse(lines[1] ?? '')).toEqual({ kind: 'relationship', type: 'LED_BY', source: clause.id, target: agency.id, properties: { joint: true, score: 0.5 } });
  });
});

describe('value kinds', () => {
  it('declares a type only when every value has it', () => {
    expect(valueKindOf(['INTEGER NOT NULL'])).toBe('integer');
    expect(valueKindOf(['INTEGER NOT NULL', 'FLOAT NOT NULL'])).toBe('float');
    expect(valueKindOf(['BOOLEAN NOT NULL'])).toBe('boolean');
    expect(valueKindOf(['INTEGER NOT NULL', 'STRING NOT NULL'])).toBe('text');
    expect(valueKindOf(['LIST<STRING NOT NULL> NOT NULL'])).toBe('text');
  });
});

function memorySinks(): { open: (name: string) => Promise<TextSink>; files: Map<string, string>; discarded: string[] } {
  const files = new Map<string, string>();
  const discarded: string[] = [];
  return {
    files,
    discarded,
    open: async (name) => {
      let text = '';
      return {
        write: async (chunk) => void (text += chunk),
        close: async () => void files.set(name, text),
        discard: async () => void discarded.push(name),
      };
    },
  };
}

const source: GraphSource = {
  verifyUnchanged: async () => undefined,
  schema: async () => schema,
  async *nodes() {
    yield agency;
    yield clause;
  },
  async *relationships() {
    yield led;
  },
};

describe('a whole export', () => {
  it('writes nodes, then relationships, and counts them per label and type', async () => {
    const sinks = memorySinks();
    const counts = await writeGraph(source, 'jsonl', sinks.open);
    expect(counts).toEqual({ nodes: 2, relationships: 1, byLabel: { Agency: 1, Assignment: 1 }, byType: { LED_BY: 1 } });
    const kinds = (sinks.files.get('graph') ?? '').trim().split('\n').map((line) => (JSON.parse(line) as { kind: string }).kind);
    expect(kinds).toEqual(['node', 'node', 'relationship']);
  });

  it('writes two CSV files with a BOM and a header, the columns of the schema', async () => {
    const sinks = memorySinks();
    await writeGraph(source, 'csv', sinks.open);
    const nodes = sinks.files.get('nodes.csv') ?? '';
    expect(nodes.startsWith(CSV_BOM + nodeCsvHeader(schema))).toBe(true);
    expect(nodes).toContain(nodeCsvRow(clause, schema));
    expect(parseCsv(sinks.files.get('relationships.csv') ?? '', { bom: true, columns: true })).toEqual([
      { source: clause.id, target: agency.id, type: 'LED_BY', joint: 'true', score: '0.5' },
    ]);
  });

  it('discards the file it was writing when reading fails, and passes the error on', async () => {
    const sinks = memorySinks();
    const failing: GraphSource = {
      ...source,
      async *relationships() {
        yield led;
        throw new Error('Neo4j went away');
      },
    };
    await expect(writeGraph(failing, 'graphml', sinks.open)).rejects.toThrow('Neo4j went away');
    expect(sinks.discarded).toEqual(['graph']);
    expect(sinks.files.size).toBe(0);
  });
});

describe('an export during a write', () => {
  it('keeps no file, CSV pair included, when the graph changed while it was read', async () => {
    for (const format of EXPORT_FORMATS) {
      const sinks = memorySinks();
      const changed: GraphSource = {
        ...source,
        verifyUnchanged: async () => {
          throw new KgError('EXPORT_GRAPH_CHANGED', 'the graph was written to while it was being exported');
        },
      };
      await expect(writeGraph(changed, format, sinks.open)).rejects.toMatchObject({ code: 'EXPORT_GRAPH_CHANGED' });
      expect(sinks.files.size).toBe(0);
      expect(sinks.discarded.length).toBe(format === 'csv' ? 2 : 1);
    }
  });
});

describe('the label Gephi shows', () => {
  it('is the name, title or metric, else the start of the text, else the id', () => {
    expect(displayLabel(agency)).toBe(agency.properties['name']);
    expect(displayLabel({ id: 'p', labels: ['Passage'], properties: { text: '一二三四五六七八九十一二三四五六七八九十一二三四五六' } })).toBe('一二三四五六七八九十一二三四五六七八九十一二三四…');
    expect(displayLabel({ id: 'p', labels: ['Passage'], properties: { text: '短' } })).toBe('短');
    expect(displayLabel(clause)).toBe(clause.id);
  });
});
