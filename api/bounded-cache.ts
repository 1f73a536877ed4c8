/**
 * A least-recently-used cache bounded by entries and by the total length of
 * its keys. yoga's parse cache keys documents (and parse errors) by their
 * source text and its default bounds only the number of entries: a thousand
 * entries of 100 kB sources would hold 100 MB of text plus their trees. A
 * parsed document is about proportional to its source, so the key length is
 * its weight here.
 */
export interface BoundedCacheOptions {
  readonly maxEntries: number;
  /** Sum of the keys' lengths (UTF-16 code units). */
  readonly maxKeyCharacters: number;
}

export class BoundedCache<V> {
  readonly #entries = new Map<string, V>();
  readonly #options: BoundedCacheOptions;
  #characters = 0;

  constructor(options: BoundedCacheOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Total length of the keys held. */
  get characters(): number {
    return this.#characters;
  }

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) return undefined;
    // Most recently used last.
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    // An entry larger than a quarter of the budget would evict everything useful: not kept.
    if (key.length > this.#options.maxKeyCharacters / 4) return;
    if (this.#entries.delete(key)) this.#characters -= key.length;
    this.#entries.set(key, value);
    this.#characters += key.length;
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#options.maxEntries && this.#characters <= this.#options.maxKeyCharacters) break;
      this.#entries.delete(oldest);
      this.#characters -= oldest.length;
    }
  }
}

/** The bounds of the API's document and parse-error caches: 1,000 documents or 4 M characters of source each. */
export const DOCUMENT_CACHE_BOUNDS: BoundedCacheOptions = { maxEntries: 1_000, maxKeyCharacters: 4_000_000 };
