/** `suggest(prefix)`: type-ahead over the names and aliases of entities. */
import type { ApiContext } from '../context.ts';
import { nameVariants, normaliseName } from '../agency-names.ts';
import { checkRange, checkText } from '../input.ts';
import { containsQuery } from '../lucene.ts';
import { SUGGEST_TYPE_LABELS, type SuggestType } from '../../shared/suggest-types.ts';
import { asRow, idOf, type Row } from './support.ts';

const DEFAULT_SUGGESTIONS = 10;

function suggestTypeOf(node: Row): SuggestType | null {
  const labels = Array.isArray(node['_labels']) ? (node['_labels'] as unknown[]) : [];
  const entry = Object.entries(SUGGEST_TYPE_LABELS).find(([, label]) => labels.includes(label));
  return entry ? (entry[0] as SuggestType) : null;
}

/**
 * What a typed name stands for: the text itself, its stem without a city
 * prefix (柳州市工业和信息化局 → 工业和信息化局) and the spellings that count as
 * an exact match (市工业和信息化局 …).
 */
export function suggestTerms(typed: string): { prefix: string; stem: string; variants: string[] } {
  const prefix = normaliseName(typed);
  const variants = nameVariants(prefix);
  const stem = [...variants].filter((variant) => prefix.endsWith(variant) && variant.length >= 2).sort((a, b) => a.length - b.length)[0] ?? prefix;
  return { prefix, stem, variants };
}

interface SuggestArguments {
  readonly prefix: string;
  readonly types?: SuggestType[] | null;
  readonly first?: number | null;
}

export const suggestResolvers = {
  Query: {
    suggest: async (_parent: unknown, args: SuggestArguments, context: ApiContext) => {
      const terms = suggestTerms(checkText('prefix', args.prefix));
      const first = checkRange('first', args.first ?? DEFAULT_SUGGESTIONS, 1, context.limits.maxPageSize);
      const labels = args.types && args.types.length > 0 ? args.types.map((type) => SUGGEST_TYPE_LABELS[type]) : Object.values(SUGGEST_TYPE_LABELS);
      // Whatever contains the prefix contains its stem (a suffix of it): the index is asked for the stem.
      const rows = await context.database.read('api/suggest', { ...terms, query: containsQuery(terms.stem), labels, first });
      return rows.flatMap((row) => {
        const node = asRow(row['node']);
        const type = suggestTypeOf(node);
        if (!type) return [];
        return [{ id: idOf(node), type, name: String(row['name']), matched: String(row['matched'] ?? row['name']), node }];
      });
    },
  },
};
