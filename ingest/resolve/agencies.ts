/**
 * Agency resolution: every agency name observed in annotations, livelihood
 * tables and leader lists becomes exactly one Agency per organisation.
 *
 * Names are joined, in this order, by
 *  1. spelling normalisation: NFKC, whitespace, running headers cut into a name
 *     by a page break, leading/trailing punctuation, half- and full-width brackets;
 *  2. city prefix: `柳州市X` = `市X` (cities from the facts file, and any 2–4
 *     character `P` for which both `P市X` and `市X` are observed);
 *  3. bracketed alternates: `市财政局（金融办）` = `市财政局`, and the bracket names
 *     a second plaque of the same body, so `市金融办` also resolves to it. The
 *     documents use the two forms interchangeably for the same lead unit (the
 *     2024 task division leads finance tasks with both `市财政局（金融办）` and
 *     `市财政局`; the leaders' division writes `市场监管局（知识产权局）` where the
 *     annotations write `市市场监管局`; the 2020 table writes
 *     `北部生态新区（阳和工业新区）管委会` and the 2024 bulletin
 *     `阳和工业新区（北部生态新区）管委会`). A bracket that states an aspect
 *     (`林业和园林局（涉及园林方面）`, `（园林）`) is dropped and names no alternate;
 *  4. explicit aliases from `data/rules/agency-facts.tsv`;
 *  5. implied `市`: `X` = `市X` when `市X` is observed (`国资委`, `市场监管局`);
 *  6. droppable infixes (`市应急局` = `市应急管理局`) when both forms are observed;
 *  7. source damage, conservatively: a rare name merges into a much more frequent
 *     one (≥ 3 mentions and ≥ 3× as many) when, after removing `市` and the
 *     generic ending, the distinctive parts are ≥ 5 characters long and one edit
 *     apart (two from 10 characters), the edit touches no digit or numeral, and
 *     no other candidate qualifies (`阳朔和工业新区…管委会` → `阳和工业新区…管委会`);
 *     or a name without a generic ending is a prefix of exactly one other
 *     organisation's name (a name cut by a page break).
 * Renamed organisations are never joined: each rename is two agencies with
 * `renamedTo` on the old one, and the old name keeps resolving to the old node.
 *
 * Names that look alike but were not joined are reported as `suspicious` for a
 * human to settle (by adding an alias or rename fact).
 */

import type { AgencyFacts, AgencyKind, RenameFact } from './agency-facts.ts';
import { editDistance } from './edit-distance.ts';

export type { AgencyKind } from './agency-facts.ts';

export interface ObservedAgencyName {
  /** With implied prefixes restored (`AgencyMention.name`). */
  readonly name: string;
  /** As written (`AgencyMention.written`). */
  readonly written: string;
  /** Year of the document the name was seen in. */
  readonly year: number;
}

export interface CanonicalAgency {
  /** `agency:` + canonical name. */
  readonly id: string;
  readonly name: string;
  /** Every other spelling that resolves to this agency, sorted. */
  readonly aliases: readonly string[];
  readonly kind: AgencyKind;
  readonly renamedTo: { readonly id: string; readonly year: number } | null;
  /** How many observations resolved here (0 for a rename target known only from facts). */
  readonly mentions: number;
  /** Document years the agency was observed in, ascending. */
  readonly years: readonly number[];
}

export interface SuspiciousPair {
  readonly a: CanonicalAgency;
  readonly b: CanonicalAgency;
  /**
   * `similar-spelling`: distinctive parts a small edit apart; `shared-core`: one
   * contains the other; `possible-rename`: alike, and never observed in the same year.
   */
  readonly reason: 'similar-spelling' | 'shared-core' | 'possible-rename';
  /** 0..1, higher is more alike. */
  readonly similarity: number;
}

export interface AgencyRegistry {
  readonly agencies: readonly CanonicalAgency[];
  /** The agency a name (any spelling) stands for, or null when it was never observed. */
  resolve(name: string): CanonicalAgency | null;
  readonly suspicious: readonly SuspiciousPair[];
}

const RUNNING_HEADER = /——[^—\n]{1,30}——/gu;
const EDGE_PUNCTUATION = /^[、，,。．.：:；;“”"'‘’《》<>·•\-—_*#]+|[、，,。．.：:；;“”"'‘’《》<>·•\-—_*#]+$/gu;
const NUMERAL = /[0-9一二三四五六七八九十百千零〇两]/u;
const ASPECT_BRACKET = /涉及|方面|负责|分管/u;

/** Minimum frequency ratio (and count) for a rare spelling to merge into a frequent one. */
const DAMAGE_FREQUENCY_RATIO = 3;
/** Distinctive parts shorter than this are too short to call a one-character difference a typo. */
const TYPO_MIN_STEM = 5;
/** From this length of distinctive part, two edits may still be a typo. */
const TYPO_TWO_EDIT_STEM = 10;
/** A truncated name must keep at least this many characters. */
const TRUNCATION_MIN_LENGTH = 4;
/**
 * Below this, spelling similarity of the distinctive parts is noise: two
 * two-character parts one edit apart (财政/民政, 体育/教育) are different bodies.
 */
const SUSPICIOUS_MIN_SPELLING_SIMILARITY = 0.6;

/** Spelling normalisation that never changes which organisation a name denotes. */
export function normaliseAgencySpelling(name: string): string {
  let text = name.normalize('NFKC').replace(RUNNING_HEADER, '').replace(/\s+/gu, '');
  text = text.replace(/[(〔【[]/gu, '（').replace(/[)〕】\]]/gu, '）');
  text = text.replace(EDGE_PUNCTUATION, '');
  // A bracket left open by a cut (`市发展改革委（粮食和`) or closed without opening.
  const open = text.lastIndexOf('（');
  if (open > 0 && text.indexOf('）', open) < 0) text = text.slice(0, open);
  const close = text.indexOf('）');
  if (close >= 0 && text.lastIndexOf('（', close) < 0) text = text.slice(close + 1);
  return text.replace(EDGE_PUNCTUATION, '');
}

interface BracketParts {
  /** The name with every bracket removed. */
  readonly main: string;
  /** Names of other plaques the brackets state. */
  readonly alternates: readonly string[];
}

function endsWithSuffix(text: string, suffixes: readonly string[]): boolean {
  return suffixes.some((suffix) => text.endsWith(suffix) && text.length > suffix.length);
}

function splitBrackets(surface: string, suffixes: readonly string[]): BracketParts {
  const groups = [...surface.matchAll(/（([^（）]*)）/gu)];
  if (groups.length === 0) return { main: surface, alternates: [] };
  const main = surface.replace(/（[^（）]*）/gu, '');
  const alternates: string[] = [];
  for (const group of groups) {
    const inside = group[1] ?? '';
    if (inside.length < 2 || ASPECT_BRACKET.test(inside)) continue;
    const after = surface.slice((group.index ?? 0) + group[0].length).replace(/（[^（）]*）/gu, '');
    let alternate = inside + after;
    if (!endsWithSuffix(alternate, suffixes)) continue;
    if (main.startsWith('市') && !alternate.startsWith('市')) alternate = '市' + alternate;
    if (alternate !== main) alternates.push(alternate);
  }
  return { main, alternates };
}

const CITY_CANDIDATE = /^(\p{Script=Han}{2,4}?)市(.{2,})$/u;
const NOT_A_CITY = /[市区县省各州]/u;

function stripCity(main: string, cities: readonly string[]): string {
  for (const city of cities) {
    if (main.startsWith(city + '市') && main.length > city.length + 2) return main.slice(city.length);
  }
  return main;
}

/** The distinctive part of a key: without the leading 市 and the generic ending. */
function stemOf(key: string, suffixes: readonly string[]): { stem: string; suffix: string } {
  const body = key.startsWith('市') && key.length > 1 ? key.slice(1) : key;
  for (const suffix of suffixes) {
    if (body.endsWith(suffix) && body.length > suffix.length) {
      return { stem: body.slice(0, body.length - suffix.length), suffix };
    }
  }
  return { stem: body, suffix: '' };
}

function inferKind(name: string, facts: AgencyFacts): AgencyKind {
  for (const rule of facts.kindRules) if (rule.pattern.test(name)) return rule.kind;
  return 'other';
}

/** Characters that differ between two strings once their common prefix and suffix are removed. */
function differingCharacters(a: string, b: string): string {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return a.slice(start, endA) + b.slice(start, endB);
}

interface KeyInfo {
  mentions: number;
  readonly surfaces: Set<string>;
  readonly years: Set<number>;
}

/** Union-find over name keys that refuses to join the two ends of a rename. */
class KeyGroups {
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

export function resolveAgencies(observed: readonly ObservedAgencyName[], facts: AgencyFacts): AgencyRegistry {
  const suffixes = facts.suffixes;

  // Pass 1: spellings, bracket parts, and which cities prefix observed names.
  const parsed = observed
    .map((observation) => {
      const surface = normaliseAgencySpelling(observation.name);
      return { observation, surface, parts: splitBrackets(surface, suffixes) };
    })
    .filter((entry) => entry.parts.main.length >= 2);
  const mains = new Set(parsed.map((entry) => entry.parts.main));
  const cities = new Set(facts.cities);
  for (const main of mains) {
    const match = CITY_CANDIDATE.exec(main);
    const city = match?.[1];
    if (city !== undefined && !NOT_A_CITY.test(city) && mains.has('市' + (match?.[2] ?? ''))) cities.add(city);
  }
  const cityList = [...cities].sort((a, b) => b.length - a.length);
  const keyOf = (surface: string): string => stripCity(splitBrackets(surface, suffixes).main, cityList);

  const renames = facts.renames.map((rename) => ({
    ...rename,
    from: keyOf(normaliseAgencySpelling(rename.from)),
    to: keyOf(normaliseAgencySpelling(rename.to)),
  }));
  const groups = new KeyGroups(renames);
  const info = new Map<string, KeyInfo>();
  const ensure = (key: string): KeyInfo => {
    let entry = info.get(key);
    if (entry === undefined) {
      entry = { mentions: 0, surfaces: new Set(), years: new Set() };
      info.set(key, entry);
      groups.add(key);
    }
    return entry;
  };
  /** Keys that lost to another spelling and may not name their group. */
  const subordinate = new Set<string>();
  /** Keys named canonical by the facts file. */
  const preferred = new Set<string>();
  const absorb = (lesser: string, greater: string): boolean => {
    if (!groups.union(lesser, greater)) return false;
    subordinate.add(lesser);
    return true;
  };

  for (const { observation, surface, parts } of parsed) {
    const key = stripCity(parts.main, cityList);
    const entry = ensure(key);
    entry.mentions += 1;
    entry.years.add(observation.year);
    entry.surfaces.add(surface);
    const written = normaliseAgencySpelling(observation.written);
    // `国资委` for `市国资委` is a spelling of this agency; `柳东新区` for
    // `柳东新区管委会` (a list that shares its ending) is not.
    if (written.length >= 2 && surface.endsWith(written) && surface.length - written.length <= 3) {
      entry.surfaces.add(written);
    }
    for (const alternate of parts.alternates) {
      // Not `absorb`: the other plaque may be the name another document leads with.
      const alternateKey = stripCity(alternate, cityList);
      ensure(alternateKey);
      groups.union(alternateKey, key);
    }
  }

  // Explicit aliases (an alias observed without its 市 counts as observed).
  for (const fact of facts.aliases) {
    const aliasKey = keyOf(normaliseAgencySpelling(fact.alias));
    const canonicalKey = keyOf(normaliseAgencySpelling(fact.canonical));
    const bare = aliasKey.startsWith('市') ? aliasKey.slice(1) : null;
    const observedAlias = info.has(aliasKey) || (bare !== null && info.has(bare));
    if (!observedAlias) continue;
    ensure(aliasKey);
    ensure(canonicalKey);
    preferred.add(canonicalKey);
    absorb(aliasKey, canonicalKey);
  }

  // Implied 市: `X` and `市X` (also `市场监管局` and `市市场监管局`).
  for (const key of [...info.keys()]) {
    if (info.has('市' + key)) absorb(key, '市' + key);
  }

  // Droppable infixes.
  for (const key of [...info.keys()]) {
    for (const infix of facts.optionalInfixes) {
      for (let at = key.indexOf(infix); at >= 0; at = key.indexOf(infix, at + 1)) {
        const short = key.slice(0, at) + key.slice(at + infix.length);
        if (short !== key && info.has(short) && stemOf(short, suffixes).stem.length >= 2) absorb(short, key);
      }
    }
  }

  mergeSourceDamage(info, groups, suffixes, absorb, preferred);

  // Rename targets known only from facts still need a node when the old name was seen.
  for (const rename of renames) {
    if (info.has(rename.from) && groupMentions(info, groups, rename.from) > 0) ensure(rename.to);
  }

  return buildRegistry(info, groups, subordinate, preferred, renames, facts, keyOf);
}

function groupMentions(info: Map<string, KeyInfo>, groups: KeyGroups, key: string): number {
  const root = groups.find(key);
  let total = 0;
  for (const [other, entry] of info) if (groups.find(other) === root) total += entry.mentions;
  return total;
}

function mergeSourceDamage(
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

function buildRegistry(
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

  return { agencies, resolve, suspicious: findSuspicious(agencies, renames, facts.suffixes, keyOf) };
}

/** Length of the longest common subsequence of two short strings. */
function commonSubsequenceLength(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a[i - 1] === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** One agency's years all come before the other's: the later may be the earlier renamed. */
function yearsDisjoint(a: CanonicalAgency, b: CanonicalAgency): boolean {
  const lastA = a.years[a.years.length - 1];
  const lastB = b.years[b.years.length - 1];
  const firstA = a.years[0];
  const firstB = b.years[0];
  if (lastA === undefined || lastB === undefined || firstA === undefined || firstB === undefined) return false;
  return lastA < firstB || lastB < firstA;
}

function findSuspicious(
  agencies: readonly CanonicalAgency[],
  renames: readonly RenameFact[],
  suffixes: readonly string[],
  keyOf: (surface: string) => string,
): SuspiciousPair[] {
  const renamed = new Set<string>();
  for (const rename of renames) {
    renamed.add(`${rename.from}\u0000${rename.to}`);
    renamed.add(`${rename.to}\u0000${rename.from}`);
  }
  const entries = agencies.map((agency) => {
    const key = keyOf(agency.name);
    return { agency, key, ...stemOf(key, suffixes) };
  });
  const pairs: SuspiciousPair[] = [];
  for (let i = 0; i < entries.length; i++) {
    const left = entries[i];
    if (left === undefined || left.stem.length < 2) continue;
    for (let j = i + 1; j < entries.length; j++) {
      const right = entries[j];
      if (right === undefined || right.stem.length < 2) continue;
      if (renamed.has(`${left.key}\u0000${right.key}`)) continue;
      const pair = comparePair(left, right);
      if (pair !== null) pairs.push({ a: left.agency, b: right.agency, ...pair });
    }
  }
  return pairs.sort(
    (x, y) => y.similarity - x.similarity || x.a.name.localeCompare(y.a.name) || x.b.name.localeCompare(y.b.name),
  );
}

function comparePair(
  left: { agency: CanonicalAgency; stem: string; suffix: string },
  right: { agency: CanonicalAgency; stem: string; suffix: string },
): Pick<SuspiciousPair, 'reason' | 'similarity'> | null {
  const [shorter, longer] = left.stem.length <= right.stem.length ? [left.stem, right.stem] : [right.stem, left.stem];
  if (longer.includes(shorter)) {
    // 融水县 / 融水苗族自治县 (a prefix) is worth a look at any ratio; 科技 inside
    // 广西科技大学 is not, unless it is most of the name.
    const ratio = shorter.length / longer.length;
    const atEdge = longer.startsWith(shorter) || longer.endsWith(shorter);
    return atEdge || ratio >= 0.5 ? { reason: 'shared-core', similarity: ratio } : null;
  }
  const allowed = Math.floor(longer.length * (1 - SUSPICIOUS_MIN_SPELLING_SIMILARITY));
  if (allowed >= 1) {
    const distance = editDistance(left.stem, right.stem, allowed);
    if (distance <= allowed && !NUMERAL.test(differingCharacters(left.stem, right.stem))) {
      return { reason: 'similar-spelling', similarity: 1 - distance / longer.length };
    }
  }
  // 市城管执法局 (to 2024) and 市城市管理局 (from 2026): same ending and first
  // character, half the distinctive part in common, never seen in the same year.
  if (left.suffix === right.suffix && left.stem[0] === right.stem[0] && yearsDisjoint(left.agency, right.agency)) {
    const common = commonSubsequenceLength(left.stem, right.stem);
    if (common >= 2 && common * 2 >= shorter.length) return { reason: 'possible-rename', similarity: common / longer.length };
  }
  return null;
}
