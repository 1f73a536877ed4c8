/**
 * The link corpus from what linking reads: the clauses and paragraphs, the
 * graph's names (kept whole by the tokeniser, agencies' names ignored as
 * content) and the stop words. One builder for the transactional path
 * (ingest/ingest.ts, from the database), the bulk build (ingest/bulk/links.ts,
 * from the records) and the bench, so that all three tokenise alike.
 */
import { createTokeniser } from '../tokenise.ts';
import { prepareLinks, type LinkableText, type LinkCorpus } from './link-corpus.ts';
import type { ContentFilter } from './similarity.ts';

export interface LinkInputs {
  readonly assignments: readonly LinkableText[];
  readonly passages: readonly LinkableText[];
}

export interface LinkVocabulary {
  readonly agencyNames: readonly string[];
  readonly entityNames: readonly string[];
}

/** Each distinct text tokenised once; the tokeniser is garbage once this returns. */
export function linkCorpusFrom(inputs: LinkInputs, vocabulary: LinkVocabulary, stopwords: ReadonlySet<string>): LinkCorpus {
  const tokeniser = createTokeniser([...vocabulary.agencyNames, ...vocabulary.entityNames]);
  const filter: ContentFilter = { stopwords, ignore: new Set(vocabulary.agencyNames) };
  return prepareLinks(inputs.assignments, inputs.passages, (text) => tokeniser.cut(text), filter);
}
