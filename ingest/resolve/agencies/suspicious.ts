/** Names that look alike but were not joined, reported for a human to settle. */
import type { RenameFact } from '../agency-facts.ts';
import { editDistance } from '../edit-distance.ts';
import { differingCharacters, NUMERAL, stemOf } from './keys.ts';
import type { CanonicalAgency, SuspiciousPair } from './types.ts';

/**
 * Below this, spelling similarity of the distinctive parts is noise: two
 * two-character parts one edit apart (财政/民政, 体育/教育) are different bodies.
 */
const SUSPICIOUS_MIN_SPELLING_SIMILARITY = 0.6;

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

export function findSuspicious(
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
