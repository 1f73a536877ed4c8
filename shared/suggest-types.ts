/**
 * The type-ahead's entity types: the GraphQL enum `SuggestType` (schema/suggest.graphql)
 * and the node label each stands for, in the order the explorer groups them.
 * Shared by the API (api/resolvers/suggest.ts) and the browser bundle
 * (explorer/), so this module imports nothing.
 */
export const SUGGEST_TYPE_LABELS = {
  AGENCY: 'Agency',
  COMPANY: 'Company',
  PARK: 'Park',
  PROJECT: 'Project',
  LEADER: 'Leader',
  INDICATOR: 'Indicator',
  TERM: 'Term',
} as const;

export type SuggestType = keyof typeof SUGGEST_TYPE_LABELS;
