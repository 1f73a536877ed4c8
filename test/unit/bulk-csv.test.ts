import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ARRAY_DELIMITER, writeCsv } from '../../ingest/bulk/csv.ts';
import { constraintConflict, mergeGraphs, withLinks, type BulkGraph } from '../../ingest/bulk/merge.ts';
import { sweepOrphans } from '../../ingest/bulk/orphans.ts';
import { OWNED_LABELS, RELATIONSHIP_TYPES, SHARED_LABELS, SHARED_RELATIONSHIP_TYPES, type DocumentGraph, type NodeRecord, type OwnedLabel, type RelationshipRecord, type RelationshipType, type SharedLabel, type SharedRelationshipType } from '../../ingest/graph/records.ts';

/** A document graph with only the records given. */
function graphOf(
  id: string,
  parts: {
    owned?: Partial<Record<(typeof OWNED_LABELS)[number], NodeRecord[]>>;
    shared?: Partial<Record<(typeof SHARED_LABELS)[number], NodeRecord[]>>;
    relationships?: Partial<Record<(typeof RELATIONSHIP_TYPES)[number], RelationshipRecord[]>>;
    sharedRelationships?: Partial<Record<(typeof SHARED_RELATIONSHIP_TYPES)[number], RelationshipRecord[]>>;
  },
): DocumentGraph {
  return {
    document: { id, properties: { documentId: id, title: `title ${id}`, year: null } },
    owned: Object.fromEntries(OWNED_LABELS.map((label) => [label, parts.owned?.[label] ?? []])) as Record<OwnedLabel, NodeRecord[]>,
    shared: Object.fromEntries(SHARED_LABELS.map((label) => [label, parts.shared?.[label] ?? []])) as Record<SharedLabel, NodeRecord[]>,
    relationships: Object.fromEntries(RELATIONSHIP_TYPES.map((type) => [type, parts.relationships?.[type] ?? []])) as Record<RelationshipType, RelationshipRecord[]>,
    sharedRelationships: Object.fromEntries(SHARED_RELATIONSHIP_TYPES.map((type) => [type, parts.sharedRelationships?.[type] ?? []])) as Record<SharedRelationshipType, RelationshipRecord[]>,
  };
}

const nodeOf = (graph: BulkGraph, id: string) => graph.nodes.find((node) => node.id === id);

describe('mergeGraphs: the graph the transactional load leaves', () => {
  it('accumulates agency aliases in order and keeps the last name, the last non-null kind and the jurisdiction', () => {
    const merged = mergeGraphs(
      [
        graphOf('d1', { shared: { Agency: [{ id: 'agency:a', properties: { name: '市财政局', aliases: ['财政局'], kind: 'department', jurisdiction: null } }] } }),
        graphOf('d2', { shared: { Agency: [{ id: 'agency:a', properties: { name: '市财政局', aliases: ['市财政局', '柳州市财政局'], kind: null, jurisdiction: '广西/柳州市' } }] } }),
      ],
      [],
    );
    expect(nodeOf(merged, 'agency:a')?.properties).toEqual({ name: '市财政局', aliases: ['财政局', '市财政局', '柳州市财政局'], kind: 'department', jurisdiction: '广西/柳州市' });
  });

  it('gives a named entity without aliases its name as the only alias, and no jurisdiction', () => {
    const merged = mergeGraphs([graphOf('d1', { shared: { Company: [{ id: 'company:x', properties: { name: '某公司' } }] } })], []);
    expect(nodeOf(merged, 'company:x')?.properties).toEqual({ name: '某公司', aliases: ['某公司'] });
  });

  it('lets a later document overwrite plain shared properties, a null removing one', () => {
    const merged = mergeGraphs(
      [
        graphOf('d1', { shared: { Term: [{ id: 'term:t', properties: { name: 't', definition: 'first', text: 'x' } }] } }),
        graphOf('d2', { shared: { Term: [{ id: 'term:t', properties: { name: 't', definition: 'second', text: null } }] } }),
      ],
      [],
    );
    expect(nodeOf(merged, 'term:t')?.properties).toEqual({ name: 't', definition: 'second' });
  });

  it('drops null properties of created nodes, relationships to nodes not written yet, and repeated shared relationships', () => {
    const merged = mergeGraphs(
      [
        graphOf('d1', {
          owned: { Task: [{ id: 'd1/task/1', properties: { number: 1, title: null } }] },
          shared: { Jurisdiction: [{ id: 'j:a', properties: { name: 'a' } }, { id: 'j:b', properties: { name: 'b' } }] },
          relationships: { HAS_TASK: [{ from: 'd1', to: 'd1/task/1', properties: { note: null } }], PART_OF: [{ from: 'd1/task/1', to: 'd2', properties: {} }] },
          sharedRelationships: { PART_OF: [{ from: 'j:a', to: 'j:b', properties: {} }] },
        }),
        graphOf('d2', { shared: { Jurisdiction: [{ id: 'j:a', properties: { name: 'a' } }, { id: 'j:b', properties: { name: 'b' } }] }, sharedRelationships: { PART_OF: [{ from: 'j:a', to: 'j:b', properties: {} }] } }),
      ],
      [],
    );
    expect(nodeOf(merged, 'd1/task/1')?.properties).toEqual({ number: 1 });
    expect(merged.relationships.map((relationship) => `${relationship.type} ${relationship.from}→${relationship.to} ${JSON.stringify(relationship.properties)}`)).toEqual([
      'HAS_TASK d1→d1/task/1 {}',
      'PART_OF j:a→j:b {}',
    ]);
  });

  it('renames only agencies of the graph, once per pair with the last year, and links only existing nodes', () => {
    const agencies = [
      { id: 'agency:old', properties: { name: 'old' } },
      { id: 'agency:new', properties: { name: 'new' } },
    ];
    const merged = mergeGraphs([graphOf('d1', { shared: { Agency: agencies } })], [
      { from: 'agency:old', to: 'agency:new', year: 2019 },
      { from: 'agency:old', to: 'agency:new', year: 2020 },
      { from: 'agency:old', to: 'agency:gone', year: 2020 },
    ]);
    const linked = withLinks(merged, { implements: [{ from: 'agency:old', to: 'd1', score: 0.5 }, { from: 'x', to: 'd1', score: 1 }], continues: [] });
    expect(linked.relationships.map((relationship) => `${relationship.type} ${relationship.from}→${relationship.to} ${JSON.stringify(relationship.properties)}`)).toEqual([
      'RENAMED_TO agency:old→agency:new {"year":2020}',
      'IMPLEMENTS agency:old→d1 {"score":0.5}',
    ]);
  });

  it('finds two agencies with one name and jurisdiction, which the schema forbids', () => {
    const merged = mergeGraphs([graphOf('d1', { shared: { Agency: [{ id: 'agency:1', properties: { name: 'x', jurisdiction: 'j' } }, { id: 'agency:2', properties: { name: 'x', jurisdiction: 'j' } }] } })], []);
    expect(constraintConflict(merged)).toMatch(/agency:1 and agency:2/);
    expect(constraintConflict(mergeGraphs([graphOf('d1', {})], []))).toBeNull();
  });
});

describe('writeCsv', () => {
  const directories: string[] = [];
  afterEach(() => {
    for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
  });
  const temporary = () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-bulk-csv-'));
    directories.push(directory);
    return path.join(directory, 'csv');
  };

  it('types columns as the driver types values, in as few files as the types allow, with integer ids', () => {
    const graph: BulkGraph = {
      nodes: [
        { id: 'a', label: 'Task', properties: { number: 1, share: 0.5, done: true, title: 'say "hi",\nthen go\r', tags: ['x', 'y'], at: [1, 2] } },
        { id: 'b', label: 'Task', properties: { number: 2.5 } },
        { id: 'c', label: 'Term', properties: { number: 3, name: '' } },
      ],
      relationships: [
        { type: 'HAS_TASK', from: 'a', to: 'b', properties: { ordinal: 1 } },
        { type: 'PART_OF', from: 'c', to: 'a', properties: {} },
      ],
    };
    const exported = writeCsv(graph, temporary());
    const text = (kind: string, index: number) => fs.readFileSync(exported.sources.filter((source) => source.kind === kind)[index]?.file ?? '', 'utf8');
    expect(exported.sources.map((source) => `${source.kind} ${source.records} ${source.multiline}`)).toEqual(['nodes 2 true', 'nodes 1 false', 'relationships 2 false']);
    const labels = (label: string) => `Node${ARRAY_DELIMITER}${label}`;
    // 2.5 travels as a float, 1 and 3 as integers: b needs a file of its own; a property a node lacks is an empty field.
    expect(text('nodes', 0)).toBe(
      `:ID(Node),:LABEL,id:string,number:long,share:double,done:boolean,title:string,tags:string[],at:long[],name:string\n` +
        `0,${labels('Task')},"a",1,0.5,true,"say ""hi"",\nthen go\r","x${ARRAY_DELIMITER}y",1${ARRAY_DELIMITER}2,\n` +
        `2,${labels('Term')},"c",3,,,,,,""\n`,
    );
    expect(text('nodes', 1)).toBe(`:ID(Node),:LABEL,id:string,number:double\n1,${labels('Task')},"b",2.5\n`);
    expect(text('relationships', 0)).toBe(':START_ID(Node),:END_ID(Node),:TYPE,ordinal:long\n0,1,HAS_TASK,1\n2,0,PART_OF,\n');
    expect(exported.nodes).toBe(3);
    expect(exported.relationships).toBe(2);
  });

  it('gives an empty string its own quoted field, apart from a missing property', () => {
    const graph: BulkGraph = { nodes: [{ id: 'a', label: 'Agency', properties: { name: 'x', jurisdiction: '' } }, { id: 'b', label: 'Agency', properties: { name: 'y' } }], relationships: [] };
    const exported = writeCsv(graph, temporary());
    expect(fs.readFileSync(exported.sources[0]?.file ?? '', 'utf8')).toBe(`:ID(Node),:LABEL,id:string,name:string,jurisdiction:string\n0,Node${ARRAY_DELIMITER}Agency,"a","x",""\n1,Node${ARRAY_DELIMITER}Agency,"b","y",\n`);
  });

  it('keeps empty lists aside for a Cypher write after the import', () => {
    const graph: BulkGraph = {
      nodes: [
        { id: 'a', label: 'Assignment', properties: { leadNames: [], text: 't' } },
        { id: 'b', label: 'Term', properties: { name: 'b' } },
      ],
      relationships: [{ type: 'DEFINES', from: 'a', to: 'b', properties: { occurrences: [], marker: '①' } }],
    };
    const exported = writeCsv(graph, temporary());
    expect(exported.deferred.nodeProperties).toEqual([{ id: 'a', properties: { leadNames: [] } }]);
    expect(exported.deferred.relationships.get('DEFINES')).toEqual([{ from: 'a', to: 'b', properties: { occurrences: [], marker: '①' } }]);
    expect(exported.relationships).toBe(0);
  });
});

describe('sweepOrphans: the graph load/delete-orphans leaves', () => {
  const node = (id: string, label: BulkGraph['nodes'][number]['label']) => ({ id, label, properties: {} });
  const relationship = (type: BulkGraph['relationships'][number]['type'], from: string, to: string) => ({ type, from, to, properties: {} });

  it('drops entities kept only by RENAMED_TO or OF, then places nothing is issued in or of, within 8 PART_OF hops', () => {
    const chain = Array.from({ length: 10 }, (_, index) => node(`j${index}`, 'Jurisdiction'));
    const graph: BulkGraph = {
      nodes: [node('d', 'Document'), node('a:used', 'Agency'), node('a:renamed', 'Agency'), node('a:alone', 'Agency'), node('t:x', 'Term'), node('p', 'Passage'), ...chain, node('lone', 'Jurisdiction')],
      relationships: [
        relationship('OVERSEES', 'd', 'a:used'),
        relationship('RENAMED_TO', 'a:renamed', 'a:used'),
        relationship('OF', 'a:renamed', 'lone'),
        relationship('MENTIONS', 'p', 't:x'),
        // j0 → j1 → … → j9: d is issued in j0, so j0 … j8 are within 8 hops and j9 is not.
        ...chain.slice(1).map((place, index) => relationship('PART_OF', `j${index}`, place.id)),
        relationship('ISSUED_IN', 'd', 'j0'),
      ],
    };
    const swept = sweepOrphans(graph);
    expect(swept.graph.nodes.map((kept) => kept.id)).toEqual(['d', 'a:used', 't:x', 'p', ...chain.slice(0, 9).map((place) => place.id)]);
    // a:renamed, a:alone, j9, and lone (its only OF came from a:renamed, gone first).
    expect(swept.removed).toBe(4);
    expect(swept.graph.relationships.some((kept) => kept.from === 'a:renamed' || kept.to === 'j9')).toBe(false);
    expect(swept.graph.relationships.length).toBe(graph.relationships.length - 3);
  });
});
