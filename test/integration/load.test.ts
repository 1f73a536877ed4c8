/**
 * The loader against a real Neo4j: one transaction per document, idempotent
 * re-writes, replacement of a changed document, orphan removal. Uses its own
 * documents (ids carry a unique marker) and removes them in `finally`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { buildDocumentGraph, type GraphContext } from '../../ingest/graph/build.ts';
import { deleteOrphans, writeDocumentGraph, writeDocumentGraphs } from '../../ingest/load.ts';
import { BatchWriter, type BatchRun } from '../../ingest/write-batches.ts';
import type { TaskDivisionDocument } from '../../ingest/model.ts';
import { testDatabase, uniqueMarker } from './helpers.ts';

function taskDivision(marker: string, leads: string[]): TaskDivisionDocument {
  const clauseText = '推动产业园区建设';
  const annotation = `（${leads.join('、')}按职责分别牵头，12月底前完成）`;
  const text = `1.${clauseText}${annotation}`;
  const start = 2;
  return {
    id: `${marker}/doc`,
    kind: 'TASK_DIVISION',
    year: 2099,
    title: '测试分工意见',
    docNo: null,
    issuedOn: null,
    sourceFile: `${marker}.txt`,
    ordinalInFile: 0,
    contentHash: `hash-${leads.join()}`,
    text,
    paragraphs: [{ ordinal: 1, text, span: { start: 0, end: text.length }, part: null, section: null }],
    jurisdiction: null,
    sections: [],
    tasks: [
      {
        number: 1,
        title: clauseText,
        text,
        span: { start: 0, end: text.length },
        sectionIndex: null,
        clauses: [
          {
            ordinal: 1,
            text: clauseText,
            span: { start, end: start + clauseText.length },
            annotation: {
              text: annotation,
              span: { start: start + clauseText.length, end: text.length },
              leads: leads.map((name) => ({ written: name, name, span: { start: 0, end: 1 } })),
              supporters: [],
              joint: leads.length > 1,
              convention: 'trailing-group',
              inferredLeads: false,
              responsible: [],
              leaders: [],
              deadline: '12月底前完成',
            },
          },
        ],
      },
    ],
  };
}

function context(marker: string): GraphContext {
  return {
    agency: (name) => ({ id: `agency:${marker}:${name}`, name: `${marker}:${name}`, aliases: [`${marker}:${name}`], kind: 'department', jurisdiction: null }),
    mentions: () => [],
    indicators: () => [],
  };
}

describe('loading document graphs', () => {
  const database = testDatabase();
  afterAll(() => database.close());

  async function countOwned(documentId: string): Promise<number> {
    const rows = await database.read('test-count-owned', { documentId });
    return Number(rows[0]?.['count']);
  }

  async function leadsOf(marker: string): Promise<string[]> {
    const rows = await database.read('test-leads-of-document', { documentId: `${marker}/doc` });
    return rows.map((row) => String(row['name'])).sort();
  }

  async function cleanUp(marker: string): Promise<void> {
    await database.write((transaction) => transaction.run('load/delete-document', { documentId: `${marker}/doc` }));
    await deleteOrphans(database);
  }

  it('writes a document once and re-writes it without duplicates', async () => {
    const marker = uniqueMarker('load');
    try {
      const graph = buildDocumentGraph(taskDivision(marker, ['市甲局', '市乙局']), context(marker), 'test');
      await writeDocumentGraph(database, graph);
      const first = await countOwned(`${marker}/doc`);
      await writeDocumentGraph(database, graph);
      expect(await countOwned(`${marker}/doc`)).toBe(first);
      // Document + passage + task + assignment.
      expect(first).toBe(4);
      expect(await leadsOf(marker)).toEqual([`${marker}:市乙局`, `${marker}:市甲局`]);
    } finally {
      await cleanUp(marker);
    }
  });

  it('replaces a changed document and removes agencies left without references', async () => {
    const marker = uniqueMarker('load');
    try {
      await writeDocumentGraph(database, buildDocumentGraph(taskDivision(marker, ['市甲局', '市乙局']), context(marker), 'test'));
      await writeDocumentGraph(database, buildDocumentGraph(taskDivision(marker, ['市丙局']), context(marker), 'test'));
      expect(await leadsOf(marker)).toEqual([`${marker}:市丙局`]);
      await deleteOrphans(database);
      const rows = await database.read('test-agency-ids-with-prefix', { prefix: `agency:${marker}:` });
      expect(rows.map((row) => String(row['id']))).toEqual([`agency:${marker}:市丙局`]);
    } finally {
      await cleanUp(marker);
    }
  });

  it('leaves nothing of a document whose transaction fails, and keeps the previous version', async () => {
    const marker = uniqueMarker('load');
    try {
      await writeDocumentGraph(database, buildDocumentGraph(taskDivision(marker, ['市甲局']), context(marker), 'test'));
      const good = buildDocumentGraph(taskDivision(marker, ['市乙局', '市丙局']), context(marker), 'test');
      // Two agency ids with one name violate the agency_name constraint halfway through the write.
      const clash = { id: `agency:${marker}:clash`, properties: { name: `${marker}:市乙局`, aliases: [], kind: 'department' } };
      const broken = { ...good, shared: { ...good.shared, Agency: [...good.shared.Agency, clash] } };
      await expect(writeDocumentGraph(database, broken)).rejects.toMatchObject({ code: 'LOAD_FAILED' });
      expect(await leadsOf(marker)).toEqual([`${marker}:市甲局`]);
      expect(await countOwned(`${marker}/doc`)).toBe(4);
    } finally {
      await cleanUp(marker);
    }
  });

  it('writes a batch of documents in one transaction; a batch with a failing document falls back to one transaction each', async () => {
    const markers = [uniqueMarker('load'), uniqueMarker('load'), uniqueMarker('load')];
    const [first, bad, last] = markers as [string, string, string];
    try {
      await writeDocumentGraphs(database, [first, last].map((marker) => buildDocumentGraph(taskDivision(marker, ['市甲局']), context(marker), 'test')));
      expect(await countOwned(`${first}/doc`)).toBe(4);
      expect(await leadsOf(last)).toEqual([`${last}:市甲局`]);

      const good = buildDocumentGraph(taskDivision(bad, ['市乙局']), context(bad), 'test');
      // The broken document names an agency of the first one under another id: the agency_name constraint fails.
      const clash = { id: `agency:${bad}:clash`, properties: { name: `${first}:市乙局`, aliases: [], kind: 'department' } };
      const broken = { ...good, shared: { ...good.shared, Agency: [...good.shared.Agency, clash] } };
      const failures: string[] = [];
      const events: string[] = [];
      const run: BatchRun = { step: '', loaded: [], remaining: new Set(markers.map((marker) => `${marker}/doc`)), written: { nodes: 0, relationships: 0 }, fail: (_file, id) => failures.push(id) };
      const writer = new BatchWriter(run, database, { documents: 10, records: 100_000 }, (event) => events.push(`${event.documentId}:${event.outcome}`));
      const graphs = [buildDocumentGraph(taskDivision(first, ['市乙局']), context(first), 'test'), broken, buildDocumentGraph(taskDivision(last, ['市丙局']), context(last), 'test')];
      for (const [index, graph] of graphs.entries()) await writer.add(graph, 'test.txt', { index: index + 1, total: 3, documentId: graph.document.id });
      await writer.flush();
      expect(failures).toEqual([`${bad}/doc`]);
      expect(run.loaded).toEqual([`${first}/doc`, `${last}/doc`]);
      expect(run.remaining.size).toBe(0);
      expect(events).toEqual([`${first}/doc:loaded`, `${bad}/doc:failed`, `${last}/doc:loaded`]);
      expect(await leadsOf(first)).toEqual([`${first}:市乙局`]);
      expect(await leadsOf(last)).toEqual([`${last}:市丙局`]);
      expect(await countOwned(`${bad}/doc`)).toBe(0);
    } finally {
      for (const marker of markers) await database.write((transaction) => transaction.run('load/delete-document', { documentId: `${marker}/doc` }));
      await deleteOrphans(database);
    }
  });
});
