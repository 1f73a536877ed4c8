/** `search(text)`: full-text search over prose, as a Relay connection. */
import type { ApiContext } from '../context.ts';
import { checkText, checkYears } from '../input.ts';
import { phraseQuery, snippet } from '../lucene.ts';
import { pageRequest, type PageArguments } from '../pagination.ts';
import { asRow, idOf, nodeTypeName, readPage, type Row } from './support.ts';
import { SEARCH_TYPE_LABELS, type SearchType } from '../../shared/search-types.ts';


function searchTypeOf(node: Row): SearchType | null {
  const label = nodeTypeName(node);
  const entry = Object.entries(SEARCH_TYPE_LABELS).find(([, value]) => value === label);
  return entry ? (entry[0] as SearchType) : null;
}

/** The text a hit is shown by: a term's definition with its name, else the text. */
function hitText(node: Row): string {
  const text = typeof node['text'] === 'string' ? node['text'] : '';
  if (text.length > 0) return text;
  return [node['name'], node['definition'], node['title']].filter((part) => typeof part === 'string').join('：');
}

interface SearchArguments extends PageArguments {
  readonly text: string;
  readonly types?: SearchType[] | null;
  readonly years?: number[] | null;
}

/** A row of api/search (node, score, year, document) as the SearchHit type, or null for a label the API does not know. */
function searchHit(row: Row, text: string): Row | null {
  const node = asRow(row['node']);
  const type = searchTypeOf(node);
  if (!type) return null;
  const whole = hitText(node);
  return {
    score: row['score'],
    type,
    id: idOf(node),
    text: whole,
    snippet: snippet(whole, text),
    document: row['document'] ? asRow(row['document']) : null,
    year: row['year'] ?? null,
    node,
  };
}

export const searchResolvers = {
  Query: {
    search: async (_parent: unknown, args: SearchArguments, context: ApiContext) => {
      const text = checkText('text', args.text);
      const request = pageRequest(args, context.limits.maxPageSize);
      const labels = args.types && args.types.length > 0 ? args.types.map((type) => SEARCH_TYPE_LABELS[type]) : null;
      const page = await readPage(context, 'api/search', request, {
        query: phraseQuery(text),
        labels,
        years: checkYears('years', args.years),
      });
      const edges = page.edges.flatMap((edge) => {
        const node = searchHit(edge.node, text);
        return node ? [{ ...edge, node }] : [];
      });
      return { ...page, edges };
    },
  },
};
