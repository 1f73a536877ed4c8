/**
 * Entity pages: `company`, `park`, `project`, `term` and their lists; where
 * prose names an entity (`mentionedIn`, `mentionsByYear` on every Mentioned
 * type, Agency included); an agency's `renames`; a document's `text`.
 * Nested fields go through the per-request batcher, so an operation costs the
 * same number of statements whatever the number of parents.
 */
import type { ApiContext } from '../context.ts';
import { normaliseName } from '../agency-names.ts';
import { checkOptionalText, checkText, checkYears } from '../input.ts';
import { snippet } from '../lucene.ts';
import { pageRequest, type PageArguments } from '../pagination.ts';
import { asRow, connectionOf, documentOf, idOf, nodeTypeName, readPage, rowsForParent, sourceOf, type Row } from './support.ts';

/** The labels with entity queries, and the prefix of their ids (`company:<name>` …). */
const ENTITY_KINDS = {
  Company: 'company',
  Park: 'park',
  Project: 'project',
  Term: 'term',
} as const;

type EntityLabel = keyof typeof ENTITY_KINDS;

interface EntityFilter {
  readonly nameContains?: string | null;
  readonly mentionedInYears?: number[] | null;
}

function entityByName(label: EntityLabel) {
  return async (_parent: unknown, args: { name: string }, context: ApiContext): Promise<Row | null> => {
    const name = normaliseName(checkText('name', args.name));
    const rows = await context.database.read('api/entity-by-name', { label, id: `${ENTITY_KINDS[label]}:${name}`, name });
    const node = rows[0]?.['node'];
    return node ? asRow(node) : null;
  };
}

function entityPage(label: EntityLabel) {
  return (_parent: unknown, args: PageArguments & { filter?: EntityFilter | null }, context: ApiContext) => {
    const request = pageRequest(args, context.limits.maxPageSize);
    const filter = args.filter ?? {};
    return readPage(context, 'api/entities-page', request, {
      label,
      nameContains: checkOptionalText('filter.nameContains', filter.nameContains),
      years: checkYears('filter.mentionedInYears', filter.mentionedInYears),
    });
  };
}

/** The text a mentioning item is shown by: a clause's or paragraph's text, a project's title and content. */
function itemText(item: Row): string {
  const parts = ['text', 'title', 'content'].map((key) => item[key]).filter((value): value is string => typeof value === 'string' && value.length > 0);
  return parts[0] === item['text'] ? (parts[0] ?? '') : parts.join('：');
}

/** A row of api/mentioned-in-page as the Mention type. */
function mention(row: Row): Row {
  const item = asRow(row['item']);
  const written = typeof row['written'] === 'string' ? row['written'] : '';
  return { ...row, item, snippet: snippet(itemText(item), written, 50) };
}

async function mentionedIn(parent: Row, args: PageArguments & { years?: number[] | null }, context: ApiContext) {
  const request = pageRequest(args, context.limits.maxPageSize);
  const rows = await rowsForParent(context, 'api/mentioned-in-page', parent, { years: checkYears('years', args.years), ...request });
  const page = connectionOf(rows[0], request);
  return { ...page, edges: page.edges.map((edge) => ({ ...edge, node: mention(edge.node) })) };
}

async function mentionsByYear(parent: Row, _args: unknown, context: ApiContext) {
  const rows = await rowsForParent(context, 'api/mentions-by-year', parent);
  return rows.map((row) => ({ year: row['year'], count: row['count'] }));
}

const mentionedFields = { mentionedIn, mentionsByYear };

export const entityResolvers = {
  Query: {
    company: entityByName('Company'),
    park: entityByName('Park'),
    project: entityByName('Project'),
    term: entityByName('Term'),
    companies: entityPage('Company'),
    parks: entityPage('Park'),
    projects: entityPage('Project'),
    terms: entityPage('Term'),
  },
  Mentioned: {
    __resolveType: (row: Row) => nodeTypeName(row),
  },
  MentionSource: {
    __resolveType: (row: Row) => nodeTypeName(row),
  },
  Mention: {
    document: (parent: Row, _args: unknown, context: ApiContext) => documentOf(context, parent),
    source: (parent: Row) => sourceOf(parent),
  },
  Company: { ...mentionedFields, aliases: (parent: Row) => (Array.isArray(parent['aliases']) ? parent['aliases'] : [parent['name']]) },
  Park: { ...mentionedFields, aliases: (parent: Row) => (Array.isArray(parent['aliases']) ? parent['aliases'] : [parent['name']]) },
  Project: { ...mentionedFields, aliases: (parent: Row) => (Array.isArray(parent['aliases']) ? parent['aliases'] : [parent['name']]) },
  Term: mentionedFields,
  Agency: {
    ...mentionedFields,
    renames: async (parent: Row, _args: unknown, context: ApiContext) =>
      (await rowsForParent(context, 'api/agency-rename-links', parent)).map((row) => ({ from: asRow(row['from']), to: asRow(row['to']), year: row['year'] ?? null })),
  },
  Document: {
    text: async (parent: Row, _args: unknown, context: ApiContext): Promise<string | null> => {
      if (typeof parent['text'] === 'string') return parent['text'];
      const rows = await context.batch.rowsFor('api/document-text', {}, idOf(parent));
      const text = rows[0]?.['text'];
      return typeof text === 'string' ? text : null;
    },
  },
};
