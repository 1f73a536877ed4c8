/**
 * Dense ids for pairs of non-negative integers, 0, 1, 2 … in order of first
 * `intern`: an open-addressing hash table in three Int32Arrays (12 bytes a slot,
 * at most half full), outside the JS heap and with no object per pair. A Map
 * keyed by strings or by objects costs 60–100 bytes an entry on the heap; the
 * dictionary trie (ingest/segment/word-trie.ts) and linking's features (token,
 * and pair of adjacent tokens) hold hundreds of thousands of pairs.
 */

const EMPTY = -1;

export class PairIds {
  private firsts: Int32Array;
  private seconds: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1 << 10) {
    let capacity = 1 << 10;
    while (capacity < expected * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.firsts = new Int32Array(capacity);
    this.seconds = new Int32Array(capacity);
    this.values = new Int32Array(capacity).fill(EMPTY);
  }

  /** How many pairs have an id. */
  get size(): number {
    return this.count;
  }

  private slot(first: number, second: number): number {
    let hash = Math.imul(first ^ Math.imul(second, 0x9e3779b1), 0x85ebca6b);
    hash ^= hash >>> 15;
    return hash & this.mask;
  }

  /** The pair's id, or -1 when it has none. */
  get(first: number, second: number): number {
    const mask = this.mask;
    for (let at = this.slot(first, second); ; at = (at + 1) & mask) {
      const value = this.values[at] ?? EMPTY;
      if (value === EMPTY || (this.firsts[at] === first && this.seconds[at] === second)) return value;
    }
  }

  /** The pair's id, given the next one if it has none yet. */
  intern(first: number, second: number): number {
    const known = this.get(first, second);
    if (known !== EMPTY) return known;
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    const id = this.count++;
    this.put(first, second, id);
    return id;
  }

  private put(first: number, second: number, value: number): void {
    const mask = this.mask;
    let at = this.slot(first, second);
    while ((this.values[at] ?? EMPTY) !== EMPTY) at = (at + 1) & mask;
    this.firsts[at] = first;
    this.seconds[at] = second;
    this.values[at] = value;
  }

  private grow(): void {
    const { firsts, seconds, values } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.firsts = new Int32Array(capacity);
    this.seconds = new Int32Array(capacity);
    this.values = new Int32Array(capacity).fill(EMPTY);
    for (let at = 0; at < values.length; at++) {
      const value = values[at] ?? EMPTY;
      if (value !== EMPTY) this.put(firsts[at] ?? 0, seconds[at] ?? 0, value);
    }
  }
}
