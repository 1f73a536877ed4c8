/**
 * Cross-document links of a bulk build, computed before the import from the
 * merged graph: the same inputs the transactional run reads back from Neo4j
 * (cypher/load/link-inputs-*.cypher, link-vocabulary.cypher, in the same
 * order) given to the same linking functions, as `relink` in ingest/ingest.ts.
 */
import { continuesIn, implementsIn, type LinkableText } from '../link/cross-document.ts';
import { linkCorpusFrom } from '../link/link-inputs.ts';
import type { BulkGraph, ScoredRow } from './merge.ts';

/** Cypher's ORDER BY on strings: UTF-16 code units, as JavaScript compares them. */
function byId(a: LinkableText, b: LinkableText): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** `String(row['text'])` of the read path: a missing value reads as null. */
function text(value: unknown): string {
  return String(value ?? null);
}

export function linkInputs(graph: BulkGraph): { assignments: LinkableText[]; passages: LinkableText[] } {
  const assignments: LinkableText[] = [];
  const passages: LinkableText[] = [];
  for (const node of graph.nodes) {
    const year = node.properties['year'];
    if (year === undefined || year === null) continue;
    if (node.label === 'Assignment') assignments.push({ id: node.id, year: Number(year), text: text(node.properties['text']) });
    if (node.label === 'Passage' && node.properties['documentKind'] === 'WORK_REPORT') passages.push({ id: node.id, year: Number(year), text: text(node.properties['text']) });
  }
  return { assignments: assignments.sort(byId), passages: passages.sort(byId) };
}

const VOCABULARY_LABELS = new Set(['Agency', 'Company', 'Park', 'Project', 'Term']);

export function linkVocabulary(graph: BulkGraph): { agencyNames: string[]; entityNames: string[] } {
  const agencyNames = new Set<string>();
  const entityNames = new Set<string>();
  for (const node of graph.nodes) {
    if (!VOCABULARY_LABELS.has(node.label)) continue;
    const aliases = node.properties['aliases'];
    const names = [node.properties['name'] ?? null, ...(Array.isArray(aliases) ? aliases : [])].map(String);
    for (const name of names) (node.label === 'Agency' ? agencyNames : entityNames).add(name);
  }
  return { agencyNames: [...agencyNames].sort(), entityNames: [...entityNames].sort() };
}

export function computeLinks(graph: BulkGraph, stopwords: ReadonlySet<string>): { implements: ScoredRow[]; continues: ScoredRow[] } {
  // Tokenised once for both kinds, as the transactional path does (ingest/ingest.ts).
  const corpus = linkCorpusFrom(linkInputs(graph), linkVocabulary(graph), stopwords);
  return { implements: implementsIn(corpus), continues: continuesIn(corpus) };
}
