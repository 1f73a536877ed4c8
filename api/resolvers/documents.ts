/** `documents` and `livelihoodProjects`. */
import { DOCUMENT_KINDS } from '../../ingest/index.ts';
import type { ApiContext } from '../context.ts';
import { checkOptionalText, checkYear, checkYears, checkYearSpan } from '../input.ts';
import { pageRequest, type PageArguments } from '../pagination.ts';
import { jurisdictionField } from './jurisdictions.ts';
import { jurisdictionIdFor, readPage, type Row } from './support.ts';

interface DocumentFilter {
  readonly kind?: string | null;
  readonly years?: number[] | null;
  readonly yearFrom?: number | null;
  readonly yearTo?: number | null;
  readonly titleContains?: string | null;
  readonly jurisdiction?: string | null;
  readonly yearUnknown?: boolean | null;
}

const KNOWN_KINDS: ReadonlySet<string> = new Set(DOCUMENT_KINDS);

export const documentResolvers = {
  Document: {
    // A kind this API does not know yet (a newer loader) reads as OTHER rather than failing the field.
    kind: (parent: Row) => (typeof parent['kind'] === 'string' && KNOWN_KINDS.has(parent['kind']) ? parent['kind'] : 'OTHER'),
    jurisdiction: jurisdictionField,
  },
  Query: {
    documents: async (_parent: unknown, args: PageArguments & { filter?: DocumentFilter | null }, context: ApiContext) => {
      const request = pageRequest(args, context.limits.maxPageSize);
      const filter = args.filter ?? {};
      const yearFrom = checkYear('filter.yearFrom', filter.yearFrom);
      const yearTo = checkYear('filter.yearTo', filter.yearTo);
      checkYearSpan(yearFrom, yearTo);
      return readPage(context, 'api/documents-page', request, {
        kind: filter.kind ?? null,
        years: checkYears('filter.years', filter.years),
        yearFrom,
        yearTo,
        titleContains: checkOptionalText('filter.titleContains', filter.titleContains),
        jurisdictionId: await jurisdictionIdFor(context, 'filter.jurisdiction', filter.jurisdiction),
        yearUnknown: filter.yearUnknown ?? null,
      });
    },
    livelihoodProjects: async (_parent: unknown, args: PageArguments & { year?: number | null }, context: ApiContext) => {
      const request = pageRequest(args, context.limits.maxPageSize);
      return readPage(context, 'api/livelihood-page', request, { year: checkYear('year', args.year) });
    },
  },
};
