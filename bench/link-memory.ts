/**
 * Linking's memory without a database: `node --expose-gc --import tsx bench/link-memory.ts [factor]`.
 * Parses the synthetic corpus ×factor, takes the link inputs its graphs hold
 * (clauses with a year, work-report paragraphs with a year), and prints heap
 * (used/committed before a GC → live after it) and RSS after each step of
 * `relink` (ingest/ingest.ts); `LINKS_OUT=file` writes the links as JSON, to
 * compare two versions of the linking code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../core/config.ts';
import { createIngestContext } from '../ingest/context.ts';
import { cleanText } from '../ingest/clean/index.ts';
import { decodeSource } from '../ingest/decode.ts';
import { buildDocumentGraph } from '../ingest/graph/build.ts';
import { continuesIn, implementsIn, prepareLinks } from '../ingest/link/cross-document.ts';
import type { LinkText } from '../ingest/load.ts';
import { parseDocuments } from '../ingest/parse.ts';
import { loadCleanRules, loadStopwords } from '../ingest/rules.ts';
import { createTokeniser } from '../ingest/tokenise.ts';
import { syntheticCorpus } from './synthetic.ts';

const factor = Number(process.argv[2] ?? 10);
const config = loadConfig();
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
function report(step: string): void {
  const before = process.memoryUsage();
  gc?.();
  const after = process.memoryUsage();
  console.log(`${step}: heap ${mb(before.heapUsed)}/${mb(before.heapTotal)} → ${mb(after.heapUsed)} MB, RSS ${mb(after.rss)} MB`);
}

async function linkInputs(): Promise<{ assignments: LinkText[]; passages: LinkText[]; agencyNames: Set<string> }> {
  const seeds = fs
    .readdirSync(config.corpusDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(config.corpusDir, name), 'utf8') }));
  const rules = await loadCleanRules(config.rulesDir);
  const encoder = new TextEncoder();
  const documents = syntheticCorpus(seeds, factor).flatMap((file) => parseDocuments(cleanText(decodeSource(file.name, encoder.encode(file.text)), rules), undefined, file.name));
  const context = await createIngestContext(documents, config.rulesDir);
  const assignments: LinkText[] = [];
  const passages: LinkText[] = [];
  const agencyNames = new Set<string>();
  // Copies of the texts (as a read from Neo4j gives), so they do not keep the documents alive.
  const copy = (text: unknown) => Buffer.from(String(text)).toString();
  for (const document of documents) {
    const graph = buildDocumentGraph(document, context.graphContext, 'bench');
    for (const record of graph.owned.Assignment) {
      if (record.properties['year'] != null) assignments.push({ id: record.id, year: Number(record.properties['year']), text: copy(record.properties['text']) });
    }
    for (const record of graph.owned.Passage) {
      if (record.properties['documentKind'] === 'WORK_REPORT' && record.properties['year'] != null) passages.push({ id: record.id, year: Number(record.properties['year']), text: copy(record.properties['text']) });
    }
    for (const record of graph.shared.Agency) agencyNames.add(String(record.properties['name']));
  }
  return { assignments, passages, agencyNames };
}

const { assignments, passages, agencyNames } = await linkInputs();
report(`inputs (${assignments.length} clauses, ${passages.length} paragraphs)`);
const stopwords = await loadStopwords(config.rulesDir);
const tokeniser = createTokeniser([...agencyNames]);
report('tokeniser loaded');
const started = performance.now();
const filter = { stopwords, ignore: agencyNames };
const corpus = prepareLinks(assignments, passages, (text) => tokeniser.cut(text), filter);
report('tokenised');
const implementsLinks = implementsIn(corpus);
report(`IMPLEMENTS (${implementsLinks.length})`);
const continuesLinks = continuesIn(corpus);
report(`CONTINUES (${continuesLinks.length})`);
console.log(`linking ${((performance.now() - started) / 1000).toFixed(2)} s, maxRSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
const out = process.env['LINKS_OUT'];
if (out) fs.writeFileSync(out, JSON.stringify({ implementsLinks, continuesLinks }));
