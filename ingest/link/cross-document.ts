/**
 * Links across documents:
 * - IMPLEMENTS: a task-division clause → the same-year work-report paragraph(s) it comes from;
 * - CONTINUES: a clause → the most similar clause of the nearest earlier year's task division.
 *
 * Scoring (chosen on the seeds with bench/calibrate-links.ts: 2023 and 2024
 * task divisions and 2023 report from seed 003, 2026 division from seed 004,
 * 2024 report from seed 002, tokenised with nodejieba, stop words from
 * data/rules/stopwords.txt):
 *
 * Features are content tokens (no stop words, punctuation, numbers, single
 * characters, agency names) plus adjacent token pairs ("phrases"), TF-IDF
 * weighted (sublinear tf, idf over all texts being linked), L2-normalised.
 *
 * IMPLEMENTS uses coverage: the share of the clause's TF-IDF mass found in the
 * paragraph. Task divisions copy the report's sentences, so a clause is
 * (nearly) contained in its paragraph while the paragraph is several clauses
 * long, which cosine punishes. On 204 clauses (2023+2024):
 *   right report present: best score p05 0.94, median 1.00; the best paragraph
 *     beats the runner-up by ≥ 0.2 for 200/204 clauses, and no runner-up reaches
 *     0.9× the best (highest seen: TD2023#1 targets sentence 1.00 vs a review
 *     paragraph 0.86), hence `relativeCutoff` 0.9 with `maxLinks` 2;
 *   other year's report in its place (every link wrong apart from restated
 *     work): best score median 0.21, p90 0.46, p95 0.59;
 *   threshold 0.6 keeps 202/204 right links and 9/204 "wrong" ones, most of
 *     which are the same work restated (TD2024#34 返贫动态监测 → 2023 report
 *     狠抓防止返贫动态监测帮扶…, 0.62; TD2024#44 传统村落保护利用 → 2023
 *     推动传统村落保护利用, 1.00). Without phrases the wrong-report p90 was
 *     0.75: phrases halve chance matches at no cost to right ones.
 *   Right links under 0.6 were a clause cut by a page break (0.64 → 0.55 split
 *     over two paragraphs) and a non-clause fragment (0.09).
 *
 * CONTINUES uses cosine (both sides are clauses of similar length), best
 * earlier clause only. On 209 clauses (2024→2023, 2026→2024), threshold 0.15:
 *   ≥ 0.25 all same work: 地区生产总值增长… (TD2024#1→TD2023#1), 防止返贫动态监测
 *     (TD2024#34→TD2023#38), 民族团结进步示范市 (TD2024#104→TD2023#92);
 *   0.15–0.25 about 85% same work: 新能源汽车实验室 0.21, 车联网先导区 0.16,
 *     洋溪水利枢纽、梅林航电枢纽 0.18, 跨境电子商务综合试验区 0.25, 融媒体中心 0.20,
 *     招商 2026→2024 0.22; wrong ones: 债务风险 → 规模性返贫底线 0.20
 *     (shared 牢牢守住…底线), 新能源产业园 → 家电产业园 0.23;
 *   0.10–0.15 the same theme rather than the same work (养老 → 养老服务中心
 *     0.16, 金融 → 中小微企业 0.13) and clear misses (口袋公园 → 融媒体中心
 *     试点 0.10), so links stop at 0.15.
 *
 * Efficiency (blocking instead of all pairs): one inverted index per year over
 * the targets, so a clause meets only its own year's paragraphs (IMPLEMENTS)
 * or the nearest earlier year's clauses (CONTINUES); within that block only
 * rare tokens propose candidates: those in at most `candidateTokenShare` of
 * the block's targets and never more than `maxPostings` (64) of them, so the
 * work per clause is bounded however many places publish in a year (without
 * such a token, the clause's rarest one proposes its first 64 targets). All
 * tokens still count when the best `rescored` candidates are scored exactly.
 * `npm run bench` prints the growth exponent of linking time (≈ 1: linear).
 *
 * Memory: IDF spans every text, so a first pass counts each feature's document
 * frequency over all of them (ingest/link/link-corpus.ts: token ids, no
 * vectors); then the vectors and the inverted index are made one year at a
 * time (IMPLEMENTS: the year's paragraphs, then its clauses; CONTINUES: a
 * year's clauses against the index of the year before, which is then
 * dropped), so at most two years' vectors are alive, not the corpus'. The
 * links come out in clause order, as from one pass over the clauses.
 */

import { LinkFeatures, prepareLinks, type LinkCorpus, type LinkableText, type LinkTexts } from './link-corpus.ts';
import { dot, type ContentFilter, type SparseVector } from './similarity.ts';

export type { LinkableText } from './link-corpus.ts';
export { prepareLinks, type LinkCorpus } from './link-corpus.ts';

export interface ScoredLink {
  readonly from: string;
  readonly to: string;
  /** 0..1 */
  readonly score: number;
}

export type LinkScoring = 'cosine' | 'coverage';

export interface LinkOptions {
  /** Links scoring below this are dropped. */
  readonly threshold?: number;
  /** At most this many links per clause. */
  readonly maxLinks?: number;
  /** A second or later link must score at least this share of the best one. */
  readonly relativeCutoff?: number;
  /** Stop words and tokens to ignore (agency names); default: none. */
  readonly filter?: ContentFilter;
  /**
   * `cosine`: TF-IDF cosine, symmetric. `coverage`: the share of the clause's
   * TF-IDF mass found in the target, for a short clause against a long paragraph.
   */
  readonly scoring?: LinkScoring;
  /**
   * Tokens found in more than this share of a year's targets do not propose
   * candidates (they still count in the final score); keeps postings short.
   */
  readonly candidateTokenShare?: number;
  /**
   * A token whose postings are longer than this never proposes candidates
   * however many targets the year has (blocking on rare tokens): the work per
   * clause stays bounded as a year fills with documents from many places, so
   * linking grows linearly with the corpus instead of with each year's square.
   */
  readonly maxPostings?: number;
  /** How many best partial matches are rescored exactly. */
  readonly rescored?: number;
  /**
   * Also count adjacent pairs of content tokens as features, so that text
   * copied phrase by phrase outscores text that merely shares vocabulary.
   */
  readonly phrases?: boolean;
}

export const IMPLEMENTS_DEFAULTS = {
  threshold: 0.6,
  maxLinks: 2,
  relativeCutoff: 0.9,
  scoring: 'coverage',
  candidateTokenShare: 0.05,
  maxPostings: 64,
  rescored: 20,
  phrases: true,
} as const satisfies LinkOptions;

export const CONTINUES_DEFAULTS = {
  threshold: 0.15,
  maxLinks: 1,
  relativeCutoff: 1,
  scoring: 'cosine',
  candidateTokenShare: 0.05,
  maxPostings: 64,
  rescored: 20,
  phrases: true,
} as const satisfies LinkOptions;

const NO_FILTER: ContentFilter = { stopwords: new Set() };

interface Settings {
  readonly threshold: number;
  readonly maxLinks: number;
  readonly relativeCutoff: number;
  readonly scoring: LinkScoring;
  readonly candidateTokenShare: number;
  readonly maxPostings: number;
  readonly rescored: number;
  readonly phrases: boolean;
}

function settings(defaults: Settings, options: LinkOptions | undefined): Settings {
  return {
    threshold: options?.threshold ?? defaults.threshold,
    maxLinks: Math.max(1, options?.maxLinks ?? defaults.maxLinks),
    relativeCutoff: options?.relativeCutoff ?? defaults.relativeCutoff,
    scoring: options?.scoring ?? defaults.scoring,
    candidateTokenShare: options?.candidateTokenShare ?? defaults.candidateTokenShare,
    maxPostings: Math.max(3, options?.maxPostings ?? defaults.maxPostings),
    rescored: Math.max(1, options?.rescored ?? defaults.rescored),
    phrases: options?.phrases ?? defaults.phrases,
  };
}

/**
 * Targets of one year with an inverted index from token id to (target, weight).
 *
 * The postings are built once, when the first source is scored (every target
 * is added before), as flat typed arrays: one list per token of the year, its
 * entries in the order the targets were added. A list per token as two
 * growing JS arrays cost ≈400 bytes a token and made most of linking's heap
 * (×10: ≈90 MB of 150); flat, it is 12 bytes an entry and a map entry per token.
 */
class YearIndex {
  readonly targets: { readonly id: string; readonly vector: SparseVector }[] = [];
  /** Token id → its list number; null until built, and again after an add. */
  private lists: Map<number, number> | null = null;
  private starts = new Int32Array(0);
  private lengths = new Int32Array(0);
  private postingTargets = new Int32Array(0);
  private postingWeights = new Float64Array(0);
  private scores = new Float64Array(0);
  private seen = new Uint8Array(0);

  add(id: string, vector: SparseVector): void {
    this.targets.push({ id, vector });
    this.lists = null;
  }

  private index(): Map<number, number> {
    if (this.lists !== null) return this.lists;
    const lists = new Map<number, number>();
    let entries = 0;
    for (const { vector } of this.targets) {
      for (const tokenId of vector.ids) if (!lists.has(tokenId)) lists.set(tokenId, lists.size);
      entries += vector.ids.length;
    }
    const lengths = new Int32Array(lists.size);
    for (const { vector } of this.targets) {
      for (const tokenId of vector.ids) {
        const list = lists.get(tokenId) as number;
        lengths[list] = (lengths[list] ?? 0) + 1;
      }
    }
    const starts = new Int32Array(lists.size);
    for (let list = 1; list < lists.size; list++) starts[list] = (starts[list - 1] ?? 0) + (lengths[list - 1] ?? 0);
    const fill = Int32Array.from(starts);
    const postingTargets = new Int32Array(entries);
    const postingWeights = new Float64Array(entries);
    this.targets.forEach(({ vector }, target) => {
      vector.ids.forEach((tokenId, position) => {
        const list = lists.get(tokenId) as number;
        const at = fill[list] ?? 0;
        postingTargets[at] = target;
        postingWeights[at] = vector.weights[position] ?? 0;
        fill[list] = at + 1;
      });
    });
    this.starts = starts;
    this.lengths = lengths;
    this.postingTargets = postingTargets;
    this.postingWeights = postingWeights;
    this.lists = lists;
    return lists;
  }

  /** How many targets hold the token (0: none). */
  private postingLength(lists: Map<number, number>, tokenId: number): number | undefined {
    const list = lists.get(tokenId);
    return list === undefined ? undefined : this.lengths[list];
  }

  /** The best targets for `source`, exact scores, best first (ties by id). */
  best(source: SparseVector, config: Settings): { id: string; score: number }[] {
    if (this.scores.length !== this.targets.length) {
      this.scores = new Float64Array(this.targets.length);
      this.seen = new Uint8Array(this.targets.length);
    }
    const scores = this.scores;
    const seen = this.seen;
    const lists = this.index();
    const cap = Math.min(config.maxPostings, Math.max(3, Math.ceil(config.candidateTokenShare * this.targets.length)));
    const hasRareToken = source.ids.some((tokenId) => (this.postingLength(lists, tokenId) ?? 0) <= cap);
    // Without a rare token, only the clause's rarest token proposes, and only its first `maxPostings` targets.
    let rarest = -1;
    if (!hasRareToken) {
      let shortest = Number.POSITIVE_INFINITY;
      for (const tokenId of source.ids) {
        const length = this.postingLength(lists, tokenId);
        if (length !== undefined && length < shortest) {
          shortest = length;
          rarest = tokenId;
        }
      }
    }
    const touched: number[] = [];
    source.ids.forEach((tokenId, position) => {
      const list = lists.get(tokenId);
      if (list === undefined) return;
      const length = this.lengths[list] ?? 0;
      if (hasRareToken ? length > cap : tokenId !== rarest) return;
      const weight = source.weights[position] ?? 0;
      const start = this.starts[list] ?? 0;
      const end = start + Math.min(length, config.maxPostings);
      for (let k = start; k < end; k++) {
        const target = this.postingTargets[k] ?? 0;
        if (seen[target] === 0) {
          seen[target] = 1;
          touched.push(target);
        }
        scores[target] = (scores[target] ?? 0) + weight * (config.scoring === 'coverage' ? weight : (this.postingWeights[k] ?? 0));
      }
    });
    const candidates = topByScore(touched, scores, config.rescored);
    for (const target of touched) {
      scores[target] = 0;
      seen[target] = 0;
    }
    return candidates
      .map((target) => {
        const entry = this.targets[target];
        if (entry === undefined) return { id: '', score: 0 };
        const score = config.scoring === 'coverage' ? coverage(source, entry.vector) : dot(source, entry.vector);
        return { id: entry.id, score };
      })
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  }
}

/** The `count` best of `items` by `scores` (ties: lower index first), without sorting them all. */
function topByScore(items: readonly number[], scores: Float64Array, count: number): number[] {
  if (items.length <= count) return [...items].sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  const better = (a: number, b: number): boolean => (scores[a] ?? 0) > (scores[b] ?? 0) || ((scores[a] ?? 0) === (scores[b] ?? 0) && a < b);
  const kept: number[] = [];
  for (const item of items) {
    if (kept.length === count) {
      const worst = kept[kept.length - 1];
      if (worst === undefined || !better(item, worst)) continue;
      kept.pop();
    }
    let position = kept.length;
    while (position > 0 && better(item, kept[position - 1] ?? 0)) position--;
    kept.splice(position, 0, item);
  }
  return kept;
}

/** Share of `part`'s (unit-length) TF-IDF mass on tokens that `whole` also has. */
function coverage(part: SparseVector, whole: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < part.ids.length && j < whole.ids.length) {
    const a = part.ids[i] ?? 0;
    const b = whole.ids[j] ?? 0;
    if (a === b) {
      sum += (part.weights[i] ?? 0) ** 2;
      i++;
      j++;
    } else if (a < b) {
      i++;
    } else {
      j++;
    }
  }
  return Math.min(1, sum);
}

function select(
  from: string,
  ranked: readonly { id: string; score: number }[],
  config: Settings,
): ScoredLink[] {
  const best = ranked[0];
  if (best === undefined || best.score < config.threshold) return [];
  const links: ScoredLink[] = [];
  for (const candidate of ranked) {
    if (links.length >= config.maxLinks) break;
    if (candidate.score < config.threshold || candidate.score < config.relativeCutoff * best.score) break;
    links.push({ from, to: candidate.id, score: candidate.score });
  }
  return links;
}

/** Input positions by year, each year's in input order. */
function byYear(texts: LinkTexts): Map<number, number[]> {
  const years = new Map<number, number[]>();
  texts.years.forEach((year, index) => {
    const positions = years.get(year);
    if (positions === undefined) years.set(year, [index]);
    else positions.push(index);
  });
  return years;
}

/** Each clause's links, in clause order (the order of a single pass over the clauses). */
function inClauseOrder(found: { clause: number; links: ScoredLink[] }[]): ScoredLink[] {
  return found.sort((a, b) => a.clause - b.clause).flatMap((entry) => entry.links);
}

/**
 * For each clause, the same-year work-report paragraph(s) it implements: the
 * best one above the threshold, and further ones scoring nearly as well.
 */
export function linkImplements(
  assignments: readonly LinkableText[],
  passages: readonly LinkableText[],
  tokenize: (text: string) => string[],
  options?: LinkOptions,
): ScoredLink[] {
  return implementsIn(prepareLinks(assignments, passages, tokenize, options?.filter ?? NO_FILTER), options);
}

/** `linkImplements` over a prepared corpus (its filter is the corpus': `options.filter` is not read). */
export function implementsIn(corpus: LinkCorpus, options?: LinkOptions): ScoredLink[] {
  const config = settings(IMPLEMENTS_DEFAULTS, options);
  const { assignments, passages } = corpus;
  // IDF over clauses and paragraphs, counted in the order the vocabulary always met them.
  const features = new LinkFeatures(corpus, config.phrases);
  for (const slot of assignments.slots) features.add(slot);
  for (const slot of passages.slots) features.add(slot);

  const clausesByYear = byYear(assignments);
  const found: { clause: number; links: ScoredLink[] }[] = [];
  for (const [year, paragraphs] of byYear(passages)) {
    const clauses = clausesByYear.get(year);
    if (clauses === undefined) continue;
    const yearIndex = new YearIndex();
    for (const paragraph of paragraphs) yearIndex.add(passages.ids[paragraph] ?? '', features.vector(passages.slots[paragraph] ?? 0));
    for (const clause of clauses) {
      const from = assignments.ids[clause] ?? '';
      found.push({ clause, links: select(from, yearIndex.best(features.vector(assignments.slots[clause] ?? 0), config), config) });
    }
  }
  return inClauseOrder(found);
}

/**
 * For each clause, the most similar clause of the nearest earlier year that has
 * any clauses (2026 → 2024 when there is no 2025 division), above the threshold.
 */
export function linkContinues(
  assignments: readonly LinkableText[],
  tokenize: (text: string) => string[],
  options?: LinkOptions,
): ScoredLink[] {
  return continuesIn(prepareLinks(assignments, [], tokenize, options?.filter ?? NO_FILTER), options);
}

/** `linkContinues` over a prepared corpus's clauses (its filter is the corpus': `options.filter` is not read). */
export function continuesIn(corpus: LinkCorpus, options?: LinkOptions): ScoredLink[] {
  const config = settings(CONTINUES_DEFAULTS, options);
  const { assignments } = corpus;
  // IDF over the clauses alone.
  const features = new LinkFeatures(corpus, config.phrases);
  for (const slot of assignments.slots) features.add(slot);

  const clausesByYear = byYear(assignments);
  const found: { clause: number; links: ScoredLink[] }[] = [];
  let earlier: YearIndex | null = null;
  for (const year of [...clausesByYear.keys()].sort((a, b) => a - b)) {
    const clauses = clausesByYear.get(year) ?? [];
    const yearIndex = new YearIndex();
    for (const clause of clauses) {
      const vector = features.vector(assignments.slots[clause] ?? 0);
      const from = assignments.ids[clause] ?? '';
      if (earlier !== null) found.push({ clause, links: select(from, earlier.best(vector, config), config) });
      yearIndex.add(from, vector);
    }
    // The year before is done with: only this year's index is kept, for the next.
    earlier = yearIndex;
  }
  return inClauseOrder(found);
}
