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

/** Writes into `sink`, and on any failure discards it (no half file) before rethrowing. */
async function into(sink: TextSink, work: (sink: TextSink) => Promise<void>): Promise<void> {
  try {
    await work(sink);
    await sink.close();
  } catch (error) {
    await sink.discard();
    throw error;
  }
}

export async function writeGraph(source: GraphSource, format: ExportFormat, open: OpenSink): Promise<ExportCounts> {
  const counter = new Counter();
  if (format === 'jsonl') {
    await into(await open('graph'), async (sink) => {
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
    await into(await open('graph'), async (sink) => {
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
    await into(await open('nodes.csv'), async (sink) => {
      await sink.write(CSV_BOM + nodeCsvHeader(schema));
      for await (const node of source.nodes()) {
        counter.node(node.labels);
        await sink.write(nodeCsvRow(node, schema));
      }
    });
    await into(await open('relationships.csv'), async (sink) => {
      await sink.write(CSV_BOM + relationshipCsvHeader(schema));
      for await (const relationship of source.relationships()) {
        counter.relationship(relationship.type);
        await sink.write(relationshipCsvRow(relationship, schema));
      }
    });
  }
  return counter.counts();
}
