/**
 * The domain dictionary: every multi-character name the corpus and the
 * gazetteer know, so that the tokeniser keeps each one as a single token
 * (市工业和信息化局, not 市/工业/和/信息化/局).
 */

import type { AgencyMention, ParsedDocument } from '../model.ts';
import { gazetteerNames, glossaryTerms, type Gazetteer } from './gazetteer.ts';

/** Every agency mention a document's structure carries: lead annotations, livelihood tables, leader lists. */
export function documentAgencyMentions(document: ParsedDocument): AgencyMention[] {
  switch (document.kind) {
    case 'TASK_DIVISION':
      return document.tasks.flatMap((task) =>
        task.clauses.flatMap((clause) => [...clause.annotation.leads, ...clause.annotation.supporters]),
      );
    case 'WORK_REPORT':
    case 'LIVELIHOOD_PLAN':
      return document.livelihood.flatMap((row) => [...row.leads, ...row.responsible, ...row.supporters]);
    case 'LEADER_DIVISION':
      return document.leaders.flatMap((leader) => leader.oversees.map((oversight) => oversight.agency));
    case 'OTHER':
      return [];
  }
}

/** Agency names (both as written and with the implied prefix restored), deduplicated and sorted. */
export function agencyNamesOf(documents: readonly ParsedDocument[]): string[] {
  const names = new Set<string>();
  for (const document of documents) {
    for (const mention of documentAgencyMentions(document)) {
      for (const name of [mention.written, mention.name]) {
        const trimmed = name.trim();
        if (trimmed !== '') names.add(trimmed);
      }
    }
  }
  return [...names].sort();
}

/**
 * Agency names from the documents, every gazetteer name and alias, and the
 * documents' glossary terms: deduplicated, sorted, without empty or
 * one-character words (a one-character user word would only disturb jieba).
 */
export function buildDomainDictionary(documents: readonly ParsedDocument[], gazetteer: Gazetteer): string[] {
  const words = new Set<string>(agencyNamesOf(documents));
  for (const { written } of gazetteerNames(gazetteer)) words.add(written.trim());
  for (const term of glossaryTerms(documents)) words.add(term.name);
  // Characters, not UTF-16 units: a rare character outside the BMP is still one character.
  return [...words].filter((word) => [...word].length >= 2).sort();
}
