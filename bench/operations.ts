/** The five representative API operations the benchmark measures. */
export interface BenchOperation {
  readonly name: string;
  readonly query: string;
}

export const API_OPERATIONS: readonly BenchOperation[] = [
  {
    name: 'agency across years, nested assignments',
    query: `{ agency(name: "工业和信息化局") { name yearSummary { year leadCount jointLeadCount }
      assignments(role: LEAD, first: 50) { totalCount edges { node { id year text leads { name } task { number title } } } } } }`,
  },
  {
    name: 'assignments by year + agency, paged',
    query: `{ assignments(filter: { years: [2024], leadAgency: "市工业和信息化局" }, first: 10) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id text deadline leads { name } supporters { name } } } } }`,
  },
  {
    name: 'indicator series',
    query: `{ indicator(metric: "地区生产总值") { metric unit series { year kind value qualifier document { title year } } } }`,
  },
  {
    name: 'full-text search',
    query: `{ search(text: "螺蛳粉", first: 20) { totalCount edges { node { score type snippet year document { title } } } } }`,
  },
  {
    name: 'neighborhood depth 2',
    query: `{ neighborhood(id: "agency:市工业和信息化局", depth: 2, limit: 200) { truncated nodes { id label name } edges { id type source target } } }`,
  },
];
