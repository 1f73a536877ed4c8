/** `search(text)`: full-text search over prose. */
import type { ApiContext } from '../context.ts';
import { checkRange, checkText, checkYears } from '../input.ts';
import { phraseQuery, snippet } from '../lucene.ts';
import { DEFAULT_PAGE_SIZE } from '../pagination.ts';
import { asRow, idOf, nodeTypeName, type Row } from './support.ts';

export const SEARCH_TYPE_LABELS = {
  PASSAGE: 'Passage',
  ASSIGNMENT: 'Assignment',
  LIVELIHOOD_PROJECT: 'LivelihoodProject',
  TASK: 'Task',
  TERM: 'Term',
} as const;

type SearchType = keyof typeof SEARCH_TYPE_LABELS;

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

interface SearchArguments {
  readonly text: string;
  readonly types?: SearchType[] | null;
  readonly years?: number[] | null;
  readonly first?: number | null;
}

export const searchResolvers = {
  Query: {
    search: async (_parent: unknown, args: SearchArguments, context: ApiContext) => {
      const text = checkText('text', args.text);
      const first = checkRange('first', args.first ?? DEFAULT_PAGE_SIZE, 1, context.limits.maxPageSize);
      const labels = args.types && args.types.length > 0 ? args.types.map((type) => SEARCH_TYPE_LABELS[type]) : null;
      const rows = await context.database.read('api/search', {
        query: phraseQuery(text),
        labels,
        years: checkYears('years', args.years),
        first,
      });
      return rows.flatMap((row) => {
        const node = asRow(row['node']);
        const type = searchTypeOf(node);
        if (!type) return [];
        const whole = hitText(node);
        return [
          {
            score: row['score'],
            type,
            id: idOf(node),
            text: whole,
            snippet: snippet(whole, text),
            document: row['document'] ? asRow(row['document']) : null,
            year: row['year'] ?? null,
            node,
          },
        ];
      });
    },
  },
};
