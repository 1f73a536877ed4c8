/**
 * Token similarity between two pieces of prose, for linking a task-division
 * clause to the work-report paragraph it comes from and to the same work in an
 * earlier year. Pure: the tokeniser and the stop words are passed in.
 *
 * Two representations:
 * - token bags (`Map<token, count>`) with weighted Jaccard and cosine, for
 *   comparing a few texts (`textSimilarity`);
 * - TF-IDF sparse vectors over integer token ids, L2-normalised so that a dot
 *   product is the cosine, for the inverted index in `cross-document.ts`.
 */

export type TokenBag = ReadonlyMap<string, number>;

export interface ContentFilter {
  /** Function words and boilerplate verbs (`data/rules/stopwords.txt`). */
  readonly stopwords: ReadonlySet<string>;
  /** Further tokens to drop, e.g. every agency name and alias: shared leads are not shared content. */
  readonly ignore?: ReadonlySet<string>;
  /** Shorter tokens are dropped; single characters are mostly particles or jieba's leftovers. Default 2. */
  readonly minLength?: number;
}

/** A token is content when it holds a letter (Han or Latin) and is not a number with a unit sign. */
const HAS_LETTER = /\p{L}/u;

/** The tokens that carry meaning: no punctuation, numbers, stop words or ignored names. */
export function contentTokens(tokens: readonly string[], filter: ContentFilter): string[] {
  const minLength = filter.minLength ?? 2;
  const kept: string[] = [];
  for (const raw of tokens) {
    const token = raw.trim();
    if (token.length < minLength || !HAS_LETTER.test(token)) continue;
    if (filter.stopwords.has(token) || filter.ignore?.has(token)) continue;
    kept.push(token);
  }
  return kept;
}

export function bagOf(tokens: readonly string[]): Map<string, number> {
  const bag = new Map<string, number>();
  for (const token of tokens) bag.set(token, (bag.get(token) ?? 0) + 1);
  return bag;
}

const unitWeight = (): number => 1;

/**
 * Σ w·min(countA, countB) / Σ w·max(countA, countB): 1 for equal bags, 0 when
 * nothing is shared or either bag is empty. Symmetric.
 */
export function weightedJaccard(a: TokenBag, b: TokenBag, weight: (token: string) => number = unitWeight): number {
  let shared = 0;
  let union = 0;
  for (const [token, countA] of a) {
    const w = weight(token);
    const countB = b.get(token) ?? 0;
    shared += w * Math.min(countA, countB);
    union += w * Math.max(countA, countB);
  }
  for (const [token, countB] of b) {
    if (!a.has(token)) union += weight(token) * countB;
  }
  return union > 0 ? Math.min(1, shared / union) : 0;
}

/** Cosine of the two bags as weighted count vectors; 0 when either is empty. Symmetric. */
export function cosineSimilarity(a: TokenBag, b: TokenBag, weight: (token: string) => number = unitWeight): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [token, countA] of a) {
    const w = weight(token);
    normA += (w * countA) ** 2;
    const countB = b.get(token);
    if (countB !== undefined) dot += w * countA * w * countB;
  }
  for (const [token, countB] of b) normB += (weight(token) * countB) ** 2;
  if (normA === 0 || normB === 0) return 0;
  return Math.min(1, dot / Math.sqrt(normA * normB));
}

/** Weighted Jaccard of the content tokens of two texts. */
export function textSimilarity(
  a: string,
  b: string,
  tokenize: (text: string) => string[],
  filter: ContentFilter,
): number {
  return weightedJaccard(bagOf(contentTokens(tokenize(a), filter)), bagOf(contentTokens(tokenize(b), filter)));
}

/** A sparse vector: ids ascending, weights aligned. */
export interface SparseVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/**
 * TF-IDF with sublinear term frequency (1 + ln tf), L2-normalised: the dot
 * product of two such vectors is their cosine similarity.
 */
export function tfidfVector(tokenIds: readonly number[], idf: (id: number) => number): SparseVector {
  const counts = new Map<number, number>();
  for (const id of tokenIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const ids = Int32Array.from([...counts.keys()].sort((x, y) => x - y));
  const weights = new Float64Array(ids.length);
  let norm = 0;
  ids.forEach((id, index) => {
    const weight = (1 + Math.log(counts.get(id) ?? 1)) * idf(id);
    weights[index] = weight;
    norm += weight * weight;
  });
  if (norm > 0) {
    const length = Math.sqrt(norm);
    for (let index = 0; index < weights.length; index++) weights[index] = (weights[index] ?? 0) / length;
  }
  return { ids, weights };
}

/** Dot product of two sparse vectors (a merge over their sorted ids). */
export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const idA = a.ids[i] ?? 0;
    const idB = b.ids[j] ?? 0;
    if (idA === idB) {
      sum += (a.weights[i] ?? 0) * (b.weights[j] ?? 0);
      i++;
      j++;
    } else if (idA < idB) {
      i++;
    } else {
      j++;
    }
  }
  return Math.min(1, sum);
}
