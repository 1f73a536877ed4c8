/** Shapes of the API answers the explorer reads (see operations.ts). */

export type Properties = Readonly<Record<string, unknown>>;

export interface GraphNode {
  readonly id: string;
  readonly label: string;
  readonly name: string | null;
  readonly properties: Properties;
}

export interface GraphEdge {
  readonly id: string;
  readonly type: string;
  readonly source: string;
  readonly target: string;
  readonly properties: Properties;
}

export interface Subgraph {
  readonly truncated: boolean;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export interface Named {
  readonly id: string;
  readonly name: string;
}

export interface PageInfo {
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

export interface Connection<T> {
  readonly totalCount: number;
  readonly pageInfo: PageInfo;
  readonly edges: readonly { readonly node: T }[];
}

export interface DocumentNode {
  readonly id: string;
  readonly title: string | null;
  readonly docNo: string | null;
  readonly kind: string;
  readonly year: number | null;
  readonly issuedOn: string | null;
  readonly sourceFile: string | null;
  readonly text: string | null;
}

export interface YearCount {
  readonly year: number;
  readonly count: number;
}

export interface Mention {
  readonly year: number | null;
  readonly written: string | null;
  readonly snippet: string;
  readonly document: { readonly id: string; readonly title: string | null; readonly year: number | null };
  readonly source: { readonly start: number | null; readonly end: number | null };
  readonly item: { readonly __typename: string; readonly id: string };
}

/** Text, a number or a short list, as shown in a properties table. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.map(displayValue).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Timings of the last drawing, read by the benchmark (window.__kgExplorer). */
export interface DrawTiming {
  readonly nodes: number;
  readonly edges: number;
  readonly fetchMs: number;
  /** Adding the elements to cytoscape (styles included). */
  readonly addMs: number;
  readonly layoutMs: number;
  /** From the end of the layout to the second frame after it: filters, selection, panel lists, paint. */
  readonly renderMs: number;
}
