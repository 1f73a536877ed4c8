import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../ingest/check.ts';
import { cleanText, NO_CLEAN_RULES } from '../../ingest/clean/index.ts';
import { parseDocuments } from '../../ingest/parse.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const parsed = (name: string) =>
  parseDocuments(cleanText({ path: name, text: readFileSync(path.join(fixtures, name), 'utf8') }, NO_CLEAN_RULES));

describe('checking what structure read against the text', () => {
  it('reports the clause a cut-off task division ends in, with its span', () => {
    const [document] = parsed('ingest/truncated-division.txt');
    const warnings = document ? checkDocument(document) : [];
    expect(warnings.map((warning) => warning.code)).toEqual(['EXTRACT_UNREAD_CLAUSE']);
    const [warning] = warnings;
    expect(document?.text.slice(warning?.span.start, warning?.span.end)).toMatch(/^3\.推进市人民医院新院区建设.*市发展改革委、市财$/su);
    expect(warning?.message).toMatch(/: 某政发〔2033〕4号: task 3 \[\d+–\d+\] «.*» was not read as a clause: the document ends inside this clause/u);
  });

  it('reports a clause whose marker bracket is never closed', () => {
    const [document] = parsed('ingest/unbalanced-bracket.txt');
    const warnings = document ? checkDocument(document) : [];
    expect(warnings.map((warning) => warning.code)).toEqual(['EXTRACT_UNBALANCED_BRACKET']);
    expect(warnings[0]?.message).toMatch(/task 1, clause 1 .*never closed.*市住房城乡建设局/u);
  });

  it('reports responsibility markers after the last task that was read', () => {
    const [document] = parsed('ingest/two-divisions.txt');
    if (document?.kind !== 'TASK_DIVISION') throw new Error('expected a task division');
    // As if the split had not seen the second document: its tasks follow the first one's closing part.
    const merged = { ...document, text: `${document.text}\n${readFileSync(path.join(fixtures, 'ingest/two-divisions.txt'), 'utf8').split('（此件公开发布）')[1] ?? ''}` };
    expect(checkDocument(merged).map((warning) => warning.code)).toEqual(['EXTRACT_UNREAD_MARKERS']);
  });

  it('finds nothing to report in the bundled corpus', () => {
    const corpus = path.resolve(fixtures, '../../data/corpus');
    for (const name of ['003_5dd11dd00263b247.txt', '004_16ab7e976c5c4c5c.txt']) {
      const documents = parseDocuments(cleanText({ path: name, text: readFileSync(path.join(corpus, name), 'utf8') }, NO_CLEAN_RULES));
      expect(documents.flatMap((document) => checkDocument(document)), name).toEqual([]);
    }
  });
});
