/**
 * What an operation asks for below a field, so that a resolver can fetch
 * nested data in its own statement instead of one more round trip per level.
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The part of a resolver's info that tells what is selected below its field. */
export type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * The fields selected below the field being resolved, through fragments and
 * inline fragments (whatever their type condition), each fragment once:
 * right below it, or with `deep` at any depth.
 */
function* selectedFields(info: SelectionInfo, deep: boolean): Generator<FieldNode> {
  const visitedFragments = new Set<string>();
  const pending: SelectionSetNode[] = info.fieldNodes.flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
  for (let set = pending.pop(); set !== undefined; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        yield selection;
        if (deep && selection.selectionSet) pending.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        pending.push(selection.selectionSet);
      } else if (!visitedFragments.has(selection.name.value)) {
        visitedFragments.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment) pending.push(fragment.selectionSet);
      }
    }
  }
}

/**
 * Whether any field named in `names` is selected anywhere below the field
 * being resolved (through fragments too). It may say yes for a field of
 * another type deeper down; that only fetches a little more than needed.
 */
export function selectsAny(info: SelectionInfo, names: ReadonlySet<string>): boolean {
  for (const field of selectedFields(info, true)) if (names.has(field.name.value)) return true;
  return false;
}

/**
 * The fields named `name` selected right below the field being resolved
 * (through fragments and inline fragments, whatever their type condition), so
 * that a resolver can fetch them with their parent. Directives are not
 * evaluated: a skipped field may be fetched for nothing, never missed.
 */
export function childFields(info: SelectionInfo, name: string): FieldNode[] {
  return [...selectedFields(info, false)].filter((field) => field.name.value === name);
}

/**
 * Whether a field named in `names` is selected right below some field named
 * `parentName` anywhere below the field being resolved (through fragments),
 * e.g. a clause's `task { text }`: so that a statement leaves out a long
 * property that nothing asks for. Like selectsAny it may say yes for a field
 * of another type, never no for one that is selected.
 */
export function selectsBelow(info: SelectionInfo, parentName: string, names: ReadonlySet<string>): boolean {
  for (const parent of selectedFields(info, true)) {
    if (parent.name.value !== parentName) continue;
    for (const field of selectedFields({ fieldNodes: [parent], fragments: info.fragments }, false)) if (names.has(field.name.value)) return true;
  }
  return false;
}
