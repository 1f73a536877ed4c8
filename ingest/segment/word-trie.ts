/**
 * A dictionary of words as a trie whose edges are `PairIds`: (node, code point)
 * → edge id, the child being node edge id + 1 (the root is 0), and a weight per
 * node (NaN: a prefix only). jieba's own trie (a hash map per node) costs
 * ≈110 MB for its 350k words, and nodejieba builds two; this one is ≈16 MB,
 * outside the JS heap.
 */
import { PairIds } from '../pair-ids.ts';

export class WordTrie {
  static readonly ROOT = 0;
  private readonly edges: PairIds;
  private weights: Float64Array;

  constructor(expectedNodes = 1 << 16) {
    this.edges = new PairIds(expectedNodes);
    this.weights = new Float64Array(Math.max(16, expectedNodes)).fill(Number.NaN);
  }

  get size(): number {
    return this.edges.size + 1;
  }

  /** The child of `node` by `char` (a code point), or -1. */
  child(node: number, char: number): number {
    const edge = this.edges.get(node, char);
    return edge < 0 ? -1 : edge + 1;
  }

  /** The word's weight at `node`; NaN when the node is only a prefix. */
  weight(node: number): number {
    return this.weights[node] ?? Number.NaN;
  }

  /**
   * Adds `text.slice(start, end)` as a word (or gives it a new weight: the last
   * insertion wins, as in jieba), without making the slice. Empty words are ignored.
   */
  insert(text: string, weight: number, start = 0, end = text.length): void {
    if (start >= end) return;
    let node = WordTrie.ROOT;
    for (let at = start; at < end; ) {
      const char = text.codePointAt(at) ?? 0;
      at += char > 0xffff ? 2 : 1;
      node = this.edges.intern(node, char) + 1;
    }
    if (node >= this.weights.length) {
      const weights = new Float64Array(Math.max(node + 1, this.weights.length * 2)).fill(Number.NaN);
      weights.set(this.weights);
      this.weights = weights;
    }
    this.weights[node] = weight;
  }
}
