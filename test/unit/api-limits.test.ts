import { buildSchema, parse, specifiedRules, validate, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readTypeDefinitions } from '../../api/schema.ts';
import { UNBOUNDED_LIST_SIZE, costLimitRule, operationLimitRules, type OperationLimits } from '../../api/limits.ts';

const LIMITS: OperationLimits = { maxDepth: 10, maxAliases: 30, maxCost: 5000, maxPageSize: 100, maxTokens: 5000, maxDirectives: 50 };

// The real contract, built without resolvers (validation needs only types).
const schema: GraphQLSchema = buildSchema(readTypeDefinitions().join('\n'));

function errors(query: string, rules = operationLimitRules(LIMITS)) {
  return validate(schema, parse(query), [...specifiedRules, ...rules]).map((error) => ({ message: error.message, code: error.extensions['code'] }));
}

/** The estimated cost of an operation, read back from the rule with a limit of zero. */
function cost(query: string): number {
  const [error] = validate(schema, parse(query), [costLimitRule({ ...LIMITS, maxCost: 0 })]);
  return Number(error?.extensions['cost'] ?? 0);
}

describe('depth limit (graphql-armor max-depth)', () => {
  it('accepts the nesting of ordinary questions', () => {
    expect(errors('{ agency(name: "x") { assignments(role: LEAD) { edges { node { task { document { title } } } } } } }')).toEqual([]);
  });

  it('rejects deeper operations, naming the depth and the limit', () => {
    const query = `query Deep { agency(name: "x") { ${'renamedTo { '.repeat(10)}name${' }'.repeat(10)} } }`;
    expect(errors(query)).toEqual([{ message: 'Operation is nested 12 levels deep; the limit is 10.', code: 'QUERY_TOO_DEEP' }]);
  });

  it('follows fragments and inline fragments, which add no depth of their own, and survives fragment cycles', () => {
    const query = `{ node(id: "x") { ... on Agency { ...A } } }
      fragment A on Agency { renamedTo { ...B } }
      fragment B on Agency { renamedTo { ...A } }`;
    const found = validate(schema, parse(query), operationLimitRules({ ...LIMITS, maxDepth: 2 }));
    expect(found.map((error) => error.extensions['code'])).toContain('QUERY_TOO_DEEP');
    const flat = '{ node(id: "x") { ...N } } fragment N on Node { ... on Agency { renamedTo { name } } }';
    expect(errors(flat, operationLimitRules({ ...LIMITS, maxDepth: 3 }))).toEqual([]);
    expect(errors(flat, operationLimitRules({ ...LIMITS, maxDepth: 2 }))).toEqual([{ message: 'Operation is nested 3 levels deep; the limit is 2.', code: 'QUERY_TOO_DEEP' }]);
  });

  it('ignores __schema introspection (GraphiQL)', () => {
    expect(errors('{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }')).toEqual([]);
  });
});

describe('alias limit (graphql-armor max-aliases)', () => {
  it('counts aliases, also inside fragments each time they are spread', () => {
    const fragment = 'fragment F on Query { a: health { ok } b: health { ok } }';
    const spreads = Array.from({ length: 16 }, () => '...F').join(' ');
    expect(errors(`{ ${spreads} } ${fragment}`)).toEqual([{ message: 'Operation uses 32 aliases; the limit is 30.', code: 'TOO_MANY_ALIASES' }]);
    expect(errors(`{ ...F } ${fragment}`)).toEqual([]);
  });

  it('counts aliases of introspection fields (200 __schema aliases would be a 10 MB answer)', () => {
    const query = `{ ${Array.from({ length: 200 }, (_, index) => `s${index}: __schema { queryType { name } }`).join(' ')} }`;
    expect(errors(query)).toEqual([{ message: 'Operation uses 200 aliases; the limit is 30.', code: 'TOO_MANY_ALIASES' }]);
  });
});

describe('directive limit (graphql-armor max-directives)', () => {
  it('rejects an operation with more directives than the limit', () => {
    const query = `{ health @include(if: true) { ${Array.from({ length: 60 }, () => 'ok @skip(if: false)').join(' ')} } }`;
    expect(errors(query)).toEqual([{ message: 'Operation uses 61 directives; the limit is 50.', code: 'TOO_MANY_DIRECTIVES' }]);
  });
});

describe('chained fragments', () => {
  /** Thirty fragments, each spreading the previous one twice: 2³⁰ paths when fragments are expanded where spread. */
  function chained(levels: number): string {
    const fragments = [`fragment F0 on Agency { name renamedTo { name } }`];
    for (let level = 1; level <= levels; level++) fragments.push(`fragment F${level} on Agency { ...F${level - 1} renamedTo { ...F${level - 1} } }`);
    return `{ agency(name: "x") { ...F${levels} } } ${fragments.join(' ')}`;
  }

  it('validate in time linear in the number of fragments (each is visited once per operation)', () => {
    const started = performance.now();
    const found = errors(chained(30));
    const elapsed = performance.now() - started;
    expect(found.map((error) => error.code)).toContain('QUERY_TOO_DEEP');
    expect(elapsed).toBeLessThan(500);
  });

  it('cost the same as written out, computed once per fragment', () => {
    const started = performance.now();
    const estimated = cost(chained(30));
    expect(performance.now() - started).toBeLessThan(500);
    // F0 costs 1 (renamedTo), Fn = 2·F(n-1) + 1: 2³¹ − 1, plus the agency field.
    expect(estimated).toBe(1 + (2 ** 31 - 1));
  });
});

describe('cost estimate', () => {
  it('multiplies by first at connections without paying twice for edges', () => {
    // assignments (1) + 20 × (edges 1 + node 1 + leads (1 + 10 × 0))
    expect(cost('{ assignments(first: 20) { edges { node { leads { name } } } } }')).toBe(1 + 20 * (1 + 1 + 1));
  });

  it('uses the declared default of first when it is not given', () => {
    expect(cost('{ assignments { edges { node { id } } } }')).toBe(1 + 20 * (1 + 1));
  });

  it('assumes the largest page for a variable without a default, and the default when there is one', () => {
    expect(cost('query ($n: Int) { assignments(first: $n) { edges { node { id } } } }')).toBe(1 + 100 * 2);
    expect(cost('query ($n: Int = 5) { assignments(first: $n) { edges { node { id } } } }')).toBe(1 + 5 * 2);
  });

  it('clamps first to the page-size cap (the resolver rejects more with its own message)', () => {
    expect(cost('{ assignments(first: 100000) { edges { node { id } } } }')).toBe(1 + 100 * 2);
  });

  it('counts lists without first as a fixed guess', () => {
    expect(cost('{ indicators { series { year } } }')).toBe(1 + UNBOUNDED_LIST_SIZE * (1 + UNBOUNDED_LIST_SIZE * 0));
  });

  it('multiplies nested pages', () => {
    const query = '{ agencies(first: 100) { edges { node { assignments(first: 100) { edges { node { leads { name } } } } } } } }';
    expect(cost(query)).toBe(1 + 100 * (1 + 1 + (1 + 100 * (1 + 1 + 1))));
    expect(errors(query)).toEqual([
      { message: `Operation is estimated to cost ${cost(query)}; the limit is 5000. Ask for smaller pages (first) or fewer nested lists.`, code: 'QUERY_TOO_COSTLY' },
    ]);
  });

  it('uses limit for the neighbourhood', () => {
    expect(cost('{ neighborhood(id: "x", limit: 300) { nodes { id } edges { id } } }')).toBe(1 + 300 * 2);
  });
});
