/**
 * The full-text search's hit types: the GraphQL enum `SearchType`
 * (schema/search.graphql) and the node label each stands for, in the order the
 * explorer lists them. The `prose_text` index of cypher/schema.cypher covers
 * exactly these labels (test/unit/shared-types.test.ts holds them in step).
 * Shared by the API (api/resolvers/search.ts) and the browser bundle
 * (explorer/), so this module imports nothing.
 */
export const SEARCH_TYPE_LABELS = {
  ASSIGNMENT: 'Assignment',
  PASSAGE: 'Passage',
  TASK: 'Task',
  LIVELIHOOD_PROJECT: 'LivelihoodProject',
  TERM: 'Term',
} as const;

export type SearchType = keyof typeof SEARCH_TYPE_LABELS;
