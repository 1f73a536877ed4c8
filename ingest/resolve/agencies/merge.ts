/** Joining name keys: the rename-aware union-find and the source-damage merge (step 7). */
import { editDistance } from '../edit-distance.ts';
import { differingCharacters, NUMERAL, stemOf } from './keys.ts';

/** Minimum frequency ratio (and count) for a rare spelling to merge into a frequent one. */
const DAMAGE_FREQUENCY_RATIO = 3;
/** Distinctive parts shorter than this are too short to call a one-character difference a typo. */
const TYPO_MIN_STEM = 5;
/** From this length of distinctive part, two edits may still be a typo. */
const TYPO_TWO_EDIT_STEM = 10;
/** A truncated name must keep at least this many characters. */
const TRUNCATION_MIN_LENGTH = 4;

export interface KeyInfo {
  mentions: number;
  readonly surfaces: Set<string>;
  readonly years: Set<number>;
}

/** Union-find over name keys that refuses to join the two ends of a rename. */
export class KeyGroups {
  private readonly parent = new Map<string, string>();
  private readonly renameEnds = new Map<string, Set<string>>();

  constructor(private readonly renames: readonly { from: string; to: string }[]) {}

  add(key: string): void {
    if (this.parent.has(key)) return;
    this.parent.set(key, key);
    const ends = new Set<string>();
    for (const rename of this.renames) {
      if (rename.from === key || rename.to === key) ends.add(key);
    }
    this.renameEnds.set(key, ends);
  }

  find(key: string): string {
    let root = key;
    for (let next = this.parent.get(root); next !== undefined && next !== root; next = this.parent.get(root)) root = next;
    let node = key;
    while (node !== root) {
      const next = this.parent.get(node) ?? root;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  /** Joins the groups of `a` and `b` unless that would put both ends of a rename in one group. */
  union(a: string, b: string): boolean {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return true;
    const endsA = this.renameEnds.get(rootA) ?? new Set<string>();
    const endsB = this.renameEnds.get(rootB) ?? new Set<string>();
    for (const rename of this.renames) {
      const split =
        (endsA.has(rename.from) && endsB.has(rename.to)) || (endsA.has(rename.to) && endsB.has(rename.from));
      if (split) return false;
    }
    this.parent.set(rootA, rootB);
    this.renameEnds.set(rootB, new Set([...endsA, ...endsB]));
    this.renameEnds.delete(rootA);
    return true;
  }

  keys(): IterableIterator<string> {
    return this.parent.keys();
  }
}

export function groupMentions(info: Map<string, KeyInfo>, groups: KeyGroups, key: string): number {
  const root = groups.find(key);
  let total = 0;
  for (const [other, entry] of info) if (groups.find(other) === root) total += entry.mentions;
  return total;
}

export function mergeSourceDamage(
  info: Map<string, KeyInfo>,
  groups: KeyGroups,
  suffixes: readonly string[],
  absorb: (lesser: string, greater: string) => boolean,
  preferred: ReadonlySet<string>,
): void {
  const totals = new Map<string, number>();
  for (const [key, entry] of info) {
    const root = groups.find(key);
    totals.set(root, (totals.get(root) ?? 0) + entry.mentions);
  }
  const total = (key: string): number => totals.get(groups.find(key)) ?? 0;
  const frequentEnough = (rare: string, frequent: string): boolean =>
    total(frequent) >= DAMAGE_FREQUENCY_RATIO && total(frequent) >= DAMAGE_FREQUENCY_RATIO * total(rare);

  const keys = [...info.keys()].filter((key) => (info.get(key)?.mentions ?? 0) > 0);
  const bySuffix = new Map<string, { key: string; stem: string }[]>();
  for (const key of keys) {
    const { stem, suffix } = stemOf(key, suffixes);
    const bucket = bySuffix.get(suffix) ?? [];
    bucket.push({ key, stem });
    bySuffix.set(suffix, bucket);
  }

  const merges: [string, string][] = [];
  // Rare first, so a typo joins the frequent spelling and not another typo.
  const ascending = [...keys].sort((a, b) => total(a) - total(b) || a.localeCompare(b));
  for (const rare of ascending) {
    if (preferred.has(rare)) continue;
    const { stem, suffix } = stemOf(rare, suffixes);
    const targets = new Set<string>();
    if (stem.length >= TYPO_MIN_STEM) {
      for (const candidate of bySuffix.get(suffix) ?? []) {
        if (candidate.key === rare || groups.find(candidate.key) === groups.find(rare)) continue;
        const shorter = Math.min(stem.length, candidate.stem.length);
        if (shorter < TYPO_MIN_STEM) continue;
        const allowed = shorter >= TYPO_TWO_EDIT_STEM ? 2 : 1;
        if (editDistance(stem, candidate.stem, allowed) > allowed) continue;
        if (NUMERAL.test(differingCharacters(stem, candidate.stem))) continue;
        if (frequentEnough(rare, candidate.key)) targets.add(groups.find(candidate.key));
      }
    }
    if (suffix === '' && rare.length >= TRUNCATION_MIN_LENGTH) {
      const extensions = new Set<string>();
      for (const candidate of keys) {
        if (candidate !== rare && candidate.startsWith(rare)) extensions.add(groups.find(candidate));
      }
      extensions.delete(groups.find(rare));
      const [only] = extensions;
      if (extensions.size === 1 && only !== undefined && frequentEnough(rare, only)) targets.add(only);
    }
    const [target] = targets;
    if (targets.size === 1 && target !== undefined) merges.push([rare, target]);
  }
  for (const [rare, target] of merges) absorb(rare, target);
}
