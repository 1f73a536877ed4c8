/**
 * A dictionary of words as a trie whose edges live in one open-addressing hash
 * table of typed arrays: (node, code point) → child node, and a weight per node
 * (NaN: a prefix only). jieba's own trie (a hash map per node) costs ≈110 MB for
 * its 350k words, and nodejieba builds two; this one is ≈16 MB, outside the JS heap.
 */

const EMPTY = -1;

export class WordTrie {
  static readonly ROOT = 0;
  private edgeNodes: Int32Array;
  private edgeChars: Int32Array;
  private edgeChildren: Int32Array;
  private mask: number;
  private edges = 0;
  private weights: Float64Array;
  private nodes = 1;

  constructor(expectedNodes = 1 << 16) {
    let capacity = 1 << 10;
    while (capacity < expectedNodes * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.edgeNodes = new Int32Array(capacity);
    this.edgeChars = new Int32Array(capacity);
    this.edgeChildren = new Int32Array(capacity).fill(EMPTY);
    this.weights = new Float64Array(Math.max(16, expectedNodes)).fill(Number.NaN);
  }

  get size(): number {
    return this.nodes;
  }

  private slot(node: number, char: number): number {
    let hash = Math.imul(node ^ Math.imul(char, 0x9e3779b1), 0x85ebca6b);
    hash ^= hash >>> 15;
    return hash & this.mask;
  }

  /** The child of `node` by `char` (a code point), or -1. */
  child(node: number, char: number): number {
    const mask = this.mask;
    for (let at = this.slot(node, char); ; at = (at + 1) & mask) {
      const found = this.edgeChildren[at] ?? EMPTY;
      if (found === EMPTY) return EMPTY;
      if (this.edgeNodes[at] === node && this.edgeChars[at] === char) return found;
    }
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
      let next = this.child(node, char);
      if (next === EMPTY) next = this.addEdge(node, char);
      node = next;
    }
    this.weights[node] = weight;
  }

  private addEdge(node: number, char: number): number {
    if ((this.edges + 1) * 2 > this.mask + 1) this.grow();
    if (this.nodes >= this.weights.length) {
      const weights = new Float64Array(this.weights.length * 2).fill(Number.NaN);
      weights.set(this.weights);
      this.weights = weights;
    }
    const child = this.nodes++;
    this.put(node, char, child);
    this.edges += 1;
    return child;
  }

  private put(node: number, char: number, child: number): void {
    const mask = this.mask;
    let at = this.slot(node, char);
    while ((this.edgeChildren[at] ?? EMPTY) !== EMPTY) at = (at + 1) & mask;
    this.edgeNodes[at] = node;
    this.edgeChars[at] = char;
    this.edgeChildren[at] = child;
  }

  private grow(): void {
    const nodes = this.edgeNodes;
    const chars = this.edgeChars;
    const children = this.edgeChildren;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.edgeNodes = new Int32Array(capacity);
    this.edgeChars = new Int32Array(capacity);
    this.edgeChildren = new Int32Array(capacity).fill(EMPTY);
    for (let at = 0; at < children.length; at++) {
      const child = children[at] ?? EMPTY;
      if (child !== EMPTY) this.put(nodes[at] ?? 0, chars[at] ?? 0, child);
    }
  }
}
