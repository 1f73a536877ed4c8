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

import type { AgencyFacts } from '../agency-facts.ts';
import { CITY_CANDIDATE, NOT_A_CITY, normaliseAgencySpelling, splitBrackets, stemOf, stripCity } from './keys.ts';
import { groupMentions, KeyGroups, mergeSourceDamage, type KeyInfo } from './merge.ts';
import { buildRegistry } from './registry.ts';
import type { AgencyRegistry, ObservedAgencyName } from './types.ts';

export type { AgencyKind } from '../agency-facts.ts';
export type { AgencyRegistry, CanonicalAgency, ObservedAgencyName, SuspiciousPair } from './types.ts';
export { normaliseAgencySpelling } from './keys.ts';

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
    if (observation.year !== null) entry.years.add(observation.year);
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
