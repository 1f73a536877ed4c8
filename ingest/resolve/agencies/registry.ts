/** The registry: one canonical agency per group of keys, its aliases, kind, rename and look-up. */
import type { AgencyFacts, AgencyKind, RenameFact } from '../agency-facts.ts';
import { normaliseAgencySpelling } from './keys.ts';
import type { KeyGroups, KeyInfo } from './merge.ts';
import { findSuspicious } from './suspicious.ts';
import type { AgencyRegistry, CanonicalAgency, SuspiciousPair } from './types.ts';

function inferKind(name: string, facts: AgencyFacts): AgencyKind {
  for (const rule of facts.kindRules) if (rule.pattern.test(name)) return rule.kind;
  return 'other';
}

export function buildRegistry(
  info: Map<string, KeyInfo>,
  groups: KeyGroups,
  subordinate: ReadonlySet<string>,
  preferred: ReadonlySet<string>,
  renames: readonly RenameFact[],
  facts: AgencyFacts,
  keyOf: (surface: string) => string,
): AgencyRegistry {
  const members = new Map<string, string[]>();
  for (const key of groups.keys()) {
    const root = groups.find(key);
    const list = members.get(root) ?? [];
    list.push(key);
    members.set(root, list);
  }

  const mentionsOf = (key: string): number => info.get(key)?.mentions ?? 0;
  const byRank = (a: string, b: string): number =>
    mentionsOf(b) - mentionsOf(a) || b.length - a.length || a.localeCompare(b);

  interface Draft {
    readonly root: string;
    readonly name: string;
    readonly names: readonly string[];
    readonly mentions: number;
    readonly years: readonly number[];
  }
  const drafts: Draft[] = [];
  for (const [root, keys] of members) {
    const chosen =
      keys.filter((key) => preferred.has(key)).sort(byRank)[0] ??
      keys.filter((key) => !subordinate.has(key) && mentionsOf(key) > 0).sort(byRank)[0] ??
      keys.filter((key) => !subordinate.has(key)).sort(byRank)[0] ??
      [...keys].sort(byRank)[0] ??
      root;
    const names = new Set<string>(keys);
    const years = new Set<number>();
    let mentions = 0;
    for (const key of keys) {
      const entry = info.get(key);
      if (entry === undefined) continue;
      entry.surfaces.forEach((surface) => names.add(surface));
      entry.years.forEach((year) => years.add(year));
      mentions += entry.mentions;
    }
    names.delete(chosen);
    drafts.push({
      root,
      name: chosen,
      names: [...names].sort(),
      mentions,
      years: [...years].sort((a, b) => a - b),
    });
  }

  const idOf = (name: string): string => `agency:${name}`;
  const nameByRoot = new Map(drafts.map((draft) => [draft.root, draft.name]));
  const rootByName = new Map(drafts.map((draft) => [draft.name, draft.root]));
  const renamedTo = new Map<string, { id: string; year: number }>();
  for (const rename of renames) {
    if (!info.has(rename.from) || !info.has(rename.to)) continue;
    const from = groups.find(rename.from);
    const toName = nameByRoot.get(groups.find(rename.to));
    if (toName !== undefined && from !== groups.find(rename.to)) renamedTo.set(from, { id: idOf(toName), year: rename.year });
  }

  const agencies: CanonicalAgency[] = drafts
    .map((draft) => ({
      id: idOf(draft.name),
      name: draft.name,
      aliases: draft.names,
      kind: inferKind(draft.name, facts),
      renamedTo: renamedTo.get(draft.root) ?? null,
      mentions: draft.mentions,
      years: draft.years,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const byName = new Map<string, CanonicalAgency>();
  const byRoot = new Map<string, CanonicalAgency>();
  for (const agency of agencies) {
    const root = rootByName.get(agency.name);
    if (root !== undefined) byRoot.set(root, agency);
  }
  for (const key of groups.keys()) {
    const agency = byRoot.get(groups.find(key));
    if (agency === undefined) continue;
    byName.set(key, agency);
    info.get(key)?.surfaces.forEach((surface) => byName.set(surface, agency));
  }

  const resolve = (name: string): CanonicalAgency | null => {
    const surface = normaliseAgencySpelling(name);
    if (surface === '') return null;
    const direct = byName.get(surface);
    if (direct !== undefined) return direct;
    const key = keyOf(surface);
    return byName.get(key) ?? byName.get('市' + key) ?? null;
  };

  // Look-alike pairs are for `kg entities --suspicious` only: found when first
  // asked for. Made for every registry of an ingest (one per place and one over
  // all), they were ≈20 MB of its live heap at ×100 of the bench corpus, unused.
  let suspicious: readonly SuspiciousPair[] | null = null;
  return {
    agencies,
    resolve,
    get suspicious(): readonly SuspiciousPair[] {
      suspicious ??= findSuspicious(agencies, renames, facts.suffixes, keyOf);
      return suspicious;
    },
  };
}
