/**
 * Linking's inputs, each distinct text tokenised once into content-token ids
 * in one pool, so that what linking keeps is ≈4 bytes a token and not the
 * texts, the tokens as strings, or a JS array per text (at ×100 of the bench
 * corpus: 78k texts, ≈90 MB of heap as strings and arrays). The texts and the
 * tokeniser can be garbage once `prepareLinks` returns.
 *
 * `LinkFeatures` then numbers a link kind's features (tokens, and adjacent
 * pairs of tokens: "phrases") in the order the texts meet them, and counts in
 * how many texts each occurs, for IDF; its ids are what the string-keyed
 * vocabulary gave before (the same order of first appearance), so every score
 * is computed from the same numbers in the same order.
 */
import { PairIds } from '../pair-ids.ts';
import { contentTokens, tfidfVector, type ContentFilter, type SparseVector } from './similarity.ts';

export interface LinkableText {
  readonly id: string;
  readonly year: number;
  readonly text: string;
}

/** One side of the links (clauses or paragraphs): ids, years and token slots, by input position. */
export interface LinkTexts {
  readonly ids: readonly string[];
  readonly years: Float64Array;
  readonly slots: Int32Array;
}

export class LinkCorpus {
  constructor(
    readonly assignments: LinkTexts,
    readonly passages: LinkTexts,
    private readonly pool: Int32Array,
    /** Slot k's tokens are pool[starts[k] .. starts[k + 1]). */
    private readonly starts: Int32Array,
  ) {}

  /** The content-token ids of a slot, in text order. */
  tokens(slot: number): Int32Array {
    return this.pool.subarray(this.starts[slot] ?? 0, this.starts[slot + 1] ?? 0);
  }
}

/** Tokenises each distinct text once (content tokens only: `filter` applies here). */
export function prepareLinks(
  assignments: readonly LinkableText[],
  passages: readonly LinkableText[],
  tokenize: (text: string) => string[],
  filter: ContentFilter,
): LinkCorpus {
  const words = new Map<string, number>();
  const slotOfText = new Map<string, number>();
  const starts: number[] = [0];
  let pool = new Int32Array(1 << 16);
  let used = 0;
  const slotOf = (text: string): number => {
    const known = slotOfText.get(text);
    if (known !== undefined) return known;
    const tokens = contentTokens(tokenize(text), filter);
    if (used + tokens.length > pool.length) {
      const grown = new Int32Array(Math.max(pool.length * 2, used + tokens.length));
      grown.set(pool.subarray(0, used));
      pool = grown;
    }
    for (const token of tokens) {
      let id = words.get(token);
      if (id === undefined) {
        id = words.size;
        words.set(token, id);
      }
      pool[used++] = id;
    }
    const slot = starts.length - 1;
    starts.push(used);
    slotOfText.set(text, slot);
    return slot;
  };
  const side = (texts: readonly LinkableText[]): LinkTexts => ({
    ids: texts.map((text) => text.id),
    years: Float64Array.from(texts, (text) => text.year),
    slots: Int32Array.from(texts, (text) => slotOf(text.text)),
  });
  const clauses = side(assignments);
  const paragraphs = side(passages);
  return new LinkCorpus(clauses, paragraphs, pool.slice(0, used), Int32Array.from(starts));
}

/** A word is the pair (word id, NO_SECOND); a phrase, (word id, next word id). */
const NO_SECOND = -1;

/** The features of one link kind over the texts it was given, with their document frequencies. */
export class LinkFeatures {
  private readonly ids = new PairIds(1 << 16);
  private frequencies = new Int32Array(1 << 16);
  /** The last text that counted each feature, so that a text counts a feature once. */
  private lastText = new Int32Array(1 << 16).fill(-1);
  private texts = 0;
  private readonly scratch: number[] = [];

  constructor(
    private readonly corpus: LinkCorpus,
    private readonly phrases: boolean,
  ) {}

  /** Counts one text (in input order: the ids follow the order features are first met). */
  add(slot: number): void {
    const text = this.texts++;
    const ids = this.featureIds(slot, true);
    if (this.ids.size > this.frequencies.length) this.reserve(this.ids.size);
    for (const id of ids) {
      if (this.lastText[id] === text) continue;
      this.lastText[id] = text;
      this.frequencies[id] = (this.frequencies[id] ?? 0) + 1;
    }
  }

  /** The text's TF-IDF vector; every text given to it must have been added first. */
  vector(slot: number): SparseVector {
    return tfidfVector(this.featureIds(slot, false), (id) => this.idf(id));
  }

  /** Smoothed inverse document frequency: ln(1 + N / df); rare features weigh most. */
  private idf(id: number): number {
    const df = this.frequencies[id] ?? 0;
    return df === 0 ? 0 : Math.log(1 + this.texts / df);
  }

  /** The text's feature ids with repeats: its tokens, then its adjacent pairs (`scratch`, reused). */
  private featureIds(slot: number, intern: boolean): number[] {
    const tokens = this.corpus.tokens(slot);
    const ids = this.scratch;
    ids.length = 0;
    const idOf = (first: number, second: number): number => (intern ? this.ids.intern(first, second) : this.ids.get(first, second));
    for (const token of tokens) ids.push(idOf(token, NO_SECOND));
    if (this.phrases) for (let index = 1; index < tokens.length; index++) ids.push(idOf(tokens[index - 1] ?? 0, tokens[index] ?? 0));
    return ids;
  }

  private reserve(size: number): void {
    const length = Math.max(size, this.frequencies.length * 2);
    const frequencies = new Int32Array(length);
    frequencies.set(this.frequencies);
    const lastText = new Int32Array(length).fill(-1);
    lastText.set(this.lastText);
    this.frequencies = frequencies;
    this.lastText = lastText;
  }
}
