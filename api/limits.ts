/**
 * What the API refuses before running anything, cheapest check first:
 *
 * 1. the request body (KG_MAX_BODY_BYTES): larger is HTTP 413, never read whole;
 * 2. tokens (graphql-armor's max-tokens): the parser stops at the limit, so a
 *    3 MB document of a million tokens costs a few thousand tokens of work;
 * 3. depth, aliases (introspection fields included) and directives
 *    (graphql-armor's rules, each fragment counted once per operation);
 * 4. our cost estimate, which multiplies lists by their `first` / `limit`
 *    (armor's cost rule does not), each fragment visited once.
 *
 * Every refusal carries one of the limit codes of core/errors.ts.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import {
  GraphQLError,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { LimitErrorCode } from '../core/errors.ts';

/** Neighbourhood bounds (also checked on the arguments at run time). */
export const NEIGHBORHOOD_MAX_DEPTH = 3;
export const NEIGHBORHOOD_MAX_LIMIT = 500;
/** Assumed size of a list field that has no `first` / `limit` argument. */
export const UNBOUNDED_LIST_SIZE = 10;

export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxCost: number;
  readonly maxPageSize: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
}

export interface RequestLimits extends OperationLimits {
  readonly maxBodyBytes: number;
}

export function limitError(code: LimitErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

/** The number an armor rule found, from its message ("… exceeded, found 42."). */
function found(error: GraphQLError): string {
  return /found (\d+)/.exec(error.message)?.[1] ?? 'more';
}

type ArmorRejection = (context: ValidationContext | null, error: GraphQLError) => void;

/**
 * Armor's rules throw their own error (no code, "Syntax Error: …"); told not
 * to, they call this, and the operation gets our message and code instead.
 */
function reportAs(code: LimitErrorCode, message: (error: GraphQLError) => string): ArmorRejection {
  return (context, error) => {
    const coded = limitError(code, message(error));
    if (context === null) throw coded;
    context.reportError(coded);
  };
}

const ARMOR_COMMON = { exposeLimits: true, propagateOnRejection: false } as const;

/** Armor's token limit, applied by the parser itself. */
export function tokenLimitPlugin(maxTokens: number): Plugin {
  return maxTokensPlugin({
    ...ARMOR_COMMON,
    n: maxTokens,
    onReject: [reportAs('QUERY_TOO_LARGE', () => `The document is longer than ${maxTokens} tokens (names, punctuation and values); the limit is ${maxTokens}.`)],
  });
}

/** The validation rules: armor's depth, alias and directive limits with our messages and codes, and our cost. */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  return [
    maxDepthRule({
      ...ARMOR_COMMON,
      n: limits.maxDepth,
      // Fragments add no depth of their own; `__schema` (GraphiQL's introspection) is not counted.
      flattenFragments: true,
      ignoreIntrospection: true,
      onReject: [reportAs('QUERY_TOO_DEEP', (error) => `Operation is nested ${found(error)} levels deep; the limit is ${limits.maxDepth}.`)],
    }),
    maxAliasesRule({
      ...ARMOR_COMMON,
      n: limits.maxAliases,
      onReject: [reportAs('TOO_MANY_ALIASES', (error) => `Operation uses ${found(error)} aliases; the limit is ${limits.maxAliases}.`)],
    }),
    maxDirectivesRule({
      ...ARMOR_COMMON,
      n: limits.maxDirectives,
      onReject: [reportAs('TOO_MANY_DIRECTIVES', (error) => `Operation uses ${found(error)} directives; the limit is ${limits.maxDirectives}.`)],
    }),
    costLimitRule(limits),
  ];
}

function integerOf(value: ValueNode | undefined, operation: OperationDefinitionNode): number | null {
  if (!value) return null;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const definition = operation.variableDefinitions?.find((variable) => variable.variable.name.value === value.name.value);
    return definition?.defaultValue?.kind === Kind.INT ? Number(definition.defaultValue.value) : null;
  }
  return null;
}

/** `[Agency!]!` and `[Agency]` are lists; `Agency!` is not. */
function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * How many items a list-sized field may return: its `first` / `limit`
 * argument (a variable without a default counts as the largest allowed
 * value), clamped to what the resolvers accept.
 */
function sizeArgument(field: FieldNode, definition: GraphQLField<unknown, unknown>, operation: OperationDefinitionNode, limits: OperationLimits): number | null {
  for (const [name, cap] of [
    ['first', limits.maxPageSize],
    ['limit', NEIGHBORHOOD_MAX_LIMIT],
  ] as const) {
    const argumentDefinition = definition.args.find((argument) => argument.name === name);
    if (!argumentDefinition) continue;
    const given = field.arguments?.find((argument) => argument.name.value === name);
    const declaredDefault = typeof argumentDefinition.defaultValue === 'number' ? argumentDefinition.defaultValue : cap;
    const value = given ? (integerOf(given.value, operation) ?? cap) : declaredDefault;
    return Math.min(Math.max(value, 1), cap);
  }
  return null;
}

function fieldDefinition(parentType: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
}

/**
 * Estimated cost: every object or list field costs 1 plus its children's
 * cost multiplied by how many items it can return. A field with `first` or
 * `limit` pays for the lists inside what it returns (a connection's `edges`),
 * so those are not multiplied again. Introspection is not counted.
 *
 * A fragment's cost depends only on the fragment and on whether its lists
 * are already paid for, so each is computed once per operation: thirty
 * fragments that each spread the previous one twice cost thirty visits, not
 * 2³⁰. A fragment spread inside itself (a cycle, which the standard
 * NoFragmentCycles rule reports) counts 0.
 */
export function estimateCost(context: ValidationContext, operation: OperationDefinitionNode, limits: OperationLimits): number {
  const schema = context.getSchema();
  const fragmentCosts = new Map<string, number>();
  const inProgress = new Set<string>();

  const costOf = (selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, paidFor: boolean): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__') || !selection.selectionSet) continue;
        const definition = fieldDefinition(parentType, selection.name.value);
        if (!definition) continue;
        const childType = getNamedType(definition.type);
        if (!isCompositeType(childType)) continue;
        const size = sizeArgument(selection, definition, operation, limits);
        const list = isList(definition.type);
        const multiplier = size ?? (list && !paidFor ? UNBOUNDED_LIST_SIZE : 1);
        cost += 1 + multiplier * costOf(selection.selectionSet, childType, size !== null && !list);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const conditionType = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        if (isCompositeType(conditionType)) cost += costOf(selection.selectionSet, conditionType, paidFor);
      } else {
        const key = `${selection.name.value}\u0000${paidFor}`;
        const known = fragmentCosts.get(key);
        if (known !== undefined) {
          cost += known;
          continue;
        }
        const fragment = context.getFragment(selection.name.value);
        if (!fragment || inProgress.has(key)) continue;
        const conditionType = schema.getType(fragment.typeCondition.name.value);
        if (!isCompositeType(conditionType)) continue;
        inProgress.add(key);
        const fragmentCost = costOf(fragment.selectionSet, conditionType, paidFor);
        inProgress.delete(key);
        fragmentCosts.set(key, fragmentCost);
        cost += fragmentCost;
      }
    }
    return cost;
  };
  const rootType = schema.getRootType(operation.operation);
  return rootType ? costOf(operation.selectionSet, rootType, false) : 0;
}

export function costLimitRule(limits: OperationLimits): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const cost = estimateCost(context, operation, limits);
      if (cost > limits.maxCost) {
        const error = limitError(
          'QUERY_TOO_COSTLY',
          `Operation${operation.name ? ` ${operation.name.value}` : ''} is estimated to cost ${cost}; the limit is ${limits.maxCost}. Ask for smaller pages (first) or fewer nested lists.`,
          { cost },
        );
        context.reportError(new GraphQLError(error.message, { nodes: [operation], extensions: error.extensions }));
      }
    },
  });
}

/** A body may be this many bytes; a larger one is refused with 413 before it is parsed. */
export function bodyLimitPlugin(maxBytes: number): Plugin {
  const refusal = (fetchAPI: { Response: typeof Response }): Response =>
    new fetchAPI.Response(
      JSON.stringify({ errors: [{ message: `The request body is larger than ${maxBytes} bytes, the limit (KG_MAX_BODY_BYTES).`, extensions: { code: 'REQUEST_TOO_LARGE' satisfies LimitErrorCode } }] }),
      { status: 413, headers: { 'content-type': 'application/json; charset=utf-8' } },
    );
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse, fetchAPI }) {
      if (request.method === 'GET' || request.method === 'HEAD' || requestParser === undefined || request.body === null) return;
      const declared = request.headers.get('content-length');
      if (declared !== null && /^\d+$/.test(declared)) {
        // Node's HTTP parser holds a body to its declared length.
        if (Number(declared) > maxBytes) endResponse(refusal(fetchAPI));
        return;
      }
      // No length given (chunked): read at most maxBytes, then parse what was read.
      setRequestParser(async (incoming) => {
        const body = await readAtMost(incoming, maxBytes);
        if (body === null) return refusal(fetchAPI);
        return requestParser(new fetchAPI.Request(incoming.url, { method: incoming.method, headers: incoming.headers, body }));
      });
    },
  };
}

/** The body, or null as soon as it has more than `maxBytes` bytes. */
async function readAtMost(request: Request, maxBytes: number): Promise<Blob | null> {
  const reader = request.body?.getReader();
  if (!reader) return new Blob([]);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Blob(chunks as BlobPart[]);
}

/** Every limit as yoga plugins: body, then tokens (at parse), then the validation rules. */
export function limitPlugins(limits: RequestLimits): Plugin[] {
  const rules = operationLimitRules(limits);
  return [
    bodyLimitPlugin(limits.maxBodyBytes),
    tokenLimitPlugin(limits.maxTokens),
    {
      onValidate({ addValidationRule }) {
        for (const rule of rules) addValidationRule(rule);
      },
    },
  ];
}
