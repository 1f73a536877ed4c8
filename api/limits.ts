/**
 * Validation rules that reject abusive operations before anything runs:
 * nesting depth, number of aliases, and an estimated cost. Fragments are
 * expanded where they are spread; introspection (`__schema`, `__type`) is not
 * counted, so GraphiQL keeps working.
 */
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

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
}

/*
 * Types are inspected by shape, not with graphql's isObjectType & co: under
 * vitest this module and graphql-yoga can load different copies of graphql
 * (ESM and CommonJS), and graphql's instanceof checks reject the other copy.
 */
interface FieldsType {
  getFields(): Record<string, GraphQLField<unknown, unknown>>;
}

function namedType(type: GraphQLOutputType): GraphQLNamedType {
  let current: unknown = type;
  while (current !== null && typeof current === 'object' && 'ofType' in current) current = current.ofType;
  return current as GraphQLNamedType;
}

/** `[Agency!]!` and `[Agency]` are lists; `Agency!` is not. */
function isList(type: GraphQLOutputType): boolean {
  return String(type).replace(/!$/, '').startsWith('[');
}

/** Object and interface types (the parents of fields with arguments and selections). */
function fieldsOf(type: GraphQLNamedType | undefined | null): Record<string, GraphQLField<unknown, unknown>> | null {
  if (type === null || type === undefined || !('getFields' in type) || 'getValues' in type) return null;
  return (type as unknown as FieldsType).getFields();
}

function isComposite(type: GraphQLNamedType | undefined | null): type is GraphQLNamedType {
  return fieldsOf(type) !== null || (type !== null && type !== undefined && 'getTypes' in type);
}

function isIntrospection(field: FieldNode): boolean {
  return field.name.value.startsWith('__');
}

/** Calls `visit` for every field reachable from a selection set, fragments expanded, with its depth. */
function walkFields(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  depth: number,
  visit: (field: FieldNode, depth: number) => void,
  spreading: ReadonlySet<string> = new Set(),
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (isIntrospection(selection)) continue;
      visit(selection, depth);
      if (selection.selectionSet) walkFields(context, selection.selectionSet, depth + 1, visit, spreading);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      walkFields(context, selection.selectionSet, depth, visit, spreading);
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      // A cycle is reported by the standard NoFragmentCycles rule; stop here.
      if (!fragment || spreading.has(name)) continue;
      walkFields(context, fragment.selectionSet, depth, visit, new Set([...spreading, name]));
    }
  }
}

function onOperation(check: (operation: OperationDefinitionNode) => void): ASTVisitor {
  return { OperationDefinition: (operation) => void check(operation) };
}

export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) =>
    onOperation((operation) => {
      let deepest = 0;
      walkFields(context, operation.selectionSet, 1, (_field, depth) => {
        deepest = Math.max(deepest, depth);
      });
      if (deepest > maxDepth) {
        context.reportError(
          new GraphQLError(`Operation${operation.name ? ` ${operation.name.value}` : ''} is nested ${deepest} levels deep; the limit is ${maxDepth}.`, {
            nodes: [operation],
            extensions: { code: 'QUERY_TOO_DEEP' },
          }),
        );
      }
    });
}

export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context) =>
    onOperation((operation) => {
      let aliases = 0;
      walkFields(context, operation.selectionSet, 1, (field) => {
        if (field.alias) aliases += 1;
      });
      if (aliases > maxAliases) {
        context.reportError(
          new GraphQLError(`Operation${operation.name ? ` ${operation.name.value}` : ''} uses ${aliases} aliases; the limit is ${maxAliases}.`, {
            nodes: [operation],
            extensions: { code: 'TOO_MANY_ALIASES' },
          }),
        );
      }
    });
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

/**
 * Estimated cost: every object or list field costs 1 plus its children's
 * cost multiplied by how many items it can return. A field with `first` or
 * `limit` pays for the lists inside what it returns (a connection's `edges`),
 * so those are not multiplied again.
 */
export function estimateCost(context: ValidationContext, operation: OperationDefinitionNode, limits: OperationLimits): number {
  const schema = context.getSchema();
  const costOf = (selectionSet: SelectionSetNode, parentType: GraphQLNamedType, paidFor: boolean, spreading: ReadonlySet<string>): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (isIntrospection(selection) || !selection.selectionSet) continue;
        const definition = fieldsOf(parentType)?.[selection.name.value];
        if (!definition) continue;
        const childType = namedType(definition.type);
        if (!isComposite(childType)) continue;
        const size = sizeArgument(selection, definition, operation, limits);
        const list = isList(definition.type);
        const multiplier = size ?? (list && !paidFor ? UNBOUNDED_LIST_SIZE : 1);
        cost += 1 + multiplier * costOf(selection.selectionSet, childType, size !== null && !list, spreading);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const conditionType = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        if (isComposite(conditionType)) cost += costOf(selection.selectionSet, conditionType, paidFor, spreading);
      } else {
        const name = selection.name.value;
        const fragment = context.getFragment(name);
        if (!fragment || spreading.has(name)) continue;
        const conditionType = schema.getType(fragment.typeCondition.name.value);
        if (isComposite(conditionType)) {
          cost += costOf(fragment.selectionSet, conditionType, paidFor, new Set([...spreading, name]));
        }
      }
    }
    return cost;
  };
  const rootType = schema.getRootType(operation.operation);
  return rootType ? costOf(operation.selectionSet, rootType, false, new Set()) : 0;
}

export function costLimitRule(limits: OperationLimits): ValidationRule {
  return (context) =>
    onOperation((operation) => {
      const cost = estimateCost(context, operation, limits);
      if (cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(
            `Operation${operation.name ? ` ${operation.name.value}` : ''} is estimated to cost ${cost}; the limit is ${limits.maxCost}. Ask for smaller pages (first) or fewer nested lists.`,
            { nodes: [operation], extensions: { code: 'QUERY_TOO_COSTLY', cost } },
          ),
        );
      }
    });
}

export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  return [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases), costLimitRule(limits)];
}
