/**
 * One export: rows from a GraphSource through a format into sinks, nodes
 * before relationships, each row awaited so that backpressure reaches the
 * database reads. Returns what was written, counted per label and type.
 */
import { CSV_BOM, nodeCsvHeader, nodeCsvRow, relationshipCsvHeader, relationshipCsvRow } from './csv.ts';
import { graphmlEdge, graphmlHeader, graphmlKeys, graphmlNode, GRAPHML_FOOTER } from './graphml.ts';
import { jsonlNode, jsonlRelationship } from './jsonl.ts';
import type { GraphSource } from './model.ts';
import type { TextSink } from './sink.ts';

export const EXPORT_FORMATS = ['graphml', 'jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Where each file of a format goes: `graph` for the one-file formats, `nodes.csv` / `relationships.csv` for CSV. */
export type OpenSink = (name: string) => Promise<TextSink>;

export interface ExportCounts {
  readonly nodes: number;
  readonly relationships: number;
  readonly byLabel: Readonly<Record<string, number>>;
  readonly byType: Readonly<Record<string, number>>;
}

class Counter {
  nodes = 0;
  relationships = 0;
  readonly byLabel: Record<string, number> = {};
  readonly byType: Record<string, number> = {};
  node(labels: readonly string[]): void {
    this.nodes += 1;
    for (const label of labels) this.byLabel[label] = (this.byLabel[label] ?? 0) + 1;
  }
  relationship(type: string): void {
    this.relationships += 1;
    this.byType[type] = (this.byType[type] ?? 0) + 1;
  }
  counts(): ExportCounts {
    return { nodes: this.nodes, relationships: this.relationships, byLabel: this.byLabel, byType: this.byType };
  }
}

/**
 * Writes into the sinks, checks that the graph did not change meanwhile, and
 * only then puts them in place; on any failure discards them all (no half or
 * mixed files) before rethrowing.
 */
async function into(source: GraphSource, sinks: readonly TextSink[], work: () => Promise<void>): Promise<void> {
  try {
    await work();
    await source.verifyUnchanged();
    for (const sink of sinks) await sink.close();
  } catch (error) {
    for (const sink of sinks) await sink.discard();
    throw error;
  }
}

/** Opens the sinks in order; when one cannot be opened, those already open are discarded. */
async function openAll(open: OpenSink, names: readonly string[]): Promise<TextSink[]> {
  const sinks: TextSink[] = [];
  try {
    for (const name of names) sinks.push(await open(name));
    return sinks;
  } catch (error) {
    for (const sink of sinks) await sink.discard();
    throw error;
  }
}

export async function writeGraph(source: GraphSource, format: ExportFormat, open: OpenSink): Promise<ExportCounts> {
  const counter = new Counter();
  if (format === 'jsonl') {
    const sink = await open('graph');
    await into(source, [sink], async () => {
      for await (const node of source.nodes()) {
        counter.node(node.labels);
        await sink.write(jsonlNode(node));
      }
      for await (const relationship of source.relationships()) {
        counter.relationship(relationship.type);
        await sink.write(jsonlRelationship(relationship));
      }
    });
  } else if (format === 'graphml') {
    const keys = graphmlKeys(await source.schema());
    const sink = await open('graph');
    await into(source, [sink], async () => {
      await sink.write(graphmlHeader(keys));
      for await (const node of source.nodes()) {
        counter.node(node.labels);
        await sink.write(graphmlNode(node, keys));
      }
      for await (const relationship of source.relationships()) {
        counter.relationship(relationship.type);
        await sink.write(graphmlEdge(relationship, keys));
      }
      await sink.write(GRAPHML_FOOTER);
    });
  } else {
    const schema = await source.schema();
    // Both files are written before either is put in place: they are one state of the graph or neither is kept.
    const sinks = await openAll(open, ['nodes.csv', 'relationships.csv']);
    const [nodes, relationships] = sinks;
    if (nodes === undefined || relationships === undefined) throw new Error('openAll returned fewer sinks than names');
    await into(source, sinks, async () => {
      await nodes.write(CSV_BOM + nodeCsvHeader(schema));
      for await (const node of source.nodes()) {
        counter.node(node.labels);
        await nodes.write(nodeCsvRow(node, schema));
      }
      await relationships.write(CSV_BOM + relationshipCsvHeader(schema));
      for await (const relationship of source.relationships()) {
        counter.relationship(relationship.type);
        await relationships.write(relationshipCsvRow(relationship, schema));
      }
    });
  }
  return counter.counts();
}
